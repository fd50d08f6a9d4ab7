/** The control window deciding phones' commands: applied at once, answered, never undone, views out. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvents, PhoneViews, RoomCommandRequest } from '../../../core/api';
import { newBlock } from '../../../core/agenda';
import { createSession } from '../../../core/model';
import { addCard, applyOperation } from '../../../core/operations';

const listeners = new Map<string, (payload: unknown) => void>();
const bridge = vi.hoisted(() => {
  const query = { matches: false, addEventListener: () => undefined, removeEventListener: () => undefined };
  const api = {
    answerRoomCommands: vi.fn(async () => undefined),
    showPhoneViews: vi.fn(async () => undefined),
    stopRoom: vi.fn(async () => undefined),
    on: vi.fn(),
  };
  Object.assign(globalThis, { window: { nahtstelle: api }, matchMedia: () => query });
  return api;
});
bridge.on.mockImplementation((event: string, listener: (payload: unknown) => void) => {
  listeners.set(event, listener);
  return () => listeners.delete(event);
});

const { startRoomSync } = await import('../../../renderer/src/room/room-sync');
const { useBoard } = await import('../../../renderer/src/store/board-store');
const { useRoom } = await import('../../../renderer/src/store/room-store');
const { useTools } = await import('../../../renderer/src/store/tools-store');

const annaId = 'anna';
function command(command: RoomCommandRequest['command'], authored: string[] = [], side: 'marketing' | 'sales' = 'sales'): void {
  const request: ApiEvents['roomCommand'] = { requestId: `r${Math.random()}`, participant: { id: annaId, side, authored }, command };
  listeners.get('roomCommand')?.(request);
}
/** The answer to the last command, once the control window has handled the waiting ones. */
async function lastAnswer(): Promise<unknown> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  const answers = (bridge.answerRoomCommands.mock.calls.at(-1) as unknown as [{ answer: unknown }[]] | undefined)?.[0];
  return answers?.at(-1)?.answer;
}
const session = () => useBoard.getState().history.present;

let stop: (() => void) | undefined;
beforeEach(() => {
  vi.clearAllMocks();
  let start = createSession('s', { title: 'Kick-off' });
  start = addCard(start, 'topic', 'marketing', 'Trade fair');
  start = applyOperation(start, { type: 'addBlock', block: newBlock('b1', 'caricatures') });
  useBoard.getState().open({ path: '/sessions/s.nahtstelle', session: start, savedAt: '2027-03-04T09:00:00.000Z', fromBackup: false });
  useRoom.getState().reset();
  useTools.getState().reset();
  stop = startRoomSync();
  listeners.get('roomState')?.({
    on: true,
    address: '127.0.0.1',
    url: 'http://127.0.0.1:8765',
    joinUrl: 'http://127.0.0.1:8765/j#k=AAAAAAAAAAAAAAAAAAAAAA',
    code: 'ACD479',
    joining: true,
    participants: [{ id: annaId, name: 'Anna', side: 'sales', online: true, submissions: 0, authored: [] }],
  } satisfies ApiEvents['roomState']);
});
afterEach(() => stop?.());

describe('phones in the control window', () => {
  it('decides commands that arrive together in one go, in order, and answers them in one call', async () => {
    command({ type: 'addTopic', title: 'Preise' });
    command({ type: 'addTopic', title: 'Leads' });
    command({ type: 'addCaricature', title: 'Zu früh' });
    await lastAnswer();
    expect(bridge.answerRoomCommands).toHaveBeenCalledOnce();
    const answers = (bridge.answerRoomCommands.mock.calls[0] as unknown as [{ answer: unknown }[]])[0];
    expect(answers.map((entry) => entry.answer)).toEqual([{ ok: true }, { ok: true }, { ok: false, refusal: 'notInCaricatureBlock' }]);
    expect(session().inbox?.map((topic) => topic.title)).toEqual(['Preise', 'Leads']);
  });

  it('puts a phone topic into the inbox and answers "received"; the facilitator’s undo never takes it away', async () => {
    useBoard.getState().dispatch({ type: 'editCardTitle', cardId: 'topic', title: 'Messe' });
    command({ type: 'addTopic', title: 'Lead-Qualität' });
    expect(await lastAnswer()).toEqual({ ok: true });
    expect(session().inbox?.map((topic) => topic.title)).toEqual(['Lead-Qualität']);
    useBoard.getState().undo();
    expect(session().cards.topic?.title).toBe('Trade fair');
    expect(session().inbox?.map((topic) => topic.title)).toEqual(['Lead-Qualität']);
  });

  it('refuses a caricature outside the caricatures block, and takes it in that block as the phone’s own hidden card', async () => {
    command({ type: 'addCaricature', title: 'Marketing malt bunte Bilder' });
    expect(await lastAnswer()).toEqual({ ok: false, refusal: 'notInCaricatureBlock' });
    useBoard.getState().dispatch({ type: 'goToBlock', blockId: 'b1' });
    command({ type: 'addCaricature', title: 'Marketing malt bunte Bilder' });
    const answer = (await lastAnswer()) as { ok: true; wrote: string };
    expect(answer.ok).toBe(true);
    expect(session().cards[answer.wrote]).toMatchObject({ kind: 'caricature', fromRoom: true });
    expect(session().lanes.sales?.cardIds).toContain(answer.wrote);
  });

  it('refuses everything while the facilitator has paused the phones, and while no session is open', async () => {
    useRoom.getState().setPaused(true);
    command({ type: 'addTopic', title: 'Preise' });
    expect(await lastAnswer()).toEqual({ ok: false, refusal: 'paused' });
    useRoom.getState().setPaused(false);
    useBoard.getState().close();
    command({ type: 'addTopic', title: 'Preise' });
    expect(await lastAnswer()).toEqual({ ok: false, refusal: 'paused' });
  });

  it('sends the phones the public board and each its own hidden words', async () => {
    useBoard.getState().dispatch({ type: 'goToBlock', blockId: 'b1' });
    command({ type: 'addCaricature', title: 'Marketing malt bunte Bilder' });
    const { wrote } = (await lastAnswer()) as { wrote: string };
    listeners.get('roomState')?.({
      ...useRoom.getState().room,
      participants: [{ id: annaId, name: 'Anna', side: 'sales', online: true, submissions: 1, authored: [wrote] }],
    });
    await vi.waitFor(() => expect(bridge.showPhoneViews).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 80));
    const views = (bridge.showPhoneViews.mock.calls.at(-1) as unknown as [PhoneViews])[0];
    expect(JSON.stringify(views.board)).not.toContain('bunte Bilder');
    expect(views.personal[annaId]?.mine).toEqual([{ id: wrote, title: 'Marketing malt bunte Bilder' }]);
    expect(views.personal[annaId]?.can).toEqual({ topics: true, caricatures: true });
  });

  it('switches the phones off when another session opens', () => {
    useBoard.getState().open({ path: '/sessions/other.nahtstelle', session: createSession('o'), savedAt: '', fromBackup: false });
    expect(bridge.stopRoom).toHaveBeenCalled();
    expect(useRoom.getState().room).toEqual({ on: false });
  });
});
