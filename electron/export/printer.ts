/**
 * The app's printer (print-page.ts `Printer`): Electron's Chromium prints the export's HTML in a
 * hidden window made for that one page and destroyed right after.
 *
 * The window (windows.ts `createPrintWindow`) gets the app's security baseline and more, since it
 * shows a page built from the facilitator's text and needs nothing but layout: sandboxed, context
 * isolation, no Node, no preload, no JavaScript at all, no navigation, no new windows, no webviews
 * (security.ts `hardenPrintContents`). Permissions and remote requests are refused app-wide
 * (security.ts); the pages also carry their own Content-Security-Policy that allows nothing but
 * their inline styles.
 *
 * The page is written to a temp file (a data: URL has a size limit a large summary would pass),
 * in a fresh private folder that is removed afterwards, as is the window — also when printing
 * fails or takes too long — and loaded through the app: protocol (`app://print/<id>`,
 * app-protocol.ts), since the app loads no `file:` URL (docs/security.md).
 *
 * - PDF: `webContents.printToPDF`, A4, backgrounds, tagged (for screen readers) with an outline;
 *   header (title, day) and footer ("Seite 2 von 5") from print-page.ts.
 * - PNG: the whole page, not just the window: its size is measured and the picture taken over the
 *   DevTools protocol (`Page.getLayoutMetrics`, `Page.captureScreenshot` beyond the viewport —
 *   what Playwright's full-page screenshot does). `capturePage()` only sees the window, and a
 *   window cannot be made larger than the screen on every platform, so a tall board would be cut.
 *   The protocol is main's own connection to this one window; the page never sees it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, PrintToPDFOptions, WebContents } from 'electron';
import { publishPrintPage } from '../app-protocol';
import { createPrintWindow } from '../windows';
import { headerFooter, imageLimits, imageViewport, printViewport, type PageFrame, type Printer } from './print-page';

/** How long one page may take to load and print before it is given up. */
export const printTimeoutMs = 60_000;

export interface ElectronPrinterOptions {
  /** Where the temp folders go; the system's temp folder by default. */
  readonly tempFolder?: string;
  readonly timeoutMs?: number;
}

export function createElectronPrinter(options: ElectronPrinterOptions = {}): Printer {
  const timeoutMs = options.timeoutMs ?? printTimeoutMs;
  const tempFolder = options.tempFolder ?? tmpdir();
  return {
    pdf: (html, frame) => withPage(html, printViewport, tempFolder, timeoutMs, async (contents) => new Uint8Array(await contents.printToPDF(pdfOptions(frame)))),
    png: (html) => withPage(html, imageViewport, tempFolder, timeoutMs, capture),
  };
}

/** What `printToPDF` is asked for. */
export function pdfOptions(frame: PageFrame | null): PrintToPDFOptions {
  return {
    pageSize: 'A4',
    printBackground: true,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
    ...(frame ? { displayHeaderFooter: true, ...headerFooter(frame) } : { displayHeaderFooter: false }),
  };
}

/** Loads `html` in a new hidden print window, runs `work` on it, and always cleans up after. */
async function withPage<T>(
  html: string,
  viewport: { readonly width: number; readonly height: number },
  tempFolder: string,
  timeoutMs: number,
  work: (contents: WebContents) => Promise<T>,
): Promise<T> {
  const folder = await mkdtemp(join(tempFolder, 'nahtstelle-print-'));
  let window: BrowserWindow | undefined;
  try {
    const file = join(folder, 'page.html');
    await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
    const printWindow = createPrintWindow(viewport);
    window = printWindow;
    return await withTimeout(
      (async () => {
        // Served as app://print/<id> (another origin than the app's page): the app loads no file: URL.
        const published = publishPrintPage(file);
        try {
          await printWindow.loadURL(published.url);
        } finally {
          published.remove();
        }
        return work(printWindow.webContents);
      })(),
      timeoutMs,
    );
  } finally {
    if (window && !window.isDestroyed()) window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}

interface LayoutMetrics {
  readonly cssContentSize: { readonly width: number; readonly height: number };
}

/** A PNG of the whole page, up to `imageLimits`. */
async function capture(contents: WebContents): Promise<Uint8Array> {
  const protocol = contents.debugger;
  protocol.attach('1.3');
  try {
    const metrics = (await protocol.sendCommand('Page.getLayoutMetrics')) as LayoutMetrics;
    const width = Math.max(1, Math.min(Math.ceil(metrics.cssContentSize.width), imageLimits.width));
    const height = Math.max(1, Math.min(Math.ceil(metrics.cssContentSize.height), imageLimits.height));
    const shot = (await protocol.sendCommand('Page.captureScreenshot', {
      format: 'png',
      captureBeyondViewport: true,
      clip: { x: 0, y: 0, width, height, scale: 1 },
    })) as { readonly data: string };
    return new Uint8Array(Buffer.from(shot.data, 'base64'));
  } finally {
    if (protocol.isAttached()) protocol.detach();
  }
}

/** `work`, or a failure once `ms` have passed (the caller then destroys the window). */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Printing took longer than ${ms / 1000} s and was stopped`)), ms);
  });
  // A page given up on may still fail later, when its window is destroyed: that is no news.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
