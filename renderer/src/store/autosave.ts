/**
 * Autosave: every change of the open session reaches the disk within a second, without the UI waiting.
 * docs/ARCHITECTURE.md, "Sessions on disk"; bounds: docs/reliability.md.
 */
import type { SavedState } from '../../../core/api';
import type { Session } from '../../../core/model';
import { useBoard } from './board-store';
import { commitDrafts, draftVersion, onDraftsChange, withDrafts } from './drafts';

/** Quiet time after a change before saving: a burst of typing becomes one write. */
export const autosaveDelayMs = 300;
/**
 * The longest a change waits while changes keep coming (a held Alt+arrow, +/− voting, repeated
 * undo): the quiet time alone would postpone saving for as long as they do. Below one second, so
 * that with the save itself a change is on disk within a second.
 */
export const autosaveMaxWaitMs = 400;
export const retryDelayMs = 3000;

type Save = (path: string, session: Session) => Promise<SavedState>;

export interface Autosave {
  /** Saves now if anything is unsaved and waits for it; false when the save failed. */
  flush(): Promise<boolean>;
  /** Whether the open session has changes (or drafts) not yet on disk. */
  hasUnsaved(): boolean;
  stop(): void;
}

export function startAutosave(save: Save, now: () => number = Date.now): Autosave {
  let saved: Session | null = useBoard.getState().history.present;
  let savedDrafts = draftVersion();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change not yet saved was made; null when everything is on disk. */
  let pendingSince: number | null = null;
  let running: Promise<boolean> | null = null;

  const unsaved = (): boolean => useBoard.getState().history.present !== saved || draftVersion() !== savedDrafts;

  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delay);
  };
  /** After a change: the quiet time, but never past the max-wait of the oldest unsaved change. */
  const scheduleAfterChange = () => {
    const time = now();
    pendingSince ??= time;
    schedule(Math.max(0, Math.min(autosaveDelayMs, pendingSince + autosaveMaxWaitMs - time)));
  };

  const changed = () => {
    const state = useBoard.getState();
    if (!state.openFile) return;
    // "Saved" must never show while a change is still only in memory; a failure stays visible.
    if (state.saveStatus.state === 'saved') state.setSaveStatus({ state: 'saving' });
    if (!running && state.saveStatus.state !== 'failed') scheduleAfterChange();
    else pendingSince ??= now();
  };

  const unsubscribe = useBoard.subscribe((state, previous) => {
    if (state.openFile?.path !== previous.openFile?.path) {
      // A session just opened is what is on disk; one just closed has nothing left to save.
      clearTimeout(timer);
      saved = state.history.present;
      savedDrafts = draftVersion();
      pendingSince = null;
      return;
    }
    if (state.history.present !== previous.history.present) changed();
  });
  const unsubscribeDrafts = onDraftsChange(changed);

  async function run(): Promise<boolean> {
    if (running) return running;
    const { openFile, history } = useBoard.getState();
    if (!openFile || !unsaved()) {
      pendingSince = null;
      return true;
    }
    const present = history.present;
    const drafts = draftVersion();
    const session = withDrafts(present);
    running = (async () => {
      try {
        const result = await save(openFile.path, session);
        if (useBoard.getState().openFile?.path === openFile.path) {
          saved = present;
          savedDrafts = drafts;
          // Only the newest state counts as saved; newer changes keep "saving…" until they land.
          const newest = !unsaved();
          if (newest) pendingSince = null;
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
    // Changes made while this save ran go out next, within the max-wait of the oldest of them.
    if (ok && unsaved()) scheduleAfterChange();
    return ok;
  }

  return {
    async flush() {
      clearTimeout(timer);
      if (running) await running;
      return run();
    },
    hasUnsaved() {
      return useBoard.getState().openFile !== null && unsaved();
    },
    stop() {
      clearTimeout(timer);
      unsubscribe();
      unsubscribeDrafts();
    },
  };
}

/**
 * Commits the focused field's draft and saves: what leaving the session (another session opened,
 * a file dropped, the window closed) must do first. False when the save failed.
 */
export function commitAndFlush(autosave: Autosave): Promise<boolean> {
  commitDrafts();
  return autosave.flush();
}

/**
 * Closing the window (or quitting) while a change is still only in memory — within the autosave's
 * quiet time, being typed in a field, or while a save fails — first saves it: the close is held
 * back, the change written, and the window closed again. In Electron a cancelled `beforeunload`
 * holds the close back without asking; a browser would ask. If the save fails, the window stays
 * open and `onSaveFailed` asks the facilitator (try again, save a copy elsewhere, or close without
 * saving: see UnsavedPrompt); until they choose, every close is held back again. A later save
 * that succeeds puts the guard back as it was. Returns the cleanup.
 */
export function saveBeforeClosing(
  autosave: Autosave,
  onSaveFailed: () => void = () => undefined,
  target: Pick<Window, 'addEventListener' | 'removeEventListener' | 'close'> = window,
): { cleanup: () => void; closeWithoutSaving: () => void } {
  let discard = false;
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (discard || !autosave.hasUnsaved()) return;
    event.preventDefault();
    // The older way as well, which Electron documents for holding a close back.
    event.returnValue = true;
    void commitAndFlush(autosave).then((ok) => {
      if (ok) target.close();
      else onSaveFailed();
    });
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return {
    cleanup: () => target.removeEventListener('beforeunload', onBeforeUnload),
    closeWithoutSaving: () => {
      discard = true;
      target.close();
    },
  };
}
