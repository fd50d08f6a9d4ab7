/** The app's start put off until the page's first frame has been painted. docs/ARCHITECTURE.md, "The first frame". */

/** How long a page with a first frame waits to see it painted (a window not shown paints nothing). */
export const firstFrameWaitMs = 500;

/**
 * Runs `then` at once when the page has no first frame; else once that frame has been painted (its
 * first contentful paint), or after `firstFrameWaitMs` if no paint comes; once either way. The app's
 * chunk is then fetched, compiled and run after the frame, not alongside it: on two cores, raster,
 * compile and script were holding each other up.
 */
export function afterFirstFrame(hasFirstFrame: boolean, then: () => void): void {
  if (!hasFirstFrame) return then();
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    painted.disconnect();
    clearTimeout(fallback);
    then();
  };
  // The frame's own paint: a first paint may come earlier, of the page's background alone.
  const painted = new PerformanceObserver((entries) => {
    if (entries.getEntriesByName('first-contentful-paint').length > 0) start();
  });
  const fallback = setTimeout(start, firstFrameWaitMs);
  painted.observe({ type: 'paint', buffered: true });
}
