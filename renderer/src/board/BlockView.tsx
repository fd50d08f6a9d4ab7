import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { caricatureColumns, laneForNewCard, metricCards, metricsColumn } from '../../../core/block-view';
import type { CardId, LaneKind } from '../../../core/model';
import { useBenchRenderCount } from '../ui/render-count';
import { useBoard } from '../store/board-store';
import { Card } from './Card';
import { laneName } from './lane-name';
import { LaneFooter, useNewCardsInView } from './Lane';

/**
 * The active block's own view in place of the lanes (core/block-view.ts decides which and what it
 * holds): the caricatures block shows "how Marketing sees Sales" beside "how Sales sees
 * Marketing", each card with what is actually true; the metrics block its metric cards, those
 * without a narrative first. The cards are the board's own (focus, keys, details, editing); new
 * cards go to the lane of their side. docs/ARCHITECTURE.md, "Views per block".
 */
export function BlockView({ view }: { view: 'caricatures' | 'metrics' }) {
  useBenchRenderCount('BlockView');
  return view === 'caricatures' ? <CaricatureView /> : <MetricsView />;
}

function CaricatureView() {
  const { t } = useTranslation();
  const session = useBoard((s) => s.history.present);
  return (
    <>
      {caricatureColumns(session).map(({ view, side, cardIds }) => (
        <ViewColumn
          key={view}
          listKey={view}
          laneKind={side}
          title={t(`cards.view.${view}`)}
          empty={t('views.noCaricatures')}
          cardIds={cardIds}
          newCardLaneId={laneForNewCard(session, side)}
        />
      ))}
    </>
  );
}

function MetricsView() {
  const { t } = useTranslation();
  const session = useBoard((s) => s.history.present);
  // N on a focused card opens the field in that card's lane; else new metrics go to the seam.
  const composerLaneId = useBoard((s) => s.composerLaneId);
  return (
    <ViewColumn
      listKey={metricsColumn.key}
      laneKind={metricsColumn.side}
      grid
      title={t('views.metrics')}
      empty={t('views.noMetrics')}
      cardIds={metricCards(session)}
      newCardLaneId={composerLaneId ?? laneForNewCard(session, metricsColumn.side)}
    />
  );
}

function ViewColumn(props: {
  listKey: string;
  laneKind: LaneKind;
  title: string;
  empty: string;
  cardIds: readonly CardId[];
  newCardLaneId: string | undefined;
  grid?: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const list = useRef<HTMLUListElement>(null);
  const lane = useBoard((s) => (props.newCardLaneId === undefined ? undefined : s.history.present.lanes[props.newCardLaneId]));
  useNewCardsInView(list, props.cardIds);
  return (
    <section
      className={`lane lane--${props.laneKind} block-column${props.grid ? ' block-column--grid' : ''}`}
      aria-labelledby={headingId}
      data-list-key={props.listKey}
    >
      <header className="lane-header">
        <h2 id={headingId}>{props.title}</h2>
        <p className="lane-meta">
          <span className="lane-count">{t('lane.cardCount', { count: props.cardIds.length })}</span>
        </p>
      </header>
      {props.cardIds.length === 0 && <p className="lane-empty">{props.empty}</p>}
      <ul ref={list} className="lane-cards">
        {props.cardIds.map((cardId) => (
          <Card key={cardId} cardId={cardId} t={t} />
        ))}
      </ul>
      {lane && <LaneFooter laneId={lane.id} name={laneName(lane, t)} />}
    </section>
  );
}
