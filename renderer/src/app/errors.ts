import type { TFunction } from 'i18next';
import { apiErrorOf } from '../../../core/api';

/** A failed call, in words for the facilitator, in the UI language. */
export function describeError(error: unknown, t: TFunction): string {
  const apiError = apiErrorOf(error);
  if (apiError) return t(`errors.${apiError.code}`, { detail: apiError.detail });
  return t('errors.internal', { detail: error instanceof Error ? error.message : String(error) });
}
