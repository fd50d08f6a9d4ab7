/** Which board tools are open; UI state only, not saved, not undone. docs/ARCHITECTURE.md, "Layers and arrows". */
import { create } from './create-store';
import { useWorkshopUi } from './workshop-store';

export interface ToolsState {
  readonly findOpen: boolean;
  /** Counts requests to put the focus into Find's text field (Ctrl+F while it is open, too). */
  readonly findFocusRequest: number;
  readonly votingOpen: boolean;

  /** Opens Find, or puts the focus back into its field when it is open. */
  openFind(): void;
  /** Closes Find and clears what it looked for: the board shows every card again. */
  closeFind(): void;
  setVotingOpen(open: boolean): void;
  reset(): void;
}

export const useTools = create<ToolsState>()((set) => ({
  findOpen: false,
  findFocusRequest: 0,
  votingOpen: false,

  openFind: () => set((s) => ({ findOpen: true, findFocusRequest: s.findFocusRequest + 1 })),
  closeFind: () => {
    set({ findOpen: false });
    useWorkshopUi.getState().clearFilter();
  },
  setVotingOpen: (open) => {
    set({ votingOpen: open });
    // Closing the panel ends placing dots: the cards drop their dot buttons.
    if (!open) useWorkshopUi.getState().setVoter(null);
  },
  reset: () => set({ findOpen: false, votingOpen: false }),
}));
