/**
 * The room server: serves the phone app and the room's WebSocket on the network address the
 * facilitator picked. Plain Node (no Electron). docs/security.md, "The room server".
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIPv4, type Socket } from 'node:net';
import { extname, join } from 'node:path';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { singleLine, type CardId, type Department } from '../../core/model';
import type { RoomAnswer, RoomCommand, RoomParticipant, RoomParticipantInfo } from '../../core/room';
import { joinCodeFromBytes, joinCodeRandomBytes, readJoinCode, roomSecretBytes, roomSecretFromBytes } from '../../core/room-join';
import type { PhoneBoard, PhonePersonal } from '../../core/room-view';
import { phoneMessageSchema } from '../../core/room-protocol-schemas';
import {
  roomJoinPath,
  roomLimits,
  roomSocketPath,
  type ByeReason,
  type CommandMessage,
  type JoinMessage,
  type ServerMessage,
  type WireRefusal,
} from '../../core/room-protocol';

export interface RoomServerOptions {
  /** The IPv4 address to bind to and to serve as (127.0.0.1 in tests). */
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** The built phone app: index.html and its assets, read once at start. */
  readonly phoneAppDir: string;
  /** Decides a joined phone's command (core/room.ts `decideRoomCommand`) and applies it. */
  readonly onCommand: (participant: RoomParticipant, command: RoomCommand) => Promise<RoomAnswer>;
  /** A phone joined or came back: the place to send it its first view. */
  readonly onJoined?: (participant: RoomParticipantInfo) => void;
  /** Someone joined, left, came back, was removed, or submitted. */
  readonly onParticipantsChange?: () => void;
  /** For tests: the clock of the rate limits. */
  readonly now?: () => number;
  /** How often silent connections are checked (ping; no pong by the next check closes it). */
  readonly heartbeatMs?: number;
  /** How long a connection may stay without joining. */
  readonly joinTimeoutMs?: number;
  /** The room secret and code formats; by default 128 random bits and 6 unambiguous characters. */
  readonly newSecret?: () => string;
  readonly newCode?: () => string;
}

export type { RoomParticipantInfo } from '../../core/room';

export interface RoomServer {
  /** `http://<host>:<port>` */
  readonly url: string;
  /** The QR code's address, secret included: `http://<host>:<port>/j#k=<secret>`. Never log it. */
  joinUrl(): string;
  code(): string;
  participants(): RoomParticipantInfo[];
  /** Sends one phone its own part of the view; false when it is offline. */
  sendPersonal(participantId: string, personal: PhonePersonal): boolean;
  /** Sends every joined phone the public board. */
  broadcastBoard(board: PhoneBoard): void;
  /** Sends one phone the public board (it just joined); false when it is offline. */
  sendBoard(participantId: string, board: PhoneBoard): boolean;
  /** Puts the phone out and revokes its device token. */
  remove(participantId: string): void;
  /** No new phones; joined ones stay and may rejoin. */
  closeJoining(): void;
  openJoining(): void;
  /** A new secret and code: the old QR code and code no longer let anyone join. */
  newCode(): void;
  /** Everyone out, every token forgotten, a new secret and code. The server keeps listening. */
  end(): void;
  /** end(), then every socket closed and the port freed. */
  close(): Promise<void>;
}

const defaultSecret = (): string => roomSecretFromBytes(randomBytes(roomSecretBytes));
const defaultCode = (): string => joinCodeFromBytes(randomBytes(joinCodeRandomBytes));
const newToken = (): string => randomBytes(16).toString('base64url');
const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
/** Compared as digests, so the time taken says nothing about how much of a guess was right. */
const sameSecret = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));
/** A typed code as core/room-join.ts reads it (any case, separators, G for 6); '' when it can be no code. */
const readCode = (typed: string): string => {
  const reading = readJoinCode(typed);
  return reading.ok ? reading.code : '';
};

/** Acks a phone may ask for again (after a reconnect) without the command running twice. */
const rememberedAcks = 200;
/** Messages a phone may have waiting for an answer; a flood beyond closes the connection. */
const pendingMessages = 32;
/** A phone that reads slower than this much queued output is dropped; it rejoins and gets a fresh view. */
const maxBufferedBytes = 1024 * 1024;
/** Everything the phone app may hold, read into memory at start. */
const maxAppBytes = 8 * 1024 * 1024;

interface Bucket {
  tokens: number;
  at: number;
}

interface Member {
  readonly id: string;
  readonly tokenDigest: string;
  name: string;
  readonly side: Department;
  readonly authored: Set<CardId>;
  submissions: number;
  readonly cards: Bucket;
  readonly votes: Bucket;
  readonly acks: Map<string, ServerMessage>;
  /** Commands the app is still deciding: the same id sent again (after a reconnect) waits for that answer. */
  readonly deciding: Set<string>;
  connection: Connection | null;
}

interface Connection {
  readonly socket: WebSocket;
  readonly address: string;
  member: Member | null;
  invalid: number;
  pending: number;
  alive: boolean;
  queue: Promise<void>;
  joinTimer: NodeJS.Timeout | undefined;
}

interface AppFile {
  readonly body: Buffer;
  readonly type: string;
}

const mimeTypes: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The allow-list: index.html plus the assets beside it, by their exact URL path. Read into memory
 * now, so a request can never reach the disk (no traversal, no listing, no symbolic links).
 */
export function readPhoneApp(dir: string): ReadonlyMap<string, AppFile> {
  const files = new Map<string, AppFile>();
  let total = 0;
  const add = (urlPath: string, file: string, type: string) => {
    const body = readFileSync(file);
    total += body.length;
    if (total > maxAppBytes) throw new Error('The phone app is larger than it may be');
    files.set(urlPath, { body, type });
  };
  const walk = (folder: string, urlPrefix: string, depth: number) => {
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('.') || !/^[A-Za-z0-9._-]+$/.test(name)) continue;
      const full = join(folder, name);
      const stat = lstatSync(full);
      if (stat.isDirectory() && depth < 3) walk(full, `${urlPrefix}${name}/`, depth + 1);
      const type = mimeTypes[extname(name).toLowerCase()];
      if (stat.isFile() && type !== undefined) add(`${urlPrefix}${name}`, full, type);
    }
  };
  add('/index.html', join(dir, 'index.html'), 'text/html; charset=utf-8');
  walk(dir, '/', 0);
  return files;
}

function takeToken(bucket: Bucket, limit: { readonly burst: number; readonly refillMs: number }, now: number): boolean {
  const tokens = Math.min(limit.burst, bucket.tokens + (now - bucket.at) / limit.refillMs);
  bucket.at = now;
  bucket.tokens = tokens >= 1 ? tokens - 1 : tokens;
  return tokens >= 1;
}

export async function startRoomServer(options: RoomServerOptions): Promise<RoomServer> {
  if (!isIPv4(options.host)) throw new Error('The room server binds to one IPv4 address');
  const now = options.now ?? Date.now;
  const makeSecret = options.newSecret ?? defaultSecret;
  const makeCode = options.newCode ?? defaultCode;
  const appFiles = readPhoneApp(options.phoneAppDir);

  let secret = makeSecret();
  let code = makeCode();
  let joiningOpen = true;
  const members = new Map<string, Member>();
  const byToken = new Map<string, Member>();
  const revoked = new Set<string>();
  const connections = new Set<Connection>();
  const failedJoins = new Map<string, number[]>();

  const http = createServer({ requestTimeout: 10_000, headersTimeout: 5_000, keepAliveTimeout: 5_000, maxHeaderSize: 8192 });
  http.maxConnections = 250;
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: roomLimits.maxPayloadBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen({ host: options.host, port: options.port, exclusive: true }, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const address = http.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  // Browsers leave the default port out of Host and Origin.
  const authority = port === 80 ? options.host : `${options.host}:${port}`;
  const origin = `http://${authority}`;
  const contentSecurityPolicy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "manifest-src 'self'",
    `connect-src ws://${authority}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

  const changed = () => options.onParticipantsChange?.();

  // ---- HTTP: the phone app's files, nothing else ----

  const refuse = (response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
    response.end(text);
  };

  http.on('request', (request: IncomingMessage, response: ServerResponse) => {
    // A page from another name (DNS rebinding) or another origin gets nothing.
    if (request.headers.host !== authority) return refuse(response, 403, 'Forbidden host');
    if (request.headers.origin !== undefined && request.headers.origin !== origin) return refuse(response, 403, 'Forbidden origin');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    // Looked up as sent, never decoded or joined to a path: only the allow-list's exact keys match.
    const pathname = (request.url ?? '').split('?')[0] ?? '';
    const file = appFiles.get(pathname === '/' || pathname === roomJoinPath ? '/index.html' : pathname);
    if (!file) return refuse(response, 404, 'Not found');
    response.writeHead(200, {
      'Content-Type': file.type,
      'Content-Length': String(file.body.length),
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  });

  http.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const reject = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    // A browser always names the page's origin on a WebSocket: it must be the phone app's own.
    if (request.headers.host !== authority || request.headers.origin !== origin) return reject('403 Forbidden');
    if ((request.url ?? '').split('?')[0] !== roomSocketPath) return reject('404 Not Found');
    sockets.handleUpgrade(request, socket, head, (ws) => accept(ws, request.socket.remoteAddress ?? ''));
  });

  // ---- WebSocket: joining and commands ----

  const send = (connection: Connection, message: ServerMessage | string) => {
    const { socket } = connection;
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > maxBufferedBytes) return socket.terminate();
    socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  };

  const bye = (connection: Connection, reason: ByeReason) => {
    send(connection, { type: 'bye', reason });
    connection.socket.close(reason === 'full' ? 1013 : 1000, reason);
  };

  const accept = (socket: WebSocket, remote: string) => {
    const connection: Connection = {
      socket,
      address: remote,
      member: null,
      invalid: 0,
      pending: 0,
      alive: true,
      queue: Promise.resolve(),
      joinTimer: undefined,
    };
    const fromAddress = [...connections].filter((other) => other.address === remote).length;
    if (connections.size >= roomLimits.connections || fromAddress >= roomLimits.connectionsPerAddress) return bye(connection, 'full');
    connections.add(connection);
    connection.joinTimer = setTimeout(() => {
      if (!connection.member) bye(connection, 'invalid');
    }, options.joinTimeoutMs ?? 10_000);
    socket.on('pong', () => (connection.alive = true));
    socket.on('message', (data: RawData, isBinary: boolean) => {
      connection.alive = true;
      if (++connection.pending > pendingMessages) return bye(connection, 'invalid');
      connection.queue = connection.queue.then(() => handle(connection, data, isBinary)).finally(() => connection.pending--);
    });
    socket.on('close', () => {
      clearTimeout(connection.joinTimer);
      connections.delete(connection);
      const member = connection.member;
      if (member && member.connection === connection) {
        member.connection = null;
        changed();
      }
    });
    socket.on('error', () => socket.terminate());
  };

  const invalid = (connection: Connection, id: unknown) => {
    if (++connection.invalid >= roomLimits.invalidMessages) return bye(connection, 'invalid');
    if (typeof id === 'string' && id.length <= roomLimits.messageIdLength)
      send(connection, { type: 'ack', id, status: 'refused', refusal: 'invalid' });
  };

  const handle = async (connection: Connection, data: RawData, isBinary: boolean): Promise<void> => {
    if (connection.socket.readyState !== connection.socket.OPEN) return;
    let parsed: unknown;
    try {
      if (isBinary) throw new Error('binary');
      parsed = JSON.parse(
        Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'),
      );
    } catch {
      return invalid(connection, undefined);
    }
    const result = phoneMessageSchema.safeParse(parsed);
    if (!result.success) return invalid(connection, (parsed as { id?: unknown } | null)?.id);
    const message = result.data;
    if (message.type === 'join') return join(connection, message);
    if (!connection.member) return invalid(connection, message.id);
    return command(connection, connection.member, message);
  };

  const recentFailures = (remote: string): number[] => {
    const since = now() - 60_000;
    const kept = (failedJoins.get(remote) ?? []).filter((at) => at > since);
    failedJoins.set(remote, kept);
    return kept;
  };

  const failedJoin = (connection: Connection, reason: ByeReason) => {
    // Addresses of a room's network are few; this only stops the list growing without end.
    if (failedJoins.size > 4096) failedJoins.clear();
    recentFailures(connection.address).push(now());
    bye(connection, reason);
  };

  const welcome = (connection: Connection, member: Member, token: string) => {
    clearTimeout(connection.joinTimer);
    // The newest connection of a device wins; the older one is stale (a locked phone, a killed tab).
    const previous = member.connection;
    connection.member = member;
    member.connection = connection;
    if (previous && previous !== connection) previous.socket.close(1000, 'replaced');
    send(connection, { type: 'welcome', token });
    options.onJoined?.(info(member));
    changed();
  };

  const join = (connection: Connection, message: JoinMessage) => {
    if (connection.member) return invalid(connection, undefined);
    const name = singleLine(message.name, roomLimits.nameLength);
    if (message.token !== undefined) {
      const tokenDigest = digest(message.token).toString('base64url');
      const member = byToken.get(tokenDigest);
      if (member) {
        if (name !== '') member.name = name;
        return welcome(connection, member, message.token);
      }
      if (revoked.has(tokenDigest)) return bye(connection, 'removed');
    }
    if (message.secret === undefined && message.code === undefined) return failedJoin(connection, 'invalid');
    if (message.secret === undefined && recentFailures(connection.address).length >= roomLimits.joinAttemptsPerMinute) {
      return bye(connection, 'tooManyAttempts');
    }
    const admitted = message.secret !== undefined ? sameSecret(message.secret, secret) : sameSecret(readCode(message.code ?? ''), code);
    if (!admitted) return failedJoin(connection, 'invalid');
    if (!joiningOpen) return bye(connection, 'joiningClosed');
    if (members.size >= roomLimits.participants) return bye(connection, 'full');
    const token = newToken();
    const member: Member = {
      id: randomBytes(9).toString('base64url'),
      tokenDigest: digest(token).toString('base64url'),
      name,
      side: message.side,
      authored: new Set(),
      submissions: 0,
      cards: { tokens: roomLimits.cards.burst, at: now() },
      votes: { tokens: roomLimits.votes.burst, at: now() },
      acks: new Map(),
      deciding: new Set(),
      connection: null,
    };
    members.set(member.id, member);
    byToken.set(member.tokenDigest, member);
    welcome(connection, member, token);
  };

  const command = async (connection: Connection, member: Member, message: CommandMessage): Promise<void> => {
    const answered = member.acks.get(message.id);
    if (answered) return send(connection, answered);
    // Its answer goes to wherever the phone is connected when the app has decided.
    if (member.deciding.has(message.id)) return;
    // Dots come in quick taps, cards in words: each has its own bucket.
    const allowed = message.type === 'vote' ? takeToken(member.votes, roomLimits.votes, now()) : takeToken(member.cards, roomLimits.cards, now());
    if (!allowed) return send(connection, ack(message.id, 'rateLimited'));
    const { id, ...roomCommand } = message;
    let answer: RoomAnswer;
    member.deciding.add(id);
    try {
      answer = await options.onCommand({ id: member.id, side: member.side, authored: member.authored }, roomCommand);
    } catch {
      return send(member.connection ?? connection, ack(id, 'failed'));
    } finally {
      member.deciding.delete(id);
    }
    const reply = answer.ok ? ack(id) : ack(id, answer.refusal);
    if (answer.ok) {
      if (answer.wrote !== undefined) member.authored.add(answer.wrote);
      if (answer.withdrew !== undefined) member.authored.delete(answer.withdrew);
      member.submissions += 1;
    }
    member.acks.set(id, reply);
    if (member.acks.size > rememberedAcks) member.acks.delete(member.acks.keys().next().value ?? '');
    // The phone may have reconnected while the app decided: answer where it is now.
    if (member.connection) send(member.connection, reply);
    if (answer.ok) changed();
  };

  const ack = (id: string, refusal?: WireRefusal): ServerMessage =>
    refusal === undefined ? { type: 'ack', id, status: 'received' } : { type: 'ack', id, status: 'refused', refusal };

  const info = (member: Member): RoomParticipantInfo => ({
    id: member.id,
    name: member.name,
    side: member.side,
    online: member.connection !== null,
    submissions: member.submissions,
    authored: [...member.authored],
  });

  // A phone that lost the Wi-Fi leaves a half-open socket: it answers no ping and is closed.
  const heartbeat = setInterval(() => {
    for (const connection of connections) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref();

  const end = () => {
    for (const connection of connections) bye(connection, 'ended');
    members.clear();
    byToken.clear();
    revoked.clear();
    failedJoins.clear();
    secret = makeSecret();
    code = makeCode();
    changed();
  };

  return {
    url: origin,
    joinUrl: () => `${origin}${roomJoinPath}#k=${secret}`,
    code: () => code,
    participants: () => [...members.values()].map(info),
    sendPersonal(participantId, personal) {
      const connection = members.get(participantId)?.connection;
      if (!connection) return false;
      send(connection, { type: 'personal', personal });
      return true;
    },
    sendBoard(participantId, board) {
      const connection = members.get(participantId)?.connection;
      if (!connection) return false;
      send(connection, { type: 'board', board });
      return true;
    },
    broadcastBoard(board) {
      // Serialised once for all phones.
      const message = JSON.stringify({ type: 'board', board } satisfies ServerMessage);
      for (const member of members.values()) if (member.connection) send(member.connection, message);
    },
    remove(participantId) {
      const member = members.get(participantId);
      if (!member) return;
      members.delete(member.id);
      byToken.delete(member.tokenDigest);
      revoked.add(member.tokenDigest);
      if (member.connection) bye(member.connection, 'removed');
      changed();
    },
    closeJoining() {
      joiningOpen = false;
    },
    openJoining() {
      joiningOpen = true;
    },
    newCode() {
      secret = makeSecret();
      code = makeCode();
    },
    end,
    async close() {
      const closed = [...connections].map((connection) => new Promise((resolve) => connection.socket.once('close', resolve)));
      end();
      clearInterval(heartbeat);
      // The phones get a moment to read their bye; a silent one is cut off.
      await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      for (const connection of connections) connection.socket.terminate();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}
