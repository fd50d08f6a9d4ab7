/**
 * Preferences never stop the app or fail a session operation (issue 11, points 2 and 3): a damaged
 * preferences.json starts the app with defaults and is kept aside; a preferences file that cannot
 * be written leaves preferences in memory for the run. Real `conf` (what electron-store runs on).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../electron/ipc/handlers';
import { PreferencesStore } from '../../../electron/services/preferences';
import { MemoryPreferences, type PersistentStore } from '../../../electron/services/preferences-memory';
import { SessionFiles } from '../../../electron/services/session-files';
import { createTestServices } from '../electron/main-services';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'nahtstelle-prefs-'));
  folders.push(folder);
  return folder;
}

const quiet = { log: () => undefined, now: () => new Date('2027-03-04T09:05:06.789Z') };

function openPreferences(dir: string): { memory: MemoryPreferences; preferences: PreferencesStore } {
  const memory = new MemoryPreferences(
    () => new Conf({ cwd: dir, configName: 'preferences', projectName: 'nahtstelle' }),
    join(dir, 'preferences.json'),
    quiet,
  );
  return { memory, preferences: new PreferencesStore(memory, join(dir, 'sessions')) };
}

const damagedContents: [string, Uint8Array | string][] = [
  ['truncated', '{"language":"de","theme":"da'],
  ['zero-length', ''],
  ['binary', new Uint8Array([0x00, 0xff, 0xfe, 0x13, 0x37, 0x80, 0x81])],
  ['hand-broken', "{ language: 'de', }"],
];

describe('MemoryPreferences: a damaged preferences file', () => {
  for (const [kind, contents] of damagedContents) {
    it(`${kind}: starts with defaults, keeps the file aside as preferences.json.damaged-<time>, says so once`, async () => {
      const dir = await dataDir();
      await writeFile(join(dir, 'preferences.json'), contents);
      const { memory, preferences } = openPreferences(dir);
      expect(preferences.all).toMatchObject({ language: null, theme: 'system', recentFiles: [] });
      const names = await readdir(dir);
      expect(names).toContain('preferences.json.damaged-2027-03-04T09-05-06Z');
      expect(await readFile(join(dir, 'preferences.json.damaged-2027-03-04T09-05-06Z'))).toEqual(Buffer.from(contents));
      expect(memory.takeProblem()).toMatchObject({ kind: 'damaged', keptAs: join(dir, 'preferences.json.damaged-2027-03-04T09-05-06Z') });
      expect(memory.takeProblem()).toBeNull();
      // And the next change is written to a fresh, valid file.
      preferences.setTheme('dark');
      expect(JSON.parse(await readFile(join(dir, 'preferences.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
    });
  }

  it('the web host starts the app, and getStartupState tells the UI once', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'preferences.json'), '{"lastSession": "/x.nahtst');
    const { preferences } = openPreferences(dir);
    const handlers = createHandlers({ ...(await createTestServices()).services, preferences });
    const first = await handlers.getStartupState();
    expect(first.preferencesProblem).toEqual({ kind: 'damaged', keptAs: 'preferences.json.damaged-2027-03-04T09-05-06Z' });
    expect((await handlers.getStartupState()).preferencesProblem).toBeNull();
  });
});

describe('MemoryPreferences: preference writes never fail a session operation', () => {
  /** A store whose every write fails like a full or read-only disk. */
  function failingStore(values: Record<string, unknown> = {}): PersistentStore {
    return {
      path: '/nowhere/preferences.json',
      get store() {
        return { ...values };
      },
      set store(_value) {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
  }

  it('keeps the value in memory, reports the failure once', () => {
    const log = vi.fn();
    const memory = new MemoryPreferences(() => failingStore({ theme: 'light' }), '/nowhere/preferences.json', { log });
    const preferences = new PreferencesStore(memory, '/sessions');
    expect(preferences.theme).toBe('light');
    expect(() => preferences.setTheme('dark')).not.toThrow();
    expect(preferences.theme).toBe('dark');
    preferences.setLanguage('de');
    expect(log).toHaveBeenCalledOnce();
    expect(memory.takeProblem()).toMatchObject({ kind: 'notSaved' });
    expect(memory.takeProblem()).toBeNull();
  });

  it('opening and creating sessions succeed once, with the disk refusing preference writes', async () => {
    const t = await createTestServices();
    try {
      const preferences = new PreferencesStore(new MemoryPreferences(() => failingStore(), '/nowhere/preferences.json', quiet), t.sessionsFolder);
      const handlers = createHandlers({
        ...t.services,
        preferences,
        sessionFiles: new SessionFiles({ folder: () => preferences.sessionsFolder, trash: async () => undefined }),
      });
      const created = await handlers.createSession({ title: 'Kick-off' }, 'blank');
      expect(await readdir(t.sessionsFolder)).toHaveLength(1);
      await expect(handlers.openSession(created.path)).resolves.toMatchObject({ path: created.path });
      await expect(handlers.saveSession(created.path, created.session)).resolves.toHaveProperty('savedAt');
      await expect(handlers.getStartupState()).resolves.toMatchObject({ session: { path: created.path } });
    } finally {
      await t.cleanup();
    }
  });

  it('a preferences file damaged while the app runs does not stop saving; the next change replaces it', async () => {
    const dir = await dataDir();
    const { preferences } = openPreferences(dir);
    preferences.setSessionsFolder(join(dir, 'elsewhere'));
    await writeFile(join(dir, 'preferences.json'), '\u0000garbage');
    expect(preferences.sessionsFolder).toBe(join(dir, 'elsewhere'));
    const sessionFiles = new SessionFiles({ folder: () => preferences.sessionsFolder, trash: async () => undefined });
    const handlers = createHandlers({ ...(await createTestServices()).services, preferences, sessionFiles });
    await mkdir(join(dir, 'elsewhere'));
    const { path, session } = await handlers.createSession({ title: 'Pitch' }, 'blank');
    await expect(handlers.saveSession(path, session)).resolves.toHaveProperty('savedAt');
    expect(JSON.parse(await readFile(join(dir, 'preferences.json'), 'utf8'))).toMatchObject({ lastSession: path });
  });
});
