/**
 * The words of a summary, in German and English, dates included: main and the command line render summaries too.
 * docs/summaries.md, "The model (`core/summary.ts`)".
 */
import { languages, type Language } from './languages';
import type { BlockKind } from './agenda';
import type { CardColour, CardKind, CaricatureView, Department, Lead, Side } from './model';

/** What "at a glance" counts. */
export interface GlanceCounts {
  readonly cards: number;
  readonly topics: number;
  readonly caricatures: number;
  readonly metrics: number;
  readonly actions: number;
  readonly openActions: number;
}

/** Where the workshop got with an agenda block. */
export type AgendaState = 'done' | 'current' | 'skipped' | 'open';

/** A summary is written in one of the app's languages (core/languages.ts). */
export const summaryLanguages = languages;
export type SummaryLanguage = Language;

/**
 * The parts of a summary, in the order every format shows them (the client's order: what was
 * agreed and what happens next first, the detail after, the internal log last); each can be left
 * out. `facts` is the cover, `glance` the page "at a glance" (mission, counts, top 3, what is
 * unresolved, the next actions), `board` the picture of the board, `moves` an appendix.
 */
export const summarySections = [
  'facts',
  'glance',
  'board',
  'actions',
  'lanes',
  'seams',
  'caricatures',
  'metrics',
  'votes',
  'agenda',
  'moves',
] as const;
export type SummarySection = (typeof summarySections)[number];

/** The dialog's and the command line's ready-made choices: for the client (no internal moves log) or everything. */
export const summaryPresets = ['client', 'full'] as const;
export type SummaryPreset = (typeof summaryPresets)[number];
export const presetSections: Readonly<Record<SummaryPreset, readonly SummarySection[]>> = {
  client: summarySections.filter((section) => section !== 'moves'),
  full: summarySections,
};

/** How many places the ranking shows in its section; the rest go to an appendix. */
export const rankingTop = 10;
/** How many places "at a glance" shows, and how many next actions. */
export const glanceTop = 3;
export const glanceActions = 5;

/** The columns of the card table (CSV), in order. */
export const cardColumns = [
  'lane',
  'position',
  'title',
  'kind',
  'lead',
  'notes',
  'why',
  'colour',
  'tags',
  'exchangeWho',
  'exchangeCadence',
  'exchangeDecisions',
  'caricatureView',
  'truth',
  'cleared',
  'value',
  'target',
  'unit',
  'owner',
  'narrative',
  'actions',
  'dots',
  'moves',
  'id',
] as const;

/** The columns of the action table (CSV `--table actions`): one row per action item. */
export const actionColumns = ['action', 'owner', 'due', 'status', 'card', 'lane'] as const;
export type ActionColumn = (typeof actionColumns)[number];
export type CardColumn = (typeof cardColumns)[number];

export interface SummaryText {
  /** The document's title when the session has none. */
  readonly untitled: string;
  /** "Summary", for the document's subtitle and file metadata. */
  readonly summary: string;
  readonly sections: Readonly<Record<SummarySection, string>>;
  readonly facts: {
    readonly exported: string;
    readonly client: string;
    readonly date: string;
    readonly place: string;
    readonly facilitator: string;
    readonly participants: string;
    readonly noParticipants: string;
    readonly unnamed: string;
  };
  readonly departments: Readonly<Record<Department, string>>;
  /** Default names of the method's lanes; an extra lane always has a name of its own. */
  readonly lanes: { readonly marketing: string; readonly seam: string; readonly sales: string; readonly extra: string };
  readonly removedLane: string;
  readonly kinds: Readonly<Record<CardKind, string>>;
  readonly leads: Readonly<Record<Lead, string>>;
  readonly sides: Readonly<Record<Side, string>>;
  readonly views: Readonly<Record<CaricatureView, string>>;
  readonly colours: Readonly<Record<CardColour, string>>;
  readonly yes: string;
  readonly no: string;
  readonly mission: { readonly none: string; readonly label: string };
  readonly glance: {
    readonly counts: (counts: GlanceCounts) => string;
    readonly top: string;
    readonly unresolved: string;
    readonly noUnresolved: string;
    readonly nextActions: string;
    readonly noNextActions: string;
  };
  /** The board picture's caption and its text alternative. */
  readonly boardPicture: { readonly alt: string; readonly missing: string };
  readonly agenda: {
    readonly none: string;
    readonly block: string;
    readonly minutes: string;
    readonly state: string;
    readonly minutesText: (minutes: number) => string;
    readonly kinds: Readonly<Record<BlockKind, string>>;
    readonly states: Readonly<Record<AgendaState, string>>;
  };
  /** A card's details in the lane lists ("with notes"). */
  readonly card: { readonly notes: string; readonly why: string; readonly tags: string; readonly card: string; readonly details: string };
  readonly appendix: { readonly ranking: string };
  readonly lane: {
    readonly empty: string;
    readonly lead: string;
    readonly hiddenCaricatures: (count: number) => string;
  };
  readonly seams: {
    readonly none: string;
    readonly who: string;
    readonly cadence: string;
    readonly decisions: string;
    readonly notAgreed: string;
  };
  readonly caricatures: {
    readonly hidden: (count: number) => string;
    readonly none: string;
    readonly truth: string;
    readonly noTruth: string;
    readonly cleared: string;
    readonly notCleared: string;
  };
  readonly metrics: {
    readonly withNarrative: string;
    readonly withoutNarrative: string;
    readonly none: string;
    readonly allTold: string;
    readonly value: string;
    readonly target: string;
    readonly owner: string;
    readonly narrative: string;
    readonly noNarrative: string;
  };
  readonly votes: {
    readonly hidden: string;
    readonly none: string;
    readonly rank: string;
    readonly dots: (count: number) => string;
  };
  readonly actions: {
    readonly none: string;
    readonly action: string;
    readonly owner: string;
    readonly due: string;
    readonly card: string;
    readonly done: string;
    readonly open: string;
    readonly noOwner: string;
    readonly noDue: string;
    readonly status: string;
  };
  readonly unresolved: { readonly none: string; readonly lane: string };
  readonly moves: {
    readonly none: string;
    readonly reason: string;
    readonly noReason: string;
  };
  /** Added to a slide title when a long list goes on over another slide. */
  readonly continued: string;
  /** The image of the board (core/export/board-image.ts). */
  readonly board: {
    /** What a covered card says: a caricature not revealed yet (its text is not in the image). */
    readonly hiddenCaricature: string;
    /** Under a lane with more cards than the image shows. */
    readonly more: (count: number) => string;
  };
  /** The last part of an exported file's suggested name: "<title> – Auftrag.pdf". */
  readonly fileNames: { readonly handout: string; readonly board: string };
  /** Page footer: "Page 3 of 7" is put together by the formats that have pages. */
  readonly page: string;
  readonly of: string;
  readonly columns: Readonly<Record<CardColumn, string>>;
  readonly actionColumns: Readonly<Record<ActionColumn, string>>;
  readonly months: readonly string[];
  /** 4 → "4. März 2027" / "4 March 2027". */
  readonly day: (day: number, month: string, year: number) => string;
  /** A point in time: "4. März 2027, 10:31" / "4 March 2027, 10:31". */
  readonly moment: (date: string, hours: string, minutes: string) => string;
}

const de: SummaryText = {
  untitled: 'Sitzung ohne Titel',
  summary: 'Zusammenfassung',
  sections: {
    facts: 'Eckdaten',
    glance: 'Auf einen Blick',
    board: 'Das Board',
    lanes: 'Themen und wer führt',
    seams: 'Vereinbarungen an der Nahtstelle',
    caricatures: 'Zerrbilder – und was tatsächlich stimmt',
    metrics: 'Kennzahlen und ihre Erzählungen',
    votes: 'Punktabfrage: Rangfolge',
    actions: 'Aufgaben',
    agenda: 'Ablauf',
    moves: 'Anhang: Verschiebungen und ihre Gründe',
  },
  facts: {
    exported: 'Exportiert am',
    client: 'Kunde',
    date: 'Datum',
    place: 'Ort',
    facilitator: 'Moderation',
    participants: 'Teilnehmende',
    noParticipants: 'Keine Teilnehmenden erfasst.',
    unnamed: '(ohne Namen)',
  },
  departments: { marketing: 'Marketing', sales: 'Sales', other: 'Andere' },
  lanes: { marketing: 'Marketing', seam: 'Nahtstelle', sales: 'Sales', extra: 'Zusatzspalte' },
  removedLane: 'eine entfernte Spalte',
  kinds: { topic: 'Thema', caricature: 'Zerrbild', metric: 'Kennzahl' },
  leads: { marketing: 'Marketing', joint: 'Gemeinsam (Nahtstelle)', sales: 'Sales', unresolved: 'Ungeklärt' },
  sides: { marketing: 'Marketing', joint: 'Beide (Nahtstelle)', sales: 'Sales' },
  views: { marketingOnSales: 'Wie Marketing Sales sieht', salesOnMarketing: 'Wie Sales Marketing sieht' },
  colours: { yellow: 'Gelb', blue: 'Blau', green: 'Grün', red: 'Rot', violet: 'Violett' },
  yes: 'ja',
  no: 'nein',
  mission: { none: 'Ein gemeinsamer Auftrag ist noch nicht formuliert.', label: 'Unser gemeinsamer Auftrag' },
  glance: {
    counts: (c) =>
      [
        c.cards === 1 ? '1 Karte' : `${c.cards} Karten`,
        c.topics === 1 ? '1 Thema' : `${c.topics} Themen`,
        c.caricatures === 1 ? '1 Zerrbild' : `${c.caricatures} Zerrbilder`,
        c.metrics === 1 ? '1 Kennzahl' : `${c.metrics} Kennzahlen`,
        `${c.actions === 1 ? '1 Aufgabe' : `${c.actions} Aufgaben`} (${c.openActions} offen)`,
      ].join(' · '),
    top: 'Die meisten Punkte',
    unresolved: 'Noch ungeklärt',
    noUnresolved: 'Alle Themen haben eine Führung.',
    nextActions: 'Die nächsten Aufgaben',
    noNextActions: 'Keine offenen Aufgaben.',
  },
  boardPicture: {
    alt: 'Bild des Boards mit allen Spalten und Karten',
    missing: 'Das Bild des Boards liegt nur im PDF, in Word, PowerPoint und HTML bei.',
  },
  agenda: {
    none: 'Kein Ablauf geplant.',
    block: 'Block',
    minutes: 'Zeit',
    state: 'Stand',
    minutesText: (minutes) => `${minutes} Min.`,
    kinds: {
      lead: 'Führung klären',
      caricatures: 'Zerrbilder ausräumen',
      mission: 'Auftrag klären',
      metrics: 'Messen und Erzählen',
      custom: 'Block',
    },
    states: { done: 'erledigt', current: 'zuletzt bearbeitet', skipped: 'übersprungen', open: 'nicht erreicht' },
  },
  card: { notes: 'Notizen', why: 'Wozu', tags: 'Schlagwörter', card: 'Karte', details: 'Einzelheiten' },
  appendix: { ranking: 'Anhang: weitere Plätze der Rangfolge' },
  lane: {
    empty: 'Keine Karten.',
    lead: 'Führung',
    hiddenCaricatures: (count) => (count === 1 ? 'Dazu 1 Zerrbild, noch nicht aufgedeckt.' : `Dazu ${count} Zerrbilder, noch nicht aufgedeckt.`),
  },
  seams: {
    none: 'Noch keine gemeinsamen Themen an der Nahtstelle.',
    who: 'Wer tauscht sich aus',
    cadence: 'Wie oft',
    decisions: 'Wer entscheidet was',
    notAgreed: 'Der Austausch ist noch nicht vereinbart.',
  },
  caricatures: {
    hidden: (count) =>
      count === 1
        ? '1 Zerrbild ist noch nicht aufgedeckt; es erscheint in der Zusammenfassung, sobald die Zerrbilder aufgedeckt sind.'
        : `${count} Zerrbilder sind noch nicht aufgedeckt; sie erscheinen in der Zusammenfassung, sobald die Zerrbilder aufgedeckt sind.`,
    none: 'Keine Zerrbilder gesammelt.',
    truth: 'Was tatsächlich stimmt',
    noTruth: 'Noch nicht geklärt, was tatsächlich stimmt.',
    cleared: 'Ausgeräumt',
    notCleared: 'Noch nicht ausgeräumt',
  },
  metrics: {
    withNarrative: 'Mit Erzählung',
    withoutNarrative: 'Noch ohne Erzählung',
    none: 'Keine Kennzahlen erfasst.',
    allTold: 'Jede Kennzahl hat ihre Erzählung.',
    value: 'Aktuell',
    target: 'Ziel',
    owner: 'Verantwortlich',
    narrative: 'Erzählung',
    noNarrative: 'Die Geschichte hinter dieser Zahl fehlt noch.',
  },
  votes: {
    hidden: 'Die Punkte sind noch nicht aufgedeckt.',
    none: 'Noch keine Punkte vergeben.',
    rank: 'Platz',
    dots: (count) => (count === 1 ? '1 Punkt' : `${count} Punkte`),
  },
  actions: {
    none: 'Keine Aufgaben vereinbart.',
    action: 'Aufgabe',
    owner: 'Wer',
    due: 'Bis',
    card: 'Zu',
    done: 'erledigt',
    open: 'offen',
    noOwner: 'noch niemand',
    noDue: 'ohne Termin',
    status: 'Stand',
  },
  unresolved: { none: 'Alle Themen haben eine Führung.', lane: 'Spalte' },
  moves: {
    none: 'Keine Karte wurde zwischen Spalten verschoben.',
    reason: 'Grund',
    noReason: 'ohne Angabe eines Grundes',
  },
  continued: '(Fortsetzung)',
  board: {
    hiddenCaricature: 'Verdecktes Zerrbild',
    more: (count) =>
      count === 1
        ? '… und 1 weitere Karte (alle stehen in der Zusammenfassung)'
        : `… und ${count} weitere Karten (alle stehen in der Zusammenfassung)`,
  },
  fileNames: { handout: 'Auftrag', board: 'Board' },
  page: 'Seite',
  of: 'von',
  columns: {
    id: 'ID',
    lane: 'Spalte',
    position: 'Position',
    title: 'Titel',
    kind: 'Art',
    lead: 'Führung',
    notes: 'Notizen',
    why: 'Wozu',
    colour: 'Farbe',
    tags: 'Schlagwörter',
    exchangeWho: 'Austausch: wer',
    exchangeCadence: 'Austausch: wie oft',
    exchangeDecisions: 'Austausch: wer entscheidet was',
    caricatureView: 'Zerrbild: wessen Sicht',
    truth: 'Was tatsächlich stimmt',
    cleared: 'Ausgeräumt',
    value: 'Aktueller Wert',
    target: 'Ziel',
    unit: 'Einheit',
    owner: 'Verantwortliche Seite',
    narrative: 'Erzählung',
    actions: 'Aufgaben',
    dots: 'Punkte',
    moves: 'Verschiebungen',
  },
  actionColumns: { action: 'Aufgabe', owner: 'Wer', due: 'Bis', status: 'Stand', card: 'Karte', lane: 'Spalte' },
  months: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  day: (day, month, year) => `${day}. ${month} ${year}`,
  moment: (date, hours, minutes) => `${date}, ${hours}:${minutes} Uhr`,
};

const en: SummaryText = {
  untitled: 'Untitled session',
  summary: 'Summary',
  sections: {
    facts: 'Session facts',
    glance: 'At a glance',
    board: 'The board',
    lanes: 'Topics and who leads',
    seams: 'Seam agreements',
    caricatures: 'Caricatures and what is actually true',
    metrics: 'Metrics and their narratives',
    votes: 'Vote ranking',
    actions: 'Action items',
    agenda: 'Agenda',
    moves: 'Appendix: moves and their reasons',
  },
  facts: {
    exported: 'Exported on',
    client: 'Client',
    date: 'Date',
    place: 'Place',
    facilitator: 'Facilitator',
    participants: 'Participants',
    noParticipants: 'No participants recorded.',
    unnamed: '(no name)',
  },
  departments: { marketing: 'Marketing', sales: 'Sales', other: 'Other' },
  lanes: { marketing: 'Marketing', seam: 'Seam', sales: 'Sales', extra: 'Extra lane' },
  removedLane: 'a removed lane',
  kinds: { topic: 'Topic', caricature: 'Caricature', metric: 'Metric' },
  leads: { marketing: 'Marketing', joint: 'Joint (seam)', sales: 'Sales', unresolved: 'Unresolved' },
  sides: { marketing: 'Marketing', joint: 'Both (seam)', sales: 'Sales' },
  views: { marketingOnSales: 'How Marketing sees Sales', salesOnMarketing: 'How Sales sees Marketing' },
  colours: { yellow: 'Yellow', blue: 'Blue', green: 'Green', red: 'Red', violet: 'Violet' },
  yes: 'yes',
  no: 'no',
  mission: { none: 'No shared mission has been agreed yet.', label: 'Our shared mission' },
  glance: {
    counts: (c) =>
      [
        c.cards === 1 ? '1 card' : `${c.cards} cards`,
        c.topics === 1 ? '1 topic' : `${c.topics} topics`,
        c.caricatures === 1 ? '1 caricature' : `${c.caricatures} caricatures`,
        c.metrics === 1 ? '1 metric' : `${c.metrics} metrics`,
        `${c.actions === 1 ? '1 action item' : `${c.actions} action items`} (${c.openActions} open)`,
      ].join(' · '),
    top: 'Most dots',
    unresolved: 'Still unresolved',
    noUnresolved: 'Every topic has a lead.',
    nextActions: 'Next actions',
    noNextActions: 'No open action items.',
  },
  boardPicture: {
    alt: 'Picture of the board with every lane and card',
    missing: 'The picture of the board comes with the PDF, Word, PowerPoint and HTML files.',
  },
  agenda: {
    none: 'No agenda planned.',
    block: 'Block',
    minutes: 'Time',
    state: 'Status',
    minutesText: (minutes) => `${minutes} min`,
    kinds: { lead: 'Who leads?', caricatures: 'Clear up caricatures', mission: 'Agree the mission', metrics: 'Measure and narrate', custom: 'Block' },
    states: { done: 'done', current: 'last worked on', skipped: 'skipped', open: 'not reached' },
  },
  card: { notes: 'Notes', why: 'Why', tags: 'Tags', card: 'Card', details: 'Details' },
  appendix: { ranking: 'Appendix: further places in the ranking' },
  lane: {
    empty: 'No cards.',
    lead: 'Led by',
    hiddenCaricatures: (count) => (count === 1 ? 'Plus 1 caricature not yet revealed.' : `Plus ${count} caricatures not yet revealed.`),
  },
  seams: {
    none: 'No shared topics at the seam yet.',
    who: 'Who meets',
    cadence: 'How often',
    decisions: 'Who decides what',
    notAgreed: 'The exchange has not been agreed yet.',
  },
  caricatures: {
    hidden: (count) =>
      count === 1
        ? '1 caricature has not been revealed yet; it appears in the summary once the caricatures are revealed.'
        : `${count} caricatures have not been revealed yet; they appear in the summary once the caricatures are revealed.`,
    none: 'No caricatures collected.',
    truth: 'What is actually true',
    noTruth: 'Not yet settled what is actually true.',
    cleared: 'Cleared',
    notCleared: 'Not cleared yet',
  },
  metrics: {
    withNarrative: 'With a narrative',
    withoutNarrative: 'Still without a narrative',
    none: 'No metrics recorded.',
    allTold: 'Every metric has its narrative.',
    value: 'Current',
    target: 'Target',
    owner: 'Owner',
    narrative: 'Narrative',
    noNarrative: 'The story behind this number is still missing.',
  },
  votes: {
    hidden: 'The votes have not been revealed yet.',
    none: 'No dots given yet.',
    rank: 'Rank',
    dots: (count) => (count === 1 ? '1 dot' : `${count} dots`),
  },
  actions: {
    none: 'No action items agreed.',
    action: 'Action item',
    owner: 'Owner',
    due: 'Due',
    card: 'On',
    done: 'done',
    open: 'open',
    noOwner: 'nobody yet',
    noDue: 'no due date',
    status: 'Status',
  },
  unresolved: { none: 'Every topic has a lead.', lane: 'Lane' },
  moves: {
    none: 'No card was moved between lanes.',
    reason: 'Reason',
    noReason: 'no reason given',
  },
  continued: '(continued)',
  board: {
    hiddenCaricature: 'Hidden caricature',
    more: (count) => (count === 1 ? '… and 1 more card (the summary lists them all)' : `… and ${count} more cards (the summary lists them all)`),
  },
  fileNames: { handout: 'Mission', board: 'Board' },
  page: 'Page',
  of: 'of',
  columns: {
    id: 'ID',
    lane: 'Lane',
    position: 'Position',
    title: 'Title',
    kind: 'Kind',
    lead: 'Led by',
    notes: 'Notes',
    why: 'Why',
    colour: 'Colour',
    tags: 'Tags',
    exchangeWho: 'Exchange: who',
    exchangeCadence: 'Exchange: how often',
    exchangeDecisions: 'Exchange: who decides what',
    caricatureView: 'Caricature: whose picture',
    truth: 'What is actually true',
    cleared: 'Cleared',
    value: 'Current value',
    target: 'Target',
    unit: 'Unit',
    owner: 'Owner side',
    narrative: 'Narrative',
    actions: 'Action items',
    dots: 'Dots',
    moves: 'Moves',
  },
  actionColumns: { action: 'Action item', owner: 'Owner', due: 'Due', status: 'Status', card: 'Card', lane: 'Lane' },
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  day: (day, month, year) => `${day} ${month} ${year}`,
  moment: (date, hours, minutes) => `${date}, ${hours}:${minutes}`,
};

export const summaryTexts: Readonly<Record<SummaryLanguage, SummaryText>> = { de, en };

export function summaryText(language: SummaryLanguage): SummaryText {
  return summaryTexts[language];
}

/** A workshop day (YYYY-MM-DD) spelled out: "4. März 2027" / "4 March 2027"; '' stays ''. */
export function spelledDay(isoDay: string, language: SummaryLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return isoDay;
  const text = summaryTexts[language];
  return text.day(Number(match[3]), text.months[Number(match[2]) - 1] ?? match[2] ?? '', Number(match[1]));
}

/**
 * Turns ISO times into wall-clock text in one time zone ("4. März 2027, 10:31 Uhr"). Intl gives
 * the zone's calendar fields only (numbers, no locale words); the words are ours. An unknown zone
 * falls back to UTC. Made once per summary: building a DateTimeFormat is the slow part.
 */
export function momentFormatter(language: SummaryLanguage, timeZone: string | undefined): (iso: string) => string {
  let parts: Intl.DateTimeFormat;
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
  } catch {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
  }
  const text = summaryTexts[language];
  return (iso) => {
    const time = Date.parse(iso);
    if (Number.isNaN(time)) return iso;
    const field: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const part of parts.formatToParts(time)) field[part.type] = part.value;
    const month = text.months[Number(field.month) - 1] ?? field.month ?? '';
    const date = text.day(Number(field.day), month, Number(field.year));
    return text.moment(date, (field.hour ?? '0').padStart(2, '0'), (field.minute ?? '0').padStart(2, '0'));
  };
}
