/**
 * The printer of the command line and the web test host: the app's print pages through an installed Chromium.
 * docs/summaries.md, "Command line".
 */
import { access, constants } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { headerFooter, imageLimits, imageViewport, printViewport, type Printer } from '../export/print-page';

export interface ChromiumPrinter extends Printer {
  /** Stops Chromium, if it was started; later prints fail. */
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

export function createChromiumPrinter(executablePath: string): ChromiumPrinter {
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
      withPage(
        html,
        printViewport,
        async (page) =>
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
        // Evaluated in the page, which has a DOM; main's own code is compiled without one (tsconfig.main.json).
        const size = await page.evaluate<{ width: number; height: number }>(
          '({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight })',
        );
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
