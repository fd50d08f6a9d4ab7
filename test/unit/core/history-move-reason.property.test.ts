import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commit, redo, startHistory, undo } from '../../../core/history';
import { createSession, laneOfCard } from '../../../core/model';
import { addCard, type Operation } from '../../../core/operations';

const lanes = ['marketing', 'seam', 'sales'] as const;

/** A board with a few cards, then some other steps, so the move lands on a history with a past. */
const setup = fc.tuple(
  fc.array(fc.tuple(fc.constantFrom(...lanes), fc.string({ minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 5 }),
  fc.array(
    fc.oneof(
      fc.record({ type: fc.constant('setMission' as const), text: fc.string({ maxLength: 8 }) }),
      fc.record({
        type: fc.constant('moveCard' as const),
        cardId: fc.constantFrom('c0', 'c1', 'c2'),
        toLaneId: fc.constantFrom(...lanes),
        toIndex: fc.nat({ max: 4 }),
        at: fc.constant('2027-03-04T09:00:00.000Z'),
      }),
      fc.record({
        type: fc.constant('setMoveReason' as const),
        cardId: fc.constantFrom('c0', 'c1', 'c2'),
        moveIndex: fc.nat({ max: 2 }),
        reason: fc.string({ maxLength: 8 }),
      }),
    ),
    { maxLength: 10 },
  ),
);

describe('a move and its reason are one undo step (property)', () => {
  it('one undo after move + reason restores the exact session before the move; redo brings both back', () => {
    fc.assert(
      fc.property(
        setup,
        fc.nat(),
        fc.constantFrom(...lanes),
        fc.nat({ max: 6 }),
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
        ([cards, earlier], pick, toLane, toIndex, reason) => {
          const blank = createSession('s');
          const board = cards.reduce((s, [lane, title], i) => addCard(s, `c${i}`, lane, `x${title}`), blank);
          let h = earlier.reduce(commit, startHistory(board));
          const ids = Object.keys(h.present.cards);
          fc.pre(ids.length > 0);
          const cardId = ids[pick % ids.length] as string;
          fc.pre(laneOfCard(h.present, cardId)?.id !== toLane);
          const before = h.present;
          const move: Operation = { type: 'moveCard', cardId, toLaneId: toLane, toIndex, at: '2027-03-04T09:30:00.000Z' };
          h = commit(h, move);
          fc.pre(h.present !== before);
          const moveIndex = (h.present.cards[cardId]?.moves.length ?? 0) - 1;
          h = commit(h, { type: 'setMoveReason', cardId, moveIndex, reason });
          const done = h.present;

          const undone = undo(h);
          expect(undone.present).toEqual(before);
          expect(laneOfCard(undone.present, cardId)?.id).toBe(laneOfCard(before, cardId)?.id);
          expect(redo(undone).present).toEqual(done);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a reason given later for an older move stays a step of its own', () => {
    let h = startHistory(addCard(createSession('s'), 'c1', 'marketing', 'Pricing'));
    h = commit(h, { type: 'moveCard', cardId: 'c1', toLaneId: 'sales', toIndex: 0, at: '2027-03-04T09:30:00.000Z' });
    h = commit(h, { type: 'setMission', text: 'Together' });
    h = commit(h, { type: 'setMoveReason', cardId: 'c1', moveIndex: 0, reason: 'Sales owns it' });
    expect(h.past).toHaveLength(3);
    expect(laneOfCard(undo(h).present, 'c1')?.id).toBe('sales');
  });
});
