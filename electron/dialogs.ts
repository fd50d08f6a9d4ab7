/**
 * The system's file dialogs, in the UI's language. Each resolves to the chosen path, or null when
 * the facilitator cancels. What the path may be used for is the handlers' decision, not this one's.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { app, dialog, type BrowserWindow, type FileFilter, type MessageBoxOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { ExportKind, Language } from '../core/api';
import { sessionFileExtension } from '../core/session-file';
import { exportExtension } from './export/export-session';
import type { Dialogs } from './ipc/handlers';

export interface DialogLabels {
  readonly openTitle: string;
  readonly openButton: string;
  readonly saveAsTitle: string;
  readonly saveAsButton: string;
  readonly folderTitle: string;
  readonly folderButton: string;
  /** The file type's name in the dialogs' type filter. */
  readonly sessionFiles: string;
  /** The export's save dialog; its title is followed by the file type ("Export: PDF Document"). */
  readonly exportTitle: string;
  readonly exportButton: string;
  /** Asked before a dropped file is opened (and may then be changed); the path follows as detail. */
  readonly confirmOpenMessage: string;
  readonly confirmOpenButton: string;
  /** Asked when the name typed had no extension and the file with it exists; `{name}` is its name. */
  readonly replaceQuestion: string;
  readonly replaceDetail: string;
  readonly replaceButton: string;
  readonly cancelButton: string;
}

export const dialogLabels: Readonly<Record<Language, DialogLabels>> = {
  de: {
    openTitle: 'Sitzung öffnen',
    openButton: 'Öffnen',
    saveAsTitle: 'Kopie speichern unter',
    saveAsButton: 'Speichern',
    folderTitle: 'Ordner für Sitzungen wählen',
    folderButton: 'Ordner wählen',
    sessionFiles: 'Nahtstelle-Sitzungen',
    exportTitle: 'Exportieren',
    exportButton: 'Exportieren',
    confirmOpenMessage: 'Diese Datei öffnen? Nahtstelle speichert Änderungen in ihr.',
    confirmOpenButton: 'Öffnen',
    replaceQuestion: '„{name}“ ist bereits vorhanden. Möchten Sie die Datei ersetzen?',
    replaceDetail: 'Ersetzen überschreibt den Inhalt der vorhandenen Datei.',
    replaceButton: 'Ersetzen',
    cancelButton: 'Abbrechen',
  },
  en: {
    openTitle: 'Open Session',
    openButton: 'Open',
    saveAsTitle: 'Save a Copy As',
    saveAsButton: 'Save',
    folderTitle: 'Choose Sessions Folder',
    folderButton: 'Choose Folder',
    sessionFiles: 'Nahtstelle Sessions',
    exportTitle: 'Export',
    exportButton: 'Export',
    confirmOpenMessage: 'Open this file? Nahtstelle saves changes to it.',
    confirmOpenButton: 'Open',
    replaceQuestion: '“{name}” already exists. Do you want to replace it?',
    replaceDetail: 'Replacing it overwrites what the existing file holds.',
    replaceButton: 'Replace',
    cancelButton: 'Cancel',
  },
};

/** Each export's file type, by name, for the save dialog's type filter and title. */
export const exportFileTypes: Readonly<Record<Language, Readonly<Record<ExportKind, string>>>> = {
  de: {
    pdf: 'PDF-Dokument',
    docx: 'Word-Dokument',
    pptx: 'PowerPoint-Präsentation',
    md: 'Markdown-Text',
    html: 'HTML-Seite',
    csv: 'CSV-Tabelle',
    json: 'JSON-Daten',
    handout: 'PDF-Dokument',
    png: 'PNG-Bild',
  },
  en: {
    pdf: 'PDF Document',
    docx: 'Word Document',
    pptx: 'PowerPoint Presentation',
    md: 'Markdown Text',
    html: 'Web Page (HTML)',
    csv: 'CSV Table',
    json: 'JSON Data',
    handout: 'PDF Document',
    png: 'PNG Image',
  },
};

/** Without the dot, as Electron's filters want it. */
/** Dialog filters name extensions without the dot. */
export const sessionFileExtensionName = sessionFileExtension.slice(1);

export interface DialogOptions {
  /** The UI's language now; asked on every dialog, since the facilitator can switch it. */
  readonly language: () => Language;
  /** Where the dialogs start: the sessions folder. */
  readonly sessionsFolder: () => string;
}

/**
 * Dialogs attached to the window `getWindow` returns (modal to it), or free-standing when there is
 * none (macOS without a window).
 */
export function createDialogs(getWindow: () => BrowserWindow | null, options: DialogOptions): Dialogs {
  const labels = (): DialogLabels => dialogLabels[options.language()];
  const filters = (): FileFilter[] => [{ name: labels().sessionFiles, extensions: [sessionFileExtensionName] }];
  // The sessions folder does not exist until the first session is saved there.
  const startFolder = (): string => {
    const folder = options.sessionsFolder();
    return existsSync(folder) ? folder : app.getPath('documents');
  };

  const showOpen = (dialogOptions: OpenDialogOptions): ReturnType<typeof dialog.showOpenDialog> => {
    const window = getWindow();
    return window ? dialog.showOpenDialog(window, dialogOptions) : dialog.showOpenDialog(dialogOptions);
  };
  const showSave = (dialogOptions: SaveDialogOptions): ReturnType<typeof dialog.showSaveDialog> => {
    const window = getWindow();
    return window ? dialog.showSaveDialog(window, dialogOptions) : dialog.showSaveDialog(dialogOptions);
  };
  /**
   * The chosen path with the filter's extension. Linux's dialogs (GTK, the portal) add none and
   * ask about overwriting only for the name as typed: "Plan" was checked, "Plan.pdf" would be
   * written over without a question. So where the extension is added here and that file exists,
   * the facilitator is asked; null when they keep it.
   */
  const withExtension = async (filePath: string, extension: string): Promise<string | null> => {
    if (extname(filePath).toLowerCase() === extension) return filePath;
    const target = `${filePath}${extension}`;
    if (!existsSync(target)) return target;
    const { replaceQuestion, replaceDetail, replaceButton, cancelButton } = labels();
    const question: MessageBoxOptions = {
      type: 'warning',
      message: replaceQuestion.replace('{name}', basename(target)),
      detail: replaceDetail,
      buttons: [replaceButton, cancelButton],
      defaultId: 1,
      cancelId: 1,
    };
    const window = getWindow();
    const { response } = await (window ? dialog.showMessageBox(window, question) : dialog.showMessageBox(question));
    return response === 0 ? target : null;
  };
  /** Exports go where the facilitator put the last one in this run; the first to the documents folder. */
  let exportFolder: string | null = null;

  const firstPath = ({ canceled, filePaths }: { canceled: boolean; filePaths: string[] }): string | null =>
    canceled ? null : (filePaths[0] ?? null);

  return {
    async chooseSessionFile() {
      const { openTitle, openButton } = labels();
      return firstPath(
        await showOpen({ title: openTitle, buttonLabel: openButton, defaultPath: startFolder(), filters: filters(), properties: ['openFile'] }),
      );
    },
    async chooseSaveAsPath(suggestedName) {
      const { saveAsTitle, saveAsButton } = labels();
      const { canceled, filePath } = await showSave({
        title: saveAsTitle,
        buttonLabel: saveAsButton,
        defaultPath: join(startFolder(), safeFileName(suggestedName)),
        filters: filters(),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return canceled || !filePath ? null : withExtension(filePath, sessionFileExtension.toLowerCase());
    },
    async chooseExportPath(kind, suggestedName) {
      const { exportTitle, exportButton } = labels();
      const fileType = exportFileTypes[options.language()][kind];
      const folder = exportFolder !== null && existsSync(exportFolder) ? exportFolder : app.getPath('documents');
      const { canceled, filePath } = await showSave({
        title: `${exportTitle}: ${fileType}`,
        buttonLabel: exportButton,
        defaultPath: join(folder, safeFileName(suggestedName)),
        filters: [{ name: fileType, extensions: [exportExtension(kind).slice(1)] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (canceled || !filePath) return null;
      const target = await withExtension(filePath, exportExtension(kind));
      if (target !== null) exportFolder = dirname(target);
      return target;
    },
    async confirmOpenFile(path) {
      const { openTitle, confirmOpenMessage, confirmOpenButton, cancelButton } = labels();
      const messageOptions: MessageBoxOptions = {
        type: 'question',
        title: openTitle,
        message: confirmOpenMessage,
        // The full path: the facilitator sees exactly which file the app would change.
        detail: path,
        buttons: [confirmOpenButton, cancelButton],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      };
      const window = getWindow();
      const { response } = window ? await dialog.showMessageBox(window, messageOptions) : await dialog.showMessageBox(messageOptions);
      return response === 0;
    },
    async chooseFolder() {
      const { folderTitle, folderButton } = labels();
      return firstPath(
        await showOpen({
          title: folderTitle,
          buttonLabel: folderButton,
          defaultPath: startFolder(),
          properties: ['openDirectory', 'createDirectory'],
        }),
      );
    },
  };
}

/**
 * A session title as a file name: a slash would make it a path into another folder, and Windows
 * refuses a few more characters. Everything else (umlauts, spaces) stays as the facilitator wrote it.
 */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim();
  return cleaned.replace(/^\.+/, '') || 'Nahtstelle';
}
