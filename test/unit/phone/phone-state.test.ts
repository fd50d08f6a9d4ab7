/** The phone's reducer: joining, the room's messages, the connection (renderer/phone/state.ts). */
import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../../core/room-protocol';
import type { PhoneBoard } from '../../../core/room-view';
import {
  initialState,
  joinMessage,
  reduce,
  tooManyAttemptsWaitMs,
  wantsConnection,
  type PhoneEvent,
  type PhoneState,
} from '../../../renderer/phone/state';

const secret = 'AAAAAAAAAAAAAAAAAAAAAA';
const server = (message: ServerMessage, now = 0): PhoneEvent => ({ type: 'server', message, now });
const run = (state: PhoneState, ...events: PhoneEvent[]): PhoneState => events.reduce(reduce, state);
const board: PhoneBoard = { sessionTitle: 'W', block: null, mission: '', lanes: [], caricaturesRevealed: false, votesRevealed: false };

function joined(): PhoneState {
  return run(initialState({}, secret), { type: 'join', name: 'Anna', side: 'marketing' }, server({ type: 'welcome', token: 'tok' }));
}

describe('joining', () => {
  it('joins with the secret from the QR code, then holds only the device token', () => {
    const asking = run(initialState({}, secret), { type: 'join', name: 'Anna', side: 'marketing' });
    expect(asking.stage).toBe('joining');
    expect(joinMessage(asking)).toEqual({ type: 'join', secret, name: 'Anna', side: 'marketing' });
    const inside = reduce(asking, server({ type: 'welcome', token: 'tok' }));
    expect(inside).toMatchObject({ stage: 'room', connection: 'connected', secret: null });
    expect(joinMessage(inside)).toEqual({ type: 'join', token: 'tok', name: 'Anna', side: 'marketing' });
  });

  it('joins with the typed code when there is no secret, and cannot join with neither', () => {
    const start = initialState({}, null);
    expect(reduce(start, { type: 'join', name: '', side: 'sales' })).toBe(start);
    expect(joinMessage(reduce(start, { type: 'join', code: 'ACD347', name: '', side: 'sales' }))).toEqual({
      type: 'join',
      code: 'ACD347',
      name: '',
      side: 'sales',
    });
  });

  it('comes back after a reload with the stored token: no join form', () => {
    const state = initialState({ token: 'tok', name: 'Anna', side: 'sales' }, null);
    expect(state.stage).toBe('joining');
    expect(wantsConnection(state)).toBe(true);
    expect(joinMessage(state)).toEqual({ type: 'join', token: 'tok', name: 'Anna', side: 'sales' });
  });

  it('joins by the scanned secret when the room no longer knows its stored token', () => {
    const state = initialState({ token: 'old', name: 'Anna', side: 'sales' }, secret);
    expect(joinMessage(state)).toEqual({ type: 'join', token: 'old', secret, name: 'Anna', side: 'sales' });
    expect(reduce(state, server({ type: 'bye', reason: 'invalid' }))).toMatchObject({ problem: 'wrongCode' });
  });

  it.each([
    ['joiningClosed', 'joiningClosed'],
    ['full', 'full'],
    ['tooManyAttempts', 'tooManyAttempts'],
    ['invalid', 'wrongCode'],
  ] as const)('shows the join form again after bye %s, with its message, and stops connecting', (reason, problem) => {
    const asking = run(initialState({}, secret), { type: 'join', name: '', side: 'sales' });
    const after = reduce(asking, server({ type: 'bye', reason }, 1000));
    expect(after).toMatchObject({ stage: 'join', problem, secret: null, credentials: null });
    expect(wantsConnection(after)).toBe(false);
    expect(after.waitUntil).toBe(reason === 'tooManyAttempts' ? 1000 + tooManyAttemptsWaitMs : 0);
  });

  it('tells a phone whose token the room forgot (a new room) to join again', () => {
    const state = initialState({ token: 'old', name: '', side: 'sales' }, null);
    expect(reduce(state, server({ type: 'bye', reason: 'invalid' }))).toMatchObject({ stage: 'join', problem: 'expired', credentials: null });
  });
});

describe('in the room', () => {
  it('keeps the board and its own part as they come', () => {
    const personal = { mine: [], can: { topics: true, caricatures: false }, dots: null };
    const state = run(joined(), server({ type: 'board', board }), server({ type: 'personal', personal }));
    expect(state.board).toBe(board);
    expect(state.personal).toBe(personal);
  });

  it('shows reconnecting after a drop, offline without a network, and goes on trying', () => {
    const state = joined();
    const dropped = reduce(state, { type: 'closed', online: true, replaced: false });
    expect(dropped.connection).toBe('reconnecting');
    expect(wantsConnection(dropped)).toBe(true);
    expect(reduce(state, { type: 'closed', online: false, replaced: false }).connection).toBe('offline');
    expect(reduce(state, { type: 'offline' }).connection).toBe('offline');
    expect(reduce(dropped, { type: 'connecting', online: true }).connection).toBe('reconnecting');
  });

  it('steps back when another tab of the phone took its place, until told to continue here', () => {
    const replaced = reduce(joined(), { type: 'closed', online: true, replaced: true });
    expect(replaced.stage).toBe('replaced');
    expect(wantsConnection(replaced)).toBe(false);
    expect(wantsConnection(reduce(replaced, { type: 'resume' }))).toBe(true);
  });

  it('forgets the token when removed or when the room ended, keeping the unsent words visible', () => {
    const withText = run(joined(), { type: 'submit', id: 'm1', command: { type: 'addTopic', title: 'Preise' } });
    const removed = reduce(withText, server({ type: 'bye', reason: 'removed' }));
    expect(removed).toMatchObject({ stage: 'removed', credentials: null });
    expect(removed.outbox).toEqual([{ id: 'm1', command: { type: 'addTopic', title: 'Preise' }, status: 'undelivered' }]);
    const ended = reduce(withText, server({ type: 'bye', reason: 'ended' }));
    expect(ended).toMatchObject({ stage: 'ended', credentials: null });
    expect(reduce(ended, { type: 'joinAgain' })).toMatchObject({ stage: 'join', problem: null });
  });

  it('keeps its place when the room is momentarily full', () => {
    const state = reduce(joined(), server({ type: 'bye', reason: 'full' }));
    expect(state.stage).toBe('room');
    expect(wantsConnection(state)).toBe(true);
  });

  it('shows why a dot was refused, and clears it with the next tap', () => {
    const vote = { type: 'vote' as const, cardId: 'c1', delta: 1 as const };
    const refused = run(
      joined(),
      { type: 'submit', id: 'v1', command: vote },
      { type: 'sent', ids: ['v1'] },
      server({ type: 'ack', id: 'v1', status: 'refused', refusal: 'noDotsLeft' }),
    );
    expect(refused.voteRefusal).toBe('noDotsLeft');
    expect(reduce(refused, { type: 'submit', id: 'v2', command: vote }).voteRefusal).toBeNull();
  });
});
