import { describe, expect, it } from 'vitest';
import { workshopAgenda } from '../../../core/agenda';
import { createDemoSession } from '../../../core/demo';
import { createSession, laneOfCard, maxCardTitleLength, type Session } from '../../../core/model';
import { addCard, applyOperation, deleteCard, editCardTitle, moveCard, updateDetails } from '../../../core/operations';

function board(): Session {
  let s = createSession('s1');
  s = addCard(s, 'a', 'marketing', 'Launch new product');
  s = addCard(s, 'b', 'marketing', 'Price list');
  s = addCard(s, 'c', 'marketing', 'Trade fair');
  s = addCard(s, 'd', 'sales', 'Key accounts');
  return s;
}

const ids = (s: Session, laneId: string) => s.lanes[laneId]?.cardIds;

describe('a new session', () => {
  it('has the three lanes of the method in order, empty', () => {
    const s = createSession('s1');
    expect(s.laneOrder).toEqual(['marketing', 'seam', 'sales']);
    expect(s.laneOrder.map((id) => s.lanes[id]?.kind)).toEqual(['marketing', 'seam', 'sales']);
    expect(Object.keys(s.cards)).toHaveLength(0);
    expect(s.agenda).toEqual([]);
  });

  it('keeps the details given and takes the agenda given, as its own copy', () => {
    const agenda = workshopAgenda(() => 'b');
    const s = createSession('s1', { title: 'Kick-off', client: 'ACME' }, agenda);
    expect(s.details).toMatchObject({ title: 'Kick-off', client: 'ACME', date: '', participants: [] });
    expect(s.agenda).toEqual(agenda);
    expect(s.agenda).not.toBe(agenda);
    agenda.pop();
    expect(s.agenda).toHaveLength(4);
  });
});

describe('addCard', () => {
  it('appends to the lane by default and at an index when given', () => {
    let s = board();
    expect(ids(s, 'marketing')).toEqual(['a', 'b', 'c']);
    s = addCard(s, 'e', 'marketing', 'First', 0);
    expect(ids(s, 'marketing')).toEqual(['e', 'a', 'b', 'c']);
    expect(s.cards.e?.title).toBe('First');
  });

  it('trims the title, joins lines and caps its length', () => {
    const s = addCard(createSession('s'), 'x', 'seam', '  Joint\n  campaign  ');
    expect(s.cards.x?.title).toBe('Joint campaign');
    const long = addCard(createSession('s'), 'y', 'seam', 'x'.repeat(maxCardTitleLength + 50));
    expect(long.cards.y?.title).toHaveLength(maxCardTitleLength);
  });

  it('refuses an empty title, an unknown lane and a duplicate id, returning the same session', () => {
    const s = board();
    expect(addCard(s, 'z', 'marketing', '   ')).toBe(s);
    expect(addCard(s, 'z', 'nowhere', 'Title')).toBe(s);
    expect(addCard(s, 'a', 'sales', 'Again')).toBe(s);
  });

  it('leaves the original session untouched', () => {
    const s = board();
    addCard(s, 'z', 'marketing', 'New');
    expect(ids(s, 'marketing')).toEqual(['a', 'b', 'c']);
    expect(s.cards.z).toBeUndefined();
  });
});

describe('editCardTitle', () => {
  it('changes the title', () => {
    expect(editCardTitle(board(), 'b', 'Price list 2027').cards.b?.title).toBe('Price list 2027');
  });

  it('ignores an empty or unchanged title and unknown cards', () => {
    const s = board();
    expect(editCardTitle(s, 'b', '  ')).toBe(s);
    expect(editCardTitle(s, 'b', 'Price list')).toBe(s);
    expect(editCardTitle(s, 'nope', 'X')).toBe(s);
  });
});

describe('deleteCard', () => {
  it('removes the card from its lane and from the cards', () => {
    const s = deleteCard(board(), 'b');
    expect(ids(s, 'marketing')).toEqual(['a', 'c']);
    expect(s.cards.b).toBeUndefined();
  });

  it('ignores unknown cards', () => {
    const s = board();
    expect(deleteCard(s, 'nope')).toBe(s);
  });
});

const T = '2027-03-04T09:30:00.000Z';

describe('moveCard', () => {
  it('reorders within a lane (down and up)', () => {
    expect(ids(moveCard(board(), 'a', 'marketing', 2, T), 'marketing')).toEqual(['b', 'c', 'a']);
    expect(ids(moveCard(board(), 'c', 'marketing', 0, T), 'marketing')).toEqual(['c', 'a', 'b']);
  });

  it('moves to another lane at the given index', () => {
    const s = moveCard(board(), 'b', 'sales', 0, T);
    expect(ids(s, 'marketing')).toEqual(['a', 'c']);
    expect(ids(s, 'sales')).toEqual(['b', 'd']);
    expect(laneOfCard(s, 'b')?.id).toBe('sales');
  });

  it('clamps an index past the end to the end', () => {
    expect(ids(moveCard(board(), 'a', 'seam', 99, T), 'seam')).toEqual(['a']);
    expect(ids(moveCard(board(), 'a', 'sales', -5, T), 'sales')).toEqual(['a', 'd']);
  });

  it('is a no-op (same session) to the same place, an unknown lane or card', () => {
    const s = board();
    expect(moveCard(s, 'b', 'marketing', 1, T)).toBe(s);
    expect(moveCard(s, 'b', 'nowhere', 0, T)).toBe(s);
    expect(moveCard(s, 'nope', 'sales', 0, T)).toBe(s);
  });

  it('keeps untouched lanes by reference, so their views need not re-render', () => {
    const s = board();
    const moved = moveCard(s, 'a', 'sales', 0, T);
    expect(moved.lanes.seam).toBe(s.lanes.seam);
  });
});

describe('updateDetails', () => {
  it('changes the given facts and keeps the others', () => {
    const s = updateDetails(createSession('s', { title: 'Kick-off', client: 'ACME' }), { place: 'Hamburg', date: '2027-03-04' });
    expect(s.details).toMatchObject({ title: 'Kick-off', client: 'ACME', place: 'Hamburg', date: '2027-03-04' });
  });

  it('is a no-op when nothing changes', () => {
    const s = createSession('s', { title: 'Kick-off' });
    expect(updateDetails(s, { title: 'Kick-off' })).toBe(s);
    expect(updateDetails(s, {})).toBe(s);
  });
});

describe('applyOperation', () => {
  it('dispatches each operation type', () => {
    let s = board();
    s = applyOperation(s, { type: 'updateDetails', details: { title: 'Workshop' } });
    expect(s.details.title).toBe('Workshop');
    s = applyOperation(s, { type: 'addCard', cardId: 'n', laneId: 'seam', title: 'Lead scoring' });
    s = applyOperation(s, { type: 'editCardTitle', cardId: 'n', title: 'Lead scoring together' });
    s = applyOperation(s, { type: 'moveCard', cardId: 'n', toLaneId: 'sales', toIndex: 1, at: T });
    s = applyOperation(s, { type: 'deleteCard', cardId: 'd' });
    expect(ids(s, 'sales')).toEqual(['n']);
    expect(s.cards.n?.title).toBe('Lead scoring together');
  });

  it('carries the agenda along unchanged, by reference', () => {
    let n = 0;
    const start = createSession(
      's',
      {},
      workshopAgenda(() => `b${++n}`),
    );
    let s = applyOperation(start, { type: 'addCard', cardId: 'a', laneId: 'seam', title: 'Lead scoring' });
    s = applyOperation(s, { type: 'editCardTitle', cardId: 'a', title: 'Lead scoring together' });
    s = applyOperation(s, { type: 'moveCard', cardId: 'a', toLaneId: 'sales', toIndex: 0, at: T });
    s = applyOperation(s, { type: 'updateDetails', details: { client: 'ACME' } });
    s = applyOperation(s, { type: 'deleteCard', cardId: 'a' });
    expect(s.agenda).toBe(start.agenda);
  });
});

describe('createDemoSession', () => {
  it('deals n cards over the three lanes', () => {
    const s = createDemoSession(1000);
    expect(Object.keys(s.cards)).toHaveLength(1000);
    expect(s.laneOrder.map((id) => s.lanes[id]?.cardIds.length)).toEqual([334, 333, 333]);
  });

  it('is a blank board: no agenda', () => {
    expect(createDemoSession(3).agenda).toEqual([]);
  });
});
