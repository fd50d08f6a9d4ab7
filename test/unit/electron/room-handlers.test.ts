/** The phones' verbs in main: only this machine's own addresses, views checked like the projector's, clear failures. */
import { afterEach, describe, expect, it } from 'vitest';
import type { PhoneViews } from '../../../core/api';
import { createSession } from '../../../core/model';
import { addCard, applyOperation, setVoting, vote } from '../../../core/operations';
import { phoneBoard } from '../../../core/room-view';
import { createHandlers, dispatchCall } from '../../../electron/ipc/handlers';
import { createTestServices, type TestServices } from './main-services';

let services: TestServices | undefined;
afterEach(async () => {
  await services?.cleanup();
  services = undefined;
});

async function handlers() {
  services = await createTestServices();
  return { table: createHandlers(services.services), room: services.room };
}

const withCaricature = addCard(createSession('s'), 'card-1', 'sales', 'Marketing malt nur bunte Bilder', undefined, 'caricature');
const withVotes = setVoting(vote(addCard(createSession('s'), 'card-1', 'seam', 'Preise'), 'card-1', 'phone:abc', 1), { voters: 'phones' });

describe('the phones in main', () => {
  it('starts the room only on an address of this machine; a page cannot pick another', async () => {
    const { table, room } = await handlers();
    expect(await dispatchCall(table, 'startRoom', ['10.0.0.99'])).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
    expect(await dispatchCall(table, 'startRoom', ['localhost'])).toMatchObject({ ok: false, error: { code: 'invalidArguments' } });
    expect(room.start).not.toHaveBeenCalled();
    expect(await dispatchCall(table, 'startRoom', ['127.0.0.1'])).toMatchObject({ ok: true });
    expect(room.start).toHaveBeenCalledWith('127.0.0.1');
  });

  it('says the phones could not start when the address cannot be bound', async () => {
    const { table, room } = await handlers();
    room.start.mockRejectedValueOnce(Object.assign(new Error('listen EADDRNOTAVAIL'), { code: 'EADDRNOTAVAIL' }));
    expect(await dispatchCall(table, 'startRoom', ['127.0.0.1'])).toMatchObject({ ok: false, error: { code: 'roomNotStarted' } });
  });

  it('lists the addresses with the preselected one by its address', async () => {
    const { table } = await handlers();
    expect(await dispatchCall(table, 'listRoomAddresses', [])).toMatchObject({ ok: true, value: { preselected: '127.0.0.1' } });
  });

  it.each([
    [
      'a hidden caricature',
      {
        ...phoneBoard(createSession('s')),
        lanes: [{ id: 'sales', kind: 'sales', title: null, cards: [{ id: 'card-1', title: 'x', kind: 'caricature' }] }],
      },
      /hidden caricature/,
    ],
    [
      'unrevealed dots',
      {
        ...phoneBoard(createSession('s')),
        lanes: [{ id: 'seam', kind: 'seam', title: null, cards: [{ id: 'card-1', title: 'x', kind: 'topic', dots: 3 }] }],
      },
      /hidden dots/,
    ],
  ])('refuses phone views that would show %s, and sends nothing', async (_case, board, detail) => {
    const { table, room } = await handlers();
    const result = await dispatchCall(table, 'showPhoneViews', [{ board, personal: {} }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidArguments', detail: expect.stringMatching(detail) } });
    expect(room.showViews).not.toHaveBeenCalled();
  });

  it('passes on the views core/room-view.ts makes, before and after the reveal', async () => {
    const { table, room } = await handlers();
    for (const session of [
      withCaricature,
      applyOperation(withCaricature, { type: 'revealCaricatures', revealed: true }),
      withVotes,
      setVoting(withVotes, { revealed: true }),
    ]) {
      const views: PhoneViews = { board: phoneBoard(session), personal: {} };
      expect(await dispatchCall(table, 'showPhoneViews', [JSON.parse(JSON.stringify(views))])).toEqual({ ok: true, value: undefined });
    }
    expect(room.showViews).toHaveBeenCalledTimes(4);
  });

  it('checks an answer to a phone command field by field', async () => {
    const { table, room } = await handlers();
    const requestId = '00000000-0000-4000-8000-000000000001';
    expect(await dispatchCall(table, 'answerRoomCommands', [[{ requestId, answer: { ok: false, refusal: 'no such reason' } }]])).toMatchObject({
      ok: false,
      error: { code: 'invalidArguments' },
    });
    expect(await dispatchCall(table, 'answerRoomCommands', [[{ requestId, answer: { ok: true, wrote: 'card-1', extra: 1 } }]])).toMatchObject({
      ok: false,
    });
    expect(room.answer).not.toHaveBeenCalled();
    expect(await dispatchCall(table, 'answerRoomCommands', [[{ requestId, answer: { ok: false, refusal: 'noDotsLeft' } }]])).toMatchObject({
      ok: true,
    });
    expect(room.answer).toHaveBeenCalledWith(requestId, { ok: false, refusal: 'noDotsLeft' });
  });

  it('switches the phones off when the session closes', async () => {
    const { table, room } = await handlers();
    await dispatchCall(table, 'closeSession', []);
    expect(room.stop).toHaveBeenCalled();
  });
});
