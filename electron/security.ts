/**
 * App-wide security rules. The decisions are pure functions so they can be tested without Electron;
 * `setupSecurity()` wires them to every webContents and to the default session.
 */
import { app, session, type WebContents } from 'electron';
import { devServerUrl, parseUrl } from './app-url';

/**
 * The policy the renderer's `<meta http-equiv="Content-Security-Policy">` must carry too: pages
 * loaded from file: get no response headers, so the meta tag is what protects the packaged app.
 */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'";

/** The packaged policy, plus the dev server's hot-reload websocket when one is in use. */
export function contentSecurityPolicyFor(devServer: string | null): string {
  const url = devServer === null ? null : parseUrl(devServer);
  if (!url) return contentSecurityPolicy;
  const socketOrigin = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  return contentSecurityPolicy.replace("connect-src 'self'", `connect-src 'self' ${socketOrigin}`);
}

/**
 * Whether a page may navigate (or be redirected) from `currentUrl` to `targetUrl`: only to itself.
 * http(s) pages (the dev server) may move within their origin; file: pages only reload the same
 * file. Parsed with URL so look-alikes such as `index.html.evil` or `localhost:5173@evil.example`
 * do not pass the way they would pass a prefix check.
 */
export function isAllowedNavigation(currentUrl: string, targetUrl: string): boolean {
  const current = parseUrl(currentUrl);
  const target = parseUrl(targetUrl);
  if (!current || !target || current.protocol !== target.protocol) return false;
  switch (current.protocol) {
    case 'http:':
    case 'https:':
      return current.origin === target.origin;
    case 'file:':
      return current.host === target.host && samePath(current.pathname, target.pathname);
    default:
      return false;
  }
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

/**
 * Whether a network request may leave the page. The app works offline: the only server it ever
 * talks to is the local dev server (its page, modules and hot-reload socket) while developing.
 */
export function isAllowedRequest(requestUrl: string, devServer: string | null): boolean {
  const request = parseUrl(requestUrl);
  const server = devServer === null ? null : parseUrl(devServer);
  if (!request || !server) return false;
  const schemes = server.protocol === 'https:' ? ['https:', 'wss:'] : ['http:', 'ws:'];
  return schemes.includes(request.protocol) && request.host === server.host;
}

type ResponseHeaders = Record<string, string | string[]>;

/** The response headers with our CSP in place of any the server sent (whatever its casing). */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined, policy: string): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
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

const remoteSchemes = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/** Call once the app is ready and before the first window opens. */
export function setupSecurity(): void {
  const devServer = devServerUrl();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  const { defaultSession } = session;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.webRequest.onBeforeRequest({ urls: remoteSchemes }, (details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServer) });
  });
  const policy = contentSecurityPolicyFor(devServer);
  defaultSession.webRequest.onHeadersReceived({ urls: ['http://*/*', 'https://*/*'] }, (details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
}
