/**
 * Find: which cards match what the facilitator looks for. Pure; the renderer keeps the filter and
 * dims the cards that do not match, so the board keeps its layout on the projector.
 */
import { lacksNarrative, type Card, type CardId, type CardKind, type Lead, type Session } from './model';

export interface CardFilter {
  /** Words to look for in the title, notes, why, tags and the kind-specific texts; '' = any. */
  readonly text: string;
  readonly kind: CardKind | null;
  readonly lead: Lead | null;
  readonly tag: string | null;
  /** Only cards that need attention: unresolved topics, metrics without a narrative, caricatures not cleared. */
  readonly needsAttention: boolean;
}

export const noFilter: CardFilter = { text: '', kind: null, lead: null, tag: null, needsAttention: false };

export function isFiltering(filter: CardFilter): boolean {
  return filter.text.trim() !== '' || filter.kind !== null || filter.lead !== null || filter.tag !== null || filter.needsAttention;
}

/** A card the room still has to settle: an unresolved topic, a metric without narrative, an uncleared caricature. */
export function needsAttention(card: Card): boolean {
  if (card.kind === 'topic') return card.lead === 'unresolved';
  if (card.kind === 'metric') return lacksNarrative(card);
  return !card.caricature.cleared;
}

/**
 * Whether a card matches; every word of the text must appear somewhere (ignoring case). While the
 * caricatures are hidden their text is not searched: a dimmed or lit card must not give away
 * what a hidden caricature says.
 */
export function matchesFilter(card: Card, filter: CardFilter, caricaturesRevealed: boolean): boolean {
  if (filter.kind !== null && card.kind !== filter.kind) return false;
  if (filter.lead !== null && card.lead !== filter.lead) return false;
  const hidden = card.kind === 'caricature' && !caricaturesRevealed;
  if (filter.tag !== null && (hidden || !card.tags.some((tag) => tag.toLocaleLowerCase() === filter.tag?.toLocaleLowerCase()))) return false;
  if (filter.needsAttention && !needsAttention(card)) return false;
  const words = filter.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  if (hidden) return false;
  const haystack = searchableText(card).toLocaleLowerCase();
  return words.every((word) => haystack.includes(word));
}

function searchableText(card: Card): string {
  const { exchange, caricature, metric } = card;
  return [
    card.title,
    card.notes,
    card.why,
    ...card.tags,
    ...card.actions.flatMap((a) => [a.text, a.owner]),
    exchange.who,
    exchange.cadence,
    exchange.decisions,
    caricature.truth,
    metric.value,
    metric.target,
    metric.unit,
    metric.narrative,
  ].join('\n');
}

/** Every tag on the board once, sorted for the UI's tag picker; a hidden caricature's tags are not shown. */
export function allTags(cards: Iterable<Card>, caricaturesRevealed: boolean): string[] {
  const byKey = new Map<string, string>();
  for (const card of cards) {
    if (card.kind === 'caricature' && !caricaturesRevealed) continue;
    for (const tag of card.tags) if (!byKey.has(tag.toLocaleLowerCase())) byKey.set(tag.toLocaleLowerCase(), tag);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

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
