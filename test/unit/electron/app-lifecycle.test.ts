import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventChannel, invokeChannel, type ApiResult, type ApiVerb, type OpenedSession } from '../../../core/api';
import { serializeSession } from '../../../core/session-file';
import { runApp } from '../../../electron/app-lifecycle';
import {
  app,
  dialog,
  FakeBrowserWindow,
  FakeEvent,
  fakeDisplay,
  fakePlatform,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
  type FakeMenuItem,
  type FakeWebContents,
} from '../fakes/electron';
import FakeElectronStore from '../fakes/electron-store';
import { sampleSession } from './main-services';

async function becomeReady(): Promise<void> {
  app.fireReady();
  await app.whenReady();
  await new Promise((resolve) => setImmediate(resolve));
}

function onlyWindow(): FakeBrowserWindow {
  expect(FakeBrowserWindow.all).toHaveLength(1);
  const [window] = FakeBrowserWindow.all;
  if (!window) throw new Error('no window');
  return window;
}

async function callFrom(contents: FakeWebContents, verb: ApiVerb, ...args: unknown[]): Promise<ApiResult> {
  return (await ipcMain.invoke(invokeChannel(verb), { sender: contents, senderFrame: contents.mainFrame }, ...args)) as ApiResult;
}

function topLabels(): (string | undefined)[] {
  return Menu.applicationMenu?.template.map((top) => top.label) ?? [];
}

function menuItem(label: string): FakeMenuItem {
  const found = Menu.applicationMenu?.template.flatMap((top) => top.submenu ?? []).find((entry) => entry.label === label);
  if (!found) throw new Error(`no menu item ${label}`);
  return found;
}

function preferencesStore(): FakeElectronStore {
  const [store] = FakeElectronStore.instances;
  if (!store) throw new Error('no preferences store');
  return store;
}

let tempRoot: string | undefined;
afterEach(async () => {
  if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
  tempRoot = undefined;
});

/** Electron's folders (documents, …) in a fresh temp folder, so sessions are really written. */
async function withTempFolders(): Promise<string> {
  tempRoot = await mkdtemp(join(tmpdir(), 'nahtstelle-app-'));
  const root = tempRoot;
  app.getPath.mockImplementation((name: string) => join(root, name));
  return root;
}

/** A valid session file somewhere outside the sessions folder. */
async function sessionFileIn(root: string, name = 'kick-off.nahtstelle', text = serializeSession(sampleSession())): Promise<string> {
  const folder = join(root, 'Downloads');
  await mkdir(folder, { recursive: true });
  const path = join(folder, name);
  await writeFile(path, text);
  return path;
}

function sentEvents(contents: FakeWebContents): [string, unknown][] {
  return contents.send.mock.calls.map(([channel, payload]) => [channel, payload]);
}

/** What the last run left in the preferences file: the store the app opens starts with these. */
function seedPreferences(values: Record<string, unknown>): void {
  FakeElectronStore.seed = values;
}

/** Runs `body` with process.argv as a first start from the command line would have it. */
async function withArgv<T>(argv: string[], body: () => Promise<T>): Promise<T> {
  const saved = process.argv;
  process.argv = argv;
  try {
    return await body();
  } finally {
    process.argv = saved;
  }
}

describe('runApp', () => {
  it('sandboxes every renderer and waits for ready before touching windows or IPC', () => {
    runApp();
    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(FakeBrowserWindow.all).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
    expect(Menu.applicationMenu).toBeNull();
  });

  it('once ready: hardens the session, sets the menu, registers IPC, opens one hardened window', async () => {
    runApp();
    await becomeReady();
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(Menu.applicationMenu).not.toBeNull();
    expect(ipcMain.handlers.size).toBeGreaterThan(0);
    const window = onlyWindow();
    // The security rules were in place before the window's webContents was created.
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(FakeElectronStore.instances.map((store) => store.options.name)).toEqual(['preferences']);
  });

  it('registers app: as privileged before ready, answers it once ready, and loads the window from it', async () => {
    runApp();
    // The fake throws, as Electron does, when this comes after ready.
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, codeCache: true } },
    ]);
    expect(protocol.handle).not.toHaveBeenCalled();
    await becomeReady();
    expect(protocol.handle).toHaveBeenCalledExactlyOnceWith('app', expect.any(Function));
    expect(onlyWindow().webContents.getURL()).toBe('app://nahtstelle/index.html');
    expect(onlyWindow().webContents.loadFile).not.toHaveBeenCalled();
  });

  it('serves the window’s calls with the system locale, sessions in Documents/Nahtstelle, no session yet', async () => {
    app.getPreferredSystemLanguages.mockReturnValue(['de-AT', 'en-US']);
    runApp();
    await becomeReady();
    const result = await callFrom(onlyWindow().webContents, 'getStartupState');
    expect(result).toEqual({
      ok: true,
      value: {
        systemLocale: 'de-AT',
        preferences: {
          language: null,
          theme: 'system',
          sessionsFolder: join('/nonexistent/nahtstelle-test/documents', 'Nahtstelle'),
          recentFiles: [],
          timerSound: false,
          workshopPanelExpanded: false,
          windowZoom: 1,
        },
        session: null,
        problem: null,
        preferencesProblem: null,
      },
    });
    expect(app.getPath).toHaveBeenCalledWith('documents');
  });

  it('offers the phones this machine’s own network addresses, never loopback', async () => {
    runApp();
    await becomeReady();
    const result = await callFrom(onlyWindow().webContents, 'listRoomAddresses');
    expect(result).toMatchObject({ ok: true });
    const { addresses } = (result as { value: { addresses: { address: string }[] } }).value;
    const own = Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => entry.address));
    for (const { address } of addresses) expect(own).toContain(address);
    expect(addresses.map(({ address }) => address)).not.toContain('127.0.0.1');
  });

  it('creates sessions with random ids in the sessions folder, and reopens the last one at the next start', async () => {
    const root = await withTempFolders();
    runApp();
    await becomeReady();
    const created = await callFrom(onlyWindow().webContents, 'createSession', { title: 'Kick-off' }, 'blank');
    expect(created).toMatchObject({ ok: true, value: { path: expect.stringContaining(join(root, 'documents', 'Nahtstelle')) } });
    if (!created.ok) return;
    const opened = created.value as OpenedSession;
    expect(opened.session.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await stat(opened.path)).isFile()).toBe(true);
    expect(preferencesStore().values.get('lastSession')).toBe(opened.path);
    expect(await callFrom(onlyWindow().webContents, 'getStartupState')).toMatchObject({ value: { session: { path: opened.path } } });
  });

  it('a damaged preferences file: the app starts with defaults, keeps the file aside and says so once', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const root = await withTempFolders();
    await mkdir(join(root, 'userData'));
    await writeFile(join(root, 'userData', 'preferences.json'), '{"language":"de","the');
    FakeElectronStore.damagedOnce = true;
    runApp();
    await becomeReady();
    expect(FakeBrowserWindow.all).toHaveLength(1);
    const first = await callFrom(onlyWindow().webContents, 'getStartupState');
    expect(first).toMatchObject({
      ok: true,
      value: {
        preferences: { language: null },
        preferencesProblem: { kind: 'damaged', keptAs: expect.stringMatching(/^preferences\.json\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/) },
      },
    });
    expect((await readdir(join(root, 'userData'))).filter((name) => name.startsWith('preferences.json.damaged-'))).toHaveLength(1);
    expect(await callFrom(onlyWindow().webContents, 'getStartupState')).toMatchObject({ value: { preferencesProblem: null } });
  });

  it('a crashed page is reloaded and reopens the session it showed; a page that keeps crashing is left alone', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await withTempFolders();
    runApp();
    await becomeReady();
    const contents = onlyWindow().webContents;
    const created = await callFrom(contents, 'createSession', { title: 'Absturz' }, 'blank');
    if (!created.ok) throw new Error('createSession failed');
    const { path } = created.value as OpenedSession;
    contents.emit('render-process-gone', new FakeEvent(), { reason: 'crashed', exitCode: 139 });
    expect(contents.reload).toHaveBeenCalledOnce();
    // The reloaded page asks for the start-up state: the session comes back.
    expect(await callFrom(contents, 'getStartupState')).toMatchObject({ ok: true, value: { session: { path } } });
    contents.emit('render-process-gone', new FakeEvent(), { reason: 'clean-exit', exitCode: 0 });
    expect(contents.reload).toHaveBeenCalledOnce();
    for (let i = 0; i < 5; i++) contents.emit('render-process-gone', new FakeEvent(), { reason: 'oom', exitCode: 1 });
    expect(contents.reload).toHaveBeenCalledTimes(3);
  });

  it('deletes to the system trash and reveals in the file manager', async () => {
    await withTempFolders();
    runApp();
    await becomeReady();
    const contents = onlyWindow().webContents;
    const created = await callFrom(contents, 'createSession', { title: 'Weg damit' }, 'workshop');
    if (!created.ok) throw new Error('createSession failed');
    const { path } = created.value as OpenedSession;
    expect(await callFrom(contents, 'revealSession', path)).toEqual({ ok: true, value: undefined });
    expect(shell.showItemInFolder).toHaveBeenCalledExactlyOnceWith(path);
    expect(await callFrom(contents, 'deleteSession', path)).toEqual({ ok: true, value: undefined });
    expect(shell.trashItem).toHaveBeenCalledExactlyOnceWith(path);
  });

  it('shows the system dialogs in the UI’s language, modal to the window', async () => {
    app.getPreferredSystemLanguages.mockReturnValue(['de-DE']);
    runApp();
    await becomeReady();
    const window = onlyWindow();
    window.focus();
    expect(await callFrom(window.webContents, 'openSessionFromDisk')).toEqual({ ok: true, value: null });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ title: 'Sitzung öffnen', properties: ['openFile'] }));
    await callFrom(window.webContents, 'setLanguage', 'en');
    await callFrom(window.webContents, 'chooseSessionsFolder', false);
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith(window, expect.objectContaining({ title: 'Choose Sessions Folder' }));
  });

  it('falls back to app.getLocale() when the system names no preferred language', async () => {
    app.getPreferredSystemLanguages.mockReturnValue([]);
    app.getLocale.mockReturnValue('en-GB');
    runApp();
    await becomeReady();
    expect(await callFrom(onlyWindow().webContents, 'getStartupState')).toMatchObject({ value: { systemLocale: 'en-GB' } });
  });

  it('builds the menu in the system language and follows the language the user picks', async () => {
    app.getPreferredSystemLanguages.mockReturnValue(['de-DE']);
    runApp();
    await becomeReady();
    expect(topLabels()[0]).toBe('Datei');
    const contents = onlyWindow().webContents;

    expect(await callFrom(contents, 'setLanguage', 'en')).toEqual({ ok: true, value: undefined });
    expect(topLabels()[0]).toBe('File');
    expect(FakeElectronStore.instances[0]?.values.get('language')).toBe('en');

    // Back to "follow the system": German again.
    await callFrom(contents, 'setLanguage', null);
    expect(topLabels()[0]).toBe('Datei');
  });

  it('does not rebuild the menu for a refused language', async () => {
    app.getPreferredSystemLanguages.mockReturnValue(['en-US']);
    runApp();
    await becomeReady();
    const builds = Menu.setApplicationMenu.mock.calls.length;
    expect(await callFrom(onlyWindow().webContents, 'setLanguage', 'fr')).toMatchObject({ ok: false });
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(builds);
  });

  it('brings the existing window forward when the app is started again', async () => {
    runApp();
    await becomeReady();
    const window = onlyWindow();
    window.minimized = true;
    app.emit('second-instance', new FakeEvent(), ['nahtstelle'], '/', {});
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
    expect(FakeBrowserWindow.all).toHaveLength(1);
  });

  it('opens the file a second start was given, in the running window', async () => {
    const root = await withTempFolders();
    const path = await sessionFileIn(root);
    runApp();
    await becomeReady();
    const window = onlyWindow();
    window.webContents.emit('did-finish-load');
    app.emit('second-instance', new FakeEvent(), ['nahtstelle', 'kick-off.nahtstelle'], join(root, 'Downloads'), {});
    expect(window.focus).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(window.webContents.send).toHaveBeenCalledOnce());
    expect(sentEvents(window.webContents)).toEqual([[eventChannel('sessionOpened'), expect.objectContaining({ path, session: sampleSession() })]]);
    expect(preferencesStore().values.get('lastSession')).toBe(path);
  });

  it('opens the file of the first start’s command line once the page has loaded', async () => {
    const root = await withTempFolders();
    const path = await sessionFileIn(root);
    await withArgv(['/opt/Nahtstelle/nahtstelle', path], async () => {
      runApp();
      await becomeReady();
    });
    const window = onlyWindow();
    await vi.waitFor(() => expect(preferencesStore().values.get('lastSession')).toBe(path));
    expect(window.webContents.send).not.toHaveBeenCalled();
    window.webContents.emit('did-finish-load');
    expect(sentEvents(window.webContents)).toEqual([[eventChannel('sessionOpened'), expect.objectContaining({ path })]]);
  });

  it('keeps a file macOS hands over before ready, and reports a damaged one as openFailed', async () => {
    const root = await withTempFolders();
    const path = await sessionFileIn(root, 'kaputt.nahtstelle', 'not json at all');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    runApp();
    const event = new FakeEvent();
    app.emit('open-file', event, path);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    await becomeReady();
    const window = onlyWindow();
    window.webContents.emit('did-finish-load');
    await vi.waitFor(() => expect(window.webContents.send).toHaveBeenCalledOnce());
    expect(sentEvents(window.webContents)).toEqual([
      [eventChannel('openFailed'), expect.objectContaining({ code: 'fileProblem', reason: 'notJson', file: 'kaputt.nahtstelle' })],
    ]);
    expect(preferencesStore().values.has('lastSession')).toBe(false);
  });

  it('File › Open… shows the open dialog and sends the chosen session to the window', async () => {
    const root = await withTempFolders();
    const path = await sessionFileIn(root);
    app.getPreferredSystemLanguages.mockReturnValue(['en-US']);
    runApp();
    await becomeReady();
    const window = onlyWindow();
    window.webContents.emit('did-finish-load');

    menuItem('Open…').click?.();
    await vi.waitFor(() => expect(dialog.showOpenDialog).toHaveBeenCalledOnce());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(window.webContents.send).not.toHaveBeenCalled();

    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    menuItem('Open…').click?.();
    await vi.waitFor(() => expect(window.webContents.send).toHaveBeenCalledOnce());
    expect(sentEvents(window.webContents)).toEqual([[eventChannel('sessionOpened'), expect.objectContaining({ path })]]);
  });

  it('puts the window where it was, if that is on a screen, and remembers where it is when it closes', async () => {
    screen.displays = [fakeDisplay(1, 0, 0, 1920, 1080), fakeDisplay(2, 1920, 0, 1920, 1080)];
    seedPreferences({ windowBounds: { x: 2000, y: 50, width: 1200, height: 800, maximized: true } });
    runApp();
    await becomeReady();
    const window = onlyWindow();
    expect(window.options).toMatchObject({ x: 2000, y: 50, width: 1200, height: 800 });
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalledOnce();

    window.maximized = false;
    window.normalBounds = { x: 100, y: 100, width: 1000, height: 700 };
    window.close();
    expect(preferencesStore().values.get('windowBounds')).toEqual({ x: 100, y: 100, width: 1000, height: 700, maximized: false });
  });

  it('opens the window at the default size when its saved place is on a monitor that is gone', async () => {
    seedPreferences({ windowBounds: { x: 2000, y: 50, width: 1200, height: 800, maximized: false } });
    runApp();
    await becomeReady();
    expect(onlyWindow().options).toMatchObject({ width: 1440, height: 900 });
    expect(onlyWindow().options).not.toHaveProperty('x');
  });

  it('opens the audience window on the second display through the API, and closes it with the control window', async () => {
    screen.displays = [fakeDisplay(1, 0, 0, 1920, 1080), fakeDisplay(2, 1920, 0, 1920, 1080)];
    runApp();
    await becomeReady();
    const control = onlyWindow();
    control.webContents.emit('did-finish-load');
    expect(await callFrom(control.webContents, 'openAudienceWindow')).toEqual({ ok: true, value: 'secondDisplay' });
    const audience = FakeBrowserWindow.all.find((window) => window !== control);
    if (!audience) throw new Error('no audience window');
    expect(audience.getBounds()).toEqual({ x: 1920, y: 0, width: 1920, height: 1080 });
    // Hardened like every webContents: no window.open, no navigation away.
    expect(audience.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(audience.webContents.navigate('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await callFrom(audience.webContents, 'closeAudienceWindow')).toMatchObject({ ok: false, error: { code: 'forbiddenSender' } });

    control.close();
    expect(FakeBrowserWindow.all).toEqual([]);
    expect(audience.isDestroyed()).toBe(true);
  });

  it('keeps menu commands and dialogs on the control window, even while the audience window has the focus', async () => {
    app.getPreferredSystemLanguages.mockReturnValue(['en-US']);
    runApp();
    await becomeReady();
    const control = onlyWindow();
    control.webContents.emit('did-finish-load');
    await callFrom(control.webContents, 'openAudienceWindow');
    const audience = FakeBrowserWindow.all.find((window) => window !== control);
    audience?.focus();
    menuItem('Undo').click?.();
    expect(audience?.webContents.send).not.toHaveBeenCalledWith(eventChannel('command'), 'undo');
    await callFrom(control.webContents, 'openSessionFromDisk');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(control, expect.anything());
  });

  it('puts the control window into full screen and back', async () => {
    runApp();
    await becomeReady();
    const window = onlyWindow();
    expect(await callFrom(window.webContents, 'setFullScreen', true)).toEqual({ ok: true, value: undefined });
    expect(window.isFullScreen()).toBe(true);
    await callFrom(window.webContents, 'setFullScreen', false);
    expect(window.isFullScreen()).toBe(false);
  });

  it('quits when the last window closes (not on macOS)', async () => {
    runApp();
    await becomeReady();
    const platform = vi.spyOn(process, 'platform', 'get');
    platform.mockReturnValue('linux');
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledOnce();
    platform.mockReturnValue('darwin');
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('leaves at once when another instance is already running', async () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    runApp();
    expect(app.quit).toHaveBeenCalledOnce();
    await becomeReady();
    expect(FakeBrowserWindow.all).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('runApp on real desktops', () => {
  it('shows why the start failed, in the system’s language, before it exits', async () => {
    app.getPreferredSystemLanguages.mockReturnValue(['de-DE']);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // A damaged preferences file no longer stops the start (it is set aside); a failure setting
    // up the app's own protocol still does.
    protocol.handle.mockImplementationOnce(() => {
      throw new Error('Protocol app is already handled');
    });
    runApp();
    await becomeReady();
    expect(dialog.showErrorBox).toHaveBeenCalledOnce();
    const [title, content] = dialog.showErrorBox.mock.calls[0] ?? [];
    expect(title).toBe('Nahtstelle konnte nicht starten');
    expect(content).toContain('Protocol app is already handled');
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(dialog.showErrorBox.mock.invocationCallOrder[0]).toBeLessThan(app.exit.mock.invocationCallOrder[0] ?? 0);
  });

  it('shows the reason and exits when the window’s page cannot load (it would never be shown)', async () => {
    app.getPreferredSystemLanguages.mockReturnValue(['en-GB']);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    runApp();
    await becomeReady();
    onlyWindow().webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'file:///app/out/renderer/index.html', true);
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Nahtstelle could not start', expect.stringContaining('ERR_FILE_NOT_FOUND'));
    expect(app.exit).toHaveBeenCalledWith(1);
  });

  it('names the installer’s AppUserModelID on Windows only, before any window', async () => {
    fakePlatform('win32');
    runApp();
    expect(app.setAppUserModelId).toHaveBeenCalledWith('de.nahtstelle.app');
    expect(FakeBrowserWindow.all).toHaveLength(0);
    fakePlatform('darwin');
    app.setAppUserModelId.mockClear();
    runApp();
    expect(app.setAppUserModelId).not.toHaveBeenCalled();
  });

  it.each([
    ['a Wayland session without the switch', 'linux', { XDG_SESSION_TYPE: 'wayland' }, null, true],
    ['a Wayland display without the switch', 'linux', { WAYLAND_DISPLAY: 'wayland-0' }, null, true],
    ['a Wayland session under XWayland (--ozone-platform=x11)', 'linux', { XDG_SESSION_TYPE: 'wayland' }, 'x11', false],
    ['an X11 session', 'linux', { XDG_SESSION_TYPE: 'x11' }, null, false],
    ['macOS', 'darwin', { XDG_SESSION_TYPE: 'wayland' }, null, false],
  ] as const)('warns on the console about window placement on %s', (_case, platform, env, ozone, warned) => {
    fakePlatform(platform);
    vi.stubEnv('XDG_SESSION_TYPE', '');
    vi.stubEnv('WAYLAND_DISPLAY', '');
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    if (ozone) app.commandLine.switches.set('ozone-platform', ozone);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    runApp();
    const warnings = warn.mock.calls.map(([text]) => String(text)).filter((text) => text.includes('Wayland'));
    expect(warnings).toHaveLength(warned ? 1 : 0);
    if (warned) expect(warnings[0]).toContain('--ozone-platform=x11');
  });

  it('macOS: a quit held back to save a change is finished once the window has closed', async () => {
    fakePlatform('darwin');
    runApp();
    await becomeReady();
    const window = onlyWindow();
    // ⌘Q: Electron asks the page, whose beforeunload holds the close back to save (and cancels the quit).
    app.emit('before-quit', new FakeEvent());
    window.webContents.emit('will-prevent-unload', new FakeEvent());
    expect(app.quit).not.toHaveBeenCalled();
    // Saved: the page closes its window. The app must not stay behind without one.
    window.close();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('macOS: closing the window without quitting keeps the app running, as macOS apps do', async () => {
    fakePlatform('darwin');
    runApp();
    await becomeReady();
    const window = onlyWindow();
    window.webContents.emit('will-prevent-unload', new FakeEvent());
    window.close();
    app.emit('window-all-closed');
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('draws the system’s parts and the window background in the chosen theme, and follows changes', async () => {
    seedPreferences({ theme: 'contrast' });
    runApp();
    await becomeReady();
    const window = onlyWindow();
    expect(nativeTheme.themeSource).toBe('dark');
    expect(window.options.backgroundColor).toBe('#000000');

    expect(await callFrom(window.webContents, 'setTheme', 'light')).toEqual({ ok: true, value: undefined });
    expect(nativeTheme.themeSource).toBe('light');
    expect(window.setBackgroundColor).toHaveBeenLastCalledWith('#eef0f3');

    await callFrom(window.webContents, 'setTheme', 'system');
    expect(nativeTheme.themeSource).toBe('system');
    nativeTheme.systemChanges({ dark: true });
    expect(window.setBackgroundColor).toHaveBeenLastCalledWith('#111418');
  });
});

describe('electron/main.ts', () => {
  it('runs the app when loaded', async () => {
    await import('../../../electron/main');
    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(app.listenerCount('second-instance')).toBe(1);
  });
});
