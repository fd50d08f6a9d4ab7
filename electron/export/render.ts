/**
 * A summary as a file's bytes in one format: the entry point the export dialog and the command line share.
 * docs/summaries.md, "Summaries and export".
 */
import { renderCsv, type CsvDelimiter, type CsvTable } from '../../core/export/csv';
import type { SummaryFormat } from '../../core/export/formats';
import { renderHtml } from '../../core/export/html';
import { renderJson } from '../../core/export/json';
import { renderMarkdown } from '../../core/export/markdown';
import type { Summary } from '../../core/summary';
import { renderDocx } from './docx';
import { renderPptx } from './pptx';

export interface RenderOptions {
  /** CSV only: ',' or ';' (German Excel); the summary language's own when not given. */
  readonly csvDelimiter?: CsvDelimiter;
  /** CSV only: the card table (default) or the action items. */
  readonly csvTable?: CsvTable;
  /** HTML, Word, PowerPoint: the board picture (printer.png of core/export/board-image.ts), when the summary has the `board` section. */
  readonly boardPng?: Uint8Array;
}

/** The formats that embed the board picture. */
export const formatsWithBoard: readonly SummaryFormat[] = ['html', 'docx', 'pptx'];

const utf8 = new TextEncoder();

export async function renderSummaryFile(summary: Summary, format: SummaryFormat, options: RenderOptions = {}): Promise<Uint8Array> {
  switch (format) {
    case 'md':
      return utf8.encode(renderMarkdown(summary));
    case 'html':
      return utf8.encode(renderHtml(summary, { boardPng: options.boardPng }));
    case 'csv':
      return utf8.encode(renderCsv(summary, { delimiter: options.csvDelimiter, table: options.csvTable }));
    case 'json':
      return utf8.encode(renderJson(summary));
    case 'docx':
      return renderDocx(summary, { boardPng: options.boardPng });
    case 'pptx':
      return renderPptx(summary, { boardPng: options.boardPng });
  }
}
