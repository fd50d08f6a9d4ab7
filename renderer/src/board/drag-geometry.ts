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

function countCentresAbove(cardIds: readonly CardId[], y: number): number {
  let low = 0;
  let high = cardIds.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const id = cardIds[mid];
    const rect = id === undefined ? undefined : cardElement(id)?.getBoundingClientRect();
    if (rect && rect.top + rect.height / 2 < y) low = mid + 1;
    else high = mid;
  }
  return low;
}
