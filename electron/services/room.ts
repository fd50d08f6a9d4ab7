/**
 * The phones' room as main runs it: starts and stops the room server, hands each phone's command to
 * the control window and waits for its answer, forwards the views. Plain Node. docs/ARCHITECTURE.md, "Phones in the room".
 */
import { randomUUID } from 'node:crypto';
import type { ApiEvents, PhoneViews, RoomState } from '../../core/api';
import type { RoomAddressChoice } from '../../core/network';
import type { RoomAnswer } from '../../core/room';
import type { PhonePersonal } from '../../core/room-view';
import { startRoomServer, type RoomServer } from './room-server';

export interface RoomServiceOptions {
  /** The built phone app (out/phone). */
  readonly phoneAppDir: () => string;
  /** The addresses phones might reach (core/network.ts over the machine's interfaces). */
  readonly addresses: () => RoomAddressChoice;
  /** Tells the control window (main: its webContents; the web host: its event stream). */
  readonly emit: <E extends 'roomState' | 'roomCommand'>(event: E, payload: ApiEvents[E]) => void;
  /** The port tried first, so the typed address stays the same from one workshop to the next; 0 for any. */
  readonly preferredPort?: number;
  /** How long a phone's command waits for the control window before it is answered "failed". */
  readonly answerTimeoutMs?: number;
}

export interface RoomService {
  addresses(): RoomAddressChoice;
  state(): RoomState;
  start(address: string): Promise<RoomState>;
  stop(): Promise<void>;
  setJoining(open: boolean): RoomState;
  newCode(): RoomState;
  end(): RoomState;
  remove(participantId: string): RoomState;
  answer(requestId: string, answer: RoomAnswer): void;
  showViews(views: PhoneViews): void;
}

/** Easy to type on a phone, and rarely taken; another free port when it is. */
export const preferredRoomPort = 8765;

interface Pending {
  readonly resolve: (answer: RoomAnswer) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export function createRoomService(options: RoomServiceOptions): RoomService {
  let server: RoomServer | null = null;
  let address = '';
  let joining = true;
  const pending = new Map<string, Pending>();
  /** The last views, sent again to a phone that joins or comes back. */
  let boardMessage: PhoneViews['board'] | null = null;
  let boardJson = '';
  const personalJson = new Map<string, string>();
  let personal: Readonly<Record<string, PhonePersonal>> = {};
  let stateTimer: NodeJS.Timeout | undefined;

  const state = (): RoomState => {
    if (!server) return { on: false };
    return {
      on: true,
      address,
      url: server.url,
      joinUrl: server.joinUrl(),
      code: server.code(),
      joining,
      participants: server.participants(),
    };
  };

  // Joins come in bursts (a room scanning the QR code at once): one update for the control window per burst.
  const stateChanged = (): void => {
    stateTimer ??= setTimeout(() => {
      stateTimer = undefined;
      options.emit('roomState', state());
    }, 30);
  };

  const failPending = (): void => {
    for (const [requestId, waiting] of pending) {
      clearTimeout(waiting.timer);
      pending.delete(requestId);
      // Not decided: the phone hears "failed" and keeps its text (it is put out just after).
      waiting.reject(new Error('The phones were switched off'));
    }
  };

  const forget = (): void => {
    boardMessage = null;
    boardJson = '';
    personal = {};
    personalJson.clear();
  };

  const stop = async (): Promise<void> => {
    const running = server;
    server = null;
    failPending();
    forget();
    clearTimeout(stateTimer);
    stateTimer = undefined;
    if (running) {
      await running.close();
      options.emit('roomState', { on: false });
    }
  };

  const listen = (host: string, port: number): Promise<RoomServer> =>
    startRoomServer({
      host,
      port,
      phoneAppDir: options.phoneAppDir(),
      onCommand: (participant, command) =>
        new Promise<RoomAnswer>((resolve, reject) => {
          const requestId = randomUUID();
          const timer = setTimeout(() => {
            pending.delete(requestId);
            reject(new Error('The control window did not answer'));
          }, options.answerTimeoutMs ?? 10_000);
          pending.set(requestId, { resolve, reject, timer });
          options.emit('roomCommand', {
            requestId,
            participant: { id: participant.id, side: participant.side, authored: [...participant.authored] },
            command,
          });
        }),
      onJoined: (participant) => {
        if (boardMessage) server?.sendBoard(participant.id, boardMessage);
        const own = personal[participant.id];
        if (own) server?.sendPersonal(participant.id, own);
      },
      onParticipantsChange: stateChanged,
    });

  return {
    addresses: options.addresses,
    state,
    async start(host) {
      if (server && address === host) return state();
      await stop();
      const preferred = options.preferredPort ?? 0;
      try {
        server = await listen(host, preferred);
      } catch (error) {
        if (preferred === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        server = await listen(host, 0);
      }
      address = host;
      joining = true;
      return state();
    },
    stop,
    // While the phones are off these change nothing: the state says so.
    setJoining(open) {
      if (!server) return state();
      joining = open;
      if (open) server.openJoining();
      else server.closeJoining();
      return state();
    },
    newCode() {
      server?.newCode();
      return state();
    },
    end() {
      if (!server) return state();
      server.end();
      forget();
      joining = true;
      server.openJoining();
      return state();
    },
    remove(participantId) {
      server?.remove(participantId);
      return state();
    },
    answer(requestId, answer) {
      const waiting = pending.get(requestId);
      if (!waiting) return;
      clearTimeout(waiting.timer);
      pending.delete(requestId);
      waiting.resolve(answer);
    },
    showViews(views) {
      if (!server) return;
      const json = JSON.stringify(views.board);
      if (json !== boardJson) {
        boardJson = json;
        boardMessage = views.board;
        server.broadcastBoard(views.board);
      }
      personal = views.personal;
      for (const [participantId, own] of Object.entries(views.personal)) {
        const ownJson = JSON.stringify(own);
        if (personalJson.get(participantId) === ownJson) continue;
        if (server.sendPersonal(participantId, own)) personalJson.set(participantId, ownJson);
      }
    },
  };
}
