/**
 * The preferences of a startup state as a fresh install has them, for tests that build one by hand.
 * docs/ARCHITECTURE.md, "The first frame".
 */
import type { StartupState } from '../../core/api';

export function startupPreferences(over: Partial<StartupState['preferences']> = {}): StartupState['preferences'] {
  return {
    language: null,
    theme: 'system',
    sessionsFolder: '/sessions',
    recentFiles: [],
    timerSound: false,
    workshopPanelExpanded: false,
    windowZoom: 1,
    ...over,
  };
}
