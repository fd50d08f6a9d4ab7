/**
 * The first frame: the control window's page as main serves it, with the board for the startup
 * state already in its HTML. docs/ARCHITECTURE.md, "The first frame".
 */
import type { Language, StartupState } from './api';
import type { AudienceTheme } from './audience';

/** What main asks the first frame's render (renderer/src/first-frame.tsx, built to out/first-frame) for. */
export interface FirstFrameRequest {
  /** The state the page's getStartupState will answer with: the frame must show what the app will. */
  readonly startup: StartupState;
  /** The window's inner height in CSS pixels: how many cards each lane shows. */
  readonly viewportHeight: number;
  /** The theme the page will show (main resolves "Like the system"). */
  readonly shownTheme: AudienceTheme;
}

export interface FirstFrame {
  /** The markup of the page's root, as React renders it. */
  readonly html: string;
  readonly language: Language;
  readonly shownTheme: AudienceTheme;
  /** The window zoom preference (1 = 100 %). */
  readonly windowZoom: number;
}

export type RenderFirstFrame = (request: FirstFrameRequest) => Promise<FirstFrame>;

/** The root of renderer/index.html, exactly as built: the first frame goes inside it. */
const emptyRoot = '<div id="root"></div>';

/** The build's link that has the browser fetch and compile the app's chunk while the page loads. */
const appChunkPreload = /<link rel="modulepreload"[^>]*>\s*/g;

/** The page's entry (boot.ts), as the build writes its tag. */
const entryScript = /<script type="module" /g;

/**
 * The page with the first frame in its root, marked `inert` (a picture of the board until the app
 * renders over it, main.tsx) and with the window zoom, and the language and theme on `<html>`. Without the app chunk's
 * preload: on two cores, compiling the chunk held back the frame's raster (the page's entry loads
 * the chunk once the frame is on screen, boot.ts). The entry itself is fetched at low priority:
 * fetched with the page, it ran between the page's parsing and the frame's first layout, and
 * nothing it does is needed before the frame is painted. Null when the page has no empty root to
 * fill: the page is then served as it is.
 */
export function pageWithFirstFrame(builtPage: string, frame: FirstFrame): string | null {
  const page = builtPage.replace(appChunkPreload, '').replace(entryScript, '<script type="module" fetchpriority="low" ');
  const root = page.indexOf(emptyRoot);
  const html = page.search(/<html[\s>]/);
  if (root < 0 || html < 0 || html > root) return null;
  const htmlEnd = page.indexOf('>', html);
  const htmlTag = `<html lang="${frame.language}" data-theme="${frame.shownTheme}">`;
  // A number only: the attribute is the zoom's one way into the page's CSS (styles.css, #root[inert]).
  const zoom = Number.isFinite(frame.windowZoom) && frame.windowZoom !== 1 ? ` data-window-zoom="${frame.windowZoom}"` : '';
  // Slices, not String.replace: the frame holds the session's own text, and `$&` in a card's
  // title must stay text, not become a replacement pattern.
  return (
    page.slice(0, html) +
    htmlTag +
    page.slice(htmlEnd + 1, root) +
    `<div id="root" inert${zoom}>${frame.html}</div>` +
    page.slice(root + emptyRoot.length)
  );
}
