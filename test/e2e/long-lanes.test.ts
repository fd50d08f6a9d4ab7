/**
 * A 1,000-card session on a 1366×768 laptop: lanes render only the cards in view
 * (board/LaneCards.tsx), and the facilitator still reaches every card by scrolling, keyboard,
 * Find, drag and presentation mode. docs/ARCHITECTURE.md, "Drag and drop".
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardNamed, mouseDrag, useBoards } from './support';

const boards = useBoards();

const laptop = { width: 1366, height: 768 };
/** The demo session deals its cards round the three lanes: Marketing holds Topic 1, 4, 7 … 1000. */
const demoCards = 1000;
const marketingCount = 334;

const list = (page: Page, lane: string) => page.getByRole('region', { name: lane, exact: true }).locator('.lane-cards');

/** The title of the card at the vertical middle of a lane's visible list, or null when nothing is there. */
function cardAtMiddle(page: Page, lane: string): Promise<string | null> {
  return list(page, lane).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit?.closest<HTMLElement>('[data-card-id]')?.getAttribute('aria-label')?.split(',')[0] ?? null;
  });
}

/** Whether the focused element is a card wholly inside its lane's visible list, and its name. */
function focusedCardInView(page: Page): Promise<{ name: string | null; inView: boolean }> {
  return page.evaluate(() => {
    const card = document.activeElement;
    const listElement = card?.closest('.lane-cards');
    if (!(card instanceof HTMLElement) || !listElement) return { name: null, inView: false };
    const box = card.getBoundingClientRect();
    const view = listElement.getBoundingClientRect();
    return { name: card.getAttribute('aria-label'), inView: box.top >= view.top - 1 && box.bottom <= view.bottom + 1 };
  });
}

async function scrollListTo(page: Page, lane: string, fraction: number): Promise<void> {
  await list(page, lane).evaluate((element, at) => {
    element.scrollTop = (element.scrollHeight - element.clientHeight) * at;
  }, fraction);
}

describe('a 1,000-card session on a laptop', () => {
  it('keeps only the cards in view in the page, and every position of a long lane shows its cards', async () => {
    const { page } = await boards.open({ demoCards, viewport: laptop });
    const marketing = page.getByRole('region', { name: 'Marketing', exact: true });
    expect(await marketing.locator('.lane-count').innerText()).toBe(`${marketingCount} cards`);
    await cardNamed(page, 'Topic 1').waitFor();
    // The page holds a small part of the board, whatever the session's size.
    expect(await page.locator('[data-card-id]').count()).toBeLessThan(150);

    for (const fraction of [0.25, 0.5, 0.75, 1]) {
      await scrollListTo(page, 'Marketing', fraction);
      // No blank stretch: wherever the list stands, a card is under its middle.
      await expect.poll(() => cardAtMiddle(page, 'Marketing'), { timeout: 5_000 }).toMatch(/^Topic \d+$/);
    }
    // At the end, the last card is there and in view.
    await expect.poll(() => cardNamed(page, 'Topic 1000').isVisible(), { timeout: 5_000 }).toBe(true);
    expect(await page.locator('[data-card-id]').count()).toBeLessThan(150);
    await scrollListTo(page, 'Marketing', 0);
    await expect.poll(() => cardAtMiddle(page, 'Marketing'), { timeout: 5_000 }).toMatch(/^Topic \d+$/);
    await expect.poll(() => cardNamed(page, 'Topic 1').isVisible(), { timeout: 5_000 }).toBe(true);
  });

  it('reaches cards far down a lane by the arrow keys and by Find, focused and in view', async () => {
    const { page } = await boards.open({ demoCards, viewport: laptop, locale: 'de-DE' });
    await cardNamed(page, 'Topic 1').focus();
    // 30 steps down: far past the cards that were in the page at the start.
    for (let step = 0; step < 30; step++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedCardInView(page), { timeout: 5_000 }).toEqual({ name: 'Topic 91', inView: true });
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedCardInView(page), { timeout: 5_000 }).toEqual({ name: 'Topic 88', inView: true });
    // A held arrow key repeats faster than the lane can render the cards below: no step is lost.
    await page.evaluate(() => {
      for (let repeat = 0; repeat < 20; repeat++) {
        document.activeElement?.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'ArrowDown', code: 'ArrowDown', bubbles: true, repeat: repeat > 0 }),
        );
      }
    });
    await expect.poll(() => focusedCardInView(page), { timeout: 5_000 }).toEqual({ name: 'Topic 148', inView: true });

    // Find jumps to a card that is not in the page at all.
    await page.keyboard.press('Control+f');
    await page.getByRole('searchbox', { name: 'Suchen' }).fill('Topic 997');
    await page.getByRole('searchbox', { name: 'Suchen' }).press('Enter');
    await expect.poll(() => focusedCardInView(page), { timeout: 5_000 }).toEqual({ name: 'Topic 997', inView: true });
  });

  it('carries a card by keyboard far down a long lane, and adds a card at its end in view', async () => {
    const { page } = await boards.open({ demoCards, viewport: laptop });
    await cardNamed(page, 'Topic 1').focus();
    await page.keyboard.press('Space');
    await page.locator('[aria-pressed="true"][data-card-id]').waitFor();
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    for (let step = 0; step < 25; step++) await page.keyboard.press('ArrowDown');
    // The slot is shown where the card will land, far below the cards of the first screen.
    await expect
      .poll(
        () =>
          page.locator('.drop-slot').evaluate((slot) => {
            const box = slot.getBoundingClientRect();
            const view = (slot.parentElement as HTMLElement).getBoundingClientRect();
            return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
          }),
        { timeout: 5_000 },
      )
      .toBe(true);
    await page.keyboard.press('Space');
    expect(await page.locator('#board-announcer').innerText()).toBe(`Dropped Topic 1 in Marketing, position 26 of ${marketingCount}.`);
    await expect.poll(() => focusedCardInView(page), { timeout: 5_000 }).toEqual({ name: 'Topic 1', inView: true });

    // A card added at the end of the lane is scrolled into view.
    const marketing = page.getByRole('region', { name: 'Marketing', exact: true });
    await marketing.getByRole('button', { name: 'Add card', exact: true }).click();
    await page.keyboard.type('Neu am Ende');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardNamed(page, 'Neu am Ende').isVisible(), { timeout: 5_000 }).toBe(true);
    const added = await cardNamed(page, 'Neu am Ende').boundingBox();
    const view = await list(page, 'Marketing').boundingBox();
    expect(added && view && added.y >= view.y - 1 && added.y + added.height <= view.y + view.height + 1).toBe(true);
    expect(await marketing.locator('.lane-count').innerText()).toBe(`${marketingCount + 1} cards`);
  });

  it('shows every position of a long lane at a window zoom of 150 %', async () => {
    const { page } = await boards.open({ demoCards, viewport: { width: 1920, height: 1080 } });
    await cardNamed(page, 'Topic 1').waitFor();
    for (let step = 0; step < 5; step++) await page.keyboard.press('Control+=');
    await expect.poll(() => page.evaluate(() => (document.getElementById('root') as HTMLElement).style.zoom), { timeout: 5_000 }).toBe('1.5');
    for (const fraction of [0.3, 0.6, 1]) {
      await scrollListTo(page, 'Seam', fraction);
      await expect.poll(() => cardAtMiddle(page, 'Seam'), { timeout: 5_000 }).toMatch(/^Topic \d+$/);
    }
    await expect.poll(() => cardNamed(page, 'Topic 998').isVisible(), { timeout: 5_000 }).toBe(true);
  });

  it('drops a card into the middle of a long scrolled lane where the slot showed it', async () => {
    const { page } = await boards.open({ demoCards, viewport: laptop });
    await scrollListTo(page, 'Sales', 0.5);
    await expect.poll(() => cardAtMiddle(page, 'Sales'), { timeout: 5_000 }).toMatch(/^Topic \d+$/);
    const target = (await cardAtMiddle(page, 'Sales')) ?? '';
    const box = await cardNamed(page, target).boundingBox();
    const from = await cardNamed(page, 'Topic 1').boundingBox();
    if (!box || !from) throw new Error('cards not found');
    // Sales holds Topic 3, 6, 9 …: Topic 3k is its k-th card. Dropped on its upper part, the
    // card lands just before it.
    const position = Number(target.replace('Topic ', '')) / 3;
    await mouseDrag(page, { x: from.x + from.width / 2, y: from.y + from.height / 2 }, { x: box.x + box.width / 2, y: box.y + box.height / 4 });
    await expect
      .poll(() => page.locator('#board-announcer').innerText(), { timeout: 5_000 })
      .toBe(`Dropped Topic 1 in Sales, position ${position} of 334.`);
    // It is where the room saw it land: in view, just above the card it was dropped on.
    const dropped = await cardNamed(page, 'Topic 1').boundingBox();
    const below = await cardNamed(page, target).boundingBox();
    expect(dropped && below && dropped.y < below.y).toBe(true);
  });

  it('says in presentation mode how many cards of each long lane are not on screen', async () => {
    const { page } = await boards.open({ demoCards, viewport: laptop });
    await cardNamed(page, 'Topic 1').waitFor();
    await page.keyboard.press('F5');
    const marketing = page.getByRole('region', { name: 'Marketing', exact: true });
    // The line and the cards on screen are read in one go: presentation mode zooms the board a
    // frame after it opens, and the line is counted again for the zoomed lane.
    const lineAndShown = () =>
      marketing.evaluate((lane) => ({
        line: lane.getAttribute('data-more'),
        shown: lane.querySelectorAll('.lane-cards > li:not([data-beyond])').length,
      }));
    await expect.poll(async () => (await lineAndShown()).line, { timeout: 10_000 }).toMatch(/^\+\d+ more$/);
    await expect
      .poll(
        async () => {
          const { line, shown } = await lineAndShown();
          return shown > 0 && line === `+${marketingCount - shown} more`;
        },
        { timeout: 5_000 },
      )
      .toBe(true);
  });
});
