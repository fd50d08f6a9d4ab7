/**
 * What the room may see (core/audience.ts), for any session the operations can make: nothing the
 * facilitator keeps to themselves survives the projection, what the room may see is all there,
 * and the result is still a session the file format — and main's check of the view — accepts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workshopAgenda } from '../../../core/agenda';
import { apiArgs } from '../../../core/api-schemas';
import { audienceSession, audienceView } from '../../../core/audience';
import { cardKinds, createSession, isHiddenCaricature, type Session } from '../../../core/model';
import { applyOperation, type Operation } from '../../../core/operations';
import { sessionSchema } from '../../../core/session-schema';

const cardId = fc.constantFrom('c0', 'c1', 'c2', 'c3', 'c4', 'c5');
const laneId = fc.constantFrom('marketing', 'seam', 'sales', 'x1');
const text = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('', 'secret note', 'Sales only wants discounts'));
const voterId = fc.constantFrom('p1', 'p2', 'department:marketing', 'department:sales', 'department:other');

/** The operations that decide what is hidden and what is private, often on the same cards. */
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('vote' as const), cardId, voterId, delta: fc.constant(1 as const) }), weight: 6 },
  { arbitrary: fc.record({ type: fc.constant('setMoveReason' as const), cardId, moveIndex: fc.constant(0), reason: text }), weight: 3 },
  fc.record({ type: fc.constant('addCard' as const), cardId, laneId, title: text, kind: fc.constantFrom(...cardKinds) }),
  fc.record({
    type: fc.constant('updateCard' as const),
    cardId,
    changes: fc.record({ kind: fc.constantFrom(...cardKinds), notes: text, why: text }, { requiredKeys: [] }),
  }),
  {
    arbitrary: fc.record({
      type: fc.constant('moveCard' as const),
      cardId,
      toLaneId: laneId,
      toIndex: fc.integer({ min: 0, max: 5 }),
      at: fc.constant('2027-03-04T09:30:00.000Z'),
    }),
    weight: 4,
  },
  fc.record({ type: fc.constant('setMoveReason' as const), cardId, moveIndex: fc.integer({ min: 0, max: 2 }), reason: text }),
  fc.record({ type: fc.constant('vote' as const), cardId, voterId, delta: fc.constantFrom(1 as const, -1 as const) }),
  {
    arbitrary: fc.record({
      type: fc.constant('setVoting' as const),
      changes: fc.record({ voters: fc.constantFrom('participants' as const, 'departments' as const), revealed: fc.boolean() }, { requiredKeys: [] }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ type: fc.constant('revealCaricatures' as const), revealed: fc.boolean() }), weight: 2 },
  fc.record({ type: fc.constant('setMission' as const), text }),
  fc.record({ type: fc.constant('addLane' as const), laneId: fc.constant('x1'), title: text }),
  fc.record({ type: fc.constant('deleteCard' as const), cardId }),
  fc.record({ type: fc.constant('receiveTopic' as const), topicId: fc.constantFrom('t0', 't1', 't2'), title: text }),
  fc.record({ type: fc.constant('placeTopic' as const), topicId: fc.constantFrom('t0', 't1'), laneId, index: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ type: fc.constant('goToBlock' as const), blockId: fc.constantFrom(null, 'b1', 'b2', 'b3', 'b4') }),
  fc.record({
    type: fc.constant('timer' as const),
    action: fc.constantFrom('start' as const, 'pause' as const, 'addMinute' as const),
    now: fc.integer({ min: 0, max: 1e7 }),
  }),
);

/** A board with a few cards of every kind, moved once with a reason, some with notes; then any sequence of the operations. */
const session: fc.Arbitrary<Session> = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom('marketing', 'seam', 'sales'), fc.constantFrom(...cardKinds), text), { minLength: 1, maxLength: 6 }),
    fc.array(operation, { maxLength: 40 }),
  )
  .map(([cards, operations]) => {
    let n = 0;
    const participants = [
      { id: 'p1', name: 'Anna', department: 'marketing' as const },
      { id: 'p2', name: 'Ben', department: 'sales' as const },
    ];
    let start = createSession(
      's',
      { title: 'Kick-off', participants },
      workshopAgenda(() => `b${++n}`),
    );
    cards.forEach(([lane, kind, notes], i) => {
      start = applyOperation(start, { type: 'addCard', cardId: `c${i}`, laneId: lane, title: `Card ${i}`, kind });
      start = applyOperation(start, { type: 'updateCard', cardId: `c${i}`, changes: { notes } });
      start = applyOperation(start, {
        type: 'moveCard',
        cardId: `c${i}`,
        toLaneId: lane === 'seam' ? 'sales' : 'seam',
        toIndex: 0,
        at: '2027-03-04T09:00:00.000Z',
      });
      start = applyOperation(start, { type: 'setMoveReason', cardId: `c${i}`, moveIndex: 0, reason: `Reason ${i}` });
    });
    return operations.reduce(applyOperation, start);
  });

describe('audienceSession (property)', () => {
  it('holds no hidden caricature, no votes before the reveal, no notes, move reasons or prompts, and passes the file schema', () => {
    fc.assert(
      fc.property(session, (full) => {
        const shown = audienceSession(full);
        const cards = Object.values(shown.cards);
        // Topics from the room wait for the facilitator: not one is shown before it is placed.
        expect(shown.inbox).toBeUndefined();
        if (!full.caricaturesRevealed) expect(cards.filter((card) => card.kind === 'caricature')).toEqual([]);
        if (!full.voting.revealed) {
          expect(cards.filter((card) => Object.keys(card.votes).length > 0)).toEqual([]);
          expect(shown.details.participants).toEqual([]);
        }
        expect(cards.filter((card) => card.notes !== '')).toEqual([]);
        expect(cards.flatMap((card) => card.moves).filter((move) => move.reason !== '')).toEqual([]);
        expect(shown.agenda.filter((block) => block.prompt !== null)).toEqual([]);

        const parsed = sessionSchema.safeParse(shown, { jitless: true });
        expect(parsed.success ? null : parsed.error.issues).toBeNull();
      }),
      { numRuns: 400 },
    );
  });

  it('shows everything else: every card the room may see, in its lane and order, with its title and the revealed votes', () => {
    fc.assert(
      fc.property(session, (full) => {
        const shown = audienceSession(full);
        const visible = (id: string) => !isHiddenCaricature(full, id);
        expect(shown.laneOrder).toEqual(full.laneOrder);
        for (const id of full.laneOrder) expect(shown.lanes[id]?.cardIds).toEqual(full.lanes[id]?.cardIds.filter(visible));
        for (const [id, card] of Object.entries(full.cards)) {
          if (!visible(id)) continue;
          expect(shown.cards[id]).toMatchObject({ title: card.title, kind: card.kind, lead: card.lead, why: card.why });
          if (full.voting.revealed) expect(shown.cards[id]?.votes).toEqual(card.votes);
        }
        expect({ mission: shown.mission, activeBlockId: shown.activeBlockId, timer: shown.timer }).toEqual({
          mission: full.mission,
          activeBlockId: full.activeBlockId,
          timer: full.timer,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('makes a view main accepts, whatever card the spotlight is on; a hidden card is never spotlighted', () => {
    // The control window may name any id, also one every object inherits.
    const shownId = fc.oneof(cardId, fc.constantFrom('toString', 'constructor', 'x'));
    fc.assert(
      fc.property(
        session,
        fc.option(shownId, { nil: null }),
        fc.constantFrom(1, 0.5, 2.5, 'fit' as const),
        fc.dictionary(laneId, shownId),
        (full, spotlight, zoom, scrolledTo) => {
          const view = audienceView(full, {
            spotlightCardId: spotlight,
            zoom,
            boardView: 'caricatures',
            scrolledTo,
            language: 'de',
            theme: 'contrast',
          });
          // A scroll position never names a card the room may not see.
          for (const scrolledCard of Object.values(view.scrolledTo))
            expect(isHiddenCaricature(full, scrolledCard) || !Object.hasOwn(full.cards, scrolledCard)).toBe(false);
          const parsed = apiArgs.showAudienceView.safeParse([view]);
          expect(parsed.success ? null : parsed.error.issues).toBeNull();
          if (spotlight !== null && isHiddenCaricature(full, spotlight)) expect(view.spotlightCardId).toBeNull();
          if (spotlight !== null && Object.hasOwn(full.cards, spotlight) && !isHiddenCaricature(full, spotlight))
            expect(view.spotlightCardId).toBe(spotlight);
        },
      ),
      { numRuns: 300 },
    );
  });
});
