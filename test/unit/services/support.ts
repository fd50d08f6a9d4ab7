/**
 * Helpers for the session-file service tests: real temp folders (removed after each test), sample
 * sessions, a snapshot of a file to prove it was not touched, and a file system with injected
 * faults. CI runs as root, where chmod stops nothing, so disk trouble is simulated at the fs layer.
 */
import { createHash, randomUUID } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCard } from '../../../core/operations';
import { createSession, type Session, type SessionDetails } from '../../../core/model';
import type { SessionFs } from '../../../electron/services/session-files';

const folders: string[] = [];

/** A fresh, empty folder; removeTempFolders() (in afterEach) deletes it. */
export async function tempFolder(): Promise<string> {
  const folder = await nodeFs.mkdtemp(join(tmpdir(), 'nahtstelle-files-'));
  folders.push(folder);
  return folder;
}

export async function removeTempFolders(): Promise<void> {
  await Promise.all(folders.splice(0).map((folder) => nodeFs.rm(folder, { recursive: true, force: true })));
}

/** A session with details and `cards` cards, dealt over the three lanes. */
export function sampleSession(details: Partial<SessionDetails> = {}, cards = 3, id: string = randomUUID()): Session {
  let session = createSession(id, { title: 'Kick-off Müller GmbH', client: 'Müller GmbH', date: '2025-03-14', place: 'Köln', ...details });
  for (let i = 0; i < cards; i++) {
    const laneId = session.laneOrder[i % session.laneOrder.length] ?? 'seam';
    session = addCard(session, `card-${i + 1}`, laneId, `Thema ${i + 1}: Übergabe Lead → Vertrieb`);
  }
  return session;
}

export function withTitle(session: Session, title: string): Session {
  return { ...session, details: { ...session.details, title } };
}

export interface FileSnapshot {
  /** SHA-256 of the content: compared as one string, not byte by byte through the matcher. */
  readonly sha256: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly folderListing: readonly string[];
}

/** The file's bytes and mtime and its folder's listing, to show that nothing was written or added. */
export async function snapshot(path: string, folder: string): Promise<FileSnapshot> {
  const [bytes, info, listing] = await Promise.all([nodeFs.readFile(path), nodeFs.stat(path), nodeFs.readdir(folder)]);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mtimeMs: info.mtimeMs, folderListing: listing.sort() };
}

export async function tempFilesIn(folder: string): Promise<string[]> {
  return (await nodeFs.readdir(folder)).filter((name) => name.endsWith('.tmp'));
}

/** node:fs/promises that records which paths were read whole (readFile), to prove a file was not. */
export function recordingReads(): { fs: SessionFs; readPaths: unknown[] } {
  const readPaths: unknown[] = [];
  const readFile = (async (...args: Parameters<typeof nodeFs.readFile>) => {
    readPaths.push(args[0]);
    return nodeFs.readFile(...args);
  }) as typeof nodeFs.readFile;
  return { fs: { ...nodeFs, readFile }, readPaths };
}

/** An error as Node's fs gives it, with `code` and `syscall`. */
export function systemError(code: string, syscall: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: simulated failure, ${syscall}`);
  error.code = code;
  error.syscall = syscall;
  return error;
}

/** Which operation fails, and with which code. Change the fields during a test; undefined = works. */
export interface Faults {
  /** Opening a file for writing (the temp file): EROFS, EACCES … */
  openForWrite?: string | undefined;
  /** Writing the contents: half the text lands, then the error (as with a disk that fills up). */
  write?: string | undefined;
  copyFile?: string | undefined;
  /** A hard link (the backup): EPERM, EXDEV … where the file system has none. */
  link?: string | undefined;
  rename?: string | undefined;
  readFile?: string | undefined;
}

/** node:fs/promises with the faults switched on in `faults` (read at each call). */
export function faultyFs(faults: Faults): SessionFs {
  return {
    ...nodeFs,
    async open(...args: Parameters<typeof nodeFs.open>) {
      const [, flags] = args;
      const forWriting = typeof flags === 'string' && /[wa+]/.test(flags);
      if (forWriting && faults.openForWrite) throw systemError(faults.openForWrite, 'open');
      const handle = await nodeFs.open(...args);
      return forWriting ? failingWrites(handle, faults) : handle;
    },
    async copyFile(...args: Parameters<typeof nodeFs.copyFile>) {
      if (faults.copyFile) throw systemError(faults.copyFile, 'copyfile');
      return nodeFs.copyFile(...args);
    },
    async link(...args: Parameters<typeof nodeFs.link>) {
      if (faults.link) throw systemError(faults.link, 'link');
      return nodeFs.link(...args);
    },
    async rename(...args: Parameters<typeof nodeFs.rename>) {
      if (faults.rename) throw systemError(faults.rename, 'rename');
      return nodeFs.rename(...args);
    },
    readFile: (async (...args: Parameters<typeof nodeFs.readFile>) => {
      if (faults.readFile) throw systemError(faults.readFile, 'read');
      return nodeFs.readFile(...args);
    }) as typeof nodeFs.readFile,
  };
}

function failingWrites(handle: nodeFs.FileHandle, faults: Faults): nodeFs.FileHandle {
  return new Proxy(handle, {
    get(target, key) {
      if (key === 'writeFile' && faults.write) {
        const code = faults.write;
        return async (data: string) => {
          await target.writeFile(data.slice(0, Math.floor(data.length / 2)));
          throw systemError(code, 'write');
        };
      }
      if (key === 'writev' && faults.write) {
        const code = faults.write;
        return async (pieces: Uint8Array[]) => {
          await target.writev(pieces.slice(0, Math.floor(pieces.length / 2)));
          throw systemError(code, 'write');
        };
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
