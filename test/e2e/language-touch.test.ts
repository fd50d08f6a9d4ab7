import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCards, cardTitles, centreOf, useBoards } from './support';

const boards = useBoards();

describe('language', () => {
  it('follows the system language: German on a German system', async () => {
    const board = await boards.open({ locale: 'de-AT' });
    const { page } = board;
    expect(await page.getByRole('region', { name: 'Nahtstelle', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Karte hinzufügen' }).count()).toBe(3);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
  });

  it('switches in the UI and remembers the choice after a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'nahtstelle-e2e-lang-'));
    try {
      const first = await boards.open({ dataDir });
      await first.page.getByRole('combobox', { name: 'Language' }).selectOption('de');
      expect(await first.page.getByRole('region', { name: 'Nahtstelle', exact: true }).isVisible()).toBe(true);
      expect(await first.page.getByRole('button', { name: 'Rückgängig' }).count()).toBe(1);
      await first.close();

      // The session that was open comes back by itself, in the remembered language.
      const second = await boards.open({ dataDir, startOn: 'library' });
      await second.page.getByRole('region', { name: 'Nahtstelle', exact: true }).waitFor();
      expect(await second.page.getByRole('button', { name: 'Karte hinzufügen' }).count()).toBe(3);
      await second.page.getByRole('combobox', { name: 'Sprache' }).selectOption('system');
      expect(await second.page.getByRole('button', { name: 'Add card' }).count()).toBe(3);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('touch', () => {
  it('drags a card with a finger after a short press', async () => {
    const board = await boards.open({ hasTouch: true });
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
