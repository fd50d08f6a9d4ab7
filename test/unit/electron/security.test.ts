import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/content-security-policy';
import { isAllowedNavigation, setupSecurity } from '../../../electron/security';
import { createMainWindow } from '../../../electron/windows';
import { FakeEvent, fakeWindow, session, type FakeWebContents } from '../fakes/electron';

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
  it.each([
    ['a reload of the same file', appFile, appFile],
    ['the same file with a query or hash', appFile, `${appFile}?lang=de#board`],
    ['the same file, escaped differently', pathToFileURL('/Users/ana/Nahtstelle;2/index.html').href, 'file:///Users/ana/Nahtstelle%3B2/index.html'],
  ])('allows %s', (_case, current, target) => {
    expect(isAllowedNavigation(current, target)).toBe(true);
  });

  it.each([
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
    expect(ownPage).toMatch(/^file:.*index\.html$/);
    expect(contents.navigate(kind, 'https://evil.example/').defaultPrevented).toBe(true);
    expect(contents.navigate(kind, 'http://localhost:5173/').defaultPrevented).toBe(true);
    expect(contents.navigate(kind, 'file:///etc/passwd').defaultPrevented).toBe(true);
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
    'https://fonts.example/inter.woff2',
    'http://localhost:5173/',
    'http://localhost:5173/@vite/client',
    'http://127.0.0.1:5173/src/main.tsx',
    'ws://localhost:5173/',
    'wss://localhost:5173/',
    'wss://evil.example/socket',
  ])('cancels the remote request %s', (url) => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    setupSecurity();
    const registration = session.defaultSession.beforeRequest;
    expect(registration?.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const callback = vi.fn();
    registration?.listener({ url }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: true });
  });

  it('does not rewrite response headers: the file: page carries its policy in its meta tag', () => {
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
      expect(sources.every((source) => allowed.includes(source)), `${name} ${sources.join(' ')}`).toBe(true);
    }
  });

  it('is the policy the renderer’s page declares, which is what protects the packaged app', () => {
    const html = readFileSync(fileURLToPath(new URL('../../../renderer/index.html', import.meta.url)), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(contentSecurityPolicy);
  });
});
