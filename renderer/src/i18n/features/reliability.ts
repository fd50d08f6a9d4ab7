/** UI text for keeping work safe: the unsaved-changes prompt and one-time notices; wired in under `reliability`. */
export const en = {
  unsaved: {
    heading: 'The changes are not saved yet',
    openBody: 'Before another session opens, the changes to this one must reach the disk. Saving failed: {{reason}}',
    closeBody: 'Before the window closes, the changes must reach the disk. Saving failed: {{reason}}',
    retry: 'Try again',
    saveCopy: 'Save a copy elsewhere…',
    discardOpen: 'Discard the changes and open',
    discardClose: 'Close without saving',
    keepWorking: 'Keep working',
    copySaved: 'The changes were saved as “{{file}}”.',
  },
  notices: {
    preferencesDamaged: 'The settings file was damaged. Nahtstelle started with its default settings and kept the damaged file as “{{file}}”.',
    preferencesNotSaved: 'Settings cannot be saved on this computer right now; changes to them last until the app closes.',
    conflictCopy:
      '“{{file}}” was changed by another program while it was open here. That version is kept as “{{copy}}” in the library; the board you see was saved.',
  },
};

export const de: typeof en = {
  unsaved: {
    heading: 'Die Änderungen sind noch nicht gespeichert',
    openBody: 'Bevor eine andere Sitzung öffnet, müssen die Änderungen an dieser gespeichert sein. Das Speichern schlug fehl: {{reason}}',
    closeBody: 'Bevor das Fenster schließt, müssen die Änderungen gespeichert sein. Das Speichern schlug fehl: {{reason}}',
    retry: 'Erneut versuchen',
    saveCopy: 'Kopie an anderem Ort speichern…',
    discardOpen: 'Änderungen verwerfen und öffnen',
    discardClose: 'Schließen ohne zu speichern',
    keepWorking: 'Weiterarbeiten',
    copySaved: 'Die Änderungen wurden als „{{file}}“ gespeichert.',
  },
  notices: {
    preferencesDamaged:
      'Die Einstellungsdatei war beschädigt. Nahtstelle startete mit den Standardeinstellungen und hat die beschädigte Datei als „{{file}}“ aufbewahrt.',
    preferencesNotSaved: 'Einstellungen lassen sich auf diesem Computer gerade nicht speichern; Änderungen daran gelten, bis die App schließt.',
    conflictCopy:
      '„{{file}}“ wurde von einem anderen Programm geändert, während sie hier offen war. Diese Fassung liegt als „{{copy}}“ in der Bibliothek; das Board, das Sie sehen, wurde gespeichert.',
  },
};
