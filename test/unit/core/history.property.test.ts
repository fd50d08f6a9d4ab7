import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workshopAgenda } from '../../../core/agenda';
import { commit, redo, startHistory, undo, type History } from '../../../core/history';
import { createSession, type Session } from '../../../core/model';
import { addCard, type Operation } from '../../../core/operations';

const cardIds = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];
const laneIds = ['marketing', 'seam', 'sales', 'no-such-lane'];

const cardId = fc.constantFrom(...cardIds);
const laneId = fc.constantFrom(...laneIds);
const title = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', '   ', 'Launch', 'Pricing\nmodel'));
const index = fc.integer({ min: -2, max: 8 });

export const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ type: fc.constant('addCard' as const), cardId, laneId, title, index: fc.option(index, { nil: undefined }) }),
  fc.record({ type: fc.constant('editCardTitle' as const), cardId, title }),
  fc.record({ type: fc.constant('deleteCard' as const), cardId }),
  fc.record({ type: fc.constant('moveCard' as const), cardId, toLaneId: laneId, toIndex: index }),
  fc.record({
    type: fc.constant('updateDetails' as const),
    details: fc.record({ title, client: title, place: title, date: fc.constantFrom('', '2027-03-04') }, { requiredKeys: [] }),
  }),
);

/** A start board with a few cards, so moves and deletes have something to act on; blank or from the workshop template. */
const startSession: fc.Arbitrary<Session> = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom('marketing', 'seam', 'sales'), fc.string({ minLength: 1, maxLength: 8 })), { maxLength: 4 }), fc.boolean())
  .map(([cards, workshop]) => {
    let n = 0;
    const blank = createSession('start', {}, workshop ? workshopAgenda(() => `b${++n}`) : []);
    return cards.reduce((s, [lane, t], i) => addCard(s, `c${i}`, lane, `x${t}`), blank);
  });

function applyAll(history: History, operations: readonly Operation[]): History {
  return operations.reduce(commit, history);
}

/** Every card stands in exactly one lane, and every lane entry is a card. */
function expectConsistent(session: Session): void {
  const placed = session.laneOrder.flatMap((id) => session.lanes[id]?.cardIds ?? []);
  expect(new Set(placed).size).toBe(placed.length);
  expect([...placed].sort()).toEqual(Object.keys(session.cards).sort());
}

describe('undo and redo (property)', () => {
  it('any sequence of operations followed by as many undos restores the start; redo replays to the end', () => {
    fc.assert(
      fc.property(startSession, fc.array(operation, { maxLength: 40 }), (start, operations) => {
        const done = applyAll(startHistory(start), operations);
        expectConsistent(done.present);
        // No operation edits the agenda yet: it stays the very same array.
        expect(done.present.agenda).toBe(start.agenda);

        let back = done;
        for (let i = 0; i < operations.length; i++) back = undo(back);
        expect(back.present).toBe(start);
        expect(back.past).toHaveLength(0);

        let forward = back;
        for (let i = 0; i < operations.length; i++) forward = redo(forward);
        expect(forward.present).toEqual(done.present);
        expect(forward.future).toHaveLength(0);
      }),
      { numRuns: 500 },
    );
  });

  it('a new operation after undo drops the redo branch', () => {
    fc.assert(
      fc.property(startSession, fc.array(operation, { minLength: 1, maxLength: 20 }), operation, (start, operations, extra) => {
        const undone = undo(applyAll(startHistory(start), operations));
        const branched = commit(undone, extra);
        if (branched !== undone) expect(branched.future).toHaveLength(0);
        expectConsistent(branched.present);
      }),
      { numRuns: 300 },
    );
  });

  it('records no history entry for an operation that changes nothing', () => {
    const h = startHistory(createSession('s'));
    expect(commit(h, { type: 'deleteCard', cardId: 'missing' })).toBe(h);
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });
});
