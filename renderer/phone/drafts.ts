/** Text typed but not yet taken by the room: where a refused text goes back to. docs/ARCHITECTURE.md, "Phones in the room". */
import type { OutboxEntry } from './outbox';
import type { Drafts } from './storage';

/**
 * A refused submission's words go back into their field, so nothing typed is lost: into an empty
 * field as they are, after what is there otherwise. An edit reopens its card's editor.
 */
export function restoreRefused(drafts: Drafts, entry: OutboxEntry): Drafts {
  const join = (current: string, title: string): string =>
    current.trim() === '' ? title : current.includes(title) ? current : `${current} ${title}`;
  const { command } = entry;
  switch (command.type) {
    case 'addTopic':
      return { ...drafts, topic: join(drafts.topic, command.title) };
    case 'addCaricature':
      return { ...drafts, caricature: join(drafts.caricature, command.title) };
    case 'editCaricature':
      return { ...drafts, edits: { ...drafts.edits, [command.cardId]: join(drafts.edits[command.cardId] ?? '', command.title) } };
    default:
      return drafts;
  }
}
