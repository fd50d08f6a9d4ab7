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
  switch (column) {
    case 'id':
      return card.id;
    case 'lane':
      return card.laneName;
    case 'position':
      return String(card.position);
    case 'title':
      return card.title;
    case 'kind':
      return card.kindText;
    case 'lead':
      return card.leadText;
    case 'notes':
      return card.notes;
    case 'why':
      return card.why;
    case 'colour':
      return card.colourText;
    case 'tags':
      return card.tags.join('\n');
    case 'exchangeWho':
      return card.exchange?.who ?? '';
    case 'exchangeCadence':
      return card.exchange?.cadence ?? '';
    case 'exchangeDecisions':
      return card.exchange?.decisions ?? '';
    case 'caricatureView':
      return card.caricature?.viewText ?? '';
    case 'truth':
      return card.caricature?.truth ?? '';
    case 'cleared':
      return card.caricature ? (card.caricature.cleared ? text.yes : text.no) : '';
    case 'value':
      return card.metric?.value ?? '';
    case 'target':
      return card.metric?.target ?? '';
    case 'unit':
      return card.metric?.unit ?? '';
    case 'owner':
      return card.metric?.ownerText ?? '';
    case 'narrative':
      return card.metric?.narrative ?? '';
    case 'actions':
      return card.actions.map((action) => actionLine(action, text)).join('\n');
    case 'dots':
      return card.dots === null ? '' : String(card.dots);
    case 'moves':
      return card.moves.map((move) => moveLine(move, text)).join('\n');
  }
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
