/**
 * How the app fits in on each desktop: the Windows taskbar identity, the error box of a failed start, a macOS quit a save held back.
 * Checked by hand: docs/real-machines.md, "Every system".
 */
import { app, dialog, type BrowserWindow } from 'electron';
import type { Language } from '../core/api';
import { resolveLanguage } from './menu-labels';

/**
 * The AppUserModelID Windows groups taskbar buttons by. The NSIS installer gives its shortcuts the
 * build's appId (electron-builder.yml); the running app must name the same one, or a pinned
 * shortcut gets a second taskbar button next to it.
 */
export const appUserModelId = 'de.nahtstelle.app';

export function setWindowsAppIdentity(): void {
  if (process.platform === 'win32') app.setAppUserModelId(appUserModelId);
}

/**
 * On Linux, Electron (≥ 38) runs natively on Wayland when the session is one, and Wayland lets no
 * app place its windows: the audience window cannot go onto the projector, saved positions are
 * not restored. The desktop entry and `npm start` pass --ozone-platform=x11 (XWayland); a start
 * without it is told how, on the console. The switch cannot be added here: Electron has chosen its
 * platform before this code runs.
 */
export function nativeWaylandWarning(env: NodeJS.ProcessEnv = process.env): string | null {
  if (process.platform !== 'linux') return null;
  const wayland = env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
  if (!wayland || app.commandLine.getSwitchValue('ozone-platform') === 'x11') return null;
  return (
    'Nahtstelle: running natively on Wayland, which lets no app place its windows: the audience window ' +
    'cannot be put on the projector, and window positions are not restored. ' +
    'Start Nahtstelle with --ozone-platform=x11 (XWayland), as its desktop entry and `npm start` do.'
  );
}

export const startupFailureLabels: Readonly<Record<Language, { readonly title: string; readonly message: string }>> = {
  de: {
    title: 'Nahtstelle konnte nicht starten',
    message: 'Nahtstelle wird beendet. Ihre gespeicherten Sitzungen sind davon nicht betroffen. Grund:',
  },
  en: {
    title: 'Nahtstelle could not start',
    message: 'Nahtstelle will close. Your saved sessions are not affected. The reason:',
  },
};

/**
 * Tells the facilitator why the app is closing instead of vanishing without a word: a modal box
 * in the system's language (the preferences may be what failed), then exit. Electron allows the
 * box before `ready`; on Linux before `ready` it goes to stderr.
 */
export function exitAfterStartupFailure(error: unknown): void {
  console.error('Nahtstelle: start-up failed', error);
  try {
    const locale = app.getPreferredSystemLanguages()[0] ?? app.getLocale();
    const labels = startupFailureLabels[resolveLanguage(null, locale)];
    dialog.showErrorBox(labels.title, `${labels.message}\n\n${reasonOf(error)}`);
  } finally {
    app.exit(1);
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * A quit held back by the page (it saves a change still only in memory first, see
 * renderer/src/store/autosave.ts) is cancelled by Electron; the page then closes its window. On
 * Windows and Linux the app ends with its last window anyway; on macOS it would stay running with
 * no window at all. So a quit that a window held back is finished once that window has closed.
 * Call once per control window.
 */
export function finishQuitHeldBackBy(window: BrowserWindow): void {
  let quitRequested = false;
  let quitAfterClose = false;
  const onBeforeQuit = (): void => {
    quitRequested = true;
  };
  app.on('before-quit', onBeforeQuit);
  window.webContents.on('will-prevent-unload', () => {
    if (quitRequested) quitAfterClose = true;
    quitRequested = false;
  });
  window.on('closed', () => {
    app.removeListener('before-quit', onBeforeQuit);
    if (quitAfterClose) app.quit();
  });
}
