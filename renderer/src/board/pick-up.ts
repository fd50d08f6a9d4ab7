/**
 * A pick-up is drawn in two frames: the lifted card, then the lanes making room for it.
 * docs/performance.md, "Issue #18", point 9.
 */
import { useBoard } from '../store/board-store';
import { afterNextPaint } from '../ui/next-frame';

let pending: (() => void) | null = null;

/**
 * Shows the drag in the lanes (the card out of its place, the drop slot) in the frame after this
 * one. dnd-kit's own pick-up (its measuring, the overlay) and the lanes' re-render took one frame
 * of 40–70 ms together with 1,000 cards; apart, 17–40 ms each in the bench's traces. For that one
 * frame the card is still in its place, under the overlay that lifts it.
 */
export function showDragInLanesNextFrame(beforeShowing: () => void): void {
  pending = () => {
    beforeShowing();
    useBoard.getState().showDragInLanes();
  };
  afterNextPaint(showDragInLanesNow);
}

/** Shows the drag in the lanes now, if the frame after the pick-up has not come yet: the drag's next step needs them. */
export function showDragInLanesNow(): void {
  const show = pending;
  pending = null;
  show?.();
}
