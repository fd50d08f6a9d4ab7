import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { addCards, useBoards } from './support';

const boards = useBoards();

describe('accessibility', () => {
  it('the start screen without sessions has no serious or critical axe violations', async () => {
    const { page } = await boards.open({ startOn: 'library', bypassCSP: true });
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the board with cards has no serious or critical axe violations', async () => {
    const board = await boards.open({ locale: 'de-DE', bypassCSP: true });
    await addCards(board.page, 'Marketing', ['Messeauftritt'], 'Karte hinzufügen');
    await addCards(board.page, 'Sales', ['Rabattpolitik'], 'Karte hinzufügen');
    expect(await seriousViolations(board.page)).toEqual([]);
  });
});
