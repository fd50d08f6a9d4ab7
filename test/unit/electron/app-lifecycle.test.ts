import { describe, expect, it, vi } from 'vitest';
import { invokeChannel, type ApiResult, type ApiVerb } from '../../../core/api';
import { runApp } from '../../../electron/app-lifecycle';
import { app, FakeBrowserWindow, ipcMain, Menu, session, type FakeWebContents } from '../fakes/electron';
import FakeElectronStore from '../fakes/electron-store';

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

  it('serves the window’s calls with the system locale and a fresh board', async () => {
    app.getPreferredSystemLanguages.mockReturnValue(['de-AT', 'en-US']);
    runApp();
    await becomeReady();
    const result = await callFrom(onlyWindow().webContents, 'getStartupState');
    expect(result).toMatchObject({ ok: true, value: { systemLocale: 'de-AT', language: null } });
    if (!result.ok) return;
    expect(result.value).toHaveProperty('session.id', expect.stringMatching(/^[0-9a-f-]{36}$/));
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
    app.emit('second-instance');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
    expect(FakeBrowserWindow.all).toHaveLength(1);
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

describe('electron/main.ts', () => {
  it('runs the app when loaded', async () => {
    await import('../../../electron/main');
    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(app.listenerCount('second-instance')).toBe(1);
  });
});
