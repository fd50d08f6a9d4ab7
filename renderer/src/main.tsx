/** The app's start, loaded by the page's entry (boot.ts): the control window or the audience page. docs/ARCHITECTURE.md, "The control window". */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { App } from './app/App';
import { followAudienceWindow } from './audience/audience-window';
import { followFullScreen } from './present/commands';
import { AudiencePage } from './audience/AudiencePage';
import { describeError } from './ui/errors';
import { useNotices } from './ui/notices';
import { initI18n, languageForLocale } from './i18n';
import { applyTheme, useApp } from './store/app-store';
import { applyWindowZoom } from './ui/window-zoom';
import { startAutosave } from './store/autosave';
import { saveOpenSession } from './store/session-saver';
import { useBoard } from './store/board-store';
import { openSession } from './store/session-lifecycle';
import { followActiveBlock } from './store/presentation-store';
import { startupRequest } from './startup-request';

async function start(root: HTMLElement): Promise<void> {
  const reactRoot = createRoot(root);
  try {
    // Asked for by the page's entry (boot.ts) before this code was loaded.
    const startup = await startupRequest();
    const systemLanguage = languageForLocale(startup.systemLocale);
    const i18n = await initI18n(startup.preferences.language ?? systemLanguage);
    document.documentElement.lang = i18n.language;
    i18n.on('languageChanged', (language) => (document.documentElement.lang = language));
    useApp.setState({ systemLanguage, preferences: startup.preferences });
    applyTheme(startup.preferences.theme);
    applyWindowZoom();
    followActiveBlock();
    if (startup.session) openSession(startup.session);
    if (startup.problem) useBoard.getState().reportProblem(startup.problem);
    const preferencesProblem = startup.preferencesProblem;
    if (preferencesProblem) {
      useNotices
        .getState()
        .add(
          preferencesProblem.kind === 'damaged' ? { kind: 'preferencesDamaged', file: preferencesProblem.keptAs } : { kind: 'preferencesNotSaved' },
        );
    }
    followAudienceWindow();
    followFullScreen();
    const autosave = startAutosave(async (path, session) => {
      const saved = await saveOpenSession(api, path, session);
      // The file had changed elsewhere: that version was kept next to it. Said once, per copy.
      if (saved.conflictCopy) useNotices.getState().add({ kind: 'conflictCopy', file: fileName(path), copy: fileName(saved.conflictCopy) });
      return saved;
    });
    reactRoot.render(
      <StrictMode>
        <App autosave={autosave} />
      </StrictMode>,
    );
  } catch (error) {
    const i18n = await initI18n(languageForLocale(navigator.language));
    reactRoot.render(<p className="fatal">{i18n.t('app.startFailed', { detail: describeError(error, i18n.t) })}</p>);
  }
}

/**
 * The audience window's page: no call to the machine (main refuses the audience window's calls),
 * only the views it forwards. The language follows the system until the first view names one.
 */
async function startAudience(root: HTMLElement): Promise<void> {
  const i18n = await initI18n(languageForLocale(navigator.language));
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (language) => (document.documentElement.lang = language));
  createRoot(root).render(
    <StrictMode>
      <AudiencePage />
    </StrictMode>,
  );
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

const root = document.getElementById('root');
if (root) void (window.location.hash === '#audience' ? startAudience(root) : start(root));
