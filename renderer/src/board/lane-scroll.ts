/**
 * A list of cards comes to rest on a card's top: never with a card half under the lane's header.
 * Run when a scroll ends (`scrollend`). It moves on to the next card, which never hides one at the
 * bottom (where focus, a new card or a carried card's slot may just have been scrolled); back to
 * the cut card only when that card has the focus. At the very end of a list it stays.
 * docs/ARCHITECTURE.md, "The control window".
 */
export function settleList(list: HTMLElement): void {
  const top = list.getBoundingClientRect().top;
  const padding = parseFloat(getComputedStyle(list).scrollPaddingTop) || 0;
  const items = [...list.children];
  for (const [index, item] of items.entries()) {
    const box = item.getBoundingClientRect();
    if (box.bottom <= top + 0.5) continue;
    if (box.top >= top - 0.5) return;
    const back = box.top - top - padding;
    const next = items[index + 1]?.getBoundingClientRect().top ?? box.bottom;
    const on = next - top - padding;
    if (item.contains(document.activeElement)) list.scrollBy({ top: back, behavior: 'instant' });
    else if (list.scrollTop + list.clientHeight < list.scrollHeight - 1) list.scrollBy({ top: on, behavior: 'instant' });
    return;
  }
}
