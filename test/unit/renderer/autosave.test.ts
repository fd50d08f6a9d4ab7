import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedState } from '../../../core/api';
import { createSession, type Session } from '../../../core/model';
import {
  autosaveDelayMs,
  autosaveMaxWaitMs,
  retryDelayMs,
  saveBeforeClosing,
  startAutosave,
  type Autosave,
} from '../../../renderer/src/store/autosave';
import { clearDraft, hasDrafts, setDraft } from '../../../renderer/src/store/drafts';
import { useBoard } from '../../../renderer/src/store/board-store';

const path = '/sessions/workshop.nahtstelle';
let autosave: Autosave | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  useBoard.getState().open({ path, session: createSession('s'), savedAt: '2027-03-04T09:00:00.000Z', fromBackup: false });
});
afterEach(() => {
  clearDraft('mission-field');
  autosave?.stop();
  vi.useRealTimers();
});

const addCard = (id: string) => useBoard.getState().dispatch({ type: 'addCard', cardId: id, laneId: 'marketing', title: id });
const status = () => useBoard.getState().saveStatus.state;

describe('autosave', () => {
  it('saves a burst of changes once, shortly after the last, and says "saving" until it has', async () => {
    const save = vi.fn(async (_path: string, _session: Session): Promise<SavedState> => ({ savedAt: '2027-03-04T09:01:00.000Z' }));
    autosave = startAutosave(save);
    addCard('a');
    addCard('b');
    expect(status()).toBe('saving');
    await vi.advanceTimersByTimeAsync(autosaveDelayMs + 10);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]?.[0]).toBe(path);
    expect(save.mock.calls[0]?.[1].lanes.marketing?.cardIds).toEqual(['a', 'b']);
    expect(useBoard.getState().saveStatus).toEqual({ state: 'saved', at: '2027-03-04T09:01:00.000Z' });
  });

  it('keeps the state on failure, shows the error and retries until the disk takes it', async () => {
    const failure = new Error('{"code":"fileProblem","detail":"ENOSPC","reason":"diskFull","file":"workshop.nahtstelle"}');
    const save = vi
      .fn<(path: string, session: Session) => Promise<SavedState>>()
      .mockRejectedValueOnce(failure)
      .mockRejectedValueOnce(failure)
      .mockResolvedValue({ savedAt: '2027-03-04T09:02:00.000Z' });
    autosave = startAutosave(save);
    addCard('a');
    await vi.advanceTimersByTimeAsync(autosaveDelayMs + 10);
    expect(useBoard.getState().saveStatus).toEqual({ state: 'failed', error: failure });
    addCard('b');
    expect(status()).toBe('failed');
    await vi.advanceTimersByTimeAsync(retryDelayMs * 2 + 10);
    expect(save).toHaveBeenCalledTimes(3);
    expect(save.mock.calls[2]?.[1].lanes.marketing?.cardIds).toEqual(['a', 'b']);
    expect(status()).toBe('saved');
  });

  it('never runs two saves at once; changes made during a save go out next', async () => {
    let release: (value: SavedState) => void = () => undefined;
    const save = vi.fn(() => new Promise<SavedState>((resolve) => (release = resolve)));
    autosave = startAutosave(save);
    addCard('a');
    await vi.advanceTimersByTimeAsync(autosaveDelayMs + 10);
    addCard('b');
    await vi.advanceTimersByTimeAsync(autosaveDelayMs + 10);
    expect(save).toHaveBeenCalledTimes(1);
    release({ savedAt: '2027-03-04T09:03:00.000Z' });
    await vi.advanceTimersByTimeAsync(0);
    expect(status()).toBe('saving');
    await vi.advanceTimersByTimeAsync(autosaveDelayMs + 10);
    expect(save).toHaveBeenCalledTimes(2);
    release({ savedAt: '2027-03-04T09:04:00.000Z' });
    await vi.advanceTimersByTimeAsync(0);
    expect(status()).toBe('saved');
  });

  it('flush saves pending changes at once and reports whether they reached the disk', async () => {
    const save = vi.fn(async (): Promise<SavedState> => ({ savedAt: '2027-03-04T09:05:00.000Z' }));
    autosave = startAutosave(save);
    addCard('a');
    await expect(autosave.flush()).resolves.toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
    await expect(autosave.flush()).resolves.toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
  });
});

/** A window stand-in: what `saveBeforeClosing` listens on, with a way to try closing it. */
function fakeWindow() {
  const listeners = new Set<(event: BeforeUnloadEvent) => void>();
  const close = vi.fn();
  return {
    close,
    addEventListener: (_type: string, listener: (event: BeforeUnloadEvent) => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: (event: BeforeUnloadEvent) => void) => listeners.delete(listener),
    /** Tries to close; true when the page would unload now. */
    tryClose(): boolean {
      const event = {
        defaultPrevented: false,
        preventDefault() {
          this.defaultPrevented = true;
        },
      };
      for (const listener of listeners) listener(event as unknown as BeforeUnloadEvent);
      return !event.defaultPrevented;
    },
  };
}

describe('closing the window', () => {
  it('holds a close back until a change made a moment ago is on disk, then closes', async () => {
    const save = vi.fn(async (_path: string, _session: Session): Promise<SavedState> => ({ savedAt: '2027-03-04T09:01:00.000Z' }));
    autosave = startAutosave(save);
    const win = fakeWindow();
    const guard = saveBeforeClosing(autosave, () => undefined, win as unknown as Window);
    expect(win.tryClose()).toBe(true); // nothing unsaved: closes at once
    addCard('a');
    expect(win.tryClose()).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]?.[1].lanes.marketing?.cardIds).toEqual(['a']);
    expect(win.close).toHaveBeenCalledTimes(1);
    expect(win.tryClose()).toBe(true);
    guard.cleanup();
  });

  it('stays open when that save fails and asks; only "close without saving" lets it go', async () => {
    const failure = new Error('{"code":"fileProblem","detail":"ENOSPC","reason":"diskFull","file":"workshop.nahtstelle"}');
    const save = vi.fn<(path: string, session: Session) => Promise<SavedState>>().mockRejectedValue(failure);
    autosave = startAutosave(save);
    const win = fakeWindow();
    const asked = vi.fn();
    const guard = saveBeforeClosing(autosave, asked, win as unknown as Window);
    addCard('a');
    expect(win.tryClose()).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(win.close).not.toHaveBeenCalled();
    expect(status()).toBe('failed');
    expect(asked).toHaveBeenCalledOnce();
    // A second close is no silent discard: it is held back and asks again.
    expect(win.tryClose()).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toHaveBeenCalledTimes(2);
    guard.closeWithoutSaving();
    expect(win.close).toHaveBeenCalledOnce();
    expect(win.tryClose()).toBe(true);
    guard.cleanup();
  });

  it('keeps guarding after a failed close once the disk takes saves again', async () => {
    const failure = new Error('{"code":"fileProblem","detail":"ENOSPC","reason":"diskFull","file":"workshop.nahtstelle"}');
    const save = vi
      .fn<(path: string, session: Session) => Promise<SavedState>>()
      .mockRejectedValueOnce(failure)
      .mockResolvedValue({ savedAt: '2027-03-04T09:02:00.000Z' });
    autosave = startAutosave(save);
    const win = fakeWindow();
    const guard = saveBeforeClosing(autosave, () => undefined, win as unknown as Window);
    addCard('a');
    expect(win.tryClose()).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(status()).toBe('failed');
    await vi.advanceTimersByTimeAsync(retryDelayMs + 10);
    expect(status()).toBe('saved');
    win.close.mockClear();
    addCard('b');
    // The change of a moment ago is not thrown away by the close.
    expect(win.tryClose()).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(save.mock.lastCall?.[1].lanes.marketing?.cardIds).toEqual(['a', 'b']);
    expect(win.close).toHaveBeenCalledOnce();
    guard.cleanup();
  });
});

describe('the loss stays within a second', () => {
  it('saves at most autosaveMaxWaitMs after the first change while changes keep coming (a held key, +/− voting)', async () => {
    const save = vi.fn(async (_path: string, _session: Session): Promise<SavedState> => ({ savedAt: '2027-03-04T09:06:00.000Z' }));
    autosave = startAutosave(save);
    expect(autosaveMaxWaitMs).toBeLessThan(1000);
    // A change every 100 ms for three seconds: the quiet time alone never runs out.
    for (let i = 0; i < 30; i++) {
      addCard(`c${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    // One save per max-wait, not one at the end.
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(Math.floor(3000 / (autosaveMaxWaitMs + 100)));
    const firstSaved = save.mock.calls[0]?.[1];
    expect(firstSaved?.lanes.marketing?.cardIds.length).toBeGreaterThanOrEqual(autosaveMaxWaitMs / 100 - 1);
  });

  it('writes text being typed in a field (a draft) with the document, without an undo step, and commits it before closing', async () => {
    const save = vi.fn(async (_path: string, _session: Session): Promise<SavedState> => ({ savedAt: '2027-03-04T09:07:00.000Z' }));
    autosave = startAutosave(save);
    setDraft('mission-field', () => useBoard.getState().dispatch({ type: 'setMission', text: 'Gemeinsam wachsen' }));
    expect(autosave.hasUnsaved()).toBe(true);
    await vi.advanceTimersByTimeAsync(autosaveMaxWaitMs + 10);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]?.[1].mission).toBe('Gemeinsam wachsen');
    // Only on disk so far: the document and its history have not changed.
    expect(useBoard.getState().history.present.mission).toBe('');
    expect(useBoard.getState().history.past).toHaveLength(0);
    expect(autosave.hasUnsaved()).toBe(false);

    const win = fakeWindow();
    const guard = saveBeforeClosing(autosave, () => undefined, win as unknown as Window);
    setDraft('mission-field', () => useBoard.getState().dispatch({ type: 'setMission', text: 'Gemeinsam wachsen, 2027' }));
    expect(win.tryClose()).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(hasDrafts()).toBe(false);
    expect(useBoard.getState().history.present.mission).toBe('Gemeinsam wachsen, 2027');
    expect(save.mock.lastCall?.[1].mission).toBe('Gemeinsam wachsen, 2027');
    expect(win.close).toHaveBeenCalledOnce();
    guard.cleanup();
  });
});
