/**
 * The phone's connection (renderer/phone/client.ts) against a fake socket and clock: joins,
 * rejoins with the token after a reload, re-sends unsent text with the same id, reconnects.
 */
import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../../core/room-protocol';
import { answerTimeoutMs, PhoneClient, type SocketLike } from '../../../renderer/phone/client';
import type { KeyValueStore } from '../../../renderer/phone/storage';

const secret = 'AAAAAAAAAAAAAAAAAAAAAA';

class FakeSocket {
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  readonly sent: Record<string, unknown>[] = [];
  closed = false;
  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close() {
    this.closed = true;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(message: ServerMessage) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(reason = '') {
    this.readyState = 3;
    this.onclose?.({ code: 1006, reason });
  }
}

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

function phone(store = memoryStore(), options: { secret?: string | null; online?: boolean } = {}) {
  const sockets: FakeSocket[] = [];
  const timers = new Map<number, { run: () => void; at: number }>();
  let clock = 0;
  let nextTimer = 1;
  let counter = 0;
  const network = { online: options.online ?? true };
  const client = new PhoneClient(
    {
      url: 'ws://room/room',
      openSocket: () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket as unknown as SocketLike;
      },
      store,
      getRandomValues: (bytes) => bytes.fill(++counter),
      random: () => 1,
      now: () => clock,
      online: () => network.online,
      setTimer: (run, ms) => {
        timers.set(nextTimer, { run, at: clock + ms });
        return nextTimer++;
      },
      clearTimer: (timer) => void timers.delete(timer as number),
    },
    options.secret === undefined ? secret : options.secret,
  );
  /** Moves the clock, running the timers that fall due. */
  const advance = (ms: number) => {
    clock += ms;
    for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at <= clock && timers.has(id)) {
        timers.delete(id);
        timer.run();
      }
    }
  };
  const last = (): FakeSocket => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('no socket opened');
    return socket;
  };
  return { client, store, sockets, last, advance, network };
}

function joinedPhone() {
  const p = phone();
  p.client.join({ name: 'Anna', side: 'marketing' });
  p.last().open();
  p.last().receive({ type: 'welcome', token: 'tok-1' });
  return p;
}

describe('the phone’s connection', () => {
  it('joins with the secret and keeps the device token for the next page load', () => {
    const p = joinedPhone();
    expect(p.sockets[0]?.sent[0]).toEqual({ type: 'join', secret, name: 'Anna', side: 'marketing' });
    expect(p.client.getState().stage).toBe('room');
    expect(p.store.data.get('nahtstelle.phone.token')).toBe('tok-1');
    expect(JSON.stringify([...p.store.data.values()])).not.toContain(secret);

    const reloaded = phone(p.store, { secret: null });
    expect(reloaded.client.getState().stage).toBe('joining');
    reloaded.client.start();
    reloaded.last().open();
    expect(reloaded.last().sent[0]).toEqual({ type: 'join', token: 'tok-1', name: 'Anna', side: 'marketing' });
  });

  it('sends a command with a fresh id, and once more with the same id after a reconnect when no ack came', () => {
    const p = joinedPhone();
    const id = p.client.submit({ type: 'addTopic', title: 'Preise' });
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(p.last().sent[1]).toEqual({ type: 'addTopic', title: 'Preise', id });
    p.last().drop();
    expect(p.client.getState().connection).toBe('reconnecting');
    p.advance(1000);
    expect(p.sockets).toHaveLength(2);
    p.last().open();
    p.last().receive({ type: 'welcome', token: 'tok-1' });
    expect(p.last().sent).toEqual([
      { type: 'join', token: 'tok-1', name: 'Anna', side: 'marketing' },
      { type: 'addTopic', title: 'Preise', id },
    ]);
    p.last().receive({ type: 'ack', id, status: 'received' });
    expect(p.client.getState().outbox).toEqual([{ id, command: { type: 'addTopic', title: 'Preise' }, status: 'received' }]);
  });

  it('keeps text sent while offline through a reload and sends it when the room is back', () => {
    const p = joinedPhone();
    p.network.online = false;
    p.client.wentOffline();
    expect(p.client.getState().connection).toBe('offline');
    const id = p.client.submit({ type: 'addTopic', title: 'Messe' });
    expect(p.sockets[0]?.sent).toHaveLength(1);

    const reloaded = phone(p.store, { secret: null });
    expect(reloaded.client.getState().outbox).toEqual([{ id, command: { type: 'addTopic', title: 'Messe' }, status: 'waiting' }]);
    reloaded.client.start();
    reloaded.last().open();
    reloaded.last().receive({ type: 'welcome', token: 'tok-1' });
    expect(reloaded.last().sent[1]).toEqual({ type: 'addTopic', title: 'Messe', id });
  });

  it('takes a silent connection for dead: no answer in time, and it connects anew', () => {
    const p = joinedPhone();
    const id = p.client.submit({ type: 'addTopic', title: 'Preise' });
    p.advance(answerTimeoutMs - 1);
    expect(p.sockets).toHaveLength(1);
    p.advance(1);
    expect(p.sockets[0]?.closed).toBe(true);
    expect(p.sockets).toHaveLength(2);
    p.last().open();
    p.last().receive({ type: 'welcome', token: 'tok-1' });
    expect(p.last().sent[1]).toMatchObject({ id });
  });

  it('puts a refused text back into its empty field', () => {
    const p = joinedPhone();
    const id = p.client.submit({ type: 'addTopic', title: 'Preise' });
    p.last().receive({ type: 'ack', id, status: 'refused', refusal: 'paused' });
    expect(p.client.getDrafts().topic).toBe('Preise');
    expect(JSON.parse(p.store.data.get('nahtstelle.phone.drafts') ?? '{}')).toMatchObject({ topic: 'Preise' });
  });

  it('backs off while the room cannot be reached, and tries at once when the page is shown again', () => {
    const p = joinedPhone();
    p.last().drop();
    p.advance(500);
    p.last().drop();
    p.advance(999);
    expect(p.sockets).toHaveLength(2);
    p.advance(1);
    expect(p.sockets).toHaveLength(3);
    p.last().drop();
    p.client.wake(false);
    expect(p.sockets).toHaveLength(4);
  });

  it('stops for good when the room ended or another tab took over', () => {
    const p = joinedPhone();
    p.last().receive({ type: 'bye', reason: 'ended' });
    p.last().drop('ended');
    p.advance(60_000);
    p.client.wake(true);
    expect(p.sockets).toHaveLength(1);
    expect(p.store.data.has('nahtstelle.phone.token')).toBe(false);
    expect(JSON.parse(p.store.data.get('nahtstelle.phone.profile') ?? '{}')).toEqual({ name: 'Anna', side: 'marketing' });

    const q = joinedPhone();
    q.last().drop('replaced');
    q.advance(60_000);
    expect(q.sockets).toHaveLength(1);
    q.client.resume();
    expect(q.sockets).toHaveLength(2);
  });
});
