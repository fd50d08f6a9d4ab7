/** UI text of the block views (core/block-view.ts) and paged lists; wired into en.ts and de.ts under `views`. */
export const en = {
  /** The column headings are cards.view.*. */
  caricatures: 'Caricatures',
  noCaricatures: 'No caricature yet',
  metrics: 'Metrics and their narratives',
  noMetrics: 'No metric yet',
  /** The toggle between a block's own view and the lanes of topics (key V). */
  showTopics: 'Show topics',
  /** Below a list the room cannot see wholly (audience window, presentation mode). */
  more_one: '+{{count}} more',
  more_other: '+{{count}} more',
};

export const de: typeof en = {
  caricatures: 'Zerrbilder',
  noCaricatures: 'Noch kein Zerrbild',
  metrics: 'Kennzahlen und ihre Erzählungen',
  noMetrics: 'Noch keine Kennzahl',
  showTopics: 'Themen zeigen',
  more_one: '+{{count}} weitere',
  more_other: '+{{count}} weitere',
};
