/**
 * An autosave as the changes since the last save: only the cards that changed travel to main.
 * docs/performance.md, "Issue #18" (the drop's last frame); docs/ARCHITECTURE.md, "Sessions on disk".
 */
import type { Card, CardId, Session } from './model';

/**
 * The open session as changes to a version main saved (named by its `revision`). `session` is the
 * whole session except its cards: it holds only the cards added or changed since that version.
 */
export interface SessionChanges {
  readonly base: string;
  readonly session: Session;
  /** Cards that version holds and the session no longer does. */
  readonly removedCards: readonly CardId[];
}

/**
 * What changed from `base` (saved as `revision`) to `now`. Cards are compared by identity: the
 * board's state is immutable, so an unchanged card is the very object that was saved (a card that
 * is equal but new only travels once more).
 */
export function sessionChanges(base: Session, revision: string, now: Session): SessionChanges {
  const changed: Record<CardId, Card> = {};
  for (const [id, card] of Object.entries(now.cards)) if (base.cards[id] !== card) changed[id] = card;
  const removedCards = Object.keys(base.cards).filter((id) => !Object.hasOwn(now.cards, id));
  return { base: revision, session: { ...now, cards: changed }, removedCards };
}

/**
 * The session the changes describe, on the version they start from. Built by spreading and
 * `fromEntries` (own data properties), so no card id can reach an object's prototype.
 */
export function applySessionChanges(base: Session, changes: Pick<SessionChanges, 'session' | 'removedCards'>): Session {
  const merged = { ...base.cards, ...changes.session.cards };
  const removed = new Set(changes.removedCards);
  const cards = removed.size === 0 ? merged : Object.fromEntries(Object.entries(merged).filter(([id]) => !removed.has(id)));
  return { ...changes.session, cards };
}
