/**
 * Drafts: text typed into a field, written with the document before the field commits it.
 * docs/ARCHITECTURE.md, "Sessions on disk"; design: docs/reliability.md, "The loss bound: one second, drafts included".
 */
import { useEffect, useId, useMemo } from 'react';
import { applyOperation, type Operation } from '../../../core/operations';
import type { Session } from '../../../core/model';
import { captureOperations } from './board-store';

type Commit = () => void;

const drafts = new Map<string, Commit>();
const listeners = new Set<() => void>();
let version = 0;

function changed(): void {
  version++;
  for (const listener of listeners) listener();
}

/** Counts every change of the drafts: autosave compares it with the count it last wrote. */
export function draftVersion(): number {
  return version;
}

export function onDraftsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setDraft(key: string, commit: Commit): void {
  drafts.set(key, commit);
  changed();
}

export function clearDraft(key: string): void {
  if (drafts.delete(key)) changed();
}

export function hasDrafts(): boolean {
  return drafts.size > 0;
}

/** The session as it would be with every draft committed: what autosave writes. */
export function withDrafts(session: Session): Session {
  if (drafts.size === 0) return session;
  let operations: Operation[] = [];
  for (const commit of drafts.values()) operations = operations.concat(captureOperations(commit));
  let result = session;
  for (const operation of operations) {
    try {
      result = applyOperation(result, operation);
    } catch {
      // A draft for something gone meanwhile (a card deleted by undo) has nothing left to change.
    }
  }
  return result;
}

/** Commits every draft into the document (one undo step each), as leaving the field would. */
export function commitDrafts(): void {
  const pending = [...drafts.values()];
  drafts.clear();
  for (const commit of pending) commit();
  if (pending.length > 0) changed();
}

/**
 * For a field that commits on blur: `update(commit)` on every keystroke records what committing
 * now would do; `done()` when the field committed (or was reset). Cleared when the field goes away.
 */
export function useDraft(): { update(commit: Commit): void; done(): void } {
  const key = useId();
  useEffect(() => () => clearDraft(key), [key]);
  return useMemo(() => ({ update: (commit: Commit) => setDraft(key, commit), done: () => clearDraft(key) }), [key]);
}
