/** Writing a file so that its name never holds half a file. docs/ARCHITECTURE.md, "Sessions on disk". */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorCode, writeFailure } from './file-error';

/** The part of node:fs/promises an atomic write needs; tests inject faults (ENOSPC, EACCES …) through it. */
export type AtomicFs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink'>;

/** Directory fsync is not possible everywhere (Windows, some network and FUSE file systems). */
const folderSyncUnsupported = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EBADF']);

/** Base names are cut so that a long file name plus the temp decoration stays within 255 bytes. */
export function tempBase(path: string): string {
  return basename(path).slice(0, 100);
}

/** `.<name>.<16 hex>.tmp` next to `path`: hidden, unique, and recognisable as ours. */
export function tempPath(path: string): string {
  return join(dirname(path), `.${tempBase(path)}.${randomBytes(8).toString('hex')}.tmp`);
}

/**
 * What a file is written from: text, bytes, or bytes in pieces. Pieces go to the disk as they are
 * (a session's cards keep their bytes from save to save), without first copying them into one buffer.
 */
export type FileData = string | Uint8Array | readonly Uint8Array[];

/** Writes a new file and flushes it to the disk before anyone renames it into place. */
export async function writeDurably(fs: Pick<AtomicFs, 'open'>, path: string, data: FileData): Promise<void> {
  // 'wx': a temp name that exists already is never reused (or followed, if it is a link).
  const handle = await fs.open(path, 'wx');
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    else await writePieces(handle, data);
    await handle.sync();
  } catch (error) {
    // The write's own error (ENOSPC …) is the one to report, not a close() failing after it.
    await handle.close().catch(() => undefined);
    throw error;
  }
  await handle.close();
}

/** Writes every piece in order, however many bytes each `writev` call takes. */
async function writePieces(handle: nodeFs.FileHandle, pieces: readonly Uint8Array[]): Promise<void> {
  let rest = pieces.filter((piece) => piece.length > 0);
  while (rest.length > 0) {
    const { bytesWritten } = await handle.writev(rest);
    // Without a system error code this is reported as saveFailed (file-error.ts).
    if (bytesWritten <= 0) throw new Error('The write made no progress');
    rest = afterBytes(rest, bytesWritten);
  }
}

/** `pieces` without their first `count` bytes. */
function afterBytes(pieces: readonly Uint8Array[], count: number): Uint8Array[] {
  let skipped = 0;
  for (const [i, piece] of pieces.entries()) {
    if (skipped + piece.length > count) return [piece.subarray(count - skipped), ...pieces.slice(i + 1)];
    skipped += piece.length;
  }
  return [];
}

/**
 * Makes a rename in `folder` durable. Where the platform cannot sync a folder it does nothing;
 * any other failure is thrown.
 */
export async function syncFolder(fs: Pick<AtomicFs, 'open'>, folder: string): Promise<void> {
  let handle: nodeFs.FileHandle;
  try {
    handle = await fs.open(folder, 'r');
  } catch (error) {
    if (folderSyncUnsupported.has(errorCode(error) ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!folderSyncUnsupported.has(errorCode(error) ?? '')) throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Runs `use` with a fresh temp name next to `path` (`tempPath`). If it fails, the temp file is
 * removed and the error passed on: no half-made file stays behind.
 */
export async function withTempFile<T>(fs: Pick<AtomicFs, 'unlink'>, path: string, use: (temp: string) => Promise<T>): Promise<T> {
  const temp = tempPath(path);
  try {
    return await use(temp);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Puts `data` under `path` in one step: durable temp file, then `beforeRename` (the session's
 * backup), then the rename. On any failure the temp file is gone, what was under `path` is
 * untouched, and a FileError naming the file is thrown. The folder is not synced here.
 */
export async function replaceAtomically(fs: AtomicFs, path: string, data: FileData, beforeRename?: () => Promise<void>): Promise<void> {
  try {
    await withTempFile(fs, path, async (temp) => {
      await writeDurably(fs, temp, data);
      await beforeRename?.();
      await fs.rename(temp, path);
    });
  } catch (error) {
    throw writeFailure(error, path);
  }
}

/**
 * Writes `data` to `path` atomically (an export: no backup). Throws a FileError (core/file-problems:
 * diskFull, folderMissing, permissionDenied, saveFailed) naming the file; the folder is never
 * created. The folder sync is best effort: the file is complete and in place either way.
 */
export async function writeFileAtomically(path: string, data: Uint8Array, fs: AtomicFs = nodeFs): Promise<void> {
  await replaceAtomically(fs, path, data);
  await syncFolder(fs, dirname(path)).catch(() => undefined);
}
