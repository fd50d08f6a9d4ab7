import type { TFunction } from 'i18next';
import { apiErrorOf, asApiError } from '../../../core/api';
import { saveProblemCodes, type SaveProblemCode } from '../../../core/file-problems';
import { describeError } from '../ui/errors';

/**
 * Why an export failed, in the UI language. A failed write is worded for an export (the app's own
 * save texts speak of the sessions folder, which an export need not be in) and says what to do;
 * anything else is worded as every other failed call.
 */
export function describeExportError(error: unknown, t: TFunction): string {
  const apiError = asApiError(error) ?? apiErrorOf(error);
  const reason = apiError?.code === 'fileProblem' ? saveProblemCodes.find((code: SaveProblemCode) => code === apiError.reason) : undefined;
  if (apiError && reason) return t(`export.errors.${reason}`, { file: apiError.file ?? '' });
  return describeError(error, t);
}
