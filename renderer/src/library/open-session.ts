/** Opening a session from anywhere in the UI: main reads and validates it, the board shows it. docs/ARCHITECTURE.md, "Sessions on disk". */
import type { OpenedSession } from '../../../core/api';
import { useBoard } from '../store/board-store';
import { openSession } from '../store/session-lifecycle';

export async function showOpened(opening: Promise<OpenedSession | null>): Promise<boolean> {
  try {
    const opened = await opening;
    if (!opened) return false;
    useBoard.getState().dismissProblem();
    openSession(opened);
    return true;
  } catch (error) {
    useBoard.getState().reportProblem(error);
    return false;
  }
}
