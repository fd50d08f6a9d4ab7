/**
 * What the startup state puts into the stores: the same for the app's first render (main.tsx) and
 * for the first frame rendered ahead of it (first-frame.tsx). docs/ARCHITECTURE.md, "The first frame".
 */
import type { Language, StartupState } from '../../core/api';
import { languageForLocale } from './i18n';
import { useApp } from './store/app-store';
import { useBoard } from './store/board-store';
import { openSession } from './store/session-lifecycle';
import { useNotices } from './ui/notices';

/** The UI language the startup state asks for: the chosen one, else the system's. */
export function startupLanguage(startup: StartupState): Language {
  return startup.preferences.language ?? languageForLocale(startup.systemLocale);
}

/** The preferences, the reopened session (or why it could not be), and the one-time notices. */
export function takeStartupState(startup: StartupState): void {
  useApp.setState({ systemLanguage: languageForLocale(startup.systemLocale), preferences: startup.preferences });
  if (startup.session) openSession(startup.session);
  if (startup.problem) useBoard.getState().reportProblem(startup.problem);
  const preferencesProblem = startup.preferencesProblem;
  if (preferencesProblem) {
    useNotices
      .getState()
      .add(preferencesProblem.kind === 'damaged' ? { kind: 'preferencesDamaged', file: preferencesProblem.keptAs } : { kind: 'preferencesNotSaved' });
  }
}
