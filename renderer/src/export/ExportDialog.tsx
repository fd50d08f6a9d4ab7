import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { ExportIcon } from '../ui/icons';
import { useTranslation } from 'react-i18next';
import type { ExportKind, Language } from '../../../core/api';
import type { Session } from '../../../core/model';
import { buildSummary } from '../../../core/summary';
import { summaryPresets, summarySections } from '../../../core/summary-text';
import { api } from '../api';
import { Dialog } from '../ui/Dialog';
import { RadioGroup } from '../ui/fields';
import { ErrorDetails, ErrorMessage } from '../ui/ErrorDetails';
import { useBoard } from '../store/board-store';
import { describeExportError } from './export-errors';
import { csvDelimiterFor, languageOf, presetOf, summaryKinds, useExport } from './export-store';
import { SummaryPreview } from './SummaryPreview';
import { summaryWithSections } from './summary-view';
import './export.css';

/** "Export…" in the board's toolbar; the focus comes back to it when the dialog closes (ui/Dialog.tsx). */
export function ExportButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="tool-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <ExportIcon />
        <span className="tool-label">{t('export.button')}</span>
      </button>
      {open && <ExportDialog onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * The export dialog: what to include, the format, and a live preview of exactly what the files
 * will hold — in the session's language, whatever the UI language is. One click exports: main
 * asks where to save, renders and writes; the outcome shows here.
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const exportButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The dialog (a child) has opened by now; the main action is one Enter away.
    useExport.getState().clearStatus();
    exportButton.current?.focus();
  }, []);
  const fallbackLanguage = languageOf(i18n.language);
  const summaryKind = useExport((s) => s.summaryKind);
  const busy = useExport((s) => s.status.state === 'busy');

  const run = (kind: ExportKind, retryPath: string | null = null) => {
    void useExport.getState().run({
      kind,
      session: useBoard.getState().history.present,
      fallbackLanguage,
      exportSession: (session, request, path) => api.exportSession(session, request, path),
      retryPath,
    });
  };

  return (
    <Dialog
      title={t('export.heading')}
      onClose={onClose}
      className="export-dialog"
      plain
      actions={
        <button type="button" className="tool-button" onClick={onClose}>
          {t('export.close')}
        </button>
      }
    >
      <div className="export-layout">
        <div className="export-options form">
          <SectionChoice />
          <FormatChoice fallbackLanguage={fallbackLanguage} />
          <button
            ref={exportButton}
            type="button"
            className="tool-button tool-button--primary export-run"
            aria-disabled={busy}
            onClick={() => run(summaryKind)}
          >
            {t('export.export', { format: t(`export.kinds.${summaryKind}`) })}
          </button>
          <ExportOutcome
            onRetry={(kind, retryPath) => {
              // "Try again" goes away while the export runs; the focus waits on the main action.
              exportButton.current?.focus();
              run(kind, retryPath);
            }}
          />
          <div className="export-more" role="group" aria-labelledby="export-more-label">
            <span id="export-more-label" className="export-more-label">
              {t('export.more')}
            </span>
            <button type="button" className="tool-button" aria-disabled={busy} aria-describedby="export-handout-hint" onClick={() => run('handout')}>
              {t('export.handout')}
            </button>
            <span id="export-handout-hint" className="export-hint">
              {t('export.handoutHint')}
            </span>
            <button type="button" className="tool-button" aria-disabled={busy} onClick={() => run('png')}>
              {t('export.boardImage')}
            </button>
          </div>
        </div>
        <Preview fallbackLanguage={fallbackLanguage} />
      </div>
    </Dialog>
  );
}

function SectionChoice() {
  const { t } = useTranslation();
  const sections = useExport((s) => s.sections);
  const withNotes = useExport((s) => s.withNotes);
  const preset = presetOf(sections);
  return (
    <fieldset className="export-sections">
      <legend>{t('export.sections')}</legend>
      <RadioGroup
        className="export-presets"
        optionClassName="checkbox"
        label={t('export.preset')}
        name="export-preset"
        options={summaryPresets}
        value={preset}
        onChange={(name) => useExport.getState().setPreset(name)}
        optionText={(name) => t(`export.presets.${name}`)}
        after={preset === null && <span className="export-hint">{t('export.presets.custom')}</span>}
      />
      <label className="checkbox">
        <input type="checkbox" checked={withNotes} onChange={(event) => useExport.getState().setWithNotes(event.currentTarget.checked)} />
        {t('export.withNotes')}
      </label>
      {summarySections.map((section) => (
        <label key={section} className="checkbox">
          <input
            type="checkbox"
            checked={sections.includes(section)}
            onChange={(event) => useExport.getState().setSection(section, event.currentTarget.checked)}
          />
          {t(`export.sectionNames.${section}`)}
        </label>
      ))}
      {sections.includes('board') && <p className="export-hint">{t('export.boardPreview')}</p>}
    </fieldset>
  );
}

function FormatChoice({ fallbackLanguage }: { fallbackLanguage: Language }) {
  const { t } = useTranslation();
  const summaryKind = useExport((s) => s.summaryKind);
  const session = useBoard((s) => s.history.present);
  const csvDelimiter = useExport((s) => s.csvDelimiter) ?? csvDelimiterFor(session, fallbackLanguage);
  return (
    <fieldset className="export-formats">
      <legend>{t('export.format')}</legend>
      {summaryKinds.map((kind) => (
        <div key={kind} className="export-format">
          <label className="checkbox export-format-choice">
            <input
              type="radio"
              name="export-format"
              value={kind}
              checked={summaryKind === kind}
              onChange={() => useExport.getState().setSummaryKind(kind)}
            />
            <span className="export-format-name">{t(`export.kinds.${kind}`)}</span>
            <span className="export-hint">{t(`export.hints.${kind}`)}</span>
          </label>
          {kind === 'csv' && summaryKind === 'csv' && (
            <label className="checkbox export-suboption">
              <input
                type="checkbox"
                checked={csvDelimiter === ';'}
                onChange={(event) => useExport.getState().setCsvDelimiter(event.currentTarget.checked ? ';' : ',')}
              />
              {t('export.semicolon')}
            </label>
          )}
        </div>
      ))}
    </fieldset>
  );
}

/** Busy, saved or failed — calm while all is well, clear and with a way on when not. */
function ExportOutcome({ onRetry }: { onRetry: (kind: ExportKind, retryPath: string | null) => void }) {
  const { t } = useTranslation();
  const status = useExport((s) => s.status);
  const what = status.state === 'idle' ? '' : t(`export.kinds.${status.kind}`);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // On a small screen the options scroll: what happened must be in sight.
    if (status.state !== 'idle') outcome.current?.scrollIntoView({ block: 'nearest' });
  }, [status.state]);
  return (
    <div ref={outcome} className="export-outcome">
      <p className={status.state === 'saved' ? 'export-status export-status--saved' : 'export-status'} role="status" aria-live="polite">
        {status.state === 'busy' && t('export.busy', { what })}
        {status.state === 'saved' && t('export.saved', { file: status.file })}
      </p>
      {status.state === 'saved' && <SavedWhere path={status.path} folder={status.folder} />}
      <div className="export-problem" role="alert">
        {status.state === 'failed' && (
          <>
            <p>
              <strong>{t('export.failed')}</strong> {describeExportError(status.error, t)}
            </p>
            <ErrorDetails error={status.error} />
            <div className="export-problem-actions">
              <button type="button" className="tool-button" onClick={() => onRetry(status.kind, status.retryPath)}>
                {t('export.retry')}
              </button>
              {/* Try again writes where the failed attempt was to go; this asks for another place. */}
              {status.retryPath !== null && (
                <button type="button" className="tool-button" onClick={() => onRetry(status.kind, null)}>
                  {t('export.elsewhere')}
                </button>
              )}
            </div>
          </>
        )}
      </div>
    </div>
  );
}

/** Where the export went, and the way there: "Show in folder" (main shows only what it wrote). */
function SavedWhere({ path, folder }: { path: string; folder: string }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<{ readonly error: unknown } | null>(null);
  const show = async () => {
    setFailure(null);
    try {
      await api.revealExport(path);
    } catch (error) {
      setFailure({ error });
    }
  };
  return (
    <div className="export-where">
      {folder !== '' && <p className="export-folder">{t('messages.export.savedIn', { folder })}</p>}
      <button type="button" className="tool-button" onClick={() => void show()}>
        {t('messages.export.showInFolder')}
      </button>
      {failure !== null && (
        <div className="form-problem" role="alert">
          {t('messages.export.showFailed')} <ErrorMessage error={failure.error} />
        </div>
      )}
    </div>
  );
}

/**
 * The summary as it will be exported: built from the board's session when it changes, narrowed to
 * the chosen sections. Deferred, so a checkbox answers at once even on a large board.
 */
function Preview({ fallbackLanguage }: { fallbackLanguage: Language }) {
  const { t } = useTranslation();
  const session = useBoard((s) => s.history.present);
  // The dialog opens at once; on a large board the preview follows a moment later.
  const shown = useDeferredValue<Session | null>(session, null);
  const sections = useDeferredValue(useExport((s) => s.sections));
  const withNotes = useExport((s) => s.withNotes);
  const full = useMemo(() => shown && buildSummary(shown, { fallbackLanguage, withNotes }), [shown, fallbackLanguage, withNotes]);
  const summary = useMemo(() => full && summaryWithSections(full, sections), [full, sections]);
  const language = session.details.language || fallbackLanguage;
  return (
    <div className="export-preview-area">
      <p className="export-language">{t('export.previewLanguage', { language: t(`export.languages.${language}`) })}</p>
      {/* Focusable, so the preview scrolls by keyboard too. */}
      <div className="export-preview" role="region" aria-label={t('export.preview')} aria-busy={summary === null} tabIndex={0}>
        {summary && <SummaryPreview summary={summary} />}
      </div>
    </div>
  );
}
