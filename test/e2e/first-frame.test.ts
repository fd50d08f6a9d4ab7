/**
 * The first frame (docs/ARCHITECTURE.md, "The first frame"): the control page arrives with the
 * reopened board in its HTML and shows it before the app's code has run; the app then renders over
 * it and takes clicks and keys. The audience page never comes with it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startWebHost } from '../harness/web-host';
import { addCards, appLive, useBoards } from './support';

const boards = useBoards();

/** The first card titles of each lane, as the page shows them now. */
async function firstTitles(page: Page, count: number): Promise<Record<string, string[]>> {
  const titles: Record<string, string[]> = {};
  for (const lane of ['marketing', 'seam', 'sales']) {
    titles[lane] = (await page.locator(`[data-lane-id="${lane}"] [data-card-id] .card-title`).allTextContents()).slice(0, count);
  }
  return titles;
}

describe('the first frame', () => {
  it('shows the reopened board, in the chosen language, theme and window zoom, before the app’s code has run', async () => {
    const dataDir = await boards.tempDir('first-frame');
    await writeFile(join(dataDir, 'preferences.json'), JSON.stringify({ language: 'de', theme: 'dark', windowZoom: 0.8 }));
    const host = await startWebHost({ port: 0, dataDir, demoCards: 300, locale: 'en-US' });
    const context = await boards.browser().newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
      });
      page.on('pageerror', (error) => {
        if (!error.message.includes('dynamically imported module')) problems.push(error.message);
      });
      // The app's code never arrives: all the page shows is what the host served.
      await page.route(/\/assets\/main-[^/]*\.js$/, (route) => route.abort());
      await page.goto(host.url);

      await expect.poll(() => page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length)).toBe(1);
      expect(await page.locator('html').getAttribute('lang')).toBe('de');
      expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
      // The zoom comes as a number on the root, which the style sheet reads (no style attribute: the CSP).
      expect(await page.evaluate(() => getComputedStyle(document.getElementById('root') as HTMLElement).zoom)).toBe('0.8');
      expect(await page.locator('.session-heading').textContent()).toBe('Demo (300)');
      expect(await page.locator('.lane h2').allTextContents()).toEqual(['Marketing', 'Nahtstelle', 'Sales']);
      expect(await firstTitles(page, 3)).toEqual({
        marketing: ['Topic 1', 'Topic 4', 'Topic 7'],
        seam: ['Topic 2', 'Topic 5', 'Topic 8'],
        sales: ['Topic 3', 'Topic 6', 'Topic 9'],
      });
      await expect.poll(() => page.getByText('Topic 1', { exact: true }).isVisible()).toBe(true);
      // A picture until the app is there: nothing in it takes the focus.
      expect(await page.locator('#root').getAttribute('inert')).toBe('');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
      // No style the page's CSP would have blocked, and no other error.
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await host.close();
    }
  });

  it('is replaced by the app’s own board with the same cards in each lane, which then takes clicks and keys', async () => {
    const board = await boards.open({ demoCards: 300, viewport: { width: 1280, height: 720 }, locale: 'de-DE' });
    const { page } = board;
    // The app's code is asked for once the frame has been painted, not alongside it (first-paint.ts):
    // after its first contentful paint, or, on a machine too busy to paint, after the half-second
    // fallback. (Routing also keeps the chunk out of the cache: the request is made on the reload too.)
    const paintedWhenAsked: boolean[] = [];
    await page.route(/\/assets\/main-[^/]*\.js$/, async (route) => {
      paintedWhenAsked.push(
        await page.evaluate(() => {
          const parsed = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventStart ?? 0;
          return performance.getEntriesByName('first-contentful-paint').length > 0 || performance.now() - parsed >= 450;
        }),
      );
      await route.continue();
    });
    const served = await page.reload();
    const html = (await served?.text()) ?? '';
    expect(html).toContain('<div id="root" inert>');
    await appLive(page);
    expect(paintedWhenAsked).toEqual([true]);
    const live = await firstTitles(page, 5);
    expect(live.marketing).toEqual(['Topic 1', 'Topic 4', 'Topic 7', 'Topic 10', 'Topic 13']);
    // The frame the host served had the same first cards.
    for (const titles of Object.values(live)) for (const title of titles) expect(html).toContain(`<span class="card-title">${title}</span>`);
    // The buttons a card shows on hover or focus come with the app, not with the frame (a picture).
    expect(html.slice(html.indexOf('<div id="root"'))).not.toContain('class="card-actions"');
    await page.locator('[data-card-id]').first().hover();
    await expect.poll(() => page.getByRole('button', { name: 'Details zu Topic 1', exact: true }).isVisible()).toBe(true);
    // One board: the app's render took the frame's place.
    expect(await page.locator('.app').count()).toBe(1);
    expect(await page.locator('section.lane').count()).toBe(3);
    await addCards(page, 'Sales', ['Preisliste'], 'Karte hinzufügen');
    await expect.poll(() => page.locator('[data-lane-id="sales"] [data-card-id] .card-title').last().textContent()).toBe('Preisliste');
  });

  it('never comes with the audience page (the projector shows only what the facilitator publishes)', async () => {
    const board = await boards.open({ demoCards: 30 });
    const audience = await board.page.request.get(board.host.audienceUrl);
    const html = await audience.text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).not.toContain('data-card-id');
    expect(html).not.toContain('Demo (30)');
  });
});
