import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../core/api';
import { api } from '../api';
import { ConfirmButton } from '../ui/Dialog';
import { keepOrDrop } from '../ui/fields';
import { describeApiError } from '../ui/errors';
import { useBoard } from '../store/board-store';
import { formatDateTime, formatDayMedium } from '../ui/format';
import { showOpened } from './open-session';

/** One session in the library: open it, or duplicate, rename, show, delete it. */
export function SessionRow({ summary, onChanged }: { summary: SessionSummary; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [renaming, setRenaming] = useState(false);
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

  // A file that cannot be read can still be shown in its folder and deleted, not copied or renamed.
  const rowActions = [
    ...(summary.problem
      ? []
      : [
          { label: t('library.duplicate'), run: () => void act(() => api.duplicateSession(summary.path)) },
          { label: t('library.rename'), run: () => setRenaming(true) },
        ]),
    { label: t('library.reveal'), run: () => void act(() => api.revealSession(summary.path)) },
  ];
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
          <button
            type="button"
            className="session-open"
            aria-label={t('library.open', { title })}
            onClick={() => void showOpened(api.openSession(summary.path))}
          >
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
        {rowActions.map(({ label, run }) => (
          <button key={label} type="button" className="tool-button" onClick={run}>
            {label}
          </button>
        ))}
        <ConfirmButton
          label={t('library.delete')}
          question={t('library.confirmDelete', { title })}
          hint={t('library.confirmDeleteHint')}
          cancelLabel={t('library.cancel')}
          confirmLabel={t('library.confirm')}
          onConfirm={() => void act(() => api.deleteSession(summary.path))}
        />
      </div>
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
  return (
    <input
      className="session-rename"
      aria-label={t('library.renameLabel', { title })}
      value={draft}
      autoFocus
      onChange={(event) => setDraft(event.currentTarget.value)}
      onKeyDown={(event) => keepOrDrop(event, (keep) => finish(keep ? draft : null))}
      onBlur={() => finish(draft)}
    />
  );
}
