/** The application menu's words. The menu is built in main, so it cannot use the renderer's i18n. */
import type { Language } from '../core/api';

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
  },
};

/** The chosen language, else German for a German system locale ("de", "de-AT", "de_CH"), else English. */
export function resolveLanguage(chosen: Language | null, systemLocale: string): Language {
  if (chosen !== null) return chosen;
  const primary = systemLocale.split(/[-_]/)[0]?.toLowerCase();
  return primary === 'de' ? 'de' : 'en';
}
