import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaBlock } from '../../../core/agenda';
import type { BlockTimer as TimerState } from '../../../core/model';
import { ariaKeyShortcuts } from '../ui/shortcut-keys';
import { formatCountdown, idleTimer, isRunning } from '../../../core/timer';
import { useBenchRenderCount } from '../ui/render-count';
import { useApp } from '../store/app-store';
import { useBoard } from '../store/board-store';
import { blockTitle, runTimer } from './agenda-commands';
import { useRemainingMs } from './countdown';
import { playTimerTone, primeTimerTone } from './timer-sound';

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
  useBenchRenderCount('Countdown');
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
function useTimeUpSignal(over: boolean, running: boolean): void {
  const sound = useApp((s) => s.preferences.timerSound);
  const wasOver = useRef(over);
  useEffect(() => {
    if (over && !wasOver.current && running && sound) playTimerTone();
    wasOver.current = over;
  }, [over, running, sound]);
}

function TimerControls({ blockId, compact }: { blockId: string; compact: boolean }) {
  useBenchRenderCount('TimerControls');
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
