import { memo, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaneId } from '../../../core/model';
import { shownSession, useBoard } from '../store/board-store';
import { Card } from './Card';
import { CardComposer } from './CardComposer';
import { laneName } from './lane-name';
import { PlusIcon } from '../app/icons';
import { countRender } from '../perf/render-count';

const noCards: readonly string[] = [];

/**
 * One lane: a region named after the lane. It re-renders when its own list of cards changes,
 * including while a drag previews a card in it, and not when other lanes change.
 */
export const Lane = memo(function Lane({ laneId }: { laneId: LaneId }) {
  countRender('Lane');
  const { t } = useTranslation();
  const headingId = useId();
  const lane = useBoard((s) => s.history.present.lanes[laneId]);
  const cardIds = useBoard((s) => shownSession(s).lanes[laneId]?.cardIds ?? noCards);
  const isDropTarget = useBoard((s) => s.drag?.placement.laneId === laneId);
  const composerOpen = useBoard((s) => s.composerLaneId === laneId);
  const addButton = useRef<HTMLButtonElement>(null);
  if (!lane) return null;
  const name = laneName(lane, t);

  const closeComposer = () => {
    useBoard.getState().setComposer(null);
    requestAnimationFrame(() => addButton.current?.focus());
  };

  return (
    <section
      className={`lane lane--${lane.kind}${isDropTarget ? ' lane--target' : ''}`}
      aria-labelledby={headingId}
      data-lane-id={laneId}
    >
      <header className="lane-header">
        <h2 id={headingId}>{name}</h2>
        <span className="lane-count">{t('lane.cardCount', { count: cardIds.length })}</span>
      </header>
      {cardIds.length === 0 && <p className="lane-empty">{t('lane.empty')}</p>}
      <ul className="lane-cards">
        {cardIds.map((cardId) => (
          <Card key={cardId} cardId={cardId} />
        ))}
      </ul>
      <div className="lane-footer">
        {composerOpen ? (
          <CardComposer laneId={laneId} laneName={name} onClose={closeComposer} />
        ) : (
          <button ref={addButton} type="button" className="add-card" onClick={() => useBoard.getState().setComposer(laneId)}>
            <PlusIcon />
            {t('card.add')}
          </button>
        )}
      </div>
    </section>
  );
});
