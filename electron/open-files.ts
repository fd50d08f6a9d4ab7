/**
 * Session files opened from outside the app: the first start's command line, macOS `open-file`, a second start.
 * docs/ARCHITECTURE.md, "Sessions on disk".
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow } from 'electron';
import { asApiError, type ApiError, type OpenedSession } from '../core/api';
import { sendEvent } from './ipc/events';
import { hasSessionFileExtension } from '../core/session-file';
import { whenPageLoaded } from './windows';

/** What opening needs from the running app; there once it is ready. */
export interface OpenFilesTarget {
  /** handlers.openChosenSession: checks the path, reads and validates the file, grants and remembers it. */
  readonly openSession: (path: string) => Promise<OpenedSession>;
  /** The app window to show the session in, opened if there is none. */
  readonly mainWindow: () => BrowserWindow;
  /** Brings the app window to the front (opens one if there is none). */
  readonly showMainWindow: () => void;
}

/** One open: resolves to the session, or null when nothing was chosen (a cancelled dialog). */
export type OpenTask = (target: OpenFilesTarget) => Promise<OpenedSession | null>;

export interface OpenFiles {
  /** Once the app is ready and its window exists: opens what waited, and from now on opens at once. */
  start(target: OpenFilesTarget): void;
  /** Runs an open (e.g. the menu's File › Open…) and shows its outcome in the app window. */
  deliver(task: OpenTask): Promise<void>;
}

/**
 * The session files a command line names: arguments ending in `.nahtstelle` (or `file:` URLs of
 * such files, as some Linux desktops pass them), made absolute against `cwd`, the directory the
 * command was started in. `argv[0]` is the app itself and switches (`--flag`, macOS's `-psn_…`,
 * Chromium's additions to a second instance's argv) are skipped; in development the later
 * arguments (`electron . file.nahtstelle`) hold no `.nahtstelle` path but the file's.
 */
export function sessionPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const paths: string[] = [];
  for (const argument of argv.slice(1)) {
    if (argument.startsWith('-')) continue;
    const path = fromFileUrl(argument);
    if (path === null || !hasSessionFileExtension(path)) continue;
    const absolute = isAbsolute(path) ? path : resolve(cwd, path);
    if (!paths.includes(absolute)) paths.push(absolute);
  }
  return paths;
}

function fromFileUrl(argument: string): string | null {
  if (!argument.startsWith('file:')) return argument;
  try {
    return fileURLToPath(argument);
  } catch {
    return null;
  }
}

/**
 * Starts listening for files handed to the app. Call at once when the process starts, before
 * `ready`: macOS sends `open-file` for the file that launched the app before the app is ready.
 * `argv` and `cwd` are the first start's own (process.argv, process.cwd()). The app has one
 * session open at a time, so of a command line naming several files only the first is opened.
 */
export function listenForOpenFiles(argv: readonly string[], cwd: string): OpenFiles {
  let target: OpenFilesTarget | null = null;
  const waiting: OpenTask[] = [];
  /** Opens run one after another, so the last file handed over is the one that ends up open. */
  let queue: Promise<void> = Promise.resolve();

  const run = (task: OpenTask): Promise<void> => {
    if (!target) {
      waiting.push(task);
      return Promise.resolve();
    }
    const current = target;
    queue = queue
      .then(() => openAndSend(current, task))
      .catch((error: unknown) => console.error('Nahtstelle: could not show a session file from outside', error));
    return queue;
  };
  const openPath =
    (path: string): OpenTask =>
    (current) =>
      current.openSession(path);

  const [firstPath] = sessionPathsFromArgv(argv, cwd);
  if (firstPath !== undefined) waiting.push(openPath(firstPath));

  app.on('open-file', (event, path) => {
    // Handled here: without preventDefault macOS reports that the app cannot open the file.
    event.preventDefault();
    target?.showMainWindow();
    void run(openPath(path));
  });
  app.on('second-instance', (_event, secondArgv, workingDirectory) => {
    target?.showMainWindow();
    const [path] = sessionPathsFromArgv(secondArgv, workingDirectory);
    if (path !== undefined) void run(openPath(path));
  });

  return {
    start(ready) {
      target = ready;
      for (const task of waiting.splice(0)) void run(task);
    },
    deliver: run,
  };
}

/** Runs one open and sends its outcome to the app window once the window's page has loaded. */
async function openAndSend(target: OpenFilesTarget, task: OpenTask): Promise<void> {
  let send: (window: BrowserWindow) => void;
  try {
    const session = await task(target);
    if (session === null) return;
    send = (window) => sendEvent(window.webContents, 'sessionOpened', session);
  } catch (error) {
    const problem = openProblemOf(error);
    console.warn(`Nahtstelle: a session file from outside did not open (${problem.code}: ${problem.detail})`);
    send = (window) => sendEvent(window.webContents, 'openFailed', problem);
  }
  const window = target.mainWindow();
  whenPageLoaded(window, () => send(window));
}

/** The ApiError a failed open carries (FileError, ApiException), or `internal` for anything unexpected. */
export function openProblemOf(error: unknown): ApiError {
  const carried = typeof error === 'object' && error !== null && 'apiError' in error ? asApiError(error.apiError) : undefined;
  return carried ?? { code: 'internal', detail: error instanceof Error ? error.message : String(error) };
}
