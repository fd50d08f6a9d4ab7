import { beforeEach, describe, expect, it } from 'vitest';
import { newBlock } from '../../../core/agenda';
import { createSession } from '../../../core/model';
import { addCard } from '../../../core/operations';
import { shownSession, useBoard } from '../../../renderer/src/store/board-store';

const store = () => useBoard.getState();
const laneIds = (laneId: string) => store().history.present.lanes[laneId]?.cardIds;

beforeEach(() => {
  let s = createSession('s');
  s = addCard(s, 'a', 'marketing', 'Alpha');
  s = addCard(s, 'b', 'marketing', 'Beta');
  store().open({ path: '/sessions/s.nahtstelle', session: s, savedAt: '2027-03-04T09:00:00.000Z', fromBackup: false });
});

describe('board store', () => {
  it('applies operations and undoes and redoes them', () => {
    store().dispatch({ type: 'addCard', cardId: 'c', laneId: 'sales', title: 'Gamma' });
    expect(laneIds('sales')).toEqual(['c']);
    store().undo();
    expect(laneIds('sales')).toEqual([]);
    store().redo();
    expect(laneIds('sales')).toEqual(['c']);
  });

  it('offers a deleted card for undo', () => {
    store().dispatch({ type: 'deleteCard', cardId: 'a' });
    expect(store().lastDeletedTitle).toBe('Alpha');
    store().undo();
    expect(laneIds('marketing')).toEqual(['a', 'b']);
    expect(store().lastDeletedTitle).toBeNull();
  });

  it('previews a drag without touching the document, then drops it as one undoable step', () => {
    store().startDrag('a', false);
    store().setPlacement({ laneId: 'seam', index: 0 });
    store().setPlacement({ laneId: 'sales', index: 0 });
    expect(laneIds('marketing')).toEqual(['a', 'b']);
    expect(shownSession(store()).lanes.sales?.cardIds).toEqual(['a']);
    expect(shownSession(store()).lanes.marketing?.cardIds).toEqual(['b']);

    store().endDrag(true);
    expect(laneIds('sales')).toEqual(['a']);
    expect(store().history.past).toHaveLength(1);
    store().undo();
    expect(laneIds('marketing')).toEqual(['a', 'b']);
  });

  it('a cancelled drag leaves the board and the history as they were', () => {
    store().startDrag('b', false);
    store().setPlacement({ laneId: 'sales', index: 0 });
    store().endDrag(false);
    expect(laneIds('marketing')).toEqual(['a', 'b']);
    expect(laneIds('sales')).toEqual([]);
    expect(store().history.past).toHaveLength(0);
  });

  it('ignores undo while a card is being dragged', () => {
    store().dispatch({ type: 'editCardTitle', cardId: 'a', title: 'Alpha 2' });
    store().startDrag('a', false);
    store().undo();
    expect(store().history.present.cards.a?.title).toBe('Alpha 2');
    store().endDrag(false);
  });

  it('keeps the cards as they are while dragging; the drop sets the lead and asks why the card moved', () => {
    store().dispatch({ type: 'addBlock', block: newBlock('b1', 'lead') });
    const cards = store().history.present.cards;
    store().startDrag('a', false);
    store().setPlacement({ laneId: 'sales', index: 0 });
    // Only lanes change during a drag: no card re-renders because its object changed.
    expect(shownSession(store()).cards).toBe(cards);
    store().endDrag(true);
    const card = store().history.present.cards.a;
    expect(card?.lead).toBe('sales');
    expect(card?.moves).toEqual([{ fromLaneId: 'marketing', toLaneId: 'sales', at: expect.any(String), reason: '' }]);
    // Asked once the drop's frame is painted: a pointer drop (board/MoveReasonPrompt.tsx).
    expect(store().reasonPrompt).toEqual({ cardId: 'a', moveIndex: 0, afterPaint: true });
    // Moving on in the agenda keeps the question open; the next change closes it.
    store().dispatch({ type: 'goToBlock', blockId: 'b1' });
    store().dispatch({ type: 'timer', action: 'start', now: 0 });
    expect(store().history.present.timer?.startedAt).toBe(0);
    expect(store().reasonPrompt).not.toBeNull();
    store().dispatch({ type: 'editCardTitle', cardId: 'b', title: 'Beta 2' });
    expect(store().reasonPrompt).toBeNull();
  });

  it('after a keyboard drop asks why at once: the next keys answer it', () => {
    store().startDrag('a', true);
    store().setPlacement({ laneId: 'seam', index: 0 });
    store().endDrag(true);
    expect(store().reasonPrompt).toEqual({ cardId: 'a', moveIndex: 0, afterPaint: false });
  });

  it('shows a drag in the lanes only once asked to, the frame after the pick-up (board/drag-frames.ts)', () => {
    store().startDrag('a', false);
    expect(store().drag).toMatchObject({ cardId: 'a', inLanes: false });
    store().showDragInLanes();
    expect(store().drag).toMatchObject({ cardId: 'a', inLanes: true });
    // A drop before that frame still lands where it was previewed.
    store().endDrag(false);
    store().startDrag('b', false);
    store().setPlacement({ laneId: 'sales', index: 0 });
    store().endDrag(true);
    expect(laneIds('sales')).toEqual(['b']);
  });

  it('asks no reason for a reorder within the lane', () => {
    store().startDrag('a', false);
    store().setPlacement({ laneId: 'marketing', index: 1 });
    store().endDrag(true);
    expect(laneIds('marketing')).toEqual(['b', 'a']);
    expect(store().reasonPrompt).toBeNull();
  });
});
