/**
 * The web test host is locked (docs/security.md): without the run's token every request — page,
 * assets, API, events — is 403; a foreign Host is 403; a foreign Origin gets 403 on the event
 * stream and `forbiddenSender` on the API. And the page, opened with the printed URL, works.
 */
import { request as httpRequest } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeChannel } from '../../core/api';
import { startWebHost, type WebHost } from '../harness/web-host';
import { removeDir, useBoards } from './support';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw request (fetch would not let a test set Host). Event streams are closed after their head. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
        if (response.headers['content-type'] === 'text/event-stream') response.destroy();
      });
      const done = (): void => resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
      response.on('end', done);
      response.on('close', done);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

const invokeBody = JSON.stringify({ channel: invokeChannel('listSessions'), args: [] });

describe('the locked web test host', () => {
  let host: WebHost;
  let dataDir: string;
  let token: string;
  let cookie: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nahtstelle-e2e-lock-'));
    host = await startWebHost({ port: 0, dataDir });
    token = new URL(host.url).searchParams.get('token') ?? '';
    const page = await send(host.url);
    const setCookie = page.headers['set-cookie']?.[0] ?? '';
    cookie = setCookie.split(';')[0] ?? '';
  });

  afterAll(async () => {
    await host.close();
    await removeDir(dataDir);
  });

  it('prints a URL with a long random token, and answers it with the page and an HttpOnly, SameSite=Strict cookie', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    const page = await send(host.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root" inert>');
    expect(page.headers['set-cookie']?.[0]).toMatch(/; HttpOnly; SameSite=Strict; Path=\/$/);
  });

  it.each([
    ['the page', '/', 'GET'],
    ['index.html', '/index.html', 'GET'],
    ['the bridge script', '/__host/bridge.js', 'GET'],
    ['an asset', '/assets/missing-or-not.js', 'GET'],
    ['the event stream', '/api/events', 'GET'],
    ['the API', '/api/invoke', 'POST'],
  ])('refuses %s without the token (403)', async (_case, path, method) => {
    const answer = await send(`${host.origin}${path}`, {
      method,
      headers: { origin: host.origin, 'content-type': 'application/json' },
      body: method === 'POST' ? invokeBody : undefined,
    });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('"ok":true');
  });

  it('refuses a wrong token, and a wrong cookie', async () => {
    // Its last character changed: to 'x', unless it is one already (then the "wrong" token was right, 1 run in 64).
    const wrongToken = `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`;
    expect((await send(`${host.origin}/?token=${wrongToken}`)).status).toBe(403);
    expect((await send(`${host.origin}/api/events`, { headers: { cookie: `${cookie.split('=')[0] ?? ''}=guess` } })).status).toBe(403);
  });

  it('answers the API and the events with the cookie', async () => {
    const api = await send(`${host.origin}/api/invoke`, {
      method: 'POST',
      headers: { cookie, origin: host.origin, 'content-type': 'application/json' },
      body: invokeBody,
    });
    expect(JSON.parse(api.body)).toEqual({ ok: true, value: [] });
    const events = await send(`${host.origin}/api/events`, { headers: { cookie } });
    expect(events.status).toBe(200);
    expect(events.headers['content-type']).toBe('text/event-stream');
  });

  it('refuses a foreign Host (DNS rebinding) even with the token', async () => {
    const answer = await send(host.url, { headers: { host: 'evil.example:80', cookie } });
    expect(answer.status).toBe(403);
    expect(answer.body).toBe('Forbidden host');
  });

  it('answers a foreign Origin with forbiddenSender on the API and 403 on the events, even with the cookie', async () => {
    const api = await send(`${host.origin}/api/invoke`, {
      method: 'POST',
      headers: { cookie, origin: 'http://evil.example', 'content-type': 'application/json' },
      body: invokeBody,
    });
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'forbiddenSender' } });
    const noOrigin = await send(`${host.origin}/api/invoke`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: invokeBody,
    });
    expect(JSON.parse(noOrigin.body)).toMatchObject({ ok: false, error: { code: 'forbiddenSender' } });
    expect((await send(`${host.origin}/api/events`, { headers: { cookie, origin: 'http://evil.example' } })).status).toBe(403);
  });
});

describe('the page opened with the printed URL', () => {
  const boards = useBoards();

  it('works, and every request it makes carries the token (none is refused)', async () => {
    const { page, requests } = await boards.open();
    await page.getByRole('region', { name: 'Marketing' }).waitFor();
    expect(requests.some((url) => url.endsWith('/api/invoke'))).toBe(true);
    // useBoards fails the test on any 4xx/5xx response the page saw.
  });
});
