/**
 * UI text of the control window's layout (header overflow menu, compact workshop panel, window
 * zoom, date fields); wired into en.ts and de.ts under `layout`. See docs/ARCHITECTURE.md.
 */
export const en = {
  more: 'More',
  language: 'Language…',
  languageHeading: 'Language',
  done: 'Done',
  expandPanel: 'Show block details',
  collapsePanel: 'Hide block details',
  zoom: 'Window zoom {{percent}} %',
  date: {
    placeholder: 'yyyy-mm-dd',
    invalid: 'Enter the date as yyyy-mm-dd, e.g. 2027-03-04.',
  },
};

export const de: typeof en = {
  more: 'Mehr',
  language: 'Sprache …',
  languageHeading: 'Sprache',
  done: 'Fertig',
  expandPanel: 'Block-Details zeigen',
  collapsePanel: 'Block-Details ausblenden',
  zoom: 'Fensterzoom {{percent}} %',
  date: {
    placeholder: 'TT.MM.JJJJ',
    invalid: 'Bitte das Datum als TT.MM.JJJJ eingeben, z. B. 04.03.2027.',
  },
};
