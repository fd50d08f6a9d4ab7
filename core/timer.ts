/** The block timer: a countdown over the active block's timebox, as pure functions of `now`. docs/ARCHITECTURE.md, "Layers and arrows". */
import type { AgendaBlock } from './agenda';
import type { BlockTimer } from './model';

const minute = 60_000;

/** A stopped timer at the start of the block's timebox. */
export function idleTimer(blockId: string): BlockTimer {
  return { blockId, startedAt: null, elapsedMs: 0, addedMs: 0 };
}

export function isRunning(timer: BlockTimer): boolean {
  return timer.startedAt !== null;
}

/** Time run so far. A clock set back (now before startedAt) counts as no time, never as negative. */
export function elapsedMs(timer: BlockTimer, now: number): number {
  return timer.elapsedMs + (timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt));
}

/** The block's timebox plus the minutes added. */
export function durationMs(timer: BlockTimer, block: AgendaBlock): number {
  return block.minutes * minute + timer.addedMs;
}

/** Milliseconds left; negative once the time is up (the board shows how far over). */
export function remainingMs(timer: BlockTimer, block: AgendaBlock, now: number): number {
  return durationMs(timer, block) - elapsedMs(timer, now);
}

export function startTimer(timer: BlockTimer, now: number): BlockTimer {
  return isRunning(timer) ? timer : { ...timer, startedAt: now };
}

export function pauseTimer(timer: BlockTimer, now: number): BlockTimer {
  return isRunning(timer) ? { ...timer, startedAt: null, elapsedMs: elapsedMs(timer, now) } : timer;
}

export function resetTimer(timer: BlockTimer): BlockTimer {
  return idleTimer(timer.blockId);
}

/** One more minute on the clock, running or not; at most a day in all. */
export function addMinute(timer: BlockTimer): BlockTimer {
  return { ...timer, addedMs: Math.min(timer.addedMs + minute, 24 * 60 * minute) };
}

export interface BlockClocks {
  /** The active block's clock, or null with no active block. */
  readonly timer: BlockTimer | null;
  /** Paused clocks of blocks left with time run or minutes added. */
  readonly parked: readonly BlockTimer[];
}

/**
 * The clocks after moving from the active block to `toBlockId` at `now`: the block left stops
 * and is kept (unless it never ran), the block arrived at takes up its kept clock, paused, or a
 * fresh one. Null leaves the agenda and keeps every clock.
 */
export function switchBlockClocks(clocks: BlockClocks, toBlockId: string | null, now: number): BlockClocks {
  const left = clocks.timer && pauseTimer(clocks.timer, now);
  const others = clocks.parked.filter((t) => t.blockId !== left?.blockId && t.blockId !== toBlockId);
  const parked = left && (left.elapsedMs > 0 || left.addedMs > 0) ? [...others, left] : others;
  if (toBlockId === null) return { timer: null, parked };
  const kept = clocks.parked.find((t) => t.blockId === toBlockId);
  return { timer: kept ? { ...kept, startedAt: null } : idleTimer(toBlockId), parked };
}

/** The time a block has left, whether it is the active one, was left mid-way or is still to come. */
export function blockRemainingMs(clocks: BlockClocks, block: AgendaBlock, now: number): number {
  const timer = clocks.timer?.blockId === block.id ? clocks.timer : clocks.parked.find((t) => t.blockId === block.id);
  return timer ? remainingMs(timer, block, now) : block.minutes * minute;
}

/** Countdown text: "12:05", "0:09", "−1:30" once over time. Minutes are not wrapped into hours. */
export function formatCountdown(ms: number): string {
  const over = ms < 0;
  // Count down in whole seconds, rounding up: the display reaches 0:00 exactly at the end.
  const seconds = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return over && seconds > 0 ? `−${text}` : text;
}
