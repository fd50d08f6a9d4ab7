/** The session document: what a workshop board is made of. Plain, immutable data. */
import type { AgendaBlock } from './agenda';

export type CardId = string;
export type LaneId = string;

/** The three lanes of the method. A lane's kind decides its default, localised name. */
export const laneKinds = ['marketing', 'seam', 'sales'] as const;
export type LaneKind = (typeof laneKinds)[number];

export interface Card {
  readonly id: CardId;
  readonly title: string;
}

export interface Lane {
  readonly id: LaneId;
  readonly kind: LaneKind;
  /** A name the facilitator gave the lane; null shows the default name of its kind. */
  readonly title: string | null;
  /** Card order within the lane. The single source of truth for where a card stands. */
  readonly cardIds: readonly CardId[];
}

export const departments = ['marketing', 'sales', 'other'] as const;
export type Department = (typeof departments)[number];

export interface Participant {
  readonly id: string;
  readonly name: string;
  readonly department: Department;
}

/** The facts of a workshop, for the session library and the summary. Empty strings mean "not given". */
export interface SessionDetails {
  readonly title: string;
  readonly client: string;
  /** The workshop day as YYYY-MM-DD, or '' when not set. */
  readonly date: string;
  readonly place: string;
  readonly facilitator: string;
  readonly participants: readonly Participant[];
}

export const emptyDetails: SessionDetails = { title: '', client: '', date: '', place: '', facilitator: '', participants: [] };

export interface Session {
  readonly id: string;
  readonly details: SessionDetails;
  /** The blocks the workshop works through, in order (core/agenda.ts). Empty for a blank session. */
  readonly agenda: readonly AgendaBlock[];
  readonly laneOrder: readonly LaneId[];
  readonly lanes: Readonly<Record<LaneId, Lane>>;
  readonly cards: Readonly<Record<CardId, Card>>;
}

/** Longest card title we accept; longer input is cut, so a pasted paragraph cannot flood the board. */
export const maxCardTitleLength = 500;

/**
 * A new session: the three lanes of the method, empty, and the given agenda (none for a blank
 * session; `workshopAgenda` in core/agenda.ts for the workshop template).
 */
export function createSession(id: string, details: Partial<SessionDetails> = {}, agenda: readonly AgendaBlock[] = []): Session {
  const lanes: Record<LaneId, Lane> = {};
  for (const kind of laneKinds) lanes[kind] = { id: kind, kind, title: null, cardIds: [] };
  return { id, details: { ...emptyDetails, ...details }, agenda: [...agenda], laneOrder: [...laneKinds], lanes, cards: {} };
}

/** The lane a card stands in, or undefined when the card is not on the board. */
export function laneOfCard(session: Session, cardId: CardId): Lane | undefined {
  for (const laneId of session.laneOrder) {
    const lane = session.lanes[laneId];
    if (lane?.cardIds.includes(cardId)) return lane;
  }
  return undefined;
}

/** Titles are single-line and trimmed; line breaks from pasted text become spaces. */
export function normaliseTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim().slice(0, maxCardTitleLength);
}
