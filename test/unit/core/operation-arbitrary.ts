/** Any operation, fitting or not, on a small board (cards c0…c5): the fast-check arbitrary the history properties share. */
import fc from 'fast-check';
import { blockKinds } from '../../../core/agenda';
import { cardColours, cardKinds, caricatureViews, leads, sides } from '../../../core/model';
import type { Operation } from '../../../core/operations';

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
