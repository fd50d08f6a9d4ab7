/** Find's "Next match": moves the keyboard focus along the matching cards in board order. docs/ARCHITECTURE.md, "The layer table". */
import { isFiltering, nextMatch, type CardFilter } from '../../../core/find';
import type { CardId } from '../../../core/model';
import { shownSession, useBoard } from '../store/board-store';
import { useWorkshopUi } from '../store/workshop-store';
import { focusCard } from './card-elements';

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
