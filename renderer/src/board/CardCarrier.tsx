/** The board's one draggable, lent to the card that is pressed. docs/ARCHITECTURE.md, "Drag and drop". */
import { useDraggable } from '@dnd-kit/core';
import { useLayoutEffect, useState, type SyntheticEvent } from 'react';
import { flushSync } from 'react-dom';
import type { CardId } from '../../../core/model';
import { useBoard } from '../store/board-store';
import { cardElement } from './card-elements';

/** The events that can pick a card up: mouse and pen, touch, and the keyboard's Space. */
export const carryEvents = ['onPointerDown', 'onTouchStart', 'onKeyDown'] as const;
type CarryEvent = (typeof carryEvents)[number];

/** The id the carrier holds before any card was pressed. */
const noCard = 'no-card';

interface Carrier {
  readonly cardId: CardId;
  readonly listeners: Partial<Record<string, (event: SyntheticEvent) => void>>;
  lend(cardId: CardId): void;
  attach(element: HTMLElement | null): void;
}
let carrier: Carrier | null = null;

/**
 * dnd-kit puts the active card into the context every `useDraggable` reads, so with a draggable per
 * card each pick-up and drop re-rendered every card in the DOM. The board has this one instead: a
 * card that is pressed (or gets Space) is lent the draggable first — its id and its element — and the
 * event is then handed to dnd-kit's sensors as if it had reached that card's own draggable.
 */
export function CardCarrier() {
  const [cardId, setCardId] = useState<CardId>(noCard);
  const { listeners, setNodeRef } = useDraggable({ id: cardId });
  useLayoutEffect(() => {
    carrier = { cardId, listeners: (listeners ?? {}) as Carrier['listeners'], lend: setCardId, attach: setNodeRef };
  }, [cardId, listeners, setNodeRef]);
  useLayoutEffect(
    () => () => {
      carrier = null;
    },
    [],
  );
  return null;
}

/** Hands an event on a card to dnd-kit, after lending the card the board's draggable. */
export function carryFrom(cardId: CardId, eventName: CarryEvent, event: SyntheticEvent): void {
  // While a card is carried, the draggable stays with it.
  if (!carrier || useBoard.getState().drag) return;
  if (carrier.cardId !== cardId) {
    const { lend } = carrier;
    flushSync(() => lend(cardId));
  }
  // The card's element as it is now: a lane renders a card anew when it scrolls back into view.
  carrier.attach(cardElement(cardId) ?? null);
  carrier.listeners[eventName]?.(event);
}
