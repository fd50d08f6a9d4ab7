/**
 * App-wide security rules as pure decisions, and `setupSecurity()`, which wires them to every webContents.
 * docs/security.md, "The checklist: 20 of 20 enforced, 20 of 20 tested".
 */
import { app, session, type WebContents } from 'electron';
import { appHost, appScheme, appPageUrl, parseUrl } from './app-url';

/**
 * Whether a page may navigate (or be redirected) from `currentUrl` to `targetUrl`: only the app's
 * page (`app://nahtstelle/index.html`) reloading itself (query and hash aside). Parsed with URL so
 * look-alikes such as `index.html.evil` do not pass the way they would pass a prefix check.
 * Anything else — file:, http(s), another app: host such as the print pages — is refused.
 */
export function isAllowedNavigation(currentUrl: string, targetUrl: string): boolean {
  return isAppPage(currentUrl) && isAppPage(targetUrl);
}

/** Whether `url` is the app's own page (any query or hash). */
export function isAppPage(url: string): boolean {
  const parsed = parseUrl(url);
  const page = new URL(appPageUrl());
  return parsed !== null && parsed.protocol === `${appScheme}:` && parsed.host === appHost && parsed.pathname === page.pathname;
}

/**
 * Which requests the app makes at all: its own `app:` scheme, inline `data:`/`blob:` content and
 * the developer tools. `file:` (a page reading the disk) and every network scheme are cancelled.
 */
export function isAllowedRequest(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && [`${appScheme}:`, 'data:', 'blob:', 'devtools:'].includes(parsed.protocol);
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

/** Call once the app is ready and before the first window opens. */
export function setupSecurity(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  const { defaultSession } = session;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  // One listener for every URL (a session keeps only one): anything not app:, data:, blob: or
  // devtools: — file: and the network included — is cancelled.
  defaultSession.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback(isAllowedRequest(details.url) ? {} : { cancel: true });
  });
}
