/**
 * The crash test's child process (bundled with esbuild, run with plain `node`): opens the session
 * file given as argument, then autosaves states k+1, k+2, … through SessionFiles.write forever,
 * printing `ready k` once and `ack n` after each save resolves. The parent kills it with SIGKILL.
 * stdout to a pipe is synchronous in Node on POSIX, so an ack is in the pipe before the next save starts.
 */
import { dirname } from 'node:path';
import { SessionFiles } from '../../../electron/services/session-files';
import { autosaveCounter, autosaveState } from './autosave-state';

const path = process.argv[2];
if (!path) throw new Error('usage: autosave-child <session file>');

const files = new SessionFiles({ folder: () => dirname(path), trash: async () => undefined });
const opened = await files.read(path);
let k = autosaveCounter(opened.session);
if (!Number.isSafeInteger(k)) throw new Error(`Not an autosave state: ${opened.session.details.title}`);
process.stdout.write(`ready ${k}\n`);
for (;;) {
  k++;
  await files.write(path, autosaveState(k));
  process.stdout.write(`ack ${k}\n`);
}
