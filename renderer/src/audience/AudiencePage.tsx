import { memo, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AgendaBlock } from '../../../core/agenda';
import type { AudienceView, BoardZoom } from '../../../core/audience';
import { caricatureColumns, fitFloor, metricCards, metricsColumn, type BoardView } from '../../../core/block-view';
import type { BlockTimer, Card, CardId, LaneKind, Session } from '../../../core/model';
import { formatCountdown, idleTimer } from '../../../core/timer';
import { api } from '../api';
import { CardFace } from '../board/CardFace';
import { faceParts, laneKindOfCard, revealedDots, type FaceParts } from '../board/card-text';
import { laneName } from '../board/lane-name';
import { fitBoard } from '../board/fit';
import { pageLists, scrollListTo } from '../board/paging';
import { blockTitle } from '../session/agenda-commands';
import { useRemainingMs } from '../session/countdown';
import { applyTheme } from '../store/app-store';
import './audience.css';
import { VoteRanking } from './VoteRanking';
import { JoinDisplay } from '../present/JoinDisplay';

/**
 * The audience window's page (`#audience`): the board as the room may see it, read-only and large.
 * It calls nothing (main refuses its calls); it shows the views main forwards from the control
 * window, which hold nothing hidden (core/audience.ts). Until the first view it says it waits.
 */
export function AudiencePage() {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<AudienceView | null>(null);
  useEffect(() => api.on('audienceView', setView), []);

  const language = view?.language;
  const theme = view?.theme;
  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language, i18n]);
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
  useEffect(() => {
    document.title = t('audience.documentTitle');
  }, [t]);

  if (!view) {
    return (
      <main className="audience audience--waiting">
        <h1 className="visually-hidden">{t('audience.window')}</h1>
        <p className="audience-waiting" role="status">
          {t('audience.waiting')}
        </p>
      </main>
    );
  }
  return <AudienceBoard view={view} />;
}

function AudienceBoard({ view }: { view: AudienceView }) {
  const { t } = useTranslation();
  const { session } = view;
  const block = session.activeBlockId === null ? undefined : session.agenda.find((candidate) => candidate.id === session.activeBlockId);
  const mission = session.mission.trim();
  const spotlight = view.spotlightCardId === null ? undefined : session.cards[view.spotlightCardId];
  return (
    <div className={spotlight ? 'audience audience--spotlight' : 'audience'}>
      <header className="audience-header">
        <div className="audience-heading">
          <h1 className="audience-title">{session.details.title || t('library.untitled')}</h1>
          {mission && <p className="audience-mission">{t('workshop.mission.agreed', { mission })}</p>}
        </div>
        {block && <ActiveBlock block={block} timer={session.timer} />}
      </header>
      <VoteRanking session={session} />
      <main className="audience-main" aria-label={t('board.label')}>
        <LaneRow session={session} zoom={view.zoom} boardView={view.boardView} scrolledTo={view.scrolledTo} />
      </main>
      {spotlight && <AudienceSpotlight session={session} card={spotlight} />}
      {view.join && <JoinDisplay join={view.join} />}
    </div>
  );
}

/**
 * The lanes side by side at the zoom the control window chose (or fitted to this window), or the
 * active block's own view, always fitted: the room sees the block's cards as large as they fit,
 * never below the readable floor. Each list follows the facilitator's scroll; a card shows wholly
 * or not at all, and a list says how many more there are (board/paging.ts).
 */
function LaneRow({
  session,
  zoom,
  boardView,
  scrolledTo,
}: {
  session: Session;
  zoom: BoardZoom;
  boardView: BoardView;
  scrolledTo: AudienceView['scrolledTo'];
}) {
  const { t } = useTranslation();
  const board = useRef<HTMLDivElement>(null);

  // Set on the element, not as a React style: "fit" is measured (board/fit.ts), and both ways
  // write the same property. Again whenever the board or the window's size changes.
  useLayoutEffect(() => {
    const element = board.current;
    if (!element) return;
    const fitted = zoom === 'fit' || boardView !== 'lanes';
    const apply = (): void => {
      if (fitted) fitBoard(element, fitFloor);
      else element.style.zoom = String(zoom);
      for (const list of element.querySelectorAll<HTMLElement>('.lane-cards')) {
        const key = list.parentElement?.dataset.listKey;
        scrollListTo(list, key === undefined ? undefined : scrolledTo[key]);
      }
      pageLists(element, (count) => t('views.more', { count }));
    };
    apply();
    window.addEventListener('resize', apply);
    return () => window.removeEventListener('resize', apply);
  }, [session, zoom, boardView, scrolledTo, t]);

  return (
    <div ref={board} className={`audience-board audience-board--${boardView}`}>
      {boardView === 'caricatures' &&
        caricatureColumns(session).map(({ view, side, cardIds }) => (
          <AudienceList key={view} session={session} listKey={view} kind={side} title={t(`cards.view.${view}`)} cardIds={cardIds} />
        ))}
      {boardView === 'metrics' && (
        <AudienceList
          session={session}
          listKey={metricsColumn.key}
          kind={metricsColumn.side}
          title={t('views.metrics')}
          cardIds={metricCards(session)}
        />
      )}
      {boardView === 'lanes' &&
        session.laneOrder.map((laneId) => {
          const lane = session.lanes[laneId];
          return lane ? (
            <AudienceList key={laneId} session={session} listKey={laneId} kind={lane.kind} title={laneName(lane, t)} cardIds={lane.cardIds} />
          ) : null;
        })}
    </div>
  );
}

function AudienceList({
  session,
  listKey,
  kind,
  title,
  cardIds,
}: {
  session: Session;
  listKey: string;
  kind: LaneKind;
  title: string;
  cardIds: readonly CardId[];
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className={`lane lane--${kind} audience-lane`} aria-labelledby={headingId} data-list-key={listKey}>
      <header className="lane-header">
        <h2 id={headingId}>{title}</h2>
      </header>
      <ul className="lane-cards">
        {cardIds.map((cardId) => {
          const card = session.cards[cardId];
          return card ? (
            <li key={cardId} className="audience-card" data-card-id={cardId}>
              <AudienceCard parts={faceOf(session, card, t)} />
            </li>
          ) : null;
        })}
      </ul>
    </section>
  );
}

/** A card's face as the room sees it: never hidden (hidden cards are not in the view), dots once revealed. */
function faceOf(session: Session, card: Card, t: TFunction): FaceParts {
  return faceParts(card, { hidden: false, dots: revealedDots(session, card.id), laneKind: laneKindOfCard(session.lanes, card.id) }, t);
}

/**
 * Every view is a new copy of the session, so cards are compared by what their face shows: only
 * the cards that changed are drawn again.
 */
const AudienceCard = memo(
  function AudienceCard({ parts }: { parts: FaceParts }) {
    return <CardFace parts={parts} />;
  },
  (before, after) => sameFace(before.parts, after.parts),
);

function sameFace(a: FaceParts, b: FaceParts): boolean {
  for (const key of Object.keys(a) as (keyof FaceParts)[]) {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (JSON.stringify(x) !== JSON.stringify(y)) return false;
    } else if (x !== y) return false;
  }
  return true;
}

/** The running block's title and its clock, counting down here with this window's own clock. */
function ActiveBlock({ block, timer }: { block: AgendaBlock; timer: BlockTimer | null }) {
  const { t } = useTranslation();
  const clock = timer?.blockId === block.id ? timer : idleTimer(block.id);
  return (
    <section className="audience-block" aria-label={t('audience.block')}>
      <p className="audience-block-title">{blockTitle(block, t)}</p>
      <Countdown block={block} timer={clock} />
    </section>
  );
}

function Countdown({ block, timer }: { block: AgendaBlock; timer: BlockTimer }) {
  const { t } = useTranslation();
  const remaining = useRemainingMs(timer, block);
  const over = remaining <= 0;
  return (
    <div className={over ? 'audience-countdown audience-countdown--over' : 'audience-countdown'}>
      <span className="audience-countdown-time" role="timer" aria-label={t('workshop.timer.remaining')}>
        {formatCountdown(remaining)}
      </span>
      {over && <span className="audience-countdown-state">{t('workshop.timer.timeUp')}</span>}
    </div>
  );
}

/** The spotlighted card large in the middle; the board behind it dimmed. */
function AudienceSpotlight({ session, card }: { session: Session; card: Card }) {
  const { t } = useTranslation();
  return (
    <div className="audience-spotlight">
      <div className="audience-spotlight-backdrop" aria-hidden="true" />
      <section className="audience-spotlight-card" aria-label={t('audience.spotlight')}>
        <AudienceCard parts={faceOf(session, card, t)} />
      </section>
    </div>
  );
}
