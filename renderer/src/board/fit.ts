/**
 * Fitting the board to the screen: the largest zoom at which no lane scrolls and nothing sticks out.
 * docs/ARCHITECTURE.md, "Views per block".
 */
import { zoomLimits } from '../../../core/audience';

/** Whether the board, at its current zoom, needs scrolling anywhere: sideways, or inside a lane. */
export function overflows(board: HTMLElement): boolean {
  if (board.scrollWidth > board.clientWidth + 1 || board.scrollHeight > board.clientHeight + 1) return true;
  for (const list of board.querySelectorAll<HTMLElement>('.lane-cards')) {
    if (list.scrollHeight > list.clientHeight + 1) return true;
  }
  return false;
}

/**
 * Finds the fitting zoom by bisection (text wraps differently at each zoom, so it cannot simply be
 * computed) and leaves the board at it. A few layouts of the board; run it when the board or the
 * window changes, not on every frame.
 */
export function fitBoard(board: HTMLElement, floor: number = zoomLimits.min, ceiling: number = zoomLimits.max): number {
  const fits = (zoom: number) => {
    board.style.zoom = String(zoom);
    return !overflows(board);
  };
  // Not below the floor (core/block-view.ts fitFloor): what does not fit there is paged instead.
  let low: number = floor;
  let high: number = ceiling;
  if (!fits(high)) {
    for (let step = 0; step < 7; step++) {
      const middle = (low + high) / 2;
      if (fits(middle)) low = middle;
      else high = middle;
    }
    high = low;
  }
  board.style.zoom = String(high);
  return high;
}
