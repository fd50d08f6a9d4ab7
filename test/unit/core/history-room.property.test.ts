/** Undo is the facilitator's: nothing a participant's phone did is lost or doubled by undo/redo. docs/ARCHITECTURE.md, "Layers and arrows". */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commit, commitFromRoom, redo, startHistory, undo, type History } from '../../../core/history';
import { createSession } from '../../../core/model';
import type { Operation } from '../../../core/operations';
import { operation as facilitatorOperation } from './operation-arbitrary';

const roomCardIds = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5'];
const roomCardId = fc.constantFrom(...roomCardIds);
const roomOperation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    type: fc.constant('addCard' as const),
    cardId: roomCardId,
    laneId: fc.constantFrom('marketing', 'sales'),
    title: fc.constantFrom('Sales only wants discounts', 'Marketing makes slides', 'Pricing'),
    kind: fc.constantFrom('topic' as const, 'caricature' as const),
  }),
  fc.record({ type: fc.constant('editCardTitle' as const), cardId: roomCardId, title: fc.constantFrom('Edited', 'Edited again') }),
  fc.record({ type: fc.constant('deleteCard' as const), cardId: roomCardId }),
);

type Step =
  { readonly by: 'facilitator'; readonly op: Operation } | { readonly by: 'room'; readonly op: Operation } | { readonly by: 'undo' | 'redo' };
const step: fc.Arbitrary<Step> = fc.oneof(
  // The facilitator's own operations name the cards c0…c5 and never a participant's card.
  facilitatorOperation.map((op) => ({ by: 'facilitator' as const, op })),
  roomOperation.map((op) => ({ by: 'room' as const, op })),
  fc.constantFrom({ by: 'undo' as const }, { by: 'redo' as const }),
);

describe('undo never takes back what the room did (property)', () => {
  it('after any mix of facilitator steps, phone contributions, undo and redo, every contribution stands once, as last written', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let history: History = startHistory(createSession('s'));
        // What the room has on the board: card id → its title, as the room last wrote it.
        const expected = new Map<string, string>();
        for (const s of steps) {
          if (s.by === 'undo') history = undo(history);
          else if (s.by === 'redo') history = redo(history);
          else if (s.by === 'facilitator') history = commit(history, s.op);
          else if (s.by === 'room') {
            const { op } = s;
            const before = history.present;
            history = commitFromRoom(history, op);
            if (history.present !== before && (op.type === 'addCard' || op.type === 'editCardTitle' || op.type === 'deleteCard')) {
              const card = history.present.cards[op.cardId];
              if (op.type === 'deleteCard') expected.delete(op.cardId);
              else if (card) expected.set(card.id, card.title);
            }
          }
          const placed = history.present.laneOrder.flatMap((laneId) => history.present.lanes[laneId]?.cardIds ?? []);
          for (const [cardId, title] of expected) {
            expect(placed.filter((id) => id === cardId)).toHaveLength(1);
            expect(history.present.cards[cardId]?.title).toBe(title);
          }
          for (const cardId of roomCardIds) if (!expected.has(cardId)) expect(history.present.cards[cardId]).toBeUndefined();
        }
      }),
      { numRuns: 400 },
    );
  });

  it('undoing the facilitator’s delete of a participant’s card brings it back once; the participant’s later card stays', () => {
    let history = startHistory(createSession('s'));
    history = commitFromRoom(history, { type: 'addCard', cardId: 'r1', laneId: 'sales', title: 'Marketing makes slides', kind: 'caricature' });
    history = commit(history, { type: 'deleteCard', cardId: 'r1' });
    history = commitFromRoom(history, {
      type: 'addCard',
      cardId: 'r2',
      laneId: 'marketing',
      title: 'Sales only wants discounts',
      kind: 'caricature',
    });
    history = undo(history);
    expect(history.present.lanes['sales']?.cardIds).toEqual(['r1']);
    expect(history.present.lanes['marketing']?.cardIds).toEqual(['r2']);
    history = redo(history);
    expect(history.present.cards['r1']).toBeUndefined();
    expect(history.present.lanes['marketing']?.cardIds).toEqual(['r2']);
  });
});
