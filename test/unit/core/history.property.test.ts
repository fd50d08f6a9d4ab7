import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockKinds, workshopAgenda } from '../../../core/agenda';
import { commit, redo, startHistory, undo, type History } from '../../../core/history';
import { cardColours, cardKinds, caricatureViews, createSession, leads, sides, type Session } from '../../../core/model';
import { addCard, isRuntimeOperation, type Operation } from '../../../core/operations';
import { sessionSchema } from '../../../core/session-schema';

const cardIds = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];
const laneIds = ['marketing', 'seam', 'sales', 'x1', 'no-such-lane'];
const blockIds = ['b1', 'b2', 'b3', 'b4', 'n1', 'no-such-block'];
const voterIds = ['p1', 'p2', 'department:marketing', 'department:sales', 'nobody'];

const cardId = fc.constantFrom(...cardIds);
const laneId = fc.constantFrom(...laneIds);
const blockId = fc.constantFrom(...blockIds);
const title = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', '   ', 'Launch', 'Pricing\nmodel'));
const index = fc.integer({ min: -2, max: 8 });
const at = fc.constantFrom('2027-03-04T09:30:00.000Z', '2027-03-04T10:15:00.000Z');
const date = fc.constantFrom('', '2027-03-04', '2027-02-30', 'soon');

const cardChanges = fc.record(
  {
    kind: fc.constantFrom(...cardKinds),
    lead: fc.constantFrom(...leads),
    notes: title,
    why: title,
    colour: fc.constantFrom(null, ...cardColours),
    tags: fc.array(title, { maxLength: 4 }),
    actions: fc.array(fc.record({ id: fc.constantFrom('a1', 'a2', '', '__proto__'), text: title, owner: title, due: date, done: fc.boolean() }), {
      maxLength: 3,
    }),
    exchange: fc.record({ who: title, cadence: title, decisions: title }, { requiredKeys: [] }),
    caricature: fc.record({ view: fc.constantFrom(...caricatureViews), truth: title, cleared: fc.boolean() }, { requiredKeys: [] }),
    metric: fc.record({ value: title, target: title, unit: title, owner: fc.constantFrom(null, ...sides), narrative: title }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

const block = fc.record({
  id: fc.constantFrom('b1', 'n1', 'n2'),
  kind: fc.constantFrom(...blockKinds),
  title: fc.option(title, { nil: null }),
  prompt: fc.option(title, { nil: null }),
  minutes: fc.integer({ min: -5, max: 600 }),
  skipped: fc.boolean(),
});

/** Every kind of operation, with ids that often fit the start board and sometimes do not. */
export const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    type: fc.constant('addCard' as const),
    cardId,
    laneId,
    title,
    index: fc.option(index, { nil: undefined }),
    kind: fc.option(fc.constantFrom(...cardKinds), { nil: undefined }),
  }),
  fc.record({ type: fc.constant('editCardTitle' as const), cardId, title }),
  fc.record({ type: fc.constant('updateCard' as const), cardId, changes: cardChanges }),
  fc.record({ type: fc.constant('deleteCard' as const), cardId }),
  fc.record({ type: fc.constant('moveCard' as const), cardId, toLaneId: laneId, toIndex: index, at }),
  fc.record({ type: fc.constant('setMoveReason' as const), cardId, moveIndex: fc.integer({ min: -1, max: 3 }), reason: title }),
  fc.record({ type: fc.constant('vote' as const), cardId, voterId: fc.constantFrom(...voterIds), delta: fc.constantFrom(1 as const, -1 as const) }),
  fc.record({ type: fc.constant('setVotes' as const), cardId, voterId: fc.constantFrom(...voterIds), count: fc.integer({ min: -2, max: 12 }) }),
  fc.record({ type: fc.constant('clearVotes' as const) }),
  fc.record({
    type: fc.constant('setVoting' as const),
    changes: fc.record(
      { voters: fc.constantFrom('participants' as const, 'departments' as const), dots: fc.integer({ min: -3, max: 150 }), revealed: fc.boolean() },
      { requiredKeys: [] },
    ),
  }),
  fc.record({ type: fc.constant('revealCaricatures' as const), revealed: fc.boolean() }),
  fc.record({ type: fc.constant('setMission' as const), text: title }),
  fc.record({ type: fc.constant('renameLane' as const), laneId, title: fc.option(title, { nil: null }) }),
  fc.record({ type: fc.constant('addLane' as const), laneId, title, index: fc.option(index, { nil: undefined }) }),
  fc.record({ type: fc.constant('removeLane' as const), laneId }),
  fc.record({ type: fc.constant('addBlock' as const), block, index: fc.option(index, { nil: undefined }) }),
  fc.record({ type: fc.constant('updateBlock' as const), blockId, changes: block.map(({ id: _id, ...changes }) => changes) }),
  fc.record({ type: fc.constant('moveBlock' as const), blockId, toIndex: index }),
  fc.record({ type: fc.constant('removeBlock' as const), blockId }),
  fc.record({
    type: fc.constant('updateDetails' as const),
    details: fc.record({ title, client: title, place: title, date: fc.constantFrom('', '2027-03-04') }, { requiredKeys: [] }),
  }),
  fc.record({ type: fc.constant('goToBlock' as const), blockId: fc.option(blockId, { nil: null }) }),
  fc.record({
    type: fc.constant('timer' as const),
    action: fc.constantFrom('start' as const, 'pause' as const, 'reset' as const, 'addMinute' as const),
    now: fc.integer({ min: 0, max: 10_000_000 }),
  }),
);

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
