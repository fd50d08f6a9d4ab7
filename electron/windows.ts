/** Every window of the app, created here with the same security baseline. docs/ARCHITECTURE.md, "Security baseline". */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, screen, type Rectangle, type WebContents, type WebPreferences } from 'electron';
import { appPageUrl, audiencePageUrl, rendererDir } from './app-url';
import { sendEvent } from './ipc/events';
import { audienceWindowArgument } from './preload/bridge';
import { hardenPrintContents } from './security';
import type { WindowBounds } from './services/preferences';

/** webContents ids of open app windows; ids are never reused within a run. */
const appContentsIds = new Set<number>();
/** webContents ids of windows (app or audience) whose page has finished loading (events sent earlier are lost). */
const loadedContentsIds = new Set<number>();

const defaultSize = { width: 1440, height: 900 } as const;
const minimumSize = { minWidth: 960, minHeight: 600 } as const;
/** A restored window must show at least this much on some display, enough to grab it and drag it back. */
const minimumVisible = { width: 120, height: 60 } as const;
/** Moving or resizing fires many events; the bounds are saved once the window rests this long. */
const saveBoundsDelayMs = 500;

export interface MainWindowOptions {
  /** Where the window was when the app last closed it (preferences.windowBounds). */
  readonly bounds?: WindowBounds | null;
  /** Called with the window's bounds when it closes and after it was moved or resized. */
  readonly saveBounds?: (bounds: WindowBounds) => void;
}

/** The bundled preload, next to the built main process (out/main → out/preload). */
export function preloadPath(): string {
  return fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
}

/**
 * The security baseline of every window that shows the app's page (the app window and the audience
 * window): one object, so the two cannot drift apart. The preload is added per window
 * (`pageWebPreferences`), as its path is only known at run time.
 */
export const pageWindowPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  nodeIntegrationInWorker: false,
  webviewTag: false,
  spellcheck: false,
} as const satisfies WebPreferences;

/**
 * The workshop timer and its time-up tone run in the pages: not slowed down while a window is
 * minimised or covered (Chromium throttles timers in background pages by default).
 */
const unthrottled = { backgroundThrottling: false } as const satisfies WebPreferences;

/**
 * On Linux the window brings its own icon (taskbar, Alt+Tab): without a desktop entry to match it
 * by (`npm start`), the desktop would show a generic one. Windows and macOS take the app's icon.
 * The file comes with the renderer build (renderer/public).
 */
export function linuxWindowIcon(): { icon?: string } {
  return process.platform === 'linux' ? { icon: join(rendererDir(), 'window-icon.png') } : {};
}

/** The webPreferences of a window showing the app's page: the baseline plus the bundled preload. */
export function pageWebPreferences(): WebPreferences {
  return { ...pageWindowPreferences, preload: preloadPath() };
}

/**
 * How tall the main window opens with these saved bounds (its outer height; the page gets a little
 * less): what the first frame is rendered for before the window exists.
 */
export function mainWindowHeight(saved: WindowBounds | null): number {
  if (saved?.maximized) return screen.getPrimaryDisplay().workAreaSize.height;
  return ((saved && placeOnConnectedDisplay(saved)) ?? defaultSize).height;
}

export function createMainWindow(options: MainWindowOptions = {}): BrowserWindow {
  const saved = options.bounds ?? null;
  // Saved bounds on a monitor that is no longer connected would open the window out of sight.
  const placement = (saved && placeOnConnectedDisplay(saved)) ?? defaultSize;
  const window = new BrowserWindow({
    ...placement,
    ...minimumSize,
    title: 'Nahtstelle',
    ...linuxWindowIcon(),
    backgroundColor: pageBackground,
    // Shown once the first paint is ready, so the window never flashes empty.
    show: false,
    webPreferences: { ...pageWebPreferences(), ...unthrottled },
  });

  // Read the id now: once the window is closed its webContents may no longer be accessed.
  const contentsId = window.webContents.id;
  appContentsIds.add(contentsId);
  window.on('closed', () => appContentsIds.delete(contentsId));
  trackLoading(window);
  window.once('ready-to-show', () => {
    // Maximized before it is shown: on Windows maximize() shows the window, so not any earlier.
    if (saved?.maximized) window.maximize();
    window.show();
  });
  if (options.saveBounds) keepBounds(window, options.saveBounds);
  // Full screen can change outside the page (F11, the View menu, macOS's green button): the
  // page's presentation mode follows it.
  window.on('enter-full-screen', () => sendEvent(window.webContents, 'fullScreen', { on: true }));
  window.on('leave-full-screen', () => sendEvent(window.webContents, 'fullScreen', { on: false }));
  reloadAfterCrash(window);

  // Always the bundled page, through the app: protocol: no environment variable can point the
  // window (and with it the preload bridge) at another page.
  window.loadURL(appPageUrl()).catch((error: unknown) => console.error('Nahtstelle: the window could not load its page', error));
  return window;
}

/** Where and how the audience window opens: full screen over a display's bounds, or windowed. */
export interface AudienceWindowPlacement {
  readonly bounds: Rectangle;
  readonly fullScreen: boolean;
}

/**
 * The audience window (electron/audience-window.ts places it and feeds it): the app's page with
 * `#audience`, the same security baseline as the app window with a receive-only preload, no menu bar. It is not
 * an app window, so the API refuses its calls; it only shows the views main sends it. Shown
 * without taking the focus from the app window when it opens full screen on another display: the
 * facilitator's keys (a presenter remote's too) must keep going to the control window. So it is
 * created windowed over the display and goes full screen only once shown: created full screen, a
 * window is shown at once, whatever `show` says, and on macOS takes the key focus.
 */
export function createAudienceWindow(placement: AudienceWindowPlacement): BrowserWindow {
  const window = new BrowserWindow({
    ...placement.bounds,
    fullscreen: false,
    title: 'Nahtstelle',
    ...linuxWindowIcon(),
    backgroundColor: pageBackground,
    show: false,
    autoHideMenuBar: true,
    // The baseline with a receive-only bridge: it shows views and calls nothing (least privilege).
    webPreferences: { ...pageWebPreferences(), ...unthrottled, additionalArguments: [audienceWindowArgument] },
  });
  window.removeMenu();
  trackLoading(window);
  window.once('ready-to-show', () => {
    if (!placement.fullScreen) return window.show();
    window.showInactive();
    enterFullScreenKeepingFocus(window);
  });
  window.loadURL(audiencePageUrl()).catch((error: unknown) => console.error('Nahtstelle: the audience window could not load its page', error));
  return window;
}

/**
 * Full screen for a window that must not take the keyboard: on macOS a window entering full
 * screen becomes the key window, so the focus goes back to the window that had it.
 */
export function enterFullScreenKeepingFocus(window: BrowserWindow): void {
  const focused = BrowserWindow.getFocusedWindow();
  if (focused && focused !== window) {
    window.once('enter-full-screen', () => {
      if (!focused.isDestroyed() && !window.isDestroyed()) focused.focus();
    });
  }
  window.setFullScreen(true);
}

/** A print window's preferences: the app window's baseline, minus the preload, minus JavaScript. */
export const printWindowPreferences = {
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
  // Hidden, yet it must lay out and paint like a visible page.
  backgroundThrottling: false,
} as const satisfies WebPreferences;

/**
 * A hidden window to lay out one page for printing (electron/export/printer.ts): never shown, no
 * preload (so no API), no JavaScript, no navigation. The caller loads the page and destroys it.
 * `offscreen` renders it without any window on a screen, at scale 1 whatever the displays' scale:
 * a hidden window produces no frames to photograph (a picture taken from it may never come), and
 * would be photographed at its display's scale factor.
 */
export function createPrintWindow(
  size: { readonly width: number; readonly height: number },
  options: { readonly offscreen?: boolean } = {},
): BrowserWindow {
  const webPreferences: WebPreferences = options.offscreen
    ? { ...printWindowPreferences, offscreen: { deviceScaleFactor: 1 } }
    : printWindowPreferences;
  const window = new BrowserWindow({ show: false, width: size.width, height: size.height, useContentSize: true, webPreferences });
  hardenPrintContents(window.webContents);
  return window;
}

/** Reloads within this long count towards the limit: a page that crashes at once, every time, is not reloaded forever. */
const crashWindowMs = 60_000;
const maxReloadsPerCrashWindow = 3;

/**
 * A crashed or killed renderer (`render-process-gone`: out of memory, a GPU fault) would leave a
 * dead, white window in front of the room. The page is loaded again instead; it asks main for the
 * start-up state, which reopens the session that was open (preferences.lastSession), from the
 * last autosave — at most a second old. A page that keeps crashing is left alone after a few tries.
 */
function reloadAfterCrash(window: BrowserWindow): void {
  const reloads: number[] = [];
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    const now = Date.now();
    while (reloads.length > 0 && (reloads[0] ?? 0) < now - crashWindowMs) reloads.shift();
    console.error(`Nahtstelle: the window's page stopped (${details.reason}, exit code ${details.exitCode})`);
    if (reloads.length >= maxReloadsPerCrashWindow) return;
    reloads.push(now);
    window.webContents.reload();
  });
}

/**
 * The background of the windows showing the app's page (seen before it paints and while resizing):
 * the theme's page colour, kept by electron/window-theme.ts. Print windows keep their own.
 */
let pageBackground = '#eef0f3';
const pageWindows = new Set<BrowserWindow>();

export function setPageWindowBackground(color: string): void {
  pageBackground = color;
  for (const window of pageWindows) {
    if (!window.isDestroyed()) window.setBackgroundColor(color);
  }
}

/** Keeps `loadedContentsIds` for `whenPageLoaded` (and `pageWindows`); the id is read now, as a closed window's webContents may not be accessed. */
function trackLoading(window: BrowserWindow): void {
  pageWindows.add(window);
  window.on('closed', () => pageWindows.delete(window));
  const contentsId = window.webContents.id;
  window.webContents.on('did-finish-load', () => loadedContentsIds.add(contentsId));
  window.on('closed', () => loadedContentsIds.delete(contentsId));
}

export function isAppWindow(contents: WebContents): boolean {
  return appContentsIds.has(contents.id);
}

/** The app's window, if one is open. */
export function findMainWindow(): BrowserWindow | null {
  return BrowserWindow.getAllWindows().find((candidate) => !candidate.isDestroyed() && isAppWindow(candidate.webContents)) ?? null;
}

/**
 * Brings the app's window to the front, e.g. when the app is started a second time; opens one
 * with `open` when none is open (macOS keeps running without windows). Returns the window.
 */
export function showMainWindow(open: () => BrowserWindow = createMainWindow): BrowserWindow {
  const window = findMainWindow();
  if (!window) return open();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  return window;
}

/**
 * Runs `callback` once the window's page has loaded: at once if it has, else on `did-finish-load`.
 * What main sends before that goes nowhere. Never for a window that closed first.
 */
export function whenPageLoaded(window: BrowserWindow, callback: () => void): void {
  if (window.isDestroyed()) return;
  const contents = window.webContents;
  if (loadedContentsIds.has(contents.id)) {
    callback();
  } else {
    contents.once('did-finish-load', () => {
      if (!window.isDestroyed()) callback();
    });
  }
}

/** Whether enough of `bounds` lies in the work area of a display connected now. */
export function isOnAConnectedDisplay(bounds: Rectangle): boolean {
  return displayAreaFor(bounds) !== null;
}

/**
 * Saved bounds as they can be restored now: null when no connected display shows enough of them;
 * else moved and shrunk into the work area of the display that shows most of the window (a
 * projector with a lower resolution, a title bar above the screen's top edge).
 */
export function placeOnConnectedDisplay(bounds: Rectangle): Rectangle | null {
  const area = displayAreaFor(bounds);
  if (!area) return null;
  const width = Math.min(bounds.width, area.width);
  const height = Math.min(bounds.height, area.height);
  return {
    x: clamp(bounds.x, area.x, area.x + area.width - width),
    y: clamp(bounds.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

/** The work area showing the largest part of `bounds`, if one shows enough to grab the window. */
function displayAreaFor(bounds: Rectangle): Rectangle | null {
  const needWidth = Math.min(minimumVisible.width, bounds.width);
  const needHeight = Math.min(minimumVisible.height, bounds.height);
  if (needWidth <= 0 || needHeight <= 0) return null;
  let best: { area: Rectangle; visible: number } | null = null;
  for (const { workArea } of screen.getAllDisplays()) {
    const width = Math.min(bounds.x + bounds.width, workArea.x + workArea.width) - Math.max(bounds.x, workArea.x);
    const height = Math.min(bounds.y + bounds.height, workArea.y + workArea.height) - Math.max(bounds.y, workArea.y);
    if (width < needWidth || height < needHeight) continue;
    if (!best || width * height > best.visible) best = { area: workArea, visible: width * height };
  }
  return best?.area ?? null;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

/** Reports the window's bounds on close, and a moment after each move or resize (a crash keeps them too). */
function keepBounds(window: BrowserWindow, save: (bounds: WindowBounds) => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (!window.isDestroyed()) save(currentBounds(window));
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(saveNow, saveBoundsDelayMs);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  // 'close' comes while the window still exists; 'closed' only after it is gone.
  window.on('close', saveNow);
  window.on('closed', () => clearTimeout(timer));
}

/** The normal bounds (not those of the maximized or full-screen window), and whether it is maximized. */
function currentBounds(window: BrowserWindow): WindowBounds {
  const maximized = window.isMaximized();
  const { x, y, width, height } = maximized || window.isFullScreen() || window.isMinimized() ? window.getNormalBounds() : window.getBounds();
  return { x, y, width, height, maximized };
}
