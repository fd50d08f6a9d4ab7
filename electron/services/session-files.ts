/**
 * Session files on disk: the one place main reads, writes, lists, renames and moves `.nahtstelle` files.
 * docs/ARCHITECTURE.md, "Sessions on disk".
 */
import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { OpenedSession, SavedState, SessionSummary } from '../../core/api';
import type { OpenProblemCode } from '../../core/file-problems';
import type { Session } from '../../core/model';
import {
  maxSessionFileBytes,
  parseSessionFile,
  sessionFileExtension,
  sessionFileParts,
  summarizeSession,
  summaryFromHead,
  summaryHeadBytes,
  type SessionFileCard,
} from '../../core/session-file';
import { replaceAtomically, syncFolder, tempBase, withTempFile, writeDurably, type FileData } from './atomic-file';
import { errorCode, errorDetail, fileProblem, writeFailure, type FileError } from './file-error';

export const backupSuffix = '.bak';
/** A file that was damaged when it was saved over is kept under this suffix instead of being lost. */
export const damagedSuffix = '.damaged';

/** The part of node:fs/promises the service uses; tests inject faults (ENOSPC, EROFS …) through it. */
export type SessionFs = Pick<typeof nodeFs, 'copyFile' | 'link' | 'mkdir' | 'open' | 'readdir' | 'readFile' | 'rename' | 'stat' | 'unlink'>;

export interface SessionFilesOptions {
  /** The current sessions folder; asked on every call, since the facilitator can change it. */
  readonly folder: () => string;
  /** Moves a file to the system's trash (Electron: shell.trashItem). */
  readonly trash: (path: string) => Promise<void>;
  readonly fs?: SessionFs;
  readonly now?: () => Date;
}

type Loaded =
  | { readonly ok: true; readonly session: Session; readonly info: Stats; readonly hash: string }
  | { readonly ok: false; readonly reason: OpenProblemCode; readonly detail: string; readonly info?: Stats };

/** link() errors that mean "no hard links here" (FAT/exFAT sticks, other devices), not "no access". */
const linkUnsupported = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK']);
/** How many files the library reads at once: enough to overlap I/O, few enough not to run out of handles. */
const listConcurrency = 8;
/** Files up to this size are validated in full for the library; larger ones are listed from their head. */
export const listInFullUpToBytes = 1024 * 1024;
const maxNameAttempts = 1000;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** The head may end inside a character; only the summary before the session is parsed. */
const headDecoder = new TextDecoder('utf-8');

/**
 * A file's bytes as text, strictly: invalid UTF-8 is `binary` (not a text file), except when the
 * only fault is a character cut off at the very end, which is `truncated` (a half-copied or
 * half-synced session file: damaged, not foreign). Never throws.
 */
export function decodeSessionBytes(
  bytes: Uint8Array,
): { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: 'binary' | 'truncated'; readonly detail: string } {
  try {
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    try {
      // Streaming holds back an incomplete sequence at the end instead of failing on it.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
      return { ok: false, problem: 'truncated', detail: 'The file ends inside a character: it is cut off' };
    } catch {
      return { ok: false, problem: 'binary', detail: 'The file is not valid UTF-8 text' };
    }
  }
}

/** What the service knows of a file it read or wrote as valid: its stat fingerprint and a hash of its bytes. */
interface Known {
  readonly fingerprint: string;
  readonly hash: string;
  /** This service wrote (and fsynced) this version itself. */
  readonly written: boolean;
}

export class SessionFiles {
  private readonly fs: SessionFs;
  private readonly now: () => Date;
  /** Per-path chains: saves to one file run one after another, so an older state never lands last. */
  private readonly queues = new Map<string, Promise<void>>();
  /**
   * Files this service read or wrote as valid, by path → stat fingerprint. A save backs up the
   * current file only when it is known good; the fingerprint spares re-parsing it on every autosave.
   */
  private readonly knownGood = new Map<string, Known>();
  /** Paths whose leftover temp files (from a killed process) were already cleared this run. */
  private readonly swept = new Set<string>();
  /** Library rows that need a whole file read: one at a time (see listEntry). */
  private readonly fullListLoads = new Limiter(1);

  constructor(private readonly options: SessionFilesOptions) {
    this.fs = options.fs ?? nodeFs;
    this.now = options.now ?? (() => new Date());
  }

  /** Every session file of the sessions folder, newest change first. Damaged files are listed with their problem. */
  async list(): Promise<SessionSummary[]> {
    const folder = this.options.folder();
    let names: string[];
    try {
      names = await this.fs.readdir(folder);
    } catch (error) {
      // No folder yet (first start, or a stick not plugged in): an empty library, not an error.
      if (isMissing(error)) return [];
      throw fileProblem('unreadable', folder, errorDetail(error));
    }
    const entries = await mapLimited(names.filter(isSessionFileName), listConcurrency, (name) => this.listEntry(join(folder, name)));
    return entries
      .filter((entry) => entry !== null)
      .sort((a, b) => b.mtimeMs - a.mtimeMs || a.summary.fileName.localeCompare(b.summary.fileName))
      .map((entry) => entry.summary);
  }

  /** Opens a session file. A file that fails is left exactly as it was; the error says whether its backup opens. */
  async read(path: string): Promise<OpenedSession> {
    const loaded = await this.load(path);
    if (!loaded.ok) throw await this.openFailure(path, loaded);
    this.rememberGood(path, loaded.info, loaded.hash);
    return { path, session: loaded.session, savedAt: loaded.info.mtime.toISOString(), fromBackup: false };
  }

  /** Opens the backup of a damaged file. The result's path is the main file, so the next save repairs it. */
  async readBackup(path: string): Promise<OpenedSession> {
    const backup = backupPath(path);
    const loaded = await this.load(backup);
    if (!loaded.ok) throw fileProblem(loaded.reason, backup, loaded.detail);
    return { path, session: loaded.session, savedAt: loaded.info.mtime.toISOString(), fromBackup: true };
  }

  /** Saves a new session as a new file in the sessions folder (created if missing), named after its title. */
  async create(session: Session): Promise<OpenedSession> {
    const { path } = await this.createIn(this.options.folder(), session);
    return { path, session, savedAt: this.now().toISOString(), fromBackup: false };
  }

  /** Saves a session over its file, atomically, keeping the previous good file as `.bak`. */
  write(path: string, session: Session): Promise<SavedState> {
    return this.exclusive(path, () => this.writeNow(path, session));
  }

  /** Save as: the same atomic write to any path the facilitator picked. */
  writeCopy(path: string, session: Session): Promise<SavedState> {
    return this.write(path, session);
  }

  /**
   * A copy of a session file next to it, with a new id and the title numbered like a file manager
   * does: "Kick-off" → "Kick-off (2)", "Kick-off (2)" → "Kick-off (3)". The number is data, not UI
   * text, so it reads the same in every language.
   */
  async duplicate(path: string): Promise<SessionSummary> {
    const loaded = await this.load(path);
    if (!loaded.ok) throw await this.openFailure(path, loaded);
    const folder = dirname(path);
    let names: string[];
    try {
      names = await this.fs.readdir(folder);
    } catch (error) {
      throw writeFailure(error, path);
    }
    const { details } = loaded.session;
    const copy: Session = { ...loaded.session, id: randomUUID(), details: { ...details, title: copyTitle(details.title, names) } };
    const created = await this.createIn(folder, copy);
    return summaryOf(created.path, copy, created.modifiedAt);
  }

  /** Changes a session's title in its file and renames the file to match; the backup moves along. */
  rename(path: string, title: string): Promise<SessionSummary> {
    return this.exclusive(path, async () => {
      const loaded = await this.load(path);
      if (!loaded.ok) throw await this.openFailure(path, loaded);
      const session: Session = { ...loaded.session, details: { ...loaded.session.details, title } };
      await this.writeNow(path, session);
      try {
        const newPath = await this.moveToName(path, fileStem(session));
        const info = await this.fs.stat(newPath);
        return summaryOf(newPath, session, info.mtime);
      } catch (error) {
        throw writeFailure(error, path);
      }
    });
  }

  /** Moves a session file and its backup to the trash. A file that is already gone counts as removed. */
  remove(path: string): Promise<void> {
    return this.exclusive(path, async () => {
      try {
        if (await this.exists(path)) await this.options.trash(path);
        const backup = backupPath(path);
        // The backup is only useful next to its file; if the trash refuses it, it goes for good.
        if (await this.exists(backup)) await this.options.trash(backup).catch(() => this.removeQuietly(backup));
      } catch (error) {
        throw writeFailure(error, path);
      }
      this.forget(path);
    });
  }

  /** Moves every session file (with its backup) to another folder; a name already taken there gets a number. */
  async moveAll(fromFolder: string, toFolder: string): Promise<void> {
    if (resolve(fromFolder) === resolve(toFolder)) return;
    let names: string[];
    try {
      names = await this.fs.readdir(fromFolder);
    } catch (error) {
      if (isMissing(error)) return;
      throw writeFailure(error, fromFolder);
    }
    try {
      await this.fs.mkdir(toFolder, { recursive: true });
    } catch (error) {
      throw writeFailure(error, toFolder);
    }
    // A backup whose file is gone moves too: it may be the only copy left of that session.
    const fileNames = new Set(
      names.filter(isSessionOrBackupName).map((name) => (name.endsWith(backupSuffix) ? name.slice(0, -backupSuffix.length) : name)),
    );
    for (const fileName of [...fileNames].sort()) {
      const from = join(fromFolder, fileName);
      await this.exclusive(from, async () => {
        try {
          await this.moveFile(from, toFolder, stemOf(fileName));
        } catch (error) {
          throw writeFailure(error, from);
        }
      });
    }
    // Surfaced, not swallowed: the files were moved, but the move may not survive a power cut.
    try {
      await syncFolder(this.fs, toFolder);
    } catch (error) {
      throw writeFailure(error, toFolder);
    }
  }

  // ── Reading ──────────────────────────────────────────────────────────────────────────────────

  /** Reads and validates one file without changing anything on disk. Never throws. */
  private async load(path: string): Promise<Loaded> {
    let info: Stats;
    try {
      info = await this.fs.stat(path);
    } catch (error) {
      return isMissing(error)
        ? { ok: false, reason: 'notFound', detail: errorDetail(error) }
        : { ok: false, reason: 'unreadable', detail: errorDetail(error) };
    }
    if (!info.isFile()) return { ok: false, reason: 'unreadable', detail: 'Not a regular file', info };
    // Checked before reading: a huge file (or a disk image renamed by mistake) is never pulled into memory.
    if (info.size > maxSessionFileBytes) return tooLarge(info.size, info);
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(path);
    } catch (error) {
      return { ok: false, reason: isMissing(error) ? 'notFound' : 'unreadable', detail: errorDetail(error), info };
    }
    // The file may have grown between stat and read.
    if (bytes.byteLength > maxSessionFileBytes) return tooLarge(bytes.byteLength, info);
    const decoded = decodeSessionBytes(bytes);
    if (!decoded.ok) return { ok: false, reason: decoded.problem, detail: decoded.detail, info };
    const result = parseSessionFile(decoded.text);
    if (!result.ok) return { ok: false, reason: result.problem, detail: result.detail, info };
    return { ok: true, session: result.session, info, hash: hashOf(bytes) };
  }

  private async openFailure(path: string, loaded: Extract<Loaded, { ok: false }>): Promise<FileError> {
    return fileProblem(loaded.reason, path, loaded.detail, await this.backupOpens(path));
  }

  private async backupOpens(path: string): Promise<boolean> {
    return (await this.load(backupPath(path))).ok;
  }

  /**
   * One library row. A small file is loaded and validated in full, so a damaged one shows its
   * problem (and its backup) right in the library. A large one is listed from its first bytes,
   * where the app writes a summary with each save (docs/security.md): huge files in a shared
   * folder neither fill main's memory nor hold up the start screen; opening still validates the
   * whole file. A large file without that summary (older, damaged) is loaded in full, one at a time.
   */
  private async listEntry(path: string): Promise<{ summary: SessionSummary; mtimeMs: number } | null> {
    const size = await this.fs.stat(path).then(
      (info) => info.size,
      () => 0,
    );
    let loaded: Loaded;
    if (size > listInFullUpToBytes) {
      const head = await this.readHead(path);
      if (head !== null) return { summary: summaryOfHead(path, head.summary, head.info.mtime), mtimeMs: head.info.mtimeMs };
      loaded = await this.fullListLoads.run(() => this.load(path));
    } else {
      loaded = await this.load(path);
    }
    if (loaded.ok) return { summary: summaryOf(path, loaded.session, loaded.info.mtime), mtimeMs: loaded.info.mtimeMs };
    // Gone since the folder was read, or a folder that happens to end in .nahtstelle: not a session.
    if (loaded.reason === 'notFound' || (loaded.info && !loaded.info.isFile())) return null;
    const fileName = basename(path);
    const problem = (await this.openFailure(path, loaded)).apiError;
    const modifiedAt = loaded.info?.mtime ?? new Date(0);
    const summary: SessionSummary = {
      path,
      fileName,
      title: stemOf(fileName),
      client: '',
      date: '',
      place: '',
      cardCount: 0,
      modifiedAt: modifiedAt.toISOString(),
      problem,
    };
    return { summary, mtimeMs: modifiedAt.getTime() };
  }

  /** The summary from the head of a regular file of an allowed size, or null (the caller then loads it in full). */
  private async readHead(path: string): Promise<{ summary: NonNullable<ReturnType<typeof summaryFromHead>>; info: Stats } | null> {
    try {
      const info = await this.fs.stat(path);
      if (!info.isFile() || info.size > maxSessionFileBytes) return null;
      const handle = await this.fs.open(path, 'r');
      try {
        const buffer = new Uint8Array(Math.min(summaryHeadBytes, info.size));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        const summary = summaryFromHead(headDecoder.decode(buffer.subarray(0, bytesRead)));
        return summary ? { summary, info } : null;
      } finally {
        await handle.close();
      }
    } catch {
      return null;
    }
  }

  // ── Writing ──────────────────────────────────────────────────────────────────────────────────

  /** The save itself; callers hold the path's queue. Every failure comes out as a FileError. */
  private async writeNow(path: string, session: Session): Promise<SavedState> {
    const pieces = sizedPieces(session, path);
    // Before this save makes temp files of its own: what killed processes left never piles up,
    // even when this process is killed during its first save too.
    await this.sweepLeftovers(path);
    let conflictCopy = null as string | null;
    const replacing = replaceAtomically(this.fs, path, pieces, async () => {
      conflictCopy = await this.keepBackup(path);
    });
    // Hashed while the disk works on the write (a failed write throws below and the hash goes unused).
    const hash = hashOf(pieces);
    await replacing;
    try {
      this.rememberGood(path, await this.fs.stat(path), hash, true);
      await syncFolder(this.fs, dirname(path));
    } catch (error) {
      throw writeFailure(error, path);
    }
    return { savedAt: this.now().toISOString(), ...(conflictCopy !== null && { conflictCopy }) };
  }

  /**
   * Copies the current file to `.bak` before it is replaced. Only a good file becomes the backup:
   * after the facilitator opened the backup of a damaged file, saving must not replace that backup
   * with the damage. The damaged file is kept as `.damaged` instead (it may be a newer app's file).
   * Copy, then rename: the session file itself never moves, so it exists at every instant.
   */
  private async keepBackup(path: string): Promise<string | null> {
    let info: Stats;
    try {
      info = await this.fs.stat(path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null; // nothing there yet: nothing to keep
      throw error;
    }
    const known = this.knownGood.get(resolve(path));
    const unchanged = known?.fingerprint === fingerprint(info);
    const loaded = unchanged ? null : await this.load(path);
    const good = unchanged || loaded?.ok === true;
    // Known, changed since, valid, and other bytes than this service wrote: another program's version.
    const conflictCopy = known && loaded?.ok && loaded.hash !== known.hash ? await this.keepConflictCopy(path) : null;
    const target = good ? backupPath(path) : path + damagedSuffix;
    await this.keepDurably(path, target, unchanged && known.written);
    return conflictCopy;
  }

  /**
   * Puts the current file under `target` as well, through a temp name: a hard link to it (the save
   * renames a new file over `path`, so the link keeps the old one — no bytes copied), or, where
   * links are impossible (FAT/exFAT sticks, some network shares), a copy. A copy, and a file another
   * program wrote, is fsynced before it takes the name; a file this service wrote was fsynced then,
   * and the folder sync after the save makes the new names durable.
   */
  private async keepDurably(source: string, target: string, synced: boolean): Promise<void> {
    await withTempFile(this.fs, target, async (temp) => {
      let linked = true;
      try {
        await this.fs.link(source, temp);
      } catch (error) {
        const code = errorCode(error);
        if (code === undefined || !linkUnsupported.has(code)) throw error;
        await this.fs.copyFile(source, temp);
        linked = false;
      }
      if (!linked || !synced) await this.syncFile(temp);
      await this.fs.rename(temp, target);
      // A save killed after its backup and before its own rename leaves `target` a link to the very
      // file linked here; rename(2) then does nothing and succeeds, and the temp name would stay.
      if (linked) await this.fs.unlink(temp).catch(() => undefined);
    });
  }

  /** Keeps the file as it is now under `<stem> (changed elsewhere <time>).nahtstelle`, never replacing a file. */
  private async keepConflictCopy(path: string): Promise<string> {
    const folder = dirname(path);
    const stem = `${stemOf(basename(path))} (changed elsewhere ${conflictTime(this.now())})`;
    return withTempFile(this.fs, join(folder, stem + sessionFileExtension), async (temp) => {
      await this.fs.copyFile(path, temp);
      await this.syncFile(temp);
      const copy = await this.placeUnderFreeName(temp, folder, stem);
      await syncFolder(this.fs, folder);
      return copy;
    });
  }

  private async syncFile(path: string): Promise<void> {
    // 'r+': Windows flushes only a handle opened for writing.
    const handle = await this.fs.open(path, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close().catch(() => undefined);
    }
  }

  /** Writes a new session file in `folder` under a name no other file has. */
  private async createIn(folder: string, session: Session): Promise<{ path: string; modifiedAt: Date }> {
    const stem = fileStem(session);
    const pieces = sizedPieces(session, join(folder, stem + sessionFileExtension));
    const path = await withTempFile(this.fs, join(folder, stem + sessionFileExtension), async (temp) => {
      await this.fs.mkdir(folder, { recursive: true });
      await writeDurably(this.fs, temp, pieces);
      return this.placeUnderFreeName(temp, folder, stem);
    }).catch((error: unknown) => {
      throw writeFailure(error, join(folder, stem + sessionFileExtension));
    });
    // The file exists now. Reporting a failure from here on would make the UI create it a second time.
    await syncFolder(this.fs, folder).catch(() => undefined);
    const info = await this.fs.stat(path).catch(() => null);
    if (info) this.rememberGood(path, info, hashOf(pieces), true);
    return { path, modifiedAt: info?.mtime ?? this.now() };
  }

  /** Renames a session file (and its backup) within its folder to `stem`, unless its name already fits. */
  private async moveToName(path: string, stem: string): Promise<string> {
    const current = basename(path);
    if (nameFitsStem(current, stem)) return path;
    const folder = dirname(path);
    const newPath = await this.moveFile(path, folder, stem);
    await syncFolder(this.fs, folder);
    return newPath;
  }

  /**
   * Moves a session file and its backup to `folder` as `<stem>.nahtstelle`, or `<stem>-2…` when
   * that (or its backup's name) is taken. Either may be missing. Returns the new path.
   */
  private async moveFile(path: string, folder: string, stem: string): Promise<string> {
    const hasFile = await this.exists(path);
    const hasBackup = await this.exists(backupPath(path));
    for (const candidate of candidateNames(folder, stem)) {
      if (await this.exists(backupPath(candidate))) continue;
      if (hasFile) {
        if (!(await this.placeWithoutOverwrite(path, candidate))) continue;
      } else if (await this.exists(candidate)) {
        continue;
      }
      if (hasBackup) await this.placeWithoutOverwrite(backupPath(path), backupPath(candidate));
      this.moveMemory(path, candidate);
      return candidate;
    }
    throw new Error(`No free file name for "${stem}" in ${folder}`);
  }

  /** Moves `source` into the first free `<stem>(-n).nahtstelle` of `folder`. Returns the path taken. */
  private async placeUnderFreeName(source: string, folder: string, stem: string): Promise<string> {
    for (const candidate of candidateNames(folder, stem)) {
      // A stray backup under the name would be taken for this file's backup.
      if (await this.exists(backupPath(candidate))) continue;
      if (await this.placeWithoutOverwrite(source, candidate)) return candidate;
    }
    throw new Error(`No free file name for "${stem}" in ${folder}`);
  }

  /**
   * Moves a file to `target` only if nothing is there; false when the name is taken. rename()
   * would replace an existing file, so this links the new name (which fails on an existing one)
   * and drops the old. Where hard links are impossible (another device, FAT/exFAT sticks) it
   * copies exclusively and deletes the source.
   */
  private async placeWithoutOverwrite(source: string, target: string): Promise<boolean> {
    try {
      await this.fs.link(source, target);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST') return false;
      if (code === undefined || !linkUnsupported.has(code)) throw error;
      try {
        await this.fs.copyFile(source, target, constants.COPYFILE_EXCL);
      } catch (copyError) {
        if (errorCode(copyError) === 'EEXIST') return false;
        await this.removeQuietly(target); // a half-written copy must not pass for the file
        throw copyError;
      }
      // On disk, name and all, before the only other copy goes: a power cut must not lose both.
      await this.syncFile(target);
      await syncFolder(this.fs, dirname(target));
    }
    await this.fs.unlink(source);
    return true;
  }

  /**
   * Deletes temp files a killed process left next to this file (once per file and run). Only names
   * this service makes match, and saves to one file are queued, so no live temp file is touched.
   */
  private async sweepLeftovers(path: string): Promise<void> {
    const key = resolve(path);
    if (this.swept.has(key)) return;
    this.swept.add(key);
    const names = await this.fs.readdir(dirname(path)).catch(() => [] as string[]);
    const pattern = leftoverPattern(path);
    await Promise.all(names.filter((name) => pattern.test(name)).map((name) => this.removeQuietly(join(dirname(path), name))));
  }

  // ── Small helpers ────────────────────────────────────────────────────────────────────────────

  /** Runs `task` after every earlier task on the same path has settled. */
  private exclusive<T>(path: string, task: () => Promise<T>): Promise<T> {
    const key = resolve(path);
    const run = (this.queues.get(key) ?? Promise.resolve()).then(task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return run;
  }

  private rememberGood(path: string, info: Stats, hash: string, written = false): void {
    this.knownGood.set(resolve(path), { fingerprint: fingerprint(info), hash, written });
  }

  /** A moved file is still known good if it kept its inode and times (a link does; a copy does not). */
  private moveMemory(from: string, to: string): void {
    const known = this.knownGood.get(resolve(from));
    this.forget(from);
    if (known !== undefined) this.knownGood.set(resolve(to), known);
  }

  private forget(path: string): void {
    this.knownGood.delete(resolve(path));
    this.swept.delete(resolve(path));
  }

  private async exists(path: string): Promise<boolean> {
    try {
      await this.fs.stat(path);
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  private async removeQuietly(path: string): Promise<void> {
    await this.fs.unlink(path).catch(() => undefined);
  }
}

// ── Names ──────────────────────────────────────────────────────────────────────────────────────

const germanLetters: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'ae', Ö: 'oe', Ü: 'ue', ẞ: 'ss' };
const maxSlugLength = 60;

/**
 * A file-name-safe form of a title: "Kick-off Müller GmbH" → "kick-off-mueller-gmbh". German
 * letters are spelled out as Germans do when they cannot type them; other accents are dropped
 * ("Café" → "cafe"); anything else becomes a dash. Short enough for any file system.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFC')
    .replace(/[äöüßÄÖÜẞ]/g, (letter) => germanLetters[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxSlugLength) return slug;
  const cut = slug.slice(0, maxSlugLength);
  // Cut at a word boundary when there is one, so no word is left half.
  return (cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut).replace(/-+$/g, '');
}

/** `<slug of title>-<first 8 of id>`: readable, and two sessions with one title still get two names. */
export function fileStem(session: Session): string {
  const idPart = session.id
    .slice(0, 8)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  const titlePart = slugify(session.details.title) || 'session';
  return idPart ? `${titlePart}-${idPart}` : titlePart;
}

/** "Kick-off" → "Kick-off (2)"; "Kick-off (2)" → "Kick-off (3)", skipping numbers a file in the folder has. */
export function copyTitle(title: string, namesInFolder: readonly string[]): string {
  const match = /^(.*?)\s*\((\d+)\)$/.exec(title);
  const base = match ? (match[1] ?? '') : title.trim();
  const first = match ? Number(match[2]) + 1 : 2;
  for (let n = first; ; n++) {
    const candidate = base ? `${base} (${n})` : `(${n})`;
    const taken = new RegExp(`^${escapeRegExp(slugify(candidate) || 'session')}-[a-z0-9]{1,8}(?:-\\d+)?\\${sessionFileExtension}$`);
    if (!namesInFolder.some((name) => taken.test(name))) return candidate;
  }
}

function* candidateNames(folder: string, stem: string): Generator<string> {
  for (let n = 1; n <= maxNameAttempts; n++) yield join(folder, `${n === 1 ? stem : `${stem}-${n}`}${sessionFileExtension}`);
}

/** `stem.nahtstelle` or a numbered `stem-2.nahtstelle`: a file already named for its title keeps its name. */
function nameFitsStem(fileName: string, stem: string): boolean {
  return new RegExp(`^${escapeRegExp(stem)}(?:-\\d+)?\\${sessionFileExtension}$`).test(fileName);
}

/** Session files only: not backups, not temp files, not hidden files (macOS puts `._x.nahtstelle` on sticks). */
function isSessionFileName(name: string): boolean {
  return name.endsWith(sessionFileExtension) && !name.startsWith('.');
}

function isSessionOrBackupName(name: string): boolean {
  return isSessionFileName(name) || (isSessionFileName(name.slice(0, -backupSuffix.length)) && name.endsWith(backupSuffix));
}

function stemOf(fileName: string): string {
  return fileName.endsWith(sessionFileExtension) ? fileName.slice(0, -sessionFileExtension.length) : fileName;
}

export function backupPath(path: string): string {
  return path + backupSuffix;
}

/** The temp files of `path` and of its backup, and nothing else. */
function leftoverPattern(path: string): RegExp {
  const names = [tempBase(path), tempBase(backupPath(path)), tempBase(path + damagedSuffix)].map(escapeRegExp);
  return new RegExp(`^\\.(?:${names.join('|')})\\.[0-9a-f]{16}\\.tmp$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ── Other helpers ──────────────────────────────────────────────────────────────────────────────

function summaryOfHead(path: string, summary: ReturnType<typeof summarizeSession>, modifiedAt: Date): SessionSummary {
  return { path, fileName: basename(path), ...summary, modifiedAt: modifiedAt.toISOString(), problem: null };
}

/** Runs at most `limit` tasks at once, the rest in the order they came. */
class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

function summaryOf(path: string, session: Session, modifiedAt: Date): SessionSummary {
  return { path, fileName: basename(path), ...summarizeSession(session), modifiedAt: modifiedAt.toISOString(), problem: null };
}

/**
 * The file's bytes for `session`, in pieces, refused (sessionTooLarge) when the app could not read
 * them back. Encoded once: the size check, the write and the hash all use these pieces.
 */
function sizedPieces(session: Session, path: string): Buffer[] {
  const pieces = sessionFilePieces(session);
  const size = pieces.reduce((total, piece) => total + piece.length, 0);
  if (size > maxSessionFileBytes)
    throw fileProblem('sessionTooLarge', path, `The session would take ${size} bytes; at most ${maxSessionFileBytes} are read`);
  return pieces;
}

/** The UTF-8 of the cards the save check made, kept as long as their text is (core/session-file.ts). */
const cardBytes = new WeakMap<SessionFileCard, Buffer>();

/**
 * `serializeSession(session)` as UTF-8, in pieces: the part before the cards, each card, the part
 * after them. An autosave sends every card though one changed: the cards the save check made keep
 * their bytes from the last save, so only the changed ones are encoded, and nothing is copied into
 * one buffer (the pieces are written and hashed as they are).
 */
export function sessionFilePieces(session: Session): Buffer[] {
  const { head, cards, tail } = sessionFileParts(session);
  const pieces: Buffer[] = [Buffer.from(head, 'utf8')];
  cards.forEach((card, i) => {
    let bytes = cardBytes.get(card);
    if (bytes === undefined) {
      bytes = Buffer.from(card.text, 'utf8');
      cardBytes.set(card, bytes);
    }
    // The first card goes without its leading comma (one byte).
    pieces.push(i === 0 ? bytes.subarray(1) : bytes);
  });
  pieces.push(Buffer.from(tail, 'utf8'));
  return pieces;
}

function hashOf(data: FileData): string {
  const hash = createHash('sha256');
  if (typeof data === 'string' || data instanceof Uint8Array) hash.update(data);
  else for (const piece of data) hash.update(piece);
  return hash.digest('hex');
}

/** `2027-03-04 09.05.06` in local time: readable in a file manager, legal in file names everywhere. */
function conflictTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}.${two(date.getMinutes())}.${two(date.getSeconds())}`;
}

function tooLarge(size: number, info: Stats): Loaded {
  return { ok: false, reason: 'tooLarge', detail: `The file has ${size} bytes; at most ${maxSessionFileBytes} are read`, info };
}

/** Identifies one version of a file: a save renames a new file in, which changes the inode. */
function fingerprint(info: Stats): string {
  return `${info.ino}:${info.size}:${info.mtimeMs}`;
}

function isMissing(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Like Promise.all over `items.map(fn)`, with at most `limit` calls running at once. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
