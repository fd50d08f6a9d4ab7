/** English UI text. The shape of this object is the type every other language must match. */
export const en = {
  app: {
    name: 'Nahtstelle',
    loading: 'Opening the board…',
    startFailed: 'The board could not be opened: {{detail}}',
    toolbar: 'Board actions',
  },
  board: {
    label: 'Workshop board',
  },
  lane: {
    marketing: 'Marketing',
    seam: 'Seam',
    sales: 'Sales',
    cardCount_one: '{{count}} card',
    cardCount_other: '{{count}} cards',
    empty: 'No cards yet',
  },
  card: {
    add: 'Add card',
    newCardLabel: 'Title of the new card in {{lane}}',
    newCardPlaceholder: 'New card… (Enter to add, Esc to close)',
    edit: 'Edit card {{title}}',
    roleDescription: 'movable card',
    titleLabel: 'Card title',
    delete: 'Delete card {{title}}',
    deleted: 'Card “{{title}}” deleted.',
    description: 'Card in {{lane}}, position {{position}} of {{count}}',
  },
  actions: {
    undo: 'Undo',
    redo: 'Redo',
    dismiss: 'Dismiss',
    language: 'Language',
  },
  language: {
    system: 'System ({{language}})',
    de: 'Deutsch',
    en: 'English',
  },
  dnd: {
    instructions:
      'To pick up a card, press Space. While moving it, Left and Right go to the neighbouring lane, Up and Down move within the lane. Press Space to drop it, or Escape to cancel. Enter edits the title, Delete removes the card.',
    pickedUp: 'Picked up {{title}}. {{lane}}, position {{position}} of {{count}}.',
    moved: '{{title}}: {{lane}}, position {{position}} of {{count}}.',
    dropped: 'Dropped {{title}} in {{lane}}, position {{position}} of {{count}}.',
    cancelled: 'Move cancelled. {{title}} is back in {{lane}}, position {{position}} of {{count}}.',
  },
  errors: {
    unknownVerb: 'The app asked for something it does not know ({{detail}}).',
    invalidArguments: 'The app sent invalid data ({{detail}}).',
    forbiddenSender: 'This request did not come from the app window and was refused.',
    internal: 'Something went wrong: {{detail}}',
  },
};

export type Translation = typeof en;
