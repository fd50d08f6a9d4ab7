import { memo, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFiltering, matchesFilter } from '../../../core/find';
import { laneLimits, type Lane, type LaneId } from '../../../core/model';
import { DeleteIcon, EditIcon } from '../ui/icons';
import { useBoard } from '../store/board-store';
import { keepOrDrop } from '../ui/fields';
import { useWorkshopUi } from '../store/workshop-store';
import { focusLaneTools } from './lane-focus';

/**
 * The field that renames a lane in its header. Enter or leaving the field keeps the name, Escape
 * keeps the old one. A lane of the method gets its default name back when left blank (or given
 * that very name), so it follows the UI language again; an extra lane always keeps a name.
 */
export function LaneNameField({ lane, name, onDone }: { lane: Lane; name: string; onDone: () => void }) {
  const { t } = useTranslation();
  const hintId = useId();
  const defaultName = lane.kind === 'extra' ? null : t(`lane.${lane.kind}`);
  const [draft, setDraft] = useState(name);
  // Enter or Escape ends the edit; the blur that follows must not end it a second time.
  const finished = useRef(false);

  const finish = (keep: boolean) => {
    if (finished.current) return;
    finished.current = true;
    const clean = draft.trim();
    if (keep && clean !== name) {
      const title = defaultName !== null && (clean === '' || clean === defaultName) ? null : clean;
      if (title !== null || lane.kind !== 'extra') useBoard.getState().dispatch({ type: 'renameLane', laneId: lane.id, title });
    }
    onDone();
  };

  return (
    <div className="lane-rename">
      <input
        className="lane-rename-field"
        aria-label={t('tools.lanes.renameLabel', { name })}
        aria-describedby={defaultName === null ? undefined : hintId}
        value={draft}
        placeholder={defaultName ?? undefined}
        maxLength={laneLimits.titleLength}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => keepOrDrop(event, finish, true)}
        onBlur={() => finish(true)}
      />
      {defaultName !== null && (
        <span id={hintId} className="lane-hint">
          {t('tools.lanes.renameHint', { name: defaultName })}
        </span>
      )}
    </div>
  );
}

/** Rename, and for an extra lane remove — allowed only once it is empty, and it says so. */
export function LaneToolButtons({ lane, name, onRename }: { lane: Lane; name: string; onRename: () => void }) {
  const { t } = useTranslation();
  const hintId = useId();
  const [explain, setExplain] = useState(false);
  const blocked = lane.cardIds.length > 0;

  const remove = () => {
    if (blocked) {
      setExplain(true);
      return;
    }
    const order = useBoard.getState().history.present.laneOrder;
    const index = order.indexOf(lane.id);
    const neighbour = order[index - 1] ?? order[index + 1];
    useBoard.getState().dispatch({ type: 'removeLane', laneId: lane.id });
    requestAnimationFrame(() => focusLaneTools(neighbour));
  };

  return (
    <>
      <div className="lane-tools">
        <button
          type="button"
          className="icon-button lane-tool"
          aria-label={t('tools.lanes.rename', { name })}
          title={t('tools.lanes.rename', { name })}
          data-lane-tools={lane.id}
          onClick={onRename}
        >
          <EditIcon />
        </button>
        {lane.kind === 'extra' && (
          <button
            type="button"
            className="icon-button lane-tool"
            aria-label={t('tools.lanes.remove', { name })}
            aria-disabled={blocked || undefined}
            aria-describedby={blocked ? hintId : undefined}
            title={blocked ? t('tools.lanes.removeBlocked') : t('tools.lanes.remove', { name })}
            onClick={remove}
            onBlur={() => setExplain(false)}
          >
            <DeleteIcon />
          </button>
        )}
      </div>
      {lane.kind === 'extra' && blocked && (
        <span id={hintId} className={explain ? 'lane-hint lane-hint--shown' : 'visually-hidden'} role={explain ? 'status' : undefined}>
          {t('tools.lanes.removeBlocked')}
        </span>
      )}
    </>
  );
}

/**
 * "3 matches" in a lane's header while Find filters. It reads the cards only while filtering, and
 * counts again only when the lane, the cards or the filter change — not on every drag frame.
 */
export const LaneMatchCount = memo(function LaneMatchCount({ laneId }: { laneId: LaneId }) {
  const { t } = useTranslation();
  const filter = useWorkshopUi((s) => s.filter);
  const filtering = isFiltering(filter);
  const cardIds = useBoard((s) => (filtering ? s.history.present.lanes[laneId]?.cardIds : undefined));
  const cards = useBoard((s) => (filtering ? s.history.present.cards : undefined));
  const revealed = useBoard((s) => s.history.present.caricaturesRevealed);
  const count = useMemo(() => {
    if (!cardIds || !cards) return null;
    return cardIds.reduce((n, id) => {
      const card = cards[id];
      return card && matchesFilter(card, filter, revealed) ? n + 1 : n;
    }, 0);
  }, [cardIds, cards, filter, revealed]);
  if (count === null) return null;
  return <span className={count > 0 ? 'lane-matches' : 'lane-matches lane-matches--none'}>{t('tools.find.laneMatches', { count })}</span>;
});
