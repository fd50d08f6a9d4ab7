/**
 * How autosave reaches main: the whole session once, then only what changed since main's last save.
 * docs/ARCHITECTURE.md, "Sessions on disk".
 */
import type { NahtstelleApi, SavedState, SessionSaved } from '../../../core/api';
import type { Session } from '../../../core/model';
import { sessionChanges } from '../../../core/session-changes';

type SaveVerbs = Pick<NahtstelleApi, 'saveSession' | 'saveSessionChanges'>;

/**
 * A save function for startAutosave. After a save of a file it sends the changes to that version;
 * when main no longer holds it (null), the whole session goes as before. A failed save keeps the
 * last version, so a retry sends the changes from there again.
 */
export function createSessionSaver(api: SaveVerbs): (path: string, session: Session) => Promise<SavedState> {
  let last: { readonly path: string; readonly revision: string; readonly session: Session } | null = null;
  return async (path, session) => {
    const base = last?.path === path ? last : null;
    let saved: SessionSaved | null = base ? await api.saveSessionChanges(path, sessionChanges(base.session, base.revision, session)) : null;
    saved ??= await api.saveSession(path, session);
    last = { path, revision: saved.revision, session };
    return saved;
  };
}
