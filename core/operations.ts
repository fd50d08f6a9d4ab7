/**
 * Board operations as data plus one pure function that applies them.
 * Operations carry every id they need, so applying one twice (redo) gives the same result.
 * An operation that does not fit the session (unknown card, empty title) returns the session
 * unchanged, by reference: callers use that to skip no-ops in the undo history.
 */
import { laneOfCard, normaliseTitle, type CardId, type LaneId, type Session, type SessionDetails } from './model';

export type Operation =
  | { readonly type: 'addCard'; readonly cardId: CardId; readonly laneId: LaneId; readonly title: string; readonly index?: number }
  | { readonly type: 'editCardTitle'; readonly cardId: CardId; readonly title: string }
  | { readonly type: 'deleteCard'; readonly cardId: CardId }
  | { readonly type: 'moveCard'; readonly cardId: CardId; readonly toLaneId: LaneId; readonly toIndex: number }
  | { readonly type: 'updateDetails'; readonly details: Partial<SessionDetails> };

export function applyOperation(session: Session, op: Operation): Session {
  switch (op.type) {
    case 'addCard':
      return addCard(session, op.cardId, op.laneId, op.title, op.index);
    case 'editCardTitle':
      return editCardTitle(session, op.cardId, op.title);
    case 'deleteCard':
      return deleteCard(session, op.cardId);
    case 'moveCard':
      return moveCard(session, op.cardId, op.toLaneId, op.toIndex);
    case 'updateDetails':
      return updateDetails(session, op.details);
  }
}

export function addCard(session: Session, cardId: CardId, laneId: LaneId, title: string, index?: number): Session {
  const lane = session.lanes[laneId];
  const cleanTitle = normaliseTitle(title);
  if (!lane || session.cards[cardId] || cleanTitle === '') return session;
  const at = clampIndex(index ?? lane.cardIds.length, lane.cardIds.length);
  return {
    ...session,
    cards: { ...session.cards, [cardId]: { id: cardId, title: cleanTitle } },
    lanes: { ...session.lanes, [laneId]: { ...lane, cardIds: insertAt(lane.cardIds, at, cardId) } },
  };
}

export function editCardTitle(session: Session, cardId: CardId, title: string): Session {
  const card = session.cards[cardId];
  const cleanTitle = normaliseTitle(title);
  if (!card || cleanTitle === '' || cleanTitle === card.title) return session;
  return { ...session, cards: { ...session.cards, [cardId]: { ...card, title: cleanTitle } } };
}

export function deleteCard(session: Session, cardId: CardId): Session {
  const lane = laneOfCard(session, cardId);
  if (!lane) return session;
  const { [cardId]: _deleted, ...cards } = session.cards;
  return {
    ...session,
    cards,
    lanes: { ...session.lanes, [lane.id]: { ...lane, cardIds: lane.cardIds.filter((id) => id !== cardId) } },
  };
}

/** Moves a card to `toIndex` of `toLaneId`: a reorder when the lane is the card's own. */
export function moveCard(session: Session, cardId: CardId, toLaneId: LaneId, toIndex: number): Session {
  const from = laneOfCard(session, cardId);
  const to = session.lanes[toLaneId];
  if (!from || !to) return session;
  const fromIndex = from.cardIds.indexOf(cardId);
  const remaining = from.cardIds.filter((id) => id !== cardId);
  if (from.id === to.id) {
    const at = clampIndex(toIndex, remaining.length);
    if (at === fromIndex) return session;
    return { ...session, lanes: { ...session.lanes, [from.id]: { ...from, cardIds: insertAt(remaining, at, cardId) } } };
  }
  const at = clampIndex(toIndex, to.cardIds.length);
  return {
    ...session,
    lanes: {
      ...session.lanes,
      [from.id]: { ...from, cardIds: remaining },
      [to.id]: { ...to, cardIds: insertAt(to.cardIds, at, cardId) },
    },
  };
}

/** Changes the session's facts; fields not given stay as they are. */
export function updateDetails(session: Session, details: Partial<SessionDetails>): Session {
  const changed = (Object.keys(details) as (keyof SessionDetails)[]).some((key) => details[key] !== undefined && details[key] !== session.details[key]);
  if (!changed) return session;
  const defined = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
  return { ...session, details: { ...session.details, ...defined } };
}

function clampIndex(index: number, length: number): number {
  if (!Number.isFinite(index)) return length;
  return Math.min(Math.max(0, Math.trunc(index)), length);
}

function insertAt<T>(items: readonly T[], index: number, item: T): T[] {
  return [...items.slice(0, index), item, ...items.slice(index)];
}
