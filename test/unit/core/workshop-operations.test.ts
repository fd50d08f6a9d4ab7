/** The operations of the workshop method: what a facilitator does in each block, as pure data changes. */
import { describe, expect, it } from 'vitest';
import { cardKindOfBlock, neighbourBlock, newBlock, workshopAgenda } from '../../../core/agenda';
import { commit, redo, startHistory, undo } from '../../../core/history';
import { createSession, lacksNarrative, type Session } from '../../../core/model';
import { applyOperation, type Operation } from '../../../core/operations';
import { formatCountdown, remainingMs } from '../../../core/timer';
import { dotsLeft, ranking } from '../../../core/voting';

const T1 = '2027-03-04T09:30:00.000Z';
const T2 = '2027-03-04T09:45:00.000Z';

function apply(session: Session, ...ops: Operation[]): Session {
  return ops.reduce(applyOperation, session);
}

function present<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('expected a value');
  return value;
}
const cardOf = (s: Session, id: string) => present(s.cards[id]);
const timerOf = (s: Session) => present(s.timer);

function workshop(): Session {
  let n = 0;
  const participants = [
    { id: 'p-anna', name: 'Anna', department: 'marketing' as const },
    { id: 'p-ben', name: 'Ben', department: 'sales' as const },
  ];
  return createSession(
    'w',
    { participants },
    workshopAgenda(() => `b${++n}`),
  );
}

describe('lead', () => {
  it('a new card takes the lead of its lane; an extra lane means unresolved', () => {
    const s = apply(
      workshop(),
      { type: 'addLane', laneId: 'parking', title: 'Parkplatz' },
      { type: 'addCard', cardId: 'm', laneId: 'marketing', title: 'Messe' },
      { type: 'addCard', cardId: 'j', laneId: 'seam', title: 'Lead-Definition' },
      { type: 'addCard', cardId: 's', laneId: 'sales', title: 'Rabatte' },
      { type: 'addCard', cardId: 'p', laneId: 'parking', title: 'Preisliste' },
    );
    expect(['m', 'j', 's', 'p'].map((id) => s.cards[id]?.lead)).toEqual(['marketing', 'joint', 'sales', 'unresolved']);
  });

  it('moving a card to another lane sets its lead and records the move; a reason can follow', () => {
    let s = apply(
      workshop(),
      { type: 'addLane', laneId: 'parking', title: 'Parkplatz' },
      { type: 'addCard', cardId: 'c', laneId: 'parking', title: 'Preisliste' },
    );
    s = apply(s, { type: 'moveCard', cardId: 'c', toLaneId: 'sales', toIndex: 0, at: T1 });
    expect(s.cards.c?.lead).toBe('sales');
    s = apply(
      s,
      { type: 'moveCard', cardId: 'c', toLaneId: 'seam', toIndex: 0, at: T2 },
      { type: 'setMoveReason', cardId: 'c', moveIndex: 1, reason: '  Gehört\nbeiden ' },
    );
    expect(s.cards.c?.lead).toBe('joint');
    expect(s.cards.c?.moves).toEqual([
      { fromLaneId: 'parking', toLaneId: 'sales', at: T1, reason: '' },
      { fromLaneId: 'sales', toLaneId: 'seam', at: T2, reason: 'Gehört beiden' },
    ]);
  });

  it('a reorder within the lane keeps the lead and records nothing', () => {
    let s = apply(
      workshop(),
      { type: 'addCard', cardId: 'a', laneId: 'sales', title: 'A' },
      { type: 'addCard', cardId: 'b', laneId: 'sales', title: 'B' },
    );
    s = apply(
      s,
      { type: 'updateCard', cardId: 'a', changes: { lead: 'unresolved' } },
      { type: 'moveCard', cardId: 'a', toLaneId: 'sales', toIndex: 1, at: T1 },
    );
    expect(s.lanes.sales?.cardIds).toEqual(['b', 'a']);
    expect(s.cards.a?.lead).toBe('unresolved');
    expect(s.cards.a?.moves).toEqual([]);
  });

  it('records a seam exchange: who meets, how often, who decides what', () => {
    const s = apply(
      workshop(),
      { type: 'addCard', cardId: 'j', laneId: 'seam', title: 'Lead-Definition' },
      { type: 'updateCard', cardId: 'j', changes: { exchange: { who: ' Teamleitungen ', cadence: 'wöchentlich' } } },
      { type: 'updateCard', cardId: 'j', changes: { exchange: { decisions: 'Marketing: MQL\nVertrieb: SQL' } } },
    );
    expect(s.cards.j?.exchange).toEqual({ who: 'Teamleitungen', cadence: 'wöchentlich', decisions: 'Marketing: MQL\nVertrieb: SQL' });
  });
});

describe('caricatures', () => {
  it('take the view of the side that writes them, stay hidden until revealed, then get a truth and are cleared', () => {
    let s = apply(
      workshop(),
      { type: 'addCard', cardId: 'm', laneId: 'marketing', title: 'Vertrieb will nur Rabatte', kind: 'caricature' },
      { type: 'addCard', cardId: 's', laneId: 'sales', title: 'Marketing malt bunte Bilder', kind: 'caricature' },
    );
    expect([s.cards.m?.caricature.view, s.cards.s?.caricature.view]).toEqual(['marketingOnSales', 'salesOnMarketing']);
    expect(s.caricaturesRevealed).toBe(false);
    s = apply(
      s,
      { type: 'revealCaricatures', revealed: true },
      { type: 'updateCard', cardId: 'm', changes: { caricature: { truth: 'Rabatte nur mit Freigabe', cleared: true } } },
    );
    expect(s.caricaturesRevealed).toBe(true);
    expect(s.cards.m?.caricature).toEqual({ view: 'marketingOnSales', truth: 'Rabatte nur mit Freigabe', cleared: true });
  });
});

describe('mission', () => {
  it('keeps line breaks, trims the end and is a no-op when unchanged', () => {
    const s = apply(workshop(), { type: 'setMission', text: 'Wir sind da,\r\ndamit Kunden bleiben.  \n' });
    expect(s.mission).toBe('Wir sind da,\ndamit Kunden bleiben.');
    expect(applyOperation(s, { type: 'setMission', text: s.mission })).toBe(s);
  });
});

describe('metrics', () => {
  it('a metric without a narrative is flagged until it gets one', () => {
    let s = apply(workshop(), { type: 'addCard', cardId: 'k', laneId: 'seam', title: 'SQL-Quote', kind: 'metric' });
    s = apply(s, { type: 'updateCard', cardId: 'k', changes: { metric: { value: '31', target: '40', unit: '%', owner: 'joint' } } });
    expect(lacksNarrative(cardOf(s, 'k'))).toBe(true);
    s = apply(s, { type: 'updateCard', cardId: 'k', changes: { metric: { narrative: '   ' } } });
    expect(lacksNarrative(cardOf(s, 'k'))).toBe(true);
    s = apply(s, { type: 'updateCard', cardId: 'k', changes: { metric: { narrative: 'Wir arbeiten an denselben Kunden.' } } });
    expect(lacksNarrative(cardOf(s, 'k'))).toBe(false);
    expect(s.cards.k?.metric).toMatchObject({ value: '31', target: '40', unit: '%', owner: 'joint' });
  });

  it('changing a card kind keeps what it held, so switching back loses nothing', () => {
    let s = apply(workshop(), { type: 'addCard', cardId: 'k', laneId: 'seam', title: 'SQL-Quote', kind: 'metric' });
    s = apply(
      s,
      { type: 'updateCard', cardId: 'k', changes: { metric: { narrative: 'Story' } } },
      { type: 'updateCard', cardId: 'k', changes: { kind: 'topic' } },
    );
    s = apply(s, { type: 'updateCard', cardId: 'k', changes: { kind: 'metric' } });
    expect(s.cards.k?.metric.narrative).toBe('Story');
  });
});

describe('card fields', () => {
  it('cleans tags and action items; an unchanged update is a no-op', () => {
    let s = apply(workshop(), { type: 'addCard', cardId: 'c', laneId: 'seam', title: 'CRM' });
    s = apply(s, {
      type: 'updateCard',
      cardId: 'c',
      changes: {
        tags: [' CRM ', 'crm', '', 'Übergabe'],
        actions: [
          { id: 'a1', text: ' Definition schreiben ', owner: 'Anna', due: '2027-02-30', done: false },
          { id: 'a1', text: 'Doppelt', owner: '', due: '', done: false },
          { id: 'a2', text: '  ', owner: '', due: '', done: false },
        ],
        colour: 'blue',
        notes: 'Zeile 1\nZeile 2',
      },
    });
    const card = cardOf(s, 'c');
    expect(card.tags).toEqual(['CRM', 'Übergabe']);
    expect(card.actions).toEqual([{ id: 'a1', text: 'Definition schreiben', owner: 'Anna', due: '', done: false }]);
    expect(applyOperation(s, { type: 'updateCard', cardId: 'c', changes: { tags: ['CRM', 'Übergabe'], colour: 'blue' } })).toBe(s);
  });
});

describe('dot voting', () => {
  it('gives each department its dots, never more, and ranks the cards', () => {
    let s = apply(
      workshop(),
      { type: 'addCard', cardId: 'a', laneId: 'seam', title: 'A' },
      { type: 'addCard', cardId: 'b', laneId: 'seam', title: 'B' },
      { type: 'setVoting', changes: { dots: 2 } },
    );
    const marketing = 'department:marketing';
    s = apply(s, { type: 'vote', cardId: 'b', voterId: marketing, delta: 1 }, { type: 'vote', cardId: 'b', voterId: marketing, delta: 1 });
    expect(applyOperation(s, { type: 'vote', cardId: 'a', voterId: marketing, delta: 1 })).toBe(s);
    expect(dotsLeft(s, marketing)).toBe(0);
    s = apply(s, { type: 'vote', cardId: 'a', voterId: 'department:sales', delta: 1 });
    expect(ranking(s).map((r) => [r.card.id, r.dots, r.rank])).toEqual([
      ['b', 2, 1],
      ['a', 1, 2],
    ]);
    // A participant cannot vote while departments do.
    expect(applyOperation(s, { type: 'vote', cardId: 'a', voterId: 'p-anna', delta: 1 })).toBe(s);
  });

  it('votes by participant count only participants; clearing removes all dots and hides the totals', () => {
    let s = apply(
      workshop(),
      { type: 'addCard', cardId: 'a', laneId: 'seam', title: 'A' },
      { type: 'vote', cardId: 'a', voterId: 'department:sales', delta: 1 },
    );
    s = apply(
      s,
      { type: 'setVoting', changes: { voters: 'participants', revealed: true } },
      { type: 'vote', cardId: 'a', voterId: 'p-ben', delta: 1 },
    );
    expect(ranking(s).map((r) => r.dots)).toEqual([1]);
    s = apply(s, { type: 'clearVotes' });
    expect(s.cards.a?.votes).toEqual({});
    expect(s.voting.revealed).toBe(false);
  });
});

describe('lanes', () => {
  it('renames a lane of the method and gives its default name back on blank; extra lanes keep a name', () => {
    let s = apply(workshop(), { type: 'renameLane', laneId: 'seam', title: ' Die Naht ' });
    expect(s.lanes.seam?.title).toBe('Die Naht');
    s = apply(s, { type: 'renameLane', laneId: 'seam', title: '  ' });
    expect(s.lanes.seam?.title).toBeNull();
    s = apply(s, { type: 'addLane', laneId: 'x', title: 'Parkplatz' });
    expect(applyOperation(s, { type: 'renameLane', laneId: 'x', title: '' })).toBe(s);
  });

  it('removes only empty extra lanes', () => {
    let s = apply(workshop(), { type: 'addLane', laneId: 'x', title: 'Parkplatz' }, { type: 'addCard', cardId: 'c', laneId: 'x', title: 'C' });
    expect(applyOperation(s, { type: 'removeLane', laneId: 'x' })).toBe(s);
    expect(applyOperation(s, { type: 'removeLane', laneId: 'marketing' })).toBe(s);
    s = apply(s, { type: 'deleteCard', cardId: 'c' }, { type: 'removeLane', laneId: 'x' });
    expect(s.laneOrder).toEqual(['marketing', 'seam', 'sales']);
  });
});

describe('agenda', () => {
  it('adds, edits, skips, reorders and removes blocks; next and previous pass over skipped ones', () => {
    let s = apply(
      workshop(),
      { type: 'addBlock', block: newBlock('pause', 'custom', 15), index: 2 },
      { type: 'updateBlock', blockId: 'pause', changes: { title: 'Kaffeepause', minutes: 0 } },
      { type: 'updateBlock', blockId: 'b2', changes: { skipped: true } },
    );
    expect(s.agenda.map((b) => b.id)).toEqual(['b1', 'b2', 'pause', 'b3', 'b4']);
    expect(s.agenda[2]).toMatchObject({ title: 'Kaffeepause', minutes: 1 });
    expect(neighbourBlock(s.agenda, 'b1', 1)?.id).toBe('pause');
    expect(neighbourBlock(s.agenda, 'pause', -1)?.id).toBe('b1');
    expect(neighbourBlock(s.agenda, null, 1)?.id).toBe('b1');
    expect(neighbourBlock(s.agenda, 'b4', 1)).toBeNull();
    s = apply(s, { type: 'moveBlock', blockId: 'b4', toIndex: 0 }, { type: 'removeBlock', blockId: 'pause' });
    expect(s.agenda.map((b) => b.id)).toEqual(['b4', 'b1', 'b2', 'b3']);
  });

  it('each block of the method adds its own kind of card', () => {
    expect(workshopAgenda(() => 'x').map((b) => cardKindOfBlock(b.kind))).toEqual(['topic', 'caricature', 'topic', 'metric']);
  });

  it('removing the active block leaves the agenda without an active block or clock', () => {
    const s = apply(
      workshop(),
      { type: 'goToBlock', blockId: 'b2' },
      { type: 'timer', action: 'start', now: 0 },
      { type: 'removeBlock', blockId: 'b2' },
    );
    expect(s.activeBlockId).toBeNull();
    expect(s.timer).toBeNull();
  });
});

describe('the block timer', () => {
  it('counts down the active block, pauses, takes an extra minute, resets; going to another block starts it afresh', () => {
    const block = (s: Session) => present(s.agenda.find((b) => b.id === s.activeBlockId));
    let s = apply(workshop(), { type: 'goToBlock', blockId: 'b3' }, { type: 'timer', action: 'start', now: 1_000 });
    expect(formatCountdown(remainingMs(timerOf(s), block(s), 1_000))).toBe('40:00');
    expect(formatCountdown(remainingMs(timerOf(s), block(s), 61_500))).toBe('39:00');
    s = apply(s, { type: 'timer', action: 'pause', now: 61_000 });
    expect(remainingMs(timerOf(s), block(s), 999_999)).toBe(39 * 60_000);
    s = apply(s, { type: 'timer', action: 'addMinute', now: 0 });
    expect(formatCountdown(remainingMs(timerOf(s), block(s), 0))).toBe('40:00');
    s = apply(s, { type: 'timer', action: 'reset', now: 0 });
    expect(s.timer).toEqual({ blockId: 'b3', startedAt: null, elapsedMs: 0, addedMs: 0 });
    s = apply(s, { type: 'timer', action: 'start', now: 0 }, { type: 'goToBlock', blockId: 'b4' });
    expect(s.timer).toEqual({ blockId: 'b4', startedAt: null, elapsedMs: 0, addedMs: 0 });
  });

  it('shows how far over time a block runs', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-90_000)).toBe('−1:30');
    expect(formatCountdown(500)).toBe('0:01');
  });

  it('does nothing without an active block', () => {
    const s = workshop();
    expect(applyOperation(s, { type: 'timer', action: 'start', now: 0 })).toBe(s);
  });
});

describe('undo and redo across the workshop', () => {
  it('undoes a reveal, a vote, a mission and a lane move step by step, and redoes them', () => {
    const ops: Operation[] = [
      { type: 'addCard', cardId: 'c', laneId: 'marketing', title: 'Zerrbild', kind: 'caricature' },
      { type: 'revealCaricatures', revealed: true },
      { type: 'vote', cardId: 'c', voterId: 'department:other', delta: 1 },
      { type: 'setMission', text: 'Gemeinsam' },
      { type: 'moveCard', cardId: 'c', toLaneId: 'seam', toIndex: 0, at: T1 },
    ];
    const done = ops.reduce(commit, startHistory(workshop()));
    let h = undo(done);
    expect(h.present.lanes.marketing?.cardIds).toEqual(['c']);
    h = undo(h);
    expect(h.present.mission).toBe('');
    h = undo(undo(h));
    expect(h.present.caricaturesRevealed).toBe(false);
    h = redo(redo(redo(redo(h))));
    expect(h.present).toEqual(done.present);
  });
});
