/**
 * The card table as CSV: one row per card with every field, under a header row in the summary's
 * language. Pure: a string, to be written as UTF-8.
 *
 * - Starts with a byte order mark (U+FEFF), so Excel reads the file as UTF-8 and shows umlauts.
 * - Comma-separated by default; `delimiter: ';'` for German Excel, which expects semicolons.
 * - Every field is quoted (RFC 4180: quotes doubled, line breaks kept inside the quotes); rows end
 *   with CRLF.
 * - Formula injection is neutralised: a field starting with = + - @ tab or carriage return would be
 *   taken for a formula by Excel or LibreOffice (`=HYPERLINK(…)` turns into a live link), so it gets
 *   a leading apostrophe, which spreadsheets show as text and do not evaluate (OWASP's advice).
 * - Lists in one cell (tags, action items, moves) are one entry per line.
 * - Hidden caricatures have no row (core/summary.ts); dots stay empty while the votes are hidden.
 */
import type { ActionSummary, MoveSummary, Summary, SummaryCard } from '../summary';
import { cardColumns, summaryText, type CardColumn, type SummaryText } from '../summary-text';

export type CsvDelimiter = ',' | ';';

export interface CsvOptions {
  readonly delimiter?: CsvDelimiter;
}

export function renderCsv(summary: Summary, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const text = summaryText(summary.language);
  const rows = [cardColumns.map((column) => text.columns[column]), ...summary.cards.map((card) => cardColumns.map((column) => cell(card, column, text)))];
  return `\uFEFF${rows.map((row) => row.map(quoteField).join(delimiter)).join('\r\n')}\r\n`;
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

/** A leading apostrophe for text a spreadsheet would take for a formula. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function oneLine(value: string): string {
  return value.replace(/\s*\n\s*/g, ' ').trim();
}
