/** The wire messages between a phone and the room server, and their limits. docs/ARCHITECTURE.md, "Phones in the room". */
import { maxCardTitleLength, type Department } from './model';
import type { RoomCommand, RoomRefusal } from './room';
import type { PhoneBoard, PhonePersonal } from './room-view';

/** Types only and constants: the phone app imports this file, so it bundles no validation library. */
export const roomLimits = {
  /** Largest message either side accepts; a bigger one closes the connection (ws close 1009). */
  maxPayloadBytes: 16 * 1024,
  titleLength: maxCardTitleLength,
  nameLength: 60,
  /** A phone's own id for a message, echoed in its ack so it can show "sent → received". */
  messageIdLength: 64,
  /** Invalid messages a connection may send before it is closed. */
  invalidMessages: 3,
  connections: 100,
  /** Phones the room remembers, online or not. */
  participants: 100,
  connectionsPerAddress: 6,
  /** Failed joins per address and minute; after that, joins by code wait. */
  joinAttemptsPerMinute: 5,
  /** Cards: a burst of 5, then one every 2 s. */
  cards: { burst: 5, refillMs: 2000 },
  /** Votes: 5 a second. */
  votes: { burst: 5, refillMs: 200 },
} as const;

/** The path of the WebSocket, next to the phone app's files. */
export const roomSocketPath = '/room';
/** The short path the QR code points at; the room secret follows in the fragment (`#k=`). */
export const roomJoinPath = '/j';

/**
 * A phone joins with the room secret (from the QR code's fragment) or the typed code; with its
 * device token alone it rejoins after a reload, even when joining is closed.
 */
export interface JoinMessage {
  readonly type: 'join';
  readonly secret?: string;
  readonly code?: string;
  readonly token?: string;
  readonly name: string;
  readonly side: Department;
}

/** A command of core/room.ts with the phone's own message id. */
export type CommandMessage = RoomCommand & { readonly id: string };

export type PhoneMessage = JoinMessage | CommandMessage;

/** Why a command was refused: the room's rule (core/room.ts), the server's limits, or a failure in the app. */
export type WireRefusal = RoomRefusal | 'rateLimited' | 'invalid' | 'failed';

export type ByeReason = 'removed' | 'ended' | 'joiningClosed' | 'invalid' | 'full' | 'tooManyAttempts';

export type ServerMessage =
  | { readonly type: 'welcome'; readonly token: string }
  | { readonly type: 'ack'; readonly id: string; readonly status: 'received' | 'refused'; readonly refusal?: WireRefusal }
  /** The public board, the same for every phone. */
  | { readonly type: 'board'; readonly board: PhoneBoard }
  /** This phone's own part of the view. */
  | { readonly type: 'personal'; readonly personal: PhonePersonal }
  | { readonly type: 'bye'; readonly reason: ByeReason };
