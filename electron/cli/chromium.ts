/**
 * The command line's printer: the same `Printer` as the app's (electron/export/printer.ts) and the
 * web test host's (test/harness/chromium-printer.ts), driving a Chromium installed on the machine
 * through playwright-core — the same page, page size, header and footer (print-page.ts), so PDF,
 * handout and board picture come out as the app makes them. See docs/summaries.md.
 *
 * Like the app's print window, the page gets no JavaScript and no request leaves it.
 */
import { access, constants } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { headerFooter, imageLimits, imageViewport, printViewport, type Printer } from '../export/print-page';

export interface CliPrinter extends Printer {
  close(): Promise<void>;
}

/** Where a Chromium (or Chrome, or Edge) is usually installed, after CHROMIUM_PATH. */
const knownPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** The first Chromium that exists here: CHROMIUM_PATH when set (and only it), else a known place; null when none. */
export async function findChromium(env: Readonly<Record<string, string | undefined>>): Promise<string | null> {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : knownPaths;
  for (const path of candidates) {
    try {
      await access(path, constants.X_OK);
      return path;
    } catch {
      // Not here; the next one.
    }
  }
  return null;
}

export function createCliPrinter(executablePath: string): CliPrinter {
  let browser: Promise<Browser> | undefined;
  const launch = (): Promise<Browser> => {
    browser ??= chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    return browser;
  };
  async function withPage<T>(html: string, viewport: { width: number; height: number }, work: (page: Page) => Promise<T>): Promise<T> {
    const context = await (await launch()).newContext({ viewport, javaScriptEnabled: false });
    try {
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
      withPage(html, printViewport, async (page) =>
        new Uint8Array(
          await page.pdf({
            format: 'A4',
            printBackground: true,
            tagged: true,
            outline: true,
            ...(frame ? { displayHeaderFooter: true, ...headerFooter(frame) } : { displayHeaderFooter: false }),
          }),
        ),
      ),
    png: (html) =>
      withPage(html, imageViewport, async (page) => {
        const size = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
        const clip = { x: 0, y: 0, width: Math.min(size.width, imageLimits.width), height: Math.min(size.height, imageLimits.height) };
        return new Uint8Array(await page.screenshot({ type: 'png', fullPage: true, clip }));
      }),
    async close() {
      const started = browser;
      browser = undefined;
      if (started) await (await started.catch(() => undefined))?.close();
    },
  };
}
