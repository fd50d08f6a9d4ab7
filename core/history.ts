/**
 * Undo/redo over operations. Each entry keeps the operation and the document it was applied to:
 * undo restores that document (structural sharing keeps this cheap), redo re-applies the
 * operation, which is deterministic because operations carry their ids and times.
 * Runtime operations (the active block, the timer) change the document but are no undo steps:
 * undo brings back content, and the room stays where it is in the agenda with its clock running.
 * The reason given for a move right after it joins the move's step: one undo puts the card back.
 */
import { applyOperation, isRuntimeOperation, withRuntimeOf, type Operation } from './operations';
import type { Session } from './model';

export interface HistoryEntry {
  readonly operation: Operation;
  /** Operations folded into this step after it (the reason for a move), re-applied on redo. */
  readonly followUps?: readonly Operation[];
  readonly before: Session;
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

export function undo(history: History): History {
  const entry = history.past.at(-1);
  if (!entry) return history;
  return { present: withRuntimeOf(entry.before, history.present), past: history.past.slice(0, -1), future: [...history.future, entry] };
}

export function redo(history: History): History {
  const entry = history.future.at(-1);
  if (!entry) return history;
  const present = (entry.followUps ?? []).reduce(applyOperation, applyOperation(history.present, entry.operation));
  return {
    present,
    past: [...history.past, entry],
    future: history.future.slice(0, -1),
  };
}
