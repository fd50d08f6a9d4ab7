/**
 * The summary's tables (`cards`, `actions`) as CSV text. Pure. Separator, byte order mark, quoting
 * and the guard against formula injection: docs/summaries.md#the-formats.
 */
import type { ActionSummary, MoveSummary, Summary, SummaryCard } from '../summary';
import { actionColumns, cardColumns, summaryText, type ActionColumn, type CardColumn, type SummaryLanguage, type SummaryText } from '../summary-text';

export type CsvDelimiter = ',' | ';';
export const csvTables = ['cards', 'actions'] as const;
export type CsvTable = (typeof csvTables)[number];

export interface CsvOptions {
  /** The separator; the language's own when not given (`csvDelimiterOf`). */
  readonly delimiter?: CsvDelimiter;
  readonly table?: CsvTable;
}

/** The separator a spreadsheet in that language expects: semicolons where the decimal mark is a comma. */
export function csvDelimiterOf(language: SummaryLanguage): CsvDelimiter {
  return language === 'de' ? ';' : ',';
}

export function renderCsv(summary: Summary, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? csvDelimiterOf(summary.language);
  const text = summaryText(summary.language);
  const rows =
    options.table === 'actions'
      ? [
          actionColumns.map((column) => text.actionColumns[column]),
          ...allActions(summary).map(([action, lane]) => actionColumns.map((column) => actionCell(action, lane, column, text))),
        ]
      : [cardColumns.map((column) => text.columns[column]), ...summary.cards.map((card) => cardColumns.map((column) => cell(card, column, text)))];
  return `\uFEFF${rows.map((row) => row.map(quoteField).join(delimiter)).join('\r\n')}\r\n`;
}

/** Every action item with its card's lane, sorted by due day (the summary's order when it has the section). */
function allActions(summary: Summary): [ActionSummary, string][] {
  const laneOf = new Map(summary.cards.map((card) => [card.id, card.laneName]));
  const actions =
    summary.actions ?? [...summary.cards.flatMap((card) => card.actions)].sort((a, b) => (a.due || '9999').localeCompare(b.due || '9999'));
  return actions.map((action) => [action, laneOf.get(action.cardId) ?? '']);
}

function actionCell(action: ActionSummary, lane: string, column: ActionColumn, text: SummaryText): string {
  switch (column) {
    case 'action':
      return action.text;
    case 'owner':
      return action.owner.trim();
    case 'due':
      // The day as YYYY-MM-DD: every spreadsheet reads it as a date and sorts it.
      return action.due;
    case 'status':
      return action.done ? text.actions.done : text.actions.open;
    case 'card':
      return action.cardTitle;
    case 'lane':
      return lane;
  }
}

function cell(card: SummaryCard, column: CardColumn, text: SummaryText): string {
  return cardCells[column](card, text);
}

type Cell = (card: SummaryCard, text: SummaryText) => string;
type TextFields<T> = { [K in keyof T]-?: T[K] extends string ? K : never }[keyof T];
type CardPart = 'exchange' | 'caricature' | 'metric';

/** What each card column holds; a column of a part the card lacks (a topic's metric) stays empty. */
const cardCells: Readonly<Record<CardColumn, Cell>> = {
  ...fieldCells({ id: 'id', lane: 'laneName', title: 'title', kind: 'kindText', lead: 'leadText', notes: 'notes', why: 'why', colour: 'colourText' }),
  position: (card) => String(card.position),
  tags: (card) => card.tags.join('\n'),
  ...partCells('exchange', { exchangeWho: 'who', exchangeCadence: 'cadence', exchangeDecisions: 'decisions' }),
  ...partCells('caricature', { caricatureView: 'viewText', truth: 'truth' }),
  cleared: (card, text) => (card.caricature ? (card.caricature.cleared ? text.yes : text.no) : ''),
  ...partCells('metric', { value: 'value', target: 'target', unit: 'unit', owner: 'ownerText', narrative: 'narrative' }),
  actions: (card, text) => card.actions.map((action) => actionLine(action, text)).join('\n'),
  dots: (card) => (card.dots === null ? '' : String(card.dots)),
  moves: (card, text) => card.moves.map((move) => moveLine(move, text)).join('\n'),
};

/** Columns that show one text field of the card as it is. */
function fieldCells<C extends CardColumn>(fields: Readonly<Record<C, TextFields<SummaryCard>>>): Record<C, Cell> {
  const cells = Object.entries(fields).map(([column, field]) => [column, (card: SummaryCard) => card[field as TextFields<SummaryCard>]]);
  return Object.fromEntries(cells) as Record<C, Cell>;
}

/** Columns that show one text field of a card's part, empty for a card without that part. */
function partCells<P extends CardPart, C extends CardColumn>(
  part: P,
  fields: Readonly<Record<C, TextFields<NonNullable<SummaryCard[P]>>>>,
): Record<C, Cell> {
  const cells = Object.entries(fields).map(([column, field]) => [
    column,
    (card: SummaryCard) => {
      const value = card[part] as Readonly<Record<string, unknown>> | null;
      return value ? (value[field as string] as string) : '';
    },
  ]);
  return Object.fromEntries(cells) as Record<C, Cell>;
}

/** "[x] Folien löschen — Wer: Anna — Bis: 18. März 2027" on one line. */
function actionLine(action: ActionSummary, text: SummaryText): string {
  const parts = [`[${action.done ? 'x' : ' '}] ${oneLine(action.text)}`];
  if (action.owner.trim()) parts.push(`${text.actions.owner}: ${oneLine(action.owner)}`);
  if (action.dueText) parts.push(`${text.actions.due}: ${action.dueText}`);
  return parts.join(' — ');
}

/** "4. März 2027, 10:31 Uhr: Marketing → Sales — Grund: Gehört beiden" on one line. */
function moveLine(move: MoveSummary, text: SummaryText): string {
  const reason = move.reason.trim() ? `${text.moves.reason}: ${oneLine(move.reason)}` : text.moves.noReason;
  return `${move.atText}: ${move.from} → ${move.to} — ${reason}`;
}

/** A field as CSV: neutralised if a spreadsheet would run it, then quoted with its quotes doubled. */
function quoteField(value: string): string {
  return `"${neutraliseFormula(value).replace(/"/g, '""')}"`;
}

/**
 * A leading apostrophe for text a spreadsheet would take for a formula: one starting with = @ tab
 * or carriage return, or with + or - unless the whole cell is a plain number (-5, +10, -3,5 %,
 * 1.000,50) — a number is never run, and "'-5" would no longer be one.
 */
export function neutraliseFormula(value: string): string {
  if (!/^[=+\-@\t\r]/.test(value)) return value;
  return plainNumber.test(value) ? value : `'${value}`;
}

const plainNumber = /^[+-]\d+(?:[.,\s]\d+)*(?:\s?%)?$/;

function oneLine(value: string): string {
  return value.replace(/\s*\n\s*/g, ' ').trim();
}
