import type { Translation } from './en';

export const de: Translation = {
  app: {
    name: 'Nahtstelle',
    loading: 'Board wird geöffnet …',
    startFailed: 'Das Board konnte nicht geöffnet werden: {{detail}}',
    toolbar: 'Board-Aktionen',
  },
  board: {
    label: 'Workshop-Board',
  },
  lane: {
    marketing: 'Marketing',
    seam: 'Nahtstelle',
    sales: 'Sales',
    cardCount_one: '{{count}} Karte',
    cardCount_other: '{{count}} Karten',
    empty: 'Noch keine Karten',
  },
  card: {
    add: 'Karte hinzufügen',
    newCardLabel: 'Titel der neuen Karte in {{lane}}',
    newCardPlaceholder: 'Neue Karte … (Enter fügt hinzu, Esc schließt)',
    edit: 'Karte {{title}} bearbeiten',
    roleDescription: 'verschiebbare Karte',
    titleLabel: 'Kartentitel',
    delete: 'Karte {{title}} löschen',
    deleted: 'Karte „{{title}}“ gelöscht.',
    description: 'Karte in {{lane}}, Position {{position}} von {{count}}',
  },
  actions: {
    undo: 'Rückgängig',
    redo: 'Wiederholen',
    dismiss: 'Schließen',
    language: 'Sprache',
  },
  language: {
    system: 'System ({{language}})',
    de: 'Deutsch',
    en: 'English',
  },
  dnd: {
    instructions:
      'Leertaste nimmt eine Karte auf. Dann führen Pfeil links und rechts in die benachbarte Spalte, Pfeil hoch und runter verschieben innerhalb der Spalte. Leertaste legt die Karte ab, Escape bricht ab. Enter bearbeitet den Titel, Entf löscht die Karte.',
    pickedUp: '{{title}} aufgenommen. {{lane}}, Position {{position}} von {{count}}.',
    moved: '{{title}}: {{lane}}, Position {{position}} von {{count}}.',
    dropped: '{{title}} abgelegt in {{lane}}, Position {{position}} von {{count}}.',
    cancelled: 'Verschieben abgebrochen. {{title}} steht wieder in {{lane}}, Position {{position}} von {{count}}.',
  },
  errors: {
    unknownVerb: 'Die App hat etwas Unbekanntes angefragt ({{detail}}).',
    invalidArguments: 'Die App hat ungültige Daten gesendet ({{detail}}).',
    forbiddenSender: 'Diese Anfrage kam nicht aus dem App-Fenster und wurde abgelehnt.',
    internal: 'Etwas ist schiefgegangen: {{detail}}',
  },
};
