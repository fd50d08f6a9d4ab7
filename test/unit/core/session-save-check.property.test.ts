import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDemoSession } from '../../../core/demo';
import { createSession, newCard, type Card, type Session } from '../../../core/model';
import { addCard, applyOperation, editCardTitle } from '../../../core/operations';
import { parseSessionFile, serializeSession } from '../../../core/session-file';
import { apiArgs } from '../../../core/api-schemas';
import { applySessionChanges, sessionChanges, type SessionChanges } from '../../../core/session-changes';
import { savedSessionOfChanges, savedSessionSchema } from '../../../core/session-save-check';
import { sessionLimits, sessionSchema } from '../../../core/session-schema';
import { operation } from './operation-arbitrary';
import { sessionFilePieces } from '../../../electron/services/session-files';

/** What main receives from the renderer: a structured clone, sharing nothing with what it saw before. */
type Sent = Record<string, unknown> & {
  cards: Record<string, Record<string, unknown>>;
  lanes: Record<string, Record<string, unknown> & { cardIds: string[] }>;
};
const received = (session: unknown): Sent => structuredClone(session) as Sent;

/** Damage a card can arrive with: each breaks exactly one of cardSchema's rules. */
const damage = fc.constantFrom<[string, (card: Record<string, unknown>) => Record<string, unknown>]>(
  ['empty title', (card) => ({ ...card, title: '  ' })],
  ['title not text', (card) => ({ ...card, title: 7 })],
  ['unknown kind', (card) => ({ ...card, kind: 'rumour' })],
  ['tags not a list', (card) => ({ ...card, tags: 'a,b' })],
  ['vote of zero dots', (card) => ({ ...card, votes: { p1: 0 } })],
  ['missing notes', ({ notes: _notes, ...card }) => card],
  ['id that is not its key', (card) => ({ ...card, id: 'someone-else' })],
  ['action ids twice', (card) => ({ ...card, actions: [1, 2].map(() => ({ id: 'a', text: '', owner: '', due: '', done: false })) })],
  // Looks like the card it replaces, field by field; the first three still pass (zod strips the extra key).
  ['an extra key in exchange', (card) => ({ ...card, exchange: { ...(card.exchange as object), extra: 1 } })],
  ['actions with an extra key', (card) => ({ ...card, actions: (card.actions as object[]).map((action) => ({ ...action, extra: 1 })) })],
  ['fromRoom added', (card) => ({ ...card, fromRoom: true })],
  ['fromRoom false', (card) => ({ ...card, fromRoom: false })],
  ['a title that is a String object', (card) => ({ ...card, title: new String(card.title as string) })],
  ['a tag list with a hole', (card) => ({ ...card, tags: Object.assign(new Array<string>(2), { 1: 'x' }) })],
  ['a vote that is a Number object', (card) => ({ ...card, votes: { p1: new Number(1) } })],
  ['metric with a key missing', (card) => ({ ...card, metric: { ...(card.metric as object), narrative: undefined } })],
);

const startSession = fc
  .array(fc.tuple(fc.constantFrom('marketing', 'seam', 'sales'), fc.string({ minLength: 1, maxLength: 8 })), { maxLength: 5 })
  .map((cards) => cards.reduce((s, [lane, t], i) => addCard(s, `c${i}`, lane, `x${t}`), createSession('start')));

describe('savedSessionSchema: the save check that re-checks only changed cards', () => {
  it('accepts and refuses exactly what sessionSchema does, save after save, and what it passes on writes the same file', () => {
    fc.assert(
      fc.property(startSession, fc.array(fc.tuple(operation, fc.option(damage, { freq: 3 }), fc.nat()), { maxLength: 25 }), (start, steps) => {
        let session: Session = start;
        for (const [op, damaged, pick] of steps) {
          session = applyOperation(session, op);
          const ids = Object.keys(session.cards);
          const id = ids[pick % Math.max(1, ids.length)];
          const sent: Record<string, unknown> = received(session);
          if (damaged && id !== undefined) {
            const cards = sent.cards as Record<string, Record<string, unknown>>;
            cards[id] = damaged[1](cards[id] ?? {});
          }
          const full = sessionSchema.safeParse(received(sent));
          const checked = savedSessionSchema.safeParse(sent);
          expect(checked.success).toBe(full.success);
          if (full.success && checked.success) {
            expect(checked.data).toEqual(full.data);
            expect(serializeSession(checked.data)).toBe(serializeSession(full.data));
            // The checked cards' bytes are cached from earlier saves: they must still be the file's text.
            expect(new TextDecoder().decode(Buffer.concat(sessionFilePieces(checked.data)))).toBe(serializeSession(full.data));
            expect(parseSessionFile(serializeSession(checked.data)).ok).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('writes dots in the order they were given, when the same dots were checked before in another order', () => {
    const vote = (session: Session, voterId: string, delta: 1 | -1) => applyOperation(session, { type: 'vote', cardId: 'c0', voterId, delta });
    const check = (session: Session, sent: Record<string, unknown> = received(session)) => {
      const checked = savedSessionSchema.safeParse(sent);
      const full = sessionSchema.safeParse(received(sent));
      expect(checked.success).toBe(full.success);
      return checked.success && full.success ? serializeSession(checked.data) === serializeSession(full.data) : true;
    };
    let session = addCard(createSession('order'), 'c0', 'seam', 'Lead handover');
    session = vote(session, 'department:marketing', 1);
    expect(check(session)).toBe(true);
    session = vote(session, 'department:sales', 1);
    expect(check(session)).toBe(true);
    // A save that fails (a damaged card) leaves the remembered card behind the session.
    session = vote(session, 'department:marketing', -1);
    const damaged = received(session);
    damaged.cards['c0'] = { ...damaged.cards['c0'], title: '  ' };
    expect(check(session, damaged)).toBe(true);
    session = vote(session, 'department:marketing', 1);
    expect(Object.keys(session.cards['c0']?.votes ?? {})).toEqual(['department:sales', 'department:marketing']);
    expect(check(session)).toBe(true);
  });

  it('names the card and the field a damaged card fails on, after that card passed before', () => {
    const session = createDemoSession(30);
    expect(savedSessionSchema.safeParse(received(session)).success).toBe(true);
    const sent = received(session);
    sent.cards['demo-7'] = { ...sent.cards['demo-7'], title: '' };
    const result = savedSessionSchema.safeParse(sent);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['cards', 'demo-7', 'title']]);
  });

  it('still checks integrity when every card is known: an id twice is refused', () => {
    const session = createDemoSession(9);
    expect(savedSessionSchema.safeParse(received(session)).success).toBe(true);
    const sent = received(session);
    const sales = sent.lanes.sales ?? { cardIds: [] };
    sent.lanes.sales = { ...sales, cardIds: [...sales.cardIds, 'demo-1'] };
    const result = savedSessionSchema.safeParse(sent);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('demo-1');
  });

  it('re-checks only the cards that changed: the others are the very cards the last save passed', () => {
    const session = createDemoSession(6);
    const first = savedSessionSchema.parse(received(session));
    const second = savedSessionSchema.parse(received(editCardTitle(session, 'demo-2', 'Changed')));
    expect(second.cards['demo-2']).not.toBe(first.cards['demo-2']);
    expect(second.cards['demo-2']?.title).toBe('Changed');
    for (const id of ['demo-1', 'demo-3', 'demo-4', 'demo-5', 'demo-6']) expect(second.cards[id]).toBe(first.cards[id]);
    expect(Object.isFrozen(second.cards['demo-1']?.tags)).toBe(true);
  });

  it('checks in full a card that only looks like the one it replaces (a String object, an extra key)', () => {
    const session = createDemoSession(6);
    const first = savedSessionSchema.parse(received(session));
    const sent = received(session);
    Object.assign(sent.cards['demo-2'] ?? {}, { title: new String('Topic 2') });
    expect(savedSessionSchema.safeParse(sent).success).toBe(false);
    const extra = received(session);
    Object.assign(extra.cards['demo-3'] ?? {}, { secret: 'x' });
    const passed = savedSessionSchema.parse(extra);
    expect(passed.cards['demo-3']).not.toBe(first.cards['demo-3']);
    expect(passed.cards['demo-3']).not.toHaveProperty('secret');
  });

  it('refuses a card it cannot write as JSON instead of throwing', () => {
    const sent = received(createDemoSession(3));
    Object.assign(sent.cards['demo-1'] ?? {}, { notes: 10n });
    expect(savedSessionSchema.safeParse(sent).success).toBe(false);
  });
});

/** Changes a renderer could send that break an integrity rule only the whole session shows. */
const damagedChanges = fc.constantFrom<[string, (changes: SentChanges, held: Session) => void]>(
  ['a card of the held version removed but still in its lane', (changes, held) => changes.removedCards.push(...Object.keys(held.cards).slice(0, 1))],
  [
    'a card listed in a second lane',
    (changes, held) => {
      const [first] = Object.keys(held.cards);
      const lane = changes.session.lanes.sales;
      if (first !== undefined && lane) lane.cardIds.push(first);
    },
  ],
  [
    'a card in no lane',
    (changes) => {
      changes.session.cards.stray = { ...newCard('stray', 'Stray', 'topic', 'seam') };
    },
  ],
  [
    'a card under another card’s key',
    (changes, held) => {
      const [first, second] = Object.values(held.cards);
      if (first && second) changes.session.cards[first.id] = { ...second };
    },
  ],
  ['a removed card that is not there', (changes) => changes.removedCards.push('no-such-card')],
);

type SentChanges = { base: string; session: Sent; removedCards: string[] };

describe('savedSessionOfChanges: an autosave’s changes checked without the merged structure again', () => {
  it('gives what savedSessionSchema gives for the merged session, save after save, and writes the same file', () => {
    fc.assert(
      fc.property(
        startSession,
        fc.array(fc.tuple(fc.array(operation, { maxLength: 3 }), fc.option(damagedChanges, { freq: 4 })), { maxLength: 20 }),
        (start, steps) => {
          let held = savedSessionSchema.parse(received(start));
          let session: Session = start;
          for (const [operations, damaged] of steps) {
            session = operations.reduce(applyOperation, session);
            const changes = received(sessionChanges(held, 'r', session)) as unknown as SentChanges;
            damaged?.[1](changes, held);
            // What the handler gets: changes that passed the saveSessionChanges argument check.
            const shaped = apiArgs.saveSessionChanges.safeParse(['/s.nahtstelle', changes]);
            if (!shaped.success) continue;
            const sent: SessionChanges = shaped.data[1];
            const full = savedSessionSchema.safeParse(applySessionChanges(held, sent));
            const ours = savedSessionOfChanges(held, sent);
            expect(ours.success).toBe(full.success);
            if (!ours.success) {
              expect(ours.issues.map(({ path, message }) => ({ path, message }))).toEqual(
                full.error?.issues.map(({ path, message }) => ({ path, message })),
              );
              continue;
            }
            expect(ours.data).toEqual(full.data);
            expect(serializeSession(ours.data)).toBe(serializeSession(full.data as Session));
            expect(new TextDecoder().decode(Buffer.concat(sessionFilePieces(ours.data)))).toBe(serializeSession(ours.data));
            held = ours.data;
            session = ours.data;
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('keeps the held cards themselves and checks the changed one', () => {
    const held = savedSessionSchema.parse(received(createDemoSession(5)));
    const changes = received(sessionChanges(held, 'r', editCardTitle(held, 'demo-3', 'Geändert'))) as unknown as SessionChanges;
    const result = savedSessionOfChanges(held, changes);
    expect(result.success && result.data.cards['demo-3']?.title).toBe('Geändert');
    expect(result.success && result.data.cards['demo-1']).toBe(held.cards['demo-1']);
    expect(result.success && Object.isFrozen(result.data.cards['demo-3'])).toBe(true);
  });

  it('refuses changes that take the session over the card limit, as the full check does', () => {
    const held = savedSessionSchema.parse(received(createDemoSession(1)));
    // More cards than allowed in all, though the changes alone are within the limit.
    const many = Object.fromEntries(Array.from({ length: sessionLimits.cards }, (_, i) => [`n-${i}`, newCard(`n-${i}`, 'n', 'topic', 'seam')]));
    const changes: SessionChanges = { base: 'r', session: { ...held, cards: many }, removedCards: [] };
    const full = savedSessionSchema.safeParse(applySessionChanges(held, changes));
    const ours = savedSessionOfChanges(held, changes);
    expect(ours.success).toBe(false);
    expect(full.success).toBe(false);
    expect(!ours.success && ours.issues.map(({ path, message }) => ({ path, message }))).toEqual(
      full.error?.issues.map(({ path, message }) => ({ path, message })),
    );
  });
});

describe('serializeSession writes the cards one by one', () => {
  it('gives the bytes one JSON.stringify of the whole document gives', () => {
    fc.assert(
      fc.property(startSession, fc.array(operation, { maxLength: 20 }), (start, operations) => {
        const session = operations.reduce(applyOperation, start);
        const text = serializeSession(session);
        const whole = `${JSON.stringify(JSON.parse(text), null, 2).replace(/\uFFFD/g, '\\ufffd')}\n`;
        expect(text).toBe(whole);
        const checked = savedSessionSchema.parse(received(session));
        expect(serializeSession(checked)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('writes a card with every field set the same whether the save check made it or not', () => {
    const base = createDemoSession(3);
    const rich: Card = {
      ...newCard('demo-2', 'Lead-Übergabe \uFFFD', 'metric', 'seam'),
      notes: 'Zeile 1\nZeile 2',
      colour: 'violet',
      tags: ['CRM', 'Übergabe'],
      actions: [{ id: 'a-1', text: 'Definition', owner: 'Anna', due: '2028-03-01', done: false }],
      moves: [{ fromLaneId: 'marketing', toLaneId: 'seam', at: '2028-02-29T09:15:00.000Z', reason: 'weil' }],
      exchange: { who: 'Teams', cadence: 'wöchentlich', decisions: 'x' },
      caricature: { view: 'marketingOnSales', truth: 't', cleared: true },
      metric: { value: '12', target: '20', unit: '%', owner: 'joint', narrative: 'n' },
      votes: { p1: 2, 'department:sales': 1 },
      fromRoom: true,
    };
    const session: Session = { ...base, cards: { ...base.cards, 'demo-2': rich } };
    const checked = savedSessionSchema.parse(received(session));
    expect(serializeSession(checked)).toBe(serializeSession(session));
  });
});
