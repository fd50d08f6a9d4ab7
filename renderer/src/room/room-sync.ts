/**
 * The control window's side of the room: decides and applies each phone's command, and sends the
 * phones their views after every change. docs/ARCHITECTURE.md, "Phones in the room".
 */
import type { PhoneViews, RoomCommandAnswer, RoomCommandRequest } from '../../../core/api';
import { decideRoomCommand, roomAnswer, type RoomPermissions } from '../../../core/room';
import { phoneBoard, phonePersonal } from '../../../core/room-view';
import { api } from '../api';
import { useBoard } from '../store/board-store';
import { useRoom } from '../store/room-store';
import { useTools } from '../store/tools-store';

/** Views go out at most this often: a burst of phone commands becomes one update per phone. */
const viewIntervalMs = 50;

const permissions = (): RoomPermissions => ({ paused: useRoom.getState().paused, voting: useTools.getState().votingOpen });

/** One phone's command: decided against the session as it is now, and applied. */
function decideAndApply(request: RoomCommandRequest): RoomCommandAnswer {
  const board = useBoard.getState();
  const participant = { ...request.participant, authored: new Set(request.participant.authored) };
  // No session open (the library is shown): the phones wait as if paused.
  const decision = board.openFile
    ? decideRoomCommand(board.history.present, participant, request.command, permissions(), crypto.randomUUID())
    : ({ ok: false, refusal: 'paused' } as const);
  if (decision.ok) board.receiveFromRoom(decision.operation);
  return { requestId: request.requestId, answer: roomAnswer(decision) };
}

const waiting: RoomCommandRequest[] = [];

/**
 * Takes a phone's command. Commands that arrived together (a room sending at once) are decided in
 * one task, one after the other, so the board renders once for them all and one call answers them.
 * An unanswered command fails on the phone after main's timeout; the phone keeps its text.
 */
export function handleRoomCommand(request: RoomCommandRequest): void {
  waiting.push(request);
  if (waiting.length === 1) setTimeout(answerWaiting, 0);
}

function answerWaiting(): void {
  const answers = waiting.splice(0).map(decideAndApply);
  if (answers.length > 0) void api.answerRoomCommands(answers).catch(() => undefined);
}

/** The views every phone is to see now. */
export function currentPhoneViews(): PhoneViews {
  const session = useBoard.getState().history.present;
  const { room } = useRoom.getState();
  const allowed = permissions();
  const personal = Object.fromEntries(
    (room.on ? room.participants : []).map((participant) => [
      participant.id,
      phonePersonal(session, { ...participant, authored: new Set(participant.authored) }, allowed),
    ]),
  );
  return { board: phoneBoard(session), personal };
}

/**
 * Listens to main for the room's state and the phones' commands, and keeps the phones' views
 * current while the phones are on. Returns the function that stops it all.
 */
export function startRoomSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const publish = (): void => {
    timer = undefined;
    if (!useRoom.getState().room.on) return;
    void api.showPhoneViews(currentPhoneViews()).catch((error: unknown) => useBoard.getState().reportProblem(error));
  };
  const schedule = (): void => {
    if (timer === undefined && useRoom.getState().room.on) timer = setTimeout(publish, viewIntervalMs);
  };

  const stops = [
    api.on('roomState', (room) => useRoom.getState().setRoom(room)),
    api.on('roomCommand', handleRoomCommand),
    useBoard.subscribe((state, previous) => {
      if (state.history.present !== previous.history.present) schedule();
      // Another session, or back to the library: the phones belong to the session they joined.
      if (state.openFile?.path !== previous.openFile?.path && useRoom.getState().room.on) {
        void api.stopRoom().catch(() => undefined);
        useRoom.getState().reset();
      }
    }),
    useTools.subscribe((state, previous) => {
      if (state.votingOpen !== previous.votingOpen) schedule();
    }),
    useRoom.subscribe((state, previous) => {
      if (state.room !== previous.room || state.paused !== previous.paused) schedule();
    }),
  ];
  return () => {
    clearTimeout(timer);
    for (const stop of stops) stop();
  };
}
