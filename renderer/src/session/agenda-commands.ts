/**
 * What the agenda and timer controls do, for the bar, the panel and keyboard shortcuts alike.
 * docs/ARCHITECTURE.md, "The layer table".
 */
import type { useTranslation } from 'react-i18next';
import { neighbourBlock, type AgendaBlock } from '../../../core/agenda';
import type { TimerAction } from '../../../core/operations';
import { isRunning } from '../../../core/timer';
import { useBoard } from '../store/board-store';

/** Goes to a block; the block left keeps its time. Starting the agenda starts the first block's clock. */
export function goToBlock(blockId: string | null): void {
  const state = useBoard.getState();
  const starting = state.history.present.activeBlockId === null && blockId !== null;
  const now = Date.now();
  state.dispatch({ type: 'goToBlock', blockId, now });
  if (starting) state.dispatch({ type: 'timer', action: 'start', now });
}

/**
 * One step along the agenda (+1 next, -1 previous), passing over skipped blocks; from no block,
 * +1 starts the agenda. For keyboard shortcuts and presenter remotes.
 */
export function stepAgenda(step: 1 | -1): void {
  const session = useBoard.getState().history.present;
  const target = neighbourBlock(session.agenda, session.activeBlockId, step);
  if (target) goToBlock(target.id);
}

type Translate = ReturnType<typeof useTranslation>['t'];

/** A block's own title, else the default title of its kind in the UI language. */
export function blockTitle(block: AgendaBlock, t: Translate): string {
  return block.title ?? t(`agenda.${block.kind}`);
}

/** A block's own prompt, else the default prompt of its kind ('' for an own block without one). */
export function blockPrompt(block: AgendaBlock, t: Translate): string {
  return block.prompt ?? t(`agenda.${block.kind}Prompt`);
}

/** One action on a block's clock, timed now. */
export function runTimer(action: TimerAction): void {
  useBoard.getState().dispatch({ type: 'timer', action, now: Date.now() });
}

/** Starts or pauses the active block's clock; for a keyboard shortcut. */
export function toggleActiveTimer(): void {
  const session = useBoard.getState().history.present;
  if (session.activeBlockId === null) return;
  const running = session.timer?.blockId === session.activeBlockId && isRunning(session.timer);
  runTimer(running ? 'pause' : 'start');
}

/** Reveals (or hides again) the caricatures; a reveal shuffles those phones wrote, so their order names no author. */
export function revealCaricatures(revealed: boolean): void {
  const seed = revealed ? crypto.getRandomValues(new Uint32Array(1))[0] : undefined;
  useBoard.getState().dispatch({ type: 'revealCaricatures', revealed, ...(seed === undefined ? {} : { seed }) });
}
