/** What a summary of a session must show, worked out from the session itself (not from our renderers). */
import { laneOfCard, type Session } from '../../../core/model';
import { printable } from '../../../core/summary';
import { summaryTexts, type SummaryLanguage } from '../../../core/summary-text';

/** The cards a summary may show, in board order: all but hidden caricatures. */
export function shownCards(session: Session): Session['cards'][string][] {
  return session.laneOrder
    .flatMap((laneId) => session.lanes[laneId]?.cardIds ?? [])
    .flatMap((id) => {
      const card = session.cards[id];
      return card && !(card.kind === 'caricature' && !session.caricaturesRevealed) ? [card] : [];
    });
}

/** The titles of those cards as a reader must find them (without unprintable characters). */
export function shownTitles(session: Session): string[] {
  return shownCards(session).map((card) => printable(card.title));
}

/** The name a lane has in the summary's language. */
export function laneNameIn(session: Session, cardId: string, language: SummaryLanguage): string {
  const lane = laneOfCard(session, cardId);
  if (!lane) return '';
  return lane.title?.trim() || summaryTexts[language].lanes[lane.kind];
}

/** The mission's lines as a document shows them: trimmed, blank lines dropped. */
export function missionLines(session: Session): string[] {
  return printable(session.mission)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
