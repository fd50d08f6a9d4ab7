/** Pages for the room: a card shows wholly or not at all, a list says "+N more". docs/ARCHITECTURE.md, "Views per block". */
import { hiddenCount } from '../../../core/block-view';

/** Every list of cards on the board: a lane's, or a column of a block view. */
const listSelector = '.lane-cards';

/**
 * Hides the cards of each list that are not wholly inside it and writes "+N more" onto the list's
 * section (`data-more`, shown by CSS). Twice: the line itself takes room from the list.
 */
export function pageLists(root: HTMLElement, moreLabel: (count: number) => string): void {
  for (let pass = 0; pass < 2; pass++) {
    for (const list of root.querySelectorAll<HTMLElement>(listSelector)) pageList(list, moreLabel);
  }
}

function pageList(list: HTMLElement, moreLabel: (count: number) => string): void {
  const box = list.getBoundingClientRect();
  let total = 0;
  let whole = 0;
  for (const item of list.children) {
    if (!(item instanceof HTMLElement) || item.classList.contains('drop-slot')) continue;
    total++;
    // Hidden cards keep their place (visibility), so measuring them is not changed by hiding them.
    const rect = item.getBoundingClientRect();
    const inside = rect.height > 0 && rect.top >= box.top - 0.5 && rect.bottom <= box.bottom + 0.5;
    if (inside) whole++;
    if (inside) delete item.dataset.beyond;
    else item.dataset.beyond = '';
  }
  const holder = list.parentElement;
  if (!holder) return;
  // A long lane has only the cards in view in the DOM (board/LaneCards.tsx); it says how many it holds.
  const count = hiddenCount(Math.max(total, Number(list.dataset.cardCount ?? 0) || 0), whole);
  if (count > 0) holder.dataset.more = moreLabel(count);
  else delete holder.dataset.more;
}

/** Back to the control window's own board: every card shown, no "+N more". */
export function unpageLists(root: HTMLElement): void {
  for (const item of root.querySelectorAll<HTMLElement>('[data-beyond]')) delete item.dataset.beyond;
  for (const holder of root.querySelectorAll<HTMLElement>('[data-more]')) delete holder.dataset.more;
}

/**
 * The first card at the top of a scrolled list, or null when it is not scrolled: the position the
 * audience window follows (presentation-store `scrolledTo`).
 */
export function firstCardShown(list: HTMLElement): string | null {
  if (list.scrollTop < 1) return null;
  const top = list.getBoundingClientRect().top;
  for (const card of list.querySelectorAll<HTMLElement>('[data-card-id]')) {
    if (card.getBoundingClientRect().bottom > top + 1) return card.dataset.cardId ?? null;
  }
  return null;
}

/** Scrolls a list so that the given card is at its top, as the facilitator's list is. */
export function scrollListTo(list: HTMLElement, cardId: string | undefined): void {
  const card = cardId === undefined ? null : list.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(cardId)}"]`);
  const item = card?.closest('li') ?? null;
  if (!item) {
    list.scrollTop = 0;
    return;
  }
  list.scrollTop += item.getBoundingClientRect().top - list.getBoundingClientRect().top - parseFloat(getComputedStyle(list).paddingTop);
}
