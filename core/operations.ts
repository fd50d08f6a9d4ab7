/** Board operations as data, and the one pure function that applies them. docs/ARCHITECTURE.md, "Layers and arrows". */
import { agendaLimits, clampMinutes, type AgendaBlock } from './agenda';
import {
  cardLimits,
  inboxLimit,
  isDateOrEmpty,
  laneLimits,
  laneOfCard,
  leadOfLane,
  multiLine,
  newCard,
  normaliseTitle,
  singleLine,
  type ActionItem,
  type Card,
  type CardId,
  type CardKind,
  type BlockTimer,
  type Caricature,
  type LaneId,
  type Metric,
  type SeamExchange,
  type Session,
  type SessionDetails,
  type Voting,
} from './model';
import { addMinute, idleTimer, pauseTimer, resetTimer, startTimer, switchBlockClocks } from './timer';
import { allowedDots, dotsLeft, dotsOn, isVoter } from './voting';

/** What the card editor can change in one step; nested groups change field by field. */
export interface CardChanges {
  readonly kind?: CardKind;
  readonly lead?: Card['lead'];
  readonly notes?: string;
  readonly why?: string;
  readonly colour?: Card['colour'];
  readonly tags?: readonly string[];
  readonly actions?: readonly ActionItem[];
  readonly exchange?: Partial<SeamExchange>;
  readonly caricature?: Partial<Caricature>;
  readonly metric?: Partial<Metric>;
}

export type BlockChanges = Partial<Pick<AgendaBlock, 'kind' | 'title' | 'prompt' | 'minutes' | 'skipped'>>;

export type TimerAction = 'start' | 'pause' | 'reset' | 'addMinute';

export type Operation =
  | {
      readonly type: 'addCard';
      readonly cardId: CardId;
      readonly laneId: LaneId;
      readonly title: string;
      readonly index?: number;
      readonly kind?: CardKind;
      /** A participant wrote it on a phone (core/room.ts). */
      readonly fromRoom?: true;
    }
  | { readonly type: 'editCardTitle'; readonly cardId: CardId; readonly title: string }
  | { readonly type: 'updateCard'; readonly cardId: CardId; readonly changes: CardChanges }
  | { readonly type: 'deleteCard'; readonly cardId: CardId }
  /** `at` (ISO time) dates the move record a move across lanes leaves on the card. */
  | { readonly type: 'moveCard'; readonly cardId: CardId; readonly toLaneId: LaneId; readonly toIndex: number; readonly at: string }
  | { readonly type: 'setMoveReason'; readonly cardId: CardId; readonly moveIndex: number; readonly reason: string }
  | { readonly type: 'vote'; readonly cardId: CardId; readonly voterId: string; readonly delta: 1 | -1 }
  /** Sets a voter's dots on a card at once (the voting grid's number keys), within the budget. */
  | { readonly type: 'setVotes'; readonly cardId: CardId; readonly voterId: string; readonly count: number }
  | { readonly type: 'clearVotes' }
  | { readonly type: 'setVoting'; readonly changes: Partial<Voting> }
  /** `seed` shuffles the caricatures phones wrote, so their order tells nothing of who wrote them (core/room.ts). */
  | { readonly type: 'revealCaricatures'; readonly revealed: boolean; readonly seed?: number }
  | { readonly type: 'setMission'; readonly text: string }
  | { readonly type: 'renameLane'; readonly laneId: LaneId; readonly title: string | null }
  | { readonly type: 'addLane'; readonly laneId: LaneId; readonly title: string; readonly index?: number }
  | { readonly type: 'removeLane'; readonly laneId: LaneId }
  | { readonly type: 'addBlock'; readonly block: AgendaBlock; readonly index?: number }
  | { readonly type: 'updateBlock'; readonly blockId: string; readonly changes: BlockChanges }
  | { readonly type: 'moveBlock'; readonly blockId: string; readonly toIndex: number }
  | { readonly type: 'removeBlock'; readonly blockId: string }
  | { readonly type: 'updateDetails'; readonly details: Partial<SessionDetails> }
  // The inbox of topics from participants' phones (core/room.ts).
  | { readonly type: 'receiveTopic'; readonly topicId: CardId; readonly title: string }
  /** Places an inbox topic on the board as a card with the topic's id. */
  | { readonly type: 'placeTopic'; readonly topicId: CardId; readonly laneId: LaneId; readonly index: number }
  /** A duplicate of a card on the board: its words join that card's notes where they differ. */
  | { readonly type: 'mergeTopic'; readonly topicId: CardId; readonly intoCardId: CardId }
  | { readonly type: 'discardTopic'; readonly topicId: CardId }
  // Runtime: where the room is in the agenda and its clock. Saved, but not undone (core/history.ts).
  /** `now` (epoch ms) stops the clock of the block left, which keeps its time for a return. */
  | { readonly type: 'goToBlock'; readonly blockId: string | null; readonly now?: number }
  | { readonly type: 'timer'; readonly action: TimerAction; readonly now: number };

/** Operations that steer the workshop rather than change its content: undo passes over them. */
export const runtimeOperationTypes: ReadonlySet<Operation['type']> = new Set(['goToBlock', 'timer']);

export function isRuntimeOperation(op: Operation): boolean {
  return runtimeOperationTypes.has(op.type);
}

export function applyOperation(session: Session, op: Operation): Session {
  switch (op.type) {
    case 'addCard': {
      const added = addCard(session, op.cardId, op.laneId, op.title, op.index, op.kind);
      const card = added.cards[op.cardId];
      return op.fromRoom && added !== session && card ? withCard(added, { ...card, fromRoom: true }) : added;
    }
    case 'editCardTitle':
      return editCardTitle(session, op.cardId, op.title);
    case 'updateCard':
      return updateCard(session, op.cardId, op.changes);
    case 'deleteCard':
      return deleteCard(session, op.cardId);
    case 'moveCard':
      return moveCard(session, op.cardId, op.toLaneId, op.toIndex, op.at);
    case 'setMoveReason':
      return setMoveReason(session, op.cardId, op.moveIndex, op.reason);
    case 'vote':
      return vote(session, op.cardId, op.voterId, op.delta);
    case 'setVotes':
      return setVotes(session, op.cardId, op.voterId, op.count);
    case 'clearVotes':
      return clearVotes(session);
    case 'setVoting':
      return setVoting(session, op.changes);
    case 'revealCaricatures': {
      if (session.caricaturesRevealed === op.revealed) return session;
      const revealed = { ...session, caricaturesRevealed: op.revealed };
      return op.revealed && op.seed !== undefined ? shuffleRoomCaricatures(revealed, op.seed) : revealed;
    }
    case 'setMission':
      return setMission(session, op.text);
    case 'renameLane':
      return renameLane(session, op.laneId, op.title);
    case 'addLane':
      return addLane(session, op.laneId, op.title, op.index);
    case 'removeLane':
      return removeLane(session, op.laneId);
    case 'addBlock':
      return addBlock(session, op.block, op.index);
    case 'updateBlock':
      return updateBlock(session, op.blockId, op.changes);
    case 'moveBlock':
      return moveBlock(session, op.blockId, op.toIndex);
    case 'removeBlock':
      return removeBlock(session, op.blockId);
    case 'updateDetails':
      return updateDetails(session, op.details);
    case 'receiveTopic':
      return receiveTopic(session, op.topicId, op.title);
    case 'placeTopic':
      return placeTopic(session, op.topicId, op.laneId, op.index);
    case 'mergeTopic':
      return mergeTopic(session, op.topicId, op.intoCardId);
    case 'discardTopic':
      return withoutTopic(session, op.topicId);
    case 'goToBlock':
      return goToBlock(session, op.blockId, op.now);
    case 'timer':
      return runTimer(session, op.action, op.now);
  }
}

/**
 * Shuffles, within each lane, the places of the caricatures phones wrote; every other card keeps its
 * place. The same seed gives the same order, so redo is deterministic.
 */
export function shuffleRoomCaricatures(session: Session, seed: number): Session {
  const random = seededRandom(seed);
  let lanes = session.lanes;
  for (const lane of Object.values(session.lanes)) {
    const isRoomCaricature = (cardId: CardId) => session.cards[cardId]?.kind === 'caricature' && session.cards[cardId]?.fromRoom === true;
    const shuffled = lane.cardIds.filter(isRoomCaricature);
    if (shuffled.length < 2) continue;
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as CardId, shuffled[i] as CardId];
    }
    let next = 0;
    const cardIds = lane.cardIds.map((cardId) => (isRoomCaricature(cardId) ? (shuffled[next++] as CardId) : cardId));
    lanes = { ...lanes, [lane.id]: { ...lane, cardIds } };
  }
  return lanes === session.lanes ? session : { ...session, lanes };
}

/** mulberry32: a small, well-known seeded generator; enough to hide an order, not for secrets. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ── The inbox of topics from the room ─────────────────────────────────────────────────────────────

function receiveTopic(session: Session, topicId: CardId, title: string): Session {
  const clean = normaliseTitle(title);
  const inbox = session.inbox ?? [];
  const taken = Object.hasOwn(session.cards, topicId) || inbox.some((topic) => topic.id === topicId);
  if (clean === '' || taken || topicId === '' || topicId === '__proto__' || inbox.length >= inboxLimit) return session;
  return { ...session, inbox: [...inbox, { id: topicId, title: clean }] };
}

function placeTopic(session: Session, topicId: CardId, laneId: LaneId, index: number): Session {
  const topic = session.inbox?.find((t) => t.id === topicId);
  if (!topic) return session;
  const placed = addCard(withoutTopic(session, topicId), topicId, laneId, topic.title, index);
  const card = placed.cards[topicId];
  return card && placed.lanes[laneId] !== session.lanes[laneId] ? withCard(placed, { ...card, fromRoom: true }) : session;
}

function mergeTopic(session: Session, topicId: CardId, intoCardId: CardId): Session {
  const topic = session.inbox?.find((t) => t.id === topicId);
  const card = cardOf(session, intoCardId);
  if (!topic || !card) return session;
  const rest = withoutTopic(session, topicId);
  const known = [card.title, ...card.notes.split('\n')].some((text) => text.trim().toLocaleLowerCase() === topic.title.toLocaleLowerCase());
  return known
    ? rest
    : withCard(rest, { ...card, notes: multiLine(card.notes === '' ? topic.title : `${card.notes}\n${topic.title}`, cardLimits.longText) });
}

function withoutTopic(session: Session, topicId: CardId): Session {
  const inbox = session.inbox ?? [];
  if (!inbox.some((topic) => topic.id === topicId)) return session;
  const { inbox: _old, ...rest } = session;
  const left = inbox.filter((topic) => topic.id !== topicId);
  return left.length > 0 ? { ...rest, inbox: left } : rest;
}

// ── Cards ────────────────────────────────────────────────────────────────────────────────────

export function addCard(session: Session, cardId: CardId, laneId: LaneId, title: string, index?: number, kind: CardKind = 'topic'): Session {
  const lane = session.lanes[laneId];
  const cleanTitle = normaliseTitle(title);
  const taken = Object.hasOwn(session.cards, cardId) || (session.inbox?.some((topic) => topic.id === cardId) ?? false);
  if (!lane || taken || cleanTitle === '' || cardId === '__proto__') return session;
  const at = clampIndex(index ?? lane.cardIds.length, lane.cardIds.length);
  return {
    ...session,
    cards: { ...session.cards, [cardId]: newCard(cardId, cleanTitle, kind, lane.kind) },
    lanes: { ...session.lanes, [laneId]: { ...lane, cardIds: insertAt(lane.cardIds, at, cardId) } },
  };
}

export function editCardTitle(session: Session, cardId: CardId, title: string): Session {
  const card = cardOf(session, cardId);
  const cleanTitle = normaliseTitle(title);
  if (!card || cleanTitle === '' || cleanTitle === card.title) return session;
  return withCard(session, { ...card, title: cleanTitle });
}

/** Changes a card's fields; text is normalised, tags deduplicated, actions checked. */
export function updateCard(session: Session, cardId: CardId, changes: CardChanges): Session {
  const card = cardOf(session, cardId);
  if (!card) return session;
  const { shortText, longText } = cardLimits;
  const next: Card = {
    ...card,
    kind: changes.kind ?? card.kind,
    lead: changes.lead ?? card.lead,
    notes: changes.notes === undefined ? card.notes : multiLine(changes.notes, longText),
    why: changes.why === undefined ? card.why : multiLine(changes.why, longText),
    colour: changes.colour === undefined ? card.colour : changes.colour,
    tags: changes.tags === undefined ? card.tags : cleanTags(changes.tags),
    actions: changes.actions === undefined ? card.actions : cleanActions(changes.actions),
    exchange: changes.exchange
      ? {
          who: line(changes.exchange.who, card.exchange.who, shortText),
          cadence: line(changes.exchange.cadence, card.exchange.cadence, shortText),
          decisions: text(changes.exchange.decisions, card.exchange.decisions, longText),
        }
      : card.exchange,
    caricature: changes.caricature
      ? {
          view: changes.caricature.view ?? card.caricature.view,
          truth: text(changes.caricature.truth, card.caricature.truth, longText),
          cleared: changes.caricature.cleared ?? card.caricature.cleared,
        }
      : card.caricature,
    metric: changes.metric
      ? {
          value: line(changes.metric.value, card.metric.value, shortText),
          target: line(changes.metric.target, card.metric.target, shortText),
          unit: line(changes.metric.unit, card.metric.unit, shortText),
          owner: changes.metric.owner === undefined ? card.metric.owner : changes.metric.owner,
          narrative: text(changes.metric.narrative, card.metric.narrative, longText),
        }
      : card.metric,
  };
  return sameData(card, next) ? session : withCard(session, next);
}

export function deleteCard(session: Session, cardId: CardId): Session {
  const lane = laneOfCard(session, cardId);
  if (!lane || !cardOf(session, cardId)) return session;
  const { [cardId]: _deleted, ...cards } = session.cards;
  return {
    ...session,
    cards,
    lanes: { ...session.lanes, [lane.id]: { ...lane, cardIds: lane.cardIds.filter((id) => id !== cardId) } },
  };
}

/**
 * Moves a card to `toIndex` of `toLaneId`: a reorder when the lane is the card's own. A move to
 * another lane sets the card's lead to that lane's (the lane is the decision) and is recorded on
 * the card with the time `at`.
 */
export function moveCard(session: Session, cardId: CardId, toLaneId: LaneId, toIndex: number, at: string): Session {
  const from = laneOfCard(session, cardId);
  const to = Object.hasOwn(session.lanes, toLaneId) ? session.lanes[toLaneId] : undefined;
  const card = cardOf(session, cardId);
  if (!from || !to || !card) return session;
  const fromIndex = from.cardIds.indexOf(cardId);
  const remaining = from.cardIds.filter((id) => id !== cardId);
  if (from.id === to.id) {
    const index = clampIndex(toIndex, remaining.length);
    if (index === fromIndex) return session;
    return { ...session, lanes: { ...session.lanes, [from.id]: { ...from, cardIds: insertAt(remaining, index, cardId) } } };
  }
  const index = clampIndex(toIndex, to.cardIds.length);
  const moves = [...card.moves, { fromLaneId: from.id, toLaneId: to.id, at, reason: '' }].slice(-cardLimits.moves);
  return {
    ...session,
    cards: { ...session.cards, [cardId]: { ...card, lead: leadOfLane(to.kind), moves } },
    lanes: {
      ...session.lanes,
      [from.id]: { ...from, cardIds: remaining },
      [to.id]: { ...to, cardIds: insertAt(to.cardIds, index, cardId) },
    },
  };
}

/** The reason the room gave for one of a card's moves (its index in `card.moves`). */
export function setMoveReason(session: Session, cardId: CardId, moveIndex: number, reason: string): Session {
  const card = cardOf(session, cardId);
  const move = card?.moves[moveIndex];
  const clean = singleLine(reason, cardLimits.shortText);
  if (!card || !move || move.reason === clean) return session;
  const moves = card.moves.map((m, i) => (i === moveIndex ? { ...m, reason: clean } : m));
  return withCard(session, { ...card, moves });
}

// ── Voting ───────────────────────────────────────────────────────────────────────────────────

/** One dot more (+1) or less (-1) from a voter of the current mode; no dot beyond the voter's budget. */
export function vote(session: Session, cardId: CardId, voterId: string, delta: 1 | -1): Session {
  const card = cardOf(session, cardId);
  if (!card || !isVoter(session, voterId)) return session;
  const current = Object.hasOwn(card.votes, voterId) ? (card.votes[voterId] ?? 0) : 0;
  if (delta === 1 && dotsLeft(session, voterId) <= 0) return session;
  if (delta === -1 && current <= 0) return session;
  const { [voterId]: _old, ...others } = card.votes;
  const count = current + delta;
  return withCard(session, { ...card, votes: count > 0 ? { ...others, [voterId]: count } : others });
}

export function setVotes(session: Session, cardId: CardId, voterId: string, count: number): Session {
  const card = cardOf(session, cardId);
  if (!card || !Number.isFinite(count) || !isVoter(session, voterId)) return session;
  const { dots } = allowedDots(session, card, voterId, count);
  if (dots === dotsOn(card, voterId)) return session;
  const { [voterId]: _old, ...others } = card.votes;
  return withCard(session, { ...card, votes: dots > 0 ? { ...others, [voterId]: dots } : others });
}

export function clearVotes(session: Session): Session {
  if (!Object.values(session.cards).some((card) => Object.keys(card.votes).length > 0)) return session;
  const cards = Object.fromEntries(Object.entries(session.cards).map(([id, card]) => [id, { ...card, votes: {} }]));
  return { ...session, cards, voting: { ...session.voting, revealed: false } };
}

export function setVoting(session: Session, changes: Partial<Voting>): Session {
  const next: Voting = {
    voters: changes.voters ?? session.voting.voters,
    dots: changes.dots === undefined ? session.voting.dots : clampInt(changes.dots, 1, cardLimits.dots),
    revealed: changes.revealed ?? session.voting.revealed,
  };
  return sameData(session.voting, next) ? session : { ...session, voting: next };
}

// ── Mission, lanes ───────────────────────────────────────────────────────────────────────────

export function setMission(session: Session, text: string): Session {
  const mission = multiLine(text, cardLimits.longText);
  return mission === session.mission ? session : { ...session, mission };
}

/** Names a lane; null or blank gives a lane of the method its default name back. Extra lanes keep a name. */
export function renameLane(session: Session, laneId: LaneId, title: string | null): Session {
  const lane = Object.hasOwn(session.lanes, laneId) ? session.lanes[laneId] : undefined;
  if (!lane) return session;
  const clean = title === null ? '' : singleLine(title, laneLimits.titleLength);
  if (clean === '' && lane.kind === 'extra') return session;
  const next = clean === '' ? null : clean;
  return next === lane.title ? session : { ...session, lanes: { ...session.lanes, [laneId]: { ...lane, title: next } } };
}

/** Adds an extra lane (a parking lot, say) with a name of its own. */
export function addLane(session: Session, laneId: LaneId, title: string, index?: number): Session {
  const clean = singleLine(title, laneLimits.titleLength);
  if (clean === '' || laneId === '__proto__' || Object.hasOwn(session.lanes, laneId) || session.laneOrder.length >= laneLimits.lanes) return session;
  const at = clampIndex(index ?? session.laneOrder.length, session.laneOrder.length);
  return {
    ...session,
    laneOrder: insertAt(session.laneOrder, at, laneId),
    lanes: { ...session.lanes, [laneId]: { id: laneId, kind: 'extra', title: clean, cardIds: [] } },
  };
}

/** Removes an extra lane once it is empty; the three lanes of the method always stay. */
export function removeLane(session: Session, laneId: LaneId): Session {
  const lane = Object.hasOwn(session.lanes, laneId) ? session.lanes[laneId] : undefined;
  if (!lane || lane.kind !== 'extra' || lane.cardIds.length > 0) return session;
  const { [laneId]: _removed, ...lanes } = session.lanes;
  return { ...session, lanes, laneOrder: session.laneOrder.filter((id) => id !== laneId) };
}

// ── Agenda ───────────────────────────────────────────────────────────────────────────────────

export function addBlock(session: Session, block: AgendaBlock, index?: number): Session {
  if (session.agenda.length >= agendaLimits.blocks || session.agenda.some((b) => b.id === block.id) || block.id === '') return session;
  const clean: AgendaBlock = {
    id: block.id,
    kind: block.kind,
    title: blockTitle(block.title),
    prompt: blockPrompt(block.prompt),
    minutes: clampMinutes(block.minutes),
    skipped: block.skipped,
  };
  const at = clampIndex(index ?? session.agenda.length, session.agenda.length);
  return { ...session, agenda: insertAt(session.agenda, at, clean) };
}

/** Changes a block; a blank title or prompt gives back the default of its kind. */
export function updateBlock(session: Session, blockId: string, changes: BlockChanges): Session {
  const block = session.agenda.find((b) => b.id === blockId);
  if (!block) return session;
  const next: AgendaBlock = {
    ...block,
    kind: changes.kind ?? block.kind,
    title: changes.title === undefined ? block.title : blockTitle(changes.title),
    prompt: changes.prompt === undefined ? block.prompt : blockPrompt(changes.prompt),
    minutes: changes.minutes === undefined ? block.minutes : clampMinutes(changes.minutes),
    skipped: changes.skipped ?? block.skipped,
  };
  if (sameData(block, next)) return session;
  return { ...session, agenda: session.agenda.map((b) => (b.id === blockId ? next : b)) };
}

export function moveBlock(session: Session, blockId: string, toIndex: number): Session {
  const from = session.agenda.findIndex((b) => b.id === blockId);
  const block = session.agenda[from];
  if (!block) return session;
  const remaining = session.agenda.filter((b) => b.id !== blockId);
  const at = clampIndex(toIndex, remaining.length);
  return at === from ? session : { ...session, agenda: insertAt(remaining, at, block) };
}

/** Removes a block; when it was the active one, the agenda has no active block (and no clock). */
export function removeBlock(session: Session, blockId: string): Session {
  if (!session.agenda.some((b) => b.id === blockId)) return session;
  const agenda = session.agenda.filter((b) => b.id !== blockId);
  return withValidRuntime({ ...session, agenda });
}

/** Changes the session's facts; fields not given stay as they are. */
export function updateDetails(session: Session, details: Partial<SessionDetails>): Session {
  const changed = (Object.keys(details) as (keyof SessionDetails)[]).some(
    (key) => details[key] !== undefined && details[key] !== session.details[key],
  );
  if (!changed) return session;
  const defined = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
  return { ...session, details: { ...session.details, ...defined } };
}

// ── Runtime: the active block and its clock ──────────────────────────────────────────────────

/**
 * Makes a block the active one, with the time it kept when it was left (else its full timebox);
 * the block left stops and keeps its time. Null leaves the agenda. Without `now` a running clock
 * stops where it last started (older callers; the renderer always passes the time).
 */
export function goToBlock(session: Session, blockId: string | null, now?: number): Session {
  if (blockId === session.activeBlockId) return session;
  if (blockId !== null && !session.agenda.some((b) => b.id === blockId)) return session;
  const current = session.timer?.blockId === session.activeBlockId ? session.timer : null;
  const clocks = switchBlockClocks({ timer: current, parked: session.parkedTimers ?? [] }, blockId, now ?? current?.startedAt ?? 0);
  return withParked({ ...session, activeBlockId: blockId, timer: clocks.timer }, clocks.parked);
}

/** The session with these parked clocks; the field is left out when there are none. */
function withParked(session: Session, parked: readonly BlockTimer[]): Session {
  const { parkedTimers: _old, ...rest } = session;
  return parked.length > 0 ? { ...rest, parkedTimers: parked } : rest;
}

export function runTimer(session: Session, action: TimerAction, now: number): Session {
  const blockId = session.activeBlockId;
  if (blockId === null) return session;
  const timer = session.timer?.blockId === blockId ? session.timer : idleTimer(blockId);
  const next =
    action === 'start'
      ? startTimer(timer, now)
      : action === 'pause'
        ? pauseTimer(timer, now)
        : action === 'reset'
          ? resetTimer(timer)
          : addMinute(timer);
  return session.timer !== null && sameData(session.timer, next) ? session : { ...session, timer: next };
}

/**
 * The session with `runtime`'s active block and clock, as far as they still fit its agenda.
 * Undo uses this: it brings back the content of an earlier state, not its place in the agenda.
 */
export function withRuntimeOf(session: Session, runtime: Session): Session {
  return withValidRuntime(withParked({ ...session, activeBlockId: runtime.activeBlockId, timer: runtime.timer }, runtime.parkedTimers ?? []));
}

function withValidRuntime(session: Session): Session {
  const has = (id: string | null | undefined) => id != null && session.agenda.some((b) => b.id === id);
  const activeBlockId = has(session.activeBlockId) ? session.activeBlockId : null;
  const timer = session.timer && activeBlockId === session.timer.blockId ? session.timer : null;
  const parked = session.parkedTimers ?? [];
  const keptParked = parked.filter((t) => has(t.blockId) && t.blockId !== activeBlockId);
  if (activeBlockId === session.activeBlockId && timer === session.timer && keptParked.length === parked.length) return session;
  return withParked({ ...session, activeBlockId, timer }, keptParked);
}

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────

function cardOf(session: Session, cardId: CardId): Card | undefined {
  return Object.hasOwn(session.cards, cardId) ? session.cards[cardId] : undefined;
}

function withCard(session: Session, card: Card): Session {
  return { ...session, cards: { ...session.cards, [card.id]: card } };
}

function line(value: string | undefined, current: string, max: number): string {
  return value === undefined ? current : singleLine(value, max);
}

function text(value: string | undefined, current: string, max: number): string {
  return value === undefined ? current : multiLine(value, max);
}

function blockTitle(title: string | null): string | null {
  const clean = title === null ? '' : singleLine(title, agendaLimits.textLength);
  return clean === '' ? null : clean;
}

function blockPrompt(prompt: string | null): string | null {
  const clean = prompt === null ? '' : multiLine(prompt, agendaLimits.textLength).trim();
  return clean === '' ? null : clean;
}

/** Tags: one line each, no blanks, no duplicates (ignoring case), at most cardLimits.tags. */
function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const clean = singleLine(tag, cardLimits.tagLength);
    if (clean === '' || seen.has(clean.toLocaleLowerCase())) continue;
    seen.add(clean.toLocaleLowerCase());
    out.push(clean);
  }
  return out.slice(0, cardLimits.tags);
}

/** Action items: text required, ids unique, a due date only when it is a real day. */
function cleanActions(actions: readonly ActionItem[]): ActionItem[] {
  const seen = new Set<string>();
  const out: ActionItem[] = [];
  for (const action of actions) {
    const itemText = singleLine(action.text, cardLimits.shortText);
    const id = action.id.slice(0, 200);
    if (itemText === '' || id === '' || id === '__proto__' || seen.has(id)) continue;
    seen.add(id);
    out.push({
      id,
      text: itemText,
      owner: singleLine(action.owner, cardLimits.shortText),
      due: isDateOrEmpty(action.due) ? action.due : '',
      done: action.done,
    });
  }
  return out.slice(0, cardLimits.actions);
}

/** Structural equality of plain data (what sessions are made of). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  const bRecord = b as Record<string, unknown>;
  const aRecord = a as Record<string, unknown>;
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && sameData(aRecord[key], bRecord[key]));
}

function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.round(value)));
}

function clampIndex(index: number, length: number): number {
  if (!Number.isFinite(index)) return length;
  return Math.min(Math.max(0, Math.trunc(index)), length);
}

function insertAt<T>(items: readonly T[], index: number, item: T): T[] {
  return [...items.slice(0, index), item, ...items.slice(index)];
}
