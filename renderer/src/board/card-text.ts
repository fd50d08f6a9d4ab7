/**
 * What a card shows and says, worded in the UI language: pure functions of the card (and the
 * little of the session a card needs), so the face, its screen-reader description and the tests
 * agree. Selectors here return primitives, so a card re-renders only when its answer changes.
 */
import type { TFunction } from 'i18next';
import { cardKindOfBlock } from '../../../core/agenda';
import { lacksNarrative, type Card, type CardId, type CardKind, type Metric, type SeamExchange, type Session } from '../../../core/model';
import { cardDots, dotsLeft, votersOf } from '../../../core/voting';

/** A caricature whose text the room must not see yet: caricatures are collected hidden. */
export function isHiddenCaricature(session: Session, cardId: CardId): boolean {
  return !session.caricaturesRevealed && session.cards[cardId]?.kind === 'caricature';
}

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
  return key === null ? '' : collapse(t(key, { value, target, unit }));
}

export interface ShownState {
  /** A caricature still covered: nothing of its text may be said. */
  readonly hidden: boolean;
  /** Revealed dots, or null while votes are hidden. */
  readonly dots: number | null;
}

/**
 * What a screen reader hears after the card's name: its kind, lead and flags, then what it holds.
 * A hidden caricature says only that it is one, whose picture it is, and that it is hidden.
 */
export function describeCard(card: Card, shown: ShownState, t: TFunction): string {
  const parts: string[] = [t('cards.description.kind', { kind: t(`cards.kind.${card.kind}`) })];
  if (card.kind === 'topic') {
    parts.push(card.lead === 'unresolved' ? t('cards.description.unresolved') : t('cards.description.lead', { lead: t(`cards.lead.${card.lead}`) }));
    const exchange = exchangeParts(card.exchange, t);
    if (exchange.length > 0) parts.push(t('cards.description.exchange', { exchange: exchange.join(', ') }));
  } else if (card.kind === 'caricature') {
    parts.push(t('cards.description.view', { view: t(`cards.view.${card.caricature.view}`) }));
    if (shown.hidden) return finish([...parts, t('cards.description.hidden')], card, shown, t, false);
    if (card.caricature.truth.trim()) parts.push(t('cards.description.truth', { truth: oneLine(card.caricature.truth) }));
    if (card.caricature.cleared) parts.push(t('cards.description.cleared'));
  } else {
    const line = metricLine(card.metric, t);
    if (line) parts.push(line + '.');
    if (card.metric.owner) parts.push(t('cards.description.owner', { side: t(`cards.side.${card.metric.owner}`) }));
    if (lacksNarrative(card)) parts.push(t('cards.description.noNarrative'));
    else parts.push(t('cards.description.narrative', { narrative: oneLine(card.metric.narrative) }));
  }
  return finish(parts, card, shown, t, true);
}

function finish(parts: string[], card: Card, shown: ShownState, t: TFunction, withContent: boolean): string {
  if (withContent && card.why.trim()) parts.push(t('cards.description.why', { why: oneLine(card.why) }));
  if (card.colour) parts.push(t('cards.description.colour', { colour: t(`cards.colour.${card.colour}`) }));
  if (withContent && card.tags.length > 0) parts.push(t('cards.description.tags', { tags: card.tags.join(', ') }));
  const { done, count } = actionCounts(card);
  if (count > 0) parts.push(t('cards.description.actions', { done, count }));
  if (withContent && card.notes.trim()) parts.push(t('cards.description.notes'));
  if (shown.dots !== null && shown.dots > 0) parts.push(t('cards.description.dots', { count: shown.dots }));
  parts.push(t('cards.description.shortcuts'));
  return parts.join(' ');
}

/** How a voter is called: a participant by name, a department by its name in the UI language. */
export function voterName(session: Session, voterId: string, t: TFunction): string {
  const voter = votersOf(session).find((v) => v.id === voterId);
  if (!voter) return '';
  if (voter.name.trim()) return voter.name.trim();
  return session.voting.voters === 'departments' ? t(`details.${voter.department}`) : t('cards.vote.participant');
}

/** What the room hears after a dot was added or taken: the voter's dots on the card and what is left. */
export function voteMessage(session: Session, cardId: CardId, voterId: string, delta: 1 | -1, changed: boolean, t: TFunction): string {
  const card = session.cards[cardId];
  const voter = voterName(session, voterId, t);
  if (!card) return '';
  const title = cardLabel(card, isHiddenCaricature(session, cardId), t);
  if (!changed) return delta === 1 ? t('cards.vote.noneLeft', { voter }) : t('cards.vote.noneHere', { voter, title });
  return t('cards.vote.given', { voter, title, count: card.votes[voterId] ?? 0, left: dotsLeft(session, voterId) });
}

function oneLine(text: string): string {
  return collapse(text).replace(/[.。]$/, '');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
