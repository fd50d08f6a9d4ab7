/** The app's start waits for the first frame's paint, or half a second (renderer/src/first-paint.ts). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstFrame, firstFrameWaitMs } from '../../../renderer/src/first-paint';

/** Stands in for the browser's observer of paint entries: the test reports paints by name. */
class FakePaintObserver {
  static current: FakePaintObserver | null = null;
  connected = false;
  constructor(private readonly callback: (entries: { getEntriesByName(name: string): unknown[] }) => void) {
    FakePaintObserver.current = this;
  }
  observe(options: { type: string; buffered?: boolean }): void {
    expect(options).toEqual({ type: 'paint', buffered: true });
    this.connected = true;
  }
  disconnect(): void {
    this.connected = false;
  }
  paint(name: 'first-paint' | 'first-contentful-paint'): void {
    if (this.connected) this.callback({ getEntriesByName: (wanted) => (wanted === name ? [{ name }] : []) });
  }
}

describe('afterFirstFrame', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakePaintObserver.current = null;
    vi.stubGlobal('PerformanceObserver', FakePaintObserver);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('starts the app at once on a page without a first frame', () => {
    const start = vi.fn();
    afterFirstFrame(false, start);
    expect(start).toHaveBeenCalledTimes(1);
    expect(FakePaintObserver.current).toBeNull();
  });

  it('with a frame, waits for its first contentful paint, not for a timer or the background’s first paint', () => {
    const start = vi.fn();
    afterFirstFrame(true, start);
    vi.advanceTimersByTime(firstFrameWaitMs - 1);
    FakePaintObserver.current?.paint('first-paint');
    expect(start).not.toHaveBeenCalled();
    FakePaintObserver.current?.paint('first-contentful-paint');
    expect(start).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(firstFrameWaitMs);
    expect(start).toHaveBeenCalledTimes(1);
    expect(FakePaintObserver.current?.connected).toBe(false);
  });

  it('with a frame that is never painted (a window not shown), starts after half a second, once', () => {
    expect(firstFrameWaitMs).toBe(500);
    const start = vi.fn();
    afterFirstFrame(true, start);
    vi.advanceTimersByTime(firstFrameWaitMs - 1);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(start).toHaveBeenCalledTimes(1);
    expect(FakePaintObserver.current?.connected).toBe(false);
    vi.advanceTimersByTime(firstFrameWaitMs);
    expect(start).toHaveBeenCalledTimes(1);
  });
});
