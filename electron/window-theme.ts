/**
 * The app's theme outside its pages: what the system draws, and each window's background before the page paints.
 * Checked by hand: docs/real-machines.md, "Every system".
 */
import { nativeTheme } from 'electron';
import type { Theme } from '../core/api';
import { setPageWindowBackground } from './windows';

/** The pages' --bg per shown theme (renderer/src/styles.css). */
export const windowBackgrounds = { light: '#eef0f3', dark: '#111418', contrast: '#000000' } as const;
export type ShownTheme = keyof typeof windowBackgrounds;

/** What the system is asked to draw for the app's theme: high contrast is a dark theme to it. */
export function nativeThemeSourceFor(theme: Theme): 'system' | 'light' | 'dark' {
  return theme === 'system' ? 'system' : theme === 'light' ? 'light' : 'dark';
}

/** The theme the pages show for `theme` (as renderer/src/store/app-store.ts resolves "Like the system"). */
export function shownThemeFor(theme: Theme, system: { readonly highContrast: boolean; readonly dark: boolean }): ShownTheme {
  if (theme !== 'system') return theme;
  if (system.highContrast) return 'contrast';
  return system.dark ? 'dark' : 'light';
}

export interface WindowTheme {
  /** Call after the theme preference changed. */
  apply(): void;
  /** The theme the pages show for `theme` now: what the first frame is rendered in. */
  shown(theme: Theme): ShownTheme;
}

/**
 * Keeps the system's drawing and the page windows' background on the theme `currentTheme` names:
 * now, for the windows opened later, and when the system changes (for "Like the system").
 */
export function followWindowTheme(currentTheme: () => Theme): WindowTheme {
  const shown = (theme: Theme): ShownTheme =>
    shownThemeFor(theme, { highContrast: nativeTheme.shouldUseHighContrastColors, dark: nativeTheme.shouldUseDarkColors });
  const apply = (): void => {
    const theme = currentTheme();
    const source = nativeThemeSourceFor(theme);
    // Setting it emits `updated`, which calls this again: only when it changes.
    if (nativeTheme.themeSource !== source) nativeTheme.themeSource = source;
    setPageWindowBackground(windowBackgrounds[shown(theme)]);
  };
  nativeTheme.on('updated', apply);
  apply();
  return { apply, shown };
}
