import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../core/api';
import { api } from '../api';
import { Dialog } from '../ui/Dialog';
import { describeApiError } from '../ui/errors';
import { useBoard } from '../store/board-store';
import { formatDateTime, formatDayMedium } from '../ui/format';
import { showOpened } from './open-session';

/** One session in the library: open it, or duplicate, rename, show, delete it. */
export function SessionRow({ summary, onChanged }: { summary: SessionSummary; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const title = summary.title || t('library.untitled');

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      useBoard.getState().dismissProblem();
    } catch (error) {
      useBoard.getState().reportProblem(error);
    }
    onChanged();
  };

  const facts = [
    summary.client,
    formatDayMedium(summary.date, i18n.language),
    summary.place,
    summary.problem ? '' : t('library.cardCount', { count: summary.cardCount }),
    t('library.changed', { when: formatDateTime(summary.modifiedAt, i18n.language) }),
  ].filter(Boolean);

  return (
    <li className={summary.problem ? 'session-row session-row--damaged' : 'session-row'}>
      {renaming ? (
        <RenameField
          title={title}
          initial={summary.title}
          onDone={(next) => {
            setRenaming(false);
            if (next !== null && next.trim() !== '' && next !== summary.title) void act(() => api.renameSession(summary.path, next.trim()));
          }}
        />
      ) : (
        // The facts sit beside the button, not in it: its name ("Open …") must hold all the text it shows (WCAG 2.5.3).
        <div className="session-summary">
          <button type="button" className="session-open" aria-label={t('library.open', { title })} onClick={() => void showOpened(api.openSession(summary.path))}>
            <span className="session-title">{title}</span>
          </button>
          <span className="session-facts">{facts.join(' · ')}</span>
        </div>
      )}
      {summary.problem && (
        <p className="session-problem">
          {describeApiError(summary.problem, t)}
          {summary.problem.backupAvailable && (
            <button type="button" className="tool-button" onClick={() => void showOpened(api.openBackup(summary.path))}>
              {t('library.openBackup')}
            </button>
          )}
        </p>
      )}
      <div className="session-actions" role="group" aria-label={t('library.actionsFor', { title })}>
        {!summary.problem && (
          <>
            <button type="button" className="tool-button" onClick={() => void act(() => api.duplicateSession(summary.path))}>
              {t('library.duplicate')}
            </button>
            <button type="button" className="tool-button" onClick={() => setRenaming(true)}>
              {t('library.rename')}
            </button>
          </>
        )}
        <button type="button" className="tool-button" onClick={() => void act(() => api.revealSession(summary.path))}>
          {t('library.reveal')}
        </button>
        <button type="button" className="tool-button tool-button--danger" onClick={() => setConfirmingDelete(true)}>
          {t('library.delete')}
        </button>
      </div>
      {confirmingDelete && (
        <Dialog label={t('library.confirmDelete', { title })} onClose={() => setConfirmingDelete(false)}>
          <p className="dialog-text">{t('library.confirmDelete', { title })}</p>
          <p>{t('library.confirmDeleteHint')}</p>
          <div className="dialog-actions">
            <button type="button" className="tool-button" onClick={() => setConfirmingDelete(false)}>
              {t('library.cancel')}
            </button>
            <button
              type="button"
              className="tool-button tool-button--danger"
              onClick={() => {
                setConfirmingDelete(false);
                void act(() => api.deleteSession(summary.path));
              }}
            >
              {t('library.confirm')}
            </button>
          </div>
        </Dialog>
      )}
    </li>
  );
}

function RenameField({ title, initial, onDone }: { title: string; initial: string; onDone: (next: string | null) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  // Enter or Escape ends the edit; the blur that may follow must not end it a second time.
  const finished = useRef(false);
  const finish = (next: string | null) => {
    if (finished.current) return;
    finished.current = true;
    onDone(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') finish(draft);
    else if (event.key === 'Escape') finish(null);
  };
  return (
    <input
      className="session-rename"
      aria-label={t('library.renameLabel', { title })}
      value={draft}
      autoFocus
      onChange={(event) => setDraft(event.currentTarget.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(draft)}
    />
  );
}
