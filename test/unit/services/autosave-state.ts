/**
 * The states the crash test's child process autosaves: state k is a session whose title carries k
 * and whose card count (and so file size) changes with k, so a torn or mixed write cannot pass
 * for a valid state. Shared by the child (autosave-child.ts) and the test.
 */
import { createDemoSession } from '../../../core/demo';
import type { Session } from '../../../core/model';

const titlePrefix = 'Autosave ';

export function autosaveState(k: number): Session {
  const board = createDemoSession((k * 37) % 120);
  return { ...board, id: 'autosave-crash-test', details: { ...board.details, title: `${titlePrefix}${k}`, client: 'Müller GmbH', place: 'Köln' } };
}

/** k of a state written by autosaveState, or NaN for anything else. */
export function autosaveCounter(session: Session): number {
  const { title } = session.details;
  return title.startsWith(titlePrefix) ? Number(title.slice(titlePrefix.length)) : Number.NaN;
}
