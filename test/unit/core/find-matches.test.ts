import { describe, expect, it } from 'vitest';
import { findCounts, nextMatch, noFilter, type CardFilter } from '../../../core/find';
import { createSession, type Session } from '../../../core/model';
import { addCard, addLane, applyOperation, moveCard } from '../../../core/operations';

/** Marketing: m1 "Fair budget", m2 "Launch"; Seam: s1 "Fair leads"; Sales: x1 "Discounts"; Parking lot: p1 "Fair stand". */
function board(): Session {
  let s = createSession('s');
  s = addCard(s, 'm1', 'marketing', 'Fair budget');
  s = addCard(s, 'm2', 'marketing', 'Launch');
  s = addCard(s, 's1', 'seam', 'Fair leads');
  s = addCard(s, 'x1', 'sales', 'Discounts', undefined, 'metric');
  s = addLane(s, 'lot', 'Parking lot');
  s = addCard(s, 'p1', 'sales', 'Fair stand');
  return moveCard(s, 'p1', 'lot', 0, '2027-03-04T09:00:00.000Z');
}

const fair: CardFilter = { ...noFilter, text: 'fair' };

describe('nextMatch', () => {
  it('goes through the matches in board order, lane by lane, and wraps round', () => {
    const s = board();
    expect(nextMatch(s, fair, undefined)).toBe('m1');
    expect(nextMatch(s, fair, 'm1')).toBe('s1');
    expect(nextMatch(s, fair, 's1')).toBe('p1');
    expect(nextMatch(s, fair, 'p1')).toBe('m1');
  });

  it('starts after a card that does not match, and from the start for an unknown card', () => {
    const s = board();
    expect(nextMatch(s, fair, 'm2')).toBe('s1');
    expect(nextMatch(s, fair, 'x1')).toBe('p1');
    expect(nextMatch(s, fair, 'gone')).toBe('m1');
  });

  it('finds the only match again from itself, and nothing when nothing matches', () => {
    const s = board();
    expect(nextMatch(s, { ...noFilter, text: 'launch' }, 'm2')).toBe('m2');
    expect(nextMatch(s, { ...noFilter, text: 'nowhere' }, 'm1')).toBeUndefined();
    expect(nextMatch(createSession('empty'), fair, undefined)).toBeUndefined();
  });
});

describe('findCounts', () => {
  it('counts all cards, the matches, the unresolved ones and those needing attention', () => {
    const s = board();
    // p1 stands in an extra lane: unresolved. x1 is a metric without narrative: needs attention.
    expect(findCounts(s.cards, fair, true)).toEqual({ total: 5, found: 3, unresolved: 1, attention: 2 });
    expect(findCounts(s.cards, noFilter, true)).toEqual({ total: 5, found: 5, unresolved: 1, attention: 2 });
    const told = applyOperation(s, { type: 'updateCard', cardId: 'x1', changes: { metric: { narrative: 'Fewer, better leads' } } });
    expect(findCounts(told.cards, { ...noFilter, needsAttention: true }, true)).toEqual({ total: 5, found: 1, unresolved: 1, attention: 1 });
  });
});
