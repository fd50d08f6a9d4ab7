/** The window's height for a first render, in the page or on the server. docs/ARCHITECTURE.md, "The first frame". */

/** Main's first frame (first-frame.tsx) is rendered outside any window: main says how tall the window is. */
let serverHeight = 1080;

/** The window's inner height in CSS pixels; on the server, the height the first frame is rendered for. */
export function viewportHeight(): number {
  return typeof window === 'undefined' ? serverHeight : window.innerHeight;
}

/** For the server render only. */
export function setServerViewportHeight(height: number): void {
  serverHeight = height;
}
