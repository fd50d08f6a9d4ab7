import { describe, expect, it } from 'vitest';
import { boardCounts, countCards } from '../../../core/board-counts';
import { createSession, type Session } from '../../../core/model';
import { applyOperation, type Operation } from '../../../core/operations';

function board(...ops: Operation[]): Session {
  return ops.reduce(applyOperation, createSession('s'));
}

describe('countCards', () => {
  it('counts what each block of the method needs: unresolved topics, caricatures per side, metrics without narrative', () => {
    const s = board(
      { type: 'addLane', laneId: 'p', title: 'Parkplatz' },
      { type: 'addCard', cardId: 't1', laneId: 'p', title: 'Offen' },
      { type: 'addCard', cardId: 't2', laneId: 'seam', title: 'Geklärt' },
      { type: 'addCard', cardId: 'c1', laneId: 'marketing', title: 'M über S', kind: 'caricature' },
      { type: 'addCard', cardId: 'c2', laneId: 'sales', title: 'S über M', kind: 'caricature' },
      { type: 'addCard', cardId: 'c3', laneId: 'sales', title: 'S über M 2', kind: 'caricature' },
      { type: 'updateCard', cardId: 'c2', changes: { caricature: { cleared: true } } },
      { type: 'addCard', cardId: 'm1', laneId: 'seam', title: 'SQL-Quote', kind: 'metric' },
      { type: 'addCard', cardId: 'm2', laneId: 'seam', title: 'Umsatz', kind: 'metric' },
      { type: 'updateCard', cardId: 'm2', changes: { metric: { narrative: 'Wächst mit Bestandskunden' } } },
    );
    expect(countCards(s.cards)).toEqual({
      unresolvedTopics: 1,
      caricatures: { marketingOnSales: 1, salesOnMarketing: 2, cleared: 1, total: 3 },
      metrics: { total: 2, withoutNarrative: 1 },
    });
  });

  it('boardCounts recounts only when the cards change', () => {
    const s = board({ type: 'addCard', cardId: 'm', laneId: 'seam', title: 'Quote', kind: 'metric' });
    const first = boardCounts(s.cards);
    expect(boardCounts(s.cards)).toBe(first);
    const told = applyOperation(s, { type: 'updateCard', cardId: 'm', changes: { metric: { narrative: 'Story' } } });
    expect(boardCounts(told.cards).metrics.withoutNarrative).toBe(0);
  });
});
