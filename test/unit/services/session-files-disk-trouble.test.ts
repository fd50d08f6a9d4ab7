/**
 * "A read-only or vanished folder produces the error state, no exception escapes, and saving
 * resumes when the folder is back." Faults are injected at the fs layer: CI runs as root, where
 * chmod and read-only bits stop nothing.
 */
import * as nodeFs from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaveProblemCode } from '../../../core/file-problems';
import type { Session } from '../../../core/model';
import { parseSessionFile } from '../../../core/session-file';
import { FileError } from '../../../electron/services/file-error';
import { SessionFiles, type SessionFs } from '../../../electron/services/session-files';
import { faultyFs, removeTempFolders, sampleSession, tempFilesIn, tempFolder, type Faults } from './support';

afterEach(removeTempFolders);

function service(folder: string, fs?: SessionFs): SessionFiles {
  return new SessionFiles({ folder: () => folder, trash: async () => undefined, ...(fs && { fs }) });
}

async function fileSession(path: string): Promise<Session> {
  const result = parseSessionFile(await nodeFs.readFile(path, 'utf8'));
  if (!result.ok) throw new Error(`${path}: ${result.problem} ${result.detail}`);
  return result.session;
}

/** Calls `save` and returns how it failed. A synchronous throw would fail the test here. */
async function saveFailure(save: () => Promise<unknown>): Promise<FileError> {
  const outcome = await save().then(
    () => 'saved',
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(FileError);
  return outcome as FileError;
}

/** Counts unhandled rejections while a test runs; a failed save must reject its own promise only. */
function watchUnhandledRejections(): { readonly count: () => number; readonly stop: () => void } {
  let count = 0;
  const listener = (): void => {
    count++;
  };
  process.on('unhandledRejection', listener);
  return { count: () => count, stop: () => process.off('unhandledRejection', listener) };
}

describe('SessionFiles: disk trouble', () => {
  it('a vanished folder: saving fails with folderMissing, does not recreate it, and resumes when it is back', async () => {
    const folder = join(await tempFolder(), 'USB-Stick');
    const files = service(folder);
    const { path } = await files.create(sampleSession({ title: 'Vor dem Abziehen' }));
    const unhandled = watchUnhandledRejections();
    try {
      await nodeFs.rm(folder, { recursive: true });

      const error = await saveFailure(() => files.write(path, sampleSession({ title: 'Während' })));
      expect(error.apiError).toEqual({
        code: 'fileProblem',
        reason: 'folderMissing',
        file: basename(path),
        detail: expect.stringContaining('ENOENT'),
      });
      await expect(nodeFs.stat(folder)).rejects.toMatchObject({ code: 'ENOENT' });
      // The library of a vanished folder is empty, not an error.
      await expect(files.list()).resolves.toEqual([]);

      await nodeFs.mkdir(folder);
      const after = sampleSession({ title: 'Wieder da' }, 4);
      await expect(files.write(path, after)).resolves.toEqual({ savedAt: expect.any(String) });
      expect(await fileSession(path)).toEqual(after);
      expect(unhandled.count()).toBe(0);
    } finally {
      unhandled.stop();
    }
  });

  const faults: readonly { fault: Faults; reason: SaveProblemCode }[] = [
    { fault: { openForWrite: 'EROFS' }, reason: 'permissionDenied' },
    { fault: { openForWrite: 'EACCES' }, reason: 'permissionDenied' },
    { fault: { openForWrite: 'EPERM' }, reason: 'permissionDenied' },
    { fault: { write: 'ENOSPC' }, reason: 'diskFull' },
    { fault: { write: 'EDQUOT' }, reason: 'diskFull' },
    { fault: { write: 'EIO' }, reason: 'saveFailed' },
    { fault: { copyFile: 'ENOSPC', link: 'EPERM' }, reason: 'diskFull' },
    { fault: { link: 'EIO' }, reason: 'saveFailed' },
    { fault: { rename: 'EACCES' }, reason: 'permissionDenied' },
    { fault: { rename: 'ENOENT' }, reason: 'folderMissing' },
  ];

  it.each(faults)('$fault → $reason; the saved file stays intact and saving resumes once the fault is gone', async ({ fault, reason }) => {
    const folder = await tempFolder();
    const active: Faults = {};
    const files = service(folder, faultyFs(active));
    const { path } = await files.create(sampleSession({ title: 'Stand 0' }));
    const lastGood = sampleSession({ title: 'Stand 1' }, 5);
    await files.write(path, lastGood);
    const backupBefore = await nodeFs.readFile(`${path}.bak`, 'utf8');
    const unhandled = watchUnhandledRejections();
    try {
      Object.assign(active, fault);
      const error = await saveFailure(() => files.write(path, sampleSession({ title: 'Stand 2' }, 9)));
      expect(error.apiError).toMatchObject({ code: 'fileProblem', reason, file: basename(path) });
      expect(error.apiError.detail).toContain(Object.values(fault)[0]);

      expect(await fileSession(path)).toEqual(lastGood);
      expect(await nodeFs.readFile(`${path}.bak`, 'utf8')).toBe(backupBefore);
      expect(await tempFilesIn(folder)).toEqual([]);

      for (const key of Object.keys(active) as (keyof Faults)[]) active[key] = undefined;
      const next = sampleSession({ title: 'Stand 3' }, 11);
      await files.write(path, next);
      expect(await fileSession(path)).toEqual(next);
      expect(await fileSession(`${path}.bak`)).toEqual(lastGood);
      expect(unhandled.count()).toBe(0);
    } finally {
      unhandled.stop();
    }
  });

  it('a read-only folder on create fails with permissionDenied and leaves nothing behind', async () => {
    const folder = await tempFolder();
    const files = service(folder, faultyFs({ openForWrite: 'EROFS' }));
    const error = await saveFailure(() => files.create(sampleSession({ title: 'Neu' })));
    expect(error.apiError).toMatchObject({ code: 'fileProblem', reason: 'permissionDenied', file: expect.stringMatching(/^neu-.*\.nahtstelle$/) });
    expect(await nodeFs.readdir(folder)).toEqual([]);
  });

  it('a file that cannot be read opens as unreadable and is not touched', async () => {
    const folder = await tempFolder();
    const { path } = await service(folder).create(sampleSession());
    const before = await nodeFs.stat(path);
    const error = await saveFailure(() => service(folder, faultyFs({ readFile: 'EACCES' })).read(path));
    expect(error.apiError).toMatchObject({ code: 'fileProblem', reason: 'unreadable', file: basename(path) });
    expect((await nodeFs.stat(path)).mtimeMs).toBe(before.mtimeMs);
  });
});
