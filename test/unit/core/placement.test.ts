import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../core/model';
import { addCard } from '../../../core/operations';
import { stepPlacement } from '../../../core/placement';

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
