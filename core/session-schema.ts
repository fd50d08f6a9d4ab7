/**
 * The zod schema of the current session: its limits, and the integrity rules a schema cannot express.
 * docs/file-format.md, "The session, field by field (version 3)".
 */
import { z } from 'zod';
import { agendaLimits, blockKinds, type AgendaBlock } from './agenda';
import {
  cardColours,
  cardKinds,
  cardLimits,
  caricatureViews,
  departments,
  inboxLimit,
  isDateOrEmpty,
  laneKinds,
  laneLimits,
  leads,
  maxCardTitleLength,
  sessionLanguages,
  sides,
  type Card,
  type Session,
  type SessionDetails,
} from './model';

/** Limits of the format; docs/file-format.md lists them. */
export const sessionLimits = {
  idLength: 200,
  laneTitleLength: laneLimits.titleLength,
  detailLength: 1000,
  participants: 1000,
  /** Phones voting as themselves: at most as many as may join a room. */
  phones: 100,
  lanes: laneLimits.lanes,
  cards: 100_000,
  agendaBlocks: agendaLimits.blocks,
  blockTextLength: agendaLimits.textLength,
  blockMinutes: { min: agendaLimits.minMinutes, max: agendaLimits.maxMinutes },
} as const;

/** Why a session with more cards than sessionLimits.cards is refused. */
export const tooManyCards = `Too many cards: at most ${sessionLimits.cards}`;

/**
 * An id: 1..200 characters. `__proto__` is refused because it cannot be a plain object's key
 * (assigning it changes the object's prototype instead of adding an entry); zod drops such a key
 * from a record, so a lane naming that card then reports a dangling reference.
 */
const id = z
  .string()
  .min(1)
  .max(sessionLimits.idLength)
  .refine((value) => value !== '__proto__', { error: 'The id "__proto__" is reserved' });

const detailText = z.string().max(sessionLimits.detailLength);

/** '' (not set) or a real calendar day as YYYY-MM-DD. */
const date = z.string().refine(isDateOrEmpty, { error: 'Expected "" or a calendar date as YYYY-MM-DD' });

export const participantSchema = z.object({
  id,
  name: detailText,
  department: z.enum(departments),
});

export const sessionDetailsSchema = z.object({
  title: detailText,
  client: detailText,
  date,
  place: detailText,
  facilitator: detailText,
  participants: z.array(participantSchema).max(sessionLimits.participants),
  language: z.enum(sessionLanguages),
});

const shortText = z.string().max(cardLimits.shortText);
const longText = z.string().max(cardLimits.longText);
/** An ISO 8601 time as written by Date.toISOString (a move's time). */
const isoTime = z
  .string()
  .max(40)
  .refine((value) => !Number.isNaN(Date.parse(value)), { error: 'Expected an ISO 8601 time' });

export const cardSchema = z.object({
  id,
  title: z
    .string()
    .max(maxCardTitleLength)
    .refine((title) => title.trim() !== '', { error: 'A card title must not be empty' }),
  kind: z.enum(cardKinds),
  lead: z.enum(leads),
  notes: longText,
  why: longText,
  colour: z.enum(cardColours).nullable(),
  tags: z.array(z.string().min(1).max(cardLimits.tagLength)).max(cardLimits.tags),
  actions: z.array(z.object({ id, text: shortText, owner: shortText, due: date, done: z.boolean() })).max(cardLimits.actions),
  moves: z.array(z.object({ fromLaneId: id, toLaneId: id, at: isoTime, reason: shortText })).max(cardLimits.moves),
  exchange: z.object({ who: shortText, cadence: shortText, decisions: longText }),
  caricature: z.object({ view: z.enum(caricatureViews), truth: longText, cleared: z.boolean() }),
  metric: z.object({ value: shortText, target: shortText, unit: shortText, owner: z.enum(sides).nullable(), narrative: longText }),
  votes: z
    .record(z.string().max(sessionLimits.idLength), z.number().int().min(1).max(cardLimits.dots))
    .refine((votes) => Object.keys(votes).length <= sessionLimits.participants + 3 + sessionLimits.phones, { error: 'Too many voters' }),
  // Present only on a card a participant wrote on a phone; who wrote it is never in the file.
  fromRoom: z.literal(true).optional(),
});

export const inboxTopicSchema = z.object({
  id,
  title: cardSchema.shape.title,
});

export const laneSchema = z
  .object({
    id,
    kind: z.enum(laneKinds),
    title: z.string().max(sessionLimits.laneTitleLength).nullable(),
    cardIds: z.array(z.string()).max(sessionLimits.cards),
  })
  .refine((lane) => lane.kind !== 'extra' || (lane.title ?? '').trim() !== '', { error: 'An extra lane needs a name' });

const blockText = z.string().max(sessionLimits.blockTextLength).nullable();

export const agendaBlockSchema = z.object({
  id,
  kind: z.enum(blockKinds),
  title: blockText,
  prompt: blockText,
  minutes: z.number().int().min(sessionLimits.blockMinutes.min).max(sessionLimits.blockMinutes.max),
  skipped: z.boolean(),
});

const epochMs = z.number().int().min(0).max(8.64e15);
/** At most a day: the timer cannot be pushed past what the UI can show. */
const dayMs = z
  .number()
  .int()
  .min(0)
  .max(24 * 60 * 60_000);

export const blockTimerSchema = z.object({
  blockId: id,
  startedAt: epochMs.nullable(),
  // Time run may exceed a day (a timer left running overnight); it only has to be a real duration.
  elapsedMs: z.number().int().min(0).max(8.64e15),
  addedMs: dayMs,
});

export const votingSchema = z.object({
  voters: z.enum(['participants', 'departments', 'phones']),
  dots: z.number().int().min(1).max(cardLimits.dots),
  revealed: z.boolean(),
});

/**
 * The session's structure and limits, without the integrity rules. Record keys and a lane's
 * cardIds are plain strings here: integrity requires each to equal the id of a card or lane, and
 * those ids are checked in full. That keeps the per-card work small (a 2,000-card file parses in
 * a few milliseconds); a malformed reference is reported as a duplicate or dangling id instead.
 */
export const sessionStructureSchema = z.object({
  id,
  details: sessionDetailsSchema,
  agenda: z.array(agendaBlockSchema).max(sessionLimits.agendaBlocks),
  activeBlockId: id.nullable(),
  timer: blockTimerSchema.nullable(),
  // Clocks of blocks left mid-way; a file without them (older or none kept) is the same as [].
  parkedTimers: z.array(blockTimerSchema).max(sessionLimits.agendaBlocks).optional(),
  mission: longText,
  caricaturesRevealed: z.boolean(),
  voting: votingSchema,
  laneOrder: z.array(id).max(sessionLimits.lanes),
  lanes: z.record(z.string(), laneSchema).refine((lanes) => Object.keys(lanes).length <= sessionLimits.lanes, {
    error: `Too many lanes: at most ${sessionLimits.lanes}`,
  }),
  cards: z.record(z.string(), cardSchema).refine((cards) => Object.keys(cards).length <= sessionLimits.cards, { error: tooManyCards }),
  // Topics from the room not yet placed; a file without them has none.
  inbox: z.array(inboxTopicSchema).max(inboxLimit).optional(),
});

/**
 * The session's structure with each card left unchecked, for callers that check the cards one by
 * one (the save check, and opening a file): the same shape, key order and limits otherwise.
 */
export const sessionShellSchema = sessionStructureSchema.extend({
  cards: z.record(z.string(), z.unknown()).refine((cards) => Object.keys(cards).length <= sessionLimits.cards, { error: tooManyCards }),
});

export type IntegrityProblemCode = 'duplicateIds' | 'danglingReference';
export interface IntegrityProblem {
  readonly code: IntegrityProblemCode;
  readonly detail: string;
}

/**
 * The first integrity problem of a structurally valid session, or null. Duplicates are reported
 * before dangling references. Linear in the session's size; looks keys up with own-property
 * checks only, so ids like "constructor" or "toString" are plain ids.
 */
export function findIntegrityProblem(session: Session): IntegrityProblem | null {
  const duplicate = (detail: string): IntegrityProblem => ({ code: 'duplicateIds', detail });
  const dangling = (detail: string): IntegrityProblem => ({ code: 'danglingReference', detail });

  // One pass over the cards (a save runs this over every card): a card under another id's key is
  // reported before any action id twice, as if the two rules ran one after the other.
  let actionTwice: IntegrityProblem | null = null;
  for (const key in session.cards) {
    if (!Object.hasOwn(session.cards, key)) continue;
    const card = session.cards[key] as Card;
    if (card.id !== key) return duplicate(`cards[${quote(key)}] holds a card with id ${quote(card.id)}`);
    if (actionTwice === null && card.actions.length > 1) {
      const twice = firstRepeated(card.actions);
      if (twice !== null) actionTwice = duplicate(`card ${quote(card.id)} has action id ${quote(twice)} twice`);
    }
  }
  for (const [key, lane] of Object.entries(session.lanes)) {
    if (lane.id !== key) return duplicate(`lanes[${quote(key)}] holds a lane with id ${quote(lane.id)}`);
  }
  if (actionTwice !== null) return actionTwice;
  const ordered = new Set<string>();
  for (const laneId of session.laneOrder) {
    if (ordered.has(laneId)) return duplicate(`lane ${quote(laneId)} is listed twice in laneOrder`);
    ordered.add(laneId);
  }
  const participants = new Set<string>();
  for (const participant of session.details.participants) {
    if (participants.has(participant.id)) return duplicate(`participant id ${quote(participant.id)} is used twice`);
    participants.add(participant.id);
  }
  const blocks = new Set<string>();
  for (const block of session.agenda) {
    if (blocks.has(block.id)) return duplicate(`agenda block id ${quote(block.id)} is used twice`);
    blocks.add(block.id);
  }
  const laneOfCard = new Map<string, string>();
  for (const [laneId, lane] of Object.entries(session.lanes)) {
    for (const cardId of lane.cardIds) {
      const other = laneOfCard.get(cardId);
      if (other === laneId) return duplicate(`card ${quote(cardId)} stands twice in lane ${quote(laneId)}`);
      if (other !== undefined) return duplicate(`card ${quote(cardId)} stands in lane ${quote(other)} and in lane ${quote(laneId)}`);
      laneOfCard.set(cardId, laneId);
    }
  }

  if (session.activeBlockId !== null && !blocks.has(session.activeBlockId)) {
    return dangling(`the active block ${quote(session.activeBlockId)} is not in the agenda`);
  }
  if (session.timer && session.timer.blockId !== session.activeBlockId) {
    return dangling(`the timer belongs to block ${quote(session.timer.blockId)}, which is not the active block`);
  }
  for (const parked of session.parkedTimers ?? []) {
    if (!blocks.has(parked.blockId)) return dangling(`a kept timer belongs to block ${quote(parked.blockId)}, which is not in the agenda`);
  }
  for (const laneId of session.laneOrder) {
    if (!Object.hasOwn(session.lanes, laneId)) return dangling(`laneOrder names lane ${quote(laneId)}, which does not exist`);
  }
  for (const laneId of Object.keys(session.lanes)) {
    if (!ordered.has(laneId)) return dangling(`lane ${quote(laneId)} is missing from laneOrder`);
  }
  for (const [cardId, laneId] of laneOfCard) {
    if (!Object.hasOwn(session.cards, cardId)) return dangling(`lane ${quote(laneId)} lists card ${quote(cardId)}, which is not in cards`);
  }
  for (const cardId of Object.keys(session.cards)) {
    if (!laneOfCard.has(cardId)) return dangling(`card ${quote(cardId)} stands in no lane`);
  }
  const inbox = new Set<string>();
  for (const topic of session.inbox ?? []) {
    if (inbox.has(topic.id) || Object.hasOwn(session.cards, topic.id)) return duplicate(`the inbox topic id ${quote(topic.id)} is used twice`);
    inbox.add(topic.id);
  }
  return null;
}

/** The full schema: structure, limits and integrity. What main accepts as a session from anywhere. */
export const sessionSchema: z.ZodType<Session> = sessionStructureSchema.superRefine((session, ctx) => {
  const problem = findIntegrityProblem(session);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.detail, params: { problem: problem.code } });
});

/** The first id that an earlier item of the list has too, or null. */
function firstRepeated(items: readonly { readonly id: string }[]): string | null {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return null;
}

/** An id for a message, quoted; an id too long for a message is cut (references are not length-checked). */
function quote(value: string): string {
  return JSON.stringify(value.length <= 100 ? value : `${value.slice(0, 99)}…`);
}

// Compile-time checks: the schemas describe exactly the model's types, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
type DeepMutable<T> = T extends readonly (infer U)[] ? DeepMutable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;
export const agendaBlockSchemaMatchesModel: Same<z.infer<typeof agendaBlockSchema>, DeepMutable<AgendaBlock>> = true;
export const detailsSchemaMatchesModel: Same<z.infer<typeof sessionDetailsSchema>, DeepMutable<SessionDetails>> = true;
export const cardSchemaMatchesModel: Same<z.infer<typeof cardSchema>, DeepMutable<Card>> = true;
export const sessionSchemaMatchesModel: Same<z.infer<typeof sessionStructureSchema>, DeepMutable<Session>> = true;
