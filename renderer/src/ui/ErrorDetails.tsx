/**
 * The one way a failure is shown: the plain sentence (given by the caller, often inside its own
 * text) and, behind a "Details" toggle, the technical detail. See docs/ARCHITECTURE.md, "Messages".
 */
import { useTranslation } from 'react-i18next';
import { explainError } from './errors';

/** The plain sentence for `error`, then its "Details" toggle. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      {explainError(error, t).message}
      <ErrorDetails error={error} />
    </>
  );
}

/** The "Details" toggle alone, for a sentence worded around the failure (e.g. "Not saved: …"). */
export function ErrorDetails({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { detail } = explainError(error, t);
  if (detail === '') return null;
  return (
    <details className="error-details">
      <summary>{t('messages.details')}</summary>
      <code className="error-detail">{t('messages.technical', { detail })}</code>
    </details>
  );
}
