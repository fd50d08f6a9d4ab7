/** Dot voting: voters, their dots, and the ranking. docs/ARCHITECTURE.md, "Layers and arrows". */
import { departments, type Card, type CardId, type Department, type Session } from './model';

/** Department voters have ids of their own, so they never collide with a participant's id. */
export function departmentVoterId(department: Department): string {
  return `department:${department}`;
}

/** A phone votes as itself: the server's random id for it, never a name or a device token. */
export function phoneVoterId(participantId: string): string {
  return `phone:${participantId}`;
}

const isPhoneVoterId = (voterId: string) => voterId.startsWith('phone:') && voterId.length > 'phone:'.length;

export interface Voter {
  readonly id: string;
  /** The participant's name; '' for a department (the UI names it in its language). */
  readonly name: string;
  readonly department: Department;
}

/** Who votes in the session's current mode, in the order the UI lists them. */
export function votersOf(session: Session): Voter[] {
  if (session.voting.voters === 'departments') {
    return departments.map((department) => ({ id: departmentVoterId(department), name: '', department }));
  }
  if (session.voting.voters === 'phones') {
    // The phones that have placed a dot: who has not voted yet has nothing to count.
    const ids = new Set(Object.values(session.cards).flatMap((card) => Object.keys(card.votes).filter(isPhoneVoterId)));
    return [...ids].sort().map((id) => ({ id, name: '', department: 'other' as const }));
  }
  return session.details.participants.map((p) => ({ id: p.id, name: p.name, department: p.department }));
}

/** Whether this voter may place dots in the session's current mode (any phone, when the room votes by phone). */
export function isVoter(session: Session, voterId: string): boolean {
  if (session.voting.voters === 'phones') return isPhoneVoterId(voterId);
  return votersOf(session).some((voter) => voter.id === voterId);
}

/** Dots a voter has given in all. */
export function dotsUsed(session: Session, voterId: string): number {
  let used = 0;
  for (const card of Object.values(session.cards)) used += dotsOn(card, voterId);
  return used;
}

export function dotsLeft(session: Session, voterId: string): number {
  return Math.max(0, session.voting.dots - dotsUsed(session, voterId));
}

/** A card's dots from the voters of the current mode. */
export function cardDots(session: Session, card: Card): number {
  let total = 0;
  for (const voter of votersOf(session)) total += dotsOn(card, voter.id);
  return total;
}

/** Why a dot change is refused: the voter has no dots left, or none on this card to take back. */
export type DotRefusal = 'noDotsLeft' | 'noneOnCard';

/** The voter's dots on a card (own keys only: a voter id such as 'toString' names no inherited member). */
export function dotsOn(card: Card, voterId: string): number {
  return Object.hasOwn(card.votes, voterId) ? (card.votes[voterId] ?? 0) : 0;
}

/**
 * Whether `wanted` dots from a voter on a card stay within the budget: the dots it may have
 * (never more than it has plus the voter's dots left, never fewer than none) and, when that is
 * less than wanted, why. The one rule the card buttons, the grid and its number keys share.
 */
export function allowedDots(
  session: Session,
  card: Card,
  voterId: string,
  wanted: number,
): { readonly dots: number; readonly refusal: DotRefusal | null } {
  const current = dotsOn(card, voterId);
  const most = current + dotsLeft(session, voterId);
  if (wanted > most) return { dots: most, refusal: 'noDotsLeft' };
  if (wanted < 0) return { dots: 0, refusal: current === 0 ? 'noneOnCard' : null };
  return { dots: Math.floor(wanted), refusal: null };
}

/** Cards the room votes on unless the facilitator asks for all: the topics. */
export function isVotedOnByDefault(card: Card): boolean {
  return card.kind === 'topic';
}

export interface RankedCard {
  readonly card: Card;
  readonly dots: number;
  /** 1 for the most dots; cards with equal dots share a rank. */
  readonly rank: number;
}

/** Cards with at least one dot, most dots first; ties keep board order. */
export function ranking(session: Session): RankedCard[] {
  const ordered = session.laneOrder.flatMap((laneId) => session.lanes[laneId]?.cardIds ?? []);
  const scored = ordered.flatMap((id) => {
    const card = session.cards[id];
    const dots = card ? cardDots(session, card) : 0;
    return card && dots > 0 ? [{ card, dots }] : [];
  });
  scored.sort((a, b) => b.dots - a.dots);
  let rank = 0;
  return scored.map((entry, index) => {
    if (index === 0 || entry.dots !== scored[index - 1]?.dots) rank = index + 1;
    return { ...entry, rank };
  });
}

/** Dots given so far, by voter id, in one pass over the cards. */
export function dotsByVoter(cards: Readonly<Record<CardId, Card>>): Map<string, number> {
  const used = new Map<string, number>();
  for (const card of Object.values(cards))
    for (const [voterId, count] of Object.entries(card.votes)) used.set(voterId, (used.get(voterId) ?? 0) + count);
  return used;
}
