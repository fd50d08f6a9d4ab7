import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../core/model';
import { addCard } from '../../../core/operations';
import { readingOrder, stepPlacement, stepReadingOrder } from '../../../core/placement';

/** Marketing: m0 m1 m2 · Seam: s0 · Sales: (empty) */
function board(): Session {
  let s = createSession('s');
  for (const id of ['m0', 'm1', 'm2']) s = addCard(s, id, 'marketing', id);
  return addCard(s, 's0', 'seam', 's0');
}

describe('keyboard steps', () => {
  it('Right goes to the neighbouring lane, never to a card of the same lane', () => {
    expect(stepPlacement(board(), 'm0', 'right')).toEqual({ laneId: 'seam', index: 0 });
    expect(stepPlacement(board(), 's0', 'right')).toEqual({ laneId: 'sales', index: 0 });
  });

  it('Left goes to the neighbouring lane, never to a card of the same lane', () => {
    expect(stepPlacement(board(), 's0', 'left')).toEqual({ laneId: 'marketing', index: 0 });
  });

  it('keeps the height when crossing, or goes to the end of a shorter lane', () => {
    expect(stepPlacement(board(), 'm2', 'right')).toEqual({ laneId: 'seam', index: 1 });
    expect(stepPlacement(board(), 'm1', 'right')).toEqual({ laneId: 'seam', index: 1 });
  });

  it('Up and Down stay in the lane', () => {
    expect(stepPlacement(board(), 'm1', 'up')).toEqual({ laneId: 'marketing', index: 0 });
    expect(stepPlacement(board(), 'm1', 'down')).toEqual({ laneId: 'marketing', index: 2 });
  });

  it('stops at the edges of the board', () => {
    expect(stepPlacement(board(), 'm0', 'left')).toBeUndefined();
    expect(stepPlacement(board(), 'm0', 'up')).toBeUndefined();
    expect(stepPlacement(board(), 'm2', 'down')).toBeUndefined();
    expect(stepPlacement(board(), 's0', 'down')).toBeUndefined();
    expect(stepPlacement(board(), 'nope', 'right')).toBeUndefined();
  });
});

describe('reading order (the spotlight steps through it)', () => {
  it('goes lane by lane, left to right, each top to bottom, and stops at either end', () => {
    const s = addCard(board(), 'x0', 'sales', 'x0');
    expect(readingOrder(s)).toEqual(['m0', 'm1', 'm2', 's0', 'x0']);
    expect(stepReadingOrder(s, 'm2', 1)).toBe('s0');
    expect(stepReadingOrder(s, 's0', -1)).toBe('m2');
    expect(stepReadingOrder(s, 'x0', 1)).toBe('x0');
    expect(stepReadingOrder(s, 'm0', -1)).toBe('m0');
    // A card that is gone (deleted meanwhile): back to the first.
    expect(stepReadingOrder(s, 'gone', 1)).toBe('m0');
  });
});
