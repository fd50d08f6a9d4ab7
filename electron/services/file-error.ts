/** How the file services fail: a FileError carrying the ApiError the UI words. docs/ARCHITECTURE.md, "Sessions on disk". */
import { basename } from 'node:path';
import type { ApiError } from '../../core/api';
import type { FileProblemCode, SaveProblemCode } from '../../core/file-problems';

export class FileError extends Error {
  override readonly name = 'FileError';

  constructor(readonly apiError: ApiError) {
    super(`${apiError.reason ?? apiError.code}: ${apiError.file ?? '?'} (${apiError.detail})`);
  }
}

/** A `fileProblem` error about the file at `path`, named by its base name as the facilitator knows it. */
export function fileProblem(reason: FileProblemCode, path: string, detail: string, backupAvailable = false): FileError {
  return new FileError({
    code: 'fileProblem',
    reason,
    file: basename(path),
    detail,
    ...(backupAvailable && { backupAvailable: true }),
  });
}

/** The `code` of a Node system error (ENOENT, ENOSPC …), if it is one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Why a write did not reach the disk, in the words the UI has for it. */
export function classifyWriteError(error: unknown): SaveProblemCode {
  switch (errorCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'diskFull';
    // The folder (or a parent) vanished: a removed USB stick, a deleted or renamed folder.
    case 'ENOENT':
    case 'ENOTDIR':
      return 'folderMissing';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permissionDenied';
    default:
      return 'saveFailed';
  }
}

/** Wraps anything thrown during a write as a FileError; a FileError passes through unchanged. */
export function writeFailure(error: unknown, path: string): FileError {
  if (error instanceof FileError) return error;
  const code = errorCode(error);
  return fileProblem(classifyWriteError(error), path, code ? `${code}: ${errorDetail(error)}` : errorDetail(error));
}
