import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../core/model';
import { applyOperation, type Operation } from '../../../core/operations';
import { workshopAgenda } from '../../../core/agenda';
import {
  activeCardKind,
  cardLabel,
  describeCard,
  exchangeParts,
  isHiddenCaricature,
  metricLine,
  revealedDots,
  voteMessage,
  voterName,
} from '../../../renderer/src/board/card-text';
import { de } from '../../../renderer/src/i18n/de';
import { en } from '../../../renderer/src/i18n/en';

let t: TFunction;
let tDe: TFunction;

beforeAll(async () => {
  const english = i18next.createInstance();
  await english.init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
  t = english.t;
  const german = i18next.createInstance();
  await german.init({ resources: { de: { translation: de } }, lng: 'de', interpolation: { escapeValue: false } });
  tDe = german.t;
});

function session(...ops: Operation[]): Session {
  return ops.reduce(applyOperation, createSession('s'));
}

const card = (s: Session, id: string) => {
  const found = s.cards[id];
  if (!found) throw new Error(`no card ${id}`);
  return found;
};

describe('what a card says', () => {
  it('a topic names its lead; an unresolved one says so, in English and German', () => {
    const s = session(
      { type: 'addCard', cardId: 'a', laneId: 'seam', title: 'Launch' },
      { type: 'addCard', cardId: 'b', laneId: 'marketing', title: 'Price list' },
      { type: 'updateCard', cardId: 'b', changes: { lead: 'unresolved' } },
    );
    expect(describeCard(card(s, 'a'), { hidden: false, dots: null }, t)).toMatch(/^Topic\. Lead: Joint \(seam\)\./);
    expect(describeCard(card(s, 'b'), { hidden: false, dots: null }, t)).toMatch(/^Topic\. Lead unresolved\./);
    expect(describeCard(card(s, 'b'), { hidden: false, dots: null }, tDe)).toMatch(/^Thema\. Führung ungeklärt\./);
  });

  it('lists colour, tags, action items, notes, why, exchange and revealed dots', () => {
    const s = session(
      { type: 'addCard', cardId: 'a', laneId: 'seam', title: 'Lead scoring' },
      {
        type: 'updateCard',
        cardId: 'a',
        changes: {
          colour: 'green',
          tags: ['leads', 'Q3'],
          notes: 'talked about it',
          why: 'So that sales calls the right people.',
          exchange: { who: 'Both heads', cadence: 'weekly' },
          actions: [
            { id: '1', text: 'Draft', owner: '', due: '', done: true },
            { id: '2', text: 'Review', owner: '', due: '', done: false },
          ],
        },
      },
    );
    const text = describeCard(card(s, 'a'), { hidden: false, dots: 3 }, t);
    expect(text).toContain('Exchange: Who: Both heads, How often: weekly.');
    expect(text).toContain('Why: So that sales calls the right people.');
    expect(text).toContain('Colour: Green.');
    expect(text).toContain('Tags: leads, Q3.');
    expect(text).toContain('1 of 2 action items done.');
    expect(text).toContain('Has notes.');
    expect(text).toContain('3 dots.');
    expect(text).toContain('I opens the details.');
  });

  it('a hidden caricature gives away nothing of its text, only whose picture it is', () => {
    const s = session(
      { type: 'addCard', cardId: 'c', laneId: 'sales', title: 'Marketing only makes slides', kind: 'caricature' },
      { type: 'updateCard', cardId: 'c', changes: { notes: 'secret note', tags: ['slides'], why: 'secret why', caricature: { truth: 'secret truth' } } },
    );
    expect(isHiddenCaricature(s, 'c')).toBe(true);
    const text = describeCard(card(s, 'c'), { hidden: true, dots: null }, t);
    expect(text).toBe('Caricature. How Sales sees Marketing. Hidden until the caricatures are revealed. I opens the details.');
    expect(cardLabel(card(s, 'c'), true, t)).toBe('Hidden caricature');

    const revealed = applyOperation(s, { type: 'revealCaricatures', revealed: true });
    expect(isHiddenCaricature(revealed, 'c')).toBe(false);
    const cleared = applyOperation(revealed, { type: 'updateCard', cardId: 'c', changes: { caricature: { cleared: true } } });
    expect(describeCard(card(cleared, 'c'), { hidden: false, dots: null }, t)).toContain('Actually true: secret truth. Cleared.');
    expect(cardLabel(card(cleared, 'c'), false, t)).toBe('Marketing only makes slides');
  });

  it('only caricatures are ever hidden', () => {
    const s = session({ type: 'addCard', cardId: 't', laneId: 'sales', title: 'Topic' });
    expect(isHiddenCaricature(s, 't')).toBe(false);
    expect(isHiddenCaricature(s, 'missing')).toBe(false);
  });

  it('a metric without a narrative is flagged; with one it tells it', () => {
    let s = session(
      { type: 'addCard', cardId: 'm', laneId: 'sales', title: 'Qualified leads', kind: 'metric' },
      { type: 'updateCard', cardId: 'm', changes: { metric: { value: '40', target: '60', unit: 'per month', owner: 'sales' } } },
    );
    const flagged = describeCard(card(s, 'm'), { hidden: false, dots: null }, t);
    expect(flagged).toContain('40 per month · target 60 per month.');
    expect(flagged).toContain('Owner: Sales.');
    expect(flagged).toContain('No narrative yet.');
    s = applyOperation(s, { type: 'updateCard', cardId: 'm', changes: { metric: { narrative: 'Fewer, but better leads.' } } });
    const told = describeCard(card(s, 'm'), { hidden: false, dots: null }, t);
    expect(told).not.toContain('No narrative yet');
    expect(told).toContain('Narrative: Fewer, but better leads.');
  });
});

describe('face helpers', () => {
  it('words a metric by what is given', () => {
    const metric = { value: '', target: '', unit: '', owner: null, narrative: '' };
    expect(metricLine(metric, t)).toBe('');
    expect(metricLine({ ...metric, value: '23', unit: '%' }, t)).toBe('23 %');
    expect(metricLine({ ...metric, target: '30' }, t)).toBe('Target 30');
    expect(metricLine({ ...metric, value: '23', target: '30', unit: '%' }, tDe)).toBe('23 % · Ziel 30 %');
  });

  it('summarises only the recorded parts of a seam exchange', () => {
    expect(exchangeParts({ who: ' ', cadence: '', decisions: '' }, t)).toEqual([]);
    expect(exchangeParts({ who: '', cadence: 'monthly', decisions: 'Sales sets\nthe price.' }, t)).toEqual(['How often: monthly', 'Decides: Sales sets the price']);
  });

  it('shows dots only once the votes are revealed', () => {
    let s = session({ type: 'addCard', cardId: 'a', laneId: 'seam', title: 'A' }, { type: 'addCard', cardId: 'b', laneId: 'seam', title: 'B' });
    s = applyOperation(s, { type: 'vote', cardId: 'a', voterId: 'department:marketing', delta: 1 });
    s = applyOperation(s, { type: 'vote', cardId: 'a', voterId: 'department:sales', delta: 1 });
    expect(revealedDots(s, 'a')).toBeNull();
    s = applyOperation(s, { type: 'setVoting', changes: { revealed: true } });
    expect(revealedDots(s, 'a')).toBe(2);
    expect(revealedDots(s, 'b')).toBe(0);
    expect(revealedDots(s, 'missing')).toBeNull();
  });

  it('new cards take the kind of the active block', () => {
    let n = 0;
    const agenda = workshopAgenda(() => `b${n++}`);
    let s = createSession('s', {}, agenda);
    expect(activeCardKind(s)).toBe('topic');
    s = applyOperation(s, { type: 'goToBlock', blockId: 'b1' });
    expect(activeCardKind(s)).toBe('caricature');
    s = applyOperation(s, { type: 'goToBlock', blockId: 'b3' });
    expect(activeCardKind(s)).toBe('metric');
    s = applyOperation(s, { type: 'goToBlock', blockId: 'b2' });
    expect(activeCardKind(s)).toBe('topic');
  });
});

describe('voting messages', () => {
  it('names department voters in the UI language and says what is left', () => {
    let s = session({ type: 'addCard', cardId: 'a', laneId: 'seam', title: 'Roadshow' });
    expect(voterName(s, 'department:marketing', t)).toBe('Marketing');
    expect(voterName(s, 'department:other', tDe)).toBe('Andere');
    s = applyOperation(s, { type: 'vote', cardId: 'a', voterId: 'department:sales', delta: 1 });
    expect(voteMessage(s, 'a', 'department:sales', 1, true, t)).toBe('Sales: 1 dot on Roadshow, 2 left.');
    expect(voteMessage(s, 'a', 'department:marketing', -1, false, t)).toBe('Marketing has no dot on Roadshow.');
    expect(voteMessage(s, 'a', 'department:marketing', 1, false, t)).toBe('Marketing has no dots left.');
  });

  it('names participants by name, and never gives away a hidden caricature', () => {
    let s = session(
      { type: 'updateDetails', details: { participants: [{ id: 'p1', name: 'Ana', department: 'sales' }] } },
      { type: 'setVoting', changes: { voters: 'participants' } },
      { type: 'addCard', cardId: 'c', laneId: 'sales', title: 'They only want discounts', kind: 'caricature' },
    );
    s = applyOperation(s, { type: 'vote', cardId: 'c', voterId: 'p1', delta: 1 });
    expect(voteMessage(s, 'c', 'p1', 1, true, t)).toBe('Ana: 1 dot on Hidden caricature, 2 left.');
  });
});
