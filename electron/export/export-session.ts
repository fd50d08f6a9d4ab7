/**
 * What an export writes per kind (core/api.ts `ExportKind`): the file's bytes and name; no Electron
 * import, the printer is injected. Per kind: docs/summaries.md#exporting-from-the-app.
 */
import type { ExportKind, ExportRequest } from '../../core/api';
import { renderBoardImage } from '../../core/export/board-image';
import { isSummaryFormat, summaryFormatInfo } from '../../core/export/formats';
import { renderHandout } from '../../core/export/handout';
import { renderHtml } from '../../core/export/html';
import type { Session } from '../../core/model';
import { buildSummary, printable, type SummaryOptions } from '../../core/summary';
import { summaryText, type SummarySection } from '../../core/summary-text';
import type { Printer } from './print-page';
import { formatsWithBoard, renderSummaryFile } from './render';

/** The file name extension of each kind, with its dot. */
export function exportExtension(kind: ExportKind): string {
  if (isSummaryFormat(kind)) return summaryFormatInfo[kind].extension;
  return kind === 'png' ? '.png' : '.pdf';
}

/** The sections the handout and the board image are made of, whatever the dialog includes. */
const handoutSections: readonly SummarySection[] = ['facts', 'glance'];
const boardSections: readonly SummarySection[] = ['facts', 'glance', 'lanes'];

/** What the command line sets beyond the dialog's request. */
export interface ExportExtras {
  /** The time zone of move times (the machine's otherwise). */
  readonly timeZone?: string;
  /** The day of the export (YYYY-MM-DD); today on this machine when not given. */
  readonly exportedOn?: string;
}

/** The file's bytes. The board picture for the documents that embed it is printed first, by the same printer. */
export async function renderExport(
  session: Session,
  request: ExportRequest,
  printer: Printer | null,
  extras: ExportExtras = {},
): Promise<Uint8Array> {
  const { kind, fallbackLanguage } = request;
  const options: SummaryOptions = {
    fallbackLanguage,
    sections: request.sections,
    withNotes: request.withNotes ?? true,
    exportedOn: extras.exportedOn ?? localDay(new Date()),
    ...(extras.timeZone && { timeZone: extras.timeZone }),
  };
  const needPrinter = (): Printer => {
    if (!printer) throw new Error(`Exporting ${kind} needs a printer`);
    return printer;
  };
  const summary = buildSummary(session, options);
  const withBoard = summary.sections.includes('board') && (kind === 'pdf' || (isSummaryFormat(kind) && formatsWithBoard.includes(kind)));
  const boardPng =
    withBoard && printer ? await printer.png(renderBoardImage(buildSummary(session, { ...options, sections: boardSections }))) : undefined;
  if (isSummaryFormat(kind)) {
    return renderSummaryFile(summary, kind, { csvDelimiter: request.csvDelimiter, csvTable: request.csvTable, boardPng });
  }
  switch (kind) {
    case 'pdf':
      return needPrinter().pdf(renderHtml(summary, { boardPng }), { title: summary.title, date: summary.dateText, language: summary.language });
    case 'handout':
      return needPrinter().pdf(renderHandout(buildSummary(session, { ...options, sections: handoutSections })), null);
    case 'png':
      return needPrinter().png(renderBoardImage(buildSummary(session, { ...options, sections: boardSections })));
  }
}

/** The machine's calendar day, YYYY-MM-DD. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

const maxTitleInName = 100;

/**
 * The name the save dialog suggests: the session's title (or "Untitled session" in its language),
 * the client unless the title names it already, the workshop's day, and for the handout and the
 * board image what the file is ("Kick-off – Müller GmbH – 2025-03-14 – Auftrag.pdf"): a folder of
 * exports from many workshops stays readable, and sorts by client and day.
 */
export function suggestedExportName(session: Session, request: Pick<ExportRequest, 'kind' | 'fallbackLanguage'>): string {
  const text = summaryText(session.details.language || request.fallbackLanguage);
  // File names have a length limit (255 bytes on most systems): a long title or client is cut.
  const oneLine = (value: string) => [...printable(value).replace(/\s+/g, ' ').trim()].slice(0, maxTitleInName).join('').trim();
  const title = oneLine(session.details.title) || text.untitled;
  const client = oneLine(session.details.client);
  const named = client !== '' && title.toLocaleLowerCase().includes(client.toLocaleLowerCase());
  const what = request.kind === 'handout' ? text.fileNames.handout : request.kind === 'png' ? text.fileNames.board : '';
  const parts = [title, named ? '' : client, session.details.date, what].filter((part) => part !== '');
  return `${parts.join(' – ')}${exportExtension(request.kind)}`;
}
