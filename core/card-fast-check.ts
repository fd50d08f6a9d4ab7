/**
 * A card read from a file that cardSchema would accept and give back unchanged, told without zod.
 * docs/performance.md, "Session files".
 */
import { cardColours, cardKinds, cardLimits, caricatureViews, isDateOrEmpty, leads, maxCardTitleLength, sides, type Card } from './model';
import { sessionLimits } from './session-schema';

/*
 * Opening a 2,000-card file spent most of its time in zod, which runs without its compiled fast
 * path here (session files are parsed `jitless`, docs/ARCHITECTURE.md, "Security baseline").
 * This is only a shortcut: it says yes when cardSchema accepts the card and its output equals the
 * input, keys in the same order; anything else, valid or not, goes to the schema, which gives the
 * result and the messages. A property test holds it to cardSchema on valid and damaged cards.
 */

const cardKeys = [
  'id',
  'title',
  'kind',
  'lead',
  'notes',
  'why',
  'colour',
  'tags',
  'actions',
  'moves',
  'exchange',
  'caricature',
  'metric',
  'votes',
] as const;
const actionKeys = ['id', 'text', 'owner', 'due', 'done'] as const;
const moveKeys = ['fromLaneId', 'toLaneId', 'at', 'reason'] as const;
const exchangeKeys = ['who', 'cadence', 'decisions'] as const;
const caricatureKeys = ['view', 'truth', 'cleared'] as const;
const metricKeys = ['value', 'target', 'unit', 'owner', 'narrative'] as const;

// Compile-time checks: a field added to the model must be added here too (and checked below).
type Covers<Keys extends readonly string[], T> = [Exclude<keyof T, Keys[number]>] extends [never] ? true : never;
export const cardKeysCoverCard: Covers<[...typeof cardKeys, 'fromRoom'], Card> = true;
export const actionKeysCoverAction: Covers<typeof actionKeys, Card['actions'][number]> = true;
export const moveKeysCoverMove: Covers<typeof moveKeys, Card['moves'][number]> = true;
export const exchangeKeysCoverExchange: Covers<typeof exchangeKeys, Card['exchange']> = true;
export const caricatureKeysCoverCaricature: Covers<typeof caricatureKeys, Card['caricature']> = true;
export const metricKeysCoverMetric: Covers<typeof metricKeys, Card['metric']> = true;

const kinds = new Set<unknown>(cardKinds);
const leadSet = new Set<unknown>(leads);
const colours = new Set<unknown>(cardColours);
const views = new Set<unknown>(caricatureViews);
const sideSet = new Set<unknown>(sides);
const maxVoters = sessionLimits.participants + 3 + sessionLimits.phones;

/** Whether cardSchema accepts `value` and gives back an equal card with its keys in the same order. */
export function passesCardSchemaAsIs(value: unknown): value is Card {
  if (!isPlainObject(value)) return false;
  const card = value as Record<string, unknown>;
  const fromRoom = Object.hasOwn(card, 'fromRoom');
  if (!hasKeysInOrder(card, cardKeys, fromRoom ? 'fromRoom' : null)) return false;
  if (fromRoom && card.fromRoom !== true) return false;
  const { title } = card;
  return (
    isId(card.id) &&
    typeof title === 'string' &&
    title.length <= maxCardTitleLength &&
    title.trim() !== '' &&
    kinds.has(card.kind) &&
    leadSet.has(card.lead) &&
    isText(card.notes, cardLimits.longText) &&
    isText(card.why, cardLimits.longText) &&
    (card.colour === null || colours.has(card.colour)) &&
    isListOf(card.tags, cardLimits.tags, isTag) &&
    isListOf(card.actions, cardLimits.actions, isAction) &&
    isListOf(card.moves, cardLimits.moves, isMove) &&
    isExchange(card.exchange) &&
    isCaricature(card.caricature) &&
    isMetric(card.metric) &&
    isVotes(card.votes)
  );
}

function isAction(value: unknown): boolean {
  if (!isPlainObject(value) || !hasKeysInOrder(value, actionKeys, null)) return false;
  const { due } = value;
  return (
    isId(value.id) &&
    isText(value.text, cardLimits.shortText) &&
    isText(value.owner, cardLimits.shortText) &&
    typeof due === 'string' &&
    isDateOrEmpty(due) &&
    typeof value.done === 'boolean'
  );
}

function isMove(value: unknown): boolean {
  if (!isPlainObject(value) || !hasKeysInOrder(value, moveKeys, null)) return false;
  const { at } = value;
  return (
    isId(value.fromLaneId) &&
    isId(value.toLaneId) &&
    typeof at === 'string' &&
    at.length <= 40 &&
    !Number.isNaN(Date.parse(at)) &&
    isText(value.reason, cardLimits.shortText)
  );
}

function isExchange(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    hasKeysInOrder(value, exchangeKeys, null) &&
    isText(value.who, cardLimits.shortText) &&
    isText(value.cadence, cardLimits.shortText) &&
    isText(value.decisions, cardLimits.longText)
  );
}

function isCaricature(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    hasKeysInOrder(value, caricatureKeys, null) &&
    views.has(value.view) &&
    isText(value.truth, cardLimits.longText) &&
    typeof value.cleared === 'boolean'
  );
}

function isMetric(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    hasKeysInOrder(value, metricKeys, null) &&
    isText(value.value, cardLimits.shortText) &&
    isText(value.target, cardLimits.shortText) &&
    isText(value.unit, cardLimits.shortText) &&
    (value.owner === null || sideSet.has(value.owner)) &&
    isText(value.narrative, cardLimits.longText)
  );
}

function isVotes(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  let count = 0;
  for (const voter in value) {
    // zod builds a record by assignment: a `__proto__` key is not copied, so the schema decides.
    if (voter.length > sessionLimits.idLength || voter === '__proto__') return false;
    const dots = value[voter];
    if (typeof dots !== 'number' || !Number.isInteger(dots) || dots < 1 || dots > cardLimits.dots) return false;
    count++;
  }
  return count <= maxVoters;
}

function isTag(value: unknown): boolean {
  return typeof value === 'string' && value.length >= 1 && value.length <= cardLimits.tagLength;
}

function isId(value: unknown): boolean {
  return typeof value === 'string' && value.length >= 1 && value.length <= sessionLimits.idLength && value !== '__proto__';
}

function isText(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.length <= max;
}

function isListOf(value: unknown, max: number, isItem: (item: unknown) => boolean): boolean {
  if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype || value.length > max) return false;
  for (let i = 0; i < value.length; i++) if (!Object.hasOwn(value, i) || !isItem(value[i])) return false;
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Exactly these own keys, in this order, then `last` if given: zod's output order, and no key it would drop. */
function hasKeysInOrder(value: Record<string, unknown>, keys: readonly string[], last: string | null): boolean {
  let i = 0;
  for (const key in value) {
    const expected = i < keys.length ? keys[i] : i === keys.length ? last : null;
    if (key !== expected) return false;
    i++;
  }
  return i === keys.length + (last === null ? 0 : 1);
}
