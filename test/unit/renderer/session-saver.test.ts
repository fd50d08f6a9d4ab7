/**
 * Autosave's way to main (saveOpenSession) against the real handlers and files: what travels,
 * and that the file always holds the board as it is.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiVerb, NahtstelleApi, OpenedSession } from '../../../core/api';
import type { Session } from '../../../core/model';
import { addCard, editCardTitle } from '../../../core/operations';
import { parseSessionFile } from '../../../core/session-file';
import { createHandlers, dispatchCall, type ApiHandlers } from '../../../electron/ipc/handlers';
import { openedVersion, saveOpenSession } from '../../../renderer/src/store/session-saver';
import { createTestServices, sampleSession, type TestServices } from '../electron/main-services';

let t: TestServices;
let handlers: ApiHandlers;

beforeEach(async () => {
  t = await createTestServices();
  handlers = createHandlers(t.services);
});
afterEach(async () => {
  await t.cleanup();
});

/** A verb as the bridge calls it: the arguments cloned as IPC clones them, main's error as a rejection. */
function verb<V extends 'saveSession' | 'saveSessionChanges'>(name: V) {
  return vi.fn(async (...args: Parameters<NahtstelleApi[V]>): Promise<Awaited<ReturnType<NahtstelleApi[V]>>> => {
    const result = await dispatchCall(handlers, name satisfies ApiVerb, structuredClone(args));
    if (!result.ok) throw new Error(result.error.code);
    return result.value as Awaited<ReturnType<NahtstelleApi[V]>>;
  });
}

/** A new session file, as the library creates it: its path. */
async function createdPath(title: string): Promise<string> {
  const result = await dispatchCall(handlers, 'createSession', [{ title }, 'blank']);
  if (!result.ok) throw new Error(result.error.code);
  return (result.value as OpenedSession).path;
}

async function onDisk(path: string): Promise<Session> {
  const loaded = parseSessionFile(await readFile(path, 'utf8'));
  if (!loaded.ok) throw new Error(loaded.problem);
  return loaded.session;
}

describe('saveOpenSession', () => {
  it('sends the whole session once, then only the card that changed; the file holds the board each time', async () => {
    const path = await createdPath('Kick-off');
    const api = { saveSession: verb('saveSession'), saveSessionChanges: verb('saveSessionChanges') };
    const save = (path: string, session: Session) => saveOpenSession(api, path, session);
    let board = sampleSession('s1', 'Kick-off');
    await save(path, board);
    expect(api.saveSession).toHaveBeenCalledTimes(1);
    expect(await onDisk(path)).toEqual(board);

    board = editCardTitle(board, 'card-1', 'Leads aus der Hausmesse');
    await save(path, board);
    expect(api.saveSessionChanges).toHaveBeenCalledTimes(1);
    expect(Object.keys(api.saveSessionChanges.mock.calls[0]?.[1].session.cards ?? {})).toEqual(['card-1']);
    expect(await onDisk(path)).toEqual(board);

    board = addCard(board, 'card-3', 'sales', 'Angebot');
    await save(path, board);
    expect(api.saveSession).toHaveBeenCalledTimes(1);
    expect(await onDisk(path)).toEqual(board);
  });

  it('the first save after opening sends only the changes to the version main read', async () => {
    const path = await createdPath('Kick-off');
    await dispatchCall(handlers, 'saveSession', [path, sampleSession('s1', 'Kick-off')]);
    const reopened = (await dispatchCall(handlers, 'openSession', [path])) as { ok: true; value: OpenedSession };
    expect(reopened.value.revision).toMatch(/\S/);
    const received = structuredClone(reopened.value);
    openedVersion(received);
    const api = { saveSession: verb('saveSession'), saveSessionChanges: verb('saveSessionChanges') };
    const board = editCardTitle(received.session, 'card-2', 'Übergabe am Montag');
    await saveOpenSession(api, received.path, board);
    expect(api.saveSession).not.toHaveBeenCalled();
    expect(Object.keys(api.saveSessionChanges.mock.calls[0]?.[1].session.cards ?? {})).toEqual(['card-2']);
    expect(await onDisk(received.path)).toEqual(board);
  });

  it('sends the whole session again when main no longer holds the version, or for another file', async () => {
    const one = await createdPath('Eins');
    const two = await createdPath('Zwei');
    const api = { saveSession: verb('saveSession'), saveSessionChanges: verb('saveSessionChanges') };
    const save = (path: string, session: Session) => saveOpenSession(api, path, session);
    let board = sampleSession('s1', 'Eins');
    await save(one, board);
    // Main started anew (a fresh handler table holds no version).
    handlers = createHandlers(t.services);
    board = editCardTitle(board, 'card-1', 'Neu');
    await save(one, board);
    expect(api.saveSessionChanges).toHaveBeenCalledTimes(1);
    expect(api.saveSession).toHaveBeenCalledTimes(2);
    expect(await onDisk(one)).toEqual(board);

    await save(two, sampleSession('s2', 'Zwei'));
    expect(api.saveSessionChanges).toHaveBeenCalledTimes(1);
    expect(api.saveSession).toHaveBeenCalledTimes(3);
  });

  it('after a failed save, the retry sends the changes from the version on disk, and loses none', async () => {
    const path = await createdPath('Kick-off');
    const saveSessionChanges = verb('saveSessionChanges');
    const api = { saveSession: verb('saveSession'), saveSessionChanges };
    const save = (path: string, session: Session) => saveOpenSession(api, path, session);
    const first = sampleSession('s1', 'Kick-off');
    await save(path, first);
    const second = editCardTitle(first, 'card-1', 'Zwei');
    saveSessionChanges.mockRejectedValueOnce(new Error('writeFailed'));
    await expect(save(path, second)).rejects.toThrow('writeFailed');
    const third = editCardTitle(second, 'card-2', 'Drei');
    await save(path, third);
    expect(Object.keys(saveSessionChanges.mock.calls[1]?.[1].session.cards ?? {}).sort()).toEqual(['card-1', 'card-2']);
    expect(await onDisk(path)).toEqual(third);
  });
});
