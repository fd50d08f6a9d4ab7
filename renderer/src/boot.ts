/**
 * The page's entry, kept small: it asks main for the startup state and starts loading the app
 * (main.tsx, a chunk of its own), then spends the wait on work the app's first render needs.
 * docs/performance.md, "Issue #18"; docs/ARCHITECTURE.md, "The first frame".
 */
import '@fontsource-variable/inter';
import './styles.css';
import { startupRequest } from './startup-request';
import { prepareDateFormats } from './ui/format';

// The request goes out before the app's code is even loaded: main answers while Chromium
// downloads and compiles the app.
if (window.location.hash !== '#audience') void startupRequest();
afterFirstFrame(() => {
  void import('./main');
  // The main thread is idle while the app compiles off it: a good time for ICU's first date
  // format (40–120 ms here), which the save status needs in the app's first render. A task of
  // its own, so that the import above has been handed to the loader first.
  setTimeout(() => prepareDateFormats(navigator.language), 0);
});

/** How long a page with a first frame waits to see it painted (a window not shown paints nothing). */
const firstFrameWaitMs = 500;

/**
 * Runs `then` at once, or, when main served the page with its first frame (the board, inert, in the
 * root), once that frame has been painted (its first contentful paint): the app's chunk is then
 * fetched, compiled and run after the frame, not alongside it (on two cores, raster, compile and
 * script were holding each other up).
 */
function afterFirstFrame(then: () => void): void {
  if (!document.getElementById('root')?.hasAttribute('inert')) return then();
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    painted.disconnect();
    then();
  };
  // The frame's own paint: a first paint may come earlier, of the page's background alone.
  const painted = new PerformanceObserver((entries) => {
    if (entries.getEntriesByName('first-contentful-paint').length > 0) start();
  });
  painted.observe({ type: 'paint', buffered: true });
  setTimeout(start, firstFrameWaitMs);
}
