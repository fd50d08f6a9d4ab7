import type { TFunction } from 'i18next';
import { apiErrorOf, asApiError, type ApiError } from '../../../core/api';
import { templateLimits } from '../../../core/templates';

/** A failed call, in words for the facilitator, in the UI language. */
export function describeError(error: unknown, t: TFunction): string {
  const apiError = asApiError(error) ?? apiErrorOf(error);
  if (apiError) return describeApiError(apiError, t);
  return t('errors.internal', { detail: error instanceof Error ? error.message : String(error) });
}

export function describeApiError(error: ApiError, t: TFunction): string {
  if (error.code === 'fileProblem' && error.reason) {
    const file = error.file ?? '';
    const sentences = [t(`files.${error.reason}`, { file })];
    if (error.backupAvailable) sentences.push(t('files.backupAvailable'));
    return sentences.join(' ');
  }
  // Own templates: worded with the workshop feature's text.
  if (error.code === 'templateNotFound') return t('workshop.errors.templateNotFound');
  if (error.code === 'templateLimit') return t('workshop.errors.templateLimit', { max: templateLimits.templates });
  return t(`errors.${error.code}`, { detail: error.detail, file: error.file ?? '' });
}
