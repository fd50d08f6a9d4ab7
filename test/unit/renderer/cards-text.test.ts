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
  faceParts,
  faceText,
  isHiddenCaricature,
  laneKindOfCard,
  metricLine,
  revealedDots,
  voteMessage,
  voterNameOf,
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

const plain = { hidden: false, dots: null, laneKind: null } as const;

describe('what a card shows, and so is named by', () => {
  it('a plain topic in its lead’s lane shows and is named by its title alone', () => {
    const s = session({ type: 'addCard', cardId: 'a', laneId: 'marketing', title: 'Launch' });
    const parts = faceParts(card(s, 'a'), { ...plain, laneKind: laneKindOfCard(s.lanes, 'a') }, t);
    expect(parts.badges).toEqual([]);
    expect(faceText(parts)).toBe('Launch');
  });

  it('shows a lead only where the lane does not say it; an unresolved topic always, marked for attention', () => {
    const s = session(
      { type: 'addCard', cardId: 'a', laneId: 'marketing', title: 'Launch' },
      { type: 'updateCard', cardId: 'a', changes: { lead: 'sales' } },
      { type: 'addCard', cardId: 'b', laneId: 'seam', title: 'Price list' },
      { type: 'updateCard', cardId: 'b', changes: { lead: 'unresolved' } },
    );
    const a = faceParts(card(s, 'a'), { ...plain, laneKind: 'marketing' }, t);
    expect(faceText(a)).toBe('Launch, Lead: Sales');
    expect(a.attention).toBe(false);
    const b = faceParts(card(s, 'b'), { ...plain, laneKind: 'seam' }, tDe);
    expect(faceText(b)).toBe('Price list, Führung ungeklärt');
    expect(b.attention).toBe(true);
  });

  it('words everything a topic holds, in the order the face shows it', () => {
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
          exchange: { who: 'Both heads', cadence: 'weekly', decisions: 'Sales sets\nthe criteria.' },
          actions: [
            { id: '1', text: 'Draft', owner: '', due: '', done: true },
            { id: '2', text: 'Review', owner: '', due: '', done: false },
          ],
        },
      },
    );
    const parts = faceParts(card(s, 'a'), { hidden: false, dots: 3, laneKind: 'seam' }, t);
    expect(faceText(parts)).toBe(
      'Lead scoring, Who: Both heads, How often: weekly, Decides: Sales sets the criteria., Why: So that sales calls the right people., leads, Q3, 1/2 actions done, Notes, 3 dots',
    );
    expect(parts.colour).toBe('green');
  });

  it('a hidden caricature shows nothing of its text, only whose picture it is', () => {
    const s = session(
      { type: 'addCard', cardId: 'c', laneId: 'sales', title: 'Marketing only makes slides', kind: 'caricature' },
      {
        type: 'updateCard',
        cardId: 'c',
        changes: { notes: 'secret note', tags: ['slides'], why: 'secret why', caricature: { truth: 'secret truth', cleared: true } },
      },
    );
    expect(isHiddenCaricature(s, 'c')).toBe(true);
    const hidden = faceParts(card(s, 'c'), { ...plain, hidden: true }, t);
    expect(faceText(hidden)).toBe('Hidden caricature, How Sales sees Marketing');
    expect(JSON.stringify(hidden)).not.toMatch(/secret|slides/);
    expect(cardLabel(card(s, 'c'), true, t)).toBe('Hidden caricature');

    const revealed = applyOperation(s, { type: 'revealCaricatures', revealed: true });
    expect(isHiddenCaricature(revealed, 'c')).toBe(false);
    const shown = faceParts(card(revealed, 'c'), plain, t);
    expect(faceText(shown)).toBe(
      'Marketing only makes slides, How Sales sees Marketing, Actually: secret truth, Why: secret why, slides, Cleared, Notes',
    );
    expect(shown.cleared).toBe(true);
  });

  it('only caricatures are ever hidden', () => {
    const s = session({ type: 'addCard', cardId: 't', laneId: 'sales', title: 'Topic' });
    expect(isHiddenCaricature(s, 't')).toBe(false);
    expect(isHiddenCaricature(s, 'missing')).toBe(false);
  });

  it('flags a metric without a narrative; with one it tells it', () => {
    let s = session(
      { type: 'addCard', cardId: 'm', laneId: 'sales', title: 'Qualified leads', kind: 'metric' },
      { type: 'updateCard', cardId: 'm', changes: { metric: { value: '40', target: '60', unit: 'per month', owner: 'sales' } } },
    );
    const flagged = faceParts(card(s, 'm'), plain, t);
    expect(faceText(flagged)).toBe('Qualified leads, Metric · Sales, 40 per month · target 60 per month, No narrative yet');
    expect(flagged.attention).toBe(true);
    s = applyOperation(s, { type: 'updateCard', cardId: 'm', changes: { metric: { narrative: 'Fewer, but better leads.' } } });
    const told = faceParts(card(s, 'm'), plain, t);
    expect(faceText(told)).toBe('Qualified leads, Metric · Sales, 40 per month · target 60 per month, Fewer, but better leads.');
    expect(told.attention).toBe(false);
  });
});

describe('what a card says beyond its name', () => {
  it('kind, lead, colour and the keys, in English and German', () => {
    const s = session(
      { type: 'addCard', cardId: 'a', laneId: 'seam', title: 'Launch' },
      { type: 'updateCard', cardId: 'a', changes: { colour: 'yellow' } },
      { type: 'addCard', cardId: 'b', laneId: 'marketing', title: 'Price list' },
      { type: 'updateCard', cardId: 'b', changes: { lead: 'unresolved' } },
    );
    expect(describeCard(card(s, 'a'), plain, t)).toBe('Topic. Lead: Joint (seam). Colour: Yellow. I opens the details.');
    expect(describeCard(card(s, 'b'), { ...plain, voting: true }, tDe)).toBe(
      'Thema. Führung ungeklärt. I öffnet die Details. Plus setzt einen Punkt, Minus nimmt einen zurück.',
    );
  });

  it('a hidden caricature says that it is hidden', () => {
    const s = session({ type: 'addCard', cardId: 'c', laneId: 'marketing', title: 'Sales only wants discounts', kind: 'caricature' });
    expect(describeCard(card(s, 'c'), { ...plain, hidden: true }, t)).toBe(
      'Caricature. Hidden until the caricatures are revealed. I opens the details.',
    );
  });

  it('knows each card’s lane from one index per lanes object', () => {
    const s = session({ type: 'addCard', cardId: 'a', laneId: 'seam', title: 'A' }, { type: 'addCard', cardId: 'b', laneId: 'sales', title: 'B' });
    expect(laneKindOfCard(s.lanes, 'a')).toBe('seam');
    expect(laneKindOfCard(s.lanes, 'b')).toBe('sales');
    expect(laneKindOfCard(s.lanes, 'missing')).toBeNull();
    const moved = applyOperation(s, { type: 'moveCard', cardId: 'a', toLaneId: 'marketing', toIndex: 0, at: '2027-03-04T10:00:00.000Z' });
    expect(laneKindOfCard(moved.lanes, 'a')).toBe('marketing');
    expect(laneKindOfCard(s.lanes, 'a')).toBe('seam');
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
    expect(exchangeParts({ who: '', cadence: 'monthly', decisions: 'Sales sets\nthe price.' }, t)).toEqual([
      'How often: monthly',
      'Decides: Sales sets the price.',
    ]);
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
    expect(voterNameOf(s, 'department:marketing', t)).toBe('Marketing');
    expect(voterNameOf(s, 'department:other', tDe)).toBe('Sonstige');
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

  it('calls an unnamed participant as the voting panel does, by their place in the list', () => {
    let s = session(
      {
        type: 'updateDetails',
        details: {
          participants: [
            { id: 'p1', name: 'Ana', department: 'sales' },
            { id: 'p2', name: ' ', department: 'marketing' },
          ],
        },
      },
      { type: 'setVoting', changes: { voters: 'participants' } },
      { type: 'addCard', cardId: 'a', laneId: 'seam', title: 'Roadshow' },
    );
    s = applyOperation(s, { type: 'vote', cardId: 'a', voterId: 'p2', delta: 1 });
    expect(voteMessage(s, 'a', 'p2', 1, true, t)).toBe('Participant 2: 1 dot on Roadshow, 2 left.');
    expect(voterNameOf(s, 'p2', tDe)).toBe('Person 2');
  });
});
