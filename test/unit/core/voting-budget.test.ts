import { describe, expect, it } from 'vitest';
import { createSession } from '../../../core/model';
import { addCard, applyOperation } from '../../../core/operations';
import { allowedDots, dotsLeft, isVotedOnByDefault } from '../../../core/voting';

function room() {
  const participants = [{ id: 'p1', name: 'Anna', department: 'marketing' as const }];
  let s = createSession('s', { participants });
  s = addCard(s, 'a', 'marketing', 'Pricing');
  s = addCard(s, 'b', 'sales', 'Leads');
  s = addCard(s, 'm', 'seam', 'SQL rate', undefined, 'metric');
  return applyOperation(s, { type: 'setVoting', changes: { dots: 3, voters: 'participants' } });
}

describe('the dot budget', () => {
  it('allows up to what a card has plus the dots left, and says why when asked for more', () => {
    let s = room();
    s = applyOperation(s, { type: 'setVotes', cardId: 'a', voterId: 'p1', count: 2 });
    const b = s.cards.b;
    const a = s.cards.a;
    expect(b && allowedDots(s, b, 'p1', 2)).toEqual({ dots: 1, refusal: 'noDotsLeft' });
    expect(a && allowedDots(s, a, 'p1', 3)).toEqual({ dots: 3, refusal: null });
    expect(b && allowedDots(s, b, 'p1', -1)).toEqual({ dots: 0, refusal: 'noneOnCard' });
  });

  it('setVotes never goes past the budget: a refused dot changes nothing', () => {
    let s = room();
    s = applyOperation(s, { type: 'setVotes', cardId: 'a', voterId: 'p1', count: 3 });
    expect(dotsLeft(s, 'p1')).toBe(0);
    expect(applyOperation(s, { type: 'setVotes', cardId: 'b', voterId: 'p1', count: 1 })).toBe(s);
    expect(applyOperation(s, { type: 'vote', cardId: 'b', voterId: 'p1', delta: 1 })).toBe(s);
    const fewer = applyOperation(s, { type: 'setVotes', cardId: 'a', voterId: 'p1', count: 1 });
    expect(fewer.cards.a?.votes).toEqual({ p1: 1 });
    expect(applyOperation(s, { type: 'setVotes', cardId: 'a', voterId: 'p1', count: 9 })).toBe(s);
    expect(applyOperation(s, { type: 'setVotes', cardId: 'a', voterId: 'nobody', count: 1 })).toBe(s);
  });

  it('offers topics by default, not metrics', () => {
    const s = room();
    expect(
      Object.values(s.cards)
        .filter(isVotedOnByDefault)
        .map((c) => c.id),
    ).toEqual(['a', 'b']);
  });
});
