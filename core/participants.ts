/**
 * Filling the participants' list fast (session details): the next row takes the side of the row
 * before it, and a pasted list becomes one row per line. Pure. docs/ARCHITECTURE.md, "Layers and arrows".
 */
import type { Department, Participant } from './model';

/**
 * The names in pasted text: one per line, trimmed, empty lines dropped. From a spreadsheet only
 * the first column is taken (cells are separated by tabs), so a copied table of names and
 * departments still yields the names.
 */
export function namesInPastedText(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.split('\t')[0] ?? '').trim())
    .filter((name) => name !== '');
}

/** The side a new row starts with: that of the row it follows, Marketing for the first. */
export function sideForNextRow(participants: readonly Participant[], afterId: string | null): Department {
  const after = afterId === null ? participants.at(-1) : participants.find((p) => p.id === afterId);
  return after?.department ?? 'marketing';
}

/**
 * The list with new rows for `names` right after the row `afterId` (at the end when null or not
 * found), each on that row's side. `newId` makes the ids, so a caller (and a test) decides them.
 */
export function withRowsAfter(
  participants: readonly Participant[],
  afterId: string | null,
  names: readonly string[],
  newId: () => string,
): Participant[] {
  const department = sideForNextRow(participants, afterId);
  const rows = names.map((name) => ({ id: newId(), name, department }));
  const index = afterId === null ? -1 : participants.findIndex((p) => p.id === afterId);
  const at = index < 0 ? participants.length : index + 1;
  return [...participants.slice(0, at), ...rows, ...participants.slice(at)];
}
