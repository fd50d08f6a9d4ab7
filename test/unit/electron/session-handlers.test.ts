/**
 * The session verbs end to end below IPC: createHandlers with a real SessionFiles and
 * PreferencesStore in a temp folder, called through dispatchCall as IPC calls them.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, ApiVerb, NahtstelleApi, OpenedSession } from '../../../core/api';
import { addCard, deleteCard, editCardTitle } from '../../../core/operations';
import { sessionChanges } from '../../../core/session-changes';
import { parseSessionFile, serializeSession } from '../../../core/session-file';
import { createHandlers, dispatchCall, type ApiHandlers } from '../../../electron/ipc/handlers';
import { createTestServices, namesIn, sampleSession, type TestServices } from './main-services';

let t: TestServices;
let handlers: ApiHandlers;

beforeEach(async () => {
  t = await createTestServices();
  handlers = createHandlers(t.services);
});

afterEach(async () => {
  await t.cleanup();
});

function call<V extends ApiVerb>(verb: V, ...args: Parameters<NahtstelleApi[V]>): Promise<ApiResult> {
  return dispatchCall(handlers, verb, args);
}

/** The value of a call that must succeed. */
async function value<V extends ApiVerb>(verb: V, ...args: Parameters<NahtstelleApi[V]>): Promise<Awaited<ReturnType<NahtstelleApi[V]>>> {
  const result = await call(verb, ...args);
  if (!result.ok) throw new Error(`${verb} failed: ${JSON.stringify(result.error)}`);
  return result.value as Awaited<ReturnType<NahtstelleApi[V]>>;
}

/** A session saved in the sessions folder, as the app creates it. */
async function created(title = 'Kick-off Müller GmbH'): Promise<OpenedSession> {
  const opened = await value('createSession', { title }, 'blank');
  await value('saveSession', opened.path, sampleSession(opened.session.id, title));
  return { ...opened, session: sampleSession(opened.session.id, title) };
}

/** A session file written straight to disk, outside the sessions folder, that the app never listed. */
async function foreignFile(name = 'elsewhere.nahtstelle', text = serializeSession(sampleSession())): Promise<string> {
  const folder = join(t.root, 'elsewhere');
  await mkdir(folder, { recursive: true });
  const path = join(folder, name);
  await writeFile(path, text);
  return path;
}

describe('session files through the handlers', () => {
  it('creates a session, lists it, saves it and reopens the same board', async () => {
    const opened = await value('createSession', { title: 'Kick-off Müller GmbH', client: 'Müller GmbH' }, 'blank');
    expect(opened.path.startsWith(t.sessionsFolder)).toBe(true);
    expect(opened.path).toMatch(/kick-off-mueller-gmbh-[0-9a-f]{8}\.nahtstelle$/);
    expect(t.preferences.lastSession).toBe(opened.path);
    expect(t.preferences.recentFiles).toEqual([opened.path]);

    const listed = await value('listSessions');
    expect(listed).toEqual([expect.objectContaining({ path: opened.path, title: 'Kick-off Müller GmbH', client: 'Müller GmbH', problem: null })]);

    const board = sampleSession(opened.session.id);
    expect(await value('saveSession', opened.path, board)).toEqual({ savedAt: expect.any(String), revision: expect.any(String) });
    const reopened = await value('openSession', opened.path);
    expect(reopened).toMatchObject({ path: opened.path, fromBackup: false });
    expect(reopened?.session).toEqual(board);
    expect((await value('listSessions'))[0]).toMatchObject({ cardCount: 2 });
  });

  it.each([
    ['a system file', '/etc/passwd.nahtstelle'],
    ['a file in another folder', 'elsewhere'],
  ])('refuses to save to %s the app never handed out, and writes nothing', async (_case, target) => {
    const path = target === 'elsewhere' ? await foreignFile() : target;
    const before = await readFile(path, 'utf8').catch(() => null);
    const result = await call('saveSession', path, sampleSession());
    expect(result).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
    expect(await readFile(path, 'utf8').catch(() => null)).toBe(before);
    if (target === 'elsewhere') expect(await namesIn(join(t.root, 'elsewhere'))).toEqual(['elsewhere.nahtstelle']);
  });

  it('opens and saves a session file whose extension is in capitals (X.NAHTSTELLE from Explorer or Finder)', async () => {
    const path = await foreignFile('KICK-OFF.NAHTSTELLE');
    t.answers.sessionFile = path;
    expect((await value('openSessionFromDisk'))?.path).toBe(path);
    await value('saveSession', path, sampleSession('a1b2c3d4-0000-4000-8000-000000000001', 'Groß'));
    expect((await value('openSession', path))?.session.details.title).toBe('Groß');
  });

  it('saves to a file from another folder once the facilitator chose it in the open dialog', async () => {
    const path = await foreignFile();
    t.answers.sessionFile = path;
    await value('openSessionFromDisk');
    const board = sampleSession('a1b2c3d4-0000-4000-8000-000000000001', 'Umbenannt');
    await value('saveSession', path, board);
    expect((await value('openSession', path))?.session.details.title).toBe('Umbenannt');
  });

  it.each([
    ['a file of another type', '/etc/passwd'],
    ['a relative path', 'sessions/kick-off.nahtstelle'],
    ['a look-alike extension', '/tmp/kick-off.nahtstelle.exe'],
  ])('refuses to open %s with notAllowed', async (_case, path) => {
    expect(await call('openSession', path)).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
    expect(t.preferences.lastSession).toBeNull();
    expect(t.preferences.recentFiles).toEqual([]);
  });

  it('refuses a session whose card stands in two lanes, and leaves the file as it was', async () => {
    const { path, session } = await created();
    const before = await readFile(path, 'utf8');
    const marketing = session.lanes.marketing;
    const sales = session.lanes.sales;
    if (!marketing || !sales) throw new Error('sample session without lanes');
    const broken = { ...session, lanes: { ...session.lanes, sales: { ...sales, cardIds: [...sales.cardIds, 'card-1'] } } };
    expect(marketing.cardIds).toContain('card-1');

    const result = await dispatchCall(handlers, 'saveSession', [path, broken]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidArguments', detail: expect.stringContaining('saveSession') } });
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('reopens the session that was open when the app stopped (also after a crash)', async () => {
    const { path, session } = await created();
    // A new run: new handlers over the same preferences and folder.
    const state = await createHandlers(t.services).getStartupState();
    expect(state).toMatchObject({ systemLocale: 'de-DE', problem: null, session: { path, session, fromBackup: false } });
    expect(state.preferences).toEqual(t.preferences.all);
  });

  it('reads the last session as main starts, once: a reload reads the file as it is then', async () => {
    const { path, session } = await created('Vor dem Start');
    const read = vi.spyOn(t.services.sessionFiles, 'read');
    const handlers = createHandlers(t.services);
    // Read before the window asks (the window is still loading) ...
    await vi.waitFor(() => expect(read).toHaveBeenCalledExactlyOnceWith(path));
    expect(await handlers.getStartupState()).toMatchObject({ session: { path, session } });
    expect(read).toHaveBeenCalledOnce();
    // ... and the page reloaded after another program changed the file gets the new version.
    const changed = { ...session, details: { ...session.details, title: 'Nach dem Sync' } };
    await writeFile(path, serializeSession(changed));
    expect(await handlers.getStartupState()).toMatchObject({ session: { path, session: { details: { title: 'Nach dem Sync' } } } });
    read.mockRestore();
  });

  it('prepares the startup state for the control page being served; that page’s getStartupState takes it, a later call reads anew', async () => {
    const { path, session } = await created('Erster Blick');
    const read = vi.spyOn(t.services.sessionFiles, 'read');
    const handlers = createHandlers(t.services);
    // The page is served (its first frame rendered from this state) ...
    const prepared = await handlers.prepareStartupState();
    expect(prepared).toMatchObject({ session: { path, session } });
    // ... and asks: the same state, the same held version, no second read.
    expect(await handlers.getStartupState()).toBe(prepared);
    expect(read).toHaveBeenCalledOnce();
    const changed = { ...session, details: { ...session.details, title: 'Weiter' } };
    const saved = await handlers.saveSessionChanges(path, sessionChanges(session, prepared.session?.revision ?? '', changed));
    expect(saved).not.toBeNull();
    // A page that asks again without being served (nothing prepared) gets the file as it is now.
    expect(await handlers.getStartupState()).toMatchObject({ session: { session: { details: { title: 'Weiter' } } } });
    expect(read).toHaveBeenCalledTimes(2);
    read.mockRestore();
  });

  it('forgets a prepared startup state when another call comes first: no page was served with it', async () => {
    const first = await created('Vorher');
    const handlers = createHandlers(t.services);
    await handlers.prepareStartupState();
    // A session opened before any page asked (no page came with that state) ...
    const second = await handlers.createSession({ title: 'Nachher' }, 'blank');
    // ... is what the next page starts with.
    expect(await handlers.getStartupState()).toMatchObject({ session: { path: second.path } });
    expect(second.path).not.toBe(first.path);
  });

  it('drops a state prepared while a file from outside was being opened, once that open ends: the page starts with that file', async () => {
    const earlier = await created('Letzte Sitzung');
    const chosen = await created('Doppelklick');
    const handlers = createHandlers(t.services);
    await handlers.openChosenSession(earlier.path);
    const opening = handlers.openChosenSession(chosen.path);
    // The page is served while the file is still being read: its state names the session before.
    const during = handlers.prepareStartupState();
    expect(handlers.isStillPrepared(during)).toBe(true);
    await opening;
    expect(handlers.isStillPrepared(during)).toBe(false);
    expect(await handlers.getStartupState()).toMatchObject({ session: { path: chosen.path } });
  });

  it('reports a damaged last session as the startup problem and stops reopening it', async () => {
    const { path } = await created();
    await writeFile(path, '{"format":"nahtstelle-session","version":1,"sess');
    const state = await createHandlers(t.services).getStartupState();
    expect(state.session).toBeNull();
    expect(state.problem).toMatchObject({ code: 'fileProblem', reason: 'notJson', file: expect.stringMatching(/\.nahtstelle$/) });
    expect(t.preferences.lastSession).toBeNull();
    expect(await readFile(path, 'utf8')).toBe('{"format":"nahtstelle-session","version":1,"sess');
  });

  it('starts on the library when no session was open', async () => {
    expect(await value('getStartupState')).toMatchObject({ session: null, problem: null, preferences: { sessionsFolder: t.sessionsFolder } });
  });

  it('moves a deleted session to the trash and forgets it', async () => {
    const { path } = await created();
    await value('deleteSession', path);
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await namesIn(t.trashFolder)).toContain(path.slice(t.sessionsFolder.length + 1));
    expect(t.preferences.recentFiles).toEqual([]);
    expect(t.preferences.lastSession).toBeNull();
  });

  it('renames the file with the title and follows it in the last session and recent files', async () => {
    const { path } = await created('Kick-off');
    const renamed = await value('renameSession', path, 'Strategietag Vertrieb');
    expect(renamed.path).not.toBe(path);
    expect(renamed.path).toMatch(/strategietag-vertrieb-[0-9a-f]{8}\.nahtstelle$/);
    expect(renamed.title).toBe('Strategietag Vertrieb');
    expect(t.preferences.lastSession).toBe(renamed.path);
    expect(t.preferences.recentFiles).toEqual([renamed.path]);
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    // The renamed file is one the app handed out: saving to it is allowed.
    expect(await call('saveSession', renamed.path, sampleSession(undefined, 'Strategietag Vertrieb'))).toMatchObject({ ok: true });
  });

  it('moves the session files along to a newly chosen folder', async () => {
    const first = await created('Eins');
    const second = await created('Zwei');
    const target = join(t.root, 'stick');
    t.answers.folder = target;
    const preferences = await value('chooseSessionsFolder', true);
    expect(preferences).toMatchObject({ sessionsFolder: target });
    expect(t.preferences.sessionsFolder).toBe(target);
    const moved = await namesIn(target);
    expect(moved.filter((name) => name.endsWith('.nahtstelle'))).toHaveLength(2);
    for (const { path } of [first, second]) await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await value('listSessions')).map((summary) => summary.title).sort()).toEqual(['Eins', 'Zwei']);
  });

  it('changes the folder without moving files when asked so, and does nothing when cancelled', async () => {
    const { path } = await created();
    expect(await value('chooseSessionsFolder', true)).toBeNull();
    expect(t.preferences.sessionsFolder).toBe(t.sessionsFolder);

    t.answers.folder = join(t.root, 'other');
    expect(await value('chooseSessionsFolder', false)).toMatchObject({ sessionsFolder: join(t.root, 'other') });
    expect((await stat(path)).isFile()).toBe(true);
    expect(await value('listSessions')).toEqual([]);
  });

  it('saves a copy where the dialog says, adding the extension when it is missing', async () => {
    const board = sampleSession();
    t.answers.saveAsPath = join(t.root, 'Kopie für Kunden');
    const path = await value('saveSessionAs', board);
    expect(path).toBe(join(t.root, 'Kopie für Kunden.nahtstelle'));
    expect(t.dialogs.chooseSaveAsPath).toHaveBeenCalledExactlyOnceWith('Kick-off Müller GmbH.nahtstelle');
    expect((await value('openSession', path ?? ''))?.session).toEqual(board);
    expect(t.preferences.recentFiles[0]).toBe(path);

    t.answers.saveAsPath = join(t.root, 'zweite.nahtstelle');
    expect(await value('saveSessionAs', board)).toBe(join(t.root, 'zweite.nahtstelle'));
  });

  it('writes no copy when the save-as dialog is cancelled', async () => {
    expect(await value('saveSessionAs', sampleSession())).toBeNull();
    expect(await namesIn(t.root)).toEqual([]);
  });

  it('opens a file the open dialog picks, and nothing when it is cancelled', async () => {
    expect(await value('openSessionFromDisk')).toBeNull();
    const path = await foreignFile();
    t.answers.sessionFile = path;
    expect(await value('openSessionFromDisk')).toMatchObject({ path, session: sampleSession() });
    expect(t.preferences.lastSession).toBe(path);
  });

  it('forgets the last session when the facilitator closes it', async () => {
    await created();
    await value('closeSession');
    expect(t.preferences.lastSession).toBeNull();
    expect(await createHandlers(t.services).getStartupState()).toMatchObject({ session: null, problem: null });
  });

  it('shows a session file in the file manager', async () => {
    const { path } = await created();
    await value('revealSession', path);
    expect(t.reveal).toHaveBeenCalledExactlyOnceWith(path);
  });

  it('keeps theme and language in the preferences', async () => {
    await value('setTheme', 'dark');
    await value('setLanguage', 'en');
    expect((await value('getStartupState')).preferences).toMatchObject({ theme: 'dark', language: 'en' });
    expect(await call('setTheme', 'pink' as 'dark')).toMatchObject({ ok: false, error: { code: 'invalidArguments' } });
  });
});

/**
 * Write access only to what the user chose (docs/security.md): a path the page names but main never
 * learned from the user is refused by every path verb, and the file stays byte for byte as it was.
 */
describe('paths the user never chose', () => {
  const pathVerbs = {
    openSession: (path: string) => call('openSession', path),
    openBackup: (path: string) => call('openBackup', path),
    saveSession: (path: string) => call('saveSession', path, sampleSession('a1b2c3d4-0000-4000-8000-000000000009', 'Überschrieben')),
    duplicateSession: (path: string) => call('duplicateSession', path),
    renameSession: (path: string) => call('renameSession', path, 'Umbenannt'),
    deleteSession: (path: string) => call('deleteSession', path),
    revealSession: (path: string) => call('revealSession', path),
  } satisfies Partial<Record<ApiVerb, (path: string) => Promise<ApiResult>>>;

  it.each(Object.keys(pathVerbs) as (keyof typeof pathVerbs)[])(
    '%s refuses a file the user never chose and leaves it byte-identical',
    async (verb) => {
      const path = await foreignFile();
      // A backup beside it, so that openBackup would have had something to open.
      await writeFile(`${path}.bak`, serializeSession(sampleSession()));
      const before = await readFile(path);
      const folderBefore = await namesIn(join(t.root, 'elsewhere'));

      // Opening asks main's dialog first (declined here): nothing opens. Every other verb refuses.
      const refused = verb === 'openSession' ? { ok: true, value: null } : { ok: false, error: { code: 'notAllowed' } };
      expect(await pathVerbs[verb](path)).toMatchObject(refused);

      expect(await readFile(path)).toEqual(before);
      expect(await namesIn(join(t.root, 'elsewhere'))).toEqual(folderBefore);
      expect(await namesIn(t.sessionsFolder)).toEqual([]);
      expect(await namesIn(t.trashFolder)).toEqual([]);
      expect(t.reveal).not.toHaveBeenCalled();
      expect(t.preferences.lastSession).toBeNull();
      expect(t.preferences.recentFiles).toEqual([]);
    },
  );

  it('asks main to confirm a file the page names (a drop), and opens nothing when the facilitator declines', async () => {
    const path = await foreignFile();
    expect(await call('openSession', path)).toEqual({ ok: true, value: null });
    expect(t.dialogs.confirmOpenFile).toHaveBeenCalledExactlyOnceWith(path);
    // Declined means not chosen: the file stays out of reach.
    expect(await call('saveSession', path, sampleSession())).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
  });

  it('opens and saves a dropped file once the facilitator confirmed it in main’s dialog', async () => {
    const path = await foreignFile();
    t.answers.confirmOpen = true;
    await value('openSession', path);
    await value('saveSession', path, sampleSession('a1b2c3d4-0000-4000-8000-000000000001', 'Bestätigt'));
    expect((await value('openSession', path))?.session.details.title).toBe('Bestätigt');
    // Once chosen, the file is not asked about again.
    expect(t.dialogs.confirmOpenFile).toHaveBeenCalledOnce();
  });

  it('does not make a missing file writable by opening its backup', async () => {
    const path = join(t.root, 'elsewhere', 'missing.nahtstelle');
    await mkdir(join(t.root, 'elsewhere'), { recursive: true });
    await writeFile(`${path}.bak`, serializeSession(sampleSession()));
    expect(await call('openBackup', path)).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
    expect(await call('saveSession', path, sampleSession())).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
    expect(await namesIn(join(t.root, 'elsewhere'))).toEqual(['missing.nahtstelle.bak']);
  });

  it.each([
    ['a UNC path', '\\\\evil-server\\share\\kick-off.nahtstelle'],
    ['a UNC path with slashes', '//evil-server/share/kick-off.nahtstelle'],
    ['a device path', '\\\\?\\C:\\kick-off.nahtstelle'],
    ['a reserved device name', '/sessions/NUL.nahtstelle'],
  ])('refuses %s on every verb, without asking or touching it', async (_case, path) => {
    t.answers.confirmOpen = true;
    for (const run of Object.values(pathVerbs)) expect(await run(path)).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
    expect(t.dialogs.confirmOpenFile).not.toHaveBeenCalled();
    expect(t.reveal).not.toHaveBeenCalled();
  });

  it('does not reopen a last session whose path is no session file path', async () => {
    t.preferences.setLastSession('//evil-server/share/kick-off.nahtstelle');
    const state = await value('getStartupState');
    expect(state.session).toBeNull();
    expect(state.problem).toMatchObject({ code: 'notAllowed' });
    expect(t.preferences.lastSession).toBeNull();
  });

  it('writes no session whose participants share an id (the app would refuse to open it)', async () => {
    const participant = { id: 'p1', name: 'Ana', department: 'marketing' as const };
    const result = await call('createSession', { title: 'Doppelt', participants: [participant, { ...participant, name: 'Ben' }] }, 'blank');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidArguments' } });
    expect(await namesIn(t.sessionsFolder)).toEqual([]);
  });
});

describe('autosave as changes (saveSessionChanges)', () => {
  /** The file's board as the app reads it back. */
  async function onDisk(path: string): Promise<unknown> {
    const loaded = parseSessionFile(await readFile(path, 'utf8'));
    if (!loaded.ok) throw new Error(`The file does not load: ${loaded.problem}`);
    return loaded.session;
  }

  it('saves the changes to the version saved last, and the file holds the whole board', async () => {
    const opened = await created();
    const base = sampleSession(opened.session.id, 'Kick-off Müller GmbH');
    const first = await value('saveSession', opened.path, base);
    const now = addCard(deleteCard(editCardTitle(base, 'card-1', 'Leads aus der Hausmesse'), 'card-2'), 'card-3', 'sales', 'Angebot');
    const changes = sessionChanges(base, first.revision, now);
    expect(Object.keys(changes.session.cards).sort()).toEqual(['card-1', 'card-3']);
    expect(changes.removedCards).toEqual(['card-2']);

    const second = await value('saveSessionChanges', opened.path, changes);
    expect(second?.revision).toMatch(/\S/);
    expect(second?.revision).not.toBe(first.revision);
    expect(await onDisk(opened.path)).toEqual(now);
    // The next changes start from the version just saved.
    const later = editCardTitle(now, 'card-3', 'Angebot bis Freitag');
    await value('saveSessionChanges', opened.path, sessionChanges(now, second?.revision ?? '', later));
    expect(await onDisk(opened.path)).toEqual(later);
  });

  it('answers null for a version it does not hold, and writes nothing', async () => {
    const one = await created('Eins');
    const two = await created('Zwei');
    const base = sampleSession(one.session.id, 'Eins');
    const saved = await value('saveSession', one.path, base);
    const before = await readFile(one.path, 'utf8');
    const changed = editCardTitle(base, 'card-1', 'Neu');
    expect(await value('saveSessionChanges', one.path, sessionChanges(base, 'not-a-version', changed))).toBeNull();
    // Another file saved since: main holds that one's version now.
    await value('saveSession', two.path, sampleSession(two.session.id, 'Zwei'));
    expect(await value('saveSessionChanges', one.path, sessionChanges(base, saved.revision, changed))).toBeNull();
    expect(await readFile(one.path, 'utf8')).toBe(before);
  });

  it('refuses changes that would break the board, or are no cards, naming the problem, and writes nothing', async () => {
    const opened = await created();
    const base = sampleSession(opened.session.id, 'Kick-off Müller GmbH');
    const { revision } = await value('saveSession', opened.path, base);
    const before = await readFile(opened.path, 'utf8');
    // card-2 removed, but its lane still lists it.
    const dangling = await call('saveSessionChanges', opened.path, { base: revision, session: { ...base, cards: {} }, removedCards: ['card-2'] });
    expect(dangling).toMatchObject({ ok: false, error: { code: 'invalidArguments', detail: expect.stringContaining('card-2') } });
    const notACard = await call('saveSessionChanges', opened.path, {
      base: revision,
      session: { ...base, cards: { 'card-1': { title: 'kein Karte' } } },
      removedCards: [],
    } as never);
    expect(notACard).toMatchObject({ ok: false, error: { code: 'invalidArguments' } });
    expect(await readFile(opened.path, 'utf8')).toBe(before);
    // The version stays: the next good changes still go through.
    const changed = editCardTitle(base, 'card-1', 'Neu');
    expect(await value('saveSessionChanges', opened.path, sessionChanges(base, revision, changed))).not.toBeNull();
    expect(await onDisk(opened.path)).toEqual(changed);
  });

  it('refuses changes to a file the facilitator did not choose', async () => {
    const path = await foreignFile();
    const result = await call('saveSessionChanges', path, { base: 'r', session: sampleSession(), removedCards: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
  });
});
