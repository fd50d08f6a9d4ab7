import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../core/api';
import { api } from '../api';
import { Board } from '../board/Board';
import { useBoard } from '../store/board-store';
import { describeError } from './errors';
import { LanguageSwitch } from './LanguageSwitch';
import { useShortcuts } from './shortcuts';

export function App({ systemLanguage, chosenLanguage }: { systemLanguage: Language; chosenLanguage: Language | null }) {
  const { t } = useTranslation();
  useShortcuts();
  useEffect(() => api.on('command', (command) => useBoard.getState()[command]()), []);

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-name">{t('app.name')}</h1>
        <div className="toolbar" role="toolbar" aria-label={t('app.toolbar')}>
          <UndoRedo />
          <LanguageSwitch systemLanguage={systemLanguage} initialChoice={chosenLanguage} />
        </div>
      </header>
      <Board />
      <div className="notice-area" role="status" aria-live="polite">
        <ProblemNotice />
        <DeletedNotice />
      </div>
    </div>
  );
}

function UndoRedo() {
  const { t } = useTranslation();
  const canUndo = useBoard((s) => s.history.past.length > 0);
  const canRedo = useBoard((s) => s.history.future.length > 0);
  return (
    <>
      <button type="button" className="tool-button" disabled={!canUndo} onClick={() => useBoard.getState().undo()} aria-keyshortcuts="Control+Z">
        {t('actions.undo')}
      </button>
      <button type="button" className="tool-button" disabled={!canRedo} onClick={() => useBoard.getState().redo()} aria-keyshortcuts="Control+Shift+Z Control+Y">
        {t('actions.redo')}
      </button>
    </>
  );
}

/** After a delete, a calm line with an undo button: a slip in front of the room is one click away. */
function DeletedNotice() {
  const { t } = useTranslation();
  const title = useBoard((s) => s.lastDeletedTitle);
  if (title === null) return null;
  return (
    <p className="notice">
      {t('card.deleted', { title })}
      <button type="button" className="tool-button" onClick={() => useBoard.getState().undo()}>
        {t('actions.undo')}
      </button>
    </p>
  );
}

/** A call to the machine that failed, in the facilitator's language; the board stays usable. */
function ProblemNotice() {
  const { t } = useTranslation();
  const problem = useBoard((s) => s.problem);
  if (problem === null) return null;
  return (
    <p className="notice notice--problem">
      {describeError(problem.error, t)}
      <button type="button" className="tool-button" onClick={() => useBoard.getState().dismissProblem()}>
        {t('actions.dismiss')}
      </button>
    </p>
  );
}
