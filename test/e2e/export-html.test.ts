/**
 * The exported HTML summary in a real browser (Debian Chromium): it is one self-contained file —
 * opened from disk, it requests nothing but itself — and a session full of hostile texts shows
 * every text as written while none of it runs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../core/export/html';
import { buildSummary } from '../../core/summary';
import { shownTitles } from '../unit/export/expect';
import { hostileSession } from '../unit/export/sessions';
import { launchChromium } from './support';

let browser: Browser;
let folder: string;

beforeAll(async () => {
  browser = await launchChromium();
  folder = await mkdtemp(join(tmpdir(), 'nahtstelle-export-html-'));
});

afterAll(async () => {
  await browser?.close();
  await rm(folder, { recursive: true, force: true });
});

describe('the exported HTML summary in Chromium', () => {
  it('requests nothing but itself, runs nothing, and shows every hostile text as written', async () => {
    const session = hostileSession();
    const path = join(folder, 'summary.html');
    await writeFile(path, renderHtml(buildSummary(session, { fallbackLanguage: 'en', timeZone: 'UTC' })));

    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    try {
      // Until the network has been idle a while: any request the page would make has been made.
      await page.goto(pathToFileURL(path).href, { waitUntil: 'networkidle' });

      expect(requests).toEqual([pathToFileURL(path).href]);
      expect(problems).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('script, img, iframe, a').count()).toBe(0);

      // As rendered: runs of white space collapse to one, as they do in any HTML.
      const text = await page.locator('body').innerText();
      for (const title of shownTitles(session)) expect(text, title).toContain(title.replace(/\s+/g, ' '));
      await expect(page.title()).resolves.toContain(session.details.title);
      // Styled by its own style sheet: the mission stands out from the body text.
      const fontSizes = await page.evaluate(() => [
        getComputedStyle(document.querySelector('blockquote') as Element).fontSize,
        getComputedStyle(document.body).fontSize,
      ]);
      expect(parseFloat(fontSizes[0] ?? '0')).toBeGreaterThan(parseFloat(fontSizes[1] ?? '0'));
    } finally {
      await context.close();
    }
  });
});
