/**
 * A summary as the bytes of a file in one of the formats: the one entry point main (the export
 * dialog's save) and the command line share. The text formats come from core/export, Word and
 * PowerPoint from the libraries here. Imports nothing from Electron.
 */
import { renderCsv, type CsvDelimiter } from '../../core/export/csv';
import type { SummaryFormat } from '../../core/export/formats';
import { renderHtml } from '../../core/export/html';
import { renderJson } from '../../core/export/json';
import { renderMarkdown } from '../../core/export/markdown';
import type { Summary } from '../../core/summary';
import { renderDocx } from './docx';
import { renderPptx } from './pptx';

export interface RenderOptions {
  /** CSV only: ',' (default) or ';' for German Excel. */
  readonly csvDelimiter?: CsvDelimiter;
}

const utf8 = new TextEncoder();

export async function renderSummaryFile(summary: Summary, format: SummaryFormat, options: RenderOptions = {}): Promise<Uint8Array> {
  switch (format) {
    case 'md':
      return utf8.encode(renderMarkdown(summary));
    case 'html':
      return utf8.encode(renderHtml(summary));
    case 'csv':
      return utf8.encode(renderCsv(summary, { delimiter: options.csvDelimiter ?? ',' }));
    case 'json':
      return utf8.encode(renderJson(summary));
    case 'docx':
      return renderDocx(summary);
    case 'pptx':
      return renderPptx(summary);
  }
}
