/** A lane's list of cards, of which only those in view (and a few around them) are in the DOM. docs/ARCHITECTURE.md, "Drag and drop". */
import { useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type RefObject } from 'react';
import type { CardId } from '../../../core/model';
import { Card } from './Card';
import { registerCardScroller, registerDropSlot } from './card-elements';
import { viewportHeight } from '../ui/viewport';

/** A row of the list: a card, or the drop slot of a drag. */
const dropSlotKey = 'drop-slot';

/** Rows beyond the visible ones, above and below, kept in the DOM so a quick scroll shows cards at once. */
const overscanRows = 4;

/** A card's height before it is measured (CSS pixels, its gap included): a one-line card. */
const estimatedRowHeight = 80;

interface LaneCardsProps {
  list: RefObject<HTMLUListElement | null>;
  cardIds: readonly CardId[];
  draggedId: CardId | null;
  slotIndex: number;
}

/**
 * The rows in the DOM are a contiguous run (a space before and after stands in for the rest), widened so it
 * always holds the dragged card, the drop slot and the focused card: none of them may unmount while in
 * use. Each row is measured as it renders; until then it counts at an estimated height.
 */
export function LaneCards({ list, cardIds, draggedId, slotIndex }: LaneCardsProps) {
  const { t } = useTranslation();
  const rows = useMemo(() => rowsWithDropSlot(cardIds, draggedId, slotIndex), [cardIds, draggedId, slotIndex]);
  const rowIndex = useMemo(() => new Map(rows.map((key, index) => [key, index])), [rows]);
  const pinned = useMemo(() => [draggedId === null ? -1 : (rowIndex.get(draggedId) ?? -1), rowIndex.get(dropSlotKey) ?? -1], [rowIndex, draggedId]);
  const current = useRef({ rowIndex });
  current.current = { rowIndex };

  const rangeExtractor = useCallback(
    (range: Range) => {
      if (range.count === 0) return [];
      let first = Math.max(0, range.startIndex - range.overscan);
      let last = Math.min(range.count - 1, range.endIndex + range.overscan);
      const focused = focusedRow(list.current);
      const focusedIndex = focused === null ? -1 : (current.current.rowIndex.get(focused) ?? -1);
      for (const index of [...pinned, focusedIndex]) {
        if (index < 0 || index >= range.count) continue;
        first = Math.min(first, index);
        last = Math.max(last, index);
      }
      return Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
    },
    [list, pinned],
  );

  const attached = useAfterFirstFrame();
  // The virtualizer's functions change with its state; nothing here memoises what it returns.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLUListElement, HTMLLIElement>({
    count: rows.length,
    // Handed the list only once the board has been painted: taking it, the virtualizer reads the
    // list's size and scroll height (a layout of the whole window in the middle of the commit) and
    // re-renders the lanes with what it learns, all before the first frame.
    getScrollElement: () => (attached ? list.current : null),
    estimateSize: () => estimatedRowHeight,
    getItemKey: useCallback((index: number) => rows[index] ?? index, [rows]),
    overscan: overscanRows,
    rangeExtractor,
    // The first render already shows the cards of a list as tall as the window.
    initialRect: { width: 0, height: viewportHeight() },
  });

  useRowMeasuring(list, virtualizer.resizeItem, current);

  // focusCard and revealCard (card-elements.ts) reach a card outside the run by scrolling to it;
  // asked before the list is handed over, the virtualizer scrolls there as it takes the list.
  const waitingScroll = useRef<number | null>(null);
  useEffect(
    () =>
      registerCardScroller((cardId) => {
        const index = current.current.rowIndex.get(cardId);
        if (index === undefined) return false;
        if (attached) virtualizer.scrollToIndex(index, { align: 'center' });
        else waitingScroll.current = index;
        return true;
      }),
    [virtualizer, attached],
  );
  useEffect(() => {
    if (!attached || waitingScroll.current === null) return;
    virtualizer.scrollToIndex(waitingScroll.current, { align: 'center' });
    waitingScroll.current = null;
  }, [virtualizer, attached]);

  const items = virtualizer.getVirtualItems();
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  const before = firstItem?.start ?? 0;
  const after = lastItem ? Math.max(0, virtualizer.getTotalSize() - lastItem.end) : 0;
  const space = { '--rows-before': `${before}px`, '--rows-after': `${after}px` } as CSSProperties;

  return (
    <ul
      ref={list}
      className="lane-cards lane-cards--windowed"
      style={space}
      data-card-count={cardIds.length - (draggedId !== null && rowIndex.has(draggedId) ? 1 : 0)}
    >
      {items.map(({ key }) => (key === dropSlotKey ? <DropSlot key={dropSlotKey} /> : <Card key={key} cardId={String(key)} t={t} />))}
    </ul>
  );
}

/** False in the first render and until the frame showing it has been painted (the task after its animation frame). */
function useAfterFirstFrame(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setAfter(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return after;
}

/** Where the dragged card would land: its size, outlined. */
function DropSlot() {
  return <li className="drop-slot" ref={registerDropSlot} aria-hidden="true" data-row={dropSlotKey} />;
}

/**
 * The lane's cards with the drop slot among them: `slotIndex` counts the cards other than the
 * dragged one, as `moveCard` does. The dragged card keeps its own row (hidden) so dnd-kit sees
 * neither an unmount nor a move, either of which re-renders every card on the board.
 */
function rowsWithDropSlot(cardIds: readonly CardId[], draggedId: CardId | null, slotIndex: number): readonly string[] {
  if (slotIndex < 0) return cardIds;
  const rows: string[] = [];
  let others = 0;
  for (const cardId of cardIds) {
    if (cardId !== draggedId) {
      if (others === slotIndex) rows.push(dropSlotKey);
      others++;
    }
    rows.push(cardId);
  }
  if (slotIndex >= others) rows.push(dropSlotKey);
  return rows;
}

/** The row holding the focus, when it is inside this list. */
function focusedRow(list: HTMLElement | null): string | null {
  if (!list) return null;
  const focused = document.activeElement;
  if (!focused || !list.contains(focused)) return null;
  return focused.closest<HTMLElement>('[data-row]')?.dataset.row ?? null;
}

/**
 * Measures each row as it enters the DOM and whenever its size changes (editing, a window zoom,
 * a font arriving). A row's size includes the list's gap, so the virtual positions need no gap of
 * their own; `offsetHeight` is in the list's own pixels, as its scroll position is, whatever the zoom.
 */
function useRowMeasuring(
  list: RefObject<HTMLUListElement | null>,
  resizeItem: (index: number, size: number) => void,
  current: RefObject<{ rowIndex: ReadonlyMap<string, number> }>,
): void {
  const observer = useRef<ResizeObserver | null>(null);
  const observed = useRef(new WeakSet<Element>());
  useEffect(() => () => observer.current?.disconnect(), []);
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    observer.current ??= new ResizeObserver((entries) => {
      const gap = parseFloat(getComputedStyle(element).rowGap) || 0;
      for (const { target } of entries) {
        if (!(target instanceof HTMLElement)) continue;
        // A row that left the DOM reports a size of 0: it is no longer a row to measure.
        if (!target.isConnected) {
          observer.current?.unobserve(target);
          observed.current.delete(target);
          continue;
        }
        const index = current.current.rowIndex.get(target.dataset.row ?? '');
        if (index !== undefined) resizeItem(index, target.offsetHeight + gap);
      }
    });
    // A new row reports its size once observed (observing a row again would make it report again).
    for (const row of element.children) {
      if (!(row instanceof HTMLElement) || row.dataset.row === undefined || observed.current.has(row)) continue;
      observed.current.add(row);
      observer.current.observe(row);
    }
  });
}
