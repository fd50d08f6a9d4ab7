/** What a phone may see (core/room-view.ts): never what the facilitator or another participant keeps hidden. docs/ARCHITECTURE.md, "Phones in the room". */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workshopAgenda } from '../../../core/agenda';
import { cardKinds, createSession, type Session } from '../../../core/model';
import { applyOperation, type Operation } from '../../../core/operations';
import type { RoomParticipant } from '../../../core/room';
import { phoneView } from '../../../core/room-view';

// Every secret is a word that appears nowhere else, so finding it in the view's JSON is a leak.
const cardId = fc.constantFrom('c0', 'c1', 'c2', 'c3');
const laneId = fc.constantFrom('marketing', 'seam', 'sales');
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    type: fc.constant('addCard' as const),
    cardId,
    laneId,
    title: fc.constantFrom('SECRETTITLE', 'Open topic'),
    kind: fc.constantFrom(...cardKinds),
  }),
  fc.record({
    type: fc.constant('updateCard' as const),
    cardId,
    changes: fc.record({ notes: fc.constant('SECRETNOTE'), kind: fc.constantFrom(...cardKinds) }, { requiredKeys: [] }),
  }),
  fc.record({ type: fc.constant('moveCard' as const), cardId, toLaneId: laneId, toIndex: fc.nat(3), at: fc.constant('2027-03-04T09:30:00.000Z') }),
  fc.record({ type: fc.constant('setMoveReason' as const), cardId, moveIndex: fc.nat(2), reason: fc.constant('SECRETREASON') }),
  fc.record({
    type: fc.constant('vote' as const),
    cardId,
    voterId: fc.constantFrom('p1', 'department:sales', 'phone:d1', 'phone:d2'),
    delta: fc.constant(1 as const),
  }),
  fc.record({
    type: fc.constant('setVoting' as const),
    changes: fc.record(
      { revealed: fc.boolean(), voters: fc.constantFrom('participants' as const, 'departments' as const, 'phones' as const) },
      { requiredKeys: [] },
    ),
  }),
  fc.record({ type: fc.constant('revealCaricatures' as const), revealed: fc.boolean() }),
  fc.record({ type: fc.constant('receiveTopic' as const), topicId: fc.constantFrom('t1', 't2'), title: fc.constant('SECRETINBOX') }),
  fc.record({ type: fc.constant('goToBlock' as const), blockId: fc.constantFrom(null, 'b1', 'b2', 'b3') }),
);

function start(): Session {
  let n = 0;
  const agenda = workshopAgenda(() => `b${++n}`).map((block) => ({ ...block, prompt: 'SECRETPROMPT' }));
  return createSession('s', { title: 'Kick-off', participants: [{ id: 'p1', name: 'SECRETNAME', department: 'marketing' }] }, agenda);
}

describe('phoneView (property)', () => {
  it('holds no note, move reason, prompt, participant name, inbox topic, unrevealed dots — and no hidden caricature but the phone’s own', () => {
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 30 }),
        fc.subarray(['c0', 'c1', 'c2', 'c3']),
        fc.boolean(),
        fc.boolean(),
        (operations, authored, paused, voting) => {
          const session = operations.reduce(applyOperation, start());
          const me: RoomParticipant = { id: 'd1', side: 'marketing', authored: new Set(authored) };
          const view = phoneView(session, me, { paused, voting });
          const text = JSON.stringify(view);
          for (const secret of ['SECRETNOTE', 'SECRETREASON', 'SECRETPROMPT', 'SECRETNAME', 'SECRETINBOX']) expect(text).not.toContain(secret);
          const hidden = Object.values(session.cards).filter((card) => card.kind === 'caricature' && !session.caricaturesRevealed);
          const shownCards = view.lanes.flatMap((lane) => lane.cards);
          for (const card of hidden) expect(shownCards.map((c) => c.id)).not.toContain(card.id);
          expect(view.mine.map((card) => card.id).sort()).toEqual(
            hidden
              .filter((card) => authored.includes(card.id))
              .map((card) => card.id)
              .sort(),
          );
          if (!session.voting.revealed) expect(shownCards.every((card) => card.dots === undefined)).toBe(true);
          if (paused) expect(view.can).toEqual({ topics: false, caricatures: false });
          // A phone sees its own dots while it votes, and no one else's.
          if (view.dots) {
            const mine = Object.values(session.cards).filter((card) => (card.votes['phone:d1'] ?? 0) > 0);
            expect(view.dots.mine).toEqual(Object.fromEntries(mine.map((card) => [card.id, card.votes['phone:d1']])));
          } else expect(paused || !voting || session.voting.voters !== 'phones').toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
