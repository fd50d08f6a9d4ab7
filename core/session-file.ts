/**
 * The `.nahtstelle` file format: write a session, and load one from whatever text a file holds.
 * docs/file-format.md, "Loading, and what each problem means".
 */
import type { z } from 'zod';
import type { OpenProblemCode } from './file-problems';
import { defaultVoting, methodLaneKinds, newCard, type Card, type Session } from './model';
import { isCheckedCard } from './session-save-check';
import { passesCardSchemaAsIs } from './card-fast-check';
import { findIntegrityProblem, sessionLimits, sessionShellSchema, sessionStructureSchema } from './session-schema';

export const sessionFileFormat = 'nahtstelle-session';
/** The file name extension of session files, with its dot. */
export const sessionFileExtension = '.nahtstelle';
/**
 * Whether a path names a session file, by its extension in any case: Explorer and Finder hand
 * over `KICK-OFF.NAHTSTELLE` as it was saved, and both systems match names without case.
 */
export function hasSessionFileExtension(path: string): boolean {
  return path.toLowerCase().endsWith(sessionFileExtension);
}
export const currentFileVersion = 3;
/** Larger files are refused before they are read (the service checks the byte size). */
export const maxSessionFileBytes = 50 * 1024 * 1024;
/** Deeper JSON is refused before JSON.parse, so no recursive code ever sees it. */
export const maxNestingDepth = 64;

export type LoadResult =
  | { readonly ok: true; readonly session: Session; readonly migratedFrom: number | null }
  | { readonly ok: false; readonly problem: OpenProblemCode; readonly detail: string };

/**
 * Migrations, by the version they read: `migrations[v]` turns the `session` payload of a version-v
 * file into the payload of version v + 1. A file of an older version runs through every step up to
 * currentFileVersion, then the current schema validates the result; `LoadResult.migratedFrom`
 * names the version the file had. Each step is pure and receives untrusted data: it must accept
 * any value without assumptions and without throwing (return it unchanged when it does not look
 * like a session of its version, and let the schema report it), and never modify its input.
 * To add version N + 1: bump currentFileVersion, add `N: (raw) => …` here, keep every
 * test/fixtures/sessions/vK-full.nahtstelle as it is and add v(N+1)-full.nahtstelle, each with a
 * test that it loads as the expected current session. See docs/file-format.md.
 */
export const migrations: Readonly<Record<number, (raw: unknown) => unknown>> = Object.freeze({
  /**
   * 1 → 2: the session gains its agenda; a version-1 session has none. Any `agenda` key a v1 file
   * holds is an unknown key to version 1 (which strips it), so it is replaced, not interpreted.
   */
  1: (raw: unknown): unknown => (isRecord(raw) ? { ...raw, agenda: [] } : raw),
  /**
   * 2 → 3: the workshop method. Each card becomes a topic whose lead is its lane's (the lane was
   * the decision), with every other field empty; blocks are not skipped; the session has no
   * active block, no mission, caricatures hidden, voting at its defaults and no language set.
   */
  2: (raw: unknown): unknown => {
    if (!isRecord(raw)) return raw;
    const lanes = isRecord(raw.lanes) ? raw.lanes : {};
    const laneKindOfCard = new Map<string, unknown>();
    for (const lane of Object.values(lanes)) {
      if (isRecord(lane) && Array.isArray(lane.cardIds)) for (const id of lane.cardIds) if (typeof id === 'string') laneKindOfCard.set(id, lane.kind);
    }
    const cards = isRecord(raw.cards)
      ? Object.fromEntries(
          Object.entries(raw.cards).map(([key, card]) => {
            if (!isRecord(card)) return [key, card];
            const laneKind = laneKindOfCard.get(key);
            const defaults = newCard('', '', 'topic', isMethodLaneKind(laneKind) ? laneKind : 'extra');
            return [key, { ...defaults, id: card.id, title: card.title }];
          }),
        )
      : raw.cards;
    const agenda = Array.isArray(raw.agenda) ? raw.agenda.map((block) => (isRecord(block) ? { ...block, skipped: false } : block)) : raw.agenda;
    const details = isRecord(raw.details) ? { ...raw.details, language: '' } : raw.details;
    return { ...raw, details, agenda, activeBlockId: null, timer: null, mission: '', caricaturesRevealed: false, voting: defaultVoting, cards };
  },
});

function isMethodLaneKind(kind: unknown): kind is (typeof methodLaneKinds)[number] {
  return methodLaneKinds.some((k) => k === kind);
}

/**
 * The file text: a header, the library's summary and the session, 2-space indented, with a
 * trailing newline. The summary comes before the session, so the library can list a file from its
 * first bytes (`summaryFromHead`); opening ignores it and validates the session itself.
 */
export function serializeSession(session: Session): string {
  const { head, cards, tail } = sessionFileParts(session);
  return `${head}${cards.map((card, i) => (i === 0 ? card.text.slice(1) : card.text)).join('')}${tail}`;
}

/**
 * `serializeSession` in pieces, so that main can reuse each unchanged card's bytes from the last
 * save: the text is `head`, each card's `text` (the first without its leading comma), then `tail`.
 * A card the save check made keeps the same `SessionFileCard` object from save to save.
 */
export interface SessionFileParts {
  readonly head: string;
  readonly cards: readonly SessionFileCard[];
  readonly tail: string;
}

/** One card in the file: `,\n      "key": {…}`, as JSON.stringify(document, null, 2) writes it there. */
export interface SessionFileCard {
  readonly key: string;
  readonly text: string;
}

/** The entries of checked cards: deep-frozen, so their text never goes stale. */
const entryCache = new WeakMap<Card, SessionFileCard>();

/** Stands in for the cards while the rest is stringified; a raw newline before it cannot be inside a string. */
const cardsMarker = '\u0000';
const cardsMarkerJson = JSON.stringify(cardsMarker);
const cardsKeyBeforeMarker = `\n    "cards": `;

/**
 * The file text split around the cards: everything before and after them, written by one
 * JSON.stringify of the document with the cards left out, and each card in file order. Pieced
 * together they are exactly `JSON.stringify(document, null, 2)` with U+FFFD escaped.
 */
export function sessionFileParts(session: Session): SessionFileParts {
  const { shell, cards } = canonical(session);
  const document = { format: sessionFileFormat, version: currentFileVersion, summary: summarizeSession(session), session: shell };
  const text = escapeReplacementCharacters(`${JSON.stringify(document, null, 2)}\n`);
  const at = text.indexOf(cardsKeyBeforeMarker + cardsMarkerJson) + cardsKeyBeforeMarker.length;
  const entries = cards.map(([key, card]) => cardEntry(key, card));
  const [open, close] = entries.length === 0 ? ['{}', ''] : ['{', '\n    }'];
  return { head: text.slice(0, at) + open, cards: entries, tail: close + text.slice(at + cardsMarkerJson.length) };
}

function cardEntry(key: string, card: Card): SessionFileCard {
  const cached = entryCache.get(card);
  if (cached?.key === key) return cached;
  // A card the save check made has schema order and nothing else already (a test keeps the two the same).
  const checked = isCheckedCard(card);
  const body = JSON.stringify(checked ? card : canonicalCard(card), null, 2).replaceAll('\n', '\n      ');
  const entry: SessionFileCard = { key, text: escapeReplacementCharacters(`,\n      ${JSON.stringify(key)}: ${body}`) };
  if (checked) entryCache.set(card, entry);
  return entry;
}

/** U+FFFD is written escaped: a raw one in a file means a bad decode (looksBinary), never content. */
function escapeReplacementCharacters(text: string): string {
  return text.replace(/\uFFFD/g, '\\ufffd');
}

/** Loads a session from a file's decoded text. Never throws; every failure is a problem code. */
export function parseSessionFile(text: string): LoadResult {
  try {
    return load(text);
  } catch (error) {
    // Nothing above should throw; if something does, the file is still not loadable.
    return problem('invalidSession', `Unexpected error while loading: ${short(errorMessage(error))}`);
  }
}

/** Text that came from a file that is not text: NUL characters, or U+FFFD from a lenient UTF-8 decode. */
export function looksBinary(text: string): boolean {
  return text.includes('\u0000') || text.includes('\uFFFD');
}

/** How much of a file's start the library reads: room for the header and the largest summary. */
export const summaryHeadBytes = 64 * 1024;

export type SessionFileSummary = ReturnType<typeof summarizeSession>;

/**
 * The library's summary from the first `summaryHeadBytes` of a file, as `serializeSession` writes
 * it: our format, a version this app reads, and a well-formed summary ahead of the session. Null
 * when the head does not have that shape (older files, damaged ones, another program's JSON): the
 * library then loads and validates the whole file. Never throws.
 */
export function summaryFromHead(head: string): SessionFileSummary | null {
  const text = head.startsWith('\uFEFF') ? head.slice(1) : head;
  const end = text.indexOf('\n  "session":');
  if (end < 0) return null;
  let header: unknown;
  try {
    header = JSON.parse(`${text.slice(0, end).replace(/,\s*$/, '')}\n}`);
  } catch {
    return null;
  }
  if (!isRecord(header) || own(header, 'format') !== sessionFileFormat) return null;
  const version = own(header, 'version');
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1 || version > currentFileVersion) return null;
  const summary = own(header, 'summary');
  if (!isRecord(summary)) return null;
  const [title, client, date, place, cardCount] = ['title', 'client', 'date', 'place', 'cardCount'].map((key) => own(summary, key));
  const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= sessionLimits.detailLength;
  if (!isText(title) || !isText(client) || !isText(date) || !isText(place)) return null;
  if (typeof cardCount !== 'number' || !Number.isSafeInteger(cardCount) || cardCount < 0 || cardCount > sessionLimits.cards) return null;
  return { title, client, date, place, cardCount };
}

/** What the session library shows of a session. Empty strings mean "not given". */
export function summarizeSession(session: Session): { title: string; client: string; date: string; place: string; cardCount: number } {
  const { title, client, date, place } = session.details;
  return { title, client, date, place, cardCount: Object.keys(session.cards).length };
}

function load(input: string): LoadResult {
  if (input.length > maxSessionFileBytes) {
    return problem('tooLarge', `The text has ${input.length} characters; at most ${maxSessionFileBytes} bytes are read`);
  }
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (looksBinary(text)) {
    return problem('binary', text.includes('\u0000') ? 'The file contains NUL characters' : 'The file is not valid UTF-8 text');
  }
  const depth = exceedsDepth(text, maxNestingDepth);
  if (depth !== null) return problem('tooDeep', `Nesting deeper than ${maxNestingDepth} levels at character ${depth}`);

  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return problem('notJson', `Not JSON: ${short(errorMessage(error))}`);
  }

  if (!isRecord(document)) return problem('notSessionFile', `The file holds ${kindOf(document)}, not a session`);
  const format = own(document, 'format');
  if (format !== sessionFileFormat) {
    const found = format === undefined ? 'has no "format"' : `has format ${short(JSON.stringify(format))}`;
    return problem('notSessionFile', `The file ${found}; expected "${sessionFileFormat}"`);
  }
  const version = own(document, 'version');
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    const found = version === undefined ? 'is missing' : `is ${short(JSON.stringify(version) ?? String(version))}`;
    return problem('invalidVersion', `"version" ${found}; expected a whole number from 1`);
  }
  if (version > currentFileVersion) {
    return problem('newerVersion', `The file has version ${version}; this app reads up to version ${currentFileVersion}`);
  }

  let raw = own(document, 'session');
  for (let from = version; from < currentFileVersion; from++) {
    const step = migrations[from];
    if (!step) return problem('invalidVersion', `No migration from version ${from} to ${from + 1}`);
    try {
      raw = step(raw);
    } catch (error) {
      return problem('invalidSession', `Migration from version ${from} to ${from + 1} failed: ${short(errorMessage(error))}`);
    }
  }

  const parsed = parseStructure(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const shown = issues.slice(0, 3).map((issue) => `${formatPath(issue.path)}: ${short(issue.message)}`);
    const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
    return problem('invalidSession', `${shown.join('; ')}${more}`);
  }
  const session: Session = parsed.data;
  const integrity = findIntegrityProblem(session);
  if (integrity) return problem(integrity.code, integrity.detail);
  return { ok: true, session, migratedFrom: version < currentFileVersion ? version : null };
}

/**
 * The session's structure, exactly as `sessionStructureSchema` gives it (docs/performance.md,
 * "Session files"). Cards that pass as they are skip zod (core/card-fast-check.ts); if one does
 * not, or the rest fails, the whole schema runs, so a damaged file gets the schema's own messages.
 */
function parseStructure(raw: unknown): z.ZodSafeParseResult<Session> {
  const shell = sessionShellSchema.safeParse(raw, { jitless: true });
  if (shell.success) {
    const { cards } = shell.data;
    let asIs = true;
    for (const key in cards) {
      if (!passesCardSchemaAsIs(cards[key])) {
        asIs = false;
        break;
      }
    }
    if (asIs) return { success: true, data: { ...shell.data, cards: cards as Record<string, Card> } };
  }
  return sessionStructureSchema.safeParse(raw, { jitless: true });
}

/**
 * The position of the first bracket that opens level `limit + 1`, or null. Counts `[` and `{`
 * outside strings in one pass; malformed text is left to JSON.parse.
 */
function exceedsDepth(text: string, limit: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (depth > 0) depth--;
    }
  }
  return null;
}

/**
 * The session with its keys in a fixed order, lanes in board order, so diffs stay readable; its
 * cards apart, in board order too (as an object would list them, so ids that are array indices come
 * first), with `cardsMarker` in their place.
 */
function canonical(session: Session): { shell: unknown; cards: readonly (readonly [string, Card])[] } {
  const { details } = session;
  const laneIds = unique([...session.laneOrder.filter((id) => Object.hasOwn(session.lanes, id)), ...Object.keys(session.lanes)]);
  const lanes = laneIds.flatMap((id) => {
    const lane = session.lanes[id];
    return lane ? [[id, { id: lane.id, kind: lane.kind, title: lane.title, cardIds: [...lane.cardIds] }] as const] : [];
  });
  const cards = cardsInFileOrder(session, lanes);
  const shell = {
    id: session.id,
    details: {
      title: details.title,
      client: details.client,
      date: details.date,
      place: details.place,
      facilitator: details.facilitator,
      participants: details.participants.map((p) => ({ id: p.id, name: p.name, department: p.department })),
      language: details.language,
    },
    agenda: session.agenda.map((b) => ({ id: b.id, kind: b.kind, title: b.title, prompt: b.prompt, minutes: b.minutes, skipped: b.skipped })),
    activeBlockId: session.activeBlockId,
    timer: session.timer && {
      blockId: session.timer.blockId,
      startedAt: session.timer.startedAt,
      elapsedMs: session.timer.elapsedMs,
      addedMs: session.timer.addedMs,
    },
    ...(session.parkedTimers?.length
      ? {
          parkedTimers: session.parkedTimers.map((t) => ({ blockId: t.blockId, startedAt: t.startedAt, elapsedMs: t.elapsedMs, addedMs: t.addedMs })),
        }
      : {}),
    mission: session.mission,
    caricaturesRevealed: session.caricaturesRevealed,
    voting: { voters: session.voting.voters, dots: session.voting.dots, revealed: session.voting.revealed },
    laneOrder: [...session.laneOrder],
    lanes: Object.fromEntries(lanes),
    cards: cardsMarker,
    ...(session.inbox?.length ? { inbox: session.inbox.map((topic) => ({ id: topic.id, title: topic.title })) } : {}),
  };
  return { shell, cards };
}

/**
 * The session's cards in board order, then any not on a lane, listed as an object built in that
 * order lists its keys (what JSON.stringify writes): ids that are array indices first, ascending.
 * Built as a list: an object of every card, only to be listed again, was most of a save's serializing.
 */
function cardsInFileOrder(session: Session, lanes: readonly (readonly [string, { readonly cardIds: readonly string[] }])[]): [string, Card][] {
  const seen = new Set<string>();
  const indices: [string, Card][] = [];
  const others: [string, Card][] = [];
  const take = (id: string) => {
    const card = session.cards[id];
    if (!card || seen.has(id) || !Object.hasOwn(session.cards, id)) return;
    seen.add(id);
    (isArrayIndex(id) ? indices : others).push([id, card]);
  };
  for (const [, lane] of lanes) for (const id of lane.cardIds) take(id);
  for (const id of Object.keys(session.cards)) take(id);
  if (indices.length === 0) return others;
  return [...indices.sort(([a], [b]) => Number(a) - Number(b)), ...others];
}

/** An array index as objects order their keys: a canonical integer below 2³² − 1. */
function isArrayIndex(key: string): boolean {
  const n = Number(key);
  return n >>> 0 === n && n !== 4294967295 && String(n) === key;
}

function canonicalCard(card: Card): unknown {
  const { exchange, caricature, metric } = card;
  return {
    id: card.id,
    title: card.title,
    kind: card.kind,
    lead: card.lead,
    notes: card.notes,
    why: card.why,
    colour: card.colour,
    tags: [...card.tags],
    actions: card.actions.map((a) => ({ id: a.id, text: a.text, owner: a.owner, due: a.due, done: a.done })),
    moves: card.moves.map((m) => ({ fromLaneId: m.fromLaneId, toLaneId: m.toLaneId, at: m.at, reason: m.reason })),
    exchange: { who: exchange.who, cadence: exchange.cadence, decisions: exchange.decisions },
    caricature: { view: caricature.view, truth: caricature.truth, cleared: caricature.cleared },
    metric: { value: metric.value, target: metric.target, unit: metric.unit, owner: metric.owner, narrative: metric.narrative },
    votes: { ...card.votes },
    ...(card.fromRoom ? { fromRoom: true } : {}),
  };
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function problem(code: OpenProblemCode, detail: string): LoadResult {
  return { ok: false, problem: code, detail };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** A zod issue path as `session.cards["c1"].title`. Long keys and long paths are cut. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = 'session';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(segment) && segment.length <= 40) out += `.${segment}`;
    else out += `[${short(JSON.stringify(String(segment)), 40)}]`;
  }
  return short(out);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function short(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
