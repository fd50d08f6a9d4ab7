/** The application menu's words. The menu is built in main, so it cannot use the renderer's i18n. */
import type { Language } from '../core/api';
import { languageOfLocale } from '../core/languages';

export interface MenuLabels {
  readonly file: string;
  readonly open: string;
  readonly quit: string;
  readonly edit: string;
  readonly undo: string;
  readonly redo: string;
  readonly cut: string;
  readonly copy: string;
  readonly paste: string;
  readonly selectAll: string;
  readonly view: string;
  readonly toggleFullScreen: string;
  readonly reload: string;
  readonly toggleDevTools: string;
  readonly help: string;
  readonly about: string;
  /** macOS only: the app menu, File › Close Window and the Window menu, named as macOS names them. */
  readonly services: string;
  readonly hide: string;
  readonly hideOthers: string;
  readonly showAll: string;
  readonly quitApp: string;
  readonly closeWindow: string;
  readonly window: string;
  readonly minimize: string;
  readonly zoom: string;
  readonly bringAllToFront: string;
}

export const menuLabels: Readonly<Record<Language, MenuLabels>> = {
  de: {
    file: 'Datei',
    open: 'Öffnen …',
    quit: 'Beenden',
    edit: 'Bearbeiten',
    undo: 'Rückgängig',
    redo: 'Wiederholen',
    cut: 'Ausschneiden',
    copy: 'Kopieren',
    paste: 'Einfügen',
    selectAll: 'Alles auswählen',
    view: 'Ansicht',
    toggleFullScreen: 'Vollbild ein/aus',
    reload: 'Neu laden',
    toggleDevTools: 'Entwicklerwerkzeuge',
    help: 'Hilfe',
    about: 'Über Nahtstelle',
    services: 'Dienste',
    hide: 'Nahtstelle ausblenden',
    hideOthers: 'Andere ausblenden',
    showAll: 'Alle einblenden',
    quitApp: 'Nahtstelle beenden',
    closeWindow: 'Fenster schließen',
    window: 'Fenster',
    minimize: 'Im Dock ablegen',
    zoom: 'Zoomen',
    bringAllToFront: 'Alle nach vorne bringen',
  },
  en: {
    file: 'File',
    open: 'Open…',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    toggleFullScreen: 'Toggle Full Screen',
    reload: 'Reload',
    toggleDevTools: 'Developer Tools',
    help: 'Help',
    about: 'About Nahtstelle',
    services: 'Services',
    hide: 'Hide Nahtstelle',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quitApp: 'Quit Nahtstelle',
    closeWindow: 'Close Window',
    window: 'Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    bringAllToFront: 'Bring All to Front',
  },
};

/** The chosen language, else German for a German system locale ("de", "de-AT", "de_CH"), else English. */
export function resolveLanguage(chosen: Language | null, systemLocale: string): Language {
  if (chosen !== null) return chosen;
  return languageOfLocale(systemLocale);
}
