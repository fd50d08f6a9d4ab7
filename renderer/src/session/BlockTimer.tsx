import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaBlock } from '../../../core/agenda';
import type { BlockTimer as TimerState } from '../../../core/model';
import type { TimerAction } from '../../../core/operations';
import { ariaKeyShortcuts } from '../ui/shortcut-keys';
import { formatCountdown, idleTimer, isRunning, remainingMs } from '../../../core/timer';
import { countRender } from '../ui/render-count';
import { useApp } from '../store/app-store';
import { useBoard } from '../store/board-store';
import { blockTitle } from './AgendaBar';
import { playTimerTone, primeTimerTone } from './timer-sound';

/** How often a running countdown redraws; under a second so it never skips a second visibly. */
const tickMs = 250;

/**
 * The active block's timer: the countdown, large, and its controls. Compact (the workshop panel's
 * one-row form): the countdown in one line, and start/pause only.
 */
export function BlockTimer({ block, compact = false }: { block: AgendaBlock; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={compact ? 'block-timer block-timer--compact' : 'block-timer'} role="group" aria-label={t('workshop.timer.label')}>
      <Countdown block={block} />
      <TimerControls blockId={block.id} compact={compact} />
    </div>
  );
}

/** The block's timer as saved, or a fresh one when the saved clock belongs to no block here. */
function useBlockTimer(blockId: string): TimerState | null {
  return useBoard((s) => (s.history.present.timer?.blockId === blockId ? s.history.present.timer : null));
}

/**
 * The countdown: the only part that redraws while the clock runs — it keeps its own interval and
 * reads the timer from the store, so a tick re-renders this and nothing else. When the time is
 * up it changes colour and says so, once, to screen readers too; the tone plays if chosen.
 */
function Countdown({ block }: { block: AgendaBlock }) {
  countRender('Countdown');
  const { t } = useTranslation();
  const saved = useBlockTimer(block.id);
  const timer = saved ?? idleTimer(block.id);
  const running = isRunning(timer);
  const remaining = useRemainingMs(timer, block);
  const over = remaining <= 0;
  useTimeUpSignal(over, running);

  return (
    <div className={over ? 'countdown countdown--over' : 'countdown'}>
      <div className="countdown-time" role="timer" aria-label={t('workshop.timer.remaining')}>
        {formatCountdown(remaining)}
      </div>
      {/* Always there, so screen readers hear the words once, when they appear. */}
      <p className="countdown-state" role="status">
        {over ? t('workshop.timer.timeUpFor', { title: blockTitle(block, t) }) : ''}
      </p>
    </div>
  );
}

/** The tone, when the time runs out while the clock is running (not on opening a session that is over). */
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

function useTimeUpSignal(over: boolean, running: boolean): void {
  const sound = useApp((s) => s.preferences.timerSound);
  const wasOver = useRef(over);
  useEffect(() => {
    if (over && !wasOver.current && running && sound) playTimerTone();
    wasOver.current = over;
  }, [over, running, sound]);
}

function TimerControls({ blockId, compact }: { blockId: string; compact: boolean }) {
  countRender('TimerControls');
  const { t } = useTranslation();
  const saved = useBlockTimer(blockId);
  const running = saved !== null && isRunning(saved);
  const started = saved !== null && (running || saved.elapsedMs > 0);
  const changed = started || (saved?.addedMs ?? 0) > 0;
  const sound = useApp((s) => s.preferences.timerSound);

  const toggle = () => {
    // The click is a user gesture: the moment to let the tone play later.
    if (!running && sound) primeTimerTone();
    runTimer(running ? 'pause' : 'start');
  };

  return (
    <div className="timer-controls">
      <button type="button" className="tool-button tool-button--primary timer-toggle" aria-keyshortcuts={ariaKeyShortcuts('timer')} onClick={toggle}>
        {running ? t('workshop.timer.pause') : started ? t('workshop.timer.resume') : t('workshop.timer.start')}
      </button>
      {!compact && (
        <>
          <button type="button" className="tool-button" onClick={() => runTimer('addMinute')}>
            {t('workshop.timer.addMinute')}
          </button>
          <button type="button" className="tool-button" aria-disabled={!changed} onClick={() => changed && runTimer('reset')}>
            {t('workshop.timer.reset')}
          </button>
        </>
      )}
    </div>
  );
}

function runTimer(action: TimerAction): void {
  useBoard.getState().dispatch({ type: 'timer', action, now: Date.now() });
}

/** Starts or pauses the active block's clock; for a keyboard shortcut. */
export function toggleActiveTimer(): void {
  const session = useBoard.getState().history.present;
  if (session.activeBlockId === null) return;
  const running = session.timer?.blockId === session.activeBlockId && isRunning(session.timer);
  runTimer(running ? 'pause' : 'start');
}
