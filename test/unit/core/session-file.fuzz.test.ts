/**
 * Fuzzing the loader: whatever a file holds, parseSessionFile returns a session that survives
 * another save and load, or one of the open problem codes. It never throws and never hangs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agendaLimits, blockKinds, type AgendaBlock } from '../../../core/agenda';
import { openProblemCodes } from '../../../core/file-problems';
import {
  cardKinds,
  defaultVoting,
  departments,
  leads,
  methodLaneKinds,
  maxCardTitleLength,
  newCard,
  sessionLanguages,
  type Card,
  type Lane,
  type Session,
} from '../../../core/model';
import { currentFileVersion, parseSessionFile, serializeSession, type LoadResult } from '../../../core/session-file';
import { sessionSchema } from '../../../core/session-schema';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

/**
 * A valid session with a bit of everything, small enough to mutate thousands of times. Without
 * `workshop`, only what a version-1 file could hold (cards as they come out of the migration).
 */
function baseSession(workshop = true): Session {
  const cards: Record<string, Card> = {};
  const cardIds: string[][] = [[], [], []];
  const titles = [
    'Leads zu spät im CRM',
    'Zitat: "So machen wir das"',
    'Emoji 🚀 und Umlaute äöü',
    'Zeile\tmit Tab',
    'constructor',
    'x'.repeat(maxCardTitleLength),
  ];
  for (let i = 0; i < 12; i++) {
    const id = i === 0 ? 'toString' : `c-${i}`;
    cards[id] = newCard(id, titles[i % titles.length] ?? 'Karte', 'topic', methodLaneKinds[i % 3] ?? 'seam');
    cardIds[i % 3]?.push(id);
  }
  if (workshop) {
    cards['c-1'] = {
      ...(cards['c-1'] as Card),
      kind: 'metric',
      lead: 'unresolved',
      tags: ['CRM', 'Zahl'],
      metric: { value: '12', target: '20', unit: '%', owner: 'joint', narrative: 'Erzählung „mit“ Zeilen\nzwei' },
      actions: [{ id: 'a-1', text: 'Nachfassen', owner: 'Anna', due: '2027-03-11', done: false }],
      moves: [{ fromLaneId: 'marketing', toLaneId: 'seam', at: '2027-03-04T10:00:00.000Z', reason: 'gemeinsam' }],
      votes: { 'p-1': 2, 'department:sales': 1 },
    };
    cards['c-2'] = {
      ...(cards['c-2'] as Card),
      kind: 'caricature',
      caricature: { view: 'salesOnMarketing', truth: 'Stimmt so nicht', cleared: true },
      colour: 'green',
    };
  }
  return {
    id: 'fuzz-session',
    details: {
      title: 'Übergabe-Workshop',
      client: 'Müller & Söhne',
      date: '2027-03-04',
      place: 'Raum „Elbe“\n3. OG',
      facilitator: 'Jördis Kühn',
      participants: [
        { id: 'p-1', name: 'Anna', department: 'marketing' },
        { id: 'p-2', name: 'Gökhan', department: 'sales' },
        { id: 'p-3', name: 'Sven', department: 'other' },
      ],
      language: workshop ? 'de' : '',
    },
    agenda: [
      { id: 'b-1', kind: 'lead', title: null, prompt: null, minutes: 45, skipped: false },
      {
        id: 'constructor',
        kind: 'caricatures',
        title: 'Zerrbilder „aufräumen“',
        prompt: 'Zeile 1\nZeile 2 🚀',
        minutes: agendaLimits.minMinutes,
        skipped: false,
      },
      { id: 'b-3', kind: 'mission', title: '', prompt: 'p'.repeat(agendaLimits.textLength), minutes: agendaLimits.maxMinutes, skipped: true },
      { id: 'b-4', kind: 'custom', title: 'Pause', prompt: null, minutes: 15, skipped: false },
    ],
    activeBlockId: workshop ? 'constructor' : null,
    timer: workshop ? { blockId: 'constructor', startedAt: null, elapsedMs: 30_000, addedMs: 60_000 } : null,
    mission: workshop ? 'Gemeinsam für „die“ Kund:innen\n🚀' : '',
    caricaturesRevealed: workshop,
    voting: workshop ? { voters: 'participants', dots: 4, revealed: true } : defaultVoting,
    laneOrder: ['marketing', 'seam', 'sales'],
    lanes: {
      marketing: { id: 'marketing', kind: 'marketing', title: null, cardIds: cardIds[0] ?? [] },
      seam: { id: 'seam', kind: 'seam', title: 'Die Naht', cardIds: cardIds[1] ?? [] },
      sales: { id: 'sales', kind: 'sales', title: null, cardIds: cardIds[2] ?? [] },
    },
    cards,
  };
}

const baseText = serializeSession(baseSession());

/** The base session as a version-1 file (no agenda, cards of id and title), to fuzz the way through the migrations. */
const baseV1Text = (() => {
  const document = JSON.parse(serializeSession(baseSession(false))) as { version: number; session: Record<string, unknown> };
  const { agenda: _a, activeBlockId: _b, timer: _t, mission: _m, caricaturesRevealed: _c, voting: _v, ...session } = document.session;
  const cards = Object.fromEntries(Object.values(baseSession(false).cards).map((card) => [card.id, { id: card.id, title: card.title }]));
  return JSON.stringify({ ...document, version: 1, session: { ...session, cards } }, null, 2);
})();

/** Integrity, checked independently of the loader's own code. */
function expectConsistent(session: Session): void {
  const sorted = (items: readonly string[]): string[] => [...items].sort();
  expect(sorted(session.laneOrder)).toEqual(sorted(Object.keys(session.lanes)));
  expect(new Set(session.laneOrder).size).toBe(session.laneOrder.length);
  for (const [id, lane] of Object.entries(session.lanes)) expect(lane.id).toBe(id);
  for (const [id, card] of Object.entries(session.cards)) expect(card.id).toBe(id);
  const placed = session.laneOrder.flatMap((id) => session.lanes[id]?.cardIds ?? []);
  expect(sorted(placed)).toEqual(sorted(Object.keys(session.cards)));
  expect(new Set(placed).size).toBe(placed.length);
  const participantIds = session.details.participants.map((p) => p.id);
  expect(new Set(participantIds).size).toBe(participantIds.length);
  const blockIds = session.agenda.map((b) => b.id);
  expect(new Set(blockIds).size).toBe(blockIds.length);
  expect(session.agenda.length).toBeLessThanOrEqual(agendaLimits.blocks);
  for (const b of session.agenda) {
    expect(Number.isInteger(b.minutes) && b.minutes >= agendaLimits.minMinutes && b.minutes <= agendaLimits.maxMinutes).toBe(true);
    expect(blockKinds).toContain(b.kind);
  }
}

/**
 * The property every outcome must have. A loaded file was current or migrated from an older
 * version (a mutated version number may send a current file through a migration); once saved,
 * it loads again as it is, without migrating.
 */
function expectSound(result: LoadResult): void {
  if (result.ok) {
    if (result.migratedFrom !== null) {
      expect(Number.isInteger(result.migratedFrom)).toBe(true);
      expect(result.migratedFrom).toBeGreaterThanOrEqual(1);
      expect(result.migratedFrom).toBeLessThan(currentFileVersion);
    }
    expect(sessionSchema.safeParse(result.session).success).toBe(true);
    expectConsistent(result.session);
    const text = serializeSession(result.session);
    const again = parseSessionFile(text);
    expect(again).toEqual({ ok: true, session: result.session, migratedFrom: null });
    if (again.ok) expect(serializeSession(again.session)).toBe(text);
  } else {
    expect(openProblemCodes).toContain(result.problem);
    expect(result.detail).not.toBe('');
    expect(result.detail.length).toBeLessThan(1500);
  }
}

function parseSafely(text: string): LoadResult {
  let result: LoadResult | undefined;
  expect(() => (result = parseSessionFile(text))).not.toThrow();
  if (!result) throw new Error('no result');
  return result;
}

// --- character-level mutations of the file text ---------------------------------------------

const interesting = fc.constantFrom(
  '"',
  '\\',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '\u0000',
  '\uFFFD',
  '\uFEFF',
  '\uD800',
  'null',
  '1e999',
  '-0',
  '"__proto__"',
  '\\u0000',
  '\\ud800',
  '\n',
  ' ',
);
const charMutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(interesting, fc.string({ unit: 'binary', maxLength: 6 })) }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    text: fc.oneof(interesting, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
);
type CharMutation = typeof charMutation extends fc.Arbitrary<infer M> ? M : never;

function mutateText(text: string, mutation: CharMutation): string {
  const at = mutation.at % (text.length + 1);
  switch (mutation.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + mutation.length);
    case 'insert':
      return text.slice(0, at) + mutation.text + text.slice(at);
    case 'replace':
      return text.slice(0, at) + mutation.text + text.slice(at + 1);
    case 'duplicate':
      return text.slice(0, at + mutation.length) + text.slice(at);
  }
}

// --- JSON-level mutations of the parsed document ---------------------------------------------

const idLike = fc.constantFrom('marketing', 'seam', 'sales', 'c-1', 'c-2', 'toString', 'constructor', '__proto__', 'p-1', 'b-1', '', 'x'.repeat(201));
const agendaLike = fc.constantFrom<Json>(
  ...blockKinds,
  'break',
  agendaLimits.maxMinutes,
  agendaLimits.maxMinutes + 1,
  45.5,
  '45',
  't'.repeat(agendaLimits.textLength + 1),
  { id: 'b-new', kind: 'custom', title: null, prompt: null, minutes: 10 },
);
const value: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 2, arbitrary: idLike },
  { weight: 1, arbitrary: agendaLike },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Json>(
      null,
      0,
      -1,
      1.5,
      1,
      2,
      3,
      true,
      [],
      {},
      '2027-02-30',
      '2027-12-31',
      'y'.repeat(1001),
      'z'.repeat(maxCardTitleLength + 1),
    ),
  },
);
const key = fc.oneof(idLike, fc.string({ maxLength: 8 }));
const jsonMutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value }),
  fc.record({ kind: fc.constant('renameKey' as const), at: fc.nat(), key }),
  fc.record({ kind: fc.constant('addKey' as const), at: fc.nat(), key, value }),
  fc.record({ kind: fc.constant('copy' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateCard' as const), card: fc.nat(), lane: fc.nat(), index: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateBlock' as const), block: fc.nat(), index: fc.nat() }),
  fc.record({
    kind: fc.constant('growAgenda' as const),
    count: fc.constantFrom(agendaLimits.blocks - 1, agendaLimits.blocks, agendaLimits.blocks + 1),
  }),
  fc.record({
    kind: fc.constant('resize' as const),
    at: fc.nat(),
    length: fc.constantFrom(0, 1, 199, 200, 201, 499, 500, 501, 999, 1000, 1001, 1999, 2000, 2001),
  }),
);
type JsonMutation = typeof jsonMutation extends fc.Arbitrary<infer M> ? M : never;

/** Every path in the document, root first; iterative, like the loader. */
function pathsOf(root: Json): Path[] {
  const paths: Path[] = [];
  const stack: [Path, Json][] = [[[], root]];
  while (stack.length > 0) {
    const [path, node] = stack.pop() as [Path, Json];
    paths.push(path);
    if (Array.isArray(node)) node.forEach((child, i) => stack.push([[...path, i], child]));
    else if (node !== null && typeof node === 'object') for (const [k, child] of Object.entries(node)) stack.push([[...path, k], child]);
  }
  return paths;
}

function getAt(root: Json, path: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[segment as number] : Object.hasOwn(node, segment) ? node[segment as string] : undefined;
  }
  return node;
}

/** Sets an own property, even one named __proto__ (plain assignment would change the prototype). */
function define(target: { [key: string]: Json }, name: string, item: Json): void {
  Object.defineProperty(target, name, { value: item, enumerable: true, writable: true, configurable: true });
}

function setAt(root: Json, path: Path, item: Json): Json {
  if (path.length === 0) return item;
  const parent = getAt(root, path.slice(0, -1));
  const last = path[path.length - 1] as string | number;
  if (Array.isArray(parent)) parent[last as number] = item;
  else if (parent !== null && typeof parent === 'object') define(parent, String(last), item);
  return root;
}

function mutateJson(root: Json, mutation: JsonMutation): Json {
  const paths = pathsOf(root);
  const pick = (n: number): Path => paths[n % paths.length] ?? [];
  switch (mutation.kind) {
    case 'delete': {
      const path = pick(mutation.at);
      const parent = getAt(root, path.slice(0, -1));
      const last = path[path.length - 1];
      if (last === undefined) return root;
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else if (parent !== null && typeof parent === 'object') Reflect.deleteProperty(parent, last);
      return root;
    }
    case 'replace':
      return setAt(root, pick(mutation.at), mutation.value);
    case 'renameKey': {
      const path = pick(mutation.at);
      const parent = getAt(root, path.slice(0, -1));
      const last = path[path.length - 1];
      if (parent === null || typeof parent !== 'object' || Array.isArray(parent) || typeof last !== 'string') return root;
      const item = parent[last] as Json;
      Reflect.deleteProperty(parent, last);
      define(parent, mutation.key, item);
      return root;
    }
    case 'addKey': {
      const target = getAt(root, pick(mutation.at));
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) define(target, mutation.key, mutation.value);
      return root;
    }
    case 'copy': {
      const from = getAt(root, pick(mutation.from));
      return from === undefined ? root : setAt(root, pick(mutation.to), structuredClone(from));
    }
    case 'duplicateCard': {
      const session = getAt(root, ['session']) as { cards?: Record<string, Json>; lanes?: Record<string, { cardIds?: Json[] }> } | undefined;
      const cardIds = Object.keys(session?.cards ?? {});
      const lanes = Object.values(session?.lanes ?? {});
      const cardId = cardIds[mutation.card % Math.max(1, cardIds.length)];
      const lane = lanes[mutation.lane % Math.max(1, lanes.length)];
      if (cardId !== undefined && Array.isArray(lane?.cardIds)) lane.cardIds.splice(mutation.index % (lane.cardIds.length + 1), 0, cardId);
      return root;
    }
    case 'duplicateBlock': {
      const agenda = getAt(root, ['session', 'agenda']);
      if (!Array.isArray(agenda) || agenda.length === 0) return root;
      const copy = structuredClone(agenda[mutation.block % agenda.length] as Json);
      agenda.splice(mutation.index % (agenda.length + 1), 0, copy);
      return root;
    }
    case 'growAgenda': {
      // Fills the agenda with distinct valid blocks up to `count`: the block limit, either side.
      const agenda = getAt(root, ['session', 'agenda']);
      if (!Array.isArray(agenda)) return root;
      for (let i = agenda.length; i < mutation.count; i++) agenda.push({ id: `grown-${i}`, kind: 'custom', title: null, prompt: null, minutes: 5 });
      return root;
    }
    case 'resize': {
      const path = pick(mutation.at);
      return typeof getAt(root, path) === 'string' ? setAt(root, path, 'r'.repeat(mutation.length)) : root;
    }
  }
}

// --- arbitrary valid sessions -----------------------------------------------------------------

const anyText = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(fc.string({ unit: 'binary', maxLength }), fc.string({ unit: 'grapheme', maxLength }));
const anyId = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).filter((id) => id !== '__proto__');
const dayOrEmpty = fc.oneof(
  fc.constant(''),
  fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const validSession: fc.Arbitrary<Session> = fc
  .record({
    id: anyId,
    title: anyText(30),
    client: anyText(30),
    date: dayOrEmpty,
    place: anyText(30),
    facilitator: anyText(30),
    participants: fc.uniqueArray(fc.record({ id: anyId, name: anyText(20), department: fc.constantFrom(...departments) }), {
      selector: (p) => p.id,
      maxLength: 6,
    }),
    language: fc.constantFrom(...sessionLanguages),
    laneOrder: fc.shuffledSubarray([...methodLaneKinds], { minLength: 3, maxLength: 3 }),
    laneTitles: fc.tuple(fc.option(anyText(20)), fc.option(anyText(20)), fc.option(anyText(20))),
    cards: fc.uniqueArray(
      fc.tuple(
        anyId,
        anyText(40),
        fc.nat(2),
        fc.constantFrom(...cardKinds),
        fc.constantFrom(...leads),
        anyText(40),
        fc.array(
          anyText(8).map((t) => `#${t}`.slice(0, 40)),
          { maxLength: 3 },
        ),
      ),
      { selector: ([id]) => id, maxLength: 25 },
    ),
    mission: anyText(60),
    revealed: fc.boolean(),
    voting: fc.record({
      voters: fc.constantFrom('participants' as const, 'departments' as const),
      dots: fc.integer({ min: 1, max: 99 }),
      revealed: fc.boolean(),
    }),
    agenda: fc.uniqueArray(
      fc.record({
        id: anyId,
        kind: fc.constantFrom(...blockKinds),
        title: fc.option(anyText(40)),
        prompt: fc.option(anyText(80)),
        minutes: fc.integer({ min: agendaLimits.minMinutes, max: agendaLimits.maxMinutes }),
        skipped: fc.boolean(),
      }),
      { selector: (b) => b.id, maxLength: 8 },
    ),
  })
  .map((r) => {
    const lanes: Record<string, Lane> = {};
    methodLaneKinds.forEach((kind, i) => {
      lanes[kind] = { id: kind, kind, title: r.laneTitles[i] ?? null, cardIds: r.cards.filter(([, , lane]) => lane === i).map(([id]) => id) };
    });
    const cards: Record<string, Card> = {};
    for (const [id, title, lane, kind, lead, notes, tags] of r.cards) {
      cards[id] = { ...newCard(id, `K${title}`.slice(0, maxCardTitleLength), kind, methodLaneKinds[lane] ?? 'seam'), lead, notes, tags };
    }
    const { title, client, date, place, facilitator, participants, language } = r;
    const agenda: AgendaBlock[] = r.agenda;
    const active = agenda[0]?.id ?? null;
    return {
      id: r.id,
      details: { title, client, date, place, facilitator, participants, language },
      agenda,
      activeBlockId: active,
      timer: active === null ? null : { blockId: active, startedAt: 1_800_000_000_000, elapsedMs: 0, addedMs: 0 },
      mission: r.mission,
      caricaturesRevealed: r.revealed,
      voting: r.voting,
      laneOrder: r.laneOrder,
      lanes,
      cards,
    };
  });

/** Thousands of runs on a shared 2-core machine: generous, so load elsewhere does not fail them. */
const fuzzTimeout = 120_000;

describe('parseSessionFile (fuzz)', () => {
  it('the base file loads', () => {
    expect(parseSessionFile(baseText)).toEqual({ ok: true, session: baseSession(), migratedFrom: null });
  });

  it(
    'character mutations and truncations of a valid file: a sound session or a problem code',
    () => {
      fc.assert(
        fc.property(fc.array(charMutation, { minLength: 1, maxLength: 4 }), (mutations) => {
          expectSound(parseSafely(mutations.reduce(mutateText, baseText)));
        }),
        { numRuns: 1200 },
      );
    },
    fuzzTimeout,
  );

  it(
    'JSON mutations of a valid document: a sound session or a problem code',
    () => {
      let loaded = 0;
      fc.assert(
        fc.property(fc.array(jsonMutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const document = mutations.reduce(mutateJson, JSON.parse(baseText) as Json);
          const result = parseSafely(JSON.stringify(document) ?? '');
          if (result.ok) loaded++;
          expectSound(result);
          // The exported schema (used for API arguments) agrees with the loader on the payload.
          const header = document as { format?: Json; version?: Json; session?: Json } | null;
          if (header?.format === 'nahtstelle-session' && header.version === currentFileVersion) {
            const payload = JSON.parse(JSON.stringify(header.session) ?? 'null') as unknown;
            expect(sessionSchema.safeParse(payload).success).toBe(result.ok);
          }
        }),
        { numRuns: 1500 },
      );
      // Some mutations are harmless (an unknown key, a renamed lane): both outcomes were exercised.
      expect(loaded).toBeGreaterThan(0);
    },
    fuzzTimeout,
  );

  it('the base file as version 1 loads through the migration, with an empty agenda', () => {
    expect(parseSessionFile(baseV1Text)).toEqual({ ok: true, session: { ...baseSession(false), agenda: [] }, migratedFrom: 1 });
  });

  it(
    'JSON mutations of a version-1 document: migrated to a sound session, or a problem code',
    () => {
      let migrated = 0;
      fc.assert(
        fc.property(fc.array(jsonMutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const document = mutations.reduce(mutateJson, JSON.parse(baseV1Text) as Json);
          const result = parseSafely(JSON.stringify(document) ?? '');
          if (result.ok && result.migratedFrom === 1) {
            migrated++;
            // Version 1 has no agenda: whatever the mutations put there is dropped.
            expect(result.session.agenda).toEqual([]);
          }
          expectSound(result);
        }),
        { numRuns: 600 },
      );
      expect(migrated).toBeGreaterThan(0);
    },
    fuzzTimeout,
  );

  it(
    'any valid session survives serialize and parse unchanged, byte-stable',
    () => {
      fc.assert(
        fc.property(validSession, (session) => {
          const text = serializeSession(session);
          const result = parseSessionFile(text);
          expect(result).toEqual({ ok: true, session, migratedFrom: null });
          if (result.ok) expect(serializeSession(result.session)).toBe(text);
        }),
        { numRuns: 400 },
      );
    },
    fuzzTimeout,
  );

  it('200,000 nested brackets: tooDeep, without recursion', () => {
    for (const open of ['[', '{"a":']) {
      const result = parseSafely(open.repeat(200_000));
      expect(result).toMatchObject({ ok: false, problem: 'tooDeep' });
    }
  });

  it(
    'a huge but valid-looking file: refused with a short detail',
    () => {
      const huge = 'Ä'.repeat(20_000_000);
      const text = `{"format":"nahtstelle-session","version":1,"session":{"id":"${huge}","details":{"title":"${huge}"}}}`;
      const result = parseSafely(text);
      expect(result).toMatchObject({ ok: false, problem: 'invalidSession' });
      if (!result.ok) expect(result.detail.length).toBeLessThan(1500);
    },
    fuzzTimeout,
  );

  it('a huge string of brackets inside a value is not nesting', () => {
    const text = serializeSession({ ...baseSession(), details: { ...baseSession().details, place: `\\"${'[{'.repeat(400)}` } });
    expect(parseSafely(text).ok).toBe(true);
  });
});
