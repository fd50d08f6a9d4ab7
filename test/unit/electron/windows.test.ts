import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventChannel } from '../../../core/api';
import { appPageUrl, rendererDir } from '../../../electron/app-url';
import type { WindowBounds } from '../../../electron/services/preferences';
import {
  createAudienceWindow,
  createMainWindow,
  createPrintWindow,
  findMainWindow,
  isAppWindow,
  isOnAConnectedDisplay,
  placeOnConnectedDisplay,
  showMainWindow,
  whenPageLoaded,
} from '../../../electron/windows';
import { FakeBrowserWindow, fakeDisplay, fakePlatform, fakeWindow, screen } from '../fakes/electron';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

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
      // Compared exactly (checklist #8–#10): an added allowRunningInsecureContent,
      // experimentalFeatures or enableBlinkFeatures — or any other key — fails here.
      expect(preferences).toStrictEqual({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        nodeIntegrationInWorker: false,
        webviewTag: false,
        spellcheck: false,
        // The room's timer and the time-up tone must run while the window is covered or minimised.
        backgroundThrottling: false,
        preload: expect.stringMatching(/[\\/]preload[\\/]index\.cjs$/),
      });
    }
  });

  it('opens 1440×900, no smaller than 960×600, titled, shown only when ready', () => {
    const window = fakeWindow(createMainWindow());
    expect(window.options).toMatchObject({ width: 1440, height: 900, minWidth: 960, minHeight: 600, title: 'Nahtstelle', show: false });
    // The light theme's page colour until electron/window-theme.ts sets the chosen theme's.
    expect(window.options.backgroundColor).toBe('#eef0f3');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('loads the bundled renderer through the app: protocol, never from file:', () => {
    const contents = fakeWindow(createMainWindow()).webContents;
    expect(contents.loadFile).not.toHaveBeenCalled();
    expect(contents.loadURL).toHaveBeenCalledExactlyOnceWith('app://nahtstelle/index.html');
    expect(contents.getURL()).toBe(appPageUrl());
  });

  it('loads its own page even when ELECTRON_RENDERER_URL is set, so the variable cannot redirect the app', () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    const contents = fakeWindow(createMainWindow()).webContents;
    expect(contents.loadFile).not.toHaveBeenCalled();
    expect(contents.loadURL).toHaveBeenCalledExactlyOnceWith(appPageUrl());
  });
});

describe('the control window on a real desktop', () => {
  it('keeps its timer running at full speed while minimised or covered (no background throttling)', () => {
    expect(webPreferencesOf(fakeWindow(createMainWindow()))).toMatchObject({ backgroundThrottling: false });
    expect(webPreferencesOf(fakeWindow(createAudienceWindow({ bounds: { x: 0, y: 0, width: 800, height: 600 }, fullScreen: false })))).toMatchObject({
      backgroundThrottling: false,
    });
  });

  it('brings its own window icon on Linux (shipped with the renderer build), and leaves it to the app elsewhere', () => {
    fakePlatform('linux');
    const icon = join(rendererDir(), 'window-icon.png');
    expect(fakeWindow(createMainWindow()).options.icon).toBe(icon);
    expect(fakeWindow(createAudienceWindow({ bounds: { x: 0, y: 0, width: 800, height: 600 }, fullScreen: false })).options.icon).toBe(icon);
    expect(existsSync(join(projectRoot, 'renderer', 'public', 'window-icon.png'))).toBe(true);
    for (const platform of ['darwin', 'win32'] as const) {
      fakePlatform(platform);
      expect(fakeWindow(createMainWindow()).options).not.toHaveProperty('icon');
    }
  });

  it('tells its page when it enters or leaves full screen, also when the system does it (F11, the green button)', () => {
    const window = fakeWindow(createMainWindow());
    window.userSetsFullScreen(true);
    window.userSetsFullScreen(false);
    expect(window.webContents.send.mock.calls).toEqual([
      [eventChannel('fullScreen'), { on: true }],
      [eventChannel('fullScreen'), { on: false }],
    ]);
  });
});

describe('createPrintWindow', () => {
  it('is hidden, with the baseline, without preload or JavaScript, and loads nothing by itself', () => {
    const window = fakeWindow(createPrintWindow({ width: 640, height: 120 }));
    expect(window.options).toMatchObject({ show: false, width: 640, height: 120, useContentSize: true });
    // Compared exactly, like the app window's.
    expect(webPreferencesOf(window)).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      javascript: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      backgroundThrottling: false,
    });
    expect(window.webContents.loadFile).not.toHaveBeenCalled();
    expect(window.show).not.toHaveBeenCalled();
  });

  it('is no app window: the API refuses it, and it is never taken for the main window', () => {
    const print = createPrintWindow({ width: 1280, height: 900 });
    expect(isAppWindow(print.webContents)).toBe(false);
    expect(findMainWindow()).toBeNull();
    const main = createMainWindow();
    expect(findMainWindow()).toBe(main);
  });

  it('may not navigate, open windows or attach webviews', () => {
    const contents = fakeWindow(createPrintWindow({ width: 640, height: 120 })).webContents;
    expect(contents.navigate('will-navigate', 'file:///tmp/nahtstelle-print/page.html').defaultPrevented).toBe(true);
    expect(contents.navigate('will-redirect', 'https://example.com/').defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
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
    const window = showMainWindow();
    expect(FakeBrowserWindow.all).toEqual([window]);
  });

  it('opens it the way it is told to (with the saved bounds)', () => {
    const open = vi.fn(() => createMainWindow({ bounds: { x: 100, y: 80, width: 1200, height: 800, maximized: false } }));
    const window = fakeWindow(showMainWindow(open));
    expect(open).toHaveBeenCalledOnce();
    expect(window.options).toMatchObject({ x: 100, y: 80 });
    expect(showMainWindow(open)).toBe(window);
    expect(open).toHaveBeenCalledOnce();
  });
});

describe('findMainWindow', () => {
  it('finds the app window, not other windows, and none after it closed', () => {
    expect(findMainWindow()).toBeNull();
    new BrowserWindow({});
    const window = createMainWindow();
    expect(findMainWindow()).toBe(window);
    fakeWindow(window).close();
    expect(findMainWindow()).toBeNull();
  });
});

describe('whenPageLoaded', () => {
  it('waits for the page to finish loading, then runs at once for later callers', () => {
    const window = createMainWindow();
    const first = vi.fn();
    whenPageLoaded(window, first);
    expect(first).not.toHaveBeenCalled();
    fakeWindow(window).webContents.emit('did-finish-load');
    expect(first).toHaveBeenCalledOnce();
    const later = vi.fn();
    whenPageLoaded(window, later);
    expect(later).toHaveBeenCalledOnce();
    fakeWindow(window).webContents.emit('did-finish-load');
    expect(first).toHaveBeenCalledOnce();
  });

  it('never runs for a window that closed', () => {
    const window = createMainWindow();
    fakeWindow(window).close();
    const callback = vi.fn();
    whenPageLoaded(window, callback);
    fakeWindow(window).webContents.emit('did-finish-load');
    expect(callback).not.toHaveBeenCalled();
  });
});

describe('window bounds', () => {
  const saved = (bounds: Partial<WindowBounds> = {}): WindowBounds => ({ x: 200, y: 100, width: 1280, height: 820, maximized: false, ...bounds });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('restores saved bounds that are on a connected display', () => {
    const window = fakeWindow(createMainWindow({ bounds: saved() }));
    expect(window.options).toMatchObject({ x: 200, y: 100, width: 1280, height: 820, minWidth: 960, minHeight: 600 });
  });

  it('restores bounds on a second monitor while it is connected', () => {
    screen.displays = [fakeDisplay(1, 0, 0, 1920, 1080), fakeDisplay(2, 1920, 0, 2560, 1440)];
    const window = fakeWindow(createMainWindow({ bounds: saved({ x: 2200, y: 200 }) }));
    expect(window.options).toMatchObject({ x: 2200, y: 200 });
  });

  it('moves restored bounds into reach when only part of the window is on the display', () => {
    const window = fakeWindow(createMainWindow({ bounds: saved({ x: 1200, y: 100 }) }));
    expect(window.options).toMatchObject({ x: 640, y: 100, width: 1280, height: 820 });
  });

  it.each([
    ['on a monitor that is no longer connected', saved({ x: 2200, y: 200 })],
    ['far above every display', saved({ y: -5000 })],
    ['with only a sliver on screen', saved({ x: 1900, y: 100 })],
  ])('ignores bounds %s: default size, centred', (_case, bounds) => {
    const window = fakeWindow(createMainWindow({ bounds }));
    expect(window.options).toMatchObject({ width: 1440, height: 900 });
    expect(window.options).not.toHaveProperty('x');
    expect(window.options).not.toHaveProperty('y');
  });

  it('opens at the default size without saved bounds', () => {
    for (const bounds of [undefined, null]) {
      const window = fakeWindow(createMainWindow({ bounds }));
      expect(window.options).toMatchObject({ width: 1440, height: 900 });
      expect(window.options).not.toHaveProperty('x');
    }
  });

  it('maximizes a window that was maximized, just before showing it', () => {
    const window = fakeWindow(createMainWindow({ bounds: saved({ maximized: true }) }));
    expect(window.maximize).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalledOnce();
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.maximize.mock.invocationCallOrder[0]).toBeLessThan(window.show.mock.invocationCallOrder[0] ?? 0);
  });

  it('does not maximize a window that was not', () => {
    const window = fakeWindow(createMainWindow({ bounds: saved() }));
    window.emit('ready-to-show');
    expect(window.maximize).not.toHaveBeenCalled();
  });

  it('saves the bounds when the window closes', () => {
    const saveBounds = vi.fn();
    const window = fakeWindow(createMainWindow({ bounds: saved(), saveBounds }));
    window.normalBounds = { x: 300, y: 150, width: 1100, height: 700 };
    window.close();
    expect(saveBounds).toHaveBeenCalledExactlyOnceWith({ x: 300, y: 150, width: 1100, height: 700, maximized: false });
  });

  it('saves the normal bounds of a maximized window, and that it was maximized', () => {
    const saveBounds = vi.fn();
    const window = fakeWindow(createMainWindow({ bounds: saved(), saveBounds }));
    window.maximized = true;
    expect(window.getBounds()).not.toEqual(window.getNormalBounds());
    window.close();
    expect(saveBounds).toHaveBeenCalledExactlyOnceWith({ x: 200, y: 100, width: 1280, height: 820, maximized: true });
  });

  it('saves once the window rests after being moved or resized', () => {
    vi.useFakeTimers();
    const saveBounds = vi.fn();
    const window = fakeWindow(createMainWindow({ saveBounds }));
    window.moveTo({ x: 10, y: 10, width: 1440, height: 900 });
    window.moveTo({ x: 20, y: 20, width: 1440, height: 900 });
    window.moveTo({ x: 20, y: 20, width: 1500, height: 950 });
    vi.advanceTimersByTime(200);
    expect(saveBounds).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(saveBounds).toHaveBeenCalledExactlyOnceWith({ x: 20, y: 20, width: 1500, height: 950, maximized: false });

    window.maximize();
    vi.advanceTimersByTime(1000);
    expect(saveBounds).toHaveBeenLastCalledWith({ x: 20, y: 20, width: 1500, height: 950, maximized: true });
  });

  it('saves nothing after the window is gone', () => {
    vi.useFakeTimers();
    const saveBounds = vi.fn();
    const window = fakeWindow(createMainWindow({ saveBounds }));
    window.moveTo({ x: 10, y: 10, width: 1440, height: 900 });
    window.close();
    expect(saveBounds).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(5000);
    expect(saveBounds).toHaveBeenCalledOnce();
  });
});

describe('isOnAConnectedDisplay', () => {
  it.each([
    [{ x: 0, y: 0, width: 1440, height: 900 }, true],
    [{ x: -1300, y: 0, width: 1440, height: 900 }, true],
    [{ x: -1400, y: 0, width: 1440, height: 900 }, false],
    [{ x: 0, y: 960, width: 1440, height: 900 }, true],
    // The task bar (the bottom 40 px) is no place to grab a window.
    [{ x: 0, y: 1030, width: 1440, height: 900 }, false],
    [{ x: 0, y: 0, width: 0, height: 0 }, false],
  ])('%j on a 1920×1080 display: %s', (bounds, expected) => {
    expect(isOnAConnectedDisplay(bounds)).toBe(expected);
  });

  it('is false with no display at all', () => {
    screen.displays = [];
    expect(isOnAConnectedDisplay({ x: 0, y: 0, width: 1440, height: 900 })).toBe(false);
  });
});

describe('placeOnConnectedDisplay', () => {
  it('leaves bounds that fit their display as they are', () => {
    expect(placeOnConnectedDisplay({ x: 100, y: 50, width: 1280, height: 800 })).toEqual({ x: 100, y: 50, width: 1280, height: 800 });
  });

  it('shrinks a window from a larger monitor to the projector it is on now', () => {
    screen.displays = [fakeDisplay(1, 0, 0, 1280, 720)];
    expect(placeOnConnectedDisplay({ x: 0, y: 0, width: 2400, height: 1300 })).toEqual({ x: 0, y: 0, width: 1280, height: 680 });
  });

  it('pulls a title bar above the screen’s top edge back into reach', () => {
    expect(placeOnConnectedDisplay({ x: 100, y: -300, width: 1280, height: 800 })).toEqual({ x: 100, y: 0, width: 1280, height: 800 });
  });

  it('keeps the window on the display that shows most of it', () => {
    screen.displays = [fakeDisplay(1, 0, 0, 1920, 1080), fakeDisplay(2, 1920, 0, 1920, 1080)];
    expect(placeOnConnectedDisplay({ x: 1500, y: 100, width: 1280, height: 800 })).toEqual({ x: 1920, y: 100, width: 1280, height: 800 });
  });

  it('is null off every display', () => {
    expect(placeOnConnectedDisplay({ x: 5000, y: 100, width: 1280, height: 800 })).toBeNull();
  });
});
