import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession } from '../../../core/model';
import { addCard } from '../../../core/operations';
import { landDropNextFrame, landDropNow, landingCardId, pickUpOverTwoFrames } from '../../../renderer/src/board/drag-frames';
import { useBoard } from '../../../renderer/src/store/board-store';
import { afterNextPaint } from '../../../renderer/src/ui/next-frame';

/** Frames are drawn only when the test says so, as a window would between tasks. */
let frameCallbacks: FrameRequestCallback[] = [];
const drawFrame = () => {
  const callbacks = frameCallbacks;
  frameCallbacks = [];
  for (const callback of callbacks) callback(performance.now());
};

beforeEach(() => {
  vi.useFakeTimers();
  frameCallbacks = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frameCallbacks.push(callback));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    frameCallbacks[id - 1] = () => undefined;
  });
  let session = addCard(createSession('s'), 'a', 'marketing', 'Alpha');
  session = addCard(session, 'b', 'marketing', 'Beta');
  useBoard.getState().open({ path: '/sessions/s.nahtstelle', session, savedAt: '2027-03-04T09:00:00.000Z', fromBackup: false });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('afterNextPaint', () => {
  it('runs once, in a task after the next frame', () => {
    const callback = vi.fn();
    afterNextPaint(callback);
    vi.advanceTimersByTime(10);
    expect(callback).not.toHaveBeenCalled();
    drawFrame();
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(callback).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(1000);
    expect(callback).toHaveBeenCalledOnce();
  });

  it('does not wait for ever in a window that draws no frames', () => {
    const callback = vi.fn();
    afterNextPaint(callback);
    vi.advanceTimersByTime(100);
    expect(callback).toHaveBeenCalledOnce();
    drawFrame();
    vi.advanceTimersByTime(1000);
    expect(callback).toHaveBeenCalledOnce();
  });

  it('runs nothing once cancelled', () => {
    const callback = vi.fn();
    const cancel = afterNextPaint(callback);
    cancel();
    drawFrame();
    vi.advanceTimersByTime(1000);
    expect(callback).not.toHaveBeenCalled();
  });
});

describe('a drag over two frames', () => {
  it('shows a picked-up card in the lanes from the next frame', () => {
    const beforeShowing = vi.fn();
    pickUpOverTwoFrames('a', false, beforeShowing);
    expect(useBoard.getState().drag).toMatchObject({ cardId: 'a', inLanes: false });
    drawFrame();
    vi.advanceTimersByTime(0);
    expect(beforeShowing).toHaveBeenCalledOnce();
    expect(useBoard.getState().drag?.inLanes).toBe(true);
  });

  it('lands a dropped card in the next frame, or at once when asked, never twice', () => {
    useBoard.getState().startDrag('a', false);
    useBoard.getState().setPlacement({ laneId: 'sales', index: 0 });
    const land = vi.fn(() => useBoard.getState().endDrag(true));
    landDropNextFrame('a', land);
    expect(landingCardId()).toBe('a');
    expect(useBoard.getState().history.present.lanes.sales?.cardIds).toEqual([]);
    drawFrame();
    vi.advanceTimersByTime(0);
    expect(land).toHaveBeenCalledOnce();
    expect(landingCardId()).toBeNull();
    expect(useBoard.getState().history.present.lanes.sales?.cardIds).toEqual(['a']);

    useBoard.getState().startDrag('b', false);
    const landB = vi.fn();
    landDropNextFrame('b', landB);
    landDropNow();
    expect(landB).toHaveBeenCalledOnce();
    drawFrame();
    vi.advanceTimersByTime(1000);
    expect(landB).toHaveBeenCalledOnce();
  });

  it('a card picked up before the last drop has landed: that drop lands first, in its own lane', () => {
    pickUpOverTwoFrames('a', false, () => undefined);
    useBoard.getState().setPlacement({ laneId: 'sales', index: 0 });
    landDropNextFrame('a', () => useBoard.getState().endDrag(true));

    pickUpOverTwoFrames('b', false, () => undefined);
    expect(useBoard.getState().history.present.lanes.sales?.cardIds).toEqual(['a']);
    expect(useBoard.getState().drag).toMatchObject({ cardId: 'b', inLanes: false });
    drawFrame();
    vi.advanceTimersByTime(1000);
    expect(useBoard.getState().drag).toMatchObject({ cardId: 'b', inLanes: true });
    expect(useBoard.getState().history.present.lanes.marketing?.cardIds).toEqual(['b']);
  });
});
