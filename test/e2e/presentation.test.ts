import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shortcutScopes, shortcutSpecs, type ShortcutSpec } from '../../renderer/src/ui/shortcut-keys';
import { de, en } from '../../renderer/src/i18n/features/present';
import { seriousViolations } from './axe';
import { addCards, cardTitles, useBoards } from './support';

const boards = useBoards();

const announcement = (page: Page) => page.locator('#board-announcer').innerText();
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Board actions' });
const fontSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));

async function boardWithCards(options: Parameters<typeof boards.open>[0] = {}) {
  const board = await boards.open(options);
  await addCards(board.page, 'Marketing', ['Trade fair', 'Brand book']);
  await addCards(board.page, 'Seam', ['Lead handover']);
  await addCards(board.page, 'Sales', ['Key accounts']);
  return board;
}

describe('presentation mode', () => {
  it('F5 shows the board alone in large type and Escape brings the editing back', async () => {
    const board = await boardWithCards({ bypassCSP: true });
    const { page } = board;
    await page.getByRole('button', { name: 'Trade fair', exact: true }).focus();
    const normalTitle = await fontSize(page, '.card-title');

    await page.keyboard.press('F5');
    await toolbar(page).waitFor({ state: 'hidden' });
    await expect.poll(() => board.webHost?.fullScreen).toBe(true);
    expect(await page.getByRole('region', { name: 'Workshop' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Add card' }).count()).toBe(0);
    // Card titles readable from the back row: at least 28 px on a 1080p projector.
    const presentedTitle = await fontSize(page, '.card-title');
    expect(presentedTitle).toBeGreaterThanOrEqual(28);
    expect(presentedTitle).toBeGreaterThan(normalTitle);
    expect(await seriousViolations(page)).toEqual([]);

    // A topic raised in the room goes up without leaving the presentation: N, type, Enter.
    await page.keyboard.press('n');
    const field = page.getByRole('region', { name: 'Marketing', exact: true }).getByRole('textbox');
    await field.fill('Webinar series');
    await field.press('Enter');
    await field.press('Escape');
    expect(await cardTitles(page, 'Marketing')).toEqual(['Trade fair', 'Brand book', 'Webinar series']);
    expect(await toolbar(page).isVisible()).toBe(false);

    await page.keyboard.press('Escape');
    await toolbar(page).waitFor();
    // The window is asked to leave full screen as the toolbar comes back; the answer can come later.
    await expect.poll(() => board.webHost?.fullScreen).toBe(false);
    expect(await page.getByRole('button', { name: 'Add card' }).count()).toBe(3);
    expect(await fontSize(page, '.card-title')).toBe(normalTitle);
  });

  it('ends when the window leaves full screen outside the app (F11, the green button), so the two never drift apart', async () => {
    const board = await boardWithCards();
    const { page, webHost } = board;
    await page.getByRole('button', { name: 'Trade fair', exact: true }).focus();
    await page.keyboard.press('F5');
    await toolbar(page).waitFor({ state: 'hidden' });
    await expect.poll(() => webHost?.fullScreen).toBe(true);

    // What main sends on the window's leave-full-screen.
    webHost?.emit('fullScreen', { on: false });
    await toolbar(page).waitFor();
    expect(await page.getByRole('button', { name: 'Add card' }).count()).toBe(3);
  });

  it('zooms in and out by keyboard and fits the whole board to the screen', async () => {
    const board = await boards.open();
    const { page } = board;
    await addCards(
      page,
      'Marketing',
      Array.from({ length: 14 }, (_, i) => `Topic ${i + 1}`),
    );
    await page.getByRole('button', { name: 'Presentation', exact: true }).click();
    const controls = page.getByRole('toolbar', { name: 'Presentation controls' });
    await controls.waitFor();
    // Fourteen large cards do not fit one lane at 100 %: presentation mode starts fitted.
    await expect.poll(() => controls.getByRole('status').innerText()).toBe('Fitted to the screen');
    // The size of a card the room sees (not one paged away).
    const width = async () => (await page.locator('.lane-cards > li:not([data-beyond]) .card-handle').first().boundingBox())?.height ?? 0;
    // The zoom reaches the board a frame after the status names it (Board.tsx useBoardZoom).
    const boardZoom = () => page.evaluate(() => parseFloat((document.querySelector('main.board') as HTMLElement).style.zoom || '1'));
    await expect.poll(boardZoom).toBeLessThan(1);
    const before = await width();

    // A step from "fit" starts at the fitted zoom (at least 75 %, the readable floor): in, to 100 %.
    await page.keyboard.press('Control+=');
    expect(await controls.getByRole('status').innerText()).toBe('Zoom 100 %');
    await expect.poll(boardZoom).toBe(1);
    expect(await width()).toBeGreaterThan(before);
    await page.keyboard.press('Control+-');
    expect(await controls.getByRole('status').innerText()).toBe('Zoom 75 %');
    await expect.poll(boardZoom).toBe(0.75);

    // Fitted again: no card is cut — each is wholly on screen or paged away, with "+N more".
    await page.keyboard.press('Control+0');
    expect(await controls.getByRole('status').innerText()).toBe('Fitted to the screen');
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement>('.lane-cards > li')].every((item) => {
        const box = item.getBoundingClientRect();
        const list = (item.parentElement as HTMLElement).getBoundingClientRect();
        return item.hasAttribute('data-beyond') || (box.top >= list.top - 0.5 && box.bottom <= list.bottom + 0.5 && box.bottom <= 1080);
      }),
    );
    await expect.poll(() => page.locator('[data-more]').count()).toBe(1);
  });

  it('shows the block, its prompt and its timer large when wanted (B)', async () => {
    const board = await boards.open();
    const { page } = board;
    // A new session starts with the workshop's agenda.
    await page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: 'Start agenda' }).click();
    await page.keyboard.press('F5');
    await page.keyboard.press('b');
    const banner = page.getByRole('region', { name: 'Current block' });
    await banner.waitFor();
    expect(await banner.getByRole('heading').innerText()).toBe('Who leads?');
    expect(await banner.innerText()).toMatch(/Collect new or contested topics/);
    expect(await banner.getByRole('timer').innerText()).toMatch(/^(45:00|44:[45]\d)$/);
    // Starting the agenda started the clock the room sees.
    await page.waitForFunction(() => document.querySelector('.presentation-block [role="timer"]')?.textContent !== '45:00');
    await page.keyboard.press('b');
    await banner.waitFor({ state: 'detached' });
  });
});

describe('spotlight', () => {
  it('enlarges one card, steps through the cards with the arrow keys and ends with Escape', async () => {
    const board = await boardWithCards({ bypassCSP: true });
    const { page } = board;
    await page.getByRole('button', { name: 'Brand book', exact: true }).focus();
    await page.keyboard.press('s');
    const spotlight = page.getByRole('region', { name: 'Spotlight' });
    await spotlight.waitFor();
    expect(await spotlight.locator('.card-title').innerText()).toBe('Brand book');
    expect(await spotlight.getByText('Card 2 of 4').isVisible()).toBe(true);
    expect(await announcement(page)).toBe('Spotlight on Brand book, card 2 of 4.');
    expect(await fontSize(page, '.spotlight-card .card-title')).toBeGreaterThanOrEqual(48);
    expect(await seriousViolations(page)).toEqual([]);

    // Reading order: lane by lane, each top to bottom.
    await page.keyboard.press('ArrowRight');
    expect(await spotlight.locator('.card-title').innerText()).toBe('Lead handover');
    await page.keyboard.press('ArrowDown');
    expect(await spotlight.locator('.card-title').innerText()).toBe('Key accounts');
    await page.keyboard.press('ArrowRight'); // the last card: it stays
    expect(await spotlight.locator('.card-title').innerText()).toBe('Key accounts');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    expect(await spotlight.locator('.card-title').innerText()).toBe('Brand book');

    // The same by mouse or touch: buttons beside the position.
    await spotlight.getByRole('button', { name: 'Next card' }).click();
    expect(await spotlight.locator('.card-title').innerText()).toBe('Lead handover');
    await spotlight.getByRole('button', { name: 'Previous card' }).click();
    expect(await spotlight.locator('.card-title').innerText()).toBe('Brand book');

    await page.keyboard.press('Escape');
    await spotlight.waitFor({ state: 'detached' });
    // The focus is back on the card last spotlighted, and the board is as it was.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Brand book');
    expect(await cardTitles(page, 'Marketing')).toEqual(['Trade fair', 'Brand book']);
  });

  it('works in presentation mode: Escape ends the spotlight first, then the presentation', async () => {
    const board = await boardWithCards();
    const { page } = board;
    await page.keyboard.press('F5');
    await page.keyboard.press('s');
    const spotlight = page.getByRole('region', { name: 'Spotlight' });
    expect(await spotlight.locator('.card-title').innerText()).toBe('Trade fair');
    await page.keyboard.press('Escape');
    await spotlight.waitFor({ state: 'detached' });
    expect(await toolbar(page).isVisible()).toBe(false);

    // By mouse or touch: select a card, then "Spotlight" in the corner controls.
    await page.getByRole('button', { name: 'Key accounts', exact: true }).click();
    await page.getByRole('toolbar', { name: 'Presentation controls' }).getByRole('button', { name: 'Spotlight' }).click();
    expect(await spotlight.locator('.card-title').innerText()).toBe('Key accounts');
    await page.keyboard.press('Escape');
    await spotlight.waitFor({ state: 'detached' });

    await page.keyboard.press('Escape');
    await toolbar(page).waitFor();
  });
});

describe('keyboard first', () => {
  it('moves a card to the neighbouring lane with Alt+arrows and cycles its lead with L', async () => {
    const board = await boardWithCards();
    const { page } = board;
    await page.getByRole('button', { name: 'Trade fair', exact: true }).focus();
    await page.keyboard.press('Alt+ArrowRight');
    expect(await cardTitles(page, 'Seam')).toEqual(['Trade fair', 'Lead handover']);
    expect(await announcement(page)).toBe('Dropped Trade fair in Seam, position 1 of 2.');
    // As after a drag: the board asks why; Escape skips.
    await page.getByRole('textbox', { name: 'Why did “Trade fair” move from Marketing to Seam?' }).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Trade fair') === true);

    await page.keyboard.press('l'); // joint → sales
    expect(await announcement(page)).toBe('Trade fair: lead Sales.');
    await page.keyboard.press('l'); // → unresolved
    expect(await announcement(page)).toBe('Trade fair: lead Unresolved.');
    // The face says so too, and Alt+Down moves the card down within its lane.
    await page.keyboard.press('Alt+ArrowDown');
    expect(await cardTitles(page, 'Seam')).toEqual(['Lead handover', 'Trade fair\nLead unresolved']);
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Trade fair') === true);
  });

  it('leaves the keys to a text field while someone types', async () => {
    const board = await boardWithCards();
    const { page } = board;
    await page.keyboard.press('Control+f');
    const find = page.getByRole('searchbox', { name: 'Find' });
    await find.waitFor();
    await find.pressSequentially('s?lb');
    expect(await find.inputValue()).toBe('s?lb');
    expect(await page.getByRole('region', { name: 'Spotlight' }).count()).toBe(0);
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0);
    expect(await toolbar(page).isVisible()).toBe(true);
  });
});

describe('cheat sheet', () => {
  for (const [locale, text] of [
    ['en-US', en],
    ['de-DE', de],
  ] as const) {
    it(`? lists every shortcut of the registry with its keys (${locale})`, async () => {
      const board = await boards.open({ locale, bypassCSP: true });
      const { page } = board;
      await page.keyboard.press('?');
      const sheet = page.getByRole('dialog', { name: text.cheatSheet.heading });
      await sheet.waitFor();

      for (const scope of shortcutScopes) {
        expect(await sheet.getByRole('heading', { name: text.cheatSheet.scopes[scope], exact: true }).count()).toBe(1);
      }
      const specs = shortcutSpecs as readonly ShortcutSpec[];
      const rows = await sheet.locator('tr[data-shortcut]').evaluateAll((elements) =>
        elements.map((row) => ({
          id: row.getAttribute('data-shortcut'),
          description: row.querySelector('th')?.textContent,
          chords: row.querySelectorAll('kbd.chord').length,
        })),
      );
      // Section by section, in the registry's order within each.
      const listed = shortcutScopes.flatMap((scope) => specs.filter((spec) => spec.scope === scope));
      expect(rows).toEqual(
        listed.map((spec) => ({ id: spec.id, description: text.shortcuts[spec.id as keyof typeof text.shortcuts], chords: spec.keys.length })),
      );
      expect(await seriousViolations(page)).toEqual([]);

      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'detached' });
    });
  }
});
