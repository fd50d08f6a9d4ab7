import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workshopAgenda } from '../../../core/agenda';
import { commit, redo, startHistory, undo, type History } from '../../../core/history';
import { createSession, type Session } from '../../../core/model';
import { addCard, isRuntimeOperation, type Operation } from '../../../core/operations';
import { sessionSchema } from '../../../core/session-schema';
import { operation } from './operation-arbitrary';

/** A start board with a few cards, so moves and deletes have something to act on; blank or from the workshop template. */
const startSession: fc.Arbitrary<Session> = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom('marketing', 'seam', 'sales'), fc.string({ minLength: 1, maxLength: 8 })), { maxLength: 4 }), fc.boolean())
  .map(([cards, workshop]) => {
    let n = 0;
    const participants = [
      { id: 'p1', name: 'Anna', department: 'marketing' as const },
      { id: 'p2', name: 'Ben', department: 'sales' as const },
    ];
    const blank = createSession('start', { participants }, workshop ? workshopAgenda(() => `b${++n}`) : []);
    return cards.reduce((s, [lane, t], i) => addCard(s, `c${i}`, lane, `x${t}`), blank);
  });

function applyAll(history: History, operations: readonly Operation[]): History {
  return operations.reduce(commit, history);
}

/** Every card stands in exactly one lane, and the session is one the file format accepts. */
function expectConsistent(session: Session): void {
  const placed = session.laneOrder.flatMap((id) => session.lanes[id]?.cardIds ?? []);
  expect(new Set(placed).size).toBe(placed.length);
  expect([...placed].sort()).toEqual(Object.keys(session.cards).sort());
  const parsed = sessionSchema.safeParse(session, { jitless: true });
  expect(parsed.success ? null : parsed.error.issues).toBeNull();
}

/** The content of a session: what undo restores (the active block and the timer are runtime). */
function content(session: Session): Session {
  const { parkedTimers: _parked, ...rest } = session;
  return { ...rest, activeBlockId: null, timer: null };
}

const contentOperations = (operations: readonly Operation[]) => operations.filter((op) => !isRuntimeOperation(op));

describe('undo and redo (property)', () => {
  it('any sequence of operations followed by as many undos restores the start; redo replays to the end', () => {
    fc.assert(
      fc.property(startSession, fc.array(operation, { maxLength: 40 }), (start, operations) => {
        let done = startHistory(start);
        for (const op of operations) {
          done = commit(done, op);
          expectConsistent(done.present);
        }

        let back = done;
        for (let i = 0; i < contentOperations(operations).length; i++) back = undo(back);
        expect(content(back.present)).toEqual(content(start));
        expect(back.past).toHaveLength(0);
        // Undo leaves the room where it is in the agenda, as far as that block still exists.
        expectConsistent(back.present);
        if (back.present.activeBlockId !== null) expect(back.present.activeBlockId).toBe(done.present.activeBlockId);

        let forward = back;
        for (let i = 0; i < contentOperations(operations).length; i++) forward = redo(forward);
        expect(content(forward.present)).toEqual(content(done.present));
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
        // A content change starts a new branch; moving on in the agenda or the clock keeps redo.
        if (branched !== undone) expect(branched.future).toHaveLength(isRuntimeOperation(extra) ? undone.future.length : 0);
        expectConsistent(branched.present);
      }),
      { numRuns: 300 },
    );
  });

  it('passes over runtime steps: undo after moving on in the agenda undoes the last content change', () => {
    let n = 0;
    const start = createSession(
      's',
      {},
      workshopAgenda(() => `b${++n}`),
    );
    let h = commit(startHistory(start), { type: 'setMission', text: 'Together for the customer' });
    h = commit(h, { type: 'goToBlock', blockId: 'b3' });
    h = commit(h, { type: 'timer', action: 'start', now: 1000 });
    expect(h.past).toHaveLength(1);
    h = undo(h);
    expect(h.present.mission).toBe('');
    expect(h.present.activeBlockId).toBe('b3');
    expect(h.present.timer).toMatchObject({ blockId: 'b3', startedAt: 1000 });
  });

  it('records no history entry for an operation that changes nothing', () => {
    const h = startHistory(createSession('s'));
    expect(commit(h, { type: 'deleteCard', cardId: 'missing' })).toBe(h);
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });
});
