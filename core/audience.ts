/** What the projector may see: the audience view, cut from the session in the control window. docs/ARCHITECTURE.md, "The audience window". */
import type { BoardView } from './block-view';
import type { CardId, Session } from './model';

/** How large the board is shown: a zoom factor, or scaled to fit the screen it is on. */
export type BoardZoom = number | 'fit';

export const zoomLimits = { min: 0.5, max: 2.5, step: 0.25 } as const;

/** The resolved look of the control window, so the audience window looks the same. */
export const audienceThemes = ['light', 'dark', 'contrast'] as const;
export type AudienceTheme = (typeof audienceThemes)[number];

export interface AudienceView {
  /** The board as the room may see it (audienceSession). */
  readonly session: Session;
  /** The card enlarged in the middle of the screen, if any; never a hidden card. */
  readonly spotlightCardId: CardId | null;
  readonly zoom: BoardZoom;
  /** The lanes or the active block's own view (core/block-view.ts), as the control window shows it. */
  readonly boardView: BoardView;
  /** Per list (a lane's id, a block view's column), the first card the facilitator scrolled to. */
  readonly scrolledTo: Readonly<Record<string, CardId>>;
  /** The UI language and theme of the control window. */
  readonly language: 'de' | 'en';
  readonly theme: AudienceTheme;
  /** How phones join, shown large while the facilitator shows it (phones on, joining open); absent otherwise. */
  readonly join?: RoomJoinInfo;
}

/** What the projector shows for joining: the QR code's URL, the typed address, the code, how many joined. */
export interface RoomJoinInfo {
  /** `http://<address>:<port>/j#k=<secret>`: the room secret is meant for the room, on its screen. */
  readonly joinUrl: string;
  /** `http://<address>:<port>`, to type by hand. */
  readonly url: string;
  readonly code: string;
  readonly joined: number;
}

/** The session with everything the facilitator keeps to themselves removed (see the file comment). */
export function audienceSession(session: Session): Session {
  const hidden = (cardId: CardId) => !session.caricaturesRevealed && session.cards[cardId]?.kind === 'caricature';
  const cards: Record<CardId, Session['cards'][CardId]> = {};
  for (const [id, card] of Object.entries(session.cards)) {
    if (hidden(id)) continue;
    cards[id] = {
      ...card,
      notes: '',
      moves: card.moves.map((move) => ({ ...move, reason: '' })),
      votes: session.voting.revealed ? card.votes : {},
    };
  }
  const lanes: Record<string, Session['lanes'][string]> = {};
  for (const [id, lane] of Object.entries(session.lanes)) {
    lanes[id] = { ...lane, cardIds: lane.cardIds.filter((cardId) => !hidden(cardId)) };
  }
  // The inbox of topics from the room is the facilitator's to sort before anyone sees it.
  const { inbox: _inbox, ...shared } = session;
  return {
    ...shared,
    details: { ...session.details, participants: session.voting.revealed ? session.details.participants : [] },
    agenda: session.agenda.map((block) => ({ ...block, prompt: null })),
    cards,
    lanes,
  };
}

/** The view for the audience window; a spotlight on a card the room may not see shows nothing. */
export function audienceView(
  session: Session,
  ui: {
    spotlightCardId: CardId | null;
    zoom: BoardZoom;
    boardView: BoardView;
    scrolledTo: Readonly<Record<string, CardId>>;
    language: 'de' | 'en';
    theme: AudienceTheme;
    join?: RoomJoinInfo;
  },
): AudienceView {
  const shown = audienceSession(session);
  const spotlightCardId = ui.spotlightCardId !== null && Object.hasOwn(shown.cards, ui.spotlightCardId) ? ui.spotlightCardId : null;
  // A scroll position names a card: only one the room may see.
  const scrolledTo = Object.fromEntries(Object.entries(ui.scrolledTo).filter(([, cardId]) => Object.hasOwn(shown.cards, cardId)));
  const view = { session: shown, spotlightCardId, zoom: ui.zoom, boardView: ui.boardView, scrolledTo, language: ui.language, theme: ui.theme };
  return ui.join ? { ...view, join: ui.join } : view;
}
