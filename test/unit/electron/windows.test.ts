import { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appPageUrl, rendererIndexPath } from '../../../electron/app-url';
import { createMainWindow, isAppWindow, showMainWindow } from '../../../electron/windows';
import { FakeBrowserWindow, fakeWindow } from '../fakes/electron';

function webPreferencesOf(window: FakeBrowserWindow): Record<string, unknown> {
  const preferences = window.options.webPreferences;
  if (typeof preferences !== 'object' || preferences === null) throw new Error('window has no webPreferences');
  return { ...preferences };
}

describe('createMainWindow', () => {
  it('gives every window the security baseline', () => {
    const windows = [fakeWindow(createMainWindow()), fakeWindow(createMainWindow())];
    for (const window of windows) {
      const preferences = webPreferencesOf(window);
      expect(preferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        nodeIntegrationInWorker: false,
        webviewTag: false,
        spellcheck: false,
      });
      expect(preferences.preload).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    }
  });

  it('opens 1440×900, no smaller than 960×600, titled, shown only when ready', () => {
    const window = fakeWindow(createMainWindow());
    expect(window.options).toMatchObject({ width: 1440, height: 900, minWidth: 960, minHeight: 600, title: 'Nahtstelle', show: false });
    expect(window.options.backgroundColor).toBe('#f4f5f7');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('loads the bundled renderer from disk', () => {
    const contents = fakeWindow(createMainWindow()).webContents;
    expect(contents.loadURL).not.toHaveBeenCalled();
    expect(contents.loadFile).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/[\\/]renderer[\\/]index\.html$/));
    expect(contents.getURL()).toBe(appPageUrl());
  });

  it('loads the file even when ELECTRON_RENDERER_URL is set, so the variable cannot redirect the app', () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    const contents = fakeWindow(createMainWindow()).webContents;
    expect(contents.loadURL).not.toHaveBeenCalled();
    expect(contents.loadFile).toHaveBeenCalledExactlyOnceWith(rendererIndexPath());
    expect(contents.getURL()).toMatch(/^file:.*[\\/]renderer[\\/]index\.html$/);
  });
});

describe('isAppWindow', () => {
  it('knows the windows it created until they close', () => {
    const window = createMainWindow();
    expect(isAppWindow(window.webContents)).toBe(true);
    fakeWindow(window).close();
    expect(isAppWindow(window.webContents)).toBe(false);
  });

  it('does not know other webContents', () => {
    createMainWindow();
    const foreign = new BrowserWindow({});
    expect(isAppWindow(foreign.webContents)).toBe(false);
  });
});

describe('showMainWindow', () => {
  it('restores and focuses the open window instead of opening another', () => {
    const window = fakeWindow(createMainWindow());
    window.minimized = true;
    showMainWindow();
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
    expect(FakeBrowserWindow.all).toHaveLength(1);
  });

  it('opens a window when none is open', () => {
    showMainWindow();
    expect(FakeBrowserWindow.all).toHaveLength(1);
  });
});
