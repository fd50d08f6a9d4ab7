/** How the board is shown to the room: presentation mode, spotlight, zoom, block banner. docs/ARCHITECTURE.md, "Layers and arrows". */
import { create } from './create-store';
import type { BoardZoom } from '../../../core/audience';
import { steppedZoom } from '../../../core/block-view';
import type { CardId } from '../../../core/model';
import { useBoard } from './board-store';

export interface PresentationState {
  /** Full screen, large type, editing chrome hidden. */
  readonly presenting: boolean;
  /** The card shown enlarged in the middle with the rest dimmed, or null. */
  readonly spotlightCardId: CardId | null;
  readonly zoom: BoardZoom;
  /** The active block's title, prompt and timer shown large above the board (presentation mode). */
  readonly showBlock: boolean;
  /** The keyboard cheat sheet is open. */
  readonly cheatSheetOpen: boolean;
  /** The zoom "fit" arrived at last (board/fit.ts), where a step from "fit" starts. */
  readonly fittedZoom: number;
  /** The facilitator asked for the topics (the lanes) in a block that has a view of its own. */
  readonly topicsAsked: boolean;
  /** Per list of the board (a lane, a column of a block view), the first card the facilitator scrolled to. */
  readonly scrolledTo: Readonly<Record<string, string>>;

  setPresenting(presenting: boolean): void;
  setSpotlight(cardId: CardId | null): void;
  /** One step larger (+1) or smaller (−1), from the current zoom; from "fit" it starts at 100 %. */
  stepZoom(direction: 1 | -1): void;
  setZoom(zoom: BoardZoom): void;
  toggleBlock(): void;
  setCheatSheetOpen(open: boolean): void;
  setFittedZoom(zoom: number): void;
  toggleTopics(): void;
  setScrolledTo(listKey: string, cardId: string | null): void;
  /** Back to the defaults when a session closes or another opens (the audience window is not here: audience-window.ts). */
  reset(): void;
}

const defaults = {
  presenting: false,
  spotlightCardId: null,
  zoom: 1,
  showBlock: false,
  cheatSheetOpen: false,
  fittedZoom: 1,
  topicsAsked: false,
  scrolledTo: {},
} as const;

export const usePresentation = create<PresentationState>()((set) => ({
  ...defaults,

  setPresenting: (presenting) => set(presenting ? { presenting } : { presenting, spotlightCardId: null }),
  setSpotlight: (spotlightCardId) => set({ spotlightCardId }),
  stepZoom: (direction) => set((s) => ({ zoom: steppedZoom(s.zoom === 'fit' ? s.fittedZoom : s.zoom, direction) })),
  setZoom: (zoom) => set({ zoom }),
  toggleBlock: () => set((s) => ({ showBlock: !s.showBlock })),
  setCheatSheetOpen: (cheatSheetOpen) => set({ cheatSheetOpen }),
  setFittedZoom: (fittedZoom) => set({ fittedZoom }),
  toggleTopics: () => set((s) => ({ topicsAsked: !s.topicsAsked, scrolledTo: {} })),
  setScrolledTo: (listKey, cardId) =>
    set((s) => {
      if ((s.scrolledTo[listKey] ?? null) === cardId) return s;
      const others = Object.entries(s.scrolledTo).filter(([key]) => key !== listKey);
      return { scrolledTo: Object.fromEntries(cardId === null ? others : [...others, [listKey, cardId]]) };
    }),
  reset: () => set(defaults),
}));

/**
 * A new block opens on its own view; the lanes stay one key away (toggleTopics). Started once at
 * start-up (main.tsx); a session opening or closing resets the whole store (session-lifecycle.ts).
 */
export function followActiveBlock(): () => void {
  return useBoard.subscribe((state, previous) => {
    if (state.openFile === previous.openFile && state.history.present.activeBlockId !== previous.history.present.activeBlockId)
      usePresentation.setState({ topicsAsked: false, scrolledTo: {} });
  });
}
