/** What the block tools count on the board, cached per version of the cards. docs/ARCHITECTURE.md, "Layers and arrows". */
import { lacksNarrative, type Card, type CardId } from './model';

export interface BoardCounts {
  /** Topic cards whose lead is still open. */
  readonly unresolvedTopics: number;
  readonly caricatures: {
    readonly marketingOnSales: number;
    readonly salesOnMarketing: number;
    readonly cleared: number;
    readonly total: number;
  };
  readonly metrics: { readonly total: number; readonly withoutNarrative: number };
}

export function countCards(cards: Readonly<Record<CardId, Card>>): BoardCounts {
  let unresolvedTopics = 0;
  const caricatures = { marketingOnSales: 0, salesOnMarketing: 0, cleared: 0, total: 0 };
  const metrics = { total: 0, withoutNarrative: 0 };
  for (const card of Object.values(cards)) {
    if (card.kind === 'topic') {
      if (card.lead === 'unresolved') unresolvedTopics++;
    } else if (card.kind === 'caricature') {
      caricatures.total++;
      caricatures[card.caricature.view]++;
      if (card.caricature.cleared) caricatures.cleared++;
    } else {
      metrics.total++;
      if (lacksNarrative(card)) metrics.withoutNarrative++;
    }
  }
  return { unresolvedTopics, caricatures, metrics };
}

let cachedCards: Readonly<Record<CardId, Card>> | null = null;
let cachedCounts: BoardCounts | null = null;

/** countCards, cached for the latest cards object. */
export function boardCounts(cards: Readonly<Record<CardId, Card>>): BoardCounts {
  if (cards !== cachedCards || cachedCounts === null) {
    cachedCounts = countCards(cards);
    cachedCards = cards;
  }
  return cachedCounts;
}
