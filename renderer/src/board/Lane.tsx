import { memo, useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaneId } from '../../../core/model';
import { useBoard } from '../store/board-store';
import { revealArrivedCard } from './card-elements';
import { LaneCards } from './LaneCards';
import { CardComposer } from './CardComposer';
import { laneName } from './lane-name';
import { PlusIcon } from '../ui/icons';
import { useBenchRenderCount } from '../ui/render-count';
import { LaneMatchCount, LaneNameField, LaneToolButtons } from './LaneTools';
import { focusLaneTools } from './lane-focus';
import './lanes.css';

const noCards: readonly string[] = [];

function shownCount(cardIds: readonly string[], draggedId: string | null, slotIndex: number): number {
  const draggedHere = draggedId !== null && cardIds.includes(draggedId);
  return cardIds.length - (draggedHere ? 1 : 0) + (slotIndex >= 0 ? 1 : 0);
}

/**
 * One lane: a region named after the lane. It re-renders when its own cards change, or when the
 * drop slot of a drag enters, leaves or moves within it; not when other lanes change. Its header
 * renames it (and removes an extra lane); "n matches" while Find filters reads the cards in a
 * child of its own, so typing in Find does not re-render the lane's cards.
 */
export const Lane = memo(function Lane({ laneId }: { laneId: LaneId }) {
  useBenchRenderCount('Lane');
  const { t } = useTranslation();
  const headingId = useId();
  const lane = useBoard((s) => s.history.present.lanes[laneId]);
  // While a card is dragged its element stays where it was (see DropSlot); the lane only changes
  // when the slot where it would land enters, leaves or moves within it.
  const cardIds = lane?.cardIds ?? noCards;
  // The dragged card's element stays in the lane it came from: only that lane needs to know it, so
  // picking a card up and dropping it does not re-render the lanes it never touched.
  const draggedId = useBoard((s) => (s.drag?.inLanes && s.drag.origin.laneId === laneId ? s.drag.cardId : null));
  const slotIndex = useBoard((s) => (s.drag?.inLanes && s.drag.placement.laneId === laneId ? s.drag.placement.index : -1));
  const isDropTarget = slotIndex >= 0;
  const list = useRef<HTMLUListElement>(null);
  const [renaming, setRenaming] = useState(false);
  useNewCardsInView(list, cardIds);
  if (!lane) return null;
  const name = laneName(lane, t);

  return (
    <section
      className={`lane lane--${lane.kind}${isDropTarget ? ' lane--target' : ''}`}
      aria-labelledby={headingId}
      data-lane-id={laneId}
      data-list-key={laneId}
    >
      <header className="lane-header lane-header--tools">
        <div className="lane-title-row">
          {renaming && (
            <LaneNameField
              lane={lane}
              name={name}
              onDone={() => {
                setRenaming(false);
                requestAnimationFrame(() => focusLaneTools(laneId));
              }}
            />
          )}
          <h2 id={headingId} className={renaming ? 'visually-hidden' : undefined} onDoubleClick={() => setRenaming(true)}>
            {name}
          </h2>
          {!renaming && <LaneToolButtons lane={lane} name={name} onRename={() => setRenaming(true)} />}
        </div>
        <p className="lane-meta">
          <span className="lane-count">{t('lane.cardCount', { count: shownCount(cardIds, draggedId, slotIndex) })}</span>
          <LaneMatchCount laneId={laneId} />
        </p>
      </header>
      {cardIds.length === 0 && !isDropTarget && <p className="lane-empty">{t('lane.empty')}</p>}
      <LaneCards list={list} cardIds={cardIds} draggedId={draggedId} slotIndex={slotIndex} />
      <LaneFooter laneId={laneId} name={name} />
    </section>
  );
});

/** "Add card" below a list of cards, and the new-card field in its place while open. */
export function LaneFooter({ laneId, name }: { laneId: LaneId; name: string }) {
  const { t } = useTranslation();
  const composerOpen = useBoard((s) => s.composerLaneId === laneId);
  const addButton = useRef<HTMLButtonElement>(null);
  const closeComposer = () => {
    useBoard.getState().setComposer(null);
    // Escape leaves the focus nowhere: give it to "Add card". When the field closed because the
    // facilitator went elsewhere (a card, a button), the focus stays where they went.
    requestAnimationFrame(() => {
      if (document.activeElement === null || document.activeElement === document.body) addButton.current?.focus();
    });
  };
  return (
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
  );
}

/**
 * A card that arrives in a list (added, moved there by keys, placed from the inbox) is scrolled into
 * the list's view: added at the end of a scrolled lane it would otherwise land out of sight. Not on
 * the first render, nor for a card a drag dropped where its slot showed it.
 */
export function useNewCardsInView(list: RefObject<HTMLElement | null>, cardIds: readonly string[]): void {
  const before = useRef<readonly string[] | null>(null);
  useLayoutEffect(() => {
    const previous = before.current;
    before.current = cardIds;
    if (previous === null || previous === cardIds || !list.current) return;
    const had = new Set(previous);
    const arrived = cardIds.filter((cardId) => !had.has(cardId));
    const last = arrived[arrived.length - 1];
    if (arrived.length > 0 && arrived.length <= 3 && last !== undefined) revealArrivedCard(last);
  }, [list, cardIds]);
}
