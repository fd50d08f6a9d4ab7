import { ariaKeyShortcuts } from '../ui/shortcut-keys';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NextIcon, PreviousIcon } from '../ui/icons';
import { agendaMinutes, neighbourBlock, plannedEndMs, type AgendaBlock } from '../../../core/agenda';
import { blockRemainingMs } from '../../../core/timer';
import { useBenchRenderCount } from '../ui/render-count';
import { useBoard } from '../store/board-store';
import { blockTitle, goToBlock } from './agenda-commands';

/**
 * The session's agenda: its blocks in order with their timeboxes, the active one marked; choosing
 * a block makes it the active one. Previous and Next pass over skipped blocks; the same button
 * starts the agenda (and the first block's timer) and, after the last block, ends it — one place
 * for the facilitator's hand, and the focus stays on it all the way through. Beside it, the
 * agenda's total and when it will end at this pace.
 */
export function AgendaBar() {
  useBenchRenderCount('AgendaBar');
  const { t } = useTranslation();
  const agenda = useBoard((s) => s.history.present.agenda);
  const activeId = useBoard((s) => s.history.present.activeBlockId);
  const list = useRef<HTMLOListElement>(null);
  // The row scrolls sideways when the blocks do not fit: the active one is always in it.
  useEffect(() => {
    const row = list.current;
    const active = row?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!row || !active) return;
    const left = active.offsetLeft - row.offsetLeft;
    if (left < row.scrollLeft || left + active.offsetWidth > row.scrollLeft + row.clientWidth) row.scrollLeft = left - 8;
  }, [activeId]);
  if (agenda.length === 0) return null;
  const previous = activeId === null ? null : neighbourBlock(agenda, activeId, -1);
  const next = neighbourBlock(agenda, activeId, 1);
  // From no block, Next starts the agenda; on the last block, it ends it.
  const forwardLabel = activeId === null ? t('workshop.start') : next ? t('workshop.next') : t('workshop.end');
  const canGoForward = activeId !== null || next !== null;

  return (
    <nav className="agenda" aria-label={t('agenda.label')}>
      <ol ref={list} className="agenda-blocks">
        {agenda.map((block, index) => (
          <li key={block.id}>
            <BlockButton block={block} number={index + 1} active={block.id === activeId} />
          </li>
        ))}
      </ol>
      <div className="agenda-steps">
        <AgendaTotal />
        <button
          type="button"
          className="tool-button"
          aria-disabled={previous === null}
          aria-keyshortcuts={ariaKeyShortcuts('previousBlock')}
          onClick={() => previous && goToBlock(previous.id)}
        >
          <PreviousIcon />
          <span className="tool-label">{t('workshop.previous')}</span>
        </button>
        <button
          type="button"
          className={activeId === null ? 'tool-button tool-button--primary' : 'tool-button'}
          aria-disabled={!canGoForward}
          aria-keyshortcuts={ariaKeyShortcuts('nextBlock')}
          onClick={() => canGoForward && goToBlock(next?.id ?? null)}
        >
          {activeId === null ? (
            forwardLabel
          ) : (
            <>
              <NextIcon />
              <span className="tool-label">{forwardLabel}</span>
            </>
          )}
        </button>
      </div>
    </nav>
  );
}

function BlockButton({ block, number, active }: { block: AgendaBlock; number: number; active: boolean }) {
  const { t } = useTranslation();
  const classes = ['agenda-block', active && 'agenda-block--active', block.skipped && 'agenda-block--skipped'].filter(Boolean).join(' ');
  return (
    <button type="button" className={classes} aria-current={active ? 'step' : undefined} onClick={() => goToBlock(block.id)}>
      <span className="agenda-number">{number}</span>
      <span className="agenda-title">{blockTitle(block, t)}</span>
      <span className="agenda-minutes">{t('agenda.minutes', { count: block.minutes })}</span>
      {block.skipped && <span className="visually-hidden">{t('workshop.skipped')}</span>}
    </button>
  );
}

/**
 * "170 min · ends about 12:50": the agenda's planned total and when it ends if every block from
 * here on takes its time. Refreshed every half minute, on its own, so the bar does not re-render.
 */
function AgendaTotal() {
  const { t, i18n } = useTranslation();
  const agenda = useBoard((s) => s.history.present.agenda);
  const activeId = useBoard((s) => s.history.present.activeBlockId);
  const timer = useBoard((s) => s.history.present.timer);
  const parked = useBoard((s) => s.history.present.parkedTimers);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const interval = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(interval);
  }, []);
  const clocks = { timer, parked: parked ?? [] };
  const end = plannedEndMs(agenda, activeId, now, (block) => blockRemainingMs(clocks, block, now));
  const time = new Date(end).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <p className="agenda-total">
      {t('operations.agenda.total', { count: agendaMinutes(agenda) })}
      <span className="agenda-end">{t('operations.agenda.end', { time })}</span>
    </p>
  );
}
