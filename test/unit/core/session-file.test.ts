import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agendaLimits, workshopAgenda, type AgendaBlock } from '../../../core/agenda';
import { createDemoSession } from '../../../core/demo';
import { addCard } from '../../../core/operations';
import { openProblemCodes, type OpenProblemCode } from '../../../core/file-problems';
import { createSession, defaultVoting, maxCardTitleLength, newCard, type Card, type Lane, type Participant, type Session } from '../../../core/model';
import {
  currentFileVersion,
  looksBinary,
  maxSessionFileBytes,
  migrations,
  parseSessionFile,
  serializeSession,
  summaryFromHead,
  summaryHeadBytes,
  sessionFileFormat,
  summarizeSession,
  type LoadResult,
} from '../../../core/session-file';
import { sessionSchema } from '../../../core/session-schema';
import { sessionFilePieces } from '../../../electron/services/session-files';

const fixtures = new URL('../../fixtures/sessions/', import.meta.url);

/** Reads a fixture the way the service does: bytes, then a lenient UTF-8 decode. */
function fixtureText(name: string): string {
  return new TextDecoder('utf-8').decode(readFileSync(new URL(name, fixtures)));
}

/** Ids one after another, as a newId for workshopAgenda. */
function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** Freezes a parsed JSON value all the way down, so code that writes to it throws. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** A session with every field set and the strings that break naive serialisers. */
function fullSession(): Session {
  const participants: Participant[] = [
    { id: 'p-m1', name: 'Anna Schäfer', department: 'marketing' },
    { id: 'p-m2', name: 'Timo "TW" Weiß', department: 'marketing' },
    { id: 'p-s1', name: 'Gökhan Yılmaz', department: 'sales' },
    { id: 'p-s2', name: 'Birgit Lorenz\nAußendienst Süd', department: 'sales' },
    { id: 'p-o1', name: '李明 (IT) 🖥️', department: 'other' },
    { id: 'p-o2', name: '', department: 'other' },
  ];
  const titles = [
    'Webinar-Leads kommen zu spät an',
    'Zitat: "Das haben wir schon immer so gemacht" – und \'so\'?',
    'Backslash \\ und Tab\tim Titel',
    'Emoji 🚀🤝👩🏽‍💼 und Flaggen 🇩🇪',
    'Ersatzzeichen \uFFFD und NUL \u0000 als Inhalt',
    'Einsames Surrogat \uD800 bleibt erhalten',
    '<script>alert(1)</script> ist nur Text',
    'x'.repeat(maxCardTitleLength),
    '  Leerzeichen am Rand  ',
  ];
  const laneIds = ['marketing', 'seam', 'sales'] as const;
  const cards: Record<string, Card> = {};
  const cardIds: Record<string, string[]> = { marketing: [], seam: [], sales: [] };
  // Ids that are also Object.prototype names or numbers must be plain ids.
  const specialIds = ['constructor', 'toString', '0', '42', 'hasOwnProperty', 'ünïcödé-id', 'id with spaces'];
  for (let i = 0; i < 60; i++) {
    const id = specialIds[i] ?? `card-${String(i).padStart(3, '0')}`;
    const lane = laneIds[i % 3] ?? 'seam';
    cards[id] = newCard(id, titles[i % titles.length] ?? 'Karte', 'topic', lane);
    cardIds[lane]?.push(id);
  }
  // Cards with every field set, the awkward strings included.
  const tricky = 'Zeile 1\nZeile 2\r\n\t"zitiert" \\ \uFFFD \u0000 \uD800 🤝';
  cards['card-010'] = {
    ...newCard('card-010', 'Lead-Übergabe', 'topic', 'seam'),
    lead: 'unresolved',
    notes: tricky,
    why: 'Mission: Kunden schneller helfen',
    colour: 'violet',
    tags: ['CRM', 'Übergabe 🧵', 't'.repeat(40)],
    actions: [
      { id: 'a-1', text: 'Definition „SQL“ aufschreiben', owner: 'Anna', due: '2028-03-01', done: false },
      { id: 'constructor', text: tricky, owner: '', due: '', done: true },
    ],
    moves: [
      { fromLaneId: 'marketing', toLaneId: 'sales', at: '2028-02-29T09:15:00.000Z', reason: 'Vertrieb führt' },
      { fromLaneId: 'sales', toLaneId: 'seam', at: '2028-02-29T09:40:12.345Z', reason: '' },
    ],
    exchange: { who: 'Teamleitungen', cadence: 'wöchentlich, Mo 9:00', decisions: tricky },
    votes: { 'p-m1': 2, 'department:sales': 1 },
  };
  cards['card-011'] = {
    ...newCard('card-011', 'Die vom Vertrieb wollen nur Rabatte', 'caricature', 'sales'),
    caricature: { view: 'marketingOnSales', truth: tricky, cleared: true },
    colour: 'red',
  };
  cards['card-012'] = {
    ...newCard('card-012', 'Conversion MQL → SQL', 'metric', 'marketing'),
    metric: { value: 'ca. 12', target: '20', unit: '%', owner: 'joint', narrative: tricky },
  };
  const agenda: AgendaBlock[] = [
    { id: 'b-lead', kind: 'lead', title: null, prompt: null, minutes: 45, skipped: false },
    {
      id: 'constructor',
      kind: 'caricatures',
      title: 'Zerrbilder: „Die vom Vertrieb wollen nur Rabatte“ 🙄',
      prompt: 'Zeile 1\nZeile 2\r\n\t"zitiert" \\ \uFFFD \u0000 \uD800',
      minutes: agendaLimits.minMinutes,
      skipped: false,
    },
    { id: 'b-mission', kind: 'mission', title: '', prompt: '', minutes: agendaLimits.maxMinutes, skipped: true },
    {
      id: 'b-metrics',
      kind: 'metrics',
      title: 'm'.repeat(agendaLimits.textLength),
      prompt: 'p'.repeat(agendaLimits.textLength),
      minutes: 40,
      skipped: false,
    },
    { id: '0', kind: 'custom', title: 'Mittagspause ☕', prompt: null, minutes: 60, skipped: false },
    {
      id: 'ünïcödé-block',
      kind: 'custom',
      title: 'Abschluss & nächste Schritte',
      prompt: 'Wer macht was bis wann? <b>kein HTML</b>',
      minutes: 30,
      skipped: false,
    },
  ];
  const lanes: Record<string, Lane> = {
    marketing: { id: 'marketing', kind: 'marketing', title: null, cardIds: cardIds.marketing ?? [] },
    seam: { id: 'seam', kind: 'seam', title: 'Die Naht: „Übergabe“ 🧵', cardIds: cardIds.seam ?? [] },
    sales: { id: 'sales', kind: 'sales', title: 'Vertrieb\n(Innen- & Außendienst)', cardIds: cardIds.sales ?? [] },
  };
  return {
    id: '3f6c2a9e-8d41-4b7a-9c15-2e0d7f4b8a61',
    details: {
      title: 'Lead-Übergabe Q3 – „Wo hakt’s?“ 🧐',
      client: 'Müller & Söhne GmbH\nWerk 2',
      date: '2028-02-29',
      place: 'Hamburg\r\nRaum "Elbe", 3. OG',
      facilitator: 'Dr. Jördis Kühn',
      participants,
      language: 'de',
    },
    agenda,
    activeBlockId: 'constructor',
    timer: { blockId: 'constructor', startedAt: 1835000000000, elapsedMs: 61_500, addedMs: 120_000 },
    mission: 'Wir sind da, damit Kund:innen „ja“ sagen können.\nZweite Zeile 🚀',
    caricaturesRevealed: true,
    voting: { voters: 'participants', dots: 5, revealed: true },
    laneOrder: ['sales', 'marketing', 'seam'],
    lanes,
    cards,
  };
}

/** A board of `count` cards dealt over the three lanes (createDemoSession is quadratic). */
function board(count: number): Session {
  const session = createSession('board-2000', { title: 'Großer Workshop' });
  const cards: Record<string, Card> = {};
  const lanes = session.laneOrder.map((id) => ({ ...(session.lanes[id] as Lane), cardIds: [] as string[] }));
  for (let i = 0; i < count; i++) {
    const id = `card-${i}`;
    const lane = lanes[i % lanes.length];
    cards[id] = newCard(id, `Karte ${i}: Übergabe der Leads an den Vertrieb klären`, 'topic', lane?.kind ?? 'seam');
    lane?.cardIds.push(id);
  }
  return { ...session, lanes: Object.fromEntries(lanes.map((lane) => [lane.id, lane])), cards };
}

/**
 * The session test/fixtures/sessions/v1-full.nahtstelle loads as, in the current shape, built by
 * hand: the file's content, plus what the migrations add (1 → 2: an empty agenda).
 */
function expectedV1Full(): Session {
  // Migrated cards are topics whose lead is their lane's: c-01..03 Marketing, c-04..07 the seam, c-08..10 Sales.
  const card = (id: string, title: string): Card => {
    const n = Number(id.slice(2));
    return newCard(id, title, 'topic', n <= 3 ? 'marketing' : n <= 7 ? 'seam' : 'sales');
  };
  const cards = [
    card('c-01', 'Webinar-Anmeldungen landen erst nach 2 Wochen im CRM'),
    card('c-02', 'Lead-Scoring-Modell von 2024 – kennt im Vertrieb niemand'),
    card('c-03', 'Messekontakte (Hannover Messe) als Excel per E-Mail 📧'),
    card('c-04', 'Was ist ein "qualifizierter" Lead? Keine gemeinsame Definition'),
    card('c-05', 'Rückmeldung an Marketing fehlt: Lead verloren, warum?'),
    card('c-06', 'SLA: Erstkontakt innerhalb von 48 h ⏱️'),
    card('c-07', 'Gemeinsames Dashboard statt zwei Wahrheiten'),
    card('c-08', 'Außendienst pflegt Besuchsberichte nicht im CRM'),
    card('c-09', 'Angebote > 50.000 € brauchen Freigabe der GF'),
    card('c-10', 'Key-Account „Stahlwerk Nord“: Cross-Selling-Chance 🚀'),
  ];
  return {
    id: '3f6c2a9e-8d41-4b7a-9c15-2e0d7f4b8a61',
    details: {
      title: 'Lead-Übergabe Q3: Wo hakt’s zwischen Marketing & Vertrieb?',
      client: 'Müller & Söhne Maschinenbau GmbH',
      date: '2027-03-04',
      place: 'Hamburg, Speicherstadt\nRaum „Elbe“, 3. OG',
      facilitator: 'Dr. Jördis Kühn',
      participants: [
        { id: 'p-anna', name: 'Anna Schäfer', department: 'marketing' },
        { id: 'p-timo', name: 'Timo Weiß', department: 'marketing' },
        { id: 'p-goekhan', name: 'Gökhan Yılmaz', department: 'sales' },
        { id: 'p-birgit', name: 'Birgit "Biggi" Lorenz', department: 'sales' },
        { id: 'p-sven', name: 'Sven Ødegård (IT)', department: 'other' },
        { id: 'p-leonie', name: 'Leonie Brandt – Geschäftsführung', department: 'other' },
      ],
      language: '',
    },
    agenda: [],
    activeBlockId: null,
    timer: null,
    mission: '',
    caricaturesRevealed: false,
    voting: defaultVoting,
    laneOrder: ['marketing', 'seam', 'sales'],
    lanes: {
      marketing: { id: 'marketing', kind: 'marketing', title: null, cardIds: ['c-01', 'c-02', 'c-03'] },
      seam: { id: 'seam', kind: 'seam', title: 'Die Naht: Übergabe MQL → SQL', cardIds: ['c-04', 'c-05', 'c-06', 'c-07'] },
      sales: { id: 'sales', kind: 'sales', title: null, cardIds: ['c-08', 'c-09', 'c-10'] },
    },
    cards: Object.fromEntries(cards.map((c) => [c.id, c])),
  };
}

/**
 * The expected content of test/fixtures/sessions/v2-full.nahtstelle, built by hand: the board of
 * v1-full with the workshop agenda, whose mission block has the facilitator's own title, prompt
 * and timebox.
 */
function expectedV2Full(): Session {
  return {
    ...expectedV1Full(),
    agenda: [
      { id: '0b1f5c2e-7a3d-4e8f-9c61-2d4b8a0e6f13', kind: 'lead', title: null, prompt: null, minutes: 45, skipped: false },
      { id: '5e9a3c71-2b8d-4f06-a1e4-7c3f9d2b5a80', kind: 'caricatures', title: null, prompt: null, minutes: 45, skipped: false },
      {
        id: 'a4d27f90-6c1e-4b35-8e7a-0f5c3b9d1e26',
        kind: 'mission',
        title: 'Auftrag klären: Wofür gibt es uns – für Kunden & „die Firma“?',
        prompt:
          'Erst jede Abteilung für sich (10 min), dann gemeinsam:\n„Wir sind da, damit …“ – ein Satz, den jede:r im Haus versteht.\nHandout: 1 Seite, bis Freitag an alle 📄',
        minutes: 60,
        skipped: false,
      },
      { id: 'e83b6d45-9f2a-4c17-b5d0-3a8e1c7f4b92', kind: 'metrics', title: null, prompt: null, minutes: 40, skipped: false },
    ],
  };
}

/**
 * The expected content of test/fixtures/sessions/v3-full.nahtstelle, built by hand: the v2 board
 * in the middle of a workshop — a parking lane, leads settled and unresolved, a seam exchange,
 * caricatures revealed, metrics with and without narrative, votes, a mission and a running timer.
 */
function expectedV3Full(): Session {
  const v2 = expectedV2Full();
  const card = (id: string): Card => v2.cards[id] as Card;
  const caricatures = v2.agenda[1];
  return {
    ...v2,
    details: { ...v2.details, language: 'de' },
    agenda: v2.agenda.map((block) => (block.kind === 'metrics' ? { ...block, skipped: true } : block)),
    activeBlockId: caricatures?.id ?? null,
    timer: { blockId: caricatures?.id ?? '', startedAt: 1_804_150_800_000, elapsedMs: 300_000, addedMs: 60_000 },
    mission: 'Wir gewinnen gemeinsam Kund:innen, die bleiben –\nMarketing weckt Vertrauen, Vertrieb hält das Versprechen.',
    caricaturesRevealed: true,
    voting: { voters: 'participants', dots: 3, revealed: false },
    laneOrder: ['marketing', 'seam', 'sales', 'parking'],
    lanes: {
      ...v2.lanes,
      marketing: { ...(v2.lanes.marketing as Lane), cardIds: ['c-01', 'c-02'] },
      parking: { id: 'parking', kind: 'extra', title: 'Parkplatz 🅿️', cardIds: ['c-03'] },
    },
    cards: {
      ...v2.cards,
      'c-02': {
        ...card('c-02'),
        lead: 'unresolved',
        notes: 'Modell existiert, aber niemand im Vertrieb kennt die Schwellen.\nNachfragen bei „Biggi“.',
        why: 'Funktion: Leads priorisieren · Auftrag: Kund:innen schneller helfen',
        colour: 'yellow',
        tags: ['CRM', 'Scoring'],
        actions: [
          { id: 'a-1', text: 'Scoring-Schwellen im Team vorstellen', owner: 'Anna Schäfer', due: '2027-03-18', done: false },
          { id: 'a-2', text: 'Alte Folien löschen', owner: '', due: '', done: true },
        ],
        votes: { 'p-anna': 2, 'p-birgit': 1 },
      },
      'c-03': {
        ...card('c-03'),
        lead: 'unresolved',
        moves: [{ fromLaneId: 'marketing', toLaneId: 'parking', at: '2027-03-04T09:47:13.120Z', reason: 'Erst nach der Messe klären' }],
      },
      'c-04': {
        ...card('c-04'),
        exchange: {
          who: 'Leitung Marketing + Vertriebsleitung',
          cadence: 'alle 2 Wochen, Di 8:30',
          decisions: 'Marketing: Kriterien MQL\nVertrieb: Annahme als SQL',
        },
        tags: ['CRM'],
        votes: { 'p-goekhan': 2 },
      },
      'c-05': {
        ...card('c-05'),
        kind: 'caricature',
        caricature: { view: 'salesOnMarketing', truth: 'Marketing fragt nach – bekommt aber keine Antwort aus dem CRM.', cleared: true },
      },
      'c-06': { ...card('c-06'), kind: 'metric', metric: { value: '72', target: '48', unit: 'h', owner: 'sales', narrative: '' } },
      'c-07': {
        ...card('c-07'),
        kind: 'metric',
        colour: 'blue',
        metric: {
          value: '31',
          target: '40',
          unit: '% SQL-Quote',
          owner: 'joint',
          narrative: 'Steigt sie, arbeiten wir an denselben Kunden – nicht nebeneinander.',
        },
        moves: [
          { fromLaneId: 'marketing', toLaneId: 'sales', at: '2027-03-04T09:31:02.000Z', reason: '' },
          { fromLaneId: 'sales', toLaneId: 'seam', at: '2027-03-04T09:33:45.500Z', reason: 'Gehört beiden' },
        ],
      },
      'c-09': { ...card('c-09'), colour: 'red' },
    },
  };
}

/** A small valid file as a plain object, for tests that break one thing in it. */
function validDocument(): { format: string; version: number; session: Record<string, unknown> } {
  return JSON.parse(serializeSession(expectedV2Full())) as { format: string; version: number; session: Record<string, unknown> };
}

/** A valid agenda block for tests that need many. */
function block(id: string): AgendaBlock {
  return { id, kind: 'custom', title: `Block ${id}`, prompt: null, minutes: 15, skipped: false };
}

/** A session document as tests edit it: the top-level fields writable. */
type Editable = { -readonly [K in keyof Session]: Session[K] };

function withSession(change: (session: Editable) => void): string {
  const document = validDocument();
  change(document.session as Editable);
  return JSON.stringify(document);
}

function expectProblem(result: LoadResult, code: OpenProblemCode, detail: RegExp | string): void {
  expect(result).toMatchObject({ ok: false, problem: code });
  if (result.ok) return;
  expect(result.detail).toMatch(detail);
}

describe('serializeSession and parseSessionFile', () => {
  it('round-trips a full session unchanged', () => {
    const session = fullSession();
    const text = serializeSession(session);
    const result = parseSessionFile(text);
    expect(result).toEqual({ ok: true, session, migratedFrom: null });
  });

  it('serializes stably: serialize(parse(serialize(s))) is serialize(s)', () => {
    const text = serializeSession(fullSession());
    const result = parseSessionFile(text);
    if (!result.ok) throw new Error(result.detail);
    expect(serializeSession(result.session)).toBe(text);
  });

  it('writes the header, 2-space indentation and a trailing newline', () => {
    const text = serializeSession(createSession('s-1'));
    expect(text.startsWith(`{\n  "format": "${sessionFileFormat}",\n  "version": ${currentFileVersion},\n  "summary": {\n    "title": "",`)).toBe(
      true,
    );
    expect(text).toContain('\n  "session": {\n    "id": "s-1",');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('never writes a raw U+FFFD or NUL, so its own files never look binary', () => {
    const text = serializeSession(fullSession());
    expect(looksBinary(text)).toBe(false);
    expect(text).toContain('\\ufffd');
    expect(text).toContain('\\u0000');
    expect(text).toContain('\\ud800');
  });

  it('writes lanes and cards in board order, whatever order the objects have', () => {
    const session = fullSession();
    const reordered: Session = {
      ...session,
      lanes: Object.fromEntries(Object.entries(session.lanes).reverse()),
      cards: Object.fromEntries(Object.entries(session.cards).reverse()),
    };
    const text = serializeSession(reordered);
    expect(text).toBe(serializeSession(session));
    const lanes = (JSON.parse(text) as { session: Session }).session.lanes;
    expect(Object.keys(lanes)).toEqual(['sales', 'marketing', 'seam']);
  });

  it('writes what JSON.stringify(document, null, 2) writes: ids that are array indices first, as any object holds them', () => {
    const session = ['b', '12', 'Köln – ½', '3'].reduce((s, id) => addCard(s, id, 'sales', `Karte ${id}`), fullSession());
    const text = serializeSession(session);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2).replace(/\uFFFD/g, '\\ufffd')}\n`);
    const ids = Object.keys((JSON.parse(text) as { session: Session }).session.cards);
    expect(ids.slice(0, 3)).toEqual(['0', '3', '12']);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(sessionFilePieces(session)))).toBe(text);
    const empty = createSession('leer');
    expect(new TextDecoder().decode(Buffer.concat(sessionFilePieces(empty)))).toBe(serializeSession(empty));
    expect(serializeSession(empty)).toContain('\n    "cards": {}\n  }\n}\n');
  });

  it('lists cards as an object does, for any ids: near-indices ("01", "-1", "4294967295", "1e3") stay in board order', () => {
    const nearIndex = fc.constantFrom('0', '1', '7', '01', '-1', '-0', '1e3', '1.5', ' 1', '4294967294', '4294967295', '4294967296', 'NaN', 'a');
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(nearIndex, fc.string({ minLength: 1, maxLength: 4 })), { maxLength: 12 }), fc.nat(), (ids, shift) => {
        const lanes = ['marketing', 'seam', 'sales'];
        const session = ids.reduce((s, id, i) => addCard(s, id, lanes[(i + shift) % 3] ?? 'seam', `Karte ${i}`), createSession('x'));
        const text = serializeSession(session);
        expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2).replace(/\uFFFD/g, '\\ufffd')}\n`);
        // The order an object built in board order lists: the engine's own rule, not a copy of it.
        const boardOrder = session.laneOrder.flatMap((laneId) => session.lanes[laneId]?.cardIds ?? []);
        const listed = Object.keys(Object.fromEntries(boardOrder.map((id) => [id, true])));
        const cardsBlock = text.slice(text.indexOf('\n    "cards": {'), text.indexOf('\n    }', text.indexOf('\n    "cards": {')));
        const written = [...cardsBlock.matchAll(/^ {6}("[^\n]*"): \{$/gm)].map(([, key]) => JSON.parse(key ?? '') as string);
        expect(written).toEqual(listed);
        expect(new TextDecoder().decode(Buffer.concat(sessionFilePieces(session)))).toBe(text);
      }),
    );
  });

  it('lists cards as an object does when lanes and cards disagree: cards on no lane, an id on two lanes or missing, inherited names', () => {
    const base = ['b', '12', 'c', '3', 'x'].reduce((s, id) => addCard(s, id, 'seam', `Karte ${id}`), fullSession());
    const lanes = Object.fromEntries(Object.entries(base.lanes).map(([laneId, lane]) => [laneId, { ...lane, cardIds: [...lane.cardIds] }]));
    const seam = lanes.seam as Lane;
    const sales = lanes.sales as Lane;
    // 'x' leaves every lane (it is listed after the board's cards); 'c' stands on two lanes; two ids name no card of
    // its own ('valueOf' is inherited by an ordinary object).
    lanes.seam = { ...seam, cardIds: seam.cardIds.filter((id) => id !== 'x') };
    lanes.sales = { ...sales, cardIds: ['valueOf', 'c', 'missing', ...sales.cardIds] };
    // An ordinary object (its prototype has 'valueOf') and one without a prototype.
    for (const cards of [{ ...base.cards }, Object.assign(Object.create(null) as Record<string, Card>, base.cards)]) {
      const session: Session = { ...base, lanes, cards };
      // The order the file had before the cards were listed directly: an object built in board order, listed.
      const boardOrder = session.laneOrder.flatMap((laneId) => session.lanes[laneId]?.cardIds ?? []).filter((id) => Object.hasOwn(cards, id));
      const listed = Object.keys(Object.fromEntries([...new Set([...boardOrder, ...Object.keys(cards)])].map((id) => [id, true])));
      expect(listed.slice(0, 3)).toEqual(['0', '3', '12']);
      expect(listed.at(-1)).toBe('x');
      const text = serializeSession(session);
      const cardsBlock = text.slice(text.indexOf('\n    "cards": {'), text.indexOf('\n    }', text.indexOf('\n    "cards": {')));
      expect([...cardsBlock.matchAll(/^ {6}("[^\n]*"): \{$/gm)].map(([, key]) => JSON.parse(key ?? '') as string)).toEqual(listed);
      expect(new TextDecoder().decode(Buffer.concat(sessionFilePieces(session)))).toBe(text);
    }
  });

  it('loads the demo board, a fresh session and one from the workshop template', () => {
    for (const session of [
      createSession('fresh'),
      createDemoSession(30),
      createSession('workshop', { title: 'Workshop' }, workshopAgenda(counter('block-'))),
    ]) {
      expect(parseSessionFile(serializeSession(session))).toEqual({ ok: true, session, migratedFrom: null });
    }
  });

  it('accepts a leading byte order mark', () => {
    const session = fullSession();
    expect(parseSessionFile(`\uFEFF${serializeSession(session)}`)).toEqual({ ok: true, session, migratedFrom: null });
  });

  it('parses a 2,000-card session quickly (printed, not asserted)', () => {
    const text = serializeSession(board(2000));
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const start = performance.now();
      const result = parseSessionFile(text);
      times.push(performance.now() - start);
      expect(result.ok).toBe(true);
    }
    const first = times[0] ?? 0;
    const median = [...times].sort((a, b) => a - b)[10] ?? 0;
    console.info(
      `parseSessionFile, 2,000 cards (${(text.length / 1024).toFixed(0)} KiB): first ${first.toFixed(1)} ms, median ${median.toFixed(1)} ms`,
    );
  }, 60_000);
});

describe('fixtures, one per file version', () => {
  it('v1-full.nahtstelle loads through the migration as the expected current session', () => {
    const text = fixtureText('v1-full.nahtstelle');
    expect(parseSessionFile(text)).toEqual({ ok: true, session: expectedV1Full(), migratedFrom: 1 });
  });

  it('v1-full.nahtstelle saves as a current file: the same board with an empty agenda', () => {
    const result = parseSessionFile(fixtureText('v1-full.nahtstelle'));
    if (!result.ok) throw new Error(result.detail);
    const saved = serializeSession(result.session);
    expect(saved).toBe(serializeSession(expectedV1Full()));
    expect(saved).toContain(`"version": ${currentFileVersion},`);
    expect(saved).toContain('"agenda": [],');
    expect(parseSessionFile(saved)).toEqual({ ok: true, session: expectedV1Full(), migratedFrom: null });
  });

  it('v2-full.nahtstelle loads through the migration: topics led by their lane, the workshop fields empty', () => {
    const text = fixtureText('v2-full.nahtstelle');
    expect(parseSessionFile(text)).toEqual({ ok: true, session: expectedV2Full(), migratedFrom: 2 });
  });

  it('v3-full.nahtstelle loads as the expected session', () => {
    expect(parseSessionFile(fixtureText('v3-full.nahtstelle'))).toEqual({ ok: true, session: expectedV3Full(), migratedFrom: null });
  });

  it('v3-full-summary.nahtstelle is exactly what serializeSession writes today: v3-full plus the library summary', () => {
    expect(serializeSession(expectedV3Full())).toBe(fixtureText('v3-full-summary.nahtstelle'));
    expect(parseSessionFile(fixtureText('v3-full-summary.nahtstelle'))).toEqual({ ok: true, session: expectedV3Full(), migratedFrom: null });
    const { summary, ...rest } = JSON.parse(fixtureText('v3-full-summary.nahtstelle')) as Record<string, unknown>;
    expect(summary).toEqual(summarizeSession(expectedV3Full()));
    expect(rest).toEqual(JSON.parse(fixtureText('v3-full.nahtstelle')));
  });

  it('the library reads the summary from a file’s head; a file written before the summary existed has none there', () => {
    const text = fixtureText('v3-full-summary.nahtstelle');
    expect(summaryFromHead(text.slice(0, summaryHeadBytes))).toEqual(summarizeSession(expectedV3Full()));
    expect(summaryFromHead(fixtureText('v3-full.nahtstelle'))).toBeNull();
  });

  it('there is a full fixture for every version up to the current one, and a migration from every older one', () => {
    for (let version = 1; version <= currentFileVersion; version++) {
      const name = `v${version}-full.nahtstelle`;
      expect(existsSync(new URL(name, fixtures)), name).toBe(true);
      expect((JSON.parse(fixtureText(name)) as { version: unknown }).version, name).toBe(version);
      if (version < currentFileVersion) expect(typeof migrations[version], `migrations[${version}]`).toBe('function');
    }
    expect(migrations[currentFileVersion]).toBeUndefined();
  });

  it('the full fixtures are never rewritten (a new version gets a new fixture instead)', () => {
    const sha256 = (name: string) =>
      createHash('sha256')
        .update(readFileSync(new URL(name, fixtures)))
        .digest('hex');
    expect(sha256('v1-full.nahtstelle')).toBe('61eb5e18ab280fe4de7e3311d2594f1cdb619c57d477ebdc2de95c35c52d13e0');
    expect(sha256('v2-full.nahtstelle')).toBe('3627dd1b65b0a9c84392fd64644f8901724c4598ecb64426f281c7b4a697cc90');
    expect(sha256('v3-full.nahtstelle')).toBe('f974bb418f3fef2ae0f7361d9233f25dc255bc81ffa6eb64709b10bfdc012ddf');
    expect(sha256('v3-full-summary.nahtstelle')).toBe('34f9f6d135d08dd30623e7fe93c4d7cd00440cb0538361014e2d823a85509b6f');
  });

  it('v1-unknown-keys.nahtstelle loads with the unknown keys stripped', () => {
    const result = parseSessionFile(fixtureText('v1-unknown-keys.nahtstelle'));
    if (!result.ok) throw new Error(result.detail);
    expect(result.migratedFrom).toBe(1);
    expect(result.session).toEqual({
      id: 'd2b7a1f0-3c9e-4e85-b6a4-0f1e2d3c4b5a',
      details: {
        title: 'Preisgespräche im Mittelstand',
        client: 'Bäckerei Hansen KG',
        date: '',
        place: '',
        facilitator: '',
        participants: [{ id: 'p-1', name: 'Kerstin Hansen', department: 'sales' }],
        language: '',
      },
      agenda: [],
      activeBlockId: null,
      timer: null,
      mission: '',
      caricaturesRevealed: false,
      voting: defaultVoting,
      laneOrder: ['marketing', 'seam', 'sales'],
      lanes: {
        marketing: { id: 'marketing', kind: 'marketing', title: null, cardIds: [] },
        seam: { id: 'seam', kind: 'seam', title: null, cardIds: ['c-1'] },
        sales: { id: 'sales', kind: 'sales', title: null, cardIds: [] },
      },
      cards: { 'c-1': newCard('c-1', 'Rabattstaffel für Filialkunden', 'topic', 'seam') },
    });
    // Version 1's unknown keys are gone; "votes": 3 meant something else there than a card's votes now.
    expect(serializeSession(result.session)).not.toMatch(/color|email|collapsed|"votes": 3|writtenBy/);
  });

  it('v4-from-the-future.nahtstelle is refused as newer', () => {
    expectProblem(
      parseSessionFile(fixtureText('v4-from-the-future.nahtstelle')),
      'newerVersion',
      'The file has version 4; this app reads up to version 3',
    );
  });

  it('v1-dangling-card.nahtstelle is refused: a lane lists a card that does not exist', () => {
    expectProblem(
      parseSessionFile(fixtureText('v1-dangling-card.nahtstelle')),
      'danglingReference',
      'lane "seam" lists card "c-2", which is not in cards',
    );
  });
});

describe('migration 1 → 2', () => {
  const migrate = (raw: unknown): unknown => {
    const step = migrations[1];
    if (!step) throw new Error('no migration from version 1');
    return step(raw);
  };

  it('adds an empty agenda, keeps everything else, and leaves its input untouched', () => {
    const v1 = (JSON.parse(fixtureText('v1-full.nahtstelle')) as { session: Record<string, unknown> }).session;
    const before = structuredClone(v1);
    const migrated = migrate(deepFreeze(v1));
    expect(migrated).toEqual({ ...before, agenda: [] });
    expect(migrated).not.toBe(v1);
    expect(v1).toEqual(before);
  });

  it('replaces an agenda a version-1 file holds: version 1 has no agenda, so the key is unknown there', () => {
    for (const agenda of [workshopAgenda(counter('b')), 'kaputt', null, [{ id: 'b', kind: 'break' }]]) {
      const document = { ...(JSON.parse(fixtureText('v1-full.nahtstelle')) as { session: Record<string, unknown> }) };
      document.session = { ...document.session, agenda };
      expect(parseSessionFile(JSON.stringify(document))).toEqual({ ok: true, session: expectedV1Full(), migratedFrom: 1 });
    }
  });

  it('passes anything that is not a session object through, for the schema to report', () => {
    for (const raw of [null, undefined, 0, 'session', true, [], [{ id: 's' }]]) expect(migrate(raw)).toBe(raw);
    expectProblem(parseSessionFile('{"format":"nahtstelle-session","version":1,"session":[]}'), 'invalidSession', /^session: .*expected object/);
    expectProblem(parseSessionFile('{"format":"nahtstelle-session","version":1,"session":null}'), 'invalidSession', /^session: .*expected object/);
  });

  it('keeps the other integrity rules: a broken version-1 file is still refused after migrating', () => {
    const document = JSON.parse(fixtureText('v1-full.nahtstelle')) as { session: { laneOrder: string[] } };
    document.session.laneOrder = ['marketing', 'seam'];
    expectProblem(parseSessionFile(JSON.stringify(document)), 'danglingReference', 'lane "sales" is missing from laneOrder');
  });

  it('a version-2 file needs its agenda: without one it is invalid, not migrated', () => {
    const text = withSession((session) => Reflect.deleteProperty(session, 'agenda'));
    expectProblem(parseSessionFile(text), 'invalidSession', /^session\.agenda: .*expected array/);
  });
});

describe('problem codes', () => {
  it('tooLarge: text beyond the size limit', () => {
    const text = `{"format":"nahtstelle-session","version":1,"session":"${'x'.repeat(maxSessionFileBytes)}"}`;
    expectProblem(parseSessionFile(text), 'tooLarge', /at most 52428800 bytes/);
  });

  it('binary: a PNG picked by mistake (NUL bytes)', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expectProblem(parseSessionFile(new TextDecoder().decode(png)), 'binary', /NUL/);
  });

  it('binary: a session saved as Windows-1252 instead of UTF-8', () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('{"format":"nahtstelle-session","version":1,"session":{"details":{"client":"M'),
      0xfc,
      ...new TextEncoder().encode('ller"}}}'),
    ]);
    expectProblem(parseSessionFile(new TextDecoder().decode(latin1)), 'binary', /not valid UTF-8/);
  });

  it('tooDeep: nesting beyond 64 levels, even inside a valid header', () => {
    const deep = `${'['.repeat(70)}${']'.repeat(70)}`;
    const text = `{"format":"nahtstelle-session","version":1,"session":{"id":"s","extra":${deep}}}`;
    expectProblem(parseSessionFile(text), 'tooDeep', /deeper than 64 levels/);
  });

  it('tooDeep does not count brackets inside strings', () => {
    const text = withSession((session) => {
      session.details = { ...session.details, title: `[{"\\${'['.repeat(100)}` };
    });
    expect(parseSessionFile(text).ok).toBe(true);
  });

  it('notJson: a file cut off while writing', () => {
    const text = serializeSession(expectedV1Full());
    expectProblem(parseSessionFile(text.slice(0, text.length / 2)), 'notJson', /^Not JSON: .+/);
  });

  it('notJson: an empty file', () => {
    expectProblem(parseSessionFile(''), 'notJson', /^Not JSON: .+/);
  });

  it('notSessionFile: some other JSON file (package.json)', () => {
    expectProblem(
      parseSessionFile('{ "name": "nahtstelle", "version": "0.1.0" }'),
      'notSessionFile',
      'The file has no "format"; expected "nahtstelle-session"',
    );
  });

  it('notSessionFile: a JSON array, and a foreign format', () => {
    expectProblem(parseSessionFile('[1, 2, 3]'), 'notSessionFile', /holds an array/);
    expectProblem(parseSessionFile('"nahtstelle-session"'), 'notSessionFile', /holds a string/);
    expectProblem(parseSessionFile('{"format":"miro-board","version":1}'), 'notSessionFile', /has format "miro-board"/);
  });

  it('invalidVersion: a version that is not a positive whole number', () => {
    const cases: [unknown, RegExp][] = [
      ['1', /"version" is "1"/],
      [0, /"version" is 0/],
      [1.5, /"version" is 1.5/],
      [-1, /"version" is -1/],
      [null, /"version" is null/],
      [undefined, /"version" is missing/],
    ];
    for (const [version, detail] of cases) {
      const document = { ...validDocument(), version };
      expectProblem(parseSessionFile(JSON.stringify(document)), 'invalidVersion', detail);
    }
    expectProblem(parseSessionFile('{"format":"nahtstelle-session","version":1e999}'), 'invalidVersion', /expected a whole number/);
  });

  it('newerVersion: names both versions', () => {
    const document = { ...validDocument(), version: 7 };
    expectProblem(parseSessionFile(JSON.stringify(document)), 'newerVersion', 'The file has version 7; this app reads up to version 3');
  });

  it('invalidSession: a card title longer than the limit, with its path', () => {
    const text = withSession((session) => {
      session.cards = { ...session.cards, 'c-01': newCard('c-01', 'y'.repeat(maxCardTitleLength + 1), 'topic', 'seam') };
    });
    expectProblem(parseSessionFile(text), 'invalidSession', /^session\.cards\["c-01"\]\.title: Too big/);
  });

  it('invalidSession: the session is missing', () => {
    expectProblem(parseSessionFile('{"format":"nahtstelle-session","version":1}'), 'invalidSession', /^session: .*expected object/);
  });

  it('invalidSession: shows at most three issues and counts the rest', () => {
    const text = withSession((session) => {
      session.details = { ...session.details, date: '2027-02-30', participants: [{ id: '', name: 'X', department: 'finance' as 'other' }] };
      session.lanes = { ...session.lanes, seam: { id: 'seam', kind: 'seam', title: 'z'.repeat(201), cardIds: [] } };
      session.cards = { ...session.cards, 'c-02': newCard('c-02', '   ', 'topic', 'seam') };
    });
    const result = parseSessionFile(text);
    expectProblem(result, 'invalidSession', /session\.details\.date: Expected "" or a calendar date/);
    if (result.ok) return;
    expect(result.detail).toMatch(/session\.details\.participants\[0\]\.id: Too small/);
    expect(result.detail).toMatch(/\(and 2 more\)$/);
    expect(result.detail.split('; ')).toHaveLength(3);
  });

  it('invalidSession: each limit of the schema', () => {
    const cases: [string, (session: Editable) => void][] = [
      ['session.id', (s) => void (s.id = 'i'.repeat(201))],
      ['session.id', (s) => void (s.id = '')],
      ['session.details.client', (s) => void (s.details = { ...s.details, client: 'c'.repeat(1001) })],
      ['session.details.date', (s) => void (s.details = { ...s.details, date: '04.03.2027' })],
      ['session.details.date', (s) => void (s.details = { ...s.details, date: '2027-13-01' })],
      [
        'session.details.participants',
        (s) =>
          void (s.details = {
            ...s.details,
            participants: Array.from({ length: 1001 }, (_, i) => ({ id: `p${i}`, name: '', department: 'other' as const })),
          }),
      ],
      ['session.lanes.seam.kind', (s) => void (s.lanes = { ...s.lanes, seam: { ...(s.lanes.seam as Lane), kind: 'finance' as 'seam' } })],
      ['session.cards["c-03"].title', (s) => void (s.cards = { ...s.cards, 'c-03': newCard('c-03', '', 'topic', 'seam') })],
      ['session.laneOrder[3]', (s) => void (s.laneOrder = [...s.laneOrder, '__proto__'])],
      [
        'session.details.participants[0].id: The id "__proto__" is reserved',
        (s) => void (s.details = { ...s.details, participants: [{ id: '__proto__', name: 'X', department: 'other' }] }),
      ],
      ['session.agenda: Too big', (s) => void (s.agenda = Array.from({ length: agendaLimits.blocks + 1 }, (_, i) => block(`b${i}`)))],
      ['session.agenda: Invalid input: expected array', (s) => void (s.agenda = {} as unknown as AgendaBlock[])],
      ['session.agenda[0].id', (s) => void (s.agenda = s.agenda.map((b, i) => (i === 0 ? { ...b, id: '' } : b)))],
      [
        'session.agenda[1].id: The id "__proto__" is reserved',
        (s) => void (s.agenda = s.agenda.map((b, i) => (i === 1 ? { ...b, id: '__proto__' } : b))),
      ],
      ['session.agenda[2].kind', (s) => void (s.agenda = s.agenda.map((b, i) => (i === 2 ? { ...b, kind: 'break' as 'custom' } : b)))],
      [
        'session.agenda[2].title: Too big',
        (s) => void (s.agenda = s.agenda.map((b, i) => (i === 2 ? { ...b, title: 't'.repeat(agendaLimits.textLength + 1) } : b))),
      ],
      ['session.agenda[3].title', (s) => void (s.agenda = s.agenda.map((b, i) => (i === 3 ? { ...b, title: 7 as unknown as string } : b)))],
      [
        'session.agenda[2].prompt: Too big',
        (s) => void (s.agenda = s.agenda.map((b, i) => (i === 2 ? { ...b, prompt: 'p'.repeat(agendaLimits.textLength + 1) } : b))),
      ],
      ['session.agenda[0].prompt', (s) => void (s.agenda = s.agenda.map((b, i) => (i === 0 ? { ...b, prompt: undefined as unknown as null } : b)))],
      ['session.agenda[0].minutes: Too small', (s) => void (s.agenda = s.agenda.map((b, i) => (i === 0 ? { ...b, minutes: 0 } : b)))],
      [
        'session.agenda[1].minutes: Too big',
        (s) => void (s.agenda = s.agenda.map((b, i) => (i === 1 ? { ...b, minutes: agendaLimits.maxMinutes + 1 } : b))),
      ],
      ['session.agenda[1].minutes', (s) => void (s.agenda = s.agenda.map((b, i) => (i === 1 ? { ...b, minutes: 12.5 } : b)))],
      ['session.agenda[1].minutes', (s) => void (s.agenda = s.agenda.map((b, i) => (i === 1 ? { ...b, minutes: '45' as unknown as number } : b)))],
      ['session.agenda[1].minutes', (s) => void (s.agenda = s.agenda.map((b, i) => (i === 1 ? { ...b, minutes: null as unknown as number } : b)))],
    ];
    for (const [path, change] of cases) {
      const result = parseSessionFile(withSession(change));
      expectProblem(result, 'invalidSession', path);
    }
  });

  it('the agenda limits themselves are allowed', () => {
    const edge: AgendaBlock[] = Array.from({ length: agendaLimits.blocks }, (_, i) => ({
      id: `b${i}`,
      kind: 'custom',
      title: i === 0 ? 't'.repeat(agendaLimits.textLength) : i === 1 ? '' : null,
      prompt: i === 0 ? 'p'.repeat(agendaLimits.textLength) : i === 1 ? '' : null,
      minutes: i % 2 === 0 ? agendaLimits.minMinutes : agendaLimits.maxMinutes,
      skipped: i % 3 === 0,
    }));
    const session: Session = { ...expectedV2Full(), agenda: edge };
    expect(parseSessionFile(serializeSession(session))).toEqual({ ok: true, session, migratedFrom: null });
  });

  it('duplicateIds: every kind of duplicate', () => {
    const cases: [string, (session: Editable) => void][] = [
      ['lane "seam" is listed twice in laneOrder', (s) => void (s.laneOrder = ['marketing', 'seam', 'sales', 'seam'])],
      [
        'card "c-01" stands in lane "marketing" and in lane "sales"',
        (s) => void (s.lanes = { ...s.lanes, sales: { ...(s.lanes.sales as Lane), cardIds: ['c-08', 'c-01'] } }),
      ],
      [
        'card "c-05" stands twice in lane "seam"',
        (s) => void (s.lanes = { ...s.lanes, seam: { ...(s.lanes.seam as Lane), cardIds: ['c-04', 'c-05', 'c-06', 'c-05', 'c-07'] } }),
      ],
      [
        'participant id "p-anna" is used twice',
        (s) => void (s.details = { ...s.details, participants: [...s.details.participants, { id: 'p-anna', name: 'Anna S.', department: 'sales' }] }),
      ],
      ['cards["c-02"] holds a card with id "c-09"', (s) => void (s.cards = { ...s.cards, 'c-02': newCard('c-09', 'Kopie', 'topic', 'seam') })],
      ['lanes["sales"] holds a lane with id "seam"', (s) => void (s.lanes = { ...s.lanes, sales: { ...(s.lanes.sales as Lane), id: 'seam' } })],
      [
        // A card under another id's key is named first, even after a card with an action id twice.
        'cards["c-08"] holds a card with id "c-09"',
        (s) => {
          const twice = { id: 'a-1', text: '', owner: '', due: '', done: false };
          const first = Object.keys(s.cards)[0] ?? '';
          s.cards = {
            ...s.cards,
            [first]: { ...(s.cards[first] as Card), actions: [twice, twice] },
            'c-08': newCard('c-09', 'Kopie', 'topic', 'seam'),
          };
        },
      ],
      [
        'card "c-03" has action id "a-1" twice',
        (s) => {
          const twice = { id: 'a-1', text: '', owner: '', due: '', done: false };
          s.cards = { ...s.cards, 'c-03': { ...(s.cards['c-03'] as Card), actions: [twice, { ...twice, id: 'a-2' }, twice] } };
        },
      ],
      [
        'agenda block id "5e9a3c71-2b8d-4f06-a1e4-7c3f9d2b5a80" is used twice',
        (s) => void (s.agenda = [...s.agenda, { ...(s.agenda[1] as AgendaBlock), kind: 'custom', title: 'Kopie' }]),
      ],
      ['agenda block id "constructor" is used twice', (s) => void (s.agenda = [block('constructor'), block('toString'), block('constructor')])],
    ];
    for (const [detail, change] of cases) expectProblem(parseSessionFile(withSession(change)), 'duplicateIds', detail);
  });

  it('danglingReference: every kind of broken reference', () => {
    const cases: [string, (session: Editable) => void][] = [
      ['laneOrder names lane "backlog", which does not exist', (s) => void (s.laneOrder = ['marketing', 'seam', 'backlog', 'sales'])],
      ['lane "sales" is missing from laneOrder', (s) => void (s.laneOrder = ['marketing', 'seam'])],
      [
        'lane "seam" lists card "c-99", which is not in cards',
        (s) => void (s.lanes = { ...s.lanes, seam: { ...(s.lanes.seam as Lane), cardIds: ['c-04', 'c-99', 'c-05', 'c-06', 'c-07'] } }),
      ],
      [
        'lane "seam" lists card "toString", which is not in cards',
        (s) => void (s.lanes = { ...s.lanes, seam: { ...(s.lanes.seam as Lane), cardIds: ['c-04', 'toString', 'c-05', 'c-06', 'c-07'] } }),
      ],
      [
        'lane "seam" lists card "__proto__", which is not in cards',
        (s) => {
          s.cards = { ...s.cards, ...Object.fromEntries([['__proto__', newCard('__proto__', 'Prototyp', 'topic', 'seam')]]) };
          s.lanes = { ...s.lanes, seam: { ...(s.lanes.seam as Lane), cardIds: ['c-04', 'c-05', 'c-06', 'c-07', '__proto__'] } };
        },
      ],
      [
        'lane "seam" lists card "", which is not in cards',
        (s) => void (s.lanes = { ...s.lanes, seam: { ...(s.lanes.seam as Lane), cardIds: ['c-04', '', 'c-05', 'c-06', 'c-07'] } }),
      ],
      ['card "c-11" stands in no lane', (s) => void (s.cards = { ...s.cards, 'c-11': newCard('c-11', 'Vergessene Karte', 'topic', 'seam') })],
    ];
    for (const [detail, change] of cases) expectProblem(parseSessionFile(withSession(change)), 'danglingReference', detail);
  });

  it('has a test above for every open problem the format can report', () => {
    // notFound, unreadable and truncated (bytes cut inside a character) belong to the service, not to the text.
    const reportedHere = openProblemCodes.filter((code) => code !== 'notFound' && code !== 'unreadable' && code !== 'truncated');
    expect(reportedHere).toEqual([
      'tooLarge',
      'binary',
      'notJson',
      'tooDeep',
      'notSessionFile',
      'newerVersion',
      'invalidVersion',
      'invalidSession',
      'duplicateIds',
      'danglingReference',
    ]);
  });
});

describe('sessionSchema', () => {
  it('accepts a valid session and refuses one with broken integrity', () => {
    const session = fullSession();
    expect(sessionSchema.safeParse(session).success).toBe(true);
    const broken = { ...session, laneOrder: [...session.laneOrder, 'sales'] };
    const result = sessionSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('lane "sales" is listed twice in laneOrder');
    const twice = sessionSchema.safeParse({ ...session, agenda: [block('b-1'), block('b-1')] });
    expect(twice.error?.issues[0]?.message).toBe('agenda block id "b-1" is used twice');
  });
});

describe('looksBinary', () => {
  it('spots NUL and replacement characters, not ordinary text', () => {
    expect(looksBinary('abc\u0000def')).toBe(true);
    expect(looksBinary('M\uFFFDller')).toBe(true);
    expect(looksBinary('Müller & Söhne 🚀\n\t"\\u0000"')).toBe(false);
    expect(looksBinary('')).toBe(false);
  });
});

describe('summarizeSession', () => {
  it('gives the library its facts and the card count', () => {
    expect(summarizeSession(expectedV1Full())).toEqual({
      title: 'Lead-Übergabe Q3: Wo hakt’s zwischen Marketing & Vertrieb?',
      client: 'Müller & Söhne Maschinenbau GmbH',
      date: '2027-03-04',
      place: 'Hamburg, Speicherstadt\nRaum „Elbe“, 3. OG',
      cardCount: 10,
    });
    expect(summarizeSession(createSession('empty'))).toEqual({ title: '', client: '', date: '', place: '', cardCount: 0 });
  });
});

describe('summaryFromHead', () => {
  const written = serializeSession(createSession('s-1', { title: 'Kick-off', client: 'Müller', date: '2027-03-04', place: 'Köln' }));

  it('reads what serializeSession wrote, from the head alone', () => {
    const head = written.slice(0, written.indexOf('"session"') + 20);
    expect(summaryFromHead(head)).toEqual({ title: 'Kick-off', client: 'Müller', date: '2027-03-04', place: 'Köln', cardCount: 0 });
  });

  it.each([
    ['another format', written.replace('nahtstelle-session', 'other')],
    ['a newer version', written.replace(`"version": ${currentFileVersion}`, `"version": ${currentFileVersion + 1}`)],
    ['a summary that is not an object', written.replace(/"summary": \{[^}]*\}/, '"summary": 3')],
    ['a negative card count', written.replace('"cardCount": 0', '"cardCount": -1')],
    ['a title too long', written.replace('"title": "Kick-off"', `"title": "${'x'.repeat(1001)}"`)],
    ['a head cut inside the summary', written.slice(0, written.indexOf('"cardCount"'))],
    ['not JSON', 'PK\u0003\u0004 a zip file'],
    ['empty', ''],
  ])('is null for %s', (_case, head) => {
    expect(summaryFromHead(head)).toBeNull();
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => summaryFromHead(text) === null || typeof summaryFromHead(text) === 'object'));
  });
});
