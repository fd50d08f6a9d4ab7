/** The countdown of a block's clock as a hook, shared by the control and audience windows. docs/ARCHITECTURE.md, "The layer table". */
import { useEffect, useState } from 'react';
import type { AgendaBlock } from '../../../core/agenda';
import type { BlockTimer as TimerState } from '../../../core/model';
import { isRunning, remainingMs } from '../../../core/timer';

/** How often a running countdown redraws; under a second so it never skips a second visibly. */
const tickMs = 250;

/**
 * The time left on a block's clock, redrawn while it runs, by this window's own clock (the control
 * window's countdown and the audience window's alike).
 */
export function useRemainingMs(timer: TimerState, block: AgendaBlock): number {
  const running = isRunning(timer);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const interval = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(interval);
  }, [running]);
  // Until the first tick after a start, `now` is from before it: count from the start instead.
  return remainingMs(timer, block, Math.max(now, timer.startedAt ?? now));
}
