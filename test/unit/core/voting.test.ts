import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commit, startHistory, undo, redo } from '../../../core/history';
import { createSession, departments, type Session } from '../../../core/model';
import { addCard, applyOperation, type Operation } from '../../../core/operations';
import { cardDots, departmentVoterId, dotsLeft, dotsUsed, ranking, votersOf } from '../../../core/voting';

const participants = [
  { id: 'p1', name: 'Anna', department: 'marketing' as const },
  { id: 'p2', name: 'Ben', department: 'sales' as const },
  { id: 'p3', name: 'Cem', department: 'other' as const },
  // An id a file may carry that names a member every object inherits.
  { id: 'toString', name: 'Dana', department: 'marketing' as const },
];

const marketing = departmentVoterId('marketing');
const sales = departmentVoterId('sales');

/** A board with cards a..e: a, b in Marketing, c at the seam, d, e in Sales. */
function board(voters: 'participants' | 'departments' = 'departments', dots = 3): Session {
  let s = createSession('s', { participants });
  s = addCard(s, 'a', 'marketing', 'A');
  s = addCard(s, 'b', 'marketing', 'B');
  s = addCard(s, 'c', 'seam', 'C');
  s = addCard(s, 'd', 'sales', 'D');
  s = addCard(s, 'e', 'sales', 'E');
  return applyOperation(s, { type: 'setVoting', changes: { voters, dots } });
}

function votes(session: Session, ...list: [cardId: string, voterId: string, delta?: 1 | -1][]): Session {
  return list.reduce((s, [cardId, voterId, delta = 1]) => applyOperation(s, { type: 'vote', cardId, voterId, delta }), session);
}

describe('votersOf', () => {
  it('lists the three departments, with ids of their own, when the room votes by department', () => {
    expect(votersOf(board('departments'))).toEqual(departments.map((department) => ({ id: `department:${department}`, name: '', department })));
  });

  it('lists the participants from the session details, in their order, when people vote', () => {
    expect(votersOf(board('participants'))).toEqual(participants);
    expect(votersOf(applyOperation(board('participants'), { type: 'updateDetails', details: { participants: [] } }))).toEqual([]);
  });
});

describe('dots', () => {
  it('counts a voter’s dots across cards and what is left of the budget', () => {
    const s = votes(board('departments', 3), ['a', marketing], ['a', marketing], ['c', marketing], ['d', sales]);
    expect(dotsUsed(s, marketing)).toBe(3);
    expect(dotsLeft(s, marketing)).toBe(0);
    expect(dotsUsed(s, sales)).toBe(1);
    expect(dotsLeft(s, sales)).toBe(2);
    expect(dotsLeft(s, departmentVoterId('other'))).toBe(3);
  });

  it('refuses a dot beyond the budget, leaving the session unchanged', () => {
    const full = votes(board('departments', 2), ['a', marketing], ['b', marketing]);
    expect(applyOperation(full, { type: 'vote', cardId: 'c', voterId: marketing, delta: 1 })).toBe(full);
    // Taking one back frees it again.
    const freed = votes(full, ['a', marketing, -1]);
    expect(dotsLeft(freed, marketing)).toBe(1);
    expect(votes(freed, ['c', marketing]).cards.c?.votes).toEqual({ [marketing]: 1 });
  });

  it('refuses votes from someone who is not a voter of the current mode, and removing a dot that is not there', () => {
    const s = board('departments');
    expect(applyOperation(s, { type: 'vote', cardId: 'a', voterId: 'p1', delta: 1 })).toBe(s);
    expect(applyOperation(s, { type: 'vote', cardId: 'a', voterId: 'nobody', delta: 1 })).toBe(s);
    expect(applyOperation(s, { type: 'vote', cardId: 'a', voterId: marketing, delta: -1 })).toBe(s);
    expect(applyOperation(s, { type: 'vote', cardId: 'missing', voterId: marketing, delta: 1 })).toBe(s);
  });

  it('a card’s total counts only the voters of the current mode, so switching never mixes people and departments', () => {
    let s = votes(board('participants', 3), ['a', 'p1'], ['a', 'p2']);
    s = applyOperation(s, { type: 'setVoting', changes: { voters: 'departments' } });
    s = votes(s, ['a', marketing]);
    const dotsOnA = () => (s.cards.a ? cardDots(s, s.cards.a) : -1);
    expect(dotsOnA()).toBe(1);
    s = applyOperation(s, { type: 'setVoting', changes: { voters: 'participants' } });
    expect(dotsOnA()).toBe(2);
  });

  it('removing the last dot of a voter removes the voter from the card', () => {
    const s = votes(board(), ['a', marketing], ['a', marketing, -1]);
    expect(s.cards.a?.votes).toEqual({});
  });

  it('clearVotes removes every dot and hides the totals again; undo brings them back', () => {
    let h = startHistory(board('departments'));
    h = commit(h, { type: 'vote', cardId: 'a', voterId: marketing, delta: 1 });
    h = commit(h, { type: 'vote', cardId: 'd', voterId: sales, delta: 1 });
    h = commit(h, { type: 'setVoting', changes: { revealed: true } });
    h = commit(h, { type: 'clearVotes' });
    expect(Object.values(h.present.cards).map((c) => c.votes)).toEqual([{}, {}, {}, {}, {}]);
    expect(h.present.voting.revealed).toBe(false);
    expect(ranking(h.present)).toEqual([]);
    h = undo(h);
    expect(h.present.voting.revealed).toBe(true);
    expect(ranking(h.present).map((r) => r.card.id)).toEqual(['a', 'd']);
    h = redo(h);
    expect(ranking(h.present)).toEqual([]);
  });
});

describe('ranking', () => {
  it('lists cards with dots, most first; equal dots share a rank and keep board order; the next rank skips', () => {
    const s = votes(
      board('departments', 5),
      ['e', marketing],
      ['e', marketing],
      ['b', sales],
      ['d', sales],
      ['c', sales],
      ['c', sales],
      ['c', marketing],
    );
    expect(ranking(s).map(({ card, dots, rank }) => [card.id, dots, rank])).toEqual([
      ['c', 3, 1],
      ['e', 2, 2],
      ['b', 1, 3],
      ['d', 1, 3],
    ]);
  });

  it('follows the board order when cards move, and leaves out cards without dots', () => {
    let s = votes(board(), ['d', sales], ['a', sales]);
    expect(ranking(s).map((r) => r.card.id)).toEqual(['a', 'd']);
    s = applyOperation(s, { type: 'moveCard', cardId: 'd', toLaneId: 'marketing', toIndex: 0, at: '2027-03-04T09:00:00.000Z' });
    expect(ranking(s).map((r) => [r.card.id, r.rank])).toEqual([
      ['d', 1],
      ['a', 1],
    ]);
  });
});

// ── Properties over arbitrary sequences of operations ───────────────────────────────────────

const cardIds = ['a', 'b', 'c', 'd', 'e', 'f'];
const voterIds = ['p1', 'p2', 'p3', 'toString', 'gone', marketing, sales, departmentVoterId('other')];
const cardId = fc.constantFrom(...cardIds);
const voterId = fc.constantFrom(...voterIds);

/** Everything that touches votes or the cards they sit on, but never lowers the budget. */
const votingOperation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ type: fc.constant('vote' as const), cardId, voterId, delta: fc.constantFrom(1 as const, -1 as const) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('clearVotes' as const) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('deleteCard' as const), cardId }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('addCard' as const),
      cardId,
      laneId: fc.constantFrom('marketing', 'seam', 'sales'),
      title: fc.constant('New'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('moveCard' as const),
      cardId,
      toLaneId: fc.constantFrom('marketing', 'seam', 'sales'),
      toIndex: fc.integer({ min: 0, max: 5 }),
      at: fc.constant('2027-03-04T09:00:00.000Z'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('setVoting' as const),
      changes: fc.record({ voters: fc.constantFrom('participants' as const, 'departments' as const), revealed: fc.boolean() }, { requiredKeys: [] }),
    }),
  },
);

const start = fc
  .tuple(fc.constantFrom('participants' as const, 'departments' as const), fc.integer({ min: 1, max: 6 }))
  .map(([voters, dots]) => board(voters, dots));

describe('voting (properties)', () => {
  it('no voter ever has more dots on the board than the budget, whatever the sequence of operations', () => {
    fc.assert(
      fc.property(start, fc.array(votingOperation, { maxLength: 60 }), (s0, ops) => {
        let s = s0;
        for (const op of ops) {
          s = applyOperation(s, op);
          for (const voter of voterIds) {
            expect(dotsUsed(s, voter)).toBeLessThanOrEqual(s.voting.dots);
            expect(dotsLeft(s, voter)).toBe(s.voting.dots - dotsUsed(s, voter));
          }
          for (const card of Object.values(s.cards)) for (const count of Object.values(card.votes)) expect(count).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a dot is added exactly when the voter belongs to the current mode and has one left', () => {
    fc.assert(
      fc.property(start, fc.array(votingOperation, { maxLength: 30 }), cardId, voterId, (s0, ops, card, voter) => {
        const s = ops.reduce(applyOperation, s0);
        const after = applyOperation(s, { type: 'vote', cardId: card, voterId: voter, delta: 1 });
        const allowed = Object.hasOwn(s.cards, card) && votersOf(s).some((v) => v.id === voter) && dotsLeft(s, voter) > 0;
        expect(after !== s).toBe(allowed);
        if (allowed) expect(dotsUsed(after, voter)).toBe(dotsUsed(s, voter) + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('lowering the budget keeps dots already given, but no voter over it can add another', () => {
    fc.assert(
      fc.property(
        start,
        fc.array(votingOperation, { maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        cardId,
        voterId,
        (s0, ops, dots, card, voter) => {
          const before = ops.reduce(applyOperation, s0);
          const s = applyOperation(before, { type: 'setVoting', changes: { dots } });
          expect(Object.values(s.cards).map((c) => c.votes)).toEqual(Object.values(before.cards).map((c) => c.votes));
          if (dotsUsed(s, voter) >= dots) expect(applyOperation(s, { type: 'vote', cardId: card, voterId: voter, delta: 1 })).toBe(s);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the ranking is sorted by dots, ranks count the cards ahead with more dots, and totals add up', () => {
    fc.assert(
      fc.property(start, fc.array(votingOperation, { maxLength: 60 }), (s0, ops) => {
        const s = ops.reduce(applyOperation, s0);
        const ranked = ranking(s);
        const boardOrder = s.laneOrder.flatMap((id) => s.lanes[id]?.cardIds ?? []);
        ranked.forEach((entry, i) => {
          expect(entry.dots).toBeGreaterThan(0);
          expect(entry.dots).toBe(cardDots(s, entry.card));
          expect(entry.rank).toBe(ranked.filter((other) => other.dots > entry.dots).length + 1);
          const previous = ranked[i - 1];
          if (!previous) return;
          expect(entry.dots).toBeLessThanOrEqual(previous.dots);
          // Ties keep board order.
          if (entry.dots === previous.dots) expect(boardOrder.indexOf(entry.card.id)).toBeGreaterThan(boardOrder.indexOf(previous.card.id));
        });
        const total = votersOf(s).reduce((sum, voter) => sum + dotsUsed(s, voter.id), 0);
        expect(ranked.reduce((sum, entry) => sum + entry.dots, 0)).toBe(total);
        expect(new Set(ranked.map((r) => r.card.id)).size).toBe(ranked.length);
      }),
      { numRuns: 300 },
    );
  });
});
