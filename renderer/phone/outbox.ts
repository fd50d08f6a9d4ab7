/**
 * The phone's outbox: every command with its own message id, from typed to sent to received or
 * refused. Unsettled ones are sent again, with the same id, after a reconnect (the server answers
 * an id it has seen with the same ack). docs/ARCHITECTURE.md, "Phones in the room".
 */
import type { RoomCommand } from '../../core/room';
import type { WireRefusal } from '../../core/room-protocol';

/** waiting: not on the wire yet (offline, or before the reconnect) · sent: on the wire, no answer yet. */
export type DeliveryStatus = 'waiting' | 'sent' | 'received' | 'refused' | 'undelivered';

export interface OutboxEntry {
  readonly id: string;
  readonly command: RoomCommand;
  readonly status: DeliveryStatus;
  readonly refusal?: WireRefusal;
}

export type Outbox = readonly OutboxEntry[];

/** Settled entries kept for the "received" list; unsettled ones are never dropped. */
const keptSettled = 12;

const unsettledStatus = (status: DeliveryStatus): boolean => status === 'waiting' || status === 'sent';
export const isUnsettled = (entry: OutboxEntry): boolean => unsettledStatus(entry.status);

export function queue(outbox: Outbox, id: string, command: RoomCommand): Outbox {
  return trim([...outbox, { id, command, status: 'waiting' }]);
}

/** The entries to put on the wire, oldest first. */
export function toSend(outbox: Outbox): OutboxEntry[] {
  return outbox.filter(isUnsettled);
}

export function markSent(outbox: Outbox, ids: readonly string[]): Outbox {
  return outbox.map((entry) => (entry.status === 'waiting' && ids.includes(entry.id) ? { ...entry, status: 'sent' } : entry));
}

/** An ack settles its entry; an ack for an id the phone does not know (or already settled) changes nothing. */
export function acknowledge(outbox: Outbox, id: string, status: 'received' | 'refused', refusal?: WireRefusal): Outbox {
  return trim(
    outbox.map((entry) =>
      entry.id === id && isUnsettled(entry)
        ? status === 'received'
          ? { id, command: entry.command, status }
          : { id, command: entry.command, status, refusal: refusal ?? 'failed' }
        : entry,
    ),
  );
}

/** The connection dropped: what was on the wire is sent again once the phone is back. */
export function connectionLost(outbox: Outbox): Outbox {
  return outbox.map((entry) => (entry.status === 'sent' ? { ...entry, status: 'waiting' } : entry));
}

/** The room ended or put the phone out: nothing unsettled can arrive any more; its words stay visible. */
export function abandon(outbox: Outbox): Outbox {
  return outbox.flatMap((entry) =>
    !isUnsettled(entry) ? [entry] : entry.command.type === 'vote' ? [] : [{ ...entry, status: 'undelivered' as const }],
  );
}

export function dismiss(outbox: Outbox, id: string): Outbox {
  return outbox.filter((entry) => entry.id !== id || isUnsettled(entry));
}

function trim(outbox: Outbox): Outbox {
  let surplus = outbox.filter((entry) => !isUnsettled(entry)).length - keptSettled;
  return surplus <= 0 ? outbox : outbox.filter((entry) => isUnsettled(entry) || surplus-- <= 0);
}

/** What survives a reload: everything but dots (a dot tap is only worth sending while the phone looks at the board). */
export function persistedOutbox(outbox: Outbox): Outbox {
  return outbox.filter((entry) => entry.command.type !== 'vote').map((entry) => (entry.status === 'sent' ? { ...entry, status: 'waiting' } : entry));
}

const statuses: readonly string[] = ['waiting', 'sent', 'received', 'refused', 'undelivered'];

/** Reads a stored outbox back, keeping only entries of a shape this app wrote. */
export function readOutbox(stored: unknown): Outbox {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item: unknown): OutboxEntry[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { id, command, status, refusal } = item as Record<string, unknown>;
    if (typeof id !== 'string' || typeof status !== 'string' || !statuses.includes(status) || !isStoredCommand(command)) return [];
    const entry = { id, command, status: status as DeliveryStatus };
    return [typeof refusal === 'string' ? { ...entry, refusal: refusal as WireRefusal } : entry];
  });
}

function isStoredCommand(command: unknown): command is RoomCommand {
  if (typeof command !== 'object' || command === null) return false;
  const { type, title, cardId } = command as Record<string, unknown>;
  switch (type) {
    case 'addTopic':
    case 'addCaricature':
      return typeof title === 'string';
    case 'editCaricature':
      return typeof title === 'string' && typeof cardId === 'string';
    case 'withdrawCaricature':
      return typeof cardId === 'string';
    default:
      return false;
  }
}
