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
export function findCounts(cards: Readonly<Record<CardId, Card>>, filter: CardFilter, caricaturesRevealed: boolean): FindCounts {
  const filtering = isFiltering(filter);
  let total = 0;
  let found = 0;
  let unresolved = 0;
  let attention = 0;
  for (const card of Object.values(cards)) {
    total++;
    if (!filtering || matchesFilter(card, filter, caricaturesRevealed)) found++;
    if (card.kind === 'topic' && card.lead === 'unresolved') unresolved++;
    if (needsAttention(card)) attention++;
  }
  return { total, found, unresolved, attention };
}

/** The first match after `currentId` in board order, wrapping round; the first match when there is no current card. */
export function nextMatch(session: Session, filter: CardFilter, currentId: CardId | undefined): CardId | undefined {
  const order = session.laneOrder.flatMap((laneId) => session.lanes[laneId]?.cardIds ?? []);
  const start = currentId === undefined ? -1 : order.indexOf(currentId);
  for (let step = 1; step <= order.length; step++) {
    const id = order[(start + step + order.length) % order.length];
    const card = id === undefined ? undefined : session.cards[id];
    if (card && matchesFilter(card, filter, session.caricaturesRevealed)) return card.id;
  }
  return undefined;
}

/** The match "Next match" went to last, for the filter it was found with. */
let lastMatch: { readonly filter: CardFilter; readonly cardId: CardId } | null = null;

/**
 * Moves the keyboard focus to the next matching card after the focused one — or, when the focus is
 * elsewhere (Find's field, its button), after the match visited last with the same filter.
 * Returns false when nothing matches.
 */
export function focusNextMatch(): boolean {
  const filter = useWorkshopUi.getState().filter;
  if (!isFiltering(filter)) return false;
  const active = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('[data-card-id]') : null;
  const from = active?.dataset.cardId ?? (lastMatch?.filter === filter ? lastMatch.cardId : undefined);
  const next = nextMatch(shownSession(useBoard.getState()), filter, from);
  lastMatch = next === undefined ? null : { filter, cardId: next };
  focusCard(next);
  return next !== undefined;
}
