import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addCards, cardTitles, useBoards } from './support';

const boards = useBoards();

const announcement = (page: Page) => page.locator('#board-announcer').innerText();

/**
 * Space picks up the focused card. dnd-kit starts listening for arrow keys one task after the
 * pick-up; a person cannot type faster than that, a test can, so it waits for that task.
 */
async function pickUp(page: Page): Promise<void> {
  await page.keyboard.press('Space');
  await page.locator('[aria-pressed="true"]').waitFor();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

describe('moving cards by keyboard alone (German UI)', () => {
  it('picks up a card, moves it right into the Nahtstelle lane and drops it, announced in German', async () => {
    const board = await boards.open({ locale: 'de-DE' });
    const { page } = board;
    await addCards(page, 'Marketing', ['Produktlaunch', 'Preisliste'], 'Karte hinzufügen');
    await addCards(page, 'Nahtstelle', ['Leads bewerten'], 'Karte hinzufügen');

    await page.getByRole('button', { name: 'Preisliste', exact: true }).focus();
    await pickUp(page);
    expect(await announcement(page)).toBe('Preisliste aufgenommen. Marketing, Position 2 von 2.');
    await page.keyboard.press('ArrowRight');
    expect(await announcement(page)).toBe('Preisliste: Nahtstelle, Position 2 von 2.');
    await page.keyboard.press('Space');
    expect(await announcement(page)).toBe('Preisliste abgelegt in Nahtstelle, Position 2 von 2.');

    expect(await cardTitles(page, 'Marketing')).toEqual(['Produktlaunch']);
    expect(await cardTitles(page, 'Nahtstelle')).toEqual(['Leads bewerten', 'Preisliste']);
    // The card crossed lanes: the board asks why, in the field that now has the focus; Escape skips it.
    // (The focus arrives a frame after the drop: dnd-kit hands it back, then the field takes it.)
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await page.keyboard.press('Escape');
    // Back on the moved card, so the next move is one key away.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Preisliste');
  });

  it('Left and Right always reach the neighbouring lane, in both directions, across an empty lane', async () => {
    const board = await boards.open({ locale: 'de-DE' });
    const { page } = board;
    await addCards(page, 'Marketing', ['A', 'B', 'C'], 'Karte hinzufügen');

    await page.getByRole('button', { name: 'A', exact: true }).focus();
    await pickUp(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    expect(await cardTitles(page, 'Sales')).toEqual(['A']);
    await page.keyboard.press('Escape'); // no reason for this move

    await pickUp(page);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    expect(await cardTitles(page, 'Nahtstelle')).toEqual(['A']);
    expect(await cardTitles(page, 'Sales')).toEqual([]);
    await page.keyboard.press('Escape');

    await pickUp(page);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    expect(await cardTitles(page, 'Marketing')).toEqual(['A', 'B', 'C']);
  });

  it('Up and Down reorder within the lane; Escape cancels a move', async () => {
    const board = await boards.open({ locale: 'de-DE' });
    const { page } = board;
    await addCards(page, 'Sales', ['Eins', 'Zwei', 'Drei'], 'Karte hinzufügen');

    await page.getByRole('button', { name: 'Eins', exact: true }).focus();
    await pickUp(page);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    expect(await cardTitles(page, 'Sales')).toEqual(['Zwei', 'Drei', 'Eins']);

    await pickUp(page);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    expect(await cardTitles(page, 'Sales')).toEqual(['Zwei', 'Eins', 'Drei']);

    await pickUp(page);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Escape');
    expect(await cardTitles(page, 'Sales')).toEqual(['Zwei', 'Eins', 'Drei']);
    expect(await announcement(page)).toBe('Verschieben abgebrochen. Eins steht wieder in Sales, Position 2 von 3.');
  });

  it('arrow keys move the focus between cards when nothing is picked up', async () => {
    const board = await boards.open({ locale: 'de-DE' });
    const { page } = board;
    await addCards(page, 'Marketing', ['M1', 'M2'], 'Karte hinzufügen');
    await addCards(page, 'Nahtstelle', ['N1'], 'Karte hinzufügen');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));

    await page.getByRole('button', { name: 'M1', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('M2');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('N1');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('M1');
    expect(await cardTitles(page, 'Marketing')).toEqual(['M1', 'M2']);
  });
});

describe('moving cards by keyboard alone (English UI)', () => {
  it('announces picking up, each step, the drop and a cancel in English', async () => {
    const board = await boards.open();
    const { page } = board;
    await addCards(page, 'Marketing', ['Price list']);

    await page.getByRole('button', { name: 'Price list', exact: true }).focus();
    await pickUp(page);
    expect(await announcement(page)).toBe('Picked up Price list. Marketing, position 1 of 1.');
    await page.keyboard.press('ArrowRight');
    expect(await announcement(page)).toBe('Price list: Seam, position 1 of 1.');
    await page.keyboard.press('Space');
    expect(await announcement(page)).toBe('Dropped Price list in Seam, position 1 of 1.');
    await page.keyboard.press('Escape'); // no reason for this move

    await pickUp(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    expect(await announcement(page)).toBe('Move cancelled. Price list is back in Seam, position 1 of 1.');
    expect(await cardTitles(page, 'Seam')).toEqual(['Price list']);
  });
});

describe('Undo and Redo from the application menu (macOS takes ⌘Z before the page)', () => {
  it('undo the typing while a text field has the focus, and the board otherwise', async () => {
    const board = await boards.open();
    const { page, webHost } = board;
    await addCards(page, 'Marketing', ['Trade fair']);
    const lane = page.getByRole('region', { name: 'Marketing', exact: true });
    await lane.getByRole('button', { name: 'Add card', exact: true }).click();
    const field = lane.getByRole('textbox');
    await field.pressSequentially('Webinar');

    // What main sends when Edit › Undo is chosen (or ⌘Z pressed on macOS).
    webHost?.emit('command', 'undo');
    await expect.poll(() => field.inputValue()).toBe('');
    expect(await cardTitles(page, 'Marketing')).toEqual(['Trade fair']);
    webHost?.emit('command', 'redo');
    await expect.poll(() => field.inputValue()).toBe('Webinar');

    await field.press('Escape');
    await page.getByRole('button', { name: 'Trade fair', exact: true }).focus();
    webHost?.emit('command', 'undo');
    await expect.poll(() => cardTitles(page, 'Marketing')).toEqual([]);
    webHost?.emit('command', 'redo');
    await expect.poll(() => cardTitles(page, 'Marketing')).toEqual(['Trade fair']);
  });
});
