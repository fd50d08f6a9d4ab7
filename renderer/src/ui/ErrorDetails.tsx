/** The one way a failure is shown: the plain sentence, the technical detail behind "Details". docs/ARCHITECTURE.md, "Dialogs and messages". */
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
