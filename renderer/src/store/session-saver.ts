/**
 * How autosave reaches main: only what changed since the version main holds, else the whole session.
 * docs/ARCHITECTURE.md, "Sessions on disk".
 */
import type { NahtstelleApi, OpenedSession, SavedState, SessionSaved } from '../../../core/api';
import type { Session } from '../../../core/model';
import { sessionChanges } from '../../../core/session-changes';

type SaveVerbs = Pick<NahtstelleApi, 'saveSession' | 'saveSessionChanges'>;

/** The version of the open session main last read or saved, as this window sent or received it. */
let version: { readonly path: string; readonly revision: string; readonly session: Session } | null = null;

/** A session just opened is the version main read: the first autosave sends its changes. */
export function openedVersion(opened: OpenedSession): void {
  version = opened.revision === undefined ? null : { path: opened.path, revision: opened.revision, session: opened.session };
}

/**
 * Saves the open session: as its changes to the version main holds of that file, or whole when
 * there is none or main no longer holds it (it answers null). A failed save keeps the version, so a
 * retry sends the changes from there.
 */
export async function saveOpenSession(api: SaveVerbs, path: string, session: Session): Promise<SavedState> {
  const base = version?.path === path ? version : null;
  let saved: SessionSaved | null = base ? await api.saveSessionChanges(path, sessionChanges(base.session, base.revision, session)) : null;
  saved ??= await api.saveSession(path, session);
  version = { path, revision: saved.revision, session };
  return saved;
}
