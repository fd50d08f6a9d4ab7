/**
 * App-wide keyboard shortcuts. They stay out of the way while someone types in a field, where
 * Ctrl+Z belongs to the text, and while a card is being dragged. Find (Ctrl+F) means nothing to
 * a text field, so it works while typing too — but not from inside a dialog, which keeps the focus.
 */
import { useEffect } from 'react';
import { isFiltering } from '../../../core/find';
import { placementOf } from '../../../core/placement';
import { stepAgenda } from '../session/AgendaBar';
import { toggleActiveTimer } from '../session/BlockTimer';
import { useBoard } from '../store/board-store';
import { useWorkshopUi } from '../store/workshop-store';
import { focusNextMatch } from '../tools/matches';
import { useTools } from '../tools/tools-store';

export interface Shortcut {
  readonly id: 'undo' | 'redo' | 'newCard' | 'find' | 'nextMatch' | 'nextBlock' | 'previousBlock' | 'timer';
  readonly matches: (event: KeyboardEvent) => boolean;
  readonly run: () => void;
  /** Also while the focus is in a text field. */
  readonly whileTyping?: boolean;
}

const primary = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;

export const shortcuts: readonly Shortcut[] = [
  { id: 'undo', matches: (e) => primary(e) && !e.shiftKey && e.key.toLowerCase() === 'z', run: () => useBoard.getState().undo() },
  {
    id: 'redo',
    matches: (e) => primary(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || (!e.shiftKey && e.key.toLowerCase() === 'y')),
    run: () => useBoard.getState().redo(),
  },
  { id: 'newCard', matches: (e) => !primary(e) && !e.altKey && e.key.toLowerCase() === 'n', run: openComposerNearFocus },
  {
    id: 'find',
    matches: (e) => primary(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'f' && !inDialog(e.target),
    run: () => useTools.getState().openFind(),
    whileTyping: true,
  },
  // F3 goes to the next card Find matches (as in most apps); without a filter it is left alone.
  {
    id: 'nextMatch',
    matches: (e) => e.key === 'F3' && !primary(e) && !e.altKey && !e.shiftKey && isFiltering(useWorkshopUi.getState().filter) && !inDialog(e.target),
    run: () => void focusNextMatch(),
    whileTyping: true,
  },
  // Presenter remotes send PageDown/PageUp: they step through the agenda like slides.
  { id: 'nextBlock', matches: (e) => plain(e) && e.key === 'PageDown' && !inDialog(e.target), run: () => stepAgenda(1) },
  { id: 'previousBlock', matches: (e) => plain(e) && e.key === 'PageUp' && !inDialog(e.target), run: () => stepAgenda(-1) },
  { id: 'timer', matches: (e) => plain(e) && !e.shiftKey && e.key.toLowerCase() === 't' && !inDialog(e.target), run: toggleActiveTimer },
];

/** No modifier but possibly Shift (which the key itself may need). */
function plain(event: KeyboardEvent): boolean {
  return !primary(event) && !event.altKey;
}

function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog') !== null;
}

/** Opens the new-card field in the lane of the focused card, or the first lane. */
function openComposerNearFocus(): void {
  const state = useBoard.getState();
  const session = state.history.present;
  const focusedCardId = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.cardId : undefined;
  const focusedLaneId = focusedCardId === undefined ? undefined : placementOf(session, focusedCardId)?.laneId;
  state.setComposer(focusedLaneId ?? session.laneOrder[0] ?? null);
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || useBoard.getState().drag) return;
      const shortcut = shortcuts.find((s) => s.matches(event));
      if (!shortcut || (isTyping(event.target) && !shortcut.whileTyping)) return;
      event.preventDefault();
      shortcut.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
