/**
 * A list of cards comes to rest on a card's top, not with a card half under the lane's header.
 * Run when a scroll ends; docs/ARCHITECTURE.md, "The control window", says when it stays put.
 */
export function settleList(list: HTMLElement): void {
  const top = list.getBoundingClientRect().top;
  const padding = parseFloat(getComputedStyle(list).scrollPaddingTop) || 0;
  const items = [...list.children];
  for (const [index, item] of items.entries()) {
    const box = item.getBoundingClientRect();
    if (box.bottom <= top + 0.5) continue;
    if (box.top >= top - 0.5) return;
    // A card taller than the list is read by scrolling through it: it stays where the reader stopped.
    if (box.height > list.clientHeight - padding) return;
    const back = box.top - top - padding;
    const next = items[index + 1]?.getBoundingClientRect().top ?? box.bottom;
    const on = next - top - padding;
    if (item.contains(document.activeElement)) list.scrollBy({ top: back, behavior: 'instant' });
    else if (list.scrollTop + list.clientHeight < list.scrollHeight - 1) list.scrollBy({ top: on, behavior: 'instant' });
    return;
  }
}
