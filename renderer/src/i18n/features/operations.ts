/**
 * UI text of the workshop operations (undo notices, fast voting, the new card's kind, the agenda's
 * total and end); wired into en.ts and de.ts under `operations`. See docs/ARCHITECTURE.md.
 */
export const en = {
  undo: {
    undone: 'Undone: {{step}}',
    redone: 'Redone: {{step}}',
    quoted: '“{{title}}”',
    hiddenCard: 'a hidden caricature',
    steps: {
      addCard: 'adding {{title}}',
      editCardTitle: 'renaming {{title}}',
      updateCard: 'edit of {{title}}',
      deleteCard: 'deletion of {{title}}',
      moveCard: 'move of {{title}}',
      moveCardWithReason: 'move of {{title}} and its reason',
      setMoveReason: 'reason for moving {{title}}',
      vote: 'dot on {{title}}',
      clearVotes: 'clearing the dots',
      setVoting: 'voting settings',
      revealCaricatures: 'caricature reveal',
      setMission: 'mission edit',
      lane: 'lane change',
      agenda: 'agenda change',
      updateDetails: 'session details edit',
      other: 'last change',
    },
  },
  composer: {
    switchKind: 'Kind of the new card: {{kind}}. Switch kind',
    switchHint: 'Switch kind (↑/↓ in the field)',
  },
  agenda: {
    total: 'Agenda {{count}} min',
    end: 'ends about {{time}}',
  },
};

export const de: typeof en = {
  undo: {
    undone: 'Rückgängig: {{step}}',
    redone: 'Wiederhergestellt: {{step}}',
    quoted: '„{{title}}“',
    hiddenCard: 'einer verdeckten Karikatur',
    steps: {
      addCard: 'Hinzufügen von {{title}}',
      editCardTitle: 'Umbenennen von {{title}}',
      updateCard: 'Bearbeiten von {{title}}',
      deleteCard: 'Löschen von {{title}}',
      moveCard: 'Verschieben von {{title}}',
      moveCardWithReason: 'Verschieben von {{title}} samt Begründung',
      setMoveReason: 'Begründung zum Verschieben von {{title}}',
      vote: 'Punkt auf {{title}}',
      clearVotes: 'Entfernen der Punkte',
      setVoting: 'Einstellungen der Punktabfrage',
      revealCaricatures: 'Aufdecken der Karikaturen',
      setMission: 'Bearbeiten der Mission',
      lane: 'Änderung einer Spalte',
      agenda: 'Änderung der Agenda',
      updateDetails: 'Bearbeiten der Sitzungsdetails',
      other: 'letzte Änderung',
    },
  },
  composer: {
    switchKind: 'Art der neuen Karte: {{kind}}. Art wechseln',
    switchHint: 'Art wechseln (↑/↓ im Feld)',
  },
  agenda: {
    total: 'Agenda {{count}} Min.',
    end: 'Ende ca. {{time}}',
  },
};
