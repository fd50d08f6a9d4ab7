import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCards, cardTitles, centreOf, chooseLanguage, removeDir, savedPreference, useBoards } from './support';

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
      await addCards(first.page, 'Seam', ['Lead scoring']);
      // What a screen reader hears after a card's name, worded once per language (board/card-text.ts).
      const cardDescription = () =>
        first.page.locator('[data-card-id]', { hasText: 'Lead scoring' }).evaluate((element) =>
          (element.getAttribute('aria-describedby') ?? '')
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' '),
        );
      expect(await cardDescription()).toMatch(/^Topic\. Lead: /);
      await chooseLanguage(first.page, 'de');
      expect(await first.page.getByRole('region', { name: 'Nahtstelle', exact: true }).isVisible()).toBe(true);
      expect(await first.page.getByRole('button', { name: 'Rückgängig' }).count()).toBe(1);
      expect(await cardDescription()).toMatch(/^Thema\. Führung: /);
      await expect.poll(() => savedPreference(first, 'language')).toBe('de');
      await first.close();

      // The session that was open comes back by itself, in the remembered language.
      const second = await boards.open({ dataDir, startOn: 'library' });
      await second.page.getByRole('region', { name: 'Nahtstelle', exact: true }).waitFor();
      expect(await second.page.getByRole('button', { name: 'Karte hinzufügen' }).count()).toBe(3);
      await chooseLanguage(second.page, 'system');
      expect(await second.page.getByRole('button', { name: 'Add card' }).count()).toBe(3);
      await second.close();
    } finally {
      await removeDir(dataDir);
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
    // The finger is held, as a person does: the press that starts a touch drag (not a wait for the app).
    await page.waitForTimeout(300);
    for (let step = 1; step <= 15; step++) {
      await touch('touchMove', { x: from.x + ((to.x - from.x) * step) / 15, y: from.y + ((to.y - from.y) * step) / 15 });
    }
    await touch('touchEnd');

    await expect.poll(() => cardTitles(page, 'Seam')).toEqual(['Roadshow']);
    expect(await cardTitles(page, 'Marketing')).toEqual([]);
  });

  it('a tap selects a card and shows its buttons, finger-sized; tapping Edit edits the title', async () => {
    const board = await boards.open({ hasTouch: true });
    const { page } = board;
    await addCards(page, 'Marketing', ['Roadshow', 'Newsletter']);
    const lane = page.getByRole('region', { name: 'Marketing', exact: true });
    const edit = lane.getByRole('button', { name: 'Edit card Roadshow' });
    // Nothing to hover on a touchscreen: the buttons wait for the card to be tapped.
    expect(await edit.isVisible()).toBe(false);

    const card = lane.getByRole('button', { name: 'Roadshow', exact: true });
    await card.tap();
    // Selected, and seen to be: ringed as the keyboard's focus is.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Roadshow');
    expect(await card.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');
    await edit.waitFor();
    for (const button of [
      edit,
      lane.getByRole('button', { name: 'Delete card Roadshow' }),
      lane.getByRole('button', { name: 'Details for Roadshow' }),
    ]) {
      const box = await button.boundingBox();
      expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(44);
    }
    // The other card's buttons stay away while this one is selected.
    expect(await lane.getByRole('button', { name: 'Edit card Newsletter' }).isVisible()).toBe(false);

    await edit.tap();
    const field = page.getByRole('textbox', { name: 'Card title' });
    await field.fill('Roadshow im Süden');
    // Tapping elsewhere keeps what was typed, as Enter on the on-screen keyboard would.
    await page.getByRole('heading', { name: 'Sales', exact: true }).tap();
    expect(await cardTitles(page, 'Marketing')).toEqual(['Roadshow im Süden', 'Newsletter']);
  });

  it('a double tap edits the title; tapping "Add card" adds one', async () => {
    const board = await boards.open({ hasTouch: true });
    const { page } = board;
    const lane = page.getByRole('region', { name: 'Sales', exact: true });
    await lane.getByRole('button', { name: 'Add card', exact: true }).tap();
    const composer = lane.getByRole('textbox');
    await composer.fill('Rabattpolitik');
    await composer.press('Enter');
    await composer.press('Escape');
    expect(await cardTitles(page, 'Sales')).toEqual(['Rabattpolitik']);

    const card = lane.getByRole('button', { name: 'Rabattpolitik', exact: true });
    const box = await card.boundingBox();
    if (!box) throw new Error('No card');
    await page.touchscreen.tap(box.x + box.width / 3, box.y + box.height / 2);
    await page.touchscreen.tap(box.x + box.width / 3, box.y + box.height / 2);
    const field = page.getByRole('textbox', { name: 'Card title' });
    await field.fill('Rabatte nur mit Freigabe');
    await field.press('Enter');
    expect(await cardTitles(page, 'Sales')).toEqual(['Rabatte nur mit Freigabe']);
  });
});
