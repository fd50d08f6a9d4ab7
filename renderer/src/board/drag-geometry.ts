/** Where a pointer drop would put a card. docs/ARCHITECTURE.md, "Drag and drop, and why it differs from the starting design". */
import type { CardId, Session } from '../../../core/model';
import type { Placement } from '../../../core/placement';
import { cardElement } from './card-elements';

export function placementAtPoint(session: Session, draggedId: CardId, x: number, y: number): Placement | undefined {
  const laneId = laneAtX(x);
  const lane = laneId === undefined ? undefined : session.lanes[laneId];
  if (!lane) return undefined;
  const others = lane.cardIds.filter((id) => id !== draggedId);
  return { laneId: lane.id, index: countCentresAbove(others, y) };
}

/** The lane whose column contains x, or the nearest one when x falls between or beside lanes. */
function laneAtX(x: number): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const element of document.querySelectorAll<HTMLElement>('[data-lane-id]')) {
    const rect = element.getBoundingClientRect();
    const distance = x < rect.left ? rect.left - x : x > rect.right ? x - rect.right : 0;
    const id = element.dataset.laneId;
    if (id !== undefined && (!best || distance < best.distance)) best = { id, distance };
  }
  return best?.id;
}

/**
 * How many of a list's cards have their middle above y. A long lane has only the cards in view in the
 * DOM (board/LaneCards.tsx), a contiguous run: those before it are above any point in view, those
 * after it below.
 */
export function countCentresAbove(cardIds: readonly CardId[], y: number): number {
  let low = 0;
  while (low < cardIds.length && !elementOf(cardIds[low])) low++;
  if (low === cardIds.length) return 0;
  let high = cardIds.length;
  while (high > low && !elementOf(cardIds[high - 1])) high--;
  while (low < high) {
    const mid = (low + high) >> 1;
    const rect = elementOf(cardIds[mid])?.getBoundingClientRect();
    if (rect && rect.top + rect.height / 2 < y) low = mid + 1;
    else high = mid;
  }
  return low;
}

function elementOf(cardId: CardId | undefined): HTMLElement | undefined {
  return cardId === undefined ? undefined : cardElement(cardId);
}
