/** What each keyboard shortcut does, and the one listener that dispatches them. docs/ARCHITECTURE.md, "Layers and arrows". */
import i18next from 'i18next';
import { useEffect } from 'react';
import { blockViewOf } from '../../../core/block-view';
import { isFiltering } from '../../../core/find';
import type { AppCommand } from '../../../core/api';
import type { CardId } from '../../../core/model';
import { placementOf, stepPlacement, type Direction } from '../../../core/placement';
import { toggleAudienceWindow } from '../audience/audience-window';
import { castVote, cycleLead, moveCardStep, openCardDetails, removeCard } from '../board/card-commands';
import { cardAskedToFocus, focusCard } from '../board/card-elements';
import { isHiddenCaricature } from '../board/card-text';
import { closeSpotlight, setPresenting, stepSpotlight, toggleSpotlight, togglePresentation } from '../present/commands';
import { usePresentation } from '../store/presentation-store';
import { stepAgenda, toggleActiveTimer } from '../session/agenda-commands';
import { shownSession, useBoard } from '../store/board-store';
import { useWorkshopUi } from '../store/workshop-store';
import { focusNextMatch } from '../board/find-focus';
import { useTools } from '../store/tools-store';
import { setWindowZoom, stepWindowZoom } from '../ui/window-zoom';
import { matchesChord, shortcutSpecs, type SensorShortcutId, type ShortcutId } from '../ui/shortcut-keys';

interface ShortcutContext {
  /** The card whose element has the focus, if any. */
  readonly cardId: CardId | null;
  readonly key: string;
}

/** Runs a shortcut; returns false when it does not apply now (the key is then left alone). */
type Action = (context: ShortcutContext) => unknown;
type CardAction = (cardId: CardId, key: string) => unknown;

const t = i18next.t.bind(i18next);
const directions: Partial<Record<string, Direction>> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

const presenting = () => usePresentation.getState().presenting;
const spotlighting = () => usePresentation.getState().spotlightCardId !== null;
/** Only in presentation mode. */
const whilePresenting =
  (run: () => void): Action =>
  () =>
    presenting() ? run() : false;
/** Only while a card is spotlighted. */
const whileSpotlighting =
  (run: () => void): Action =>
  () =>
    spotlighting() ? run() : false;
/** Only with the focus on a card. */
const onCard =
  (run: CardAction): Action =>
  ({ cardId, key }) =>
    cardId === null ? false : run(cardId, key);
const votingOpen = () => useWorkshopUi.getState().voterId !== null;

/** Every shortcut the dispatcher runs; the drag sensor's keys are dnd-kit's own. */
const actions: Record<Exclude<ShortcutId, SensorShortcutId>, Action> = {
  spotlightNext: whileSpotlighting(() => stepSpotlight(1)),
  spotlightPrevious: whileSpotlighting(() => stepSpotlight(-1)),
  spotlightClose: whileSpotlighting(closeSpotlight),

  newCard: openComposerNearFocus,
  undo: () => useBoard.getState().undo(),
  redo: () => useBoard.getState().redo(),
  find: () => useTools.getState().openFind(),
  nextMatch: () => (isFiltering(useWorkshopUi.getState().filter) ? void focusNextMatch() : false),
  nextBlock: () => stepAgenda(1),
  previousBlock: () => stepAgenda(-1),
  timer: toggleActiveTimer,
  spotlight: ({ cardId }) => toggleSpotlight(cardId),
  presentation: togglePresentation,
  audienceWindow: toggleAudienceWindow,
  cheatSheet: () => usePresentation.getState().setCheatSheetOpen(true),
  toggleTopics: () => (blockViewOf(useBoard.getState().history.present) === 'lanes' ? false : usePresentation.getState().toggleTopics()),
  windowZoomIn: () => (presenting() ? false : stepWindowZoom(1)),
  windowZoomOut: () => (presenting() ? false : stepWindowZoom(-1)),
  windowZoomReset: () => (presenting() ? false : setWindowZoom(1)),

  focusCard: onCard((cardId, key) => {
    const direction = directions[key];
    if (!direction) return false;
    const session = shownSession(useBoard.getState());
    const next = stepPlacement(session, cardAskedToFocus() ?? cardId, direction);
    const lane = next ? session.lanes[next.laneId] : undefined;
    focusCard(lane?.cardIds[Math.min(next?.index ?? 0, lane.cardIds.length - 1)]);
  }),
  moveCard: onCard((cardId, key) => {
    const direction = directions[key];
    if (direction) moveCardStep(cardId, direction, t);
  }),
  editCard: onCard((cardId) => {
    // A hidden caricature is not edited in place, where the room would read it: its details open.
    if (isHiddenCaricature(useBoard.getState().history.present, cardId)) openCardDetails(cardId);
    else useBoard.getState().setEditing(cardId);
  }),
  cardDetails: onCard(openCardDetails),
  cycleLead: onCard((cardId) => cycleLead(cardId, t)),
  deleteCard: onCard(removeCard),
  voteAdd: onCard((cardId) => (votingOpen() ? castVote(cardId, 1, t) : false)),
  voteRemove: onCard((cardId) => (votingOpen() ? castVote(cardId, -1, t) : false)),
  skipMoveReason: onCard((cardId) => (useBoard.getState().reasonPrompt?.cardId === cardId ? useBoard.getState().dismissReasonPrompt() : false)),

  zoomIn: whilePresenting(() => usePresentation.getState().stepZoom(1)),
  zoomOut: whilePresenting(() => usePresentation.getState().stepZoom(-1)),
  zoomFit: whilePresenting(() => usePresentation.getState().setZoom('fit')),
  blockBanner: whilePresenting(() => usePresentation.getState().toggleBlock()),
  leavePresentation: whilePresenting(() => setPresenting(false)),
};

/** Opens the new-card field in the lane of the focused card, or the first lane. */
function openComposerNearFocus({ cardId }: ShortcutContext): void {
  const state = useBoard.getState();
  const session = state.history.present;
  const focusedLaneId = cardId === null ? undefined : placementOf(session, cardId)?.laneId;
  state.setComposer(focusedLaneId ?? session.laneOrder[0] ?? null);
}

/**
 * Undo and Redo from the application menu. On macOS the menu takes ⌘Z before the page sees the
 * key (`registerAccelerator: false` has no effect there), so the command, like the key elsewhere,
 * goes to the text field's own undo while one has the focus, and to the board's history otherwise.
 */
export function runAppCommand(command: AppCommand, focused: Element | null = document.activeElement): void {
  if (isTyping(focused)) {
    // Chromium's editing command: the field's own undo stack, as the key would reach it.
    document.execCommand(command);
    return;
  }
  useBoard.getState()[command]();
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog') !== null;
}

function focusedCardId(target: EventTarget | null): CardId | null {
  return target instanceof HTMLElement && target.dataset.cardId !== undefined ? target.dataset.cardId : null;
}

/** Runs the first shortcut in the registry whose key this is and that applies now. */
export function dispatchShortcut(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || useBoard.getState().drag) return false;
  const typing = isTyping(event.target);
  const dialog = inDialog(event.target);
  const context: ShortcutContext = { cardId: focusedCardId(event.target), key: event.key };
  for (const spec of shortcutSpecs) {
    if (spec.scope === 'drag' || !spec.keys.some((chord) => matchesChord(event, chord))) continue;
    if ((typing && !('whileTyping' in spec)) || (dialog && !('inDialogs' in spec))) continue;
    if (actions[spec.id](context) === false) continue;
    event.preventDefault();
    return true;
  }
  return false;
}

export function useShortcuts(): void {
  useEffect(() => {
    window.addEventListener('keydown', dispatchShortcut);
    return () => window.removeEventListener('keydown', dispatchShortcut);
  }, []);
}
