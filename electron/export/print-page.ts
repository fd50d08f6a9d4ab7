/**
 * The `Printer` service, and what every printer prints the same way: page size, header and footer.
 * docs/summaries.md, "Exporting from the app".
 */
import { escapeHtml } from '../../core/export/html';
import { summaryText, type SummaryLanguage } from '../../core/summary-text';

/** The words around every page of a printed document: title and day at the top, page numbers at the foot. */
export interface PageFrame {
  readonly title: string;
  /** The day spelled out, or '' (then the header shows the title only). */
  readonly date: string;
  /** The language of "Page 3 of 7". */
  readonly language: SummaryLanguage;
}

export interface Printer {
  /**
   * The page as an A4 PDF, backgrounds printed, tagged for screen readers. With a frame, every
   * page gets the frame's header and footer; without (the handout), the page is all there is.
   */
  pdf(html: string, frame: PageFrame | null): Promise<Uint8Array>;
  /** The page as a PNG of its whole content (not just a window's worth), at most `imageLimits`. */
  png(html: string): Promise<Uint8Array>;
}

/** The largest picture taken, in CSS pixels; a larger page is cut at these edges (the board image stays far below). */
export const imageLimits = { width: 8000, height: 16000 } as const;

/** The window (viewport) a page to print is laid out in; a PDF's pages are A4 whatever it is. */
export const printViewport = { width: 1280, height: 900 } as const;

/**
 * The window a page to photograph is laid out in: small, since the picture is the page's whole
 * content but never less than the window — a larger one would add empty space right and below.
 */
export const imageViewport = { width: 640, height: 120 } as const;

export interface HeaderFooter {
  readonly headerTemplate: string;
  readonly footerTemplate: string;
}

/**
 * Chromium's header and footer templates (the same for `printToPDF` and Playwright's `page.pdf`).
 * They are rendered apart from the page, in the page's margins: their styles must be inline, their
 * type size given (the default is tiny), and the title escaped — it is the facilitator's text.
 * `pageNumber` and `totalPages` are filled in by Chromium.
 */
export function headerFooter(frame: PageFrame): HeaderFooter {
  const text = summaryText(frame.language);
  const box = 'box-sizing:border-box;width:100%;padding:0 16mm;font-family:system-ui,sans-serif;font-size:8pt;color:#555;';
  const date = frame.date.trim() ? `<span style="flex:none;white-space:nowrap;">${escapeHtml(frame.date)}</span>` : '';
  return {
    headerTemplate: `<div style="${box}display:flex;justify-content:space-between;gap:8mm;"><span style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis;">${escapeHtml(frame.title)}</span>${date}</div>`,
    footerTemplate: `<div style="${box}text-align:center;">${escapeHtml(text.page)} <span class="pageNumber"></span> ${escapeHtml(text.of)} <span class="totalPages"></span></div>`,
  };
}
