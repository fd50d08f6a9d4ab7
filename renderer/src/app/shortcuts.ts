/**
 * App-wide keyboard shortcuts. They stay out of the way while someone types in a field, where
 * Ctrl+Z belongs to the text, and while a card is being dragged.
 */
import { useEffect } from 'react';
import { placementOf } from '../../../core/placement';
import { useBoard } from '../store/board-store';

export interface Shortcut {
  readonly id: 'undo' | 'redo' | 'newCard';
  readonly matches: (event: KeyboardEvent) => boolean;
  readonly run: () => void;
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
];

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
      if (event.defaultPrevented || isTyping(event.target) || useBoard.getState().drag) return;
      const shortcut = shortcuts.find((s) => s.matches(event));
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
