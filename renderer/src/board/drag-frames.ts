/**
 * A pick-up and a pointer drop are each drawn over two frames: dnd-kit's part, then the lanes'.
 * docs/performance.md, "Issue #18", point 9.
 */
import type { CardId } from '../../../core/model';
import { useBoard } from '../store/board-store';
import { paintDeferral } from '../ui/next-frame';

const lanes = paintDeferral();
const drop = paintDeferral();
let landing: CardId | null = null;

/**
 * Starts a drag in the store and shows it in the lanes (the card out of its place, the drop slot)
 * in the frame after this one. dnd-kit's own pick-up (its measuring, the overlay) and the lanes'
 * re-render took one frame of 40–70 ms together with 1,000 cards; apart, 17–40 ms each in the
 * bench's traces. For that one frame the card is still in its place, under the overlay that lifts
 * it. A drop that has not landed yet lands first: it ends the drag that was, not this one.
 */
export function pickUpOverTwoFrames(cardId: CardId, byKeyboard: boolean, beforeShowing: () => void): void {
  landDropNow();
  useBoard.getState().startDrag(cardId, byKeyboard);
  lanes.later(() => {
    beforeShowing();
    useBoard.getState().showDragInLanes();
  });
}

/** Shows the drag in the lanes now, if the frame after the pick-up has not come yet: the drag's next step needs them. */
export const showDragInLanesNow: () => void = lanes.now;

/**
 * Lands a pointer-dropped card (`land` commits the move) in the frame after the drop's: that frame
 * holds dnd-kit's end and the start of its drop animation, which heads for the card's drop slot
 * (`landingCardId`); the next one the lanes with the card in its place, where the slot was.
 */
export function landDropNextFrame(cardId: CardId, land: () => void): void {
  landing = cardId;
  drop.later(() => {
    landing = null;
    land();
  });
}

/** Lands a pending drop now, if its frame has not come yet. */
export const landDropNow: () => void = drop.now;

/** The card dropped but not landed yet, if any. */
export function landingCardId(): CardId | null {
  return landing;
}
