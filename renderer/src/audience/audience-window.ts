/** Opening and closing the audience window, and whether it is open. docs/ARCHITECTURE.md, "The audience window". */
import { create } from '../store/create-store';
import type { AudiencePlacement } from '../../../core/api';
import { api } from '../api';
import { useBoard } from '../store/board-store';

interface AudienceWindowState {
  /** The audience window is open (main reports when it closes on its own). */
  readonly open: boolean;
  /** Where the window opened last, with a counter so the same placement twice is still news; null once closed. */
  readonly opened: { readonly placement: AudiencePlacement; readonly count: number } | null;
}

/** Whether the audience window is open, and where it opened: the toolbar says so when it opened on this display. */
export const useAudienceWindow = create<AudienceWindowState>()(() => ({ open: false, opened: null }));

let opens = 0;

/** Opens the audience window, or brings it forward; failures are shown as the board's problem notice. */
export async function openAudienceWindow(): Promise<void> {
  try {
    const placement = await api.openAudienceWindow();
    useAudienceWindow.setState({ open: true, opened: { placement, count: ++opens } });
  } catch (error) {
    useBoard.getState().reportProblem(error);
  }
}

export async function closeAudienceWindow(): Promise<void> {
  try {
    await api.closeAudienceWindow();
    // Main also reports it (audienceWindow), but the button should not wait for that.
    useAudienceWindow.setState({ open: false, opened: null });
  } catch (error) {
    useBoard.getState().reportProblem(error);
  }
}

/** Opens the audience window when it is closed, closes it when it is open (button and shortcut). */
export function toggleAudienceWindow(): void {
  void (useAudienceWindow.getState().open ? closeAudienceWindow() : openAudienceWindow());
}

/**
 * Follows main's word on whether the audience window is open (it may be closed on its own, or
 * close with a display). Listened to for the whole life of the control page, board or library,
 * so the state is right whenever the board comes back.
 */
export function followAudienceWindow(): () => void {
  return api.on('audienceWindow', ({ open }) => {
    useAudienceWindow.setState(open ? { open } : { open, opened: null });
  });
}
