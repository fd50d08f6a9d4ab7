import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../core/model';
import { addCard, applyOperation } from '../../../core/operations';
import { applySessionChanges, sessionChanges } from '../../../core/session-changes';
import { operation } from './operation-arbitrary';

const startSession = fc
  .array(fc.tuple(fc.constantFrom('marketing', 'seam', 'sales'), fc.string({ minLength: 1, maxLength: 8 })), { maxLength: 6 })
  .map((cards) => cards.reduce((s, [lane, t], i) => addCard(s, `c${i}`, lane, `x${t}`), createSession('start')));

const operations = fc.array(operation, { maxLength: 20 });

describe('sessionChanges / applySessionChanges', () => {
  it('the changes, sent as IPC sends them, give on the saved version exactly the session now', () => {
    fc.assert(
      fc.property(startSession, operations, operations, (start, before, after) => {
        const saved = before.reduce<Session>(applyOperation, start);
        const now = after.reduce<Session>(applyOperation, saved);
        const changes = structuredClone(sessionChanges(saved, 'r1', now));
        expect(changes.base).toBe('r1');
        expect(applySessionChanges(structuredClone(saved), changes)).toEqual(now);
      }),
    );
  });

  it('sends only the cards that changed, and names the removed ones', () => {
    fc.assert(
      fc.property(startSession, operations, (saved, after) => {
        const now = after.reduce<Session>(applyOperation, saved);
        const changes = sessionChanges(saved, 'r1', now);
        for (const [id, card] of Object.entries(changes.session.cards)) expect(saved.cards[id]).not.toBe(card);
        const unchanged = Object.keys(now.cards).filter((id) => saved.cards[id] === now.cards[id]);
        expect(Object.keys(changes.session.cards).length).toBe(Object.keys(now.cards).length - unchanged.length);
        expect([...changes.removedCards].sort()).toEqual(
          Object.keys(saved.cards)
            .filter((id) => !(id in now.cards))
            .sort(),
        );
      }),
    );
  });

  it('a card id such as __proto__ stays a card and reaches no prototype', () => {
    const saved = createSession('start');
    const card = { ...addCard(saved, 'x', 'seam', 'Titel').cards.x, id: '__proto__' };
    const cards = JSON.parse(`{"__proto__": ${JSON.stringify(card)}}`) as Session['cards'];
    const merged = applySessionChanges(saved, { session: { ...saved, cards }, removedCards: [] });
    expect(Object.getPrototypeOf(merged.cards)).toBe(Object.prototype);
    expect(Object.keys(merged.cards)).toEqual(['__proto__']);
  });
});
