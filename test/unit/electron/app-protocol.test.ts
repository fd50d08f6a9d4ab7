/**
 * The app: protocol (docs/security.md #18): what `answerAppRequest` serves from a renderer folder
 * on disk — and what it refuses (traversal, encoded traversal, symbolic links out, unknown files,
 * other hosts) — and its registration with Electron (mocked).
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerAppRequest, handleAppProtocol, publishPrintPage, registerAppScheme } from '../../../electron/app-protocol';
import { appPageUrl } from '../../../electron/app-url';
import { contentSecurityPolicy, styleSheetSource } from '../../../electron/content-security-policy';
import { app, protocol } from '../fakes/electron';

let temp: string;
let root: string;

beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'nahtstelle-protocol-'));
  root = join(temp, 'out', 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Nahtstelle</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(root, 'assets', 'inter.woff2'), 'wOF2');
  await writeFile(join(root, 'assets', 'icon.svg'), '<svg/>');
  await writeFile(join(root, 'assets', 'notes.txt'), 'not part of the app');
  await writeFile(join(temp, 'secret.html'), 'the user’s secret');
  await writeFile(join(temp, 'out', 'secret.js'), 'secret()');
});

afterEach(async () => {
  await rm(temp, { recursive: true, force: true });
});

const text = (body: Uint8Array | string): string => (typeof body === 'string' ? body : new TextDecoder().decode(body));

describe('answerAppRequest', () => {
  it.each([
    ['app://nahtstelle/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Nahtstelle</title>'],
    ['app://nahtstelle/', 'text/html; charset=utf-8', '<!doctype html><title>Nahtstelle</title>'],
    ['app://nahtstelle/index.html?x=1#audience', 'text/html; charset=utf-8', '<!doctype html><title>Nahtstelle</title>'],
    ['app://nahtstelle/assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://nahtstelle/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://nahtstelle/assets/inter.woff2', 'font/woff2', 'wOF2'],
    ['app://nahtstelle/assets/icon.svg', 'image/svg+xml', '<svg/>'],
  ])('serves %s as %s, with the CSP as a header', async (url, type, body) => {
    const answer = await answerAppRequest(url, { root });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe(type);
    expect(answer.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(text(answer.body)).toBe(body);
  });

  it('serves the control window’s page through controlPage (its first frame), and never the audience window’s or any other file', async () => {
    const seen: string[] = [];
    const controlPage = async (page: string) => {
      seen.push(page);
      return page.replace('</title>', '</title><div id="root" inert>Board</div>');
    };
    for (const url of ['app://nahtstelle/index.html', 'app://nahtstelle/']) {
      expect(text((await answerAppRequest(url, { root, controlPage })).body)).toBe(
        '<!doctype html><title>Nahtstelle</title><div id="root" inert>Board</div>',
      );
    }
    expect(seen).toEqual(['<!doctype html><title>Nahtstelle</title>', '<!doctype html><title>Nahtstelle</title>']);
    const audience = await answerAppRequest('app://nahtstelle/index.html?window=audience#audience', { root, controlPage });
    expect(text(audience.body)).toBe('<!doctype html><title>Nahtstelle</title>');
    expect(text((await answerAppRequest('app://nahtstelle/assets/index-abc.js', { root, controlPage })).body)).toBe('console.log(1)');
    expect(seen).toHaveLength(2);
  });

  it('allows the page’s own style sheet by its hash in the header, as built: nothing the first frame brings', async () => {
    await writeFile(join(root, 'index.html'), '<!doctype html><style>body{margin:0}</style><div id="root"></div>');
    const controlPage = async (page: string) => page.replace('<div id="root"></div>', '<div id="root" inert><style>p{}</style></div>');
    for (const url of ['app://nahtstelle/index.html', 'app://nahtstelle/index.html?window=audience#audience']) {
      const answer = await answerAppRequest(url, { root, controlPage });
      expect(answer.headers['content-security-policy']).toBe(
        contentSecurityPolicy.replace("style-src 'self'", `style-src 'self' ${styleSheetSource('body{margin:0}')}`),
      );
    }
    expect((await answerAppRequest('app://nahtstelle/assets/index-abc.js', { root })).headers['content-security-policy']).toBe(contentSecurityPolicy);
  });

  it.each([
    ['plain traversal (normalised by the URL parser to a file that is not there)', 'app://nahtstelle/../secret.html'],
    ['encoded dots', 'app://nahtstelle/%2e%2e/secret.html'],
    ['encoded dots and slash', 'app://nahtstelle/%2e%2e%2fsecret.html'],
    ['encoded traversal to a .js beside the renderer', 'app://nahtstelle/..%2fsecret.js'],
    ['double-encoded traversal', 'app://nahtstelle/%252e%252e%252fsecret.html'],
    ['an encoded backslash', 'app://nahtstelle/..%5csecret.html'],
    ['a NUL byte', 'app://nahtstelle/index.html%00.js'],
    ['a malformed escape', 'app://nahtstelle/%E0%A4%A.html'],
    ['an unknown file', 'app://nahtstelle/assets/missing.js'],
    ['a file type the app is not built from', 'app://nahtstelle/assets/notes.txt'],
    ['a folder', 'app://nahtstelle/assets'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['an unregistered print page', 'app://print/00000000-0000-4000-8000-000000000000'],
  ])('answers 404 to %s', async (_case, url) => {
    const answer = await answerAppRequest(url, { root });
    expect(answer.status).toBe(404);
    expect(text(answer.body)).not.toMatch(/secret/);
  });

  it('does not follow a symbolic link out of the renderer folder', async () => {
    await symlink(join(temp, 'secret.html'), join(root, 'assets', 'link.html'));
    await symlink(temp, join(root, 'up'));
    expect((await answerAppRequest('app://nahtstelle/assets/link.html', { root })).status).toBe(404);
    expect((await answerAppRequest('app://nahtstelle/up/secret.html', { root })).status).toBe(404);
  });

  it('serves a link that stays inside the folder', async () => {
    await symlink(join(root, 'index.html'), join(root, 'assets', 'again.html'));
    expect((await answerAppRequest('app://nahtstelle/assets/again.html', { root })).status).toBe(200);
  });

  it('serves a print page only while it is published, with the policy of its own meta tag', async () => {
    const file = join(temp, 'page.html');
    await writeFile(file, '<p>Kick-off</p>');
    const printPages = new Map([['abc', file]]);
    const answer = await answerAppRequest('app://print/abc', { root, printPages });
    expect(answer.status).toBe(200);
    expect(answer.headers).not.toHaveProperty('content-security-policy');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(text(answer.body)).toBe('<p>Kick-off</p>');
    expect((await answerAppRequest('app://print/other', { root, printPages })).status).toBe(404);
  });
});

describe('registration with Electron', () => {
  it('registers app: as a standard, secure scheme before ready', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, codeCache: true } },
    ]);
  });

  it('answers the page’s requests through the handler once ready', async () => {
    app.fireReady();
    handleAppProtocol({ root });
    const page = await protocol.fetch(appPageUrl());
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await page.text()).toContain('<title>Nahtstelle</title>');
    expect((await protocol.fetch('app://nahtstelle/%2e%2e%2fsecret.html')).status).toBe(404);
  });

  it('serves a published print page until it is removed', async () => {
    app.fireReady();
    handleAppProtocol({ root });
    const file = join(temp, 'page.html');
    await writeFile(file, '<p>Handout</p>');
    const published = publishPrintPage(file);
    expect(published.url).toMatch(/^app:\/\/print\/[0-9a-f-]{36}$/);
    expect(await (await protocol.fetch(published.url)).text()).toBe('<p>Handout</p>');
    published.remove();
    expect((await protocol.fetch(published.url)).status).toBe(404);
  });
});
