/** The session document: what a workshop board is made of. Plain, immutable data. */

export type CardId = string;
export type LaneId = string;

/**
 * The three lanes of the method, and `extra` for a lane the facilitator adds (a parking lot, say).
 * A lane's kind decides its default, localised name and the lead a card gets when moved there.
 */
export const methodLaneKinds = ['marketing', 'seam', 'sales'] as const;
export const laneKinds = [...methodLaneKinds, 'extra'] as const;
export type LaneKind = (typeof laneKinds)[number];

/** What a card is: a topic to give a lead, a caricature one side holds of the other, or a metric. */
export const cardKinds = ['topic', 'caricature', 'metric'] as const;
export type CardKind = (typeof cardKinds)[number];

/**
 * What a block is for. The first four are the blocks of the method (the workshop flow in the
 * product brief); `custom` is a block the facilitator adds, with a title of their own.
 */
export const blockKinds = ['lead', 'caricatures', 'mission', 'metrics', 'custom'] as const;
export type BlockKind = (typeof blockKinds)[number];

export interface AgendaBlock {
  readonly id: string;
  readonly kind: BlockKind;
  /** facilitator's own title; null → the default title of its kind in the UI language */
  readonly title: string | null;
  /** the facilitator prompt; null → the default prompt of its kind */
  readonly prompt: string | null;
  /** The timebox in whole minutes, agendaLimits.minMinutes..agendaLimits.maxMinutes (core/agenda.ts). */
  readonly minutes: number;
  /** Skipped blocks stay in the agenda, greyed out; next/previous pass over them. */
  readonly skipped: boolean;
}

/** Who leads a topic: one side, both together (the seam), or not settled yet. */
export const leads = ['marketing', 'joint', 'sales', 'unresolved'] as const;
export type Lead = (typeof leads)[number];

/** The side that owns a metric; null while nobody does. */
export const sides = ['marketing', 'joint', 'sales'] as const;
export type Side = (typeof sides)[number];

/** Card colours, by name; the theme decides the actual colour (readable in every theme). */
export const cardColours = ['yellow', 'blue', 'green', 'red', 'violet'] as const;
export type CardColour = (typeof cardColours)[number];

/** Whose picture of whom a caricature card holds. */
export const caricatureViews = ['marketingOnSales', 'salesOnMarketing'] as const;
export type CaricatureView = (typeof caricatureViews)[number];

/** How a seam card's shared work runs: who meets, how often, who decides what. '' = not recorded. */
export interface SeamExchange {
  readonly who: string;
  readonly cadence: string;
  readonly decisions: string;
}

export interface Caricature {
  readonly view: CaricatureView;
  /** "What is actually true", written once the caricature is on the table. */
  readonly truth: string;
  readonly cleared: boolean;
}

/** A metric and its narrative. Values are text: workshop numbers are often rough ("about 40"). */
export interface Metric {
  readonly value: string;
  readonly target: string;
  readonly unit: string;
  readonly owner: Side | null;
  /** The story the number tells; a metric without one is flagged. */
  readonly narrative: string;
}

export interface ActionItem {
  readonly id: string;
  readonly text: string;
  readonly owner: string;
  /** YYYY-MM-DD or '' */
  readonly due: string;
  readonly done: boolean;
}

/** One move of a card from lane to lane, with the reason the room gave (or ''). */
export interface MoveRecord {
  readonly fromLaneId: LaneId;
  readonly toLaneId: LaneId;
  /** ISO 8601 time of the move */
  readonly at: string;
  readonly reason: string;
}

/**
 * A card on the board. Every card has every field: changing a card's kind keeps what it held
 * under another kind, so switching back loses nothing. Empty strings mean "not given".
 */
export interface Card {
  readonly id: CardId;
  readonly title: string;
  readonly kind: CardKind;
  readonly lead: Lead;
  readonly notes: string;
  /** Why the work exists: the function it serves or the shared mission. */
  readonly why: string;
  readonly colour: CardColour | null;
  readonly tags: readonly string[];
  readonly actions: readonly ActionItem[];
  /** Moves across lanes, oldest first (at most cardLimits.moves; the oldest are dropped). */
  readonly moves: readonly MoveRecord[];
  readonly exchange: SeamExchange;
  readonly caricature: Caricature;
  readonly metric: Metric;
  /** Dots given to this card, by voter (core/voting.ts). */
  readonly votes: Readonly<Record<string, number>>;
  /** Written by a participant on a phone (core/room.ts); who wrote it is never recorded. */
  readonly fromRoom?: true;
}

/** At most this many topics wait in the inbox: a full room (100 phones) may send 10 each, and no more. */
export const inboxLimit = 1000;

/** A topic a participant sent from a phone, waiting in the control window's inbox to be placed. */
export interface InboxTopic {
  readonly id: CardId;
  readonly title: string;
}

export interface Lane {
  readonly id: LaneId;
  readonly kind: LaneKind;
  /** A name the facilitator gave the lane; null shows the default name of its kind. */
  readonly title: string | null;
  /** Card order within the lane. The single source of truth for where a card stands. */
  readonly cardIds: readonly CardId[];
}

export const departments = ['marketing', 'sales', 'other'] as const;
export type Department = (typeof departments)[number];

export interface Participant {
  readonly id: string;
  readonly name: string;
  readonly department: Department;
}

/** The facts of a workshop, for the session library and the summary. Empty strings mean "not given". */
export interface SessionDetails {
  readonly title: string;
  readonly client: string;
  /** The workshop day as YYYY-MM-DD, or '' when not set. */
  readonly date: string;
  readonly place: string;
  readonly facilitator: string;
  readonly participants: readonly Participant[];
  /** The language the workshop is held in, for its summaries; '' = not set (the UI language is used). */
  readonly language: SessionLanguage;
}

/** Languages a session can be held in (the UI languages); '' = not set. */
export const sessionLanguages = ['', 'de', 'en'] as const;
export type SessionLanguage = (typeof sessionLanguages)[number];

export const emptyDetails: SessionDetails = { title: '', client: '', date: '', place: '', facilitator: '', participants: [], language: '' };

/** Dot voting: how many dots each voter has, whether voters are people or departments, and whether totals show. */
export interface Voting {
  /** People, departments, or the phones in the room, each voting as itself (core/room.ts). */
  readonly voters: 'participants' | 'departments' | 'phones';
  readonly dots: number;
  readonly revealed: boolean;
}

/** The countdown of the active block (core/timer.ts). */
export interface BlockTimer {
  readonly blockId: string;
  /** Epoch milliseconds when it last started running; null while stopped. */
  readonly startedAt: number | null;
  /** Time run before startedAt. */
  readonly elapsedMs: number;
  /** Minutes added on top of the block's timebox, in milliseconds. */
  readonly addedMs: number;
}

export interface Session {
  readonly id: string;
  readonly details: SessionDetails;
  /** The blocks the workshop works through, in order (core/agenda.ts). Empty for a blank session. */
  readonly agenda: readonly AgendaBlock[];
  /** The block the room is in, or null before the agenda starts. Navigation, not content: not undone. */
  readonly activeBlockId: string | null;
  /** The active block's countdown, or null. A clock, not content: not undone. */
  readonly timer: BlockTimer | null;
  /** Paused clocks of blocks left mid-way (core/timer.ts); absent when there are none. Not undone. */
  readonly parkedTimers?: readonly BlockTimer[];
  /** The shared mission statement both sides agree on. */
  readonly mission: string;
  /** Whether caricature cards show their text; collected hidden, revealed together. */
  readonly caricaturesRevealed: boolean;
  readonly voting: Voting;
  readonly laneOrder: readonly LaneId[];
  readonly lanes: Readonly<Record<LaneId, Lane>>;
  readonly cards: Readonly<Record<CardId, Card>>;
  /** Topics from the room not yet placed on the board (core/room.ts); absent when there are none. */
  readonly inbox?: readonly InboxTopic[];
}

/** Longest card title we accept; longer input is cut, so a pasted paragraph cannot flood the board. */
export const maxCardTitleLength = 500;

/** Limits of a card's fields; the file schema enforces them, operations keep them. */
export const cardLimits = {
  /** notes, why, a narrative, a truth */
  longText: 5000,
  /** value, target, unit, exchange fields, an action's text or owner, a tag, a move reason */
  shortText: 500,
  tags: 20,
  tagLength: 40,
  actions: 100,
  moves: 200,
  /** dots one voter can give in all */
  dots: 99,
} as const;

/** Limits of the lanes; the file schema enforces them, operations keep them. */
export const laneLimits = { lanes: 50, titleLength: 200 } as const;

export const defaultVoting: Voting = { voters: 'departments', dots: 3, revealed: false };

/** The lead a card gets when it lands in a lane of this kind: the lane is the decision. */
export function leadOfLane(kind: LaneKind): Lead {
  return leadByLane[kind];
}

const leadByLane: Readonly<Record<LaneKind, Lead>> = { marketing: 'marketing', seam: 'joint', sales: 'sales', extra: 'unresolved' };

/** A new card with every field at its default; a caricature's view follows the side that holds it. */
export function newCard(id: CardId, title: string, kind: CardKind, laneKind: LaneKind): Card {
  return {
    id,
    title,
    kind,
    lead: leadOfLane(laneKind),
    notes: '',
    why: '',
    colour: null,
    tags: [],
    actions: [],
    moves: [],
    exchange: { who: '', cadence: '', decisions: '' },
    caricature: { view: laneKind === 'sales' ? 'salesOnMarketing' : 'marketingOnSales', truth: '', cleared: false },
    metric: { value: '', target: '', unit: '', owner: null, narrative: '' },
    votes: {},
  };
}

/** A caricature the room has not seen yet: its text stays covered everywhere (board, notices, exports). */
export function isHiddenCaricature(session: Session, cardId: CardId): boolean {
  return !session.caricaturesRevealed && session.cards[cardId]?.kind === 'caricature';
}

/** A metric card the room still has to tell the story of. */
export function lacksNarrative(card: Card): boolean {
  return card.kind === 'metric' && card.metric.narrative.trim() === '';
}

/**
 * A new session: the three lanes of the method, empty, and the given agenda (none for a blank
 * session; `workshopAgenda` in core/agenda.ts for the workshop template).
 */
export function createSession(id: string, details: Partial<SessionDetails> = {}, agenda: readonly AgendaBlock[] = []): Session {
  const lanes: Record<LaneId, Lane> = {};
  for (const kind of methodLaneKinds) lanes[kind] = { id: kind, kind, title: null, cardIds: [] };
  return {
    id,
    details: { ...emptyDetails, ...details },
    agenda: [...agenda],
    activeBlockId: null,
    timer: null,
    mission: '',
    caricaturesRevealed: false,
    voting: defaultVoting,
    laneOrder: [...methodLaneKinds],
    lanes,
    cards: {},
  };
}

/** The lane a card stands in, or undefined when the card is not on the board. */
export function laneOfCard(session: Session, cardId: CardId): Lane | undefined {
  for (const laneId of session.laneOrder) {
    const lane = session.lanes[laneId];
    if (lane?.cardIds.includes(cardId)) return lane;
  }
  return undefined;
}

/** Titles are single-line and trimmed; line breaks from pasted text become spaces. */
export function normaliseTitle(title: string): string {
  return singleLine(title, maxCardTitleLength);
}

/** One line of text, trimmed and cut to `max` characters. */
export function singleLine(text: string, max: number): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, max);
}

/** Text that may span lines: trailing space trimmed, cut to `max` characters. */
export function multiLine(text: string, max: number): string {
  return text.replace(/\r\n?/g, '\n').trimEnd().slice(0, max);
}

/** '' (not set) or a real calendar day as YYYY-MM-DD. */
export function isDateOrEmpty(value: string): boolean {
  if (value === '') return true;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= daysInMonth;
}
