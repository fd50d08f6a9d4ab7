/** What a card shows and says, in the UI language, for its face, accessible name and description. docs/ARCHITECTURE.md, "Layers and arrows". */
import type { TFunction } from 'i18next';
import { cardKindOfBlock } from '../../../core/agenda';
import {
  isHiddenCaricature,
  lacksNarrative,
  leadOfLane,
  type Card,
  type CardId,
  type CardKind,
  type LaneKind,
  type Metric,
  type SeamExchange,
  type Session,
} from '../../../core/model';
import { placementOf } from '../../../core/placement';
import { cardDots, dotsLeft, dotsOn, votersOf, type Voter } from '../../../core/voting';
import { laneName } from './lane-name';

/** A caricature whose text the room must not see yet (core/model.ts); re-exported for the board's parts. */
export { isHiddenCaricature };

/** The kind of card the active agenda block works with; topics when no block is active. */
export function activeCardKind(session: Session): CardKind {
  const block = session.activeBlockId === null ? undefined : session.agenda.find((b) => b.id === session.activeBlockId);
  return block ? cardKindOfBlock(block.kind) : 'topic';
}

/** The card's dots once the votes are revealed; null while they are hidden. */
export function revealedDots(session: Session, cardId: CardId): number | null {
  if (!session.voting.revealed) return null;
  const card = session.cards[cardId];
  if (!card) return null;
  for (const _voter in card.votes) return cardDots(session, card);
  return 0;
}

/** The name a card goes by on the board: its title, or a cover while it is a hidden caricature. */
export function cardLabel(card: Card, hidden: boolean, t: TFunction): string {
  return hidden ? t('cards.face.hidden') : card.title;
}

/** A card's name for messages (announcements, notices): never the text of a hidden caricature. */
export function shownTitle(session: Session, cardId: CardId, t: TFunction): string {
  const card = session.cards[cardId];
  return card ? cardLabel(card, isHiddenCaricature(session, cardId), t) : '';
}

export function actionCounts(card: Card): { done: number; count: number } {
  let done = 0;
  for (const action of card.actions) if (action.done) done++;
  return { done, count: card.actions.length };
}

/** The parts of a seam exchange that are recorded, each worded ("Who: …"); empty when none is. */
export function exchangeParts(exchange: SeamExchange, t: TFunction): string[] {
  const parts: string[] = [];
  if (exchange.who.trim()) parts.push(t('cards.face.exchangeWho', { who: exchange.who.trim() }));
  if (exchange.cadence.trim()) parts.push(t('cards.face.exchangeCadence', { cadence: exchange.cadence.trim() }));
  if (exchange.decisions.trim()) parts.push(t('cards.face.exchangeDecisions', { decisions: oneLine(exchange.decisions) }));
  return parts;
}

/** "40 % · target 50 %", "40 %", "Target 50 %", or '' when neither value nor target is given. */
export function metricLine(metric: Metric, t: TFunction): string {
  const value = metric.value.trim();
  const target = metric.target.trim();
  const unit = metric.unit.trim();
  const key = value && target ? 'cards.face.valueAndTarget' : value ? 'cards.face.valueOnly' : target ? 'cards.face.targetOnly' : null;
  return key === null ? '' : oneLine(t(key, { value, target, unit }));
}

/** The lane a card stands in, by kind; one index per lanes object, shared by every card's selector. */
const laneKindIndexes = new WeakMap<Session['lanes'], Map<CardId, LaneKind>>();

export function laneKindOfCard(lanes: Session['lanes'], cardId: CardId): LaneKind | null {
  let index = laneKindIndexes.get(lanes);
  if (!index) {
    index = new Map();
    for (const lane of Object.values(lanes)) for (const id of lane.cardIds) index.set(id, lane.kind);
    laneKindIndexes.set(lanes, index);
  }
  return index.get(cardId) ?? null;
}

export interface ShownState {
  /** A caricature still covered: nothing of its text may be shown or said. */
  readonly hidden: boolean;
  /** Revealed dots, or null while votes are hidden. */
  readonly dots: number | null;
  /** The kind of lane the card stands in: its lead is shown only where the lane does not say it. */
  readonly laneKind: LaneKind | null;
}

export type BadgeTone = 'plain' | 'attention' | 'ok' | 'dots';

export interface FaceBadge {
  readonly key: 'unresolved' | 'lead' | 'flagged' | 'cleared' | 'actions' | 'notes' | 'dots';
  readonly text: string;
  readonly tone: BadgeTone;
}

/** Everything a card's face shows, worded, in the order it is shown. */
export interface FaceParts {
  readonly kind: CardKind;
  readonly colour: Card['colour'];
  readonly hidden: boolean;
  /** An unresolved topic or a metric without narrative: marked beyond colour (dashed border, badge). */
  readonly attention: boolean;
  readonly cleared: boolean;
  readonly title: string;
  /** Whose picture a caricature is, or a metric's owner side; '' for topics. */
  readonly kindLine: string;
  readonly metric: string;
  readonly narrative: string;
  readonly truth: string;
  readonly exchange: readonly string[];
  readonly why: string;
  readonly tags: readonly string[];
  readonly badges: readonly FaceBadge[];
}

export function faceParts(card: Card, shown: ShownState, t: TFunction): FaceParts {
  const { hidden, dots, laneKind } = shown;
  const topic = card.kind === 'topic';
  const unresolved = topic && card.lead === 'unresolved';
  const flagged = lacksNarrative(card);
  const cleared = card.kind === 'caricature' && card.caricature.cleared && !hidden;
  const { done, count } = actionCounts(card);
  const badges: FaceBadge[] = [];
  if (unresolved) badges.push({ key: 'unresolved', text: t('cards.face.unresolved'), tone: 'attention' });
  // Where a card stands says who leads; the badge shows only where the lane does not say it.
  else if (topic && (laneKind === null || leadOfLane(laneKind) !== card.lead)) {
    const lead = card.lead;
    badges.push({
      key: 'lead',
      text: worded(t, `leadBadge ${lead}`, () => t('cards.face.leadBadge', { lead: t(`cards.lead.${lead}`) })),
      tone: 'plain',
    });
  }
  if (flagged) badges.push({ key: 'flagged', text: t('cards.face.noNarrative'), tone: 'attention' });
  if (cleared) badges.push({ key: 'cleared', text: t('cards.face.cleared'), tone: 'ok' });
  if (count > 0) badges.push({ key: 'actions', text: t('cards.face.actions', { done, count }), tone: done === count ? 'ok' : 'plain' });
  if (!hidden && card.notes.trim() !== '') badges.push({ key: 'notes', text: t('cards.face.notes'), tone: 'plain' });
  if (dots !== null && dots > 0) badges.push({ key: 'dots', text: t('cards.face.dots', { count: dots }), tone: 'dots' });

  const kindLine =
    card.kind === 'caricature'
      ? t(`cards.view.${card.caricature.view}`)
      : card.kind === 'metric'
        ? card.metric.owner
          ? t('cards.face.metricOwner', { side: t(`cards.side.${card.metric.owner}`) })
          : t('cards.face.metricNoOwner')
        : '';
  const truth = !hidden && card.kind === 'caricature' ? oneLine(card.caricature.truth) : '';
  const why = hidden ? '' : oneLine(card.why);
  return {
    kind: card.kind,
    colour: card.colour,
    hidden,
    attention: unresolved || flagged,
    cleared,
    title: hidden ? t('cards.face.hidden') : card.title,
    kindLine,
    metric: card.kind === 'metric' ? metricLine(card.metric, t) : '',
    narrative: card.kind === 'metric' ? card.metric.narrative.trim() : '',
    truth: truth ? t('cards.face.truth', { truth }) : '',
    exchange: topic && !hidden ? exchangeParts(card.exchange, t) : [],
    why: why ? t('cards.face.why', { why }) : '',
    tags: hidden ? [] : card.tags,
    badges,
  };
}

/**
 * The card's accessible name: exactly the text its face shows, in the same order, so what a
 * speech-input user reads off the projector is what names the card (WCAG 2.5.3, label in name).
 * A plain topic card is named by its title alone.
 */
export function faceText(parts: FaceParts): string {
  return [
    parts.title,
    parts.kindLine,
    parts.metric,
    parts.narrative,
    parts.truth,
    ...parts.exchange,
    parts.why,
    ...parts.tags,
    ...parts.badges.map((badge) => badge.text),
  ]
    .filter((part) => part !== '')
    .join(', ');
}

/**
 * What a screen reader hears after the card's name (which is everything the face shows): what is
 * not shown in words — its kind, lead and colour — and how to work with it. Cards share a handful
 * of these, worded once per language (`t`).
 */
export function describeCard(card: Card, shown: ShownState & { readonly voting?: boolean }, t: TFunction): string {
  const lead = card.kind === 'topic' ? card.lead : null;
  const key = `description ${card.kind} ${lead} ${shown.hidden} ${card.colour} ${shown.voting === true}`;
  return worded(t, key, () => {
    const parts: string[] = [t('cards.description.kind', { kind: t(`cards.kind.${card.kind}`) })];
    if (lead !== null)
      parts.push(lead === 'unresolved' ? t('cards.description.unresolved') : t('cards.description.lead', { lead: t(`cards.lead.${lead}`) }));
    if (shown.hidden) parts.push(t('cards.description.hidden'));
    if (card.colour) parts.push(t('cards.description.colour', { colour: t(`cards.colour.${card.colour}`) }));
    parts.push(t('cards.description.shortcuts'));
    if (shown.voting) parts.push(t('cards.description.votingShortcuts'));
    return parts.join(' ');
  });
}

/** Text that depends on the language and `key` alone, per translate function (one per language and component). */
const wordings = new WeakMap<TFunction, Map<string, string>>();

function worded(t: TFunction, key: string, word: () => string): string {
  let known = wordings.get(t);
  if (!known) {
    known = new Map();
    wordings.set(t, known);
  }
  let text = known.get(key);
  if (text === undefined) {
    text = word();
    known.set(key, text);
  }
  return text;
}

/**
 * How a voter is called, in the voting panel and in announcements alike: a participant by name
 * (unnamed: by their place in the list), a department by its name in the UI language.
 */
export function voterName(voter: Voter, index: number, t: TFunction): string {
  if (voter.id.startsWith('department:')) return t(`tools.voting.department.${voter.department}`);
  return voter.name.trim() || t('tools.voting.unnamed', { number: index + 1 });
}

/** The name of the session's voter with this id (see voterName); '' when no such voter votes now. */
export function voterNameOf(session: Session, voterId: string, t: TFunction): string {
  const voters = votersOf(session);
  const index = voters.findIndex((v) => v.id === voterId);
  const voter = voters[index];
  return voter ? voterName(voter, index, t) : '';
}

/** What the room hears after a dot was added or taken: the voter's dots on the card and what is left. */
export function voteMessage(session: Session, cardId: CardId, voterId: string, delta: 1 | -1, changed: boolean, t: TFunction): string {
  const card = session.cards[cardId];
  const voter = voterNameOf(session, voterId, t);
  if (!card) return '';
  const title = cardLabel(card, isHiddenCaricature(session, cardId), t);
  if (!changed) return delta === 1 ? t('cards.vote.noneLeft', { voter }) : t('cards.vote.noneHere', { voter, title });
  return t('cards.vote.given', { voter, title, count: dotsOn(card, voterId), left: dotsLeft(session, voterId) });
}

/** Text as one line: line breaks and runs of spaces become one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export type PlacementMessage = 'dnd.pickedUp' | 'dnd.moved' | 'dnd.dropped' | 'dnd.cancelled';

/** Where a card stands, for the screen reader: after a pick-up, a step, a drop or a cancel. */
export function describePlacement(t: TFunction, key: PlacementMessage, session: Session, cardId: CardId): string {
  const placement = placementOf(session, cardId);
  const lane = placement ? session.lanes[placement.laneId] : undefined;
  if (!placement || !lane) return '';
  return t(key, {
    // A hidden caricature is announced by its cover, never by its text.
    title: shownTitle(session, cardId, t),
    lane: laneName(lane, t),
    position: placement.index + 1,
    count: lane.cardIds.length,
  });
}
