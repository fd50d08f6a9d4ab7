import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiEvents, eventChannel, type OpenedSession } from '../../../core/api';
import { serializeSession } from '../../../core/session-file';
import { createHandlers, type MainHandlers } from '../../../electron/ipc/handlers';
import { listenForOpenFiles, openProblemOf, sessionPathsFromArgv, type OpenFilesTarget } from '../../../electron/open-files';
import { createMainWindow, findMainWindow, showMainWindow } from '../../../electron/windows';
import { app, FakeBrowserWindow, FakeEvent, fakeWindow, type FakeBrowserWindow as FakeWindow } from '../fakes/electron';
import { createTestServices, sampleSession, type TestServices } from './main-services';

describe('sessionPathsFromArgv', () => {
  const cwd = '/home/ana/Workshops';

  it.each([
    ['a packaged app', ['/opt/Nahtstelle/nahtstelle', '/home/ana/kick-off.nahtstelle'], ['/home/ana/kick-off.nahtstelle']],
    ['development (electron .)', ['/x/node_modules/electron/dist/electron', '.', '/home/ana/kick-off.nahtstelle'], ['/home/ana/kick-off.nahtstelle']],
    ['a relative path, against the working directory', ['nahtstelle', 'kick-off.nahtstelle'], ['/home/ana/Workshops/kick-off.nahtstelle']],
    ['a path with ..', ['nahtstelle', '../Archiv/alt.nahtstelle'], ['/home/ana/Archiv/alt.nahtstelle']],
    ['switches (Chromium’s, macOS’s -psn_)', ['nahtstelle', '--original-process-start-time=1', '-psn_0_1234', '--x=a.nahtstelle'], []],
    ['other files', ['nahtstelle', 'notes.txt', 'kick-off.nahtstelle.bak', 'kick-off.nahtstelle.txt'], []],
    [
      'the extension in capitals, as Explorer and Finder hand it over',
      ['nahtstelle', 'KICK-OFF.NAHTSTELLE'],
      ['/home/ana/Workshops/KICK-OFF.NAHTSTELLE'],
    ],
    ['an absolute path with the extension in mixed case', ['nahtstelle', '/home/ana/Plan.Nahtstelle'], ['/home/ana/Plan.Nahtstelle']],
    ['the app itself, even if its name looked like a session', ['/opt/weird.nahtstelle'], []],
    [
      'a file: URL (Linux desktops)',
      ['nahtstelle', pathToFileURL('/home/ana/Müller Kick-off.nahtstelle').href],
      ['/home/ana/Müller Kick-off.nahtstelle'],
    ],
    ['a file: URL of another host', ['nahtstelle', 'file://server/share/a.nahtstelle'], []],
    [
      'several files, each once, in order',
      ['nahtstelle', 'b.nahtstelle', '/a.nahtstelle', 'b.nahtstelle'],
      ['/home/ana/Workshops/b.nahtstelle', '/a.nahtstelle'],
    ],
    ['nothing', [], []],
  ])('%s', (_case, argv, expected) => {
    expect(sessionPathsFromArgv(argv, cwd)).toEqual(expected);
  });
});

describe('openProblemOf', () => {
  it('passes on the ApiError an error carries, and makes anything else internal', () => {
    const apiError = { code: 'fileProblem', detail: 'd', reason: 'notJson', file: 'a.nahtstelle' } as const;
    expect(openProblemOf(Object.assign(new Error('x'), { apiError }))).toEqual(apiError);
    expect(openProblemOf(new Error('disk on fire'))).toEqual({ code: 'internal', detail: 'disk on fire' });
    expect(openProblemOf('odd')).toEqual({ code: 'internal', detail: 'odd' });
    expect(openProblemOf(Object.assign(new Error('x'), { apiError: { code: 'nonsense' } }))).toEqual({ code: 'internal', detail: 'x' });
  });
});

describe('listenForOpenFiles', () => {
  let t: TestServices;
  let handlers: MainHandlers;
  let target: OpenFilesTarget & { readonly showMainWindow: ReturnType<typeof vi.fn> };

  beforeEach(async () => {
    t = await createTestServices();
    handlers = createHandlers(t.services);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    target = {
      openSession: (path) => handlers.openChosenSession(path),
      mainWindow: () => findMainWindow() ?? createMainWindow(),
      showMainWindow: vi.fn(() => void showMainWindow()),
    };
  });

  afterEach(async () => {
    await t.cleanup();
  });

  /** A valid session file outside the sessions folder, as one gets by e-mail. */
  async function sessionFile(name = 'kick-off.nahtstelle', text = serializeSession(sampleSession())): Promise<string> {
    const folder = join(t.root, 'Downloads');
    await mkdir(folder, { recursive: true });
    const path = join(folder, name);
    await writeFile(path, text);
    return path;
  }

  function loadedWindow(): FakeWindow {
    const window = fakeWindow(createMainWindow());
    window.webContents.emit('did-finish-load');
    return window;
  }

  /** The events sent to a window, as [event name, payload]. */
  function eventsTo(window: FakeWindow): [string, unknown][] {
    return window.webContents.send.mock.calls.map(([channel, payload]) => [
      apiEvents.find((event) => eventChannel(event) === channel) ?? channel,
      payload,
    ]);
  }

  async function eventually(window: FakeWindow, count: number): Promise<[string, unknown][]> {
    await vi.waitFor(() => expect(window.webContents.send).toHaveBeenCalledTimes(count));
    return eventsTo(window);
  }

  function openedPayload(path: string): OpenedSession {
    return {
      path,
      session: sampleSession(),
      savedAt: expect.any(String) as unknown as string,
      fromBackup: false,
      revision: expect.any(String) as unknown as string,
    };
  }

  it('opens the file of the first start’s command line once the window’s page has loaded', async () => {
    const path = await sessionFile();
    const openFiles = listenForOpenFiles(['/opt/Nahtstelle/nahtstelle', path], '/');
    const window = fakeWindow(createMainWindow());
    openFiles.start(target);
    await vi.waitFor(() => expect(t.preferences.lastSession).toBe(path));
    expect(window.webContents.send).not.toHaveBeenCalled();

    window.webContents.emit('did-finish-load');
    expect(eventsTo(window)).toEqual([['sessionOpened', openedPayload(path)]]);
    // The same rules as the UI's own open: it is remembered, and now counts as a file the app handed out.
    expect(t.preferences.recentFiles).toEqual([path]);
    expect(await handlers.saveSession(path, sampleSession())).toEqual({ savedAt: expect.any(String), revision: expect.any(String) });
  });

  it('opens only the first of several files named on the command line', async () => {
    const first = await sessionFile('a.nahtstelle');
    const second = await sessionFile('b.nahtstelle');
    const openFiles = listenForOpenFiles(['nahtstelle', first, second], '/');
    const window = loadedWindow();
    openFiles.start(target);
    expect(await eventually(window, 1)).toEqual([['sessionOpened', openedPayload(first)]]);
  });

  it('sends nothing and opens nothing when the command line names no session', async () => {
    const openSession = vi.spyOn(handlers, 'openChosenSession');
    const openFiles = listenForOpenFiles(['nahtstelle', '--inspect'], '/');
    const window = loadedWindow();
    openFiles.start(target);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(openSession).not.toHaveBeenCalled();
    expect(window.webContents.send).not.toHaveBeenCalled();
  });

  it('keeps a macOS open-file from before ready and delivers it after the window loads', async () => {
    const path = await sessionFile();
    const openFiles = listenForOpenFiles(['/Applications/Nahtstelle.app/Contents/MacOS/Nahtstelle'], '/');
    const event = new FakeEvent();
    app.emit('open-file', event, path);
    // Claimed at once, so macOS does not report that the app cannot open the file.
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(t.preferences.lastSession).toBeNull();

    app.fireReady();
    const window = fakeWindow(createMainWindow());
    openFiles.start(target);
    await vi.waitFor(() => expect(t.preferences.lastSession).toBe(path));
    expect(window.webContents.send).not.toHaveBeenCalled();
    window.webContents.emit('did-finish-load');
    expect(eventsTo(window)).toEqual([['sessionOpened', openedPayload(path)]]);
  });

  it('opens an open-file at once while running, and brings the window forward', async () => {
    const openFiles = listenForOpenFiles(['nahtstelle'], '/');
    const window = loadedWindow();
    openFiles.start(target);
    const path = await sessionFile();
    app.emit('open-file', new FakeEvent(), path);
    expect(target.showMainWindow).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
    expect(await eventually(window, 1)).toEqual([['sessionOpened', openedPayload(path)]]);
  });

  it('opens a window for an open-file when none is open (macOS keeps running without one)', async () => {
    const openFiles = listenForOpenFiles(['nahtstelle'], '/');
    openFiles.start(target);
    const path = await sessionFile();
    app.emit('open-file', new FakeEvent(), path);
    expect(FakeBrowserWindow.all).toHaveLength(1);
    const [window] = FakeBrowserWindow.all;
    if (!window) throw new Error('no window');
    await vi.waitFor(() => expect(t.preferences.lastSession).toBe(path));
    window.webContents.emit('did-finish-load');
    expect(eventsTo(window)).toEqual([['sessionOpened', openedPayload(path)]]);
  });

  it('brings the window forward for a second start and opens its file, relative to its working directory', async () => {
    const path = await sessionFile();
    const openFiles = listenForOpenFiles(['nahtstelle'], '/');
    const window = loadedWindow();
    window.minimized = true;
    openFiles.start(target);
    app.emit(
      'second-instance',
      new FakeEvent(),
      ['nahtstelle', '--allow-file-access-from-files', 'kick-off.nahtstelle'],
      join(t.root, 'Downloads'),
      {},
    );
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
    expect(await eventually(window, 1)).toEqual([['sessionOpened', openedPayload(path)]]);
    expect(FakeBrowserWindow.all).toHaveLength(1);
  });

  it('only brings the window forward for a second start without a file', async () => {
    const openSession = vi.spyOn(handlers, 'openChosenSession');
    const openFiles = listenForOpenFiles(['nahtstelle'], '/');
    const window = loadedWindow();
    openFiles.start(target);
    app.emit('second-instance', new FakeEvent(), ['nahtstelle'], '/', {});
    expect(window.focus).toHaveBeenCalledOnce();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(openSession).not.toHaveBeenCalled();
    expect(window.webContents.send).not.toHaveBeenCalled();
  });

  it('reports a damaged file from outside as openFailed with the reason, and leaves the file and the last session alone', async () => {
    const good = await sessionFile('good.nahtstelle');
    await handlers.openChosenSession(good);
    const damaged = await sessionFile('kaputt.nahtstelle', '{"format":"nahtstelle-session","version":1,"session":{');
    const openFiles = listenForOpenFiles(['nahtstelle', damaged], '/');
    const window = loadedWindow();
    openFiles.start(target);
    expect(await eventually(window, 1)).toEqual([
      ['openFailed', { code: 'fileProblem', reason: 'notJson', file: 'kaputt.nahtstelle', detail: expect.any(String) }],
    ]);
    expect(await readFile(damaged, 'utf8')).toBe('{"format":"nahtstelle-session","version":1,"session":{');
    expect(t.preferences.lastSession).toBe(good);
  });

  it('reports a file that is gone, and a file of another type, as openFailed', async () => {
    const openFiles = listenForOpenFiles(['nahtstelle'], '/');
    const window = loadedWindow();
    openFiles.start(target);
    app.emit('open-file', new FakeEvent(), join(t.root, 'weg.nahtstelle'));
    app.emit('open-file', new FakeEvent(), join(t.root, 'notes.txt'));
    expect(await eventually(window, 2)).toEqual([
      ['openFailed', expect.objectContaining({ code: 'fileProblem', reason: 'notFound', file: 'weg.nahtstelle' })],
      ['openFailed', expect.objectContaining({ code: 'notAllowed' })],
    ]);
  });

  it('reports an unexpected failure as an internal openFailed', async () => {
    const openFiles = listenForOpenFiles(['nahtstelle', '/a.nahtstelle'], '/');
    const window = loadedWindow();
    openFiles.start({ ...target, openSession: async () => Promise.reject(new Error('disk on fire')) });
    expect(await eventually(window, 1)).toEqual([['openFailed', { code: 'internal', detail: 'disk on fire' }]]);
  });

  it('delivers files in the order they came, even when the first takes longer', async () => {
    const slow = await sessionFile('slow.nahtstelle');
    const fast = await sessionFile('fast.nahtstelle');
    const openFiles = listenForOpenFiles(['nahtstelle'], '/');
    const window = loadedWindow();
    openFiles.start({
      ...target,
      openSession: async (path) => {
        if (path === slow) await new Promise((resolve) => setTimeout(resolve, 30));
        return handlers.openChosenSession(path);
      },
    });
    app.emit('open-file', new FakeEvent(), slow);
    app.emit('open-file', new FakeEvent(), fast);
    expect((await eventually(window, 2)).map(([, payload]) => (payload as OpenedSession).path)).toEqual([slow, fast]);
    expect(t.preferences.lastSession).toBe(fast);
  });

  it('runs the menu’s open and sends nothing when the dialog is cancelled', async () => {
    const openFiles = listenForOpenFiles(['nahtstelle'], '/');
    const window = loadedWindow();
    openFiles.start(target);
    await openFiles.deliver(() => handlers.openSessionFromDisk());
    expect(t.dialogs.chooseSessionFile).toHaveBeenCalledOnce();
    expect(window.webContents.send).not.toHaveBeenCalled();

    const path = await sessionFile();
    t.answers.sessionFile = path;
    await openFiles.deliver(() => handlers.openSessionFromDisk());
    expect(eventsTo(window)).toEqual([['sessionOpened', openedPayload(path)]]);
  });

  it('sends nothing to a window that closed before its page loaded', async () => {
    const path = await sessionFile();
    const openFiles = listenForOpenFiles(['nahtstelle', path], '/');
    const window = fakeWindow(createMainWindow());
    const mainWindow = vi.fn((): BrowserWindow => findMainWindow() ?? createMainWindow());
    openFiles.start({ ...target, mainWindow });
    await vi.waitFor(() => expect(mainWindow).toHaveBeenCalled());
    window.close();
    window.webContents.emit('did-finish-load');
    expect(window.webContents.send).not.toHaveBeenCalled();
  });
});
