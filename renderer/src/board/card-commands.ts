/** What a card's controls and keys do, kept out of the components so they stay thin. docs/ARCHITECTURE.md, "Layers and arrows". */
import type { TFunction } from 'i18next';
import { laneOfCard, leads, type CardId } from '../../../core/model';
import { stepPlacement, type Direction } from '../../../core/placement';
import { useBoard } from '../store/board-store';
import { useWorkshopUi } from '../store/workshop-store';
import { focusCard, revealCard } from './card-elements';
import { cardLabel, describePlacement, isHiddenCaricature, voteMessage } from './card-text';

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
  // A dot beyond the budget is refused where it was tried, visibly, not only to the screen reader.
  useWorkshopUi.getState().setRefusedDotCard(delta === 1 && after === before ? cardId : null);
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

/**
 * Moves a card one step without carrying it: to the neighbouring lane (left/right, at the same
 * height) or up/down within its lane; announced like a drop. At the board's edge nothing moves.
 */
export function moveCardStep(cardId: CardId, direction: Direction, t: TFunction): void {
  const state = useBoard.getState();
  const target = stepPlacement(state.history.present, cardId, direction);
  if (!target) return;
  state.dispatch({ type: 'moveCard', cardId, toLaneId: target.laneId, toIndex: target.index, at: new Date().toISOString() });
  state.announce(describePlacement(t, 'dnd.dropped', useBoard.getState().history.present, cardId));
  // Once the card stands in its new place; after a move to another lane the reason's field has the
  // focus, and the lane it went to is scrolled into view all the same (a board wider than the window).
  requestAnimationFrame(() => {
    if (useBoard.getState().reasonPrompt?.cardId !== cardId) focusCard(cardId);
    else revealCard(cardId);
  });
}

/** The next lead of a topic, in the order Marketing → joint → Sales → unresolved; announced. */
export function cycleLead(cardId: CardId, t: TFunction): void {
  const state = useBoard.getState();
  const session = state.history.present;
  const card = session.cards[cardId];
  if (!card) return;
  const title = cardLabel(card, isHiddenCaricature(session, cardId), t);
  if (card.kind !== 'topic') {
    state.announce(t('present.lead.onlyTopics', { title }));
    return;
  }
  const lead = leads[(leads.indexOf(card.lead) + 1) % leads.length] ?? 'unresolved';
  state.dispatch({ type: 'updateCard', cardId, changes: { lead } });
  state.announce(t('present.lead.set', { title, lead: t(`cards.lead.${lead}`) }));
}
