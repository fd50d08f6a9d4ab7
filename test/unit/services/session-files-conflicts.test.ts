/**
 * Never lose an edit, part 2 (issue 11, points 6–8 of the service): a file changed elsewhere is
 * kept as a conflict copy before it is overwritten; copies are fsynced before they count; a
 * failed folder sync is surfaced; a file cut inside a character is "cut off", not "not text"; a
 * session too large to open again is never written.
 */
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cardLimits, type Session } from '../../../core/model';
import { maxSessionFileBytes, parseSessionFile, serializeSession } from '../../../core/session-file';
import { FileError } from '../../../electron/services/file-error';
import { SessionFiles, type SessionFs } from '../../../electron/services/session-files';
import { removeTempFolders, sampleSession, tempFolder, withTitle } from './support';

afterEach(removeTempFolders);

const at = new Date(2027, 2, 4, 9, 5, 6);

function service(folder: string, fs?: SessionFs): SessionFiles {
  return new SessionFiles({ folder: () => folder, trash: async () => undefined, now: () => at, ...(fs && { fs }) });
}

async function fileSession(path: string): Promise<Session> {
  const result = parseSessionFile(await nodeFs.readFile(path, 'utf8'));
  if (!result.ok) throw new Error(`${path}: ${result.problem} ${result.detail}`);
  return result.session;
}

async function rejection(promise: Promise<unknown>): Promise<FileError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(FileError);
  return error as FileError;
}

describe('SessionFiles: a file changed by another program while open', () => {
  it('keeps the other version as "<name> (changed elsewhere <time>).nahtstelle", listed in the library, and says so once', async () => {
    const folder = await tempFolder();
    const files = service(folder);
    const mine = sampleSession({ title: 'Kick-off' });
    const { path } = await files.create(mine);
    await files.write(path, withTitle(mine, 'Kick-off, my edit'));
    // A sync tool puts the other machine's version in place (a new file renamed over it).
    const theirs = withTitle(mine, 'Kick-off, their edit');
    await nodeFs.writeFile(`${path}.sync`, serializeSession(theirs));
    await nodeFs.rename(`${path}.sync`, path);

    const saved = await files.write(path, withTitle(mine, 'Kick-off, my next edit'));
    const copy = join(folder, `${basename(path, '.nahtstelle')} (changed elsewhere 2027-03-04 09.05.06).nahtstelle`);
    expect(saved.conflictCopy).toBe(copy);
    expect(await fileSession(copy)).toEqual(theirs);
    expect((await fileSession(path)).details.title).toBe('Kick-off, my next edit');
    const listed = (await files.list()).map((entry) => [entry.fileName, entry.title]);
    expect(listed).toEqual(
      expect.arrayContaining([
        [basename(copy), 'Kick-off, their edit'],
        [basename(path), 'Kick-off, my next edit'],
      ]),
    );
    // Told once: the next save finds the file as it left it.
    expect((await files.write(path, withTitle(mine, 'Kick-off, again'))).conflictCopy).toBeUndefined();
  });

  it('a second conflict in the same second gets its own name; nothing is replaced', async () => {
    const folder = await tempFolder();
    const files = service(folder);
    const { path } = await files.create(sampleSession({ title: 'Zwei' }));
    const copies: string[] = [];
    for (const title of ['A', 'B']) {
      await nodeFs.writeFile(path, serializeSession(sampleSession({ title })));
      const saved = await files.write(path, sampleSession({ title: 'mine' }));
      copies.push(saved.conflictCopy ?? '');
    }
    expect(new Set(copies).size).toBe(2);
    expect(await Promise.all(copies.map(async (copy) => (await fileSession(copy)).details.title))).toEqual(['A', 'B']);
  });

  it('no conflict copy when the file is only touched or copied back unchanged, nor for a file never read', async () => {
    const folder = await tempFolder();
    const files = service(folder);
    const { path } = await files.create(sampleSession({ title: 'Gleich' }));
    await nodeFs.utimes(path, new Date('2030-01-01'), new Date('2030-01-01'));
    expect((await files.write(path, sampleSession({ title: 'x' }))).conflictCopy).toBeUndefined();
    const other = join(folder, 'fremd.nahtstelle');
    await nodeFs.writeFile(other, serializeSession(sampleSession({ title: 'Fremd' })));
    expect((await service(folder).write(other, sampleSession({ title: 'y' }))).conflictCopy).toBeUndefined();
    expect((await nodeFs.readdir(folder)).filter((name) => name.includes('changed elsewhere'))).toEqual([]);
  });
});

describe('SessionFiles: durability of copies', () => {
  /** A node:fs that logs open-for-sync, sync, rename, link, unlink and copyFile by base name, in order. */
  function loggingFs(overrides: Partial<SessionFs> = {}): { fs: SessionFs; log: string[] } {
    const log: string[] = [];
    const name = (path: unknown) => basename(String(path)).replace(/\.[0-9a-f]{16}\.tmp$/, '.TMP');
    const fs: SessionFs = {
      ...nodeFs,
      async open(...args: Parameters<typeof nodeFs.open>) {
        const handle = await nodeFs.open(...args);
        const path = args[0];
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          log.push(`sync ${name(path)}`);
          return sync();
        };
        return handle;
      },
      async rename(from, to) {
        log.push(`rename ${name(from)} → ${name(to)}`);
        return nodeFs.rename(from, to);
      },
      async copyFile(from, to, mode) {
        log.push(`copy ${name(from)} → ${name(to)}`);
        return nodeFs.copyFile(from, to, mode);
      },
      async link(from, to) {
        log.push(`link ${name(from)} → ${name(to)}`);
        return nodeFs.link(from, to);
      },
      async unlink(path) {
        log.push(`unlink ${name(path)}`);
        return nodeFs.unlink(path);
      },
      ...overrides,
    };
    return { fs, log };
  }

  it('keeps the old file as the backup by a hard link: no bytes copied, and no second fsync of a file it wrote itself', async () => {
    const folder = await tempFolder();
    const { fs, log } = loggingFs();
    const files = service(folder, fs);
    const { path } = await files.create(sampleSession({ title: 'Bak' }));
    const before = await nodeFs.readFile(path, 'utf8');
    log.length = 0;
    const next = sampleSession({ title: 'Bak 2' });
    await files.write(path, next);
    const bak = `${basename(path)}.bak`;
    const linked = log.indexOf(`link ${basename(path)} → .${bak}.TMP`);
    const renamed = log.indexOf(`rename .${bak}.TMP → ${bak}`);
    const folderSynced = log.lastIndexOf(`sync ${basename(folder)}`);
    expect(linked).toBeGreaterThanOrEqual(0);
    expect(renamed).toBeGreaterThan(linked);
    expect(folderSynced).toBeGreaterThan(renamed);
    expect(log).not.toContain(`sync .${bak}.TMP`);
    expect(log.filter((entry) => entry.startsWith('copy'))).toEqual([]);
    expect(await nodeFs.readFile(`${path}.bak`, 'utf8')).toBe(before);
    expect(await fileSession(path)).toEqual(next);
  });

  it('fsyncs the backup link of a file another program wrote before renaming it into place', async () => {
    const folder = await tempFolder();
    const { fs, log } = loggingFs();
    const path = join(folder, 'fremd.nahtstelle');
    await nodeFs.writeFile(path, serializeSession(sampleSession({ title: 'Fremd' })));
    const files = service(folder, fs);
    await files.read(path);
    log.length = 0;
    await files.write(path, sampleSession({ title: 'Fremd 2' }));
    const bak = `${basename(path)}.bak`;
    const linked = log.indexOf(`link ${basename(path)} → .${bak}.TMP`);
    const synced = log.indexOf(`sync .${bak}.TMP`);
    const renamed = log.indexOf(`rename .${bak}.TMP → ${bak}`);
    expect(linked).toBeGreaterThanOrEqual(0);
    expect(synced).toBeGreaterThan(linked);
    expect(renamed).toBeGreaterThan(synced);
  });

  it('copies the backup where the file system has no hard links, and fsyncs the copy before renaming it into place', async () => {
    const folder = await tempFolder();
    const { fs, log } = loggingFs({
      link: async () => {
        throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
      },
    });
    const files = service(folder, fs);
    const { path } = await files.create(sampleSession({ title: 'Bak' }));
    const before = await nodeFs.readFile(path, 'utf8');
    log.length = 0;
    await files.write(path, sampleSession({ title: 'Bak 2' }));
    const bak = `${basename(path)}.bak`;
    const copied = log.indexOf(`copy ${basename(path)} → .${bak}.TMP`);
    const synced = log.indexOf(`sync .${bak}.TMP`);
    const renamed = log.indexOf(`rename .${bak}.TMP → ${bak}`);
    expect(copied).toBeGreaterThanOrEqual(0);
    expect(synced).toBeGreaterThan(copied);
    expect(renamed).toBeGreaterThan(synced);
    expect(await nodeFs.readFile(`${path}.bak`, 'utf8')).toBe(before);
  });

  it('moving to another drive fsyncs the copy (and its folder) before the original is deleted', async () => {
    const from = await tempFolder();
    const to = await tempFolder();
    const { fs, log } = loggingFs({
      link: async () => {
        throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      },
    });
    const files = service(from, fs);
    const { path } = await files.create(sampleSession({ title: 'Reise' }));
    log.length = 0;
    await files.moveAll(from, to);
    const name = basename(path);
    const copied = log.indexOf(`copy ${name} → ${name}`);
    const synced = log.indexOf(`sync ${name}`, copied);
    const folderSynced = log.indexOf(`sync ${basename(to)}`, synced);
    const deleted = log.indexOf(`unlink ${name}`);
    expect(copied).toBeGreaterThanOrEqual(0);
    expect(synced).toBeGreaterThan(copied);
    expect(folderSynced).toBeGreaterThan(synced);
    expect(deleted).toBeGreaterThan(folderSynced);
  });

  it('a failed final folder sync of a move is reported, not swallowed', async () => {
    const from = await tempFolder();
    const to = await tempFolder();
    const files = service(from);
    await files.create(sampleSession({ title: 'Sync' }));
    const failingFolderSync: SessionFs = {
      ...nodeFs,
      async open(...args: Parameters<typeof nodeFs.open>) {
        const handle = await nodeFs.open(...args);
        if (args[0] === to) handle.sync = async () => Promise.reject(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
        return handle;
      },
    };
    const error = await rejection(service(from, failingFolderSync).moveAll(from, to));
    expect(error.apiError).toMatchObject({ code: 'fileProblem', reason: 'saveFailed', file: basename(to) });
    expect(dirname(join(to, 'x'))).toBe(to);
  });
});

describe('SessionFiles: smaller ones', () => {
  it('a file cut inside a multi-byte character is damaged and cut off, not "not a text file"', async () => {
    const folder = await tempFolder();
    const bytes = new TextEncoder().encode(serializeSession(sampleSession({ title: 'Köln – Müller' })));
    const umlaut = bytes.indexOf(0xc3);
    const path = join(folder, 'cut.nahtstelle');
    await nodeFs.writeFile(path, bytes.slice(0, umlaut + 1));
    expect((await rejection(service(folder).read(path))).apiError).toMatchObject({ reason: 'truncated', file: 'cut.nahtstelle' });
    // Invalid bytes inside the file still mean "not text".
    const bad = Uint8Array.from(bytes);
    bad[umlaut + 1] = 0x41;
    await nodeFs.writeFile(path, bad);
    expect((await rejection(service(folder).read(path))).apiError).toMatchObject({ reason: 'binary' });
  });

  it('refuses to save a session over the 50 MB read limit, and the file keeps its last state', async () => {
    const folder = await tempFolder();
    const files = service(folder);
    const small = sampleSession({ title: 'Groß' }, 1);
    const { path } = await files.create(small);
    const before = await nodeFs.readFile(path, 'utf8');
    // Three bytes a character: the limit is in bytes, and fewer cards keep the test quick.
    const notes = '€'.repeat(cardLimits.longText);
    const cards = Object.fromEntries(
      Array.from({ length: Math.ceil(maxSessionFileBytes / (3 * cardLimits.longText)) + 10 }, (_, i) => [
        `n-${i}`,
        { ...Object.values(small.cards)[0], id: `n-${i}`, notes },
      ]),
    ) as Session['cards'];
    // Not a valid board (cards in no lane): the size check comes before anything else looks at it.
    const huge: Session = { ...small, cards };
    const error = await rejection(files.write(path, huge));
    expect(error.apiError).toMatchObject({ code: 'fileProblem', reason: 'sessionTooLarge', file: basename(path) });
    expect(await nodeFs.readFile(path, 'utf8')).toBe(before);
    expect((await rejection(files.create(huge))).apiError.reason).toBe('sessionTooLarge');
  }, 60_000);
});
