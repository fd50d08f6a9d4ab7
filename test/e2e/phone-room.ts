/**
 * A room for the phone app's E2E: the real room server on 127.0.0.1 serving out/phone, deciding
 * commands with core's own rules against a small session, and sending the phones their views as
 * the control window would. docs/ARCHITECTURE.md, "Phones in the room".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AgendaBlock, Session } from '../../core/model';
import { createSession } from '../../core/model';
import { addCard, applyOperation } from '../../core/operations';
import { decideRoomCommand, roomAnswer, type RoomCommand, type RoomPermissions } from '../../core/room';
import { phoneBoard, phonePersonal } from '../../core/room-view';
import { startRoomServer, type RoomServer } from '../../electron/services/room-server';

export const phoneAppDir = join(import.meta.dirname, '..', '..', 'out', 'phone');

export function phoneAppBuilt(): boolean {
  return existsSync(join(phoneAppDir, 'index.html'));
}

const caricatureBlock: AgendaBlock = { id: 'b1', kind: 'caricatures', title: null, prompt: null, minutes: 20, skipped: false };

/** A session in the caricatures block, voting open by phone with 3 dots, and two topics on the board. */
export function roomSession(): Session {
  let session: Session = {
    ...createSession('s1', { title: 'Workshop Nord' }, [caricatureBlock]),
    activeBlockId: 'b1',
    mission: 'Gemeinsam Kunden gewinnen',
    voting: { voters: 'phones', dots: 3, revealed: false },
  };
  session = addCard(session, 'topic-a', 'seam', 'Onboarding neuer Kunden');
  session = addCard(session, 'topic-b', 'marketing', 'Leads aus Messen');
  return session;
}

export interface TestRoom {
  readonly server: RoomServer;
  session: Session;
  permissions: RoomPermissions;
  /** Every command the app decided, in order. */
  readonly commands: RoomCommand[];
  /** Sends every phone its views now (after a change the test made). */
  publish(): void;
  close(): Promise<void>;
}

/** `heartbeatMs`: how soon the server closes a socket that answers no ping (a phone whose network died). */
export async function startTestRoom(options: { heartbeatMs?: number } = {}): Promise<TestRoom> {
  let cardNumber = 0;
  const room: TestRoom = {
    server: undefined as unknown as RoomServer,
    session: roomSession(),
    permissions: { paused: false, voting: true },
    commands: [],
    publish() {
      room.server.broadcastBoard(phoneBoard(room.session));
      for (const info of room.server.participants()) {
        room.server.sendPersonal(info.id, phonePersonal(room.session, { ...info, authored: new Set(info.authored) }, room.permissions));
      }
    },
    close: () => room.server.close(),
  };
  // The server records who wrote what once the answer is back: views go out a moment later, as the control window batches them.
  const publishSoon = () => setTimeout(() => room.publish(), 20);
  (room as { server: RoomServer }).server = await startRoomServer({
    host: '127.0.0.1',
    port: 0,
    phoneAppDir,
    onCommand: (participant, command) => {
      room.commands.push(command);
      const decision = decideRoomCommand(room.session, participant, command, room.permissions, `room-${++cardNumber}`);
      if (decision.ok) room.session = applyOperation(room.session, decision.operation);
      publishSoon();
      return Promise.resolve(roomAnswer(decision));
    },
    onJoined: publishSoon,
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
  });
  return room;
}
