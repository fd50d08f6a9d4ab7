/** The renderer's one store: the document with its undo history, and transient UI state. docs/ARCHITECTURE.md, "Layers and arrows". */
import { create } from './create-store';
import { commit, commitFromRoom, redo, startHistory, undo, type History, type HistoryEntry } from '../../../core/history';
import type { OpenedSession } from '../../../core/api';
import { createSession, isHiddenCaricature, laneOfCard, type CardId, type LaneId, type Session } from '../../../core/model';
import { isRuntimeOperation, moveCard, type Operation } from '../../../core/operations';
import { placementOf, type Placement } from '../../../core/placement';

/** Operations dispatched while a draft's commit runs are collected, not applied (drafts.ts). */
let capturing: Operation[] | null = null;

export function captureOperations(run: () => void): Operation[] {
  const outer = capturing;
  const captured: Operation[] = [];
  capturing = captured;
  try {
    run();
  } finally {
    capturing = outer;
  }
  return captured;
}

export interface DragState {
  readonly cardId: CardId;
  readonly origin: Placement;
  readonly placement: Placement;
  /** The board as it would be if the card were dropped now; lanes it does not touch keep their arrays. */
  readonly preview: Session;
  /**
   * Whether the lanes show the drag yet (the card out of its place, the drop slot): only from the
   * frame after the pick-up's, which shows the lifted card (board/drag-frames.ts).
   */
  readonly inLanes: boolean;
  /** Carried by keyboard: after the drop, the reason question comes at once, since the next keys answer it. */
  readonly byKeyboard: boolean;
}

/** A move across lanes the board asks a reason for. */
export interface ReasonPrompt {
  readonly cardId: CardId;
  /** The move's index in `card.moves`. */
  readonly moveIndex: number;
  /** Asked from the frame after the drop's, which it would lengthen (a pointer drop; board/MoveReasonPrompt.tsx). */
  readonly afterPaint: boolean;
}

/** Where the open session stands with the disk. */
export type SaveStatus =
  { readonly state: 'saved'; readonly at: string } | { readonly state: 'saving' } | { readonly state: 'failed'; readonly error: unknown };

/** The file the open session is saved to. */
export interface OpenFile {
  readonly path: string;
  readonly fromBackup: boolean;
}

/**
 * The step undo or redo just took, for the notice that says what it was; `session` is where the
 * step's card still exists (before a delete, after an add), so its title can be named.
 */
export interface UndoStep {
  readonly direction: 'undo' | 'redo';
  readonly entry: HistoryEntry;
  readonly session: Session;
}

/** A failed call to the machine, or a file dropped where no path can be known (the web host). */
export type Problem = { readonly kind: 'error'; readonly error: unknown } | { readonly kind: 'dropUnsupported' };

export interface BoardState {
  /** The session's file, or null while the library is shown. */
  readonly openFile: OpenFile | null;
  readonly saveStatus: SaveStatus;
  readonly history: History;
  readonly drag: DragState | null;
  readonly editingCardId: CardId | null;
  readonly composerLaneId: LaneId | null;
  /** Title of the card deleted last, offered for undo until the next change; '' for a hidden caricature. */
  readonly lastDeletedTitle: string | null;
  /** The latest message for screen readers (picked up, dropped, …), in the UI language. */
  readonly announcement: string;
  /** Something that went wrong, shown to the facilitator until dismissed. */
  readonly problem: Problem | null;
  /** A card just moved across lanes: the board asks why (skippable). Its index in `card.moves`. */
  readonly reasonPrompt: ReasonPrompt | null;
  /** What the last undo or redo did, until the next change; null otherwise. */
  readonly lastStep: UndoStep | null;

  /** Shows a session main has opened; its history starts fresh. */
  open(opened: OpenedSession): void;
  /** Back to the library. */
  close(): void;
  setSaveStatus(status: SaveStatus): void;
  dispatch(operation: Operation): void;
  /** Applies what a phone in the room did (core/room.ts): no undo step, and no undo removes it. */
  receiveFromRoom(operation: Operation): void;
  undo(): void;
  redo(): void;
  startDrag(cardId: CardId, byKeyboard: boolean): void;
  /** The lanes take up the drag: the frame after the pick-up (board/drag-frames.ts). */
  showDragInLanes(): void;
  setPlacement(placement: Placement): void;
  /** Ends a drag; with `drop` the card moves to its previewed placement as one undoable step. */
  endDrag(drop: boolean): void;
  setEditing(cardId: CardId | null): void;
  setComposer(laneId: LaneId | null): void;
  announce(message: string): void;
  reportProblem(error: unknown): void;
  reportDropUnsupported(): void;
  dismissProblem(): void;
  dismissReasonPrompt(): void;
}

export const useBoard = create<BoardState>()((set, get) => ({
  openFile: null,
  saveStatus: { state: 'saved', at: '' },
  history: startHistory(createSession('empty')),
  drag: null,
  editingCardId: null,
  composerLaneId: null,
  lastDeletedTitle: null,
  announcement: '',
  problem: null,
  reasonPrompt: null,
  lastStep: null,

  open: (opened) =>
    set({
      openFile: { path: opened.path, fromBackup: opened.fromBackup },
      saveStatus: { state: 'saved', at: opened.savedAt },
      history: startHistory(opened.session),
      drag: null,
      editingCardId: null,
      composerLaneId: null,
      lastDeletedTitle: null,
      reasonPrompt: null,
      lastStep: null,
    }),

  close: () =>
    set({ openFile: null, drag: null, editingCardId: null, composerLaneId: null, lastDeletedTitle: null, reasonPrompt: null, lastStep: null }),

  setSaveStatus: (saveStatus) => set({ saveStatus }),

  dispatch: (operation) => {
    if (capturing) {
      capturing.push(operation);
      return;
    }
    const { history } = get();
    const next = commit(history, operation);
    if (next === history) return;
    // Moving on in the agenda or starting the clock keeps the delete notice and its Undo.
    const deleted =
      operation.type === 'deleteCard'
        ? deletedTitle(history.present, operation.cardId)
        : isRuntimeOperation(operation)
          ? get().lastDeletedTitle
          : null;
    const lastStep = isRuntimeOperation(operation) ? get().lastStep : null;
    set({ history: next, lastDeletedTitle: deleted, reasonPrompt: reasonPromptAfter(operation, history.present, next.present), lastStep });
  },

  receiveFromRoom: (operation) => {
    const { history, drag } = get();
    const next = commitFromRoom(history, operation);
    if (next === history) return;
    // A card a phone wrote appears in the lanes being dragged over, too.
    const preview = drag ? moveCard(next.present, drag.cardId, drag.placement.laneId, drag.placement.index, '') : null;
    set({ history: next, ...(drag && preview && { drag: { ...drag, preview: { ...preview, cards: next.present.cards } } }) });
  },

  undo: () => {
    const { drag, history } = get();
    const entry = history.past.at(-1);
    if (drag || !entry) return;
    set({ history: undo(history), lastDeletedTitle: null, reasonPrompt: null, lastStep: { direction: 'undo', entry, session: entry.before } });
  },

  redo: () => {
    const { drag, history } = get();
    const entry = history.future.at(-1);
    if (drag || !entry) return;
    const next = redo(history);
    set({ history: next, lastDeletedTitle: null, reasonPrompt: null, lastStep: { direction: 'redo', entry, session: next.present } });
  },

  startDrag: (cardId, byKeyboard) => {
    const session = get().history.present;
    const origin = placementOf(session, cardId);
    if (!origin) return;
    set({ drag: { cardId, origin, placement: origin, preview: session, inLanes: false, byKeyboard }, editingCardId: null });
  },

  showDragInLanes: () => {
    const { drag } = get();
    if (drag && !drag.inLanes) set({ drag: { ...drag, inLanes: true } });
  },

  setPlacement: (placement) => {
    const { drag, history } = get();
    if (!drag || (drag.placement.laneId === placement.laneId && drag.placement.index === placement.index)) return;
    // Only the lanes change while dragging; the card itself (its lead, its moves) changes on drop.
    const moved = moveCard(history.present, drag.cardId, placement.laneId, placement.index, '');
    const preview = moved === history.present ? moved : { ...moved, cards: history.present.cards };
    set({ drag: { ...drag, placement, preview } });
  },

  endDrag: (drop) => {
    const { drag } = get();
    if (!drag) return;
    set({ drag: null });
    if (!drop) return;
    get().dispatch({
      type: 'moveCard',
      cardId: drag.cardId,
      toLaneId: drag.placement.laneId,
      toIndex: drag.placement.index,
      at: new Date().toISOString(),
    });
    const prompt = get().reasonPrompt;
    if (prompt && !drag.byKeyboard) set({ reasonPrompt: { ...prompt, afterPaint: true } });
  },

  setEditing: (cardId) => set({ editingCardId: cardId }),
  setComposer: (laneId) => set({ composerLaneId: laneId }),
  announce: (message) => set({ announcement: message }),
  reportProblem: (error) => set({ problem: { kind: 'error', error } }),
  reportDropUnsupported: () => set({ problem: { kind: 'dropUnsupported' } }),
  dismissProblem: () => set({ problem: null }),
  dismissReasonPrompt: () => set({ reasonPrompt: null }),
}));

/** What the delete notice names: the title, or '' for a hidden caricature, whose text the room must not see. */
function deletedTitle(session: Session, cardId: CardId): string | null {
  const card = session.cards[cardId];
  if (!card) return null;
  return isHiddenCaricature(session, cardId) ? '' : card.title;
}

/** After a move across lanes, the move to ask a reason for; runtime steps (the clock) keep the prompt open. */
function reasonPromptAfter(operation: Operation, before: Session, after: Session): BoardState['reasonPrompt'] {
  if (isRuntimeOperation(operation)) return useBoard.getState().reasonPrompt;
  if (operation.type !== 'moveCard') return null;
  const crossed = laneOfCard(before, operation.cardId)?.id !== laneOfCard(after, operation.cardId)?.id;
  const moves = after.cards[operation.cardId]?.moves.length ?? 0;
  return crossed && moves > 0 ? { cardId: operation.cardId, moveIndex: moves - 1, afterPaint: false } : null;
}

/** The board as shown: the drag preview while dragging, else the document. */
export function shownSession(state: BoardState): Session {
  return state.drag?.preview ?? state.history.present;
}
