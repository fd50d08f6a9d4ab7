/** What the presentation keys and buttons do, kept out of the components so they stay thin. docs/ARCHITECTURE.md, "Layers and arrows". */
import { readingOrder, stepReadingOrder } from '../../../core/placement';
import type { CardId } from '../../../core/model';
import { api } from '../api';
import { focusCard } from '../board/card-elements';
import { useBoard } from '../store/board-store';
import { useTools } from '../store/tools-store';
import { usePresentation } from '../store/presentation-store';

/**
 * Presentation mode on or off: the window goes full screen with it. Find closes as it starts: its
 * dimming is the facilitator's search, and the room would read half the board as faded.
 */
export function setPresenting(on: boolean): void {
  if (on) useTools.getState().closeFind();
  usePresentation.getState().setPresenting(on);
  api.setFullScreen(on).catch((error: unknown) => useBoard.getState().reportProblem(error));
}

/**
 * Leaving full screen outside the app (F11, the View menu, macOS's green button) ends presentation
 * mode too, so the two never drift apart. Entering it does not start one: a facilitator may just
 * want the room. Listened to for the whole life of the control page.
 */
export function followFullScreen(): () => void {
  return api.on('fullScreen', ({ on }) => {
    if (!on && usePresentation.getState().presenting) usePresentation.getState().setPresenting(false);
  });
}

export function togglePresentation(): void {
  setPresenting(!usePresentation.getState().presenting);
}

/**
 * Spotlights a card (the focused one, else the first on the board) or, if one is spotlighted,
 * ends the spotlight with the focus back on that card. Returns false on an empty board.
 */
export function toggleSpotlight(focusedCardId: CardId | null): boolean {
  const { spotlightCardId, setSpotlight } = usePresentation.getState();
  if (spotlightCardId !== null) {
    closeSpotlight();
    return true;
  }
  const target = focusedCardId ?? readingOrder(useBoard.getState().history.present)[0];
  if (target === undefined) return false;
  setSpotlight(target);
  return true;
}

export function closeSpotlight(): void {
  const cardId = usePresentation.getState().spotlightCardId;
  usePresentation.getState().setSpotlight(null);
  if (cardId !== null) requestAnimationFrame(() => focusCard(cardId));
}

/** The next (+1) or previous (−1) card on the board into the spotlight; the focus follows it. */
export function stepSpotlight(step: 1 | -1): void {
  const { spotlightCardId, setSpotlight } = usePresentation.getState();
  if (spotlightCardId === null) return;
  const next = stepReadingOrder(useBoard.getState().history.present, spotlightCardId, step);
  if (next === undefined) return;
  setSpotlight(next);
  focusCard(next);
}
