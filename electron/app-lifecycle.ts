/**
 * The app's lifecycle: what happens before and once Electron is ready. Each concern lives in its
 * own module; this one only puts them in order. Kept apart from main.ts so tests can run it.
 */
import { randomUUID } from 'node:crypto';
import { app, BrowserWindow } from 'electron';
import ElectronStore from 'electron-store';
import { createSession } from '../core/model';
import { appPageUrl } from './app-url';
import { createHandlers, type ApiHandlers, type MainServices } from './ipc/handlers';
import { registerIpcHandlers } from './ipc/register';
import { createSenderCheck } from './ipc/trusted-sender';
import { setupMenu, type AppMenu } from './menu';
import { resolveLanguage } from './menu-labels';
import { setupSecurity } from './security';
import { Preferences } from './services/preferences';
import { createMainWindow, isAppWindow, showMainWindow } from './windows';

export function runApp(): void {
  // Every renderer sandboxed, including any a future module might create without asking.
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (app.isReady()) showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Nahtstelle: start-up failed', error);
      app.exit(1);
    });
}

function start(): void {
  setupSecurity();
  const services: MainServices = {
    preferences: new Preferences(new ElectronStore({ name: 'preferences' })),
    systemLocale: () => app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    startupSession: () => createSession(randomUUID()),
  };
  const menu = setupMenu(
    () => BrowserWindow.getFocusedWindow(),
    resolveLanguage(services.preferences.language, services.systemLocale()),
  );
  const handlers = withMenuLanguage(createHandlers(services), menu, services.systemLocale);
  registerIpcHandlers(handlers, createSenderCheck({ isAppWindow, appPageUrl: appPageUrl() }));
  createMainWindow();
  // macOS keeps the app running without windows; clicking the dock icon opens one again.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
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
