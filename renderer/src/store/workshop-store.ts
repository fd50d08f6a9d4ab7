/** UI state of the workshop tools that several parts of the board read. docs/ARCHITECTURE.md, "Layers and arrows". */
import { create } from './create-store';
import type { CardId } from '../../../core/model';
import { isFiltering, matchesFilter, noFilter, type CardFilter } from '../../../core/find';
import { useBoard } from './board-store';

export interface WorkshopUiState {
  /** The card whose details dialog is open, or null. */
  readonly cardDetailsId: CardId | null;
  /** The voter placing dots while voting is open; null while it is closed. */
  readonly voterId: string | null;
  /** The card where the voter's last dot was refused (no dots left), so that card can say so; null otherwise. */
  readonly refusedDotCard: CardId | null;
  readonly filter: CardFilter;

  openCardDetails(cardId: CardId): void;
  closeCardDetails(): void;
  setVoter(voterId: string | null): void;
  setRefusedDotCard(cardId: CardId | null): void;
  setFilter(changes: Partial<CardFilter>): void;
  clearFilter(): void;
  /** Back to the defaults, when a session closes or another opens. */
  reset(): void;
}

export const useWorkshopUi = create<WorkshopUiState>()((set) => ({
  cardDetailsId: null,
  voterId: null,
  refusedDotCard: null,
  filter: noFilter,

  openCardDetails: (cardId) => set({ cardDetailsId: cardId }),
  closeCardDetails: () => set({ cardDetailsId: null }),
  setVoter: (voterId) => set({ voterId, refusedDotCard: null }),
  setRefusedDotCard: (cardId) => set({ refusedDotCard: cardId }),
  setFilter: (changes) => set((s) => ({ filter: { ...s.filter, ...changes } })),
  clearFilter: () => set({ filter: noFilter }),
  reset: () => set({ cardDetailsId: null, voterId: null, refusedDotCard: null, filter: noFilter }),
}));

/**
 * Whether a card matches Find: null while nothing is being looked for. Subscribes to the card and
 * the filter only, so typing in Find re-renders cards whose answer changes, not the board.
 */
export function useCardFound(cardId: CardId): boolean | null {
  const card = useBoard((s) => s.history.present.cards[cardId]);
  const revealed = useBoard((s) => s.history.present.caricaturesRevealed);
  return useWorkshopUi((s) => (card && isFiltering(s.filter) ? matchesFilter(card, s.filter, revealed) : null));
}
