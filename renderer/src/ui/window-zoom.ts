/** The control window's zoom (Ctrl/⌘ + / − / 0), remembered as a preference. docs/ARCHITECTURE.md, "The control window". */
import { useEffect } from 'react';
import { windowZoomLimits } from '../../../core/api';
import { api } from '../api';
import { usePresentation } from '../store/presentation-store';
import { useApp } from '../store/app-store';
import { useBoard } from '../store/board-store';
import { matchesChord, shortcutSpec, type ShortcutId } from './shortcut-keys';

/**
 * Shows the chosen zoom on the page; not in presentation mode, which sizes the board for the room
 * by its own zoom (board/fit.ts). Call once at start-up: it follows presentation mode from then on.
 */
export function applyWindowZoom(): void {
  const show = () => {
    const root = document.getElementById('root');
    const zoom = usePresentation.getState().presenting ? 1 : useApp.getState().preferences.windowZoom;
    if (!root) return;
    root.style.zoom = zoom === 1 ? '' : String(zoom);
    // Viewport units grow with a CSS zoom; layout.css divides them by this to keep dialogs on screen.
    root.style.setProperty('--window-zoom', String(zoom));
  };
  show();
  usePresentation.subscribe((s, previous) => {
    if (s.presenting !== previous.presenting) show();
  });
  useApp.subscribe((s, previous) => {
    if (s.preferences.windowZoom !== previous.preferences.windowZoom) show();
  });
}

/** One step of 10 % up (+1) or down (−1), within 50–200 %. */
export function steppedWindowZoom(zoom: number, direction: 1 | -1): number {
  const next = Math.round((zoom + direction * windowZoomLimits.step) * 10) / 10;
  return Math.min(windowZoomLimits.max, Math.max(windowZoomLimits.min, next));
}

export function stepWindowZoom(direction: 1 | -1): void {
  setWindowZoom(steppedWindowZoom(useApp.getState().preferences.windowZoom, direction));
}

export function setWindowZoom(zoom: number): void {
  const { preferences, setPreferences } = useApp.getState();
  if (zoom === preferences.windowZoom) return;
  setPreferences({ ...preferences, windowZoom: zoom });
  api.setWindowZoom(zoom).catch((error: unknown) => useBoard.getState().reportProblem(error));
}

const zoomKeys: readonly (readonly [ShortcutId, () => void])[] = [
  ['windowZoomIn', () => stepWindowZoom(1)],
  ['windowZoomOut', () => stepWindowZoom(-1)],
  ['windowZoomReset', () => setWindowZoom(1)],
];

/**
 * The zoom keys on the start screen, as the board's shortcuts have them (app/shortcuts.ts): the
 * zoom is the window's, so it is one key away wherever the facilitator is. Same chords, from the
 * registry.
 */
export function useWindowZoomKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const zoom = zoomKeys.find(([id]) => shortcutSpec(id).keys.some((chord) => matchesChord(event, chord)));
      if (!zoom) return;
      event.preventDefault();
      zoom[1]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
