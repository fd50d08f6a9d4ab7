/** Work put off until the frame being drawn has been painted. docs/performance.md, "Issue #18", point 9. */
import { useEffect, useState } from 'react';

/**
 * Runs `callback` in a task of its own once the next frame has been painted (a timer set in a
 * frame's callback runs after that frame). Returns what cancels it.
 */
export function afterNextPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** Whether a frame has been painted since `key` took its value; false while it is null. */
export function usePaintedSince(key: string | null): boolean {
  const [painted, setPainted] = useState<string | null>(null);
  useEffect(() => (key === null ? undefined : afterNextPaint(() => setPainted(key))), [key]);
  return key !== null && painted === key;
}
