import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startRoomSync } from '../room/room-sync';
import { api } from '../api';
import { closeAudienceWindow, useAudienceWindow } from '../audience/audience-window';
import { useAudiencePublisher } from '../audience/publish';
import { Board } from '../board/Board';
import { Library } from '../library/Library';
import { formatTime } from '../ui/format';
import { showOpened } from '../library/open-session';
import { CardOverlays } from '../board/CardOverlays';
import { DetailsDialog } from '../session/DetailsDialog';
import { ExportButton } from '../export/ExportDialog';
import { CheatSheet } from '../present/CheatSheet';
import { PresentationBar } from '../present/PresentationBar';
import { usePresentation } from '../store/presentation-store';
import { Spotlight } from '../present/Spotlight';
import { PresentedJoin } from '../present/JoinDisplay';
import { BlockSummary } from '../session/BlockTools';
import { WorkshopPanel } from '../session/WorkshopPanel';
import { useApp } from '../store/app-store';
import { commitAndFlush, saveBeforeClosing, type Autosave } from '../store/autosave';
import { useBoard } from '../store/board-store';
import { closeSession } from '../store/session-lifecycle';
import { BoardTools } from '../tools/BoardTools';
import { describeError } from '../ui/errors';
import { ErrorDetails, ErrorMessage } from '../ui/ErrorDetails';
import { Dialog } from '../ui/Dialog';
import { LibraryIcon, RedoIcon, UndoIcon } from '../ui/icons';
import { UndoNotice } from '../board/UndoNotice';
import { PresentedRanking } from '../audience/VoteRanking';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { MoreMenu } from './MoreMenu';
import { useNotices } from '../ui/notices';
import { askAboutUnsaved, UnsavedPrompt } from './UnsavedPrompt';
import { ariaKeyShortcuts } from '../ui/shortcut-keys';
import { runAppCommand, useShortcuts } from './shortcuts';
// After the features' own styles: the control window's layout adjusts them for small screens.
import './layout.css';

/** The library while no session is open, else the board; notices over both. */
export function App({ autosave }: { autosave: Autosave }) {
  const isOpen = useBoard((s) => s.openFile !== null);
  useEffect(() => api.on('command', (command) => runAppCommand(command)), []);
  useEffect(
    () =>
      api.on('sessionOpened', (opened) => {
        // A file opened from outside replaces the open session only after that one is saved.
        void leaveSession(autosave, () => void showOpened(Promise.resolve(opened)));
      }),
    [autosave],
  );
  useEffect(() => api.on('openFailed', (error) => useBoard.getState().reportProblem(error)), []);
  useEffect(() => startRoomSync(), []);
  useEffect(() => openDroppedFiles(autosave), [autosave]);
  useEffect(() => {
    const guard = saveBeforeClosing(autosave, () => askAboutUnsaved({ kind: 'close', proceed: () => guard.closeWithoutSaving() }));
    return guard.cleanup;
  }, [autosave]);

  return (
    <>
      {isOpen ? <BoardScreen autosave={autosave} /> : <Library />}
      <div className="notice-area" role="status" aria-live="polite">
        <ProblemNotice />
        <DeletedNotice />
        <UndoNotice />
        <OneTimeNotices />
      </div>
      <UnsavedPrompt autosave={autosave} />
    </>
  );
}

/**
 * Another session replaces this one only once its changes (and the field being typed in) are on
 * disk. A failed save keeps the board and asks: try again, save a copy elsewhere, or discard.
 */
async function leaveSession(autosave: Autosave, proceed: () => void): Promise<void> {
  if (await commitAndFlush(autosave)) proceed();
  else askAboutUnsaved({ kind: 'open', proceed });
}

/**
 * A .nahtstelle file dropped anywhere on the window opens it. Dropping must never navigate the
 * page to the file, so every drop of files is taken here.
 */
function openDroppedFiles(autosave: Autosave): () => void {
  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  const onDragOver = (event: DragEvent) => {
    if (hasFiles(event)) event.preventDefault();
  };
  const onDrop = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    const path = file ? api.pathForFile(file) : '';
    if (path === '') {
      useBoard.getState().reportDropUnsupported();
      return;
    }
    void leaveSession(autosave, () => void showOpened(api.openSession(path)));
  };
  window.addEventListener('dragover', onDragOver);
  window.addEventListener('drop', onDrop);
  return () => {
    window.removeEventListener('dragover', onDragOver);
    window.removeEventListener('drop', onDrop);
  };
}

function BoardScreen({ autosave }: { autosave: Autosave }) {
  const { t } = useTranslation();
  const title = useBoard((s) => s.history.present.details.title);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [languageOpen, setLanguageOpen] = useState(false);
  const expanded = useApp((s) => s.preferences.workshopPanelExpanded);
  const windowZoom = useApp((s) => s.preferences.windowZoom);
  const { copied, saveCopy } = useSaveCopy();
  const presenting = usePresentation((s) => s.presenting);
  useShortcuts();
  useAudiencePublisher();

  const backToLibrary = async () => {
    // Leave only once everything is on disk; a failed save keeps the board open with its notice.
    if (!(await commitAndFlush(autosave))) return;
    // The projector must not go on showing a session that was left (the next may be another client's).
    if (useAudienceWindow.getState().open) void closeAudienceWindow();
    closeSession();
    api.closeSession().catch((error: unknown) => useBoard.getState().reportProblem(error));
  };

  return (
    <div className={presenting ? 'app app--presenting' : 'app'}>
      {presenting && <PresentationBar />}
      <PresentedRanking />
      <header className="app-header">
        <div className="header-start">
          <button type="button" className="tool-button" onClick={() => void backToLibrary()}>
            <LibraryIcon />
            <span className="tool-label">{t('nav.library')}</span>
          </button>
          {/* Cut with an ellipsis when space is short: the whole title is its tooltip and in the details. */}
          <h1 className="session-heading" title={title || t('library.untitled')}>
            {title || t('library.untitled')}
          </h1>
          <SaveIndicator />
        </div>
        <div className="toolbar" role="toolbar" aria-label={t('app.toolbar')}>
          <UndoRedo />
          <ExportButton />
          <MoreMenu
            items={[
              { label: t('details.button'), onSelect: () => setDetailsOpen(true) },
              { label: t('save.saveAs'), onSelect: () => void saveCopy() },
              { label: t('layout.language'), onSelect: () => setLanguageOpen(true) },
            ]}
          />
          {copied !== null && (
            <span className="visually-hidden" role="status">
              {t('save.copySaved', { file: copied })}
            </span>
          )}
          <span className="visually-hidden" role="status">
            {windowZoom !== 1 && t('layout.zoom', { percent: Math.round(windowZoom * 100) })}
          </span>
        </div>
      </header>
      <WorkshopPanel />
      <BoardTools lead={expanded ? null : <BlockSummary />} />
      <Board />
      <CardOverlays />
      <Spotlight />
      <PresentedJoin />
      <CheatSheet />
      {detailsOpen && <DetailsDialog onClose={() => setDetailsOpen(false)} />}
      {languageOpen && (
        <Dialog
          title={t('layout.languageHeading')}
          onClose={() => setLanguageOpen(false)}
          plain
          actions={
            <button type="button" className="tool-button tool-button--primary" onClick={() => setLanguageOpen(false)}>
              {t('layout.done')}
            </button>
          }
        >
          <LanguageSwitch />
        </Dialog>
      )}
    </div>
  );
}

/** "saved · 14:02", "saving…" or why saving fails: quiet while all is well, clear when not. */
function SaveIndicator() {
  const { t, i18n } = useTranslation();
  const status = useBoard((s) => s.saveStatus);
  const fromBackup = useBoard((s) => s.openFile?.fromBackup ?? false);
  let text: string;
  if (status.state === 'saving') text = t('save.saving');
  else if (status.state === 'failed') text = t('save.failed', { reason: describeError(status.error, t) });
  else text = status.at ? t('save.saved', { time: formatTime(status.at, i18n.language) }) : '';
  return (
    <div className={status.state === 'failed' ? 'save-status save-status--failed' : 'save-status'} role="status" aria-live="polite">
      <span className="save-status-text" title={status.state === 'failed' ? text : undefined}>
        {text}
      </span>
      {status.state === 'failed' && <ErrorDetails error={status.error} />}
      {fromBackup && status.state !== 'failed' && <span className="save-hint">{t('save.fromBackup')}</span>}
    </div>
  );
}

/** "Save a copy…" (from the More menu): where it went is said to screen readers. */
function useSaveCopy(): { copied: string | null; saveCopy: () => Promise<void> } {
  const [copied, setCopied] = useState<string | null>(null);
  const saveCopy = async () => {
    try {
      const path = await api.saveSessionAs(useBoard.getState().history.present);
      setCopied(path === null ? null : (path.split(/[\\/]/).pop() ?? path));
    } catch (error) {
      useBoard.getState().reportProblem(error);
    }
  };
  return { copied, saveCopy };
}

function UndoRedo() {
  const { t } = useTranslation();
  const canUndo = useBoard((s) => s.history.past.length > 0);
  const canRedo = useBoard((s) => s.history.future.length > 0);
  const steps = [
    { id: 'undo', can: canUndo, run: () => useBoard.getState().undo(), Icon: UndoIcon },
    { id: 'redo', can: canRedo, run: () => useBoard.getState().redo(), Icon: RedoIcon },
  ] as const;
  return (
    <>
      {steps.map(({ id, can, run, Icon }) => (
        <button key={id} type="button" className="tool-button" disabled={!can} onClick={run} aria-keyshortcuts={ariaKeyShortcuts(id)}>
          <Icon />
          <span className="tool-label">{t(`actions.${id}`)}</span>
        </button>
      ))}
    </>
  );
}

/** After a delete, a calm line with an undo button: a slip in front of the room is one click away. */
function DeletedNotice() {
  const { t } = useTranslation();
  const title = useBoard((s) => s.lastDeletedTitle);
  const isOpen = useBoard((s) => s.openFile !== null);
  if (title === null || !isOpen) return null;
  return (
    <p className="notice">
      {title === '' ? t('card.deletedHidden') : t('card.deleted', { title })}
      <button type="button" className="tool-button" onClick={() => useBoard.getState().undo()}>
        {t('actions.undo')}
      </button>
    </p>
  );
}

/** Told once: the preferences file was set aside, a conflict copy was kept. */
function OneTimeNotices() {
  const { t } = useTranslation();
  const notices = useNotices((s) => s.notices);
  return notices.map((notice, index) => (
    <p key={index} className="notice">
      {notice.kind === 'conflictCopy'
        ? t('reliability.notices.conflictCopy', { file: notice.file, copy: notice.copy })
        : notice.kind === 'preferencesDamaged'
          ? t('reliability.notices.preferencesDamaged', { file: notice.file })
          : t('reliability.notices.preferencesNotSaved')}
      <button type="button" className="tool-button" onClick={() => useNotices.getState().dismiss(notice)}>
        {t('actions.dismiss')}
      </button>
    </p>
  ));
}

/** A call to the machine that failed, in the facilitator's language; the app stays usable. */
function ProblemNotice() {
  const { t } = useTranslation();
  const problem = useBoard((s) => s.problem);
  if (problem === null) return null;
  return (
    <div className="notice notice--problem">
      {problem.kind === 'error' ? <ErrorMessage error={problem.error} /> : t('library.dropUnsupported')}
      <button type="button" className="tool-button" onClick={() => useBoard.getState().dismissProblem()}>
        {t('actions.dismiss')}
      </button>
    </div>
  );
}
