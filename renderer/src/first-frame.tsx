/**
 * The first frame of the control window, rendered by main outside any window (its own build:
 * out/first-frame) into the page it serves. docs/ARCHITECTURE.md, "The first frame".
 */
import i18next from 'i18next';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import type { FirstFrame, FirstFrameRequest } from '../../core/first-frame';
import { App } from './app/App';
import { initI18n } from './i18n';
import { startupLanguage, takeStartupState } from './startup-state';
import { useApp } from './store/app-store';
import { type Autosave } from './store/autosave';
import { resetAllStores } from './store/create-store';
import { InFirstFrame } from './ui/first-frame-context';
import { setServerViewportHeight } from './ui/viewport';

/** A render runs no effects and no handlers: nothing here is ever saved. */
const noAutosave: Autosave = {
  flush: () => Promise.resolve(true),
  hasUnsaved: () => false,
  stop: () => undefined,
};

/** The frame being rendered now: one at a time, since the language and the stores are the process's. */
let rendering: Promise<unknown> = Promise.resolve();

/**
 * The markup the app's own first render would make for this startup state: the same components,
 * stores and texts, the stores' state set as main.tsx sets it. Frames asked for together are
 * rendered one after the other, so none is rendered in another's language or from its stores.
 */
export function renderFirstFrame(request: FirstFrameRequest): Promise<FirstFrame> {
  const frame = rendering.then(() => renderNow(request));
  rendering = frame.catch(() => undefined);
  return frame;
}

async function renderNow({ startup, viewportHeight, shownTheme }: FirstFrameRequest): Promise<FirstFrame> {
  const language = startupLanguage(startup);
  // Set up once per process; a later frame only switches the language if it must.
  if (!i18next.isInitialized) await initI18n(language);
  else if (i18next.language !== language) await i18next.changeLanguage(language);
  resetAllStores();
  takeStartupState(startup);
  useApp.setState({ shownTheme });
  // The lanes show more cards at a zoom below 100 %: the window holds more CSS pixels.
  const windowZoom = startup.preferences.windowZoom;
  setServerViewportHeight(viewportHeight / windowZoom);
  const html = renderToString(
    <StrictMode>
      <InFirstFrame value={true}>
        <App autosave={noAutosave} />
      </InFirstFrame>
    </StrictMode>,
  );
  // The stores let go of the session: main holds it for the page already.
  resetAllStores();
  return { html: withoutStyleAttributes(html), language, shownTheme, windowZoom };
}

/**
 * The page's CSP takes no style from HTML attributes (only from script, as React sets them in the
 * page), so each would be a blocked style and a console error. They hold the lanes' spaces for
 * the cards out of view, which only the scroll bars show. React escapes `"` in text and attribute
 * values, so ` style="` starts an attribute wherever it appears.
 */
function withoutStyleAttributes(html: string): string {
  return html.replace(/ style="[^"]*"/g, '');
}
