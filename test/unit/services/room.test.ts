/** The room as main runs it: commands to the control window and back, views out, start and stop. */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvents, PhoneViews, RoomState } from '../../../core/api';
import { createRoomService, type RoomService } from '../../../electron/services/room';
import { cleanUp, connect, joinBySecret, phoneAppFolder, type RoomAt } from './room-server-support';

const loopback = { name: 'lo', address: '127.0.0.1', kind: 'network', virtual: false, likely: true } as const;

interface Control {
  readonly service: RoomService;
  readonly commands: ApiEvents['roomCommand'][];
  readonly states: RoomState[];
}

const services: RoomService[] = [];

async function control(options: { preferredPort?: number; answerTimeoutMs?: number } = {}): Promise<Control> {
  const folder = await phoneAppFolder();
  const commands: Control['commands'] = [];
  const states: RoomState[] = [];
  const service = createRoomService({
    phoneAppDir: () => folder,
    addresses: () => ({ addresses: [loopback], preselected: loopback }),
    emit: (event, payload) => {
      if (event === 'roomCommand') commands.push(payload as ApiEvents['roomCommand']);
      else states.push(payload as RoomState);
    },
    ...options,
  });
  services.push(service);
  return { service, commands, states };
}

function at(state: RoomState): RoomAt {
  if (!state.on) throw new Error('the room is off');
  return { url: state.url, joinUrl: () => state.joinUrl };
}

function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

const views = (mission: string, personal: PhoneViews['personal'] = {}): PhoneViews => ({
  board: { sessionTitle: 'Kick-off', block: null, mission, lanes: [], caricaturesRevealed: false, votesRevealed: false },
  personal,
});
const own = (left: number) => ({ mine: [], can: { topics: true, caricatures: false }, dots: { left, mine: {} } });

afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.stop()));
  await cleanUp();
});

describe('the room as main runs it', () => {
  it('hands a phone command to the control window and acks the phone with its answer', async () => {
    const { service, commands } = await control();
    const room = at(await service.start('127.0.0.1'));
    const { phone } = await joinBySecret(room, 'Anna', 'sales');
    phone.send({ type: 'addCaricature', id: 'm1', title: 'Die Zahlenfresser' });
    await expect.poll(() => commands.length).toBe(1);
    const request = nth(commands, 0);
    expect(request.command).toEqual({ type: 'addCaricature', title: 'Die Zahlenfresser' });
    expect(request.participant).toMatchObject({ side: 'sales', authored: [] });
    service.answer(request.requestId, { ok: true, wrote: 'card-9' });
    expect(await phone.next()).toEqual({ type: 'ack', id: 'm1', status: 'received' });
    // The phone wrote that card: its next command carries it, for the control window to allow an edit.
    phone.send({ type: 'withdrawCaricature', id: 'm2', cardId: 'card-9' });
    await expect.poll(() => commands.length).toBe(2);
    expect(commands[1]?.participant.authored).toEqual(['card-9']);
    service.answer(nth(commands, 1).requestId, { ok: false, refusal: 'alreadyRevealed' });
    expect(await phone.next()).toEqual({ type: 'ack', id: 'm2', status: 'refused', refusal: 'alreadyRevealed' });
  });

  it('answers "failed" when the control window does not answer in time, and ignores a late answer', async () => {
    const { service, commands } = await control({ answerTimeoutMs: 100 });
    const { phone } = await joinBySecret(at(await service.start('127.0.0.1')));
    phone.send({ type: 'addTopic', id: 'm1', title: 'Leads' });
    expect(await phone.next()).toEqual({ type: 'ack', id: 'm1', status: 'refused', refusal: 'failed' });
    service.answer(nth(commands, 0).requestId, { ok: true });
    phone.send({ type: 'addTopic', id: 'm2', title: 'Preise' });
    await expect.poll(() => commands.length).toBe(2);
    service.answer(nth(commands, 1).requestId, { ok: true });
    expect(await phone.next()).toEqual({ type: 'ack', id: 'm2', status: 'received' });
  });

  it('sends the board to every phone once, each phone only its own part, and both to a phone that joins later', async () => {
    const { service, states } = await control();
    const room = at(await service.start('127.0.0.1'));
    const anna = await joinBySecret(room, 'Anna');
    await expect.poll(() => states.at(-1)?.on && states.at(-1)).toMatchObject({ participants: [{ name: 'Anna' }] });
    const annaId = nth((states.at(-1) as Extract<RoomState, { on: true }>).participants, 0).id;
    service.showViews(views('Gemeinsam', { [annaId]: own(3) }));
    expect(await anna.phone.next()).toMatchObject({ type: 'board', board: { mission: 'Gemeinsam' } });
    expect(await anna.phone.next()).toEqual({ type: 'personal', personal: own(3) });
    // The same views again send nothing; a changed personal part goes to its phone alone.
    service.showViews(views('Gemeinsam', { [annaId]: own(3) }));
    service.showViews(views('Gemeinsam', { [annaId]: own(2) }));
    expect(await anna.phone.next()).toEqual({ type: 'personal', personal: own(2) });
    const ben = await joinBySecret(room, 'Ben');
    expect(await ben.phone.next()).toMatchObject({ type: 'board', board: { mission: 'Gemeinsam' } });
  });

  it('reports who joined to the control window, with the join URL and code', async () => {
    const { service, states } = await control();
    const started = await service.start('127.0.0.1');
    expect(started).toMatchObject({ on: true, address: '127.0.0.1', joining: true, participants: [] });
    if (!started.on) return;
    expect(started.joinUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/j#k=[A-Za-z0-9_-]{22}$/);
    expect(started.code).toMatch(/^[34679ACDEFHJKMNPRTUVWXY]{6}$/);
    await joinBySecret(at(started), 'Anna', 'marketing');
    await expect.poll(() => states.at(-1)).toMatchObject({ on: true, participants: [{ name: 'Anna', side: 'marketing', online: true }] });
    const closed = service.setJoining(false);
    expect(closed).toMatchObject({ joining: false });
    const late = await connect(at(started));
    late.send({ type: 'join', secret: new URL(started.joinUrl).hash.slice(3), name: 'Ben', side: 'sales' });
    expect(await late.next()).toEqual({ type: 'bye', reason: 'joiningClosed' });
    const renewed = service.newCode();
    expect(renewed.on && renewed.joinUrl).not.toBe(started.joinUrl);
  });

  it('stopping puts every phone out, frees the port and tells the control window', async () => {
    const { service, states } = await control();
    const started = await service.start('127.0.0.1');
    const { phone } = await joinBySecret(at(started));
    await service.stop();
    expect(await phone.next()).toEqual({ type: 'bye', reason: 'ended' });
    expect(states.at(-1)).toEqual({ on: false });
    expect(service.state()).toEqual({ on: false });
    // While off, the panel's buttons change nothing.
    expect(service.setJoining(false)).toEqual({ on: false });
    expect(service.newCode()).toEqual({ on: false });
  });

  it('takes another free port when the usual one is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const { service } = await control({ preferredPort: taken });
      const started = await service.start('127.0.0.1');
      expect(started.on && Number(new URL(started.url).port)).not.toBe(taken);
      expect(started.on && Number(new URL(started.url).port)).toBeGreaterThan(0);
    } finally {
      blocker.close();
    }
  });
});
