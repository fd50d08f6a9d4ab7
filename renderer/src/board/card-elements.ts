/**
 * Card DOM nodes by id, registered by each card, so drag geometry and focus never query the whole board.
 * docs/ARCHITECTURE.md, "Drag and drop, and why it differs from the starting design".
 */
import type { CardId } from '../../../core/model';

const elements = new Map<CardId, HTMLElement>();

/** The element with the board's drag instructions, which every card names as part of its description. */
export const dragInstructionsId = 'card-drag-instructions';

export function registerCardElement(cardId: CardId, element: HTMLElement | null): void {
  if (element) elements.set(cardId, element);
  else elements.delete(cardId);
  if (element && wanted?.cardId === cardId) {
    const { focus, at } = wanted;
    wanted = null;
    // Arriving later, it came because the facilitator scrolled there, not because it was asked for.
    if (performance.now() - at > wantedForMs) return;
    if (focus) element.focus();
    element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
}

/**
 * A long lane keeps only the cards in view in the DOM (board/LaneCards.tsx). A card asked for while
 * it is not there is scrolled to by its lane, and focused or shown once its element arrives.
 */
type CardScroller = (cardId: CardId) => boolean;
const scrollers = new Set<CardScroller>();
let wanted: { readonly cardId: CardId; readonly focus: boolean; readonly at: number } | null = null;
const wantedForMs = 2000;

/**
 * The card the focus is on its way to: asked for, not yet in the DOM. Keys that step from the
 * focused card step from this one, so arrow keys pressed faster than the lane renders lose no step.
 */
export function cardAskedToFocus(): CardId | null {
  return wanted?.focus && performance.now() - wanted.at <= wantedForMs ? wanted.cardId : null;
}

export function registerCardScroller(scroller: CardScroller): () => void {
  scrollers.add(scroller);
  return () => scrollers.delete(scroller);
}

function bringIntoDom(cardId: CardId, focus: boolean): void {
  wanted = { cardId, focus, at: performance.now() };
  for (const scroller of scrollers) if (scroller(cardId)) return;
  wanted = null;
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
  const element = elements.get(cardId);
  if (!element) return bringIntoDom(cardId, true);
  wanted = null;
  element.focus();
  element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/**
 * The card a drag is dropping: its slot showed it in view, so the lane it arrives in need not scroll
 * to it (which would force a layout in the drop's frame). Until the next frame, by which the drop
 * has rendered.
 */
let dropping: CardId | null = null;

export function dropInView(cardId: CardId): void {
  dropping = cardId;
  requestAnimationFrame(() => (dropping = null));
}

/** Scrolls a card that arrived in a list into view, unless a drag just dropped it there in view. */
export function revealArrivedCard(cardId: CardId): void {
  if (cardId !== dropping) revealCard(cardId);
}

/** Scrolls a card into view: its lane into the board's view (sideways) and the card into its lane's. */
export function revealCard(cardId: CardId): void {
  const element = elements.get(cardId);
  if (!element) return bringIntoDom(cardId, false);
  element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
