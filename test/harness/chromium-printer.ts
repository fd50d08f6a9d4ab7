/**
 * The web test host's printer: the same `Printer` as the app's (electron/export/printer.ts), with
 * Debian's Chromium driven by playwright-core in place of Electron's. Same page size, header and
 * footer (electron/export/print-page.ts), the same rules for the page: no JavaScript, no request
 * leaves it, one fresh page per print, closed after.
 *
 * Chromium starts with the first print, not with the host: most tests never export.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { headerFooter, imageLimits, imageViewport, printViewport, type Printer } from '../../electron/export/print-page';

export interface ChromiumPrinter extends Printer {
  /** Stops Chromium, if it was started. */
  close(): Promise<void>;
}

export function createChromiumPrinter(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): ChromiumPrinter {
  let browser: Promise<Browser> | undefined;
  let closed = false;

  const launch = (): Promise<Browser> => {
    if (closed) return Promise.reject(new Error('The printer is closed'));
    browser ??= chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    return browser;
  };

  async function withPage<T>(html: string, viewport: { width: number; height: number }, work: (page: Page) => Promise<T>): Promise<T> {
    const context = await (await launch()).newContext({ viewport, javaScriptEnabled: false });
    try {
      // The page is set as content, not loaded: anything it asks for would be a request — refused.
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await work(page);
    } finally {
      await context.close();
    }
  }

  return {
    pdf: (html, frame) =>
      withPage(html, printViewport, async (page) => {
        const bytes = await page.pdf({
          format: 'A4',
          printBackground: true,
          tagged: true,
          outline: true,
          ...(frame ? { displayHeaderFooter: true, ...headerFooter(frame) } : { displayHeaderFooter: false }),
        });
        return new Uint8Array(bytes);
      }),
    png: (html) =>
      withPage(html, imageViewport, async (page) => {
        const size = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
        const clip = { x: 0, y: 0, width: Math.min(size.width, imageLimits.width), height: Math.min(size.height, imageLimits.height) };
        return new Uint8Array(await page.screenshot({ type: 'png', fullPage: true, clip }));
      }),
    async close() {
      closed = true;
      const started = browser;
      browser = undefined;
      if (started) await (await started.catch(() => undefined))?.close();
    },
  };
}
