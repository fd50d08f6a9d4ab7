/**
 * The phone's connection to the room: opens the WebSocket, joins (with the device token after a
 * reload), sends the outbox, reconnects by itself, and keeps what must survive in localStorage.
 * The browser's parts come in as `ClientDeps`, so tests drive it with a fake socket and clock.
 * docs/ARCHITECTURE.md, "Phones in the room".
 */
import type { Department } from '../../core/model';
import type { RoomCommand } from '../../core/room';
import type { ServerMessage } from '../../core/room-protocol';
import { reconnectDelay } from './backoff';
import { newMessageId } from './message-id';
import { restoreRefused } from './drafts';
import { isUnsettled, toSend } from './outbox';
import { initialState, joinMessage, reduce, wantsConnection, type PhoneEvent, type PhoneState } from './state';
import { readStored, storeDrafts, storeIdentity, storeOutbox, type Drafts, type KeyValueStore } from './storage';

/** The part of the browser's WebSocket the client uses (a test passes a fake). */
export type SocketLike = Pick<WebSocket, 'readyState' | 'onopen' | 'onmessage' | 'onclose' | 'onerror' | 'send' | 'close'>;

export interface ClientDeps {
  readonly url: string;
  readonly openSocket: (url: string) => SocketLike;
  readonly store: KeyValueStore;
  readonly getRandomValues: (bytes: Uint8Array) => Uint8Array;
  readonly random: () => number;
  readonly now: () => number;
  readonly online: () => boolean;
  readonly setTimer: (run: () => void, ms: number) => unknown;
  readonly clearTimer: (timer: unknown) => void;
}

/** No answer this long to a join or a command: the connection is taken as dead and made anew. */
export const answerTimeoutMs = 10_000;
const open = 1;

export class PhoneClient {
  private state: PhoneState;
  private drafts: Drafts;
  private profile: { name: string; side: Department } | null;
  private socket: SocketLike | null = null;
  private attempt = 0;
  private retryTimer: unknown = null;
  private answerTimer: unknown = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly deps: ClientDeps,
    secret: string | null,
  ) {
    const stored = readStored(deps.store);
    this.state = initialState(stored, secret);
    this.drafts = stored.drafts;
    this.profile = stored.side !== undefined ? { name: stored.name ?? '', side: stored.side } : null;
  }

  getState(): PhoneState {
    return this.state;
  }

  getDrafts(): Drafts {
    return this.drafts;
  }

  /** The name and side this phone joined with last, to fill the join form again. */
  getProfile(): { name: string; side: Department } | null {
    return this.profile;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Connects if the phone has a place in the room (a stored device token). */
  start(): void {
    if (wantsConnection(this.state)) this.connect();
  }

  join(form: { code?: string; name: string; side: Department }): void {
    this.dispatch({ type: 'join', ...form });
    this.connectNow();
  }

  /** Queues a command with a fresh id and sends it now if the phone is in the room. */
  submit(command: RoomCommand): string {
    const id = newMessageId(this.deps.getRandomValues);
    this.dispatch({ type: 'submit', id, command });
    if (this.state.stage === 'room' && this.socket?.readyState === open) this.flush(false);
    return id;
  }

  setDrafts(drafts: Drafts): void {
    this.drafts = drafts;
    storeDrafts(this.deps.store, drafts);
    this.notify();
  }

  /** Puts a refused or undelivered text back into its field and takes it off the list. */
  takeBack(id: string): void {
    const entry = this.state.outbox.find((candidate) => candidate.id === id && !isUnsettled(candidate));
    if (!entry) return;
    this.setDrafts(restoreRefused(this.drafts, entry));
    this.dispatch({ type: 'dismiss', id });
  }

  resume(): void {
    this.dispatch({ type: 'resume' });
    this.connectNow();
  }

  joinAgain(): void {
    this.dispatch({ type: 'joinAgain' });
  }

  /** The page is shown again or the network is back: try at once; `fresh` drops a connection that may have died while the phone slept. */
  wake(fresh: boolean): void {
    if (!wantsConnection(this.state)) return;
    if (fresh || this.socket?.readyState !== open) this.connectNow();
  }

  /** The browser says the network is gone: the socket is of no use until it is back. */
  wentOffline(): void {
    this.drop();
    this.dispatch({ type: 'offline' });
    // Browsers do not always say when the network is back: keep knocking, more and more slowly.
    this.retryLater();
  }

  private connectNow(): void {
    this.attempt = 0;
    this.connect();
  }

  private connect(): void {
    this.drop();
    if (!wantsConnection(this.state)) return;
    this.dispatch({ type: 'connecting', online: this.deps.online() });
    let socket: SocketLike;
    try {
      socket = this.deps.openSocket(this.deps.url);
    } catch {
      this.retryLater();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      const join = joinMessage(this.state);
      if (!join) return socket.close();
      socket.send(JSON.stringify(join));
      this.expectAnswer();
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket) return;
      const message = parse(event.data);
      if (message) this.receive(message);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearAnswerTimer();
      this.dispatch({ type: 'closed', online: this.deps.online(), replaced: event.reason === 'replaced' });
      this.retryLater();
    };
    socket.onerror = () => undefined;
  }

  /** Forgets the current socket without reacting to its close. */
  private drop(): void {
    if (this.retryTimer !== null) this.deps.clearTimer(this.retryTimer);
    this.retryTimer = null;
    this.clearAnswerTimer();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = null;
      try {
        socket.close();
      } catch {
        // Already closing.
      }
    }
  }

  private retryLater(): void {
    if (!wantsConnection(this.state) || this.retryTimer !== null) return;
    const delay = reconnectDelay(this.attempt++, this.deps.random());
    this.retryTimer = this.deps.setTimer(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  private receive(message: ServerMessage): void {
    this.clearAnswerTimer();
    const before = this.state.outbox;
    this.dispatch({ type: 'server', message, now: this.deps.now() });
    if (message.type === 'ack' && message.status === 'refused') {
      const entry = before.find((candidate) => candidate.id === message.id && isUnsettled(candidate));
      if (entry) this.setDrafts(restoreRefused(this.drafts, entry));
    }
    if (message.type === 'welcome') {
      this.attempt = 0;
      // A new connection: nothing of the old one's is on this wire, whatever it last showed.
      this.flush(true);
    }
    if (toSend(this.state.outbox).some((entry) => entry.status === 'sent')) this.expectAnswer();
  }

  /** Sends the waiting entries, or (`all`, after a welcome) every unsettled one, each with its own id. */
  private flush(all: boolean): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== open) return;
    const entries = toSend(this.state.outbox).filter((entry) => all || entry.status === 'waiting');
    if (entries.length === 0) return;
    for (const entry of entries) socket.send(JSON.stringify({ ...entry.command, id: entry.id }));
    this.dispatch({ type: 'sent', ids: entries.map((entry) => entry.id) });
    this.expectAnswer();
  }

  /** A silent room after a join or a command means a dead connection (a phone that slept, a router that dropped it). */
  private expectAnswer(): void {
    if (this.answerTimer !== null) return;
    this.answerTimer = this.deps.setTimer(() => {
      this.answerTimer = null;
      this.connectNow();
    }, answerTimeoutMs);
  }

  private clearAnswerTimer(): void {
    if (this.answerTimer !== null) this.deps.clearTimer(this.answerTimer);
    this.answerTimer = null;
  }

  private dispatch(event: PhoneEvent): void {
    const before = this.state;
    this.state = reduce(before, event);
    if (this.state === before) return;
    const credentials = this.state.credentials;
    if (credentials) this.profile = { name: credentials.name, side: credentials.side };
    if (credentials !== before.credentials) storeIdentity(this.deps.store, credentials?.token, this.profile);
    if (this.state.outbox !== before.outbox) storeOutbox(this.deps.store, this.state.outbox);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** A server message, or null for anything that is not one (the server is trusted, but a proxy or a bug is not). */
function parse(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const message: unknown = JSON.parse(data);
    return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string'
      ? (message as ServerMessage)
      : null;
  } catch {
    return null;
  }
}
