/** Input for dragging: mouse, pen, touch and keyboard. docs/ARCHITECTURE.md, "Drag and drop, and why it differs from the starting design". */
import { shortcutSpec, type SensorShortcutId } from '../ui/shortcut-keys';
import { KeyboardCode, KeyboardSensor, PointerSensor, TouchSensor, useSensor, useSensors, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { flushSync } from 'react-dom';
import { stepPlacement, type Direction } from '../../../core/placement';
import { useBoard } from '../store/board-store';
import { dropSlotElement } from './card-elements';
import { showDragInLanesNow } from './drag-frames';

/** The pointer sensor for mouse and pen only; touch is the TouchSensor's, with its delay. */
class MouseAndPenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent }: ReactPointerEvent) => nativeEvent.pointerType !== 'touch' && nativeEvent.isPrimary && nativeEvent.button === 0,
    },
  ];
}

const directions: Partial<Record<string, Direction>> = {
  [KeyboardCode.Up]: 'up',
  [KeyboardCode.Down]: 'down',
  [KeyboardCode.Left]: 'left',
  [KeyboardCode.Right]: 'right',
};

/**
 * Keyboard steps are decided on the board model, not by geometry: Left/Right always reach the
 * neighbouring lane and Up/Down stay in the lane. The preview is rendered synchronously so the
 * overlay can be placed exactly over the card's new slot.
 */
export const laneKeyboardCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates }) => {
  const direction = directions[event.code];
  if (!direction) return undefined;
  event.preventDefault();
  showDragInLanesNow();
  const { drag, setPlacement } = useBoard.getState();
  if (!drag) return undefined;
  const next = stepPlacement(drag.preview, drag.cardId, direction);
  if (!next) return undefined;
  flushSync(() => setPlacement(next));
  const element = dropSlotElement();
  if (!element) return currentCoordinates;
  element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const rect = element.getBoundingClientRect();
  return { x: rect.left, y: rect.top };
};

export function useBoardSensors() {
  return useSensors(
    useSensor(MouseAndPenSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 180, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: laneKeyboardCoordinates,
      // dnd-kit then scrolls the list by how far the slot is from the carried card: at once, so that
      // `keepDropSlotInView` sets it right before the frame is painted, not over a smooth scroll.
      scrollBehavior: 'instant',
      // The keys come from the shortcut registry, so the cheat sheet lists what picks up and drops.
      keyboardCodes: { start: sensorCodes('pickUpCard'), cancel: sensorCodes('cancelDrag'), end: sensorCodes('dropCard') },
    }),
  );
}

/** dnd-kit compares `KeyboardEvent.code`; the registry names keys by `KeyboardEvent.key`. */
function sensorCodes(id: SensorShortcutId): string[] {
  return shortcutSpec(id).keys.map((chord) => (chord.key === ' ' ? 'Space' : chord.key));
}

/**
 * While a card is carried by keyboard, its drop slot stays in view: a scroll of the slot's list from
 * anywhere else (dnd-kit's own, a scroll the lane's virtualizer had queued, a card measured anew)
 * that leaves it out of view brings it back. Returns the function that stops it, for the drop.
 */
export function keepDropSlotInView(board: HTMLElement): () => void {
  const onScroll = (event: Event) => {
    const slot = dropSlotElement();
    const list = event.target;
    if (!slot || !(list instanceof HTMLElement) || !list.contains(slot)) return;
    const box = slot.getBoundingClientRect();
    const view = list.getBoundingClientRect();
    if (box.top < view.top - 0.5 || box.bottom > view.bottom + 0.5) slot.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
  board.addEventListener('scroll', onScroll, { capture: true, passive: true });
  return () => board.removeEventListener('scroll', onScroll, { capture: true });
}
