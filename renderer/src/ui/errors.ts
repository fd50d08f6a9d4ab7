/** Every failed call in words for the facilitator, apart from the technical detail. docs/ARCHITECTURE.md, "Dialogs and messages". */
import type { TFunction } from 'i18next';
import { apiErrorOf, asApiError, type ApiError } from '../../../core/api';
import { templateLimits } from '../../../core/templates';

/** A failure as shown: the sentence, and the technical detail ('' when there is none worth showing). */
export interface ExplainedError {
  readonly message: string;
  readonly detail: string;
}

/** A failed call, in words for the facilitator, in the UI language — without technical detail. */
export function describeError(error: unknown, t: TFunction): string {
  return explainError(error, t).message;
}

export function explainError(error: unknown, t: TFunction): ExplainedError {
  const apiError = asApiError(error) ?? apiErrorOf(error);
  if (apiError) return { message: describeApiError(apiError, t), detail: technicalDetail(apiError) };
  return { message: t('errors.internal'), detail: error instanceof Error ? error.message : String(error) };
}

/**
 * What a developer needs to find the cause: the code, the call and the cause the machine gave.
 * Nothing for the facilitator's own choices (an own template gone or the list full): the sentence
 * says all there is.
 */
export function technicalDetail(error: ApiError): string {
  if (error.code === 'templateNotFound' || error.code === 'templateLimit') return '';
  const reason = error.reason ? ` (${error.reason})` : '';
  return error.detail === '' ? `${error.code}${reason}` : `${error.code}${reason}: ${error.detail}`;
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
  return t(`errors.${error.code}`, { file: error.file ?? '' });
}
