import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appPageUrl } from '../../../electron/app-url';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, pagePolicy, styleSheetSource } from '../../../electron/content-security-policy';
import { isAllowedNavigation, isAllowedRequest, setupSecurity } from '../../../electron/security';
import { createMainWindow } from '../../../electron/windows';
import { FakeEvent, fakeWindow, session, type FakeWebContents } from '../fakes/electron';

const appPage = 'app://nahtstelle/index.html';
const appFile = pathToFileURL('/opt/Nahtstelle/resources/app.asar/out/renderer/index.html').href;

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

/** A hardened app window that has loaded its page. */
function openAppWindow(): FakeWebContents {
  setupSecurity();
  return fakeWindow(createMainWindow()).webContents;
}

describe('isAllowedNavigation', () => {
  it('knows the app’s page by its app: URL', () => {
    expect(appPageUrl()).toBe(appPage);
  });

  it.each([
    ['a reload of the app’s page', appPage, appPage],
    ['the page with a query or hash', appPage, `${appPage}?lang=de#board`],
    ['the audience page to itself', `${appPage}#audience`, `${appPage}#audience`],
  ])('allows %s', (_case, current, target) => {
    expect(isAllowedNavigation(current, target)).toBe(true);
  });

  it.each([
    ['the app’s page going to its file: twin', appPage, appFile],
    ['a file: page reloading itself (file: is never the app’s page now)', appFile, appFile],
    ['another app: host (the print pages)', appPage, 'app://print/00000000-0000-4000-8000-000000000000'],
    ['another file of the renderer', appPage, 'app://nahtstelle/assets/index.js'],
    ['an app: look-alike', appPage, `${appPage}.evil`],
    ['an app: page with another host name', appPage, 'app://nahtstelle.evil/index.html'],
    ['a web page', appFile, 'https://evil.example/'],
    ['a local http server', appFile, 'http://localhost:5173/'],
    ['another local file', appFile, 'file:///etc/passwd'],
    ['a look-alike file name', appFile, `${appFile}.evil`],
    ['a sibling file', appFile, appFile.replace('index.html', 'other.html')],
    ['a file on another host', appFile, appFile.replace('file:///', 'file://fileserver/')],
    ['an http page reloading itself', 'http://localhost:5173/', 'http://localhost:5173/'],
    ['an http page moving within its origin', 'http://127.0.0.1:5173/', 'http://127.0.0.1:5173/src/main.tsx'],
    ['an https page reloading itself', 'https://localhost:5173/', 'https://localhost:5173/'],
    ['an http page going to the app file', 'http://localhost:5173/', appFile],
    ['a javascript: URL', appFile, 'javascript:alert(1)'],
    ['a data: URL', appFile, 'data:text/html,<script>alert(1)</script>'],
    ['anything from a page with no URL yet', '', appFile],
    ['an unparseable target', appFile, 'not a url'],
  ])('refuses %s', (_case, current, target) => {
    expect(isAllowedNavigation(current, target)).toBe(false);
  });
});

describe('every webContents', () => {
  it('is denied new windows', () => {
    const contents = openAppWindow();
    expect(contents.windowOpenHandler).not.toBeNull();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: contents.getURL() })).toEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-redirect'] as const)('%s: the bundled page cannot leave itself', (kind) => {
    const contents = openAppWindow();
    const ownPage = contents.getURL();
    expect(ownPage).toBe(appPage);
    expect(contents.navigate(kind, 'https://evil.example/').defaultPrevented).toBe(true);
    expect(contents.navigate(kind, 'http://localhost:5173/').defaultPrevented).toBe(true);
    expect(contents.navigate(kind, 'file:///etc/passwd').defaultPrevented).toBe(true);
    expect(contents.navigate(kind, appFile).defaultPrevented).toBe(true);
    expect(contents.navigate(kind, 'app://print/x').defaultPrevented).toBe(true);
    expect(contents.navigate(kind, `${ownPage}.evil`).defaultPrevented).toBe(true);
    expect(contents.navigate(kind, ownPage).defaultPrevented).toBe(false);
    expect(contents.navigate(kind, `${ownPage}#board`).defaultPrevented).toBe(false);
  });

  it('cannot attach a webview', () => {
    const contents = openAppWindow();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('the default session', () => {
  it('denies every permission request and check', () => {
    setupSecurity();
    const { permissionRequestHandler, permissionCheckHandler } = session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      permissionRequestHandler?.(null, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(permissionCheckHandler?.(null, permission)).toBe(false);
    }
    expect(permissionRequestHandler).not.toBeNull();
    expect(permissionCheckHandler).not.toBeNull();
  });

  it.each([
    'file:///etc/passwd',
    'file:///opt/Nahtstelle/resources/app.asar/out/renderer/index.html',
    'file://fileserver/share/x.nahtstelle',
    'ftp://example.com/',
    'https://fonts.example/inter.woff2',
    'http://localhost:5173/',
    'http://localhost:5173/@vite/client',
    'http://127.0.0.1:5173/src/main.tsx',
    'ws://localhost:5173/',
    'wss://localhost:5173/',
    'wss://evil.example/socket',
  ])('cancels the file: or remote request %s', (url) => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    setupSecurity();
    const registration = session.defaultSession.beforeRequest;
    expect(registration?.filter.urls).toEqual(['<all_urls>']);
    const callback = vi.fn();
    registration?.listener({ url }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: true });
    expect(isAllowedRequest(url)).toBe(false);
  });

  it.each([
    appPage,
    'app://nahtstelle/assets/index-abc.js',
    'data:image/png;base64,AAAA',
    'blob:app://nahtstelle/1234',
    'devtools://devtools/bundled/inspector.html',
  ])('lets the app’s own request %s through', (url) => {
    setupSecurity();
    const callback = vi.fn();
    session.defaultSession.beforeRequest?.listener({ url }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({});
  });

  it('does not rewrite response headers: the app: protocol sends the policy itself', () => {
    setupSecurity();
    expect(session.defaultSession.webRequest.onHeadersReceived).not.toHaveBeenCalled();
  });
});

describe('the content security policy', () => {
  it('allows only the app itself: no eval, no inline code, no remote origin', () => {
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|unsafe-inline|unsafe-hashes|wasm-unsafe-eval|\*/);
    const parsed = directives(contentSecurityPolicy);
    expect(parsed.get('default-src')).toEqual(["'self'"]);
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-src']) expect(parsed.get(name)).toEqual(["'none'"]);
    for (const [name, sources] of parsed) {
      const allowed = name === 'img-src' ? ["'self'", "'none'", 'data:'] : ["'self'", "'none'"];
      expect(
        sources.every((source) => allowed.includes(source)),
        `${name} ${sources.join(' ')}`,
      ).toBe(true);
    }
  });

  it('lets a built page’s own style sheets through by their hashes, and nothing else inline', () => {
    const sheet = 'body{margin:0}';
    const hash = `'sha256-${createHash('sha256').update(sheet).digest('base64')}'`;
    expect(styleSheetSource(sheet)).toBe(hash);
    const policy = pagePolicy(`<head><style>${sheet}</style></head><body><p style="x">a</p></body>`);
    expect(directives(policy).get('style-src')).toEqual(["'self'", hash]);
    expect(policy.replace(` ${hash}`, '')).toBe(contentSecurityPolicy);
    expect(policy).not.toMatch(/unsafe-/);
    // A page without one keeps the policy as it is; a style element with attributes is not the build's.
    expect(pagePolicy('<p>a</p>')).toBe(contentSecurityPolicy);
    expect(pagePolicy('<style media="all">a{}</style>')).toBe(contentSecurityPolicy);
  });

  it('is the policy the renderer’s page declares, which is what protects the packaged app', () => {
    const html = readFileSync(fileURLToPath(new URL('../../../renderer/index.html', import.meta.url)), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(contentSecurityPolicy);
  });
});
