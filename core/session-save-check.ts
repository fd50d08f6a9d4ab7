/**
 * The check main runs on a session it is asked to save, re-checking only the cards it has not
 * seen before. docs/performance.md, "Session files: the save path".
 */
import { z } from 'zod';
import type { Card, Session } from './model';
import { cardSchema, findIntegrityProblem, sessionShellSchema } from './session-schema';

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
  const entries = Object.entries(shell.cards);
  const remember = entries.length <= rememberedCardsLimit;
  const next = new Map<string, Card>();
  const cards: Record<string, Card> = {};
  let failed = false;
  for (const [key, raw] of entries) {
    const known = remembered.get(key);
    let card: Card;
    if (known && sameData(raw, known)) {
      card = known;
    } else {
      const parsed = cardSchema.safeParse(raw);
      if (!parsed.success) {
        failed = true;
        for (const issue of parsed.error.issues)
          ctx.issues.push({ code: 'custom', message: issue.message, path: ['cards', key, ...issue.path], input: raw });
        continue;
      }
      card = deepFreeze(parsed.data);
      checkedCards.add(card);
    }
    cards[key] = card;
    if (remember) next.set(key, card);
  }
  if (failed) return z.NEVER;
  const session: Session = { ...shell, cards };
  const problem = findIntegrityProblem(session);
  if (problem) {
    ctx.issues.push({ code: 'custom', message: problem.detail, params: { problem: problem.code }, input: shell });
    return z.NEVER;
  }
  remembered = next;
  return session;
});

/**
 * Whether an untrusted value holds exactly the data of a checked one: the same primitives, arrays
 * of the same length, plain objects with the same own keys and no others. Anything else — another
 * type, a String object, an extra key — is different, and the card is checked in full.
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
  if (Object.keys(record).length !== knownKeys.length) return false;
  for (const key of knownKeys) if (!Object.hasOwn(record, key) || !sameData(record[key], knownRecord[key])) return false;
  return true;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
