/**
 * Helpers for the room server tests: a temp phone app (with a secret beside it that must never be
 * served), a server on 127.0.0.1, and phones as real `ws` clients that record what they receive.
 */
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { roomAnswer, type RoomAnswer, type RoomCommand, type RoomDecision, type RoomParticipant } from '../../../core/room';
import type { ServerMessage } from '../../../core/room-protocol';
import { startRoomServer, type RoomServer, type RoomServerOptions } from '../../../electron/services/room-server';

export const secretMarker = 'TOP-SECRET-BESIDE-THE-APP';
export const indexMarker = 'PHONE-APP-INDEX';

const folders: string[] = [];
const servers: RoomServer[] = [];
const phones: Phone[] = [];

/** A phone app folder as the build makes it, plus things beside and inside it that must stay unserved. */
export async function phoneAppFolder(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'nahtstelle-room-'));
  folders.push(root);
  const app = join(root, 'app');
  await mkdir(join(app, 'assets'), { recursive: true });
  await writeFile(join(root, 'secret.txt'), secretMarker);
  await writeFile(join(app, 'index.html'), `<!doctype html><title>${indexMarker}</title><script type="module" src="/assets/app.js"></script>`);
  await writeFile(join(app, 'assets', 'app.js'), 'console.log("phone");');
  await writeFile(join(app, 'assets', 'app.css'), 'body{margin:0}');
  await writeFile(join(app, '.env'), secretMarker);
  await writeFile(join(app, 'notes.txt'), secretMarker);
  await writeFile(join(app, 'other.html'), secretMarker);
  await symlink(join(root, 'secret.txt'), join(app, 'assets', 'linked.js'));
  return app;
}

export interface Harness {
  readonly server: RoomServer;
  /** The commands the app was asked to decide, with the phone's authored cards at that moment. */
  readonly decided: { participantId: string; command: RoomCommand; authored: string[] }[];
  /** The clock of the rate limits; tests move it. */
  readonly clock: { now: number };
  readonly joined: string[];
}

/** Accepts every command: topics go to the inbox, caricatures become cards c1, c2, … */
function acceptAll(): (participant: RoomParticipant, command: RoomCommand) => Promise<RoomAnswer> {
  let next = 0;
  return (_participant, command) => Promise.resolve(roomAnswer(decide(command)));
  function decide(command: RoomCommand): RoomDecision {
    switch (command.type) {
      case 'addTopic':
        return { ok: true, operation: { type: 'receiveTopic', topicId: `t${++next}`, title: command.title } };
      case 'addCaricature':
        return {
          ok: true,
          operation: { type: 'addCard', cardId: `c${++next}`, laneId: 'l1', title: command.title, kind: 'caricature', fromRoom: true },
        };
      case 'editCaricature':
        return { ok: true, operation: { type: 'editCardTitle', cardId: command.cardId, title: command.title } };
      case 'withdrawCaricature':
        return { ok: true, operation: { type: 'deleteCard', cardId: command.cardId } };
      case 'vote':
        return { ok: true, operation: { type: 'vote', cardId: command.cardId, voterId: 'phone:x', delta: command.delta } };
    }
  }
}

export async function startRoom(options: Partial<RoomServerOptions> = {}): Promise<Harness> {
  const clock = { now: 1_000_000 };
  const decided: Harness['decided'] = [];
  const joined: string[] = [];
  const decide = options.onCommand ?? acceptAll();
  const server = await startRoomServer({
    host: '127.0.0.1',
    port: 0,
    phoneAppDir: options.phoneAppDir ?? (await phoneAppFolder()),
    now: () => clock.now,
    onJoined: (participant) => joined.push(participant.id),
    ...options,
    onCommand: (participant, command) => {
      decided.push({ participantId: participant.id, command, authored: [...participant.authored] });
      return decide(participant, command);
    },
  });
  servers.push(server);
  return { server, decided, clock, joined };
}

export async function cleanUp(): Promise<void> {
  for (const phone of phones.splice(0)) phone.socket.terminate();
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
}

/** Where a room listens: a server, or the room service's state while on. */
export type RoomAt = Pick<RoomServer, 'url' | 'joinUrl'>;

export interface Phone {
  readonly socket: WebSocket;
  send(message: unknown): void;
  /** The next message not yet read. */
  next(): Promise<ServerMessage>;
  /** How the server closed the connection, as the phone sees it. */
  readonly closed: Promise<{ code: number; reason: string }>;
}

interface ConnectOptions {
  readonly origin?: string | null;
  readonly host?: string;
  readonly path?: string;
  readonly localAddress?: string;
}

/** A phone's WebSocket, opened as the phone app's own page would (its Origin, the served Host). */
export async function connect(server: RoomAt, options: ConnectOptions = {}): Promise<Phone> {
  const url = `${server.url.replace('http:', 'ws:')}${options.path ?? '/room'}`;
  const origin = options.origin === undefined ? server.url : options.origin;
  const socket = new WebSocket(url, {
    ...(origin === null ? {} : { origin }),
    ...(options.host ? { headers: { host: options.host } } : {}),
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
  });
  const received: ServerMessage[] = [];
  const waiting: ((message: ServerMessage) => void)[] = [];
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as ServerMessage;
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else received.push(message);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.on('error', () => undefined);
  const phone: Phone = {
    socket,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next: () => {
      const message = received.shift();
      return message ? Promise.resolve(message) : new Promise((resolve) => waiting.push(resolve));
    },
    closed,
  };
  phones.push(phone);
  return phone;
}

/** Why the server refused a WebSocket upgrade, as the client's error says it ("Unexpected server response: 403"). */
export function refusedUpgrade(server: RoomServer, options: ConnectOptions = {}): Promise<string> {
  return connect(server, options).then(
    () => 'opened',
    (error: Error) => error.message,
  );
}

/** The secret of the room's QR code, as the phone reads it from the fragment. */
export function secretOf(server: RoomAt): string {
  return new URL(server.joinUrl()).hash.replace('#k=', '');
}

/** Joins by the QR code's secret; resolves with the welcome's device token. */
export async function joinBySecret(
  server: RoomAt,
  name = 'Anna',
  side: 'marketing' | 'sales' | 'other' = 'marketing',
): Promise<{ phone: Phone; token: string }> {
  const phone = await connect(server);
  phone.send({ type: 'join', secret: secretOf(server), name, side });
  const welcome = await phone.next();
  if (welcome.type !== 'welcome') throw new Error(`expected a welcome, got ${JSON.stringify(welcome)}`);
  return { phone, token: welcome.token };
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw HTTP request: the path goes out exactly as written (no normalising of `..`). */
export function httpGet(server: RoomServer, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<HttpAnswer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const outgoing = request({ hostname, port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
