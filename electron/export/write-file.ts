/**
 * Writes an exported file so that the chosen name never holds half a file: the bytes go to a temp
 * file in the same folder, are flushed to the disk, and only then renamed over the target (an
 * atomic step on every platform the app runs on). A failure removes the temp file and leaves
 * whatever was under the name before untouched. The folder is never created: a vanished folder is
 * an error the caller reports.
 *
 * Plain Node, no Electron: the CLI uses it, and main's export handler is meant to (it is the
 * session service's write without the backup, which an export does not need).
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFailure } from '../services/file-error';

/** The part of node:fs/promises used here; tests inject faults (ENOSPC, EACCES …) through it. */
export type ExportFs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink'>;

/**
 * Writes `data` to `path` atomically. Throws a FileError (core/file-problems: diskFull,
 * folderMissing, permissionDenied, saveFailed) naming the file.
 */
export async function writeFileAtomically(path: string, data: Uint8Array, fs: ExportFs = nodeFs): Promise<void> {
  const temp = join(dirname(path), `.${basename(path).slice(0, 100)}.${randomBytes(8).toString('hex')}.tmp`);
  try {
    // 'wx': never reuse (or follow a link at) a name that exists already.
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } catch (error) {
      // The write's own error (ENOSPC …) is the one to report, not a close() failing after it.
      await handle.close().catch(() => undefined);
      throw error;
    }
    await handle.close();
    await fs.rename(temp, path);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw writeFailure(error, path);
  }
  await syncFolder(dirname(path), fs);
}

/**
 * Makes the rename itself durable. Best effort: the file is complete and in place either way, and
 * some platforms cannot sync a folder at all (Windows, some network and FUSE file systems).
 */
async function syncFolder(folder: string, fs: ExportFs): Promise<void> {
  const handle = await fs.open(folder, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}
