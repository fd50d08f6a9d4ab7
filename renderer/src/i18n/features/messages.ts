/**
 * UI text of messages and dialogs (issue 15: error details, transient hints, session details,
 * card details, export's "Show in folder"); wired into en.ts and de.ts under `messages`.
 * See docs/ARCHITECTURE.md, "Dialogs and messages".
 */
export const en = {
  /** The toggle that shows a failure's technical detail, for whoever helps the facilitator. */
  details: 'Details',
  technical: 'Technical detail: {{detail}}',
  participants: {
    /** How the participants' list is filled fast: said to screen readers with the first name field. */
    hint: 'Enter adds the next participant. A pasted list (one name per line) becomes one row per name.',
    owners: 'Participants',
  },
  export: {
    savedIn: 'Saved in {{folder}}',
    showInFolder: 'Show in folder',
    showFailed: 'The folder could not be shown.',
  },
};

export const de: typeof en = {
  details: 'Details',
  technical: 'Technische Angabe: {{detail}}',
  participants: {
    hint: 'Enter fügt die nächste Person an. Eine eingefügte Liste (ein Name pro Zeile) wird zu einer Zeile je Name.',
    owners: 'Teilnehmende',
  },
  export: {
    savedIn: 'Gespeichert in {{folder}}',
    showInFolder: 'Im Ordner zeigen',
    showFailed: 'Der Ordner konnte nicht gezeigt werden.',
  },
};
