/**
 * The page's entry, kept small: it asks main for the startup state and starts loading the app
 * (main.tsx, a chunk of its own), then spends the wait on work the app's first render needs.
 * docs/performance.md, "Issue #18"; docs/ARCHITECTURE.md, "The first frame".
 */
import '@fontsource-variable/inter';
import './styles.css';
import { afterFirstFrame } from './first-paint';
import { startupRequest } from './startup-request';
import { prepareDateFormats } from './ui/format';

// The request goes out before the app's code is even loaded: main answers while Chromium
// downloads and compiles the app.
if (window.location.hash !== '#audience') void startupRequest();
// With a first frame (the board, inert, in the root), after that frame's paint (first-paint.ts).
afterFirstFrame(document.getElementById('root')?.hasAttribute('inert') === true, () => {
  void import('./main');
  // The main thread is idle while the app compiles off it: a good time for ICU's first date
  // format (40–120 ms here), which the save status needs in the app's first render. A task of
  // its own, so that the import above has been handed to the loader first.
  setTimeout(() => prepareDateFormats(navigator.language), 0);
});
