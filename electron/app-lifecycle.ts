/**
 * The app's lifecycle: what happens before and once Electron is ready. Each concern lives in its
 * own module; this one only puts them in order. Kept apart from main.ts so tests can run it.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { app, BrowserWindow, shell } from 'electron';
import ElectronStore from 'electron-store';
import { appPageUrl } from './app-url';
import { createAudienceScreen } from './audience-window';
import { createDialogs } from './dialogs';
import { createElectronPrinter } from './export/printer';
import { createHandlers, type ApiHandlers, type MainServices } from './ipc/handlers';
import { registerIpcHandlers } from './ipc/register';
import { createSenderCheck } from './ipc/trusted-sender';
import { setupMenu, type AppMenu } from './menu';
import { resolveLanguage } from './menu-labels';
import { listenForOpenFiles, type OpenFiles } from './open-files';
import { setupSecurity } from './security';
import { PreferencesStore } from './services/preferences';
import { MemoryPreferences } from './services/preferences-memory';
import { SessionFiles } from './services/session-files';
import { createMainWindow, findMainWindow, isAppWindow, showMainWindow } from './windows';

export function runApp(): void {
  // Every renderer sandboxed, including any a future module might create without asking.
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // At once, not when ready: macOS hands over the file that launched the app before that.
  // Also answers `second-instance`: the window comes forward, with the file it was started for.
  const openFiles = listenForOpenFiles(process.argv, process.cwd());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(() => start(openFiles))
    .catch((error: unknown) => {
      console.error('Nahtstelle: start-up failed', error);
      app.exit(1);
    });
}

function start(openFiles: OpenFiles): void {
  setupSecurity();
  // In memory, persisted best-effort: a damaged or unwritable preferences file never stops the app.
  const preferencesFile = new MemoryPreferences(() => new ElectronStore({ name: 'preferences' }), join(app.getPath('userData'), 'preferences.json'));
  const preferences = new PreferencesStore(preferencesFile, join(app.getPath('documents'), 'Nahtstelle'));
  const systemLocale = (): string => app.getPreferredSystemLanguages()[0] ?? app.getLocale();
  const uiLanguage = () => resolveLanguage(preferences.language, systemLocale());
  const audience = createAudienceScreen();
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
  };
  const baseHandlers = createHandlers(services);
  const menu = setupMenu(focusedAppWindow, uiLanguage(), {
    openSession: () => void openFiles.deliver(() => baseHandlers.openSessionFromDisk()),
  });
  const handlers = withMenuLanguage(baseHandlers, menu, systemLocale);
  registerIpcHandlers(handlers, createSenderCheck({ isAppWindow, appPageUrl: appPageUrl() }));

  // Where the facilitator left the window, if that place is still on a screen. The audience window
  // closes with it: it has nothing to show without the control window, and would keep the app open.
  const openWindow = (): BrowserWindow => {
    const window = createMainWindow({ bounds: preferences.windowBounds, saveBounds: (bounds) => preferences.setWindowBounds(bounds) });
    window.on('closed', () => audience.close());
    return window;
  };
  openWindow();
  openFiles.start({
    openSession: (path) => handlers.openSession(path),
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

/** The menu speaks the UI's language, so it follows every language change the UI makes. */
function withMenuLanguage(handlers: ApiHandlers, menu: AppMenu, systemLocale: () => string): ApiHandlers {
  return {
    ...handlers,
    async setLanguage(language) {
      await handlers.setLanguage(language);
      menu.setLanguage(resolveLanguage(language, systemLocale()));
    },
  };
}
