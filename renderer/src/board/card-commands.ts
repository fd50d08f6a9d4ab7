/** What a card's controls and keys do, kept out of the components so they stay thin. */
import type { TFunction } from 'i18next';
import { laneOfCard, type CardId } from '../../../core/model';
import { useBoard } from '../store/board-store';
import { useWorkshopUi } from '../store/workshop-store';
import { focusCard } from './card-elements';
import { voteMessage } from './card-text';

/**
 * One dot more or less on a card from the voter placing dots; the result (or why nothing changed:
 * no dots left, none to take back) is announced. Does nothing while voting is closed.
 */
export function castVote(cardId: CardId, delta: 1 | -1, t: TFunction): void {
  const voterId = useWorkshopUi.getState().voterId;
  if (voterId === null) return;
  const state = useBoard.getState();
  const before = state.history.present;
  state.dispatch({ type: 'vote', cardId, voterId, delta });
  const after = useBoard.getState().history.present;
  useBoard.getState().announce(voteMessage(after, cardId, voterId, delta, after !== before, t));
}

export function openCardDetails(cardId: CardId): void {
  useWorkshopUi.getState().openCardDetails(cardId);
}

/** Closes the details dialog and puts the focus back on its card. */
export function closeCardDetails(cardId: CardId): void {
  useWorkshopUi.getState().closeCardDetails();
  requestAnimationFrame(() => focusCard(cardId));
}

/** Deletes a card and moves focus to its neighbour, so keyboard users keep their place. */
export function removeCard(cardId: CardId): void {
  const state = useBoard.getState();
  const lane = laneOfCard(state.history.present, cardId);
  const index = lane?.cardIds.indexOf(cardId) ?? -1;
  const neighbour = lane?.cardIds[index + 1] ?? lane?.cardIds[index - 1];
  state.dispatch({ type: 'deleteCard', cardId });
  focusCard(neighbour);
}
