/**
 * The room server as phones meet it (docs/security.md, "The room server"): real `ws` clients on
 * 127.0.0.1 join, rejoin, send commands and get refused; plain HTTP requests probe what is served.
 */
import type { RoomAnswer } from '../../../core/room';
import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { roomLimits } from '../../../core/room-protocol';
import { startRoomServer } from '../../../electron/services/room-server';
import {
  cleanUp,
  connect,
  httpGet,
  indexMarker,
  joinBySecret,
  phoneAppFolder,
  refusedUpgrade,
  secretMarker,
  secretOf,
  startRoom,
  type Phone,
} from './room-server-support';

afterEach(cleanUp);

const topic = (id: string, title = 'Lead-Übergabe') => ({ type: 'addTopic', id, title });

async function ackOf(phone: Phone, message: unknown) {
  phone.send(message);
  return phone.next();
}

describe('joining', () => {
  it('lets a phone in with the secret of the QR code and lists it', async () => {
    const { server, joined } = await startRoom();
    expect(server.joinUrl()).toMatch(new RegExp(`^${server.url}/j#k=[A-Za-z0-9_-]{22}$`));
    const { token } = await joinBySecret(server, 'Anna', 'sales');
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(server.participants()).toEqual([{ id: joined[0], name: 'Anna', side: 'sales', online: true, submissions: 0, authored: [] }]);
  });

  it('lets a phone in with the typed code, in any case and with a space', async () => {
    const { server } = await startRoom();
    expect(server.code()).toMatch(/^[34679ACDEFHJKMNPRTUVWXY]{6}$/);
    const phone = await connect(server);
    const typed = `${server.code().slice(0, 3).toLowerCase()} ${server.code().slice(3)}`;
    phone.send({ type: 'join', code: typed, name: '', side: 'other' });
    expect(await phone.next()).toMatchObject({ type: 'welcome' });
  });

  it('turns away a wrong secret or code and closes the connection', async () => {
    const { server } = await startRoom();
    for (const join of [{ secret: 'AAAAAAAAAAAAAAAAAAAAAA' }, { code: 'ZZZZZZ' }]) {
      const phone = await connect(server);
      phone.send({ type: 'join', name: 'Mallory', side: 'sales', ...join });
      expect(await phone.next()).toEqual({ type: 'bye', reason: 'invalid' });
      expect((await phone.closed).code).toBe(1000);
    }
    expect(server.participants()).toEqual([]);
  });

  it('limits code guesses per address: after 5 wrong ones a minute, even the right code waits', async () => {
    const { server, clock } = await startRoom();
    for (let attempt = 0; attempt < roomLimits.joinAttemptsPerMinute; attempt++) {
      const phone = await connect(server);
      phone.send({ type: 'join', code: 'WRONG2', name: '', side: 'other' });
      expect(await phone.next()).toEqual({ type: 'bye', reason: 'invalid' });
    }
    const blocked = await connect(server);
    blocked.send({ type: 'join', code: server.code(), name: '', side: 'other' });
    expect(await blocked.next()).toEqual({ type: 'bye', reason: 'tooManyAttempts' });
    // The QR code's secret cannot be guessed, so it is not held up.
    await joinBySecret(server);
    clock.now += 61_000;
    const later = await connect(server);
    later.send({ type: 'join', code: server.code(), name: '', side: 'other' });
    expect(await later.next()).toMatchObject({ type: 'welcome' });
  });

  it('closes a connection that does not join in time', async () => {
    const { server } = await startRoom({ joinTimeoutMs: 50 });
    const phone = await connect(server);
    expect(await phone.next()).toEqual({ type: 'bye', reason: 'invalid' });
    await phone.closed;
  });
});

describe('device tokens', () => {
  it('lets a phone rejoin with its token after a reload, as the same participant', async () => {
    const { server, joined } = await startRoom();
    const first = await joinBySecret(server, 'Anna', 'marketing');
    first.phone.socket.close();
    await first.phone.closed;
    await expect.poll(() => server.participants()[0]?.online).toBe(false);
    const again = await connect(server);
    again.send({ type: 'join', token: first.token, name: 'Anna', side: 'marketing' });
    expect(await again.next()).toEqual({ type: 'welcome', token: first.token });
    expect(server.participants()).toEqual([{ id: joined[0], name: 'Anna', side: 'marketing', online: true, submissions: 0, authored: [] }]);
    expect(joined).toEqual([joined[0], joined[0]]);
  });

  it('shows a phone offline when it stops answering (Wi-Fi lost), and lets it back in', async () => {
    const { server } = await startRoom({ heartbeatMs: 30 });
    const anna = await joinBySecret(server);
    // A paused socket reads nothing, so it answers no ping: a phone gone from the network.
    anna.phone.socket.pause();
    await expect.poll(() => server.participants()[0]?.online).toBe(false);
    const back = await connect(server);
    back.send({ type: 'join', token: anna.token, name: '', side: 'marketing' });
    expect(await back.next()).toMatchObject({ type: 'welcome' });
    expect(server.participants()[0]?.online).toBe(true);
  });

  it('closes the older connection when the same device connects again', async () => {
    const { server } = await startRoom();
    const first = await joinBySecret(server);
    const second = await connect(server);
    second.send({ type: 'join', token: first.token, name: '', side: 'marketing' });
    expect(await second.next()).toMatchObject({ type: 'welcome' });
    expect(await first.phone.closed).toEqual({ code: 1000, reason: 'replaced' });
    expect(server.participants()).toHaveLength(1);
    expect(server.participants()[0]?.online).toBe(true);
  });

  it('an unknown token alone gets nobody in', async () => {
    const { server } = await startRoom();
    const phone = await connect(server);
    phone.send({ type: 'join', token: 'bm90LWEtcmVhbC10b2tlbg', name: '', side: 'sales' });
    expect(await phone.next()).toEqual({ type: 'bye', reason: 'invalid' });
  });
});

describe('the facilitator in charge', () => {
  it('removing a participant puts the phone out and revokes its token, even with the secret', async () => {
    const { server, joined } = await startRoom();
    const anna = await joinBySecret(server, 'Anna');
    const ben = await joinBySecret(server, 'Ben');
    server.remove(joined[0] ?? '');
    expect(await anna.phone.next()).toEqual({ type: 'bye', reason: 'removed' });
    await anna.phone.closed;
    expect(server.participants().map((participant) => participant.name)).toEqual(['Ben']);
    for (const join of [{ token: anna.token }, { token: anna.token, secret: secretOf(server) }]) {
      const back = await connect(server);
      back.send({ type: 'join', name: 'Anna', side: 'marketing', ...join });
      expect(await back.next()).toEqual({ type: 'bye', reason: 'removed' });
    }
    expect(await ackOf(ben.phone, topic('b1'))).toEqual({ type: 'ack', id: 'b1', status: 'received' });
  });

  it('closing joining turns new phones away but keeps the joined ones, who may rejoin', async () => {
    const { server } = await startRoom();
    const anna = await joinBySecret(server);
    server.closeJoining();
    for (const join of [{ secret: secretOf(server) }, { code: server.code() }]) {
      const late = await connect(server);
      late.send({ type: 'join', name: 'Late', side: 'sales', ...join });
      expect(await late.next()).toEqual({ type: 'bye', reason: 'joiningClosed' });
    }
    expect(await ackOf(anna.phone, topic('a1'))).toMatchObject({ status: 'received' });
    anna.phone.socket.close();
    const back = await connect(server);
    back.send({ type: 'join', token: anna.token, name: '', side: 'marketing' });
    expect(await back.next()).toMatchObject({ type: 'welcome' });
    server.openJoining();
    await joinBySecret(server, 'Late');
    expect(server.participants()).toHaveLength(2);
  });

  it('a new code stops the old QR code and code, not the joined phones', async () => {
    const { server } = await startRoom();
    const anna = await joinBySecret(server);
    const [oldSecret, oldCode, oldUrl] = [secretOf(server), server.code(), server.joinUrl()];
    server.newCode();
    expect(server.joinUrl()).not.toBe(oldUrl);
    for (const join of [{ secret: oldSecret }, { code: oldCode }]) {
      const phone = await connect(server);
      phone.send({ type: 'join', name: '', side: 'sales', ...join });
      expect(await phone.next()).toEqual({ type: 'bye', reason: 'invalid' });
    }
    await joinBySecret(server, 'Ben');
    const byCode = await connect(server);
    byCode.send({ type: 'join', code: server.code(), name: 'Cem', side: 'other' });
    expect(await byCode.next()).toMatchObject({ type: 'welcome' });
    expect(await ackOf(anna.phone, topic('a1'))).toMatchObject({ status: 'received' });
  });

  it('ending the room puts everyone out; their tokens and the old code no longer work', async () => {
    const { server } = await startRoom();
    const anna = await joinBySecret(server, 'Anna');
    const ben = await joinBySecret(server, 'Ben');
    const oldCode = server.code();
    server.end();
    for (const phone of [anna.phone, ben.phone]) {
      expect(await phone.next()).toEqual({ type: 'bye', reason: 'ended' });
      await phone.closed;
    }
    expect(server.participants()).toEqual([]);
    const back = await connect(server);
    back.send({ type: 'join', token: anna.token, code: oldCode, name: '', side: 'marketing' });
    expect(await back.next()).toEqual({ type: 'bye', reason: 'invalid' });
  });

  it('views reach the phone they are for; a broadcast reaches every joined phone', async () => {
    const { server, joined } = await startRoom();
    const anna = await joinBySecret(server, 'Anna');
    const ben = await joinBySecret(server, 'Ben');
    const stranger = await connect(server);
    const personal = { mine: [], can: { topics: true, caricatures: false }, dots: { left: 2, mine: {} } };
    expect(server.sendPersonal(joined[1] ?? '', personal)).toBe(true);
    expect(await ben.phone.next()).toEqual({ type: 'personal', personal });
    const board = { sessionTitle: 'Kick-off', block: null, mission: 'Gemeinsam', lanes: [], caricaturesRevealed: false, votesRevealed: false };
    server.broadcastBoard(board);
    expect(await anna.phone.next()).toEqual({ type: 'board', board });
    expect(await ben.phone.next()).toEqual({ type: 'board', board });
    // Anna's first message after the broadcast is her own ack: Ben's view never reached her.
    expect(await ackOf(anna.phone, topic('a1'))).toMatchObject({ type: 'ack', id: 'a1' });
    // A connection that has not joined sees nothing.
    stranger.send({ type: 'join', secret: secretOf(server), name: '', side: 'other' });
    expect(await stranger.next()).toMatchObject({ type: 'welcome' });
  });

  it('stopping tells the phones, closes every socket and frees the port', async () => {
    const { server } = await startRoom();
    const anna = await joinBySecret(server);
    const unjoined = await connect(server);
    const port = Number(new URL(server.url).port);
    await server.close();
    expect(await anna.phone.next()).toEqual({ type: 'bye', reason: 'ended' });
    await anna.phone.closed;
    await unjoined.closed;
    const again = createServer();
    await new Promise<void>((resolve, reject) => {
      again.once('error', reject);
      again.listen(port, '127.0.0.1', () => resolve());
    });
    await new Promise((resolve) => again.close(resolve));
  });
});

describe('commands', () => {
  it('hands each command to the app with the phone, and acks it by the phone’s id', async () => {
    const { server, decided, joined } = await startRoom();
    const anna = await joinBySecret(server);
    expect(await ackOf(anna.phone, topic('m-1', 'Preise'))).toEqual({ type: 'ack', id: 'm-1', status: 'received' });
    expect(decided).toEqual([{ participantId: joined[0], command: { type: 'addTopic', title: 'Preise' }, authored: [] }]);
    expect(server.participants()[0]?.submissions).toBe(1);
  });

  it('remembers which phone wrote which caricature, for that phone only', async () => {
    const { server, decided } = await startRoom();
    const anna = await joinBySecret(server, 'Anna');
    const ben = await joinBySecret(server, 'Ben', 'sales');
    expect(await ackOf(anna.phone, { type: 'addCaricature', id: 'a1', title: 'Zahlenverliebt' })).toMatchObject({ status: 'received' });
    await ackOf(anna.phone, { type: 'editCaricature', id: 'a2', cardId: 'c1', title: 'Sehr zahlenverliebt' });
    await ackOf(ben.phone, { type: 'withdrawCaricature', id: 'b1', cardId: 'c1' });
    expect(decided.map((entry) => entry.authored)).toEqual([[], ['c1'], []]);
  });

  it('passes the app’s refusal on to the phone', async () => {
    const { server } = await startRoom({ onCommand: () => Promise.resolve({ ok: false, refusal: 'notInCaricatureBlock' }) });
    const anna = await joinBySecret(server);
    expect(await ackOf(anna.phone, { type: 'addCaricature', id: 'x', title: 'Laut' })).toEqual({
      type: 'ack',
      id: 'x',
      status: 'refused',
      refusal: 'notInCaricatureBlock',
    });
    expect(server.participants()[0]?.submissions).toBe(0);
  });

  it('answers a failure in the app as failed, and keeps the connection', async () => {
    const { server } = await startRoom({ onCommand: () => Promise.reject(new Error('boom')) });
    const anna = await joinBySecret(server);
    expect(await ackOf(anna.phone, topic('x'))).toEqual({ type: 'ack', id: 'x', status: 'refused', refusal: 'failed' });
    expect(await ackOf(anna.phone, topic('y'))).toMatchObject({ id: 'y', refusal: 'failed' });
  });

  it('a message sent again (after a reconnect) gets its ack again and is not applied twice', async () => {
    const { server, decided } = await startRoom();
    const anna = await joinBySecret(server);
    await ackOf(anna.phone, topic('once'));
    anna.phone.socket.close();
    const back = await connect(server);
    back.send({ type: 'join', token: anna.token, name: '', side: 'marketing' });
    await back.next();
    expect(await ackOf(back, topic('once'))).toEqual({ type: 'ack', id: 'once', status: 'received' });
    expect(decided).toHaveLength(1);
  });

  it('a message sent again while the app still decides it is decided once, and acked on the new connection', async () => {
    let finish: (answer: RoomAnswer) => void = () => undefined;
    const { server, decided } = await startRoom({ onCommand: () => new Promise<RoomAnswer>((resolve) => (finish = resolve)) });
    const anna = await joinBySecret(server);
    anna.phone.send(topic('slow'));
    await expect.poll(() => decided.length).toBe(1);
    anna.phone.socket.close();
    const back = await connect(server);
    back.send({ type: 'join', token: anna.token, name: '', side: 'marketing' });
    await back.next();
    back.send(topic('slow'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(decided).toHaveLength(1);
    finish({ ok: true });
    expect(await back.next()).toEqual({ type: 'ack', id: 'slow', status: 'received' });
    expect(server.participants()[0]?.submissions).toBe(1);
  });
});

describe('rate limits', () => {
  it('5 cards in a burst, then one every 2 s — per device, across reconnects', async () => {
    const { server, clock, decided } = await startRoom();
    const anna = await joinBySecret(server);
    for (let i = 1; i <= roomLimits.cards.burst; i++) expect(await ackOf(anna.phone, topic(`t${i}`))).toMatchObject({ status: 'received' });
    expect(await ackOf(anna.phone, topic('t6'))).toEqual({ type: 'ack', id: 't6', status: 'refused', refusal: 'rateLimited' });
    anna.phone.socket.close();
    const back = await connect(server);
    back.send({ type: 'join', token: anna.token, name: '', side: 'marketing' });
    await back.next();
    expect(await ackOf(back, topic('t7'))).toMatchObject({ refusal: 'rateLimited' });
    clock.now += 1_999;
    expect(await ackOf(back, topic('t8'))).toMatchObject({ refusal: 'rateLimited' });
    clock.now += 1;
    expect(await ackOf(back, topic('t9'))).toMatchObject({ status: 'received' });
    expect(await ackOf(back, topic('t10'))).toMatchObject({ refusal: 'rateLimited' });
    // A refused message may be sent again later under the same id.
    clock.now += 2_000;
    expect(await ackOf(back, topic('t6'))).toMatchObject({ id: 't6', status: 'received' });
    expect(decided).toHaveLength(7);
    // Another phone has its own allowance.
    const ben = await joinBySecret(server, 'Ben');
    expect(await ackOf(ben.phone, topic('b1'))).toMatchObject({ status: 'received' });
  });

  it('5 dots a second, on their own allowance: taps do not use up the cards', async () => {
    const { server, clock } = await startRoom();
    const anna = await joinBySecret(server);
    const dot = (id: string) => ({ type: 'vote', id, cardId: 'c1', delta: 1 });
    for (let i = 1; i <= roomLimits.votes.burst; i++) expect(await ackOf(anna.phone, dot(`v${i}`))).toMatchObject({ status: 'received' });
    expect(await ackOf(anna.phone, dot('v6'))).toMatchObject({ refusal: 'rateLimited' });
    expect(await ackOf(anna.phone, topic('t1'))).toMatchObject({ status: 'received' });
    clock.now += roomLimits.votes.refillMs;
    expect(await ackOf(anna.phone, dot('v7'))).toMatchObject({ status: 'received' });
  });
});

describe('bad messages', () => {
  it('refuses a malformed command with its id, and closes after three bad messages', async () => {
    const { server, decided } = await startRoom();
    const anna = await joinBySecret(server);
    expect(await ackOf(anna.phone, { type: 'addTopic', id: 'n1', title: 42 })).toEqual({
      type: 'ack',
      id: 'n1',
      status: 'refused',
      refusal: 'invalid',
    });
    expect(await ackOf(anna.phone, { ...topic('n2'), cardId: 'extra' })).toMatchObject({ id: 'n2', refusal: 'invalid' });
    anna.phone.send('not json {');
    expect(await anna.phone.next()).toEqual({ type: 'bye', reason: 'invalid' });
    expect((await anna.phone.closed).code).toBe(1000);
    expect(decided).toEqual([]);
  });

  it('counts unknown types, over-long titles, binary frames and commands before joining as bad', async () => {
    const { server } = await startRoom();
    const anna = await joinBySecret(server);
    expect(await ackOf(anna.phone, { type: 'deleteLane', id: 'u1', laneId: 'l1' })).toMatchObject({ id: 'u1', refusal: 'invalid' });
    expect(await ackOf(anna.phone, topic('u2', 'x'.repeat(roomLimits.titleLength + 1)))).toMatchObject({ id: 'u2', refusal: 'invalid' });
    anna.phone.socket.send(Buffer.from([1, 2, 3]));
    expect(await anna.phone.next()).toEqual({ type: 'bye', reason: 'invalid' });

    const stranger = await connect(server);
    expect(await ackOf(stranger, topic('s1'))).toMatchObject({ id: 's1', refusal: 'invalid' });
    // Neither join is let in: the third bad message closes the connection.
    stranger.send({ type: 'join', secret: secretOf(server), name: 'x'.repeat(roomLimits.nameLength + 1), side: 'sales' });
    stranger.send({ type: 'join', secret: secretOf(server), name: '', side: 'pirates' });
    expect(await stranger.next()).toEqual({ type: 'bye', reason: 'invalid' });
  });

  it('closes the connection on a message over 16 KB', async () => {
    const { server, decided } = await startRoom();
    const anna = await joinBySecret(server);
    anna.phone.send({ ...topic('big'), title: 'x'.repeat(roomLimits.maxPayloadBytes) });
    expect((await anna.phone.closed).code).toBe(1009);
    expect(decided).toEqual([]);
  });

  it('a title at the limit is taken', async () => {
    const { server } = await startRoom();
    const anna = await joinBySecret(server);
    expect(await ackOf(anna.phone, topic('max', 'ü'.repeat(roomLimits.titleLength)))).toMatchObject({ status: 'received' });
  });
});

describe('connections', () => {
  it('takes at most 6 connections from one address', async () => {
    const { server } = await startRoom();
    const open = await Promise.all(Array.from({ length: roomLimits.connectionsPerAddress }, () => connect(server)));
    const seventh = await connect(server);
    expect(await seventh.next()).toEqual({ type: 'bye', reason: 'full' });
    expect((await seventh.closed).code).toBe(1013);
    open[0]?.socket.close();
    await open[0]?.closed;
    await expect
      .poll(async () => {
        const phone = await connect(server);
        phone.send({ type: 'join', secret: secretOf(server), name: '', side: 'other' });
        return (await phone.next()).type;
      })
      .toBe('welcome');
  });

  it('takes at most 100 connections in all', async () => {
    const { server } = await startRoom();
    const addresses = Array.from({ length: 17 }, (_, i) => `127.0.0.${i + 2}`);
    const open: Phone[] = [];
    for (const localAddress of addresses) {
      for (let i = 0; i < roomLimits.connectionsPerAddress && open.length < roomLimits.connections; i++)
        open.push(await connect(server, { localAddress }));
    }
    expect(open).toHaveLength(roomLimits.connections);
    const extra = await connect(server, { localAddress: '127.0.0.30' });
    expect(await extra.next()).toEqual({ type: 'bye', reason: 'full' });
    const last = open.at(-1);
    last?.send({ type: 'join', secret: secretOf(server), name: '', side: 'other' });
    expect(await last?.next()).toMatchObject({ type: 'welcome' });
  });
});

describe('Host and Origin (no DNS rebinding, no other page)', () => {
  it('refuses a WebSocket from another origin, without an origin, under another host name, or on another path', async () => {
    const { server } = await startRoom();
    const port = new URL(server.url).port;
    expect(await refusedUpgrade(server, { origin: 'http://evil.example' })).toMatch(/403/);
    expect(await refusedUpgrade(server, { origin: `http://localhost:${port}` })).toMatch(/403/);
    expect(await refusedUpgrade(server, { origin: `https://127.0.0.1:${port}` })).toMatch(/403/);
    expect(await refusedUpgrade(server, { origin: null })).toMatch(/403/);
    expect(await refusedUpgrade(server, { host: `rebound.example:${port}`, origin: `http://rebound.example:${port}` })).toMatch(/403/);
    expect(await refusedUpgrade(server, { host: `localhost:${port}` })).toMatch(/403/);
    expect(await refusedUpgrade(server, { path: '/j' })).toMatch(/404/);
    expect(await refusedUpgrade(server)).toBe('opened');
  });

  it('refuses HTTP under another host name or from another origin', async () => {
    const { server } = await startRoom();
    const port = new URL(server.url).port;
    const wrong: Record<string, string>[] = [
      { host: `localhost:${port}` },
      { host: `rebound.example:${port}` },
      { host: '127.0.0.1' },
      { origin: 'http://evil.example' },
    ];
    for (const headers of wrong) {
      const answer = await httpGet(server, '/j', headers);
      expect(answer.status).toBe(403);
      expect(answer.body).not.toContain(indexMarker);
    }
    expect((await httpGet(server, '/j', { origin: server.url })).status).toBe(200);
  });
});

describe('the phone app’s files', () => {
  it('serves index.html at /, /j and /index.html with a strict CSP and nosniff', async () => {
    const { server } = await startRoom();
    for (const path of ['/', '/j', '/index.html', '/j?lang=de']) {
      const answer = await httpGet(server, path);
      expect(answer.status).toBe(200);
      expect(answer.body).toContain(indexMarker);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      const csp = String(answer.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain(`connect-src ${server.url.replace('http:', 'ws:')}`);
      expect(csp).not.toContain('unsafe');
    }
  });

  it('serves the assets with their types', async () => {
    const { server } = await startRoom();
    expect(await httpGet(server, '/assets/app.js')).toMatchObject({ status: 200, body: 'console.log("phone");' });
    expect((await httpGet(server, '/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await httpGet(server, '/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect(await httpGet(server, '/assets/app.js', {}, 'POST')).toMatchObject({ status: 405 });
  });

  it('serves nothing else: no traversal, no listing, no dotfiles, no links out, no other types', async () => {
    const { server } = await startRoom();
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '//secret.txt',
      '/assets/',
      '/assets',
      '/assets/linked.js',
      '/.env',
      '/notes.txt',
      '/other.html',
      '/room',
      '/index.html/',
      '/ASSETS/APP.JS',
    ];
    for (const path of attempts) {
      const answer = await httpGet(server, path);
      expect([path, answer.status]).toEqual([path, 404]);
      expect(answer.body).not.toContain(secretMarker);
    }
  });

  it('will not start without the phone app, or on a host name', async () => {
    const folder = await phoneAppFolder();
    const onCommand = () => Promise.reject(new Error('unused'));
    await expect(startRoomServer({ host: '127.0.0.1', port: 0, phoneAppDir: `${folder}/assets`, onCommand })).rejects.toThrow();
    await expect(startRoomServer({ host: 'localhost', port: 0, phoneAppDir: folder, onCommand })).rejects.toThrow(/IPv4/);
  });
});
