/**
 * Card DOM nodes by id, registered by each card, so drag geometry and focus never query the whole board.
 * docs/ARCHITECTURE.md, "Drag and drop, and why it differs from the starting design".
 */
import type { CardId } from '../../../core/model';

const elements = new Map<CardId, HTMLElement>();

export function registerCardElement(cardId: CardId, element: HTMLElement | null): void {
  if (element) elements.set(cardId, element);
  else elements.delete(cardId);
}

export function cardElement(cardId: CardId): HTMLElement | undefined {
  return elements.get(cardId);
}

let dropSlot: HTMLElement | null = null;

/** The drop slot shown while dragging; there is at most one. */
export function registerDropSlot(element: HTMLElement | null): void {
  dropSlot = element;
}

export function dropSlotElement(): HTMLElement | null {
  return dropSlot;
}

export function focusCard(cardId: CardId | undefined): void {
  if (cardId === undefined) return;
  elements.get(cardId)?.focus();
  revealCard(cardId);
}

/** Scrolls a card into view: its lane into the board's view (sideways) and the card into its lane's. */
export function revealCard(cardId: CardId): void {
  elements.get(cardId)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
