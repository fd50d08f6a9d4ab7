/** The phones in the room as the control window knows them; UI state, never saved. docs/ARCHITECTURE.md, "Phones in the room". */
import { create } from './create-store';
import type { RoomState } from '../../../core/api';
import type { RoomJoinInfo } from '../../../core/audience';

export interface RoomStoreState {
  /** The room server as main last reported it. */
  readonly room: RoomState;
  /** The facilitator paused the phones: every command is refused until they resume. */
  readonly paused: boolean;
  /** The QR code and code are shown large (control window and projector) while joining is open. */
  readonly showJoin: boolean;
  /** When the phones were switched on (ms since the epoch), for the checklist if nobody joins; null while off. */
  readonly startedAt: number | null;

  setRoom(room: RoomState): void;
  setPaused(paused: boolean): void;
  setShowJoin(show: boolean): void;
  /** Back to off, when a session closes or another opens. */
  reset(): void;
}

export const useRoom = create<RoomStoreState>()((set, get) => ({
  room: { on: false },
  paused: false,
  showJoin: true,
  startedAt: null,

  setRoom: (room) => {
    const wasOn = get().room.on;
    set({ room, ...(room.on && !wasOn && { startedAt: Date.now(), showJoin: true }), ...(!room.on && { startedAt: null, paused: false }) });
  },
  setPaused: (paused) => set({ paused }),
  setShowJoin: (showJoin) => set({ showJoin }),
  reset: () => set({ room: { on: false }, paused: false, showJoin: true, startedAt: null }),
}));

/** Whether the QR code is to be shown: phones on, joining open, and the facilitator shows it. */
export function joinShown(state: RoomStoreState): boolean {
  return state.room.on && state.room.joining && state.showJoin;
}

/** What the projector shows for joining (core/audience.ts), while it is shown; undefined otherwise. */
export function roomJoinInfo(state: RoomStoreState): RoomJoinInfo | undefined {
  if (!joinShown(state) || !state.room.on) return undefined;
  const { joinUrl, url, code, participants } = state.room;
  return { joinUrl, url, code, joined: participants.length };
}
