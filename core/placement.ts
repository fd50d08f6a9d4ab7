/** Where a card stands, and where a keyboard step takes it. Pure, so both directions are testable. */
import { laneOfCard, type CardId, type LaneId, type Session } from './model';

export interface Placement {
  readonly laneId: LaneId;
  readonly index: number;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

export function placementOf(session: Session, cardId: CardId): Placement | undefined {
  const lane = laneOfCard(session, cardId);
  return lane ? { laneId: lane.id, index: lane.cardIds.indexOf(cardId) } : undefined;
}

/**
 * One keyboard step: up/down move within the lane, left/right go to the neighbouring lane at the
 * same height (or its end, if it is shorter). Returns undefined at the board's edges.
 */
export function stepPlacement(session: Session, cardId: CardId, direction: Direction): Placement | undefined {
  const current = placementOf(session, cardId);
  if (!current) return undefined;
  const lane = session.lanes[current.laneId];
  if (!lane) return undefined;
  switch (direction) {
    case 'up':
      return current.index > 0 ? { laneId: lane.id, index: current.index - 1 } : undefined;
    case 'down':
      return current.index < lane.cardIds.length - 1 ? { laneId: lane.id, index: current.index + 1 } : undefined;
    case 'left':
    case 'right': {
      const laneIndex = session.laneOrder.indexOf(lane.id);
      const neighbourId = session.laneOrder[laneIndex + (direction === 'left' ? -1 : 1)];
      const neighbour = neighbourId === undefined ? undefined : session.lanes[neighbourId];
      if (!neighbour) return undefined;
      return { laneId: neighbour.id, index: Math.min(current.index, neighbour.cardIds.length) };
    }
  }
}

/** Every card as the room reads the board: lane by lane, left to right, each top to bottom. */
export function readingOrder(session: Session): CardId[] {
  return session.laneOrder.flatMap((laneId) => session.lanes[laneId]?.cardIds ?? []);
}

/** The card `step` places after (or before, if negative) `cardId` in reading order; it stops at either end. */
export function stepReadingOrder(session: Session, cardId: CardId, step: number): CardId | undefined {
  const order = readingOrder(session);
  const index = order.indexOf(cardId);
  if (index < 0) return order[0];
  return order[Math.max(0, Math.min(order.length - 1, index + step))];
}
