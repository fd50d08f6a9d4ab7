/** The app's start, loaded by the page's entry (boot.ts): the control window or the audience page. docs/ARCHITECTURE.md, "The control window". */
import { StrictMode, useLayoutEffect, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { api } from './api';
import { App } from './app/App';
import { followAudienceWindow } from './audience/audience-window';
import { followFullScreen } from './present/commands';
import { AudiencePage } from './audience/AudiencePage';
import { describeError } from './ui/errors';
import { useNotices } from './ui/notices';
import { initI18n, languageForLocale } from './i18n';
import { applyTheme } from './store/app-store';
import { applyWindowZoom } from './ui/window-zoom';
import { startAutosave } from './store/autosave';
import { saveOpenSession } from './store/session-saver';
import { followActiveBlock } from './store/presentation-store';
import { startupRequest } from './startup-request';
import { startupLanguage, takeStartupState } from './startup-state';

async function start(root: HTMLElement): Promise<void> {
  const reactRoot = createRoot(root);
  try {
    // Asked for by the page's entry (boot.ts) before this code was loaded.
    const startup = await startupRequest();
    const i18n = await initI18n(startupLanguage(startup));
    document.documentElement.lang = i18n.language;
    i18n.on('languageChanged', (language) => (document.documentElement.lang = language));
    takeStartupState(startup);
    applyTheme(startup.preferences.theme);
    applyWindowZoom();
    followActiveBlock();
    followAudienceWindow();
    followFullScreen();
    const autosave = startAutosave(async (path, session) => {
      const saved = await saveOpenSession(api, path, session);
      // The file had changed elsewhere: that version was kept next to it. Said once, per copy.
      if (saved.conflictCopy) useNotices.getState().add({ kind: 'conflictCopy', file: fileName(path), copy: fileName(saved.conflictCopy) });
      return saved;
    });
    renderLive(
      reactRoot,
      root,
      <StrictMode>
        <App autosave={autosave} />
      </StrictMode>,
    );
  } catch (error) {
    const i18n = await initI18n(languageForLocale(navigator.language));
    renderLive(reactRoot, root, <p className="fatal">{i18n.t('app.startFailed', { detail: describeError(error, i18n.t) })}</p>);
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

/**
 * Renders into the root and makes it live in the same commit. Until then the root may hold the
 * first frame main rendered into the page (inert: a picture of the board), which React's first
 * commit replaces. docs/ARCHITECTURE.md, "The first frame".
 */
function renderLive(reactRoot: Root, root: HTMLElement, node: ReactNode): void {
  reactRoot.render(<LiveFrom root={root}>{node}</LiveFrom>);
}

function LiveFrom({ root, children }: { root: HTMLElement; children: ReactNode }) {
  useLayoutEffect(() => {
    root.removeAttribute('inert');
    // The frame's zoom (styles.css); the app's own is set from script (ui/window-zoom.ts).
    root.removeAttribute('data-window-zoom');
  }, [root]);
  return children;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

const root = document.getElementById('root');
if (root) void (window.location.hash === '#audience' ? startAudience(root) : start(root));
