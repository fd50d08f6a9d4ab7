import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../core/api';
import { api } from '../api';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { PlusIcon } from '../ui/icons';
import { useWindowZoomKeys } from '../ui/window-zoom';
import { useApp } from '../store/app-store';
import { useBoard } from '../store/board-store';
import { NewSessionDialog } from './NewSessionDialog';
import { showOpened } from './open-session';
import { SessionRow } from './SessionRow';
import { SettingsDialog } from './SettingsDialog';

/** The start screen: the sessions in the sessions folder, newest first, and what to do with them. */
export function Library() {
  const { t } = useTranslation();
  const [sessions, setSessions] = useState<readonly SessionSummary[] | null>(null);
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<'new' | 'settings' | null>(null);
  const sessionsFolder = useApp((s) => s.preferences.sessionsFolder);
  const recentFiles = useApp((s) => s.preferences.recentFiles);
  useWindowZoomKeys();

  // Bumped after each change in the list (duplicate, rename, delete) to read the folder again.
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let current = true;
    api.listSessions().then(
      (list) => current && setSessions(list),
      (error: unknown) => {
        if (!current) return;
        setSessions([]);
        useBoard.getState().reportProblem(error);
      },
    );
    return () => {
      current = false;
    };
  }, [version, sessionsFolder]);

  const shown = useMemo(() => (sessions ?? []).filter((s) => matches(s, filter)), [sessions, filter]);
  const listedPaths = new Set((sessions ?? []).map((s) => s.path));
  const elsewhere = recentFiles.filter((path) => !listedPaths.has(path));

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-name">{t('app.name')}</h1>
        <div className="toolbar" role="toolbar" aria-label={t('app.toolbar')}>
          <button type="button" className="tool-button tool-button--primary" onClick={() => setDialog('new')}>
            <PlusIcon />
            {t('library.newSession')}
          </button>
          <button type="button" className="tool-button" onClick={() => void showOpened(api.openSessionFromDisk())}>
            {t('library.openFile')}
          </button>
          <button type="button" className="tool-button" onClick={() => setDialog('settings')}>
            {t('library.settings')}
          </button>
          <LanguageSwitch />
        </div>
      </header>
      <main className="library" aria-labelledby="library-heading">
        <div className="library-head">
          <h2 id="library-heading">{t('library.title')}</h2>
          <input
            type="search"
            className="library-filter"
            aria-label={t('library.filter')}
            placeholder={t('library.filter')}
            value={filter}
            onChange={(event) => setFilter(event.currentTarget.value)}
          />
        </div>
        {sessions === null ? (
          <p className="library-empty">{t('library.loading')}</p>
        ) : shown.length === 0 ? (
          <p className="library-empty">{filter ? t('library.noMatch', { filter }) : t('library.empty')}</p>
        ) : (
          <ul className="session-list">
            {shown.map((summary) => (
              <SessionRow key={summary.path} summary={summary} onChanged={reload} />
            ))}
          </ul>
        )}
        {elsewhere.length > 0 && (
          <section className="recent" aria-labelledby="recent-heading">
            <h3 id="recent-heading">{t('library.recent')}</h3>
            <ul>
              {elsewhere.map((path) => (
                <li key={path}>
                  <button type="button" className="link-button" onClick={() => void showOpened(api.openSession(path))}>
                    {path}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
      {dialog === 'new' && <NewSessionDialog onClose={() => setDialog(null)} />}
      {dialog === 'settings' && <SettingsDialog onClose={() => setDialog(null)} />}
    </div>
  );
}

function matches(summary: SessionSummary, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return true;
  return [summary.title, summary.client, summary.place, summary.date, summary.fileName].some((field) => field.toLowerCase().includes(needle));
}
