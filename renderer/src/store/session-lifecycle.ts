/**
 * Where a session opens or closes: the board takes it and the per-session UI state starts afresh.
 * docs/ARCHITECTURE.md, "Sessions on disk".
 */
import type { OpenedSession } from '../../../core/api';
import { useBoard } from './board-store';
import { openedVersion } from './session-saver';
import { usePresentation } from './presentation-store';
import { useTools } from './tools-store';
import { useWorkshopUi } from './workshop-store';

/** Puts a session on the board (even the same file again): no filter, voter, open tools or spotlight carried over. */
export function openSession(opened: OpenedSession): void {
  openedVersion(opened);
  useBoard.getState().open(opened);
  resetSessionUi();
}

/** Takes the session off the board, back to the library. */
export function closeSession(): void {
  useBoard.getState().close();
  resetSessionUi();
}

function resetSessionUi(): void {
  useWorkshopUi.getState().reset();
  useTools.getState().reset();
  usePresentation.getState().reset();
}
