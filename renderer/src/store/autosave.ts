/**
 * Autosave: every change of the open session reaches the disk within a second, without the UI
 * ever waiting. One save runs at a time and always sends the newest state; a failed save keeps
 * the state in memory, shows why, and retries until the disk takes it.
 */
import type { SavedState } from '../../../core/api';
import type { Session } from '../../../core/model';
import { useBoard } from './board-store';

/** Quiet time after a change before saving: a burst of typing becomes one write. */
export const autosaveDelayMs = 300;
export const retryDelayMs = 3000;

type Save = (path: string, session: Session) => Promise<SavedState>;

export interface Autosave {
  /** Saves now if anything is unsaved and waits for it; false when the save failed. */
  flush(): Promise<boolean>;
  /** Whether the open session has changes not yet on disk. */
  hasUnsaved(): boolean;
  stop(): void;
}

export function startAutosave(save: Save): Autosave {
  let saved: Session | null = useBoard.getState().history.present;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<boolean> | null = null;

  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delay);
  };

  const unsubscribe = useBoard.subscribe((state, previous) => {
    if (state.openFile?.path !== previous.openFile?.path) {
      // A session just opened is what is on disk; one just closed has nothing left to save.
      clearTimeout(timer);
      saved = state.history.present;
      return;
    }
    if (state.openFile && state.history.present !== previous.history.present) {
      // "Saved" must never show while a change is still only in memory; a failure stays visible.
      if (state.saveStatus.state === 'saved') state.setSaveStatus({ state: 'saving' });
      schedule(autosaveDelayMs);
    }
  });

  async function run(): Promise<boolean> {
    if (running) return running;
    const { openFile, history } = useBoard.getState();
    if (!openFile || history.present === saved) return true;
    const session = history.present;
    running = (async () => {
      try {
        const result = await save(openFile.path, session);
        if (useBoard.getState().openFile?.path === openFile.path) {
          saved = session;
          // Only the newest state counts as saved; newer changes keep "saving…" until they land.
          const newest = useBoard.getState().history.present === session;
          useBoard.getState().setSaveStatus(newest ? { state: 'saved', at: result.savedAt } : { state: 'saving' });
        }
        return true;
      } catch (error) {
        useBoard.getState().setSaveStatus({ state: 'failed', error });
        schedule(retryDelayMs);
        return false;
      } finally {
        running = null;
      }
    })();
    const ok = await running;
    // Changes made while this save ran go out next.
    if (ok && useBoard.getState().history.present !== saved) schedule(autosaveDelayMs);
    return ok;
  }

  return {
    async flush() {
      clearTimeout(timer);
      if (running) await running;
      return run();
    },
    hasUnsaved() {
      const { openFile, history } = useBoard.getState();
      return openFile !== null && history.present !== saved;
    },
    stop() {
      clearTimeout(timer);
      unsubscribe();
    },
  };
}

/**
 * Closing the window (or quitting) while a change is still only in memory — within the autosave's
 * quiet time, or while a save fails — first saves it: the close is held back, the change written,
 * and the window closed again. In Electron a cancelled `beforeunload` holds the close back without
 * asking; a browser would ask. If the save fails, the window stays open with the failure shown,
 * and a second close goes through (the facilitator has seen it). Returns the cleanup.
 */
export function saveBeforeClosing(autosave: Autosave, target: Pick<Window, 'addEventListener' | 'removeEventListener' | 'close'> = window): () => void {
  let failedOnce = false;
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!autosave.hasUnsaved() || failedOnce) return;
    event.preventDefault();
    // The older way as well, which Electron documents for holding a close back.
    event.returnValue = true;
    void autosave.flush().then((ok) => {
      if (ok) target.close();
      else failedOnce = true;
    });
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}
