/**
 * The phone's state and the one reducer that moves it: joining, the room's messages, the
 * connection, the outbox. Pure, so it is tested without a browser. docs/ARCHITECTURE.md, "Phones in the room".
 */
import type { Department } from '../../core/model';
import type { RoomCommand } from '../../core/room';
import type { ByeReason, JoinMessage, ServerMessage, WireRefusal } from '../../core/room-protocol';
import type { PhoneBoard, PhonePersonal } from '../../core/room-view';
import { abandon, acknowledge, connectionLost, dismiss, markSent, queue, type Outbox } from './outbox';

/** How the phone is in the room: the join form, on its way in, in, or out for good. */
export type Stage = 'join' | 'joining' | 'room' | 'removed' | 'ended' | 'replaced';

export type Connection = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Why the join form shows again. */
export type JoinProblem = Exclude<ByeReason, 'removed' | 'ended' | 'invalid'> | 'wrongCode' | 'expired';

export interface Credentials {
  readonly token?: string;
  readonly secret?: string;
  readonly code?: string;
  readonly name: string;
  readonly side: Department;
}

export interface PhoneState {
  readonly stage: Stage;
  readonly connection: Connection;
  /** The phone was in the room on this connection's predecessor, so a drop reads "reconnecting". */
  readonly wasConnected: boolean;
  readonly credentials: Credentials | null;
  /** The room secret read from the QR code's fragment (kept in memory only). */
  readonly secret: string | null;
  readonly problem: JoinProblem | null;
  /** Until when joins by code wait (after too many wrong codes), in ms since the epoch. */
  readonly waitUntil: number;
  readonly board: PhoneBoard | null;
  readonly personal: PhonePersonal | null;
  readonly outbox: Outbox;
  /** The last refused dot, for a moment's message beside the dots. */
  readonly voteRefusal: WireRefusal | null;
}

export type PhoneEvent =
  | { readonly type: 'join'; readonly code?: string; readonly name: string; readonly side: Department }
  | { readonly type: 'connecting'; readonly online: boolean }
  | { readonly type: 'server'; readonly message: ServerMessage; readonly now: number }
  | { readonly type: 'closed'; readonly online: boolean; readonly replaced: boolean }
  | { readonly type: 'offline' }
  | { readonly type: 'submit'; readonly id: string; readonly command: RoomCommand }
  | { readonly type: 'sent'; readonly ids: readonly string[] }
  /** "Use this phone here" after another tab took over, or "join again" after the room ended. */
  | { readonly type: 'resume' }
  | { readonly type: 'joinAgain' }
  /** A settled submission leaves the list ("back into the field"). */
  | { readonly type: 'dismiss'; readonly id: string };

/** Waiting after too many wrong codes: the server counts failures over a minute. */
export const tooManyAttemptsWaitMs = 60_000;

export function initialState(stored: { token?: string; name?: string; side?: Department; outbox?: Outbox }, secret: string | null): PhoneState {
  const rejoin = stored.token !== undefined && stored.side !== undefined;
  return {
    stage: rejoin ? 'joining' : 'join',
    connection: 'idle',
    wasConnected: false,
    // A phone that scans the QR code again joins with its token, or by the secret when the room no longer knows the token.
    credentials: rejoin
      ? { token: stored.token, ...(secret !== null ? { secret } : {}), name: stored.name ?? '', side: stored.side ?? 'other' }
      : null,
    secret,
    problem: null,
    waitUntil: 0,
    board: null,
    personal: null,
    outbox: stored.outbox ?? [],
    voteRefusal: null,
  };
}

/** The join message for the current credentials: the device token first, the secret or code for a first join. */
export function joinMessage(state: PhoneState): JoinMessage | null {
  const credentials = state.credentials;
  if (!credentials) return null;
  const { token, secret, code, name, side } = credentials;
  return {
    type: 'join',
    ...(token !== undefined ? { token } : {}),
    ...(secret !== undefined ? { secret } : code !== undefined ? { code } : {}),
    name,
    side,
  };
}

/** Whether the phone should hold a connection to the room (and so reconnect when it drops). */
export function wantsConnection(state: PhoneState): boolean {
  return state.credentials !== null && (state.stage === 'joining' || state.stage === 'room');
}

export function reduce(state: PhoneState, event: PhoneEvent): PhoneState {
  switch (event.type) {
    case 'join': {
      const secret = event.code === undefined ? state.secret : null;
      if (secret === null && event.code === undefined) return state;
      const credentials: Credentials = {
        name: event.name,
        side: event.side,
        ...(secret !== null ? { secret } : { code: event.code }),
      };
      return { ...state, stage: 'joining', credentials, problem: null, connection: 'idle' };
    }
    case 'connecting':
      return { ...state, connection: !event.online ? 'offline' : state.wasConnected ? 'reconnecting' : 'connecting' };
    case 'offline':
      return { ...state, connection: wantsConnection(state) ? 'offline' : state.connection, outbox: connectionLost(state.outbox) };
    case 'closed': {
      const outbox = connectionLost(state.outbox);
      if (event.replaced && state.stage === 'room') return { ...state, stage: 'replaced', connection: 'idle', outbox };
      if (!wantsConnection(state)) return { ...state, connection: 'idle', outbox };
      return { ...state, connection: event.online ? (state.wasConnected ? 'reconnecting' : 'connecting') : 'offline', outbox };
    }
    case 'submit':
      return {
        ...state,
        outbox: queue(state.outbox, event.id, event.command),
        voteRefusal: event.command.type === 'vote' ? null : state.voteRefusal,
      };
    case 'sent':
      return { ...state, outbox: markSent(state.outbox, event.ids) };
    case 'resume':
      return state.stage === 'replaced' ? { ...state, stage: 'joining', connection: 'idle' } : state;
    case 'joinAgain':
      return state.stage === 'ended' || state.stage === 'removed' ? { ...state, stage: 'join', problem: null } : state;
    case 'dismiss':
      return { ...state, outbox: dismiss(state.outbox, event.id) };
    case 'server':
      return receive(state, event.message, event.now);
  }
}

function receive(state: PhoneState, message: ServerMessage, now: number): PhoneState {
  switch (message.type) {
    case 'welcome': {
      const credentials = state.credentials;
      if (!credentials) return state;
      // From now on the device token alone brings this phone back; the secret and code are no longer needed.
      return {
        ...state,
        stage: 'room',
        connection: 'connected',
        wasConnected: true,
        problem: null,
        credentials: { token: message.token, name: credentials.name, side: credentials.side },
        secret: null,
      };
    }
    case 'ack': {
      const entry = state.outbox.find((candidate) => candidate.id === message.id);
      const outbox = acknowledge(state.outbox, message.id, message.status, message.refusal);
      const refusedVote = entry?.command.type === 'vote' && message.status === 'refused';
      return { ...state, outbox, voteRefusal: refusedVote ? (message.refusal ?? 'failed') : state.voteRefusal };
    }
    case 'board':
      return { ...state, board: message.board };
    case 'personal':
      return { ...state, personal: message.personal };
    case 'bye':
      return farewell(state, message.reason, now);
  }
}

function farewell(state: PhoneState, reason: ByeReason, now: number): PhoneState {
  const out = { ...state, connection: 'idle' as const, board: null, personal: null, wasConnected: false };
  const joinForm = (problem: JoinProblem, credentials: Credentials | null): PhoneState => ({
    ...out,
    stage: 'join',
    problem,
    credentials,
    // A wrong or spent secret is no use for the next try: the form asks for the code.
    secret: null,
  });
  const onlyToken = state.credentials?.token !== undefined && state.credentials.secret === undefined && state.credentials.code === undefined;
  switch (reason) {
    case 'removed':
      return { ...out, stage: 'removed', credentials: null, outbox: abandon(state.outbox) };
    case 'ended':
      return { ...out, stage: 'ended', credentials: null, outbox: abandon(state.outbox) };
    case 'invalid':
      // A token the room no longer knows (the room was started anew) or a wrong code or link.
      return joinForm(onlyToken ? 'expired' : 'wrongCode', null);
    case 'full':
      // A joined phone keeps its place and tries again; a new one is told the room is full.
      return state.credentials?.token !== undefined ? { ...state, connection: 'reconnecting' } : joinForm('full', null);
    case 'joiningClosed':
      return joinForm('joiningClosed', null);
    case 'tooManyAttempts':
      return { ...joinForm('tooManyAttempts', null), waitUntil: now + tooManyAttemptsWaitMs };
  }
}
