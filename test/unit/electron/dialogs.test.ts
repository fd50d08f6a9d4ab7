import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportKinds, type Language } from '../../../core/api';
import { createDialogs, dialogLabels, exportFileTypes, safeFileName } from '../../../electron/dialogs';
import type { Dialogs } from '../../../electron/ipc/handlers';
import { dialog } from '../fakes/electron';

const documents = '/nonexistent/nahtstelle-test/documents';
const sessionFilter = (name: string): { name: string; extensions: string[] }[] => [{ name, extensions: ['nahtstelle'] }];

let folder: string;
let language: Language;
let window: BrowserWindow | null;
let dialogs: Dialogs;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'nahtstelle-dialogs-'));
  language = 'de';
  window = new BrowserWindow({});
  dialogs = createDialogs(() => window, { language: () => language, sessionsFolder: () => folder });
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The window and options of the only open dialog shown. */
function openDialogCall(): { parent: unknown; options: Record<string, unknown> } {
  expect(dialog.showOpenDialog).toHaveBeenCalledOnce();
  const args = dialog.showOpenDialog.mock.calls[0] ?? [];
  return args.length === 2
    ? { parent: args[0], options: args[1] as Record<string, unknown> }
    : { parent: null, options: args[0] as Record<string, unknown> };
}

function saveDialogCall(): { parent: unknown; options: Record<string, unknown> } {
  expect(dialog.showSaveDialog).toHaveBeenCalledOnce();
  const args = dialog.showSaveDialog.mock.calls[0] ?? [];
  return args.length === 2
    ? { parent: args[0], options: args[1] as Record<string, unknown> }
    : { parent: null, options: args[0] as Record<string, unknown> };
}

describe('chooseSessionFile', () => {
  it('is null when cancelled', async () => {
    expect(await dialogs.chooseSessionFile()).toBeNull();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [] });
    expect(await dialogs.chooseSessionFile()).toBeNull();
  });

  it('answers the chosen file', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/Users/ana/kick-off.nahtstelle'] });
    expect(await dialogs.chooseSessionFile()).toBe('/Users/ana/kick-off.nahtstelle');
  });

  it('asks for one .nahtstelle file, modal to the window, in the sessions folder, in German', async () => {
    await dialogs.chooseSessionFile();
    const { parent, options } = openDialogCall();
    expect(parent).toBe(window);
    expect(options).toEqual({
      title: 'Sitzung öffnen',
      buttonLabel: 'Öffnen',
      defaultPath: folder,
      filters: sessionFilter('Nahtstelle-Sitzungen'),
      properties: ['openFile'],
    });
  });

  it('speaks the language the UI has now, and stands alone without a window', async () => {
    language = 'en';
    window = null;
    await dialogs.chooseSessionFile();
    const { parent, options } = openDialogCall();
    expect(parent).toBeNull();
    expect(options).toMatchObject({ title: 'Open Session', buttonLabel: 'Open', filters: sessionFilter('Nahtstelle Sessions') });
  });

  it('starts in the documents folder while the sessions folder does not exist yet', async () => {
    await rm(folder, { recursive: true });
    await dialogs.chooseSessionFile();
    expect(openDialogCall().options).toMatchObject({ defaultPath: documents });
  });
});

describe('chooseSaveAsPath', () => {
  it('is null when cancelled', async () => {
    expect(await dialogs.chooseSaveAsPath('Kick-off.nahtstelle')).toBeNull();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '' });
    expect(await dialogs.chooseSaveAsPath('Kick-off.nahtstelle')).toBeNull();
  });

  it('answers the chosen path, with the extension when the name typed had none', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/Users/ana/Kopie.nahtstelle' });
    expect(await dialogs.chooseSaveAsPath('Kick-off.nahtstelle')).toBe('/Users/ana/Kopie.nahtstelle');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/Users/ana/Kopie' });
    expect(await dialogs.chooseSaveAsPath('Kick-off.nahtstelle')).toBe('/Users/ana/Kopie.nahtstelle');
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('suggests the name in the sessions folder, with the .nahtstelle filter', async () => {
    await dialogs.chooseSaveAsPath('Kick-off Müller GmbH.nahtstelle');
    const { parent, options } = saveDialogCall();
    expect(parent).toBe(window);
    expect(options).toMatchObject({
      title: 'Kopie speichern unter',
      buttonLabel: 'Speichern',
      defaultPath: join(folder, 'Kick-off Müller GmbH.nahtstelle'),
      filters: sessionFilter('Nahtstelle-Sitzungen'),
    });
    expect(options.properties).toEqual(expect.arrayContaining(['createDirectory', 'showOverwriteConfirmation']));
  });

  it('keeps a title with slashes in the sessions folder', async () => {
    await dialogs.chooseSaveAsPath('Q1/Q2: Planung?.nahtstelle');
    expect(saveDialogCall().options).toMatchObject({ defaultPath: join(folder, 'Q1-Q2- Planung-.nahtstelle') });
  });
});

describe('chooseFolder', () => {
  it('is null when cancelled, the folder otherwise', async () => {
    expect(await dialogs.chooseFolder()).toBeNull();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/Volumes/STICK/Workshops'] });
    expect(await dialogs.chooseFolder()).toBe('/Volumes/STICK/Workshops');
  });

  it('asks for a folder, which may be created in the dialog', async () => {
    language = 'en';
    await dialogs.chooseFolder();
    const { options } = openDialogCall();
    expect(options).toEqual({
      title: 'Choose Sessions Folder',
      buttonLabel: 'Choose Folder',
      defaultPath: folder,
      properties: ['openDirectory', 'createDirectory'],
    });
  });
});

describe('chooseExportPath', () => {
  it('is null when cancelled, the chosen path otherwise', async () => {
    expect(await dialogs.chooseExportPath('pdf', 'Kick-off.pdf')).toBeNull();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '' });
    expect(await dialogs.chooseExportPath('pdf', 'Kick-off.pdf')).toBeNull();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/Users/ana/Kick-off.pdf' });
    expect(await dialogs.chooseExportPath('pdf', 'Kick-off.pdf')).toBe('/Users/ana/Kick-off.pdf');
  });

  it.each([
    ['pdf', 'PDF-Dokument', 'pdf'],
    ['docx', 'Word-Dokument', 'docx'],
    ['pptx', 'PowerPoint-Präsentation', 'pptx'],
    ['md', 'Markdown-Text', 'md'],
    ['html', 'HTML-Seite', 'html'],
    ['csv', 'CSV-Tabelle', 'csv'],
    ['json', 'JSON-Daten', 'json'],
    ['handout', 'PDF-Dokument', 'pdf'],
    ['png', 'PNG-Bild', 'png'],
  ] as const)('offers only the file type of %s, named in the UI’s language', async (kind, name, extension) => {
    await dialogs.chooseExportPath(kind, `Kick-off.${extension}`);
    const { parent, options } = saveDialogCall();
    expect(parent).toBe(window);
    expect(options).toMatchObject({ title: `Exportieren: ${name}`, buttonLabel: 'Exportieren', filters: [{ name, extensions: [extension] }] });
    expect(options.properties).toEqual(expect.arrayContaining(['createDirectory', 'showOverwriteConfirmation']));
  });

  it('starts in the documents folder, then where the last export went', async () => {
    language = 'en';
    await dialogs.chooseExportPath('docx', 'Q1/Q2: Planung?.docx');
    expect(saveDialogCall().options).toMatchObject({ title: 'Export: Word Document', defaultPath: join(documents, 'Q1-Q2- Planung-.docx') });

    dialog.showSaveDialog.mockClear();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(folder, 'Bericht.docx') });
    await dialogs.chooseExportPath('docx', 'Bericht.docx');
    dialog.showSaveDialog.mockClear();
    await dialogs.chooseExportPath('png', 'Kick-off – Board.png');
    expect(saveDialogCall().options).toMatchObject({ defaultPath: join(folder, 'Kick-off – Board.png') });
  });

  it('goes back to the documents folder when the last export’s folder is gone', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(folder, 'gone', 'Bericht.md') });
    await dialogs.chooseExportPath('md', 'Bericht.md');
    dialog.showSaveDialog.mockClear();
    await dialogs.chooseExportPath('md', 'Bericht.md');
    expect(saveDialogCall().options).toMatchObject({ defaultPath: join(documents, 'Bericht.md') });
  });

  it('has a file type name for every kind in both languages', () => {
    for (const kind of exportKinds) {
      expect(exportFileTypes.de[kind].trim()).not.toBe('');
      expect(exportFileTypes.en[kind].trim()).not.toBe('');
    }
  });
});

describe('a name typed without its extension (Linux dialogs check only the name as typed)', () => {
  it('asks before the file with the extension is replaced, in the UI’s language, and keeps it when told', async () => {
    const existing = join(folder, 'Plan.pdf');
    await writeFile(existing, 'the last export');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(folder, 'Plan') });
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await dialogs.chooseExportPath('pdf', 'Kick-off.pdf')).toBeNull();
    const [parent, options] = dialog.showMessageBox.mock.calls[0] ?? [];
    expect(parent).toBe(window);
    expect(options).toMatchObject({
      type: 'warning',
      message: '„Plan.pdf“ ist bereits vorhanden. Möchten Sie die Datei ersetzen?',
      buttons: ['Ersetzen', 'Abbrechen'],
      cancelId: 1,
      defaultId: 1,
    });
    expect(await readFile(existing, 'utf8')).toBe('the last export');
  });

  it('answers the path with the extension when the facilitator chooses Replace', async () => {
    language = 'en';
    await writeFile(join(folder, 'Kick-off.nahtstelle'), '{}');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(folder, 'Kick-off') });
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    expect(await dialogs.chooseSaveAsPath('Kick-off.nahtstelle')).toBe(join(folder, 'Kick-off.nahtstelle'));
    expect(dialog.showMessageBox.mock.calls[0]?.[1]).toMatchObject({
      message: '“Kick-off.nahtstelle” already exists. Do you want to replace it?',
      buttons: ['Replace', 'Cancel'],
    });
  });

  it('does not ask again when the dialog had the extension (its own overwrite question covered it)', async () => {
    await writeFile(join(folder, 'Plan.PDF'), 'x');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(folder, 'Plan.PDF') });
    expect(await dialogs.chooseExportPath('pdf', 'Plan.pdf')).toBe(join(folder, 'Plan.PDF'));
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });
});

describe('dialog labels', () => {
  it('are complete in both languages', () => {
    expect(Object.keys(dialogLabels.de).sort()).toEqual(Object.keys(dialogLabels.en).sort());
    for (const labels of Object.values(dialogLabels)) {
      for (const label of Object.values(labels)) expect(label.trim()).not.toBe('');
    }
  });
});

describe('safeFileName', () => {
  it.each([
    ['Kick-off Müller GmbH.nahtstelle', 'Kick-off Müller GmbH.nahtstelle'],
    ['../../etc/passwd.nahtstelle', '-..-etc-passwd.nahtstelle'],
    ['..\\..\\boot.nahtstelle', '-..-boot.nahtstelle'],
    ['a\u0000b.nahtstelle', 'a-b.nahtstelle'],
    ['  ', 'Nahtstelle'],
    ['...', 'Nahtstelle'],
  ])('%j → %j', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });
});

describe('confirmOpenFile', () => {
  it('asks in main’s own message box, modal to the window, showing the full path, in the UI’s language', async () => {
    expect(await dialogs.confirmOpenFile('/Users/ana/Downloads/kick-off.nahtstelle')).toBe(false);
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    const [parent, options] = dialog.showMessageBox.mock.calls[0] ?? [];
    expect(parent).toBe(window);
    expect(options).toMatchObject({
      message: dialogLabels.de.confirmOpenMessage,
      detail: '/Users/ana/Downloads/kick-off.nahtstelle',
      buttons: [dialogLabels.de.confirmOpenButton, dialogLabels.de.cancelButton],
      defaultId: 0,
      cancelId: 1,
    });
  });

  it('is true only when the facilitator presses Open', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    expect(await dialogs.confirmOpenFile('/tmp/a.nahtstelle')).toBe(true);
  });
});
