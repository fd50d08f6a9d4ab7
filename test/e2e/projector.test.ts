import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addCards, useBoards } from './support';

const boards = useBoards();

const screenshotPath = fileURLToPath(new URL('../../docs/images/board.png', import.meta.url));

describe('on a 1920×1080 projector', () => {
  it('shows a workshop board in large type (and saves the README screenshot)', async () => {
    const board = await boards.open({ locale: 'de-DE' });
    const { page } = board;
    const add = 'Karte hinzufügen';
    await addCards(page, 'Marketing', ['Markenauftritt 2027', 'Content für Messen', 'Newsletter-Strategie'], add);
    await addCards(page, 'Nahtstelle', ['Launch Produkt X', 'Lead-Qualifizierung', 'Preiskommunikation'], add);
    await addCards(page, 'Sales', ['Key-Account-Planung', 'Angebotsprozess'], add);
    await page.getByRole('button', { name: 'Launch Produkt X', exact: true }).focus();
    await page.screenshot({ path: screenshotPath });

    const sizes = await page.evaluate(() => ({
      cardTitle: parseFloat(getComputedStyle(document.querySelector('.card-title') as Element).fontSize),
      laneHeading: parseFloat(getComputedStyle(document.querySelector('.lane h2') as Element).fontSize),
    }));
    expect(sizes.cardTitle).toBeGreaterThanOrEqual(24);
    expect(sizes.laneHeading).toBeGreaterThanOrEqual(28);

    // All three lanes fit side by side without horizontal scrolling.
    const overflow = await page.evaluate(() => {
      const main = document.querySelector('main') as HTMLElement;
      return main.scrollWidth - main.clientWidth;
    });
    expect(overflow).toBe(0);
    expect(board.errors).toEqual([]);
  });
});
