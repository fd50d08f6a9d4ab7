/**
 * The file formats a summary is written in without the app's window: each renders the one summary
 * model (core/summary.ts). PDF and the board image need Chromium (the app) and are not listed here.
 */
export const summaryFormats = ['md', 'html', 'csv', 'json', 'docx', 'pptx'] as const;
export type SummaryFormat = (typeof summaryFormats)[number];

export interface SummaryFormatInfo {
  /** The file name extension, with its dot. */
  readonly extension: string;
  readonly mimeType: string;
}

export const summaryFormatInfo: Readonly<Record<SummaryFormat, SummaryFormatInfo>> = {
  md: { extension: '.md', mimeType: 'text/markdown; charset=utf-8' },
  html: { extension: '.html', mimeType: 'text/html; charset=utf-8' },
  csv: { extension: '.csv', mimeType: 'text/csv; charset=utf-8' },
  json: { extension: '.json', mimeType: 'application/json' },
  docx: { extension: '.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pptx: { extension: '.pptx', mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
};

export function isSummaryFormat(value: string): value is SummaryFormat {
  return (summaryFormats as readonly string[]).includes(value);
}
