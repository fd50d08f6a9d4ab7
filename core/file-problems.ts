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

export type FileProblemCode = OpenProblemCode | SaveProblemCode;
