/**
 * The app's windows. Every window is created here, with the same security baseline, and tracked so
 * the IPC wrapper can tell the app's own pages from any other webContents.
 */
import { fileURLToPath } from 'node:url';
import { BrowserWindow, type WebContents } from 'electron';
import { rendererIndexPath } from './app-url';

/** webContents ids of open app windows; ids are never reused within a run. */
const appContentsIds = new Set<number>();

/** The bundled preload, next to the built main process (out/main → out/preload). */
export function preloadPath(): string {
  return fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Nahtstelle',
    backgroundColor: '#f4f5f7',
    // Shown once the first paint is ready, so the window never flashes empty.
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
      preload: preloadPath(),
    },
  });

  // Read the id now: once the window is closed its webContents may no longer be accessed.
  const contentsId = window.webContents.id;
  appContentsIds.add(contentsId);
  window.on('closed', () => appContentsIds.delete(contentsId));
  window.once('ready-to-show', () => window.show());

  // Always the bundled page from disk: no environment variable can point the window (and with it
  // the preload bridge) at another page.
  window
    .loadFile(rendererIndexPath())
    .catch((error: unknown) => console.error('Nahtstelle: the window could not load its page', error));
  return window;
}

export function isAppWindow(contents: WebContents): boolean {
  return appContentsIds.has(contents.id);
}

/** Brings the app's window to the front, e.g. when the app is started a second time. */
export function showMainWindow(): void {
  const window = BrowserWindow.getAllWindows().find((candidate) => isAppWindow(candidate.webContents));
  if (!window) {
    createMainWindow();
    return;
  }
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
