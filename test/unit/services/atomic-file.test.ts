/**
 * An exported file is written whole or not at all: a failure (disk full, no permission, folder
 * gone) leaves the previous file under the name untouched, no temp file behind, and says why.
 * Faults are injected at the fs layer, as in the session-file tests (CI runs as root).
 */
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replaceAtomically, writeFileAtomically, type AtomicFs } from '../../../electron/services/atomic-file';
import { FileError } from '../../../electron/services/file-error';
import { faultyFs, removeTempFolders, snapshot, tempFilesIn, tempFolder } from './support';

afterEach(removeTempFolders);

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

async function failure(write: () => Promise<unknown>): Promise<FileError> {
  const outcome = await write().then(
    () => 'written',
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(FileError);
  return outcome as FileError;
}

describe('writeFileAtomically', () => {
  it('writes the bytes, replaces an earlier file, and leaves nothing else in the folder', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'summary.md');
    await writeFileAtomically(path, bytes('first'));
    await writeFileAtomically(path, bytes('second ✓'));
    expect(await nodeFs.readFile(path, 'utf8')).toBe('second ✓');
    expect(await nodeFs.readdir(folder)).toEqual(['summary.md']);
  });

  it.each([
    ['a full disk while writing', { write: 'ENOSPC' }, 'diskFull'],
    ['no permission to create the file', { openForWrite: 'EACCES' }, 'permissionDenied'],
    ['a failing rename', { rename: 'EIO' }, 'saveFailed'],
  ] as const)('%s: reports %s and keeps the earlier file as it was', async (_case, faults, reason) => {
    const folder = await tempFolder();
    const path = join(folder, 'summary.csv');
    await writeFileAtomically(path, bytes('earlier export'));
    const before = await snapshot(path, folder);

    const error = await failure(() => writeFileAtomically(path, bytes('x'.repeat(100_000)), faultyFs(faults)));
    expect(error.apiError).toMatchObject({ code: 'fileProblem', reason, file: 'summary.csv' });
    expect(await snapshot(path, folder)).toEqual(before);
    expect(await tempFilesIn(folder)).toEqual([]);
  });

  it('a folder that is gone: reports folderMissing and does not create it', async () => {
    const folder = join(await tempFolder(), 'USB-Stick');
    const error = await failure(() => writeFileAtomically(join(folder, 'summary.docx'), bytes('x')));
    expect(error.apiError).toMatchObject({ reason: 'folderMissing', file: 'summary.docx' });
    await expect(nodeFs.stat(folder)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

/** node:fs/promises whose file handles take at most `limit` bytes per writev call, as a kernel may. */
function shortWritesFs(limit: number): AtomicFs {
  return {
    ...nodeFs,
    async open(...args: Parameters<typeof nodeFs.open>) {
      const handle = await nodeFs.open(...args);
      return new Proxy(handle, {
        get(target, key) {
          if (key === 'writev')
            return async (pieces: Uint8Array[]) => {
              const first = pieces[0] ?? new Uint8Array();
              const { bytesWritten } = await target.write(first, 0, Math.min(limit, first.length));
              return { bytesWritten, buffers: pieces };
            };
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
  };
}

describe('replaceAtomically with the file in pieces (how a session is saved)', () => {
  it('writes every piece in order, also when each write takes only a few bytes', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'session.nahtstelle');
    const pieces = ['{"head": ', '', 'Übergabe → Vertrieb', ', "tail": 1}'].map(bytes);
    await replaceAtomically(shortWritesFs(3), path, pieces);
    expect(await nodeFs.readFile(path, 'utf8')).toBe('{"head": Übergabe → Vertrieb, "tail": 1}');
    expect(await tempFilesIn(folder)).toEqual([]);
  });

  it.each([
    ['a write that makes no progress', shortWritesFs(0), 'saveFailed'],
    ['a full disk halfway through the pieces', faultyFs({ write: 'ENOSPC' }), 'diskFull'],
  ] as const)('%s: reports %s, keeps the earlier file and leaves no temp file', async (_case, fs, reason) => {
    const folder = await tempFolder();
    const path = join(folder, 'session.nahtstelle');
    await replaceAtomically(nodeFs, path, [bytes('earlier')]);
    const error = await failure(() => replaceAtomically(fs, path, [bytes('a'), bytes('b'), bytes('c')]));
    expect(error.apiError).toMatchObject({ code: 'fileProblem', reason, file: 'session.nahtstelle' });
    expect(await nodeFs.readFile(path, 'utf8')).toBe('earlier');
    expect(await tempFilesIn(folder)).toEqual([]);
  });
});
