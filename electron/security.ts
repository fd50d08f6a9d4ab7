/**
 * App-wide security rules. The decisions are pure functions so they can be tested without Electron;
 * `setupSecurity()` wires them to every webContents and to the default session.
 *
 * The app's only page is the bundled renderer, loaded from file:. File pages get no response
 * headers, so its Content Security Policy is the meta tag in renderer/index.html (the policy itself
 * is defined once, in content-security-policy.ts).
 */
import { app, session, type WebContents } from 'electron';
import { parseUrl } from './app-url';

/**
 * Whether a page may navigate (or be redirected) from `currentUrl` to `targetUrl`: only a file:
 * page reloading the same file (query and hash aside). Parsed with URL so look-alikes such as
 * `index.html.evil` do not pass the way they would pass a prefix check. Anything else, http(s)
 * included, is refused.
 */
export function isAllowedNavigation(currentUrl: string, targetUrl: string): boolean {
  const current = parseUrl(currentUrl);
  const target = parseUrl(targetUrl);
  if (!current || !target || current.protocol !== 'file:' || target.protocol !== 'file:') return false;
  return current.host === target.host && samePath(current.pathname, target.pathname);
}

/**
 * Node's pathToFileURL and Chromium do not escape exactly the same characters, so an install
 * folder with, say, a `;` in its name must not make the app's own page look foreign.
 */
function samePath(a: string, b: string): boolean {
  try {
    return decodeURIComponent(a) === decodeURIComponent(b);
  } catch {
    return false;
  }
}

/** Rules for one webContents: no new windows, no navigating away, no embedded guests. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayOnPage = (event: Electron.Event<{ url: string }>): void => {
    if (!isAllowedNavigation(contents.getURL(), event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnPage);
  contents.on('will-redirect', stayOnPage);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Rules for a print window's webContents (windows.ts `createPrintWindow`): stricter than the app's,
 * since its page is built from the facilitator's text and only needs laying out — it may not
 * navigate at all (not even to its own file), open windows or attach webviews.
 */
export function hardenPrintContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const refuse = (event: { preventDefault(): void }): void => event.preventDefault();
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', refuse);
}

/** The app works offline and its page is file:, so no request to these schemes is ever needed. */
const remoteSchemes = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/** Call once the app is ready and before the first window opens. */
export function setupSecurity(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  const { defaultSession } = session;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.webRequest.onBeforeRequest({ urls: remoteSchemes }, (_details, callback) => {
    callback({ cancel: true });
  });
}
