/** What one participant's phone may see: the public board, the mission, its own hidden words. docs/ARCHITECTURE.md, "Phones in the room". */
import { audienceSession } from './audience';
import { isHiddenCaricature, type BlockKind, type CardKind, type LaneKind, type Session } from './model';
import type { RoomParticipant, RoomPermissions } from './room';
import { dotsLeft, dotsOn, phoneVoterId } from './voting';

export interface PhoneCard {
  readonly id: string;
  readonly title: string;
  readonly kind: CardKind;
  /** All dots on the card, only once the totals are revealed. */
  readonly dots?: number;
}

export interface PhoneLane {
  readonly id: string;
  readonly kind: LaneKind;
  /** The facilitator's name for the lane; null shows the default name of its kind in the phone's language. */
  readonly title: string | null;
  readonly cards: readonly PhoneCard[];
}

/** What every phone sees alike: the public board. Sent once to all. */
export interface PhoneBoard {
  readonly sessionTitle: string;
  /** The block the room is in (a null title shows its kind's default title), or null before the agenda starts. */
  readonly block: { readonly kind: BlockKind; readonly title: string | null } | null;
  readonly mission: string;
  readonly lanes: readonly PhoneLane[];
  readonly caricaturesRevealed: boolean;
  /** Dot totals are shown on the cards (the facilitator revealed them). */
  readonly votesRevealed: boolean;
}

/** What only one phone sees: its own hidden words, what it may send, its own dots. */
export interface PhonePersonal {
  /** This phone's own caricatures still hidden from the room: only their author sees their words. */
  readonly mine: readonly { readonly id: string; readonly title: string }[];
  /** What the phone may send now (core/room.ts decides; this only shapes the phone's screen). */
  readonly can: { readonly topics: boolean; readonly caricatures: boolean };
  /** While the room votes by phone: this phone's dots left and its own dots per card; null otherwise. */
  readonly dots: { readonly left: number; readonly mine: Readonly<Record<string, number>> } | null;
}

export type PhoneView = PhoneBoard & PhonePersonal;

/**
 * The view sent to one phone. Built from what the projector may show (core/audience.ts), so no
 * other participant's hidden caricature, no unrevealed votes, notes, move reasons, prompts,
 * participants or inbox topics ever reach a phone; plus the phone's own hidden caricatures.
 */
export function phoneView(session: Session, participant: RoomParticipant, permissions: RoomPermissions): PhoneView {
  return { ...phoneBoard(session), ...phonePersonal(session, participant, permissions) };
}

/** The public board every phone gets: what the projector may show, in a phone's shape. */
export function phoneBoard(session: Session): PhoneBoard {
  const shown = audienceSession(session);
  const active = activeBlock(session);
  const lanes = shown.laneOrder.flatMap((laneId) => {
    const lane = shown.lanes[laneId];
    if (!lane) return [];
    const cards = lane.cardIds.flatMap((cardId) => {
      const card = shown.cards[cardId];
      if (!card) return [];
      const dots = Object.values(card.votes).reduce((sum, n) => sum + n, 0);
      return [{ id: card.id, title: card.title, kind: card.kind, ...(shown.voting.revealed ? { dots } : {}) }];
    });
    return [{ id: lane.id, kind: lane.kind, title: lane.title, cards }];
  });
  return {
    sessionTitle: session.details.title,
    block: active ? { kind: active.kind, title: active.title } : null,
    mission: session.mission,
    lanes,
    caricaturesRevealed: session.caricaturesRevealed,
    votesRevealed: shown.voting.revealed,
  };
}

/** One phone's own part: its hidden caricatures, its dots, what it may send now. */
export function phonePersonal(session: Session, participant: RoomParticipant, permissions: RoomPermissions): PhonePersonal {
  const active = activeBlock(session);
  const mine = [...participant.authored].flatMap((cardId) => {
    const card = session.cards[cardId];
    return card && isHiddenCaricature(session, cardId) ? [{ id: card.id, title: card.title }] : [];
  });
  const open = !permissions.paused;
  const voting = open && permissions.voting && session.voting.voters === 'phones';
  const voterId = phoneVoterId(participant.id);
  const mineDots = Object.fromEntries(
    Object.values(session.cards).flatMap((card) => (dotsOn(card, voterId) > 0 ? [[card.id, dotsOn(card, voterId)]] : [])),
  );
  return {
    mine,
    dots: voting ? { left: dotsLeft(session, voterId), mine: mineDots } : null,
    can: { topics: open, caricatures: open && active?.kind === 'caricatures' && !session.caricaturesRevealed && participant.side !== 'other' },
  };
}

function activeBlock(session: Session) {
  return session.agenda.find((block) => block.id === session.activeBlockId);
}
