import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passesCardSchemaAsIs } from '../../../core/card-fast-check';
import { createDemoSession } from '../../../core/demo';
import { cardColours, cardKinds, cardLimits, caricatureViews, leads, maxCardTitleLength, sides } from '../../../core/model';
import { parseSessionFile, serializeSession } from '../../../core/session-file';
import { cardSchema, sessionLimits, sessionStructureSchema } from '../../../core/session-schema';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Mostly `valid`, now and then `invalid`: a card must often pass as a whole for the test to mean anything. */
const rarely = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: valid, weight: 30 }, { arbitrary: invalid, weight: 1 }) as fc.Arbitrary<T | U>;
/** Text up to `max` characters, with the length at the limit, blank text and a lone surrogate; rarely one too long. */
const text = (max: number, min = 0) =>
  rarely(
    fc.oneof(fc.string({ minLength: Math.max(min, 0), maxLength: 6 }), fc.constantFrom(' ', '\u00a0', 'Köln – ½', '\ud800', 'x'.repeat(max))),
    fc.constantFrom('x'.repeat(max + 1), ...(min > 0 ? [''] : []), 7, null),
  );
const id = rarely(text(sessionLimits.idLength, 1), fc.constantFrom('__proto__', '', 'constructor', '0', '12'));
const date = rarely(fc.constantFrom('', '2027-03-04'), fc.constantFrom('2027-02-30', '2027-3-4', 'soon'));
const at = rarely(
  fc.constantFrom('2027-03-04T09:30:00.000Z', '2027-03-04'),
  fc.constantFrom('gestern', 'x'.repeat(41), `2027-03-04T09:30:00.000Z${' '.repeat(20)}`),
);
const count = (max: number) => rarely(fc.integer({ min: 0, max: 3 }), fc.constantFrom(max, max + 1));

/** A card as a file may hold it: mostly valid, with every limit reached now and then and crossed sometimes. */
const card = fc
  .record({
    id,
    title: rarely(text(maxCardTitleLength), fc.constantFrom('', '\n\t ', '\u00a0')),
    kind: rarely(fc.constantFrom(...cardKinds), fc.constant('rumour')),
    lead: fc.constantFrom(...leads),
    notes: text(cardLimits.longText),
    why: text(cardLimits.longText),
    colour: fc.constantFrom(null, ...cardColours),
    tags: count(cardLimits.tags).chain((n) => fc.array(text(cardLimits.tagLength), { minLength: n, maxLength: n })),
    actions: fc.array(fc.record({ id, text: text(cardLimits.shortText), owner: text(cardLimits.shortText), due: date, done: fc.boolean() }), {
      maxLength: 3,
    }),
    moves: fc.array(fc.record({ fromLaneId: id, toLaneId: id, at, reason: text(cardLimits.shortText) }), { maxLength: 3 }),
    exchange: fc.record({ who: text(cardLimits.shortText), cadence: text(cardLimits.shortText), decisions: text(cardLimits.longText) }),
    caricature: fc.record({ view: fc.constantFrom(...caricatureViews), truth: text(cardLimits.longText), cleared: fc.boolean() }),
    metric: fc.record({
      value: text(cardLimits.shortText),
      target: text(cardLimits.shortText),
      unit: text(cardLimits.shortText),
      owner: fc.constantFrom(null, ...sides),
      narrative: text(cardLimits.longText),
    }),
    votes: fc.dictionary(
      rarely(fc.string({ maxLength: 4 }), fc.constantFrom('__proto__', 'x'.repeat(201))),
      rarely(fc.constantFrom(1, 3, 99), fc.constantFrom(0, 100, 1.5, '2')),
    ),
    fromRoom: rarely(fc.constantFrom(undefined, true), fc.constant(false)),
  })
  .map(({ fromRoom, ...rest }) => (fromRoom === undefined ? rest : { ...rest, fromRoom }));

/** Damage at any depth: a value replaced by any JSON, a key removed or added, the keys reordered. */
const damage = fc.oneof(
  fc.tuple(fc.constant('replace' as const), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>),
  fc.tuple(fc.constant('remove' as const), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.constant(null)),
  fc.tuple(fc.constant('add' as const), fc.array(fc.nat(), { maxLength: 2 }), fc.constant('extra' as Json)),
  fc.tuple(fc.constant('reorder' as const), fc.array(fc.nat(), { maxLength: 2 }), fc.constant(null)),
);

/** `value` with one damage applied at the container the path of indices leads to (inputs are fresh JSON). */
function damaged(value: Json, [how, path, replacement]: [string, number[], Json]): Json {
  let target = value;
  const steps = how === 'replace' || how === 'remove' ? path.slice(0, -1) : path;
  for (const step of steps) {
    if (target === null || typeof target !== 'object') return value;
    const keys = Object.keys(target);
    if (keys.length === 0) break;
    const next = (target as Record<string, Json>)[keys[step % keys.length] ?? ''];
    if (next === null || typeof next !== 'object') break;
    target = next;
  }
  if (target === null || typeof target !== 'object') return value;
  const record = target as Record<string, Json>;
  const keys = Object.keys(record);
  const key = keys[(path.at(-1) ?? 0) % Math.max(1, keys.length)];
  if (how === 'replace' && key !== undefined) record[key] = replacement;
  if (how === 'remove' && key !== undefined) Reflect.deleteProperty(record, key);
  if (how === 'add') record[Array.isArray(record) ? String(keys.length + 5) : 'extra'] = replacement;
  if (how === 'reorder' && !Array.isArray(record) && keys.length > 1) {
    const entries = Object.entries(record).reverse();
    for (const k of keys) Reflect.deleteProperty(record, k);
    for (const [k, v] of entries) record[k] = v;
  }
  return value;
}

/** Equal values with the same keys in the same order, all the way down. */
function sameTree(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key, i) => key === keysB[i] && sameTree((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/** What opening a file would hand the check: the card through JSON, as JSON.parse makes it. */
const asRead = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

describe('passesCardSchemaAsIs: the shortcut past zod when opening a file', () => {
  it('says yes exactly when cardSchema accepts the card and gives it back unchanged, on valid and damaged cards', () => {
    const seen = { asIs: 0, not: 0 };
    fc.assert(
      fc.property(card, fc.option(damage, { freq: 2 }), (raw, harm) => {
        const input = harm ? damaged(asRead(raw), harm) : asRead(raw);
        const parsed = cardSchema.safeParse(input, { jitless: true });
        const asIs = parsed.success && sameTree(parsed.data, input);
        expect(passesCardSchemaAsIs(input)).toBe(asIs);
        seen[asIs ? 'asIs' : 'not']++;
      }),
      { numRuns: 3000 },
    );
    // Both answers come up often, or the property would prove little.
    expect(Math.min(seen.asIs, seen.not)).toBeGreaterThan(150);
  });

  it('passes every card of a file the app wrote', () => {
    const session = createDemoSession(60);
    const file = JSON.parse(serializeSession(session)) as { session: { cards: Record<string, unknown> } };
    for (const value of Object.values(file.session.cards)) expect(passesCardSchemaAsIs(value)).toBe(true);
  });

  it('opening a file gives what the schema gives, on valid and damaged cards alike', () => {
    const base = createDemoSession(4);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), card, fc.option(damage, { freq: 2 })), { maxLength: 4 }), (changes) => {
        const file = JSON.parse(serializeSession(base)) as { session: { cards: Record<string, Json> } };
        for (const [index, raw, harm] of changes) {
          const key = `demo-${index + 1}`;
          const value = asRead({ ...raw, id: key });
          file.session.cards[key] = harm ? damaged(value, harm) : value;
        }
        const opened = parseSessionFile(JSON.stringify(file));
        const expected = sessionStructureSchema.safeParse(asRead(file.session), { jitless: true });
        if (!expected.success) {
          expect(opened).toMatchObject({ ok: false, problem: 'invalidSession' });
          return;
        }
        // A structurally valid session may still fail integrity (an action id twice): the same code either way.
        if (opened.ok) expect(sameTree(opened.session, expected.data)).toBe(true);
        else expect(opened.problem).not.toBe('invalidSession');
      }),
      { numRuns: 400 },
    );
  });
});
