import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { audienceSession } from '../../../core/audience';
import type { Session } from '../../../core/model';
import { ranking } from '../../../core/voting';
import { usePresentation } from '../store/presentation-store';
import { useBoard } from '../store/board-store';
import './vote-ranking.css';

/** The projector shows the top of the ranking; the rest is counted, so nothing is cut off unsaid. */
const shownPlaces = 5;

/**
 * The dot-voting ranking on the projector once the totals are revealed: a band above the board in
 * the audience window and in presentation mode. `session` is what the room may see
 * (core/audience.ts): its votes are empty until the reveal, so nothing shows before it.
 */
export function VoteRanking({ session }: { session: Session }) {
  const { t } = useTranslation();
  const headingId = useId();
  const ranked = useMemo(() => (session.voting.revealed ? ranking(session) : []), [session]);
  if (ranked.length === 0) return null;
  const more = ranked.length - shownPlaces;
  return (
    <section className="vote-ranking" aria-labelledby={headingId}>
      <h2 id={headingId} className="vote-ranking-heading">
        {t('operations.ranking.heading')}
      </h2>
      <ol className="vote-ranking-list">
        {ranked.slice(0, shownPlaces).map(({ card, dots, rank }) => (
          <li key={card.id} className="vote-ranking-entry">
            <span className="vote-ranking-rank">{rank}.</span>
            <span className="vote-ranking-title">{card.title}</span>
            <span className="vote-ranking-dots">{t('tools.voting.dots', { count: dots })}</span>
          </li>
        ))}
      </ol>
      {more > 0 && <p className="vote-ranking-more">{t('operations.ranking.more', { count: more })}</p>}
    </section>
  );
}

/** The ranking in presentation mode, from the board as the room may see it. */
export function PresentedRanking() {
  const presenting = usePresentation((s) => s.presenting);
  const revealed = useBoard((s) => s.history.present.voting.revealed);
  const session = useBoard((s) => s.history.present);
  const shown = useMemo(() => (presenting && revealed ? audienceSession(session) : null), [presenting, revealed, session]);
  return shown ? <VoteRanking session={shown} /> : null;
}
