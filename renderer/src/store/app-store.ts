/** App-wide settings the UI shows: the preferences main keeps, and the system's language. */
import { create } from 'zustand';
import type { Language, Preferences, Theme } from '../../../core/api';
import type { AudienceTheme } from '../../../core/audience';

export interface AppState {
  readonly systemLanguage: Language;
  readonly preferences: Preferences;
  setPreferences(preferences: Preferences): void;
}

export const useApp = create<AppState>()((set) => ({
  systemLanguage: 'en',
  preferences: { language: null, theme: 'system', sessionsFolder: '', recentFiles: [], timerSound: false },
  setPreferences: (preferences) => set({ preferences }),
}));

/** Applies a theme to the page; "system" leaves it to the operating system's setting. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** The theme the page shows: the chosen one, or for "system" what the operating system asks for. */
export function resolvedTheme(theme: Theme): AudienceTheme {
  if (theme !== 'system') return theme;
  if (matchMedia('(prefers-contrast: more)').matches || matchMedia('(forced-colors: active)').matches) return 'contrast';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
