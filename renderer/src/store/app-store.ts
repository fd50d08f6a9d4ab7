/** App-wide settings the UI shows: the preferences main keeps, and the system's language. docs/ARCHITECTURE.md, "Layers and arrows". */
import { create } from './create-store';
import type { Language, Preferences, Theme } from '../../../core/api';
import type { AudienceTheme } from '../../../core/audience';

export interface AppState {
  readonly systemLanguage: Language;
  readonly preferences: Preferences;
  /** The theme the page shows now (applyTheme keeps it current, also when the system changes). */
  readonly shownTheme: AudienceTheme;
  setPreferences(preferences: Preferences): void;
}

export const useApp = create<AppState>()((set) => ({
  systemLanguage: 'en',
  preferences: {
    language: null,
    theme: 'system',
    sessionsFolder: '',
    recentFiles: [],
    timerSound: false,
    workshopPanelExpanded: false,
    windowZoom: 1,
  },
  shownTheme: 'light',
  setPreferences: (preferences) => set({ preferences }),
}));

/** What the operating system is asked about for "Like the system": more contrast, forced colours, dark. */
const systemThemeQueries = ['(prefers-contrast: more)', '(forced-colors: active)', '(prefers-color-scheme: dark)'];
let stopFollowingSystem: (() => void) | null = null;

/**
 * Shows a theme: <html data-theme> always names the resolved theme (light, dark or contrast), so
 * the CSS has one rule per theme. For "system" it follows the operating system's changes live.
 */
export function applyTheme(theme: Theme): void {
  stopFollowingSystem?.();
  stopFollowingSystem = null;
  const show = () => {
    const shown = resolvedTheme(theme);
    document.documentElement.dataset.theme = shown;
    useApp.setState({ shownTheme: shown });
  };
  show();
  if (theme !== 'system') return;
  const queries = systemThemeQueries.map((query) => matchMedia(query));
  for (const query of queries) query.addEventListener('change', show);
  stopFollowingSystem = () => {
    for (const query of queries) query.removeEventListener('change', show);
  };
}

/** The theme the page shows: the chosen one, or for "system" what the operating system asks for. */
function resolvedTheme(theme: Theme): AudienceTheme {
  if (theme !== 'system') return theme;
  if (matchMedia('(prefers-contrast: more)').matches || matchMedia('(forced-colors: active)').matches) return 'contrast';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
