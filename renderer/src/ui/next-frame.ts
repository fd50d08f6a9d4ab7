/** Work put off until the frame being drawn has been painted. docs/performance.md, "Issue #18", point 9. */
import { useEffect, useState } from 'react';

/** A window that draws no frames (hidden, minimised) holds put-off work back no longer than this. */
const longestWaitMs = 100;

/**
 * Runs `callback` once, in a task of its own, after the next frame has been painted (a timer set in
 * a frame's callback runs after that frame), or after `longestWaitMs` if no frame comes. Returns
 * what cancels it.
 */
export function afterNextPaint(callback: () => void): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    callback();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  const fallback = setTimeout(run, longestWaitMs);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
}

/**
 * One piece of work at a time put off until after the next paint (`later`), which the next step
 * can run at once (`now`); it runs once either way.
 */
export function paintDeferral(): { later(work: () => void): void; now(): void } {
  let pending: (() => void) | null = null;
  const now = () => {
    const work = pending;
    pending = null;
    work?.();
  };
  return {
    later(work) {
      pending = work;
      afterNextPaint(now);
    },
    now,
  };
}

/** Whether a frame has been painted since `key` took its value; false while it is null. */
export function usePaintedSince(key: string | null): boolean {
  const [painted, setPainted] = useState<string | null>(null);
  useEffect(() => (key === null ? undefined : afterNextPaint(() => setPainted(key))), [key]);
  return key !== null && painted === key;
}
