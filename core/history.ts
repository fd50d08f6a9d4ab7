/** Undo/redo over operations: the facilitator's steps only. docs/ARCHITECTURE.md, "Layers and arrows". */
import { applyOperation, isRuntimeOperation, withRuntimeOf, type Operation } from './operations';
import type { Session } from './model';

export interface HistoryEntry {
  readonly operation: Operation;
  /** Operations folded into this step after it (the reason for a move), re-applied on redo. */
  readonly followUps?: readonly Operation[];
  readonly before: Session;
  /** What the room's phones did after this step, replayed on `before` when the step is undone. */
  readonly roomAfter?: readonly Operation[];
}

export interface History {
  readonly present: Session;
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];
}

export function startHistory(session: Session): History {
  return { present: session, past: [], future: [] };
}

/** Applies an operation; a no-op leaves the history untouched so undo never "does nothing". */
export function commit(history: History, operation: Operation): History {
  const next = applyOperation(history.present, operation);
  if (next === history.present) return history;
  if (isRuntimeOperation(operation)) return { ...history, present: next };
  const last = history.past.at(-1);
  if (last && isReasonForMove(operation, last)) {
    const merged: HistoryEntry = { ...last, followUps: [...(last.followUps ?? []), operation] };
    return { present: next, past: [...history.past.slice(0, -1), merged], future: [] };
  }
  return { present: next, past: [...history.past, { operation, before: history.present }], future: [] };
}

/** Whether `operation` gives (or changes) the reason for the move the step `entry` made. */
function isReasonForMove(operation: Operation, entry: HistoryEntry): boolean {
  const move = entry.operation;
  if (operation.type !== 'setMoveReason' || move.type !== 'moveCard' || move.cardId !== operation.cardId) return false;
  // The move record the step added is the one after those the card had before it.
  return (entry.before.cards[move.cardId]?.moves.length ?? -1) === operation.moveIndex;
}

/**
 * Applies what a participant's phone did (core/room.ts). It is no undo step, and no undo takes it
 * back: each facilitator step keeps the room's operations that came after it, and undoing the
 * step replays them on the document it restores.
 */
export function commitFromRoom(history: History, operation: Operation): History {
  const next = applyOperation(history.present, operation);
  if (next === history.present) return history;
  const last = history.past.at(-1);
  if (!last) return { ...history, present: next };
  const kept: HistoryEntry = { ...last, roomAfter: [...(last.roomAfter ?? []), operation] };
  return { ...history, present: next, past: [...history.past.slice(0, -1), kept] };
}

export function undo(history: History): History {
  const entry = history.past.at(-1);
  if (!entry) return history;
  const room = entry.roomAfter ?? [];
  const restored = room.reduce(applyOperation, entry.before);
  const { roomAfter: _replayed, ...undone } = entry;
  // The room's operations happened after the step before this one too: it keeps them for its own undo.
  const previous = history.past.at(-2);
  const past = history.past.slice(0, -1);
  if (previous && room.length > 0) past[past.length - 1] = { ...previous, roomAfter: [...(previous.roomAfter ?? []), ...room] };
  return { present: withRuntimeOf(restored, history.present), past, future: [...history.future, undone] };
}

export function redo(history: History): History {
  const entry = history.future.at(-1);
  if (!entry) return history;
  const present = (entry.followUps ?? []).reduce(applyOperation, applyOperation(history.present, entry.operation));
  // Undone again later, the step restores the document as it is now, the room's work included.
  return {
    present,
    past: [...history.past, { ...entry, before: history.present }],
    future: history.future.slice(0, -1),
  };
}
