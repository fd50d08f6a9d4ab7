/**
 * The check main runs on a session it is asked to save, re-checking only the cards it has not
 * seen before. docs/performance.md, "Session files: the save path".
 */
import { z } from 'zod';
import type { Card, Session } from './model';
import { applySessionChanges, type SessionChanges } from './session-changes';
import { cardSchema, findIntegrityProblem, sessionLimits, sessionShellSchema, tooManyCards, type IntegrityProblemCode } from './session-schema';

/**
 * Sessions larger than this are checked card by card every time and nothing is remembered: the
 * memory of the last save stays about the size of a workshop's board.
 */
const rememberedCardsLimit = 10_000;

/**
 * The cards of the last session that passed, by key: the objects cardSchema made (deep-frozen).
 * An autosave sends the whole session though one card changed; a card that holds exactly the data
 * of the remembered card under its key (same keys, same primitive values, nothing more) is replaced
 * by that checked card, so what goes on — to the integrity check, and into the file — is exactly
 * what a full check would give.
 */
let remembered = new Map<string, Card>();
const checkedCards = new WeakSet<object>();

/** Whether `card` is one of the deep-frozen cards this check produced (the file writer caches their text). */
export function isCheckedCard(card: object): boolean {
  return checkedCards.has(card);
}

/**
 * What `sessionSchema` accepts, and the same session it gives (structure, limits, integrity), for
 * the save verbs: a card is checked against cardSchema only when its JSON differs from every card
 * of the last session that passed here.
 */
export const savedSessionSchema: z.ZodType<Session> = sessionShellSchema.transform((shell, ctx): Session => {
  const checked = checkCards(shell);
  if (!checked.success) {
    for (const { message, path, input, problem } of checked.issues)
      ctx.issues.push({ code: 'custom', message, path: [...path], input, ...(problem ? { params: { problem } } : {}) });
    return z.NEVER;
  }
  return checked.data;
});

/** One reason a session to save was refused: where, and what is wrong. */
export interface SaveCheckIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly input: unknown;
  readonly problem?: IntegrityProblemCode;
}

export type SaveCheckResult =
  { readonly success: true; readonly data: Session } | { readonly success: false; readonly issues: readonly SaveCheckIssue[] };

/**
 * What `savedSessionSchema.safeParse(applySessionChanges(held, changes))` gives, without checking
 * the structure of the merged session again: an autosave's changes have passed the
 * saveSessionChanges argument check (core/api-schemas.ts: the session's structure, and each card
 * they carry), and the merged session takes everything but its cards from them. What is left is
 * the rest of savedSessionSchema: the cards (the held ones are the checked cards themselves), the
 * card limit and the integrity rules. Property-tested against savedSessionSchema.
 * docs/performance.md, "Session files".
 */
export function savedSessionOfChanges(held: Session, changes: Pick<SessionChanges, 'session' | 'removedCards'>): SaveCheckResult {
  const merged = applySessionChanges(held, changes);
  const entries = Object.entries(merged.cards);
  if (entries.length > sessionLimits.cards) return { success: false, issues: [{ path: ['cards'], message: tooManyCards, input: merged.cards }] };
  return checkCards(merged, entries);
}

/**
 * Checks the cards of a session whose structure has passed (sessionShellSchema), remembering them
 * for the next save, then the integrity rules: the part of the save check after the structure.
 */
function checkCards(
  shell: Omit<Session, 'cards'> & { readonly cards: Readonly<Record<string, unknown>> },
  entries: readonly (readonly [string, unknown])[] = Object.entries(shell.cards),
): SaveCheckResult {
  const remember = entries.length <= rememberedCardsLimit;
  const next = new Map<string, Card>();
  const cards: Record<string, Card> = {};
  const issues: SaveCheckIssue[] = [];
  for (const [key, raw] of entries) {
    const known = remembered.get(key);
    let card: Card;
    // The very card checked before: an autosave of changes merges them into the version main holds.
    if (known && (raw === known || sameCard(raw, known))) {
      card = known;
    } else {
      const parsed = cardSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) issues.push({ message: issue.message, path: ['cards', key, ...issue.path], input: raw });
        continue;
      }
      card = deepFreeze(parsed.data);
      checkedCards.add(card);
    }
    cards[key] = card;
    if (remember) next.set(key, card);
  }
  if (issues.length > 0) return { success: false, issues };
  const session: Session = { ...shell, cards };
  const problem = findIntegrityProblem(session);
  if (problem) return { success: false, issues: [{ message: problem.detail, path: [], input: shell, problem: problem.code }] };
  remembered = next;
  return { success: true, data: session };
}

/**
 * `sameData(raw, known)` for a card, written out field by field: the generic walk reads every
 * property by a computed key, which V8 cannot specialise, and was most of the check's time. The
 * rule is the same: plain objects and arrays (the prototypes zod's output has), the same number
 * of own keys, the same primitives. A key `raw` lacks reads as undefined (Object.prototype has none
 * of these names), which no field of a checked card is, so equal counts mean equal keys.
 */
function sameCard(raw: unknown, known: Card): boolean {
  if (!isPlainObject(raw) || Object.keys(raw).length !== (known.fromRoom === undefined ? 14 : 15)) return false;
  return (
    raw.id === known.id &&
    raw.title === known.title &&
    raw.kind === known.kind &&
    raw.lead === known.lead &&
    raw.notes === known.notes &&
    raw.why === known.why &&
    raw.colour === known.colour &&
    (known.fromRoom === undefined || raw.fromRoom === known.fromRoom) &&
    sameTags(raw.tags, known.tags) &&
    sameActions(raw.actions, known.actions) &&
    sameMoves(raw.moves, known.moves) &&
    sameExchange(raw.exchange, known.exchange) &&
    sameCaricature(raw.caricature, known.caricature) &&
    sameMetric(raw.metric, known.metric) &&
    sameData(raw.votes, known.votes)
  );
}

function sameTags(raw: unknown, known: Card['tags']): boolean {
  if (!isPlainArray(raw) || raw.length !== known.length) return false;
  // A hole reads as undefined, which no tag is.
  for (let i = 0; i < known.length; i++) if (raw[i] !== known[i]) return false;
  return true;
}

function sameActions(raw: unknown, known: Card['actions']): boolean {
  if (!isPlainArray(raw) || raw.length !== known.length) return false;
  for (let i = 0; i < known.length; i++) {
    const item = raw[i];
    const action = known[i] as Card['actions'][number];
    if (!isPlainObject(item) || Object.keys(item).length !== 5) return false;
    if (item.id !== action.id || item.text !== action.text || item.owner !== action.owner || item.due !== action.due || item.done !== action.done)
      return false;
  }
  return true;
}

function sameMoves(raw: unknown, known: Card['moves']): boolean {
  if (!isPlainArray(raw) || raw.length !== known.length) return false;
  for (let i = 0; i < known.length; i++) {
    const item = raw[i];
    const move = known[i] as Card['moves'][number];
    if (!isPlainObject(item) || Object.keys(item).length !== 4) return false;
    if (item.fromLaneId !== move.fromLaneId || item.toLaneId !== move.toLaneId || item.at !== move.at || item.reason !== move.reason) return false;
  }
  return true;
}

function sameExchange(raw: unknown, known: Card['exchange']): boolean {
  return (
    isPlainObject(raw) && Object.keys(raw).length === 3 && raw.who === known.who && raw.cadence === known.cadence && raw.decisions === known.decisions
  );
}

function sameCaricature(raw: unknown, known: Card['caricature']): boolean {
  return isPlainObject(raw) && Object.keys(raw).length === 3 && raw.view === known.view && raw.truth === known.truth && raw.cleared === known.cleared;
}

function sameMetric(raw: unknown, known: Card['metric']): boolean {
  return (
    isPlainObject(raw) &&
    Object.keys(raw).length === 5 &&
    raw.value === known.value &&
    raw.target === known.target &&
    raw.unit === known.unit &&
    raw.owner === known.owner &&
    raw.narrative === known.narrative
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function isPlainArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype;
}

/**
 * Whether an untrusted value holds exactly the data of a checked one: the same primitives, arrays
 * of the same length, plain objects with the same own keys in the same order and no others.
 * Anything else — another type, a String object, an extra key — is different, and the card is
 * checked in full.
 */
function sameData(raw: unknown, known: unknown): boolean {
  if (typeof known !== 'object' || known === null) return raw === known;
  if (typeof raw !== 'object' || raw === null || Object.getPrototypeOf(raw) !== Object.getPrototypeOf(known)) return false;
  // Plain loops, no closures: this runs over every field of every card on each autosave.
  if (Array.isArray(known)) {
    const list = raw as unknown[];
    if (list.length !== known.length) return false;
    for (let i = 0; i < known.length; i++) if (!Object.hasOwn(list, i) || !sameData(list[i], known[i])) return false;
    return true;
  }
  const record = raw as Record<string, unknown>;
  const knownRecord = known as Record<string, unknown>;
  const knownKeys = Object.keys(knownRecord);
  const rawKeys = Object.keys(record);
  if (rawKeys.length !== knownKeys.length) return false;
  // In the same order too: the checked copy replaces the sent one, and the file keeps key order.
  for (let i = 0; i < knownKeys.length; i++) {
    const key = knownKeys[i] as string;
    if (rawKeys[i] !== key || !sameData(record[key], knownRecord[key])) return false;
  }
  return true;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
