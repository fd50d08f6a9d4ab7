/** What a participant's phone may do: one pure rule from command to operation or refusal. docs/ARCHITECTURE.md, "Phones in the room". */
import {
  inboxLimit,
  isHiddenCaricature,
  laneOfCard,
  normaliseTitle,
  type BlockKind,
  type CardId,
  type Department,
  type LaneId,
  type Session,
} from './model';
import type { Operation } from './operations';
import { allowedDots, dotsOn, isVotedOnByDefault, phoneVoterId, type DotRefusal } from './voting';

/** A joined phone, as the server knows it (in memory only: never in the file or an export). */
export interface RoomParticipant {
  readonly id: string;
  readonly side: Department;
  /** The cards this phone wrote, so its author may change or withdraw them until the reveal. */
  readonly authored: ReadonlySet<CardId>;
}

/** What a phone asks for. Ids of new cards are chosen by the server, never by the phone. */
export type RoomCommand =
  | { readonly type: 'addTopic'; readonly title: string }
  | { readonly type: 'addCaricature'; readonly title: string }
  | { readonly type: 'editCaricature'; readonly cardId: CardId; readonly title: string }
  | { readonly type: 'withdrawCaricature'; readonly cardId: CardId }
  /** One dot more (1) or one taken back (−1) on a topic, as this phone. */
  | { readonly type: 'vote'; readonly cardId: CardId; readonly delta: 1 | -1 };

/** What the facilitator lets phones do right now. */
export interface RoomPermissions {
  /** Everything waits while the facilitator has paused the phones. */
  readonly paused: boolean;
  /** Dot voting is open in the control window (phones vote only when the room votes by phone). */
  readonly voting: boolean;
}

/** Why a phone's command is refused; the phone says it in its own language. */
export const roomRefusals = [
  'paused',
  'emptyTitle',
  'inboxFull',
  'notInCaricatureBlock',
  'noSideToDraw',
  'noLaneForSide',
  'notYours',
  'alreadyRevealed',
  'votingClosed',
  'notVotable',
  'noDotsLeft',
  'noneOnCard',
] as const satisfies readonly (DotRefusal | string)[];
export type RoomRefusal = (typeof roomRefusals)[number];
/** Fails to compile when a dot refusal is missing from the list. */
export const everyDotRefusalListed: DotRefusal extends RoomRefusal ? true : never = true;

export type RoomDecision = { readonly ok: true; readonly operation: Operation } | { readonly ok: false; readonly refusal: RoomRefusal };

const refuse = (refusal: RoomRefusal): RoomDecision => ({ ok: false, refusal });

/**
 * Decides a phone's command: the one operation it becomes, or why it is refused. `newId` is the
 * id a new card or topic gets (the server makes it). Topics wait in the inbox for the
 * facilitator; caricatures go into the writer's own side's lane, hidden, and only in the
 * caricatures block; their author may change or withdraw them until the reveal.
 */
export function decideRoomCommand(
  session: Session,
  participant: RoomParticipant,
  command: RoomCommand,
  permissions: RoomPermissions,
  newId: CardId,
): RoomDecision {
  if (permissions.paused) return refuse('paused');
  switch (command.type) {
    case 'addTopic': {
      if (normaliseTitle(command.title) === '') return refuse('emptyTitle');
      if ((session.inbox?.length ?? 0) >= inboxLimit) return refuse('inboxFull');
      return { ok: true, operation: { type: 'receiveTopic', topicId: newId, title: command.title } };
    }
    case 'addCaricature': {
      if (activeBlockKind(session) !== 'caricatures') return refuse('notInCaricatureBlock');
      if (session.caricaturesRevealed) return refuse('alreadyRevealed');
      if (participant.side === 'other') return refuse('noSideToDraw');
      if (normaliseTitle(command.title) === '') return refuse('emptyTitle');
      const laneId = laneOfSide(session, participant.side);
      if (laneId === null) return refuse('noLaneForSide');
      return { ok: true, operation: { type: 'addCard', cardId: newId, laneId, title: command.title, kind: 'caricature', fromRoom: true } };
    }
    case 'vote': {
      if (!permissions.voting || session.voting.voters !== 'phones') return refuse('votingClosed');
      const card = Object.hasOwn(session.cards, command.cardId) ? session.cards[command.cardId] : undefined;
      if (!card || !isVotedOnByDefault(card) || laneOfCard(session, card.id) === undefined) return refuse('notVotable');
      const voterId = phoneVoterId(participant.id);
      const { refusal } = allowedDots(session, card, voterId, dotsOn(card, voterId) + command.delta);
      if (refusal) return refuse(refusal);
      return { ok: true, operation: { type: 'vote', cardId: card.id, voterId, delta: command.delta } };
    }
    case 'editCaricature':
    case 'withdrawCaricature': {
      const own = participant.authored.has(command.cardId) && laneOfCard(session, command.cardId) !== undefined;
      if (!own) return refuse('notYours');
      if (!isHiddenCaricature(session, command.cardId)) return refuse('alreadyRevealed');
      if (command.type === 'withdrawCaricature') return { ok: true, operation: { type: 'deleteCard', cardId: command.cardId } };
      if (normaliseTitle(command.title) === '') return refuse('emptyTitle');
      return { ok: true, operation: { type: 'editCardTitle', cardId: command.cardId, title: command.title } };
    }
  }
}

function activeBlockKind(session: Session): BlockKind | null {
  return session.agenda.find((block) => block.id === session.activeBlockId)?.kind ?? null;
}

/** The first lane of a side's kind, where that side's caricatures of the other stand. */
function laneOfSide(session: Session, side: 'marketing' | 'sales'): LaneId | null {
  return session.laneOrder.find((laneId) => session.lanes[laneId]?.kind === side) ?? null;
}

/**
 * What the app answers the server about a phone's command: received (with the card the phone
 * now wrote, or took back, so the server can keep its authorship) or refused, and why.
 */
export type RoomAnswer =
  { readonly ok: true; readonly wrote?: CardId; readonly withdrew?: CardId } | { readonly ok: false; readonly refusal: RoomRefusal };

export function roomAnswer(decision: RoomDecision): RoomAnswer {
  if (!decision.ok) return decision;
  const { operation } = decision;
  if (operation.type === 'addCard') return { ok: true, wrote: operation.cardId };
  if (operation.type === 'deleteCard') return { ok: true, withdrew: operation.cardId };
  return { ok: true };
}

/** What the participants panel shows of a phone (never written to the file or an export). */
export interface RoomParticipantInfo {
  readonly id: string;
  readonly name: string;
  readonly side: Department;
  readonly online: boolean;
  readonly submissions: number;
  /** The cards it wrote that are still on the board (to let it change them until the reveal). */
  readonly authored: readonly CardId[];
}
