import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenProblemCode } from '../../../core/file-problems';
import type { Session } from '../../../core/model';
import { currentFileVersion, maxSessionFileBytes, parseSessionFile, serializeSession } from '../../../core/session-file';
import { FileError } from '../../../electron/services/file-error';
import { SessionFiles, copyTitle, listInFullUpToBytes, slugify, type SessionFs } from '../../../electron/services/session-files';
import { recordingReads, removeTempFolders, sampleSession, snapshot, tempFilesIn, tempFolder, withTitle } from './support';

afterEach(removeTempFolders);

function service(folder: string, extra: { fs?: SessionFs; now?: () => Date; trash?: (path: string) => Promise<void> } = {}): SessionFiles {
  return new SessionFiles({ folder: () => folder, trash: extra.trash ?? (async (path) => nodeFs.unlink(path)), ...extra });
}

async function rejection(promise: Promise<unknown>): Promise<FileError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(FileError);
  return error as FileError;
}

async function fileSession(path: string): Promise<Session> {
  const result = parseSessionFile(await nodeFs.readFile(path, 'utf8'));
  if (!result.ok) throw new Error(`${path}: ${result.problem} ${result.detail}`);
  return result.session;
}

async function setMtime(path: string, iso: string): Promise<void> {
  await nodeFs.utimes(path, new Date(iso), new Date(iso));
}

describe('SessionFiles: round trip', () => {
  it('creates a file named after the title and reads back the same session', async () => {
    const folder = await tempFolder();
    const session = sampleSession();
    const created = await service(folder).create(session);

    expect(basename(created.path)).toBe(`kick-off-mueller-gmbh-${session.id.slice(0, 8)}.nahtstelle`);
    expect(created).toMatchObject({ session, fromBackup: false });
    const opened = await service(folder).read(created.path);
    expect(opened.session).toEqual(session);
    expect(opened.fromBackup).toBe(false);
    expect(opened.path).toBe(created.path);
    expect(opened.savedAt).toBe((await nodeFs.stat(created.path)).mtime.toISOString());
  });

  it('creates the sessions folder when it is missing, and names an untitled session "session-<id>"', async () => {
    const folder = join(await tempFolder(), 'Dokumente', 'Nahtstelle');
    const session = sampleSession({ title: '' }, 0, 'ab12cd34-0000-4000-8000-000000000000');
    const created = await service(folder).create(session);
    expect(created.path).toBe(join(folder, 'session-ab12cd34.nahtstelle'));
    expect((await service(folder).read(created.path)).session).toEqual(session);
  });

  it('never overwrites an existing file on create: the same name gets -2, -3', async () => {
    const folder = await tempFolder();
    const files = service(folder);
    const first = sampleSession({}, 1, 'same-id-for-all');
    const paths = [
      (await files.create(first)).path,
      (await files.create(withTitle(first, 'Kick-off Müller GmbH'))).path,
      (await files.create(sampleSession({}, 2, 'same-id-for-all'))).path,
    ];
    expect(paths.map((path) => basename(path))).toEqual([
      'kick-off-mueller-gmbh-sameid.nahtstelle',
      'kick-off-mueller-gmbh-sameid-2.nahtstelle',
      'kick-off-mueller-gmbh-sameid-3.nahtstelle',
    ]);
    expect(Object.keys((await fileSession(paths[0] ?? '')).cards)).toHaveLength(1);
    expect(await tempFilesIn(folder)).toEqual([]);
  });

  it('writes a session and reads back exactly what was written; savedAt comes from the clock', async () => {
    const folder = await tempFolder();
    const clock = new Date('2025-03-14T09:30:00.000Z');
    const files = service(folder, { now: () => clock });
    const { path } = await files.create(sampleSession());
    const edited = withTitle(sampleSession({ client: 'Andere AG' }, 40), 'Nachbereitung');

    await expect(files.write(path, edited)).resolves.toEqual({ savedAt: clock.toISOString() });
    expect((await files.read(path)).session).toEqual(edited);
    expect(await tempFilesIn(folder)).toEqual([]);
  });

  it('writes a session of more cards than one writev call takes (IOV_MAX is 1,024) whole, as serializeSession writes it', async () => {
    const folder = await tempFolder();
    const files = service(folder);
    const large = withTitle(sampleSession({}, 2500), 'Große Runde');
    const { path } = await files.create(sampleSession());

    await files.write(path, large);
    expect(await nodeFs.readFile(path, 'utf8')).toBe(serializeSession(large));
    expect((await files.read(path)).session).toEqual(large);
  });

  it('lists title, client, date, place, card count and change time, newest first', async () => {
    const folder = await tempFolder();
    const files = service(folder);
    const older = await files.create(sampleSession({ title: 'Erstgespräch', client: 'Alpha', date: '2025-01-10', place: 'Bonn' }, 2));
    const newer = await files.create(sampleSession({ title: 'Workshop', client: 'Beta', date: '2025-02-20', place: 'Ulm' }, 5));
    await setMtime(older.path, '2025-01-10T10:00:00.000Z');
    await setMtime(newer.path, '2025-02-20T10:00:00.000Z');

    const list = await files.list();
    expect(list).toEqual([
      {
        path: newer.path,
        fileName: basename(newer.path),
        title: 'Workshop',
        client: 'Beta',
        date: '2025-02-20',
        place: 'Ulm',
        cardCount: 5,
        modifiedAt: '2025-02-20T10:00:00.000Z',
        problem: null,
      },
      expect.objectContaining({ path: older.path, title: 'Erstgespräch', client: 'Alpha', cardCount: 2, modifiedAt: '2025-01-10T10:00:00.000Z' }),
    ]);
  });

  it('lists a damaged file with its problem instead of failing the list', async () => {
    const folder = await tempFolder();
    const files = service(folder);
    const good = await files.create(sampleSession());
    const damaged = join(folder, 'Angebot Kunde.nahtstelle');
    await nodeFs.writeFile(damaged, '{"format": "nahtstelle-session", "version": 1, "sess');
    await setMtime(damaged, '2030-01-01T00:00:00.000Z');

    const list = await files.list();
    expect(list.map((entry) => entry.path)).toEqual([damaged, good.path]);
    expect(list[0]).toEqual({
      path: damaged,
      fileName: 'Angebot Kunde.nahtstelle',
      title: 'Angebot Kunde',
      client: '',
      date: '',
      place: '',
      cardCount: 0,
      modifiedAt: '2030-01-01T00:00:00.000Z',
      problem: expect.objectContaining({ code: 'fileProblem', reason: 'notJson', file: 'Angebot Kunde.nahtstelle' }),
    });
    expect(list[1]?.problem).toBeNull();
  });

  it('lists only session files: no backups, temp files, hidden files, folders or other files', async () => {
    const folder = await tempFolder();
    const files = service(folder);
    const { path } = await files.create(sampleSession());
    await files.write(path, sampleSession({ title: 'Zweiter Stand' }));
    await nodeFs.writeFile(join(folder, `.${basename(path)}.0123456789abcdef.tmp`), 'half a sa');
    await nodeFs.writeFile(join(folder, '._mac-resource.nahtstelle'), randomBytes(64));
    await nodeFs.writeFile(join(folder, 'notes.txt'), 'hello');
    await nodeFs.mkdir(join(folder, 'archive.nahtstelle'));

    expect((await files.list()).map((entry) => entry.fileName)).toEqual([basename(path)]);
  });

  it('lists a missing folder as empty, not as an error', async () => {
    const folder = join(await tempFolder(), 'not-there-yet');
    await expect(service(folder).list()).resolves.toEqual([]);
  });

  it('lists a file over the size limit as too large without reading it', async () => {
    const folder = await tempFolder();
    const huge = join(folder, 'huge.nahtstelle');
    await nodeFs.writeFile(huge, '');
    await nodeFs.truncate(huge, maxSessionFileBytes + 1);
    const { fs, readPaths } = recordingReads();
    const list = await service(folder, { fs }).list();
    expect(list[0]?.problem?.reason).toBe('tooLarge');
    expect(readPaths).not.toContain(huge);
  });
});

/** Bytes of files that cannot open, each with the reason the facilitator is told. */
const damagedFiles: readonly { name: string; reason: OpenProblemCode; bytes: () => Buffer | string }[] = [
  { name: 'corrupt JSON (cut off mid-save)', reason: 'notJson', bytes: () => serializeSession(sampleSession()).slice(0, 200) },
  { name: 'binary garbage', reason: 'binary', bytes: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), randomBytes(2048)]) },
  { name: 'invalid UTF-8 without NUL bytes', reason: 'binary', bytes: () => Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]) },
  { name: 'a newer file version', reason: 'newerVersion', bytes: () => withVersion(serializeSession(sampleSession()), currentFileVersion + 1) },
  {
    name: 'deep nesting',
    reason: 'tooDeep',
    bytes: () => `{"format":"nahtstelle-session","version":1,"session":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
  },
  { name: 'a foreign JSON file', reason: 'notSessionFile', bytes: () => JSON.stringify({ name: 'package', version: '1.0.0' }) },
  { name: 'an invalid session', reason: 'invalidSession', bytes: () => serializeSession(sampleSession()).replace('"laneOrder"', '"laneOrdr"') },
];

function withVersion(text: string, version: number): string {
  const document = JSON.parse(text) as { version: number };
  return JSON.stringify({ ...document, version });
}

describe('SessionFiles: a failed open never touches the file', () => {
  it.each(damagedFiles)('$name: names the file and the reason ($reason); bytes, mtime and folder unchanged', async ({ reason, bytes }) => {
    const folder = await tempFolder();
    const path = join(folder, 'Workshop März.nahtstelle');
    await nodeFs.writeFile(path, bytes());
    await setMtime(path, '2024-06-01T12:00:00.000Z');
    const before = await snapshot(path, folder);

    const error = await rejection(service(folder).read(path));
    expect(error.apiError).toEqual({ code: 'fileProblem', reason, file: 'Workshop März.nahtstelle', detail: expect.any(String) });
    expect(await snapshot(path, folder)).toEqual(before);
  });

  it('refuses a file over the size limit without reading it, and leaves it as it was', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'riesig.nahtstelle');
    await nodeFs.writeFile(path, '');
    await nodeFs.truncate(path, maxSessionFileBytes + 1); // sparse: cheap to make, 50 MB + 1 byte long
    const before = await nodeFs.stat(path);
    const { fs, readPaths } = recordingReads();

    const error = await rejection(service(folder, { fs }).read(path));
    expect(error.apiError).toMatchObject({ code: 'fileProblem', reason: 'tooLarge', file: 'riesig.nahtstelle' });
    expect(readPaths).toEqual([]);
    const after = await nodeFs.stat(path);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect(await nodeFs.readdir(folder)).toEqual(['riesig.nahtstelle']);
  });

  it('reports a missing file as notFound', async () => {
    const folder = await tempFolder();
    const error = await rejection(service(folder).read(join(folder, 'weg.nahtstelle')));
    expect(error.apiError).toMatchObject({ code: 'fileProblem', reason: 'notFound', file: 'weg.nahtstelle' });
    expect(await nodeFs.readdir(folder)).toEqual([]);
  });

  it.each(damagedFiles)('$name with a good backup: offers it, and readBackup returns the previous state', async ({ reason, bytes }) => {
    const folder = await tempFolder();
    const files = service(folder);
    const previous = sampleSession({ title: 'Stand vor dem Absturz' }, 7);
    const path = join(folder, 'workshop.nahtstelle');
    await nodeFs.writeFile(`${path}.bak`, serializeSession(previous));
    await nodeFs.writeFile(path, bytes());
    const before = await snapshot(path, folder);

    const error = await rejection(files.read(path));
    expect(error.apiError).toMatchObject({ reason, file: 'workshop.nahtstelle', backupAvailable: true });
    expect((await files.list())[0]?.problem).toMatchObject({ reason, backupAvailable: true });
    const backup = await files.readBackup(path);
    expect(backup).toEqual({ path, session: previous, savedAt: expect.any(String), fromBackup: true });
    expect(await snapshot(path, folder)).toEqual(before);
  });

  it('does not offer a backup that does not open either', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'workshop.nahtstelle');
    await nodeFs.writeFile(path, 'kaputt');
    await nodeFs.writeFile(`${path}.bak`, 'auch kaputt');
    const error = await rejection(service(folder).read(path));
    expect(error.apiError.backupAvailable).toBeUndefined();
    const backupError = await rejection(service(folder).readBackup(path));
    expect(backupError.apiError).toMatchObject({ reason: 'notJson', file: 'workshop.nahtstelle.bak' });
  });
});

describe('SessionFiles: backup', () => {
  it('after two writes, the backup holds the first state and the file the second', async () => {
    const folder = await tempFolder();
    const files = service(folder);
    const { path } = await files.create(sampleSession({ title: 'Stand 0' }));
    const first = sampleSession({ title: 'Stand 1' }, 4);
    const second = sampleSession({ title: 'Stand 2' }, 5);
    await files.write(path, first);
    await files.write(path, second);

    expect(await fileSession(path)).toEqual(second);
    expect(await fileSession(`${path}.bak`)).toEqual(first);
    expect(await tempFilesIn(folder)).toEqual([]);
  });

  it('saving the opened backup repairs the file, keeps the good backup and sets the damaged file aside', async () => {
    const folder = await tempFolder();
    const files = service(folder);
    const path = join(folder, 'workshop.nahtstelle');
    const good = sampleSession({ title: 'Gut' }, 3);
    const damaged = withVersion(serializeSession(sampleSession({ title: 'Aus einer neueren App' })), currentFileVersion + 1);
    await nodeFs.writeFile(`${path}.bak`, serializeSession(good));
    await nodeFs.writeFile(path, damaged);

    const opened = await files.readBackup(path);
    await files.write(opened.path, opened.session);

    expect(await fileSession(path)).toEqual(good);
    expect(await fileSession(`${path}.bak`)).toEqual(good);
    expect(await nodeFs.readFile(`${path}.damaged`, 'utf8')).toBe(damaged);
  });

  it('also backs up a good file this service has not read (another run, another tool)', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'workshop.nahtstelle');
    const before = sampleSession({ title: 'Vorher' });
    await nodeFs.writeFile(path, serializeSession(before));
    await service(folder).write(path, sampleSession({ title: 'Nachher' }));
    expect(await fileSession(`${path}.bak`)).toEqual(before);
  });

  it('leaves no temp file when a killed save had left the backup a link to the file itself', async () => {
    const folder = await tempFolder();
    const files = service(folder);
    const { path } = await files.create(sampleSession({ title: 'Stand 0' }));
    await files.write(path, sampleSession({ title: 'Stand 1' }));
    // What a save killed after linking its backup and before renaming its new file leaves.
    await nodeFs.rm(`${path}.bak`);
    await nodeFs.link(path, `${path}.bak`);

    const next = sampleSession({ title: 'Stand 2' }, 4);
    await service(folder).write(path, next);
    expect(await fileSession(path)).toEqual(next);
    expect((await fileSession(`${path}.bak`)).details.title).toBe('Stand 1');
    expect(await tempFilesIn(folder)).toEqual([]);
  });
});

describe('SessionFiles: concurrent writes', () => {
  it('runs writes to one file in call order, so an older state never lands after a newer one', async () => {
    const folder = await tempFolder();
    // Renames take a random while: without the per-file queue, later calls would overtake earlier ones.
    const slowFs: SessionFs = {
      ...nodeFs,
      rename: async (...args: Parameters<typeof nodeFs.rename>) => {
        await new Promise((done) => setTimeout(done, Math.random() * 8));
        return nodeFs.rename(...args);
      },
    };
    const files = service(folder, { fs: slowFs });
    const { path } = await files.create(sampleSession({ title: 'Stand 0' }));
    const states = Array.from({ length: 15 }, (_, i) => sampleSession({ title: `Stand ${i + 1}` }, i));

    const results = await Promise.all(states.map((state) => files.write(path, state)));
    expect(results).toHaveLength(15);
    expect(await fileSession(path)).toEqual(states[14]);
    expect(await fileSession(`${path}.bak`)).toEqual(states[13]);
    expect(await tempFilesIn(folder)).toEqual([]);
  });

  it('keeps the queue going after a failed write', async () => {
    const folder = await tempFolder();
    const files = service(folder);
    const { path } = await files.create(sampleSession());
    const invalid = { ...sampleSession(), laneOrder: null } as unknown as Session;
    const [failed, saved] = await Promise.allSettled([files.write(path, invalid), files.write(path, sampleSession({ title: 'Danach' }))]);
    expect(failed.status).toBe('rejected');
    expect(saved.status).toBe('fulfilled');
    expect((await fileSession(path)).details.title).toBe('Danach');
  });
});

describe('SessionFiles: duplicate, rename, remove, move', () => {
  it('duplicates a session next to it with a new id and a numbered title', async () => {
    const folder = await tempFolder();
    const files = service(folder);
    const original = sampleSession({ title: 'Kick-off' }, 6);
    const { path } = await files.create(original);
    const originalBytes = await nodeFs.readFile(path);

    const copy = await files.duplicate(path);
    expect(copy).toMatchObject({ title: 'Kick-off (2)', client: original.details.client, cardCount: 6, problem: null });
    expect(copy.path).not.toBe(path);
    const copied = await fileSession(copy.path);
    expect(copied.id).not.toBe(original.id);
    expect(copied).toEqual({ ...original, id: copied.id, details: { ...original.details, title: 'Kick-off (2)' } });
    expect(await nodeFs.readFile(path)).toEqual(originalBytes);

    expect((await files.duplicate(path)).title).toBe('Kick-off (3)');
    expect((await files.duplicate(copy.path)).title).toBe('Kick-off (4)');
    expect(await files.list()).toHaveLength(4);
  });

  it('refuses to duplicate a damaged file', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'kaputt.nahtstelle');
    await nodeFs.writeFile(path, '{');
    expect((await rejection(service(folder).duplicate(path))).apiError).toMatchObject({ reason: 'notJson', file: 'kaputt.nahtstelle' });
    expect(await nodeFs.readdir(folder)).toEqual(['kaputt.nahtstelle']);
  });

  it('renames: the title changes in the file, the file takes the new name, the backup moves along', async () => {
    const folder = await tempFolder();
    const files = service(folder);
    const session = sampleSession({ title: 'Entwurf' }, 2, '0a1b2c3d-rest-of-id');
    const { path } = await files.create(session);
    await files.write(path, session); // now there is a backup

    const renamed = await files.rename(path, 'Übergabe Straße 5');
    expect(renamed).toMatchObject({ path: join(folder, 'uebergabe-strasse-5-0a1b2c3d.nahtstelle'), title: 'Übergabe Straße 5', cardCount: 2 });
    expect(await fileSession(renamed.path)).toEqual(withTitle(session, 'Übergabe Straße 5'));
    expect(await fileSession(`${renamed.path}.bak`)).toEqual(session);
    expect((await nodeFs.readdir(folder)).sort()).toEqual([basename(renamed.path), `${basename(renamed.path)}.bak`]);
  });

  it('renames without overwriting another file, and keeps the name when it already fits', async () => {
    const folder = await tempFolder();
    const files = service(folder);
    const a = await files.create(sampleSession({ title: 'Alpha' }, 1, 'samesame-a'));
    const b = await files.create(sampleSession({ title: 'Beta' }, 1, 'samesame-b'));

    const renamed = await files.rename(b.path, 'Alpha');
    expect(basename(renamed.path)).toBe('alpha-samesame-2.nahtstelle');
    expect((await fileSession(a.path)).details.title).toBe('Alpha');
    expect((await fileSession(a.path)).id).toBe('samesame-a');

    const again = await files.rename(renamed.path, 'alpha');
    expect(again.path).toBe(renamed.path);
    expect((await fileSession(again.path)).details.title).toBe('alpha');
  });

  it('removes a session file and its backup through the trash', async () => {
    const folder = await tempFolder();
    const trashed: string[] = [];
    const trash = async (path: string): Promise<void> => {
      trashed.push(path);
      await nodeFs.unlink(path);
    };
    const files = service(folder, { trash });
    const keep = await files.create(sampleSession({ title: 'Bleibt' }));
    const { path } = await files.create(sampleSession({ title: 'Weg damit' }));
    await files.write(path, sampleSession({ title: 'Weg damit' }));

    await files.remove(path);
    expect(trashed).toEqual([path, `${path}.bak`]);
    expect(await nodeFs.readdir(folder)).toEqual([basename(keep.path)]);
    await expect(files.remove(path)).resolves.toBeUndefined();
  });

  it('moves every session file and backup to a new folder, numbering clashes and leaving other files', async () => {
    const from = await tempFolder();
    const to = join(await tempFolder(), 'neu');
    const files = service(from);
    const a = await files.create(sampleSession({ title: 'Alpha' }, 1, 'aaaaaaaa'));
    await files.write(a.path, sampleSession({ title: 'Alpha' }, 2, 'aaaaaaaa'));
    const b = await files.create(sampleSession({ title: 'Beta' }, 3, 'bbbbbbbb'));
    await nodeFs.writeFile(join(from, 'notes.txt'), 'bleibt');
    await nodeFs.mkdir(to);
    await nodeFs.writeFile(join(to, basename(b.path)), serializeSession(sampleSession({ title: 'Schon da' })));

    await files.moveAll(from, to);
    expect(await nodeFs.readdir(from)).toEqual(['notes.txt']);
    expect((await nodeFs.readdir(to)).sort()).toEqual(
      ['alpha-aaaaaaaa.nahtstelle', 'alpha-aaaaaaaa.nahtstelle.bak', 'beta-bbbbbbbb-2.nahtstelle', 'beta-bbbbbbbb.nahtstelle'].sort(),
    );
    expect((await fileSession(join(to, 'beta-bbbbbbbb.nahtstelle'))).details.title).toBe('Schon da');
    expect(Object.keys((await fileSession(join(to, 'beta-bbbbbbbb-2.nahtstelle'))).cards)).toHaveLength(3);
    expect(Object.keys((await fileSession(join(to, 'alpha-aaaaaaaa.nahtstelle'))).cards)).toHaveLength(2);
    expect(Object.keys((await fileSession(join(to, 'alpha-aaaaaaaa.nahtstelle.bak'))).cards)).toHaveLength(1);
  });

  it('moves across devices by copying when the file system cannot link', async () => {
    const from = await tempFolder();
    const to = await tempFolder();
    const crossDevice: SessionFs = {
      ...nodeFs,
      link: async () => {
        throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      },
    };
    const files = service(from, { fs: crossDevice });
    const { path } = await files.create(sampleSession({ title: 'Reise' }, 2, 'cccccccc'));
    await files.moveAll(from, to);
    expect(await nodeFs.readdir(from)).toEqual([]);
    expect(Object.keys((await fileSession(join(to, basename(path)))).cards)).toHaveLength(2);
  });
});

describe('file names', () => {
  it.each([
    ['Kick-off Müller GmbH', 'kick-off-mueller-gmbh'],
    ['Straße & Söhne: ÄÖÜ', 'strasse-soehne-aeoeue'],
    ['Café Ôlé', 'cafe-ole'],
    ['Mu\u0308ller (decomposed)', 'mueller-decomposed'],
    ['  ..//\\:*?  ', ''],
    ['🚀', ''],
    ['Q3/2025 – Planung', 'q3-2025-planung'],
  ])('slugify(%j) = %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('Sehr langer Titel eines Workshops über die Zusammenarbeit zwischen Marketing und Vertrieb');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('sehr-langer-titel-eines-workshops-ueber-die-zusammenarbeit');
  });

  it('numbers copy titles past the numbers already in the folder', () => {
    expect(copyTitle('Kick-off', [])).toBe('Kick-off (2)');
    expect(copyTitle('Kick-off (2)', [])).toBe('Kick-off (3)');
    expect(copyTitle('Kick-off', ['kick-off-2-12345678.nahtstelle'])).toBe('Kick-off (3)');
    expect(copyTitle('', [])).toBe('(2)');
  });
});

/**
 * The library lists a large file from its head (docs/security.md): the summary the app writes
 * with each save; the whole file is read and validated only when it is opened.
 */
describe('listing large files from their head', () => {
  /** Valid JSON over the full-listing size: the same document with whitespace before its last brace. */
  const padded = (text: string): string => text.replace(/\n}\n$/, `${' '.repeat(listInFullUpToBytes + 1)}\n}\n`);

  it('lists a large file the app wrote without reading it whole', async () => {
    const folder = await tempFolder();
    const session = sampleSession({ title: 'Großer Workshop' }, 4);
    await nodeFs.writeFile(join(folder, 'gross.nahtstelle'), padded(serializeSession(session)));
    const { fs, readPaths } = recordingReads();
    const [row] = await service(folder, { fs }).list();
    expect(row).toMatchObject({ fileName: 'gross.nahtstelle', title: 'Großer Workshop', client: 'Müller GmbH', cardCount: 4, problem: null });
    expect(readPaths).toEqual([]);
    // Opening still reads and validates all of it.
    expect((await service(folder, { fs }).read(join(folder, 'gross.nahtstelle'))).session).toEqual(session);
  });

  it('lists a large file whose body is damaged by its head, and refuses it on opening, leaving it as it was', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'kaputt.nahtstelle');
    await nodeFs.writeFile(path, padded(serializeSession(sampleSession())).replace('"laneOrder"', '"laneOrdr"'));
    const before = await snapshot(path, folder);
    const files = service(folder);
    expect((await files.list())[0]?.problem).toBeNull();
    expect((await rejection(files.read(path))).apiError).toMatchObject({ reason: 'invalidSession' });
    expect(await snapshot(path, folder)).toEqual(before);
  });

  it('reads a large file without a summary (written before it existed) in full, and shows its problem if it has one', async () => {
    const folder = await tempFolder();
    const session = sampleSession({ title: 'Alt' }, 2);
    const { summary: _summary, ...withoutSummary } = JSON.parse(serializeSession(session)) as Record<string, unknown>;
    await nodeFs.writeFile(join(folder, 'alt.nahtstelle'), padded(`${JSON.stringify(withoutSummary, null, 2)}\n`));
    await nodeFs.writeFile(
      join(folder, 'alt-kaputt.nahtstelle'),
      padded(`${JSON.stringify(withoutSummary, null, 2)}\n`).replace('"laneOrder"', '"laneOrdr"'),
    );
    const { fs, readPaths } = recordingReads();
    const rows = await service(folder, { fs }).list();
    expect(rows.find((row) => row.fileName === 'alt.nahtstelle')).toMatchObject({ title: 'Alt', cardCount: 2, problem: null });
    expect(rows.find((row) => row.fileName === 'alt-kaputt.nahtstelle')?.problem).toMatchObject({ reason: 'invalidSession' });
    expect(readPaths).toHaveLength(2);
  });
});
