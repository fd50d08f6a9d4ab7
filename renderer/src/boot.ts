/**
 * The page's entry, kept small: it asks main for the startup state and starts loading the app
 * (main.tsx, a chunk of its own), then spends the wait on work the first frame needs.
 * docs/performance.md, "Issue #18".
 */
import '@fontsource-variable/inter';
import interLatin from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?url';
import './styles.css';
import { startupRequest } from './startup-request';
import { prepareDateFormats } from './ui/format';

// The request goes out before the app's code is even loaded: main answers while Chromium
// downloads and compiles the app (about 100 ms on its own threads for 640 KB here).
if (window.location.hash !== '#audience') void startupRequest();
preloadFont(interLatin);
afterFirstFrame(() => void import('./main'));
// The main thread is idle while the app compiles off it: a good time for ICU's first date
// format (40–120 ms here), which the save status needs in the first frame. A task of its own,
// so that the import above has been handed to the loader first.
setTimeout(() => prepareDateFormats(navigator.language), 0);

/**
 * Runs `load` at once, or, when the page came with its first frame (main rendered the board into
 * it, docs/ARCHITECTURE.md "The first frame"), once that frame is on screen: evaluating the app's
 * chunk is one long task, and the frame would wait for it. The chunk is fetched and compiled
 * meanwhile (the page's modulepreload link).
 */
function afterFirstFrame(load: () => void): void {
  if (!document.getElementById('root')?.hasAttribute('inert')) return load();
  requestAnimationFrame(() => setTimeout(load, 0));
}

/** The Latin face of Inter, asked for now rather than when the first text is laid out. */
function preloadFont(href: string): void {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'font';
  link.type = 'font/woff2';
  link.crossOrigin = '';
  link.href = href;
  document.head.append(link);
}
