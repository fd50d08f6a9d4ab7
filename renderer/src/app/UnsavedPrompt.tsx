/**
 * Asks what to do when unsaved changes would be replaced or closed: try again, save a copy, or discard.
 * docs/ARCHITECTURE.md, "Sessions on disk"; docs/reliability.md, "Nothing replaced or closed while unsaved".
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from '../store/create-store';
import { api } from '../api';
import type { Autosave } from '../store/autosave';
import { useBoard } from '../store/board-store';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { ErrorDetails } from '../ui/ErrorDetails';

interface Pending {
  /** What the facilitator was doing: opening another session, or closing the window. */
  readonly kind: 'open' | 'close';
  /** Goes on with it (once the changes are safe, or the facilitator chose to discard them). */
  readonly proceed: () => void;
}

export const useUnsavedPrompt = create<{ pending: Pending | null }>()(() => ({ pending: null }));

export function askAboutUnsaved(pending: Pending): void {
  useUnsavedPrompt.setState({ pending });
}

export function UnsavedPrompt({ autosave }: { autosave: Autosave }) {
  const { t } = useTranslation();
  const pending = useUnsavedPrompt((s) => s.pending);
  const status = useBoard((s) => s.saveStatus);
  const [busy, setBusy] = useState(false);
  if (!pending) return null;
  const dismiss = () => useUnsavedPrompt.setState({ pending: null });
  const proceed = () => {
    dismiss();
    pending.proceed();
  };
  const retry = async () => {
    setBusy(true);
    const ok = await autosave.flush();
    setBusy(false);
    if (ok) proceed();
  };
  const saveCopy = async () => {
    setBusy(true);
    try {
      // The copy holds the changes; the file the session came from keeps its older state.
      const path = await api.saveSessionAs(useBoard.getState().history.present);
      if (path !== null) proceed();
    } catch (error) {
      useBoard.getState().reportProblem(error);
    } finally {
      setBusy(false);
    }
  };
  const reason = status.state === 'failed' ? describeError(status.error, t) : '';
  return (
    <Dialog
      title={t('reliability.unsaved.heading')}
      onClose={dismiss}
      actions={
        <>
          <button type="button" className="tool-button tool-button--primary" disabled={busy} onClick={() => void retry()}>
            {t('reliability.unsaved.retry')}
          </button>
          <button type="button" className="tool-button" disabled={busy} onClick={() => void saveCopy()}>
            {t('reliability.unsaved.saveCopy')}
          </button>
          <button type="button" className="tool-button" disabled={busy} onClick={proceed}>
            {t(pending.kind === 'open' ? 'reliability.unsaved.discardOpen' : 'reliability.unsaved.discardClose')}
          </button>
          <button type="button" className="tool-button" disabled={busy} onClick={dismiss}>
            {t('reliability.unsaved.keepWorking')}
          </button>
        </>
      }
    >
      <p>{t(pending.kind === 'open' ? 'reliability.unsaved.openBody' : 'reliability.unsaved.closeBody', { reason })}</p>
      {status.state === 'failed' && <ErrorDetails error={status.error} />}
    </Dialog>
  );
}
