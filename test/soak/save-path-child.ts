/**
 * The soak's kill child (bundled with esbuild, run with plain `node`): the real save path as the
 * web test host wires it — the renderer's board store and autosave, main's handler table with its
 * argument validation, SessionFiles — in one process that the soak kills with SIGKILL. It opens
 * the session file given as argument, then makes an edit every few milliseconds (the session's
 * title becomes `Edit <n>`), printing `ready <t>` once and `edit <n> <t>` before each edit
 * (t: Date.now()). stdout to a pipe is synchronous in Node on POSIX: a printed edit was made.
 */
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import type { OpenedSession, SavedState } from '../../core/api';
import { createHandlers, dispatchCall, type ApiHandlers } from '../../electron/ipc/handlers';
import { PreferencesStore, type KeyValueStore } from '../../electron/services/preferences';
import { SessionFiles } from '../../electron/services/session-files';
import { startAutosave } from '../../renderer/src/store/autosave';
import { useBoard } from '../../renderer/src/store/board-store';

const path = process.argv[2];
const seed = Number(process.argv[3] ?? 1);
/** Edit numbers go on from the last run's, so an edit on disk names the run that made it. */
const firstEdit = Number(process.argv[4] ?? 1);
if (!path) throw new Error('usage: save-path-child <session file> [seed]');

const memory = new Map<string, unknown>();
const store: KeyValueStore = {
  get: (key) => memory.get(key),
  set: (key, value) => void memory.set(key, value),
  delete: (key) => void memory.delete(key),
};
const preferences = new PreferencesStore(store, dirname(path));
const cancelled = async () => null;
const unused = () => {
  throw new Error('not used by the soak');
};
const handlers: ApiHandlers = createHandlers({
  preferences,
  sessionFiles: new SessionFiles({ folder: () => dirname(path), trash: async () => undefined }),
  systemLocale: () => 'de-DE',
  newSessionId: randomUUID,
  dialogs: {
    chooseSessionFile: cancelled,
    chooseSaveAsPath: cancelled,
    chooseFolder: cancelled,
    chooseExportPath: cancelled,
    confirmOpenFile: async () => false,
  },
  reveal: () => undefined,
  printer: { pdf: unused, png: unused },
  audience: { open: () => 'sameDisplay', close: () => undefined, show: () => undefined },
  fullScreen: () => undefined,
  room: {
    addresses: () => ({ addresses: [], preselected: undefined }),
    state: () => ({ on: false }),
    start: unused,
    stop: async () => undefined,
    setJoining: unused,
    newCode: unused,
    end: unused,
    remove: unused,
    answer: unused,
    showViews: unused,
  },
});

/** One call as the web host makes it: the arguments cross as JSON and are validated by dispatchCall. */
async function call<T>(verb: 'openSession' | 'saveSession', ...args: unknown[]): Promise<T> {
  const result = await dispatchCall(handlers, verb, JSON.parse(JSON.stringify(args)));
  if (!result.ok) throw new Error(`${verb}: ${result.error.code} ${result.error.detail}`);
  return result.value as T;
}

useBoard.getState().open(await call<OpenedSession>('openSession', path));
startAutosave((file, session) => call<SavedState>('saveSession', file, session));
process.stdout.write(`ready ${Date.now()}\n`);

let state = seed >>> 0 || 1;
const random = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
};
let n = firstEdit - 1;
const edit = () => {
  n++;
  process.stdout.write(`edit ${n} ${Date.now()}\n`);
  useBoard.getState().dispatch({ type: 'updateDetails', details: { title: `Edit ${n}` } });
  // Between 1 and 15 ms: bursts a debounce alone would postpone forever.
  setTimeout(edit, 1 + Math.floor(random() * 15));
};
edit();
