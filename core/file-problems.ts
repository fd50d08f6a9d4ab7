/**
 * What can be wrong with a session file or with saving one, as codes the UI translates
 * (renderer/src/i18n: `files.<code>`). Each reaches the facilitator with the file's name.
 */

/** Why a file could not be opened. */
export const openProblemCodes = [
  'notFound',
  'unreadable',
  'tooLarge',
  'binary',
  /** Cut off inside a multi-byte character: a half-copied or half-synced file, not a foreign one. */
  'truncated',
  'notJson',
  'tooDeep',
  'notSessionFile',
  'newerVersion',
  'invalidVersion',
  'invalidSession',
  'duplicateIds',
  'danglingReference',
] as const;
export type OpenProblemCode = (typeof openProblemCodes)[number];

/** Why a save did not reach the disk. The app keeps the session in memory and retries. */
export const saveProblemCodes = ['diskFull', 'folderMissing', 'permissionDenied', 'saveFailed'] as const;
export type SaveProblemCode = (typeof saveProblemCodes)[number];

/** Why a session save was refused before writing: a file over the read limit could never be opened again. */
export const sessionSaveProblemCodes = ['sessionTooLarge'] as const;
export type SessionSaveProblemCode = (typeof sessionSaveProblemCodes)[number];

export type FileProblemCode = OpenProblemCode | SaveProblemCode | SessionSaveProblemCode;
