/**
 * The app's lifecycle: what happens before and once Electron is ready. Each concern lives in its
 * own module; this one only puts them in order. Kept apart from main.ts so tests can run it.
 */
import { randomUUID } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, shell } from 'electron';
import ElectronStore from 'electron-store';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { appPageUrl, firstFrameRenderFile, phoneAppDir } from './app-url';
import { roomAddresses } from '../core/network';
import { sendEvent } from './ipc/events';
import { createRoomService, preferredRoomPort } from './services/room';
import { createAudienceScreen } from './audience-window';
import { createDialogs } from './dialogs';
import { exitAfterStartupFailure, finishQuitHeldBackBy, nativeWaylandWarning, setWindowsAppIdentity } from './desktop';
import { createElectronPrinter } from './export/printer';
import { createHandlers, type MainHandlers, type MainServices } from './ipc/handlers';
import { registerIpcHandlers } from './ipc/register';
import { createSenderCheck } from './ipc/trusted-sender';
import { setupMenu, type AppMenu } from './menu';
import { resolveLanguage } from './menu-labels';
import { listenForOpenFiles, type OpenFiles } from './open-files';
import { setupSecurity } from './security';
import { PreferencesStore } from './services/preferences';
import { MemoryPreferences } from './services/preferences-memory';
import { SessionFiles } from './services/session-files';
import { firstFramePages } from './services/first-frame';
import { followWindowTheme, type WindowTheme } from './window-theme';
import { createMainWindow, findMainWindow, isAppWindow, mainWindowHeight, showMainWindow } from './windows';

export function runApp(): void {
  // Every renderer sandboxed, including any a future module might create without asking.
  app.enableSandbox();
  // Before ready, as Electron requires: the app's page is served as app://, never from file:.
  registerAppScheme();
  setWindowsAppIdentity();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const wayland = nativeWaylandWarning();
  if (wayland) console.warn(wayland);
  // At once, not when ready: macOS hands over the file that launched the app before that.
  // Also answers `second-instance`: the window comes forward, with the file it was started for.
  const openFiles = listenForOpenFiles(process.argv, process.cwd());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(() => start(openFiles))
    .catch(exitAfterStartupFailure);
}

function start(openFiles: OpenFiles): void {
  setupSecurity();
  // In memory, persisted best-effort: a damaged or unwritable preferences file never stops the app.
  const preferencesFile = new MemoryPreferences(() => new ElectronStore({ name: 'preferences' }), join(app.getPath('userData'), 'preferences.json'));
  const preferences = new PreferencesStore(preferencesFile, join(app.getPath('documents'), 'Nahtstelle'));
  const systemLocale = (): string => app.getPreferredSystemLanguages()[0] ?? app.getLocale();
  const uiLanguage = () => resolveLanguage(preferences.language, systemLocale());
  const windowTheme = followWindowTheme(() => preferences.theme);
  const audience = createAudienceScreen();
  const room = createRoomService({
    phoneAppDir,
    addresses: () => roomAddresses(networkInterfaces()),
    emit: (event, payload) => {
      const control = findMainWindow();
      if (control) sendEvent(control.webContents, event, payload);
    },
    preferredPort: preferredRoomPort,
  });
  // Phones are out when the app quits (they are told, the port is freed).
  app.on('will-quit', () => void room.stop());
  const services: MainServices = {
    preferences,
    sessionFiles: new SessionFiles({ folder: () => preferences.sessionsFolder, trash: (path) => shell.trashItem(path) }),
    systemLocale,
    newSessionId: randomUUID,
    // Never modal to the audience window: a dialog there would be shown to the room.
    dialogs: createDialogs(() => focusedAppWindow() ?? findMainWindow(), {
      language: uiLanguage,
      sessionsFolder: () => preferences.sessionsFolder,
    }),
    reveal: (path) => shell.showItemInFolder(path),
    printer: createElectronPrinter(),
    audience,
    fullScreen: (on) => findMainWindow()?.setFullScreen(on),
    room,
  };
  const baseHandlers = createHandlers(services);
  const menu = setupMenu(focusedAppWindow, uiLanguage(), {
    openSession: () => void openFiles.deliver(() => baseHandlers.openSessionFromDisk()),
  });
  const handlers = withWindowTheme(withMenuLanguage(baseHandlers, menu, systemLocale), windowTheme);
  registerIpcHandlers(handlers, createSenderCheck({ isAppWindow, appPageUrl: appPageUrl() }));
  // The control page comes with its board already in the HTML (docs/ARCHITECTURE.md, "The first frame").
  handleAppProtocol({
    controlPage: firstFramePages({
      renderFile: firstFrameRenderFile(),
      prepareStartupState: () => handlers.prepareStartupState(),
      isStillPrepared: (startup) => handlers.isStillPrepared(startup),
      viewportHeight: () => findMainWindow()?.getContentSize()[1] ?? mainWindowHeight(preferences.windowBounds),
      shownTheme: (startup) => windowTheme.shown(startup.preferences.theme),
      report: (error) => console.error('Nahtstelle: the first frame could not be rendered; the page starts without it', error),
    }),
  });

  // Where the facilitator left the window, if that place is still on a screen. The audience window
  // closes with it: it has nothing to show without the control window, and would keep the app open.
  const openWindow = (): BrowserWindow => {
    const window = createMainWindow({ bounds: preferences.windowBounds, saveBounds: (bounds) => preferences.setWindowBounds(bounds) });
    window.on('closed', () => audience.close());
    // A page that loads (again, after a crash) starts with the phones off: the room goes with the page that ran it.
    window.webContents.on('did-start-loading', () => void room.stop());
    window.on('closed', () => void room.stop());
    finishQuitHeldBackBy(window);
    return window;
  };
  // Without its page the window would never show: the app would run on, invisible.
  openWindow().webContents.once('did-fail-load', (_event, code: number, description: string, url: string, isMainFrame: boolean) => {
    // -3 is an aborted load, which a newer load replaced.
    if (isMainFrame && code !== -3) exitAfterStartupFailure(new Error(`The app's page did not load (${description}, ${code}): ${url}`));
  });
  openFiles.start({
    openSession: (path) => handlers.openChosenSession(path),
    mainWindow: () => findMainWindow() ?? openWindow(),
    showMainWindow: () => void showMainWindow(openWindow),
  });
  // macOS keeps the app running without windows; clicking the dock icon opens one again.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

/** The focused window if it is the app's own: menu commands and dialogs belong to the control window. */
function focusedAppWindow(): BrowserWindow | null {
  const focused = BrowserWindow.getFocusedWindow();
  return focused && !focused.isDestroyed() && isAppWindow(focused.webContents) ? focused : null;
}

/** The system's drawing and the windows' background follow every theme change the UI makes. */
function withWindowTheme(handlers: MainHandlers, windowTheme: WindowTheme): MainHandlers {
  return {
    ...handlers,
    async setTheme(theme) {
      await handlers.setTheme(theme);
      windowTheme.apply();
    },
  };
}

/** The menu speaks the UI's language, so it follows every language change the UI makes. */
function withMenuLanguage(handlers: MainHandlers, menu: AppMenu, systemLocale: () => string): MainHandlers {
  return {
    ...handlers,
    async setLanguage(language) {
      await handlers.setLanguage(language);
      menu.setLanguage(resolveLanguage(language, systemLocale()));
    },
  };
}
