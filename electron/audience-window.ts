/** The audience window: main opens, places and closes it, and forwards the views. docs/ARCHITECTURE.md, "The audience window". */
import { screen, type BrowserWindow, type Display, type Rectangle } from 'electron';
import type { AudiencePlacement } from '../core/api';
import type { AudienceView } from '../core/audience';
import type { AudienceScreen } from './ipc/handlers';
import { sendEvent } from './ipc/events';
import { createAudienceWindow, enterFullScreenKeepingFocus, findMainWindow } from './windows';

/** The size of the audience window when it opens on the control window's display. */
const windowedSize = { width: 1280, height: 720 } as const;

export function createAudienceScreen(): AudienceScreen {
  let window: BrowserWindow | null = null;
  /** Whether the page in `window` has loaded: a view sent earlier would be lost. */
  let loaded = false;
  let lastView: AudienceView | null = null;
  /**
   * The id of the display the window is on, kept as it moves: once a display is gone, the system
   * may already have moved the window off it, so its bounds can no longer tell.
   */
  let shownOn: number | null = null;

  const isOpen = (candidate: BrowserWindow | null): candidate is BrowserWindow => candidate !== null && !candidate.isDestroyed();

  const tellControl = (open: boolean): void => {
    const control = findMainWindow();
    if (control) sendEvent(control.webContents, 'audienceWindow', { open });
  };

  const sendLastView = (): void => {
    if (isOpen(window) && loaded && lastView) sendEvent(window.webContents, 'audienceView', lastView);
  };

  /** The display showing the control window (the primary one while there is none). */
  const controlDisplay = (): Display => {
    const control = findMainWindow();
    return control ? screen.getDisplayMatching(control.getBounds()) : screen.getPrimaryDisplay();
  };

  const placementOf = (audience: BrowserWindow): AudiencePlacement =>
    screen.getDisplayMatching(audience.getBounds()).id === controlDisplay().id ? 'sameDisplay' : 'secondDisplay';

  /** Moves the open window onto `display`: full screen over it, or windowed in its middle. */
  const moveTo = (audience: BrowserWindow, display: Display, fullScreen: boolean): void => {
    const place = (): void => {
      if (audience.isDestroyed()) return;
      audience.setBounds(fullScreen ? display.bounds : windowedBounds(display.workArea));
      if (fullScreen) enterFullScreenKeepingFocus(audience);
      else audience.setFullScreen(false);
      shownOn = display.id;
    };
    if (!audience.isFullScreen()) return place();
    audience.setFullScreen(false);
    // macOS leaves full screen with an animation, during which new bounds are ignored.
    if (audience.isFullScreen()) audience.once('leave-full-screen', place);
    else place();
  };

  screen.on('display-added', (_event, added: Display) => {
    if (isOpen(window) && placementOf(window) === 'sameDisplay' && added.id !== controlDisplay().id) moveTo(window, added, true);
  });
  screen.on('display-removed', (_event, removed: Display) => {
    if (isOpen(window) && shownOn === removed.id) moveTo(window, controlDisplay(), false);
  });

  return {
    open() {
      if (isOpen(window)) {
        bringForward(window, placementOf(window));
        return placementOf(window);
      }
      const here = controlDisplay();
      const other = screen.getAllDisplays().find((display) => display.id !== here.id) ?? null;
      const opened = createAudienceWindow(
        other ? { bounds: other.bounds, fullScreen: true } : { bounds: windowedBounds(here.workArea), fullScreen: false },
      );
      window = opened;
      loaded = false;
      shownOn = (other ?? here).id;
      // Dragged by hand (to the projector, most likely): it is on the display it was dragged to.
      opened.on('move', () => {
        if (window === opened) shownOn = screen.getDisplayMatching(opened.getBounds()).id;
      });
      // Every load (the first, and any reload) gets the view as it is now.
      opened.webContents.on('did-finish-load', () => {
        if (window !== opened) return;
        loaded = true;
        sendLastView();
      });
      opened.on('closed', () => {
        if (window !== opened) return;
        window = null;
        loaded = false;
        tellControl(false);
      });
      tellControl(true);
      return other ? 'secondDisplay' : 'sameDisplay';
    },
    close() {
      if (isOpen(window)) window.close();
    },
    show(view) {
      lastView = view;
      sendLastView();
    },
  };
}

/**
 * Forward without taking the keyboard from the control window when it is on another display (the
 * facilitator keeps working there); on the same display it is focused, to be found and dragged.
 */
function bringForward(audience: BrowserWindow, placement: AudiencePlacement): void {
  if (audience.isMinimized()) audience.restore();
  if (placement === 'secondDisplay') {
    audience.showInactive();
    audience.moveTop();
  } else {
    audience.show();
    audience.focus();
  }
}

/** A window of the usual size, in the middle of a work area, no larger than it. */
function windowedBounds(area: Rectangle): Rectangle {
  const width = Math.min(windowedSize.width, area.width);
  const height = Math.min(windowedSize.height, area.height);
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}
