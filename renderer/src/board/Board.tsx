import {
  DndContext,
  DragOverlay,
  getClientRect,
  type ClientRect,
  type DragMoveEvent,
  type DragStartEvent,
  type MeasuringConfiguration,
} from '@dnd-kit/core';
import i18next from 'i18next';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { blockViewOf, fitFloor } from '../../../core/block-view';
import { fitBoard, overflows } from './fit';
import { firstCardShown, pageLists, unpageLists } from './paging';
import { usePresentation } from '../store/presentation-store';
import { useApp } from '../store/app-store';
import { useBoard } from '../store/board-store';
import { CardFace } from './CardFace';
import { CardCarrier } from './CardCarrier';
import { dragInstructionsId, dropInView, dropSlotElement } from './card-elements';
import { describePlacement } from './card-text';
import { placementAtPoint } from './drag-geometry';
import { BlockView } from './BlockView';
import { Lane } from './Lane';
import { landDropNextFrame, landingCardId, pickUpOverTwoFrames, showDragInLanesNow } from './drag-frames';
import { settleList } from './lane-scroll';
import { keepDropSlotInView, useBoardSensors } from './sensors';
import { useBenchRenderCount } from '../ui/render-count';

/**
 * The board: lanes side by side, one DndContext. Where a card would land is kept in the store
 * (the drag preview), not in dnd-kit's `over`: dnd-kit re-renders every draggable when `over`
 * changes, so collision detection reports nothing and the preview drives the lanes instead.
 */
export function Board() {
  useBenchRenderCount('Board');
  const { t } = useTranslation();
  const laneOrder = useBoard((s) => s.history.present.laneOrder);
  const blockView = useBoard((s) => blockViewOf(s.history.present));
  const topicsAsked = usePresentation((s) => s.topicsAsked);
  const view = topicsAsked ? 'lanes' : blockView;
  const sensors = useBoardSensors();
  const announce = useBoard((s) => s.announce);
  const boardRef = useRef<HTMLElement>(null);
  useBoardZoom(boardRef, view);
  useScrollFollowing(boardRef);

  const slotKeeper = useRef<(() => void) | null>(null);
  const stopKeepingSlotInView = useCallback(() => {
    slotKeeper.current?.();
    slotKeeper.current = null;
  }, []);
  const onDragStart = useCallback(
    ({ active, activatorEvent }: DragStartEvent) => {
      const cardId = String(active.id);
      const byKeyboard = activatorEvent instanceof KeyboardEvent;
      if (byKeyboard && boardRef.current) slotKeeper.current = keepDropSlotInView(boardRef.current);
      const height = active.rect.current.initial?.height;
      pickUpOverTwoFrames(cardId, byKeyboard, () => {
        // The drop slot takes the dragged card's height, set on the board through the CSSOM (which
        // the CSP allows); set on the root, it would restyle the whole window.
        if (height) boardRef.current?.style.setProperty('--drag-height', `${height}px`);
      });
      announce(describePlacement(t, 'dnd.pickedUp', useBoard.getState().history.present, cardId));
    },
    [announce, t],
  );

  const onDragMove = useCallback(({ activatorEvent, delta }: DragMoveEvent) => {
    showDragInLanesNow();
    const state = useBoard.getState();
    const drag = state.drag;
    const start = pointerPosition(activatorEvent);
    if (!drag || !start) return; // keyboard moves set the placement in the coordinate getter
    const placement = placementAtPoint(drag.preview, drag.cardId, start.x + delta.x, start.y + delta.y);
    if (placement) state.setPlacement(placement);
  }, []);

  const onDragEnd = useCallback(() => {
    showDragInLanesNow();
    stopKeepingSlotInView();
    const drag = useBoard.getState().drag;
    if (!drag) return;
    const { cardId } = drag;
    const land = () => {
      dropInView(cardId);
      useBoard.getState().endDrag(true);
      announce(describePlacement(t, 'dnd.dropped', useBoard.getState().history.present, cardId));
    };
    // A keyboard drop lands at once: dnd-kit hands the focus back to the card, and the next keys
    // answer the reason question.
    if (drag.byKeyboard) land();
    else landDropNextFrame(cardId, land);
  }, [announce, t, stopKeepingSlotInView]);

  const onDragCancel = useCallback(() => {
    showDragInLanesNow();
    stopKeepingSlotInView();
    const cardId = useBoard.getState().drag?.cardId;
    useBoard.getState().endDrag(false);
    if (cardId) announce(describePlacement(t, 'dnd.cancelled', useBoard.getState().history.present, cardId));
  }, [announce, t, stopKeepingSlotInView]);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={noCollisions}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      accessibility={{ announcements: silentAnnouncements, screenReaderInstructions: { draggable: '' } }}
      measuring={measuring}
    >
      <main ref={boardRef} className={`board board--${view}`} aria-label={t('board.label')}>
        {view === 'lanes' ? laneOrder.map((laneId) => <Lane key={laneId} laneId={laneId} />) : <BlockView view={view} />}
      </main>
      <CardCarrier />
      <p id={dragInstructionsId} hidden>
        {t('dnd.instructions')}
      </p>
      <MoveAnnouncer />
      <ZoomedDragOverlay />
    </DndContext>
  );
}

/**
 * The zoom of presentation mode, set on the board element directly: zooming lays the board out
 * anew but re-renders nothing. "Fit" is found again when the board or the window changes; it stops
 * at a readable floor (core/block-view.ts `fitFloor`), and what does not fit there is paged: a card
 * shows wholly or not at all, and each list says "+N more" (board/paging.ts).
 */
function useBoardZoom(boardRef: RefObject<HTMLElement | null>, view: string): void {
  useEffect(() => {
    let frame = 0;
    let lastFitted: unknown = null;
    const page = (board: HTMLElement) => pageLists(board, (count) => i18next.t('views.more', { count }));
    // A lane renders only the cards in view (LaneCards.tsx): cards that arrive while presenting
    // are paged as well. Watched only then, so a drag on the facilitator's own board pays nothing.
    let pageFrame = 0;
    const rowsChanged = new MutationObserver(() => {
      const board = boardRef.current;
      if (!board || pageFrame) return;
      pageFrame = requestAnimationFrame(() => {
        pageFrame = 0;
        page(board);
      });
    });
    const apply = () => {
      cancelAnimationFrame(frame);
      const board = boardRef.current;
      const { presenting, zoom } = usePresentation.getState();
      if (!board) return;
      if (!presenting) {
        rowsChanged.disconnect();
        cancelAnimationFrame(pageFrame);
        pageFrame = 0;
        board.style.zoom = '';
        unpageLists(board);
        return;
      }
      rowsChanged.observe(board, { childList: true, subtree: true });
      // One layout pass per frame at most, and none while a card is carried (the layout is in motion).
      frame = requestAnimationFrame(() => {
        if (useBoard.getState().drag) return;
        if (zoom !== 'fit') board.style.zoom = String(zoom);
        else usePresentation.getState().setFittedZoom(fitBoard(board, fitFloor));
        page(board);
      });
    };
    // The facilitator scrolls a list in presentation mode: the next page shows.
    const onScroll = () => {
      const board = boardRef.current;
      if (board && usePresentation.getState().presenting) page(board);
    };
    // On a small screen (a 1280×720 laptop) the board does not fit at 100 %: presentation mode then
    // starts fitted, so the room sees every lane. Measured once presentation mode is laid out.
    const startFitted = () => {
      requestAnimationFrame(() => {
        const board = boardRef.current;
        const { presenting, zoom, setZoom } = usePresentation.getState();
        if (board && presenting && zoom === 1 && overflows(board)) setZoom('fit');
      });
    };
    apply();
    const stopPresentation = usePresentation.subscribe((s, previous) => {
      if (s.presenting !== previous.presenting || s.zoom !== previous.zoom || s.showBlock !== previous.showBlock) apply();
      if (s.presenting && !previous.presenting && s.zoom === 1) startFitted();
    });
    const stopBoard = useBoard.subscribe((s) => {
      if (s.history.present === lastFitted || !usePresentation.getState().presenting) return;
      lastFitted = s.history.present;
      apply();
    });
    const board = boardRef.current;
    board?.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', apply);
    return () => {
      cancelAnimationFrame(frame);
      cancelAnimationFrame(pageFrame);
      rowsChanged.disconnect();
      stopPresentation();
      stopBoard();
      board?.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', apply);
    };
  }, [boardRef, view]);
}

/**
 * Where the facilitator scrolled each list (a lane, a column of a block view): the audience window
 * scrolls its list to the same first card (presentation-store `scrolledTo`). Once per frame.
 */
function useScrollFollowing(boardRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const board = boardRef.current;
    if (!board) return;
    const pending = new Set<HTMLElement>();
    let frame = 0;
    const onScroll = (event: Event) => {
      const list = event.target;
      if (!(list instanceof HTMLElement) || !list.classList.contains('lane-cards')) return;
      pending.add(list);
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        for (const scrolled of pending) {
          const key = scrolled.parentElement?.dataset.listKey;
          if (key !== undefined) usePresentation.getState().setScrolledTo(key, firstCardShown(scrolled));
        }
        pending.clear();
      });
    };
    // A list comes to rest on a card's top (board/lane-scroll.ts), not while a card is carried and
    // not while a button is pressed: a list moved between press and release loses the click.
    const pressed = new Set<number>();
    const onPress = (event: PointerEvent) => pressed.add(event.pointerId);
    const onRelease = (event: PointerEvent) => pressed.delete(event.pointerId);
    const onScrollEnd = (event: Event) => {
      const list = event.target;
      if (list instanceof HTMLElement && list.classList.contains('lane-cards') && !useBoard.getState().drag && pressed.size === 0) settleList(list);
    };
    board.addEventListener('scroll', onScroll, { capture: true, passive: true });
    board.addEventListener('scrollend', onScrollEnd, { capture: true, passive: true });
    window.addEventListener('pointerdown', onPress, { capture: true, passive: true });
    window.addEventListener('pointerup', onRelease, { capture: true, passive: true });
    window.addEventListener('pointercancel', onRelease, { capture: true, passive: true });
    // A release outside the window (Alt+Tab mid-press) never arrives: leaving the window forgets the press.
    const forget = () => pressed.clear();
    window.addEventListener('blur', forget);
    return () => {
      cancelAnimationFrame(frame);
      board.removeEventListener('scroll', onScroll, { capture: true });
      board.removeEventListener('scrollend', onScrollEnd, { capture: true });
      window.removeEventListener('pointerdown', onPress, { capture: true });
      window.removeEventListener('pointerup', onRelease, { capture: true });
      window.removeEventListener('pointercancel', onRelease, { capture: true });
      window.removeEventListener('blur', forget);
    };
  }, [boardRef]);
}

/**
 * The lifted card under the pointer. dnd-kit places it in screen pixels, which a window zoom (a CSS
 * zoom on #root, ui/window-zoom.ts) would scale a second time — the card would fly off beside the
 * pointer. So the overlay undoes the zoom for its position and size, and the card inside takes it
 * again for its type.
 */
function ZoomedDragOverlay() {
  const windowZoom = useApp((s) => s.preferences.windowZoom);
  const presenting = usePresentation((s) => s.presenting);
  const zoom = presenting ? 1 : windowZoom;
  return (
    <DragOverlay style={zoom === 1 ? undefined : { zoom: 1 / zoom }}>
      <DraggedCard zoom={zoom} />
    </DragOverlay>
  );
}

function DraggedCard({ zoom }: { zoom: number }) {
  const dragging = useBoard((s) => s.drag !== null);
  if (!dragging) return null;
  return zoom === 1 ? (
    <CardFace lifted />
  ) : (
    <div style={{ zoom }}>
      <CardFace lifted />
    </div>
  );
}

/** Announces each change of a dragged card's placement, pointer or keyboard alike. */
function MoveAnnouncer() {
  const { t } = useTranslation();
  const message = useBoard((s) => s.announcement);
  const moveMessage = useBoard((s) =>
    s.drag && s.drag.placement !== s.drag.origin ? describePlacement(t, 'dnd.moved', s.drag.preview, s.drag.cardId) : null,
  );
  return (
    <div id="board-announcer" className="visually-hidden" role="status" aria-live="assertive" aria-atomic="true">
      {moveMessage ?? message}
    </div>
  );
}

function pointerPosition(event: Event): { x: number; y: number } | undefined {
  if ('clientX' in event && typeof event.clientX === 'number' && 'clientY' in event && typeof event.clientY === 'number') {
    return { x: event.clientX, y: event.clientY };
  }
  if (typeof TouchEvent !== 'undefined' && event instanceof TouchEvent) {
    const touch = event.touches[0] ?? event.changedTouches[0];
    return touch ? { x: touch.clientX, y: touch.clientY } : undefined;
  }
  return undefined;
}

const noCollisions = () => [];

/**
 * The dragged card's rect, as dnd-kit sees it, stays where the drag started until the drop.
 * dnd-kit re-measures the active card on every DOM change around it and, when its position
 * changes, re-renders every draggable on the board — with the preview moving the card, that was
 * each reorder and lane change. The overlay follows the pointer (or the keyboard's coordinates)
 * from the start position anyway. Between a pointer drop and the card landing (drag-frames.ts)
 * the card's rect is its drop slot's, where it will land, and the drop animation heads there.
 */
let dragStartRect: { readonly cardId: string; readonly rect: ClientRect } | null = null;

const measuring: MeasuringConfiguration = {
  draggable: {
    measure: (element) => {
      // Dropped, not landed yet (drag-frames.ts): the drop animation heads for where the card will be.
      const slot = element.dataset.cardId !== undefined && element.dataset.cardId === landingCardId() ? dropSlotElement() : null;
      if (slot) return getClientRect(slot);
      const cardId = useBoard.getState().drag?.cardId;
      if (cardId === undefined) dragStartRect = null;
      if (cardId === undefined || element.dataset.cardId !== cardId) return getClientRect(element);
      if (dragStartRect?.cardId !== cardId) dragStartRect = { cardId, rect: getClientRect(element) };
      return dragStartRect.rect;
    },
  },
};

const silentAnnouncements = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};
