/** What a participant's phone may do (core/room.ts). docs/ARCHITECTURE.md, "Phones in the room". */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workshopAgenda } from '../../../core/agenda';
import { commit, commitFromRoom, startHistory, undo } from '../../../core/history';
import { createSession, type Session } from '../../../core/model';
import { applyOperation, shuffleRoomCaricatures } from '../../../core/operations';
import { decideRoomCommand, roomAnswer, type RoomCommand, type RoomParticipant } from '../../../core/room';
import { parseSessionFile, serializeSession } from '../../../core/session-file';
import { sessionSchema } from '../../../core/session-schema';

function workshop(): Session {
  let n = 0;
  return createSession(
    's',
    { title: 'Kick-off' },
    workshopAgenda(() => `b${++n}`),
  );
}
const inCaricatures = (session: Session) =>
  applyOperation(session, { type: 'goToBlock', blockId: session.agenda.find((b) => b.kind === 'caricatures')?.id ?? null });
const anna: RoomParticipant = { id: 'd1', side: 'marketing', authored: new Set() };
const open = { paused: false, voting: false };

describe('a phone’s command (core/room.ts)', () => {
  it('sends a topic to the inbox, never straight onto the board', () => {
    const decision = decideRoomCommand(workshop(), anna, { type: 'addTopic', title: '  Lead handover ' }, open, 't1');
    expect(decision).toEqual({ ok: true, operation: { type: 'receiveTopic', topicId: 't1', title: '  Lead handover ' } });
    if (!decision.ok) return;
    const after = applyOperation(workshop(), decision.operation);
    expect(after.inbox).toEqual([{ id: 't1', title: 'Lead handover' }]);
    expect(after.cards).toEqual({});
  });

  it('puts a caricature in the writer’s side’s lane, hidden, only in the caricatures block', () => {
    const command: RoomCommand = { type: 'addCaricature', title: 'Sales only wants discounts' };
    expect(decideRoomCommand(workshop(), anna, command, open, 'k1')).toEqual({ ok: false, refusal: 'notInCaricatureBlock' });
    const decision = decideRoomCommand(inCaricatures(workshop()), anna, command, open, 'k1');
    if (!decision.ok) throw new Error(decision.refusal);
    const after = applyOperation(inCaricatures(workshop()), decision.operation);
    expect(after.lanes['marketing']?.cardIds).toEqual(['k1']);
    expect(after.cards['k1']).toMatchObject({ kind: 'caricature', fromRoom: true, caricature: { view: 'marketingOnSales' } });
    expect(decideRoomCommand(inCaricatures(workshop()), { ...anna, side: 'other' }, command, open, 'k2')).toEqual({
      ok: false,
      refusal: 'noSideToDraw',
    });
  });

  it('lets only the author change or withdraw a caricature, and only until the reveal', () => {
    let session = inCaricatures(workshop());
    session = applyOperation(session, {
      type: 'addCard',
      cardId: 'k1',
      laneId: 'sales',
      title: 'Marketing makes slides',
      kind: 'caricature',
      fromRoom: true,
    });
    const ben: RoomParticipant = { id: 'd2', side: 'sales', authored: new Set(['k1']) };
    const edit: RoomCommand = { type: 'editCaricature', cardId: 'k1', title: 'Marketing makes nice slides' };
    expect(decideRoomCommand(session, anna, edit, open, 'x')).toEqual({ ok: false, refusal: 'notYours' });
    expect(decideRoomCommand(session, ben, edit, open, 'x')).toEqual({
      ok: true,
      operation: { type: 'editCardTitle', cardId: 'k1', title: 'Marketing makes nice slides' },
    });
    expect(decideRoomCommand(session, ben, { type: 'withdrawCaricature', cardId: 'k1' }, open, 'x')).toEqual({
      ok: true,
      operation: { type: 'deleteCard', cardId: 'k1' },
    });
    const revealed = applyOperation(session, { type: 'revealCaricatures', revealed: true });
    expect(decideRoomCommand(revealed, ben, edit, open, 'x')).toEqual({ ok: false, refusal: 'alreadyRevealed' });
  });

  it('places a phone’s dots as that phone, within its budget, only while the room votes by phone', () => {
    let session = applyOperation(workshop(), { type: 'addCard', cardId: 'c1', laneId: 'seam', title: 'Lead handover' });
    const vote: RoomCommand = { type: 'vote', cardId: 'c1', delta: 1 };
    const voting = { paused: false, voting: true };
    expect(decideRoomCommand(session, anna, vote, voting, 'x')).toEqual({ ok: false, refusal: 'votingClosed' });
    session = applyOperation(session, { type: 'setVoting', changes: { voters: 'phones', dots: 2 } });
    expect(decideRoomCommand(session, anna, vote, open, 'x')).toEqual({ ok: false, refusal: 'votingClosed' });
    expect(decideRoomCommand(session, anna, { type: 'vote', cardId: 'c1', delta: -1 }, voting, 'x')).toEqual({ ok: false, refusal: 'noneOnCard' });
    let history = startHistory(session);
    for (let i = 0; i < 2; i++) {
      const decision = decideRoomCommand(history.present, anna, vote, voting, 'x');
      if (!decision.ok) throw new Error(decision.refusal);
      history = commitFromRoom(history, decision.operation);
    }
    expect(history.present.cards['c1']?.votes).toEqual({ 'phone:d1': 2 });
    expect(decideRoomCommand(history.present, anna, vote, voting, 'x')).toEqual({ ok: false, refusal: 'noDotsLeft' });
    // Another phone has a budget of its own.
    expect(decideRoomCommand(history.present, { ...anna, id: 'd2' }, vote, voting, 'x')).toMatchObject({ ok: true });
  });

  it('refuses everything while the facilitator has paused the phones, and empty words always', () => {
    expect(decideRoomCommand(workshop(), anna, { type: 'addTopic', title: 'Pricing' }, { paused: true, voting: false }, 't1')).toEqual({
      ok: false,
      refusal: 'paused',
    });
    expect(decideRoomCommand(workshop(), anna, { type: 'addTopic', title: ' \n ' }, open, 't1')).toEqual({ ok: false, refusal: 'emptyTitle' });
  });

  it('whatever phones send, the session stays one the file accepts and a phone only ever adds to the inbox or its own side’s caricatures (property)', () => {
    // Ids as the server makes them: new for every command, so a phone can name a card before,
    // after or never; authorship kept from the app's answers, as the room server keeps it.
    const cardId = fc.constantFrom('k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'x');
    const command: fc.Arbitrary<RoomCommand> = fc.oneof(
      fc.record({ type: fc.constant('addTopic' as const), title: fc.string({ maxLength: 700 }) }),
      fc.record({ type: fc.constant('addCaricature' as const), title: fc.string({ maxLength: 40 }) }),
      fc.record({ type: fc.constant('editCaricature' as const), cardId, title: fc.string({ maxLength: 40 }) }),
      fc.record({ type: fc.constant('withdrawCaricature' as const), cardId }),
    );
    const side = fc.constantFrom('marketing' as const, 'sales' as const, 'other' as const);
    fc.assert(
      fc.property(fc.array(fc.tuple(side, command, fc.boolean()), { maxLength: 30 }), fc.boolean(), (sent, caricatureBlock) => {
        let history = startHistory(caricatureBlock ? inCaricatures(workshop()) : workshop());
        const authored = new Map<string, Set<string>>();
        sent.forEach(([writerSide, cmd, reveal], i) => {
          if (reveal && i % 7 === 6)
            history = { ...history, present: applyOperation(history.present, { type: 'revealCaricatures', revealed: true }) };
          const mine = authored.get(writerSide) ?? new Set<string>();
          const decision = decideRoomCommand(history.present, { id: writerSide, side: writerSide, authored: mine }, cmd, open, `k${i}`);
          const before = history.present;
          if (decision.ok) history = commitFromRoom(history, decision.operation);
          const after = history.present;
          expect(sessionSchema.safeParse(after).success).toBe(true);
          if (!decision.ok) expect(after).toBe(before);
          const answer = roomAnswer(decision);
          if (answer.ok && answer.wrote !== undefined) mine.add(answer.wrote);
          if (answer.ok && answer.withdrew !== undefined) mine.delete(answer.withdrew);
          authored.set(writerSide, mine);
          // Nothing but the writer's own side's lane and the inbox ever changes.
          for (const laneId of ['seam', writerSide === 'marketing' ? 'sales' : 'marketing'])
            expect(after.lanes[laneId]?.cardIds).toEqual(before.lanes[laneId]?.cardIds);
          expect(after.mission).toBe(before.mission);
          expect(after.caricaturesRevealed).toBe(before.caricaturesRevealed);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('the inbox of topics from the room', () => {
  const withTopics = () =>
    ['Lead handover', 'Pricing', 'pricing'].reduce(
      (history, title, i) => commitFromRoom(history, { type: 'receiveTopic', topicId: `t${i}`, title }),
      startHistory(applyOperation(workshop(), { type: 'addCard', cardId: 'c1', laneId: 'sales', title: 'Pricing' })),
    );

  it('places a topic as a card the room wrote, merges a duplicate into a card’s notes, discards — one undo step each', () => {
    let history = withTopics();
    history = commit(history, { type: 'placeTopic', topicId: 't0', laneId: 'seam', index: 0 });
    expect(history.present.lanes['seam']?.cardIds).toEqual(['t0']);
    expect(history.present.cards['t0']).toMatchObject({ title: 'Lead handover', fromRoom: true, lead: 'joint' });
    history = commit(history, { type: 'mergeTopic', topicId: 't1', intoCardId: 'c1' });
    // Pricing says what the card already says: nothing is added to its notes.
    expect(history.present.cards['c1']?.notes).toBe('');
    history = commit(history, { type: 'discardTopic', topicId: 't2' });
    expect(history.present.inbox).toBeUndefined();

    history = undo(undo(undo(history)));
    expect(history.present.inbox?.map((topic) => topic.id)).toEqual(['t0', 't1', 't2']);
    expect(history.present.cards['t0']).toBeUndefined();
  });

  it('keeps the words of a merged topic that differ from the card', () => {
    const history = commitFromRoom(withTopics(), { type: 'receiveTopic', topicId: 't9', title: 'Price list for partners' });
    const merged = commit(history, { type: 'mergeTopic', topicId: 't9', intoCardId: 'c1' });
    expect(merged.present.cards['c1']?.notes).toBe('Price list for partners');
  });

  it('is saved with the session, and a card from the room says so in the file — and nothing of who wrote it', () => {
    const history = commit(withTopics(), { type: 'placeTopic', topicId: 't0', laneId: 'seam', index: 0 });
    const text = serializeSession(history.present);
    expect(text).not.toMatch(/d1|author|device/);
    const loaded = parseSessionFile(text);
    expect(loaded.ok && loaded.session.inbox).toEqual([
      { id: 't1', title: 'Pricing' },
      { id: 't2', title: 'pricing' },
    ]);
    expect(loaded.ok && loaded.session.cards['t0']?.fromRoom).toBe(true);
  });
});

describe('the reveal', () => {
  it('shuffles the caricatures phones wrote within their lane, the same way for the same seed, and leaves every other card in place', () => {
    let session = inCaricatures(workshop());
    session = applyOperation(session, { type: 'addCard', cardId: 'own', laneId: 'marketing', title: 'Typed by the facilitator', kind: 'caricature' });
    for (const id of ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'])
      session = applyOperation(session, {
        type: 'addCard',
        cardId: id,
        laneId: 'marketing',
        title: `Caricature ${id}`,
        kind: 'caricature',
        fromRoom: true,
      });
    const orders = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const revealed = applyOperation(session, { type: 'revealCaricatures', revealed: true, seed });
      const cardIds = revealed.lanes['marketing']?.cardIds ?? [];
      expect(cardIds[0]).toBe('own');
      expect([...cardIds].sort()).toEqual(['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'own']);
      expect(applyOperation(session, { type: 'revealCaricatures', revealed: true, seed })).toEqual(revealed);
      orders.add(cardIds.join());
    }
    // Twenty seeds give more than a couple of orders: the writing order is not kept.
    expect(orders.size).toBeGreaterThan(10);
    expect(shuffleRoomCaricatures(workshop(), 7)).toEqual(workshop());
  });
});
