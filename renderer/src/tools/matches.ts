/**
 * Find's answers in board order: what counts are shown and which card "Next match" goes to.
 * Pure functions over the session and core/find; the focus itself is moved by the caller.
 */
import { isFiltering, matchesFilter, needsAttention, type CardFilter } from '../../../core/find';
import type { Card, CardId, Session } from '../../../core/model';
import { shownSession, useBoard } from '../store/board-store';
import { useWorkshopUi } from '../store/workshop-store';
import { focusCard } from '../board/card-elements';

export interface FindCounts {
  readonly total: number;
  readonly found: number;
  readonly unresolved: number;
  readonly attention: number;
}

/** The counts Find shows, in one pass over the cards. */
export function findCounts(cards: Readonly<Record<CardId, Card>>, filter: CardFilter): FindCounts {
  const filtering = isFiltering(filter);
  let total = 0;
  let found = 0;
  let unresolved = 0;
  let attention = 0;
  for (const card of Object.values(cards)) {
    total++;
    if (!filtering || matchesFilter(card, filter)) found++;
    if (card.lead === 'unresolved') unresolved++;
    if (needsAttention(card)) attention++;
  }
  return { total, found, unresolved, attention };
}

/** The matching cards, lane by lane, top to bottom. */
export function matchingCardIds(session: Session, filter: CardFilter): CardId[] {
  const ids = session.laneOrder.flatMap((laneId) => session.lanes[laneId]?.cardIds ?? []);
  return ids.filter((id) => {
    const card = session.cards[id];
    return card !== undefined && matchesFilter(card, filter);
  });
}

/** The first match after `currentId` in board order, wrapping round; the first match when there is no current card. */
export function nextMatch(session: Session, filter: CardFilter, currentId: CardId | undefined): CardId | undefined {
  const order = session.laneOrder.flatMap((laneId) => session.lanes[laneId]?.cardIds ?? []);
  const start = currentId === undefined ? -1 : order.indexOf(currentId);
  for (let step = 1; step <= order.length; step++) {
    const id = order[(start + step + order.length) % order.length];
    const card = id === undefined ? undefined : session.cards[id];
    if (card && matchesFilter(card, filter)) return card.id;
  }
  return undefined;
}

/** Moves the keyboard focus to the next matching card after the focused one; false when nothing matches. */
export function focusNextMatch(): boolean {
  const filter = useWorkshopUi.getState().filter;
  if (!isFiltering(filter)) return false;
  const active = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('[data-card-id]') : null;
  const next = nextMatch(shownSession(useBoard.getState()), filter, active?.dataset.cardId);
  focusCard(next);
  return next !== undefined;
}
