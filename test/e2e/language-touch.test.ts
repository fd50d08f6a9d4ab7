import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addCards, cardTitles, centreOf, launchChromium, openBoard, type BoardPage } from './support';

let browser: Browser;
let board: BoardPage | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  if (board) expect(board.errors).toEqual([]);
  await board?.close();
  board = undefined;
});

describe('language', () => {
  it('follows the system language: German on a German system', async () => {
    board = await openBoard(browser, { locale: 'de-AT' });
    const { page } = board;
    expect(await page.getByRole('region', { name: 'Nahtstelle', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Karte hinzufügen' }).count()).toBe(3);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
  });

  it('switches in the UI and remembers the choice after a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'nahtstelle-e2e-lang-'));
    try {
      board = await openBoard(browser, { dataDir });
      await board.page.getByRole('combobox', { name: 'Language' }).selectOption('de');
      expect(await board.page.getByRole('region', { name: 'Nahtstelle', exact: true }).isVisible()).toBe(true);
      expect(await board.page.getByRole('button', { name: 'Rückgängig' }).count()).toBe(1);
      await board.close();

      board = await openBoard(browser, { dataDir });
      expect(await board.page.getByRole('button', { name: 'Karte hinzufügen' }).count()).toBe(3);
      await board.page.getByRole('combobox', { name: 'Sprache' }).selectOption('system');
      expect(await board.page.getByRole('button', { name: 'Add card' }).count()).toBe(3);
    } finally {
      await board?.close();
      board = undefined;
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('touch', () => {
  it('drags a card with a finger after a short press', async () => {
    board = await openBoard(browser, { hasTouch: true });
    const { page } = board;
    await addCards(page, 'Marketing', ['Roadshow']);
    const from = await centreOf(page, 'Roadshow', 'Marketing');
    const seamBox = await page.getByRole('region', { name: 'Seam', exact: true }).boundingBox();
    if (!seamBox) throw new Error('No Seam lane');
    const to = { x: seamBox.x + seamBox.width / 2, y: seamBox.y + 200 };

    // Real touch events through the DevTools protocol, as a touchscreen produces them.
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', point?: { x: number; y: number }) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: point ? [{ x: point.x, y: point.y }] : [] });
    await touch('touchStart', from);
    await page.waitForTimeout(300);
    for (let step = 1; step <= 15; step++) {
      await touch('touchMove', { x: from.x + ((to.x - from.x) * step) / 15, y: from.y + ((to.y - from.y) * step) / 15 });
    }
    await touch('touchEnd');
    await page.waitForTimeout(100);

    expect(await cardTitles(page, 'Marketing')).toEqual([]);
    expect(await cardTitles(page, 'Seam')).toEqual(['Roadshow']);
  });
});
