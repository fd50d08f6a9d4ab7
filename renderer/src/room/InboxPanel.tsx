/**
 * The inbox: topics participants sent from their phones, seen only in the control window, until the
 * facilitator places each on a lane (buttons, or a drag onto the lane), merges it into a card or
 * discards it — one undo step each. docs/ARCHITECTURE.md, "Phones in the room".
 */
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type DragEvent as ReactDragEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useRoomText, type RoomText } from '../i18n/room-text';
import { useShallow } from 'zustand/react/shallow';
import type { InboxTopic, Lane, LaneId, Session } from '../../../core/model';
import { cardLabel, isHiddenCaricature } from '../board/card-text';
import { laneName } from '../board/lane-name';
import { countCentresAbove } from '../board/drag-geometry';
import { useBoard } from '../store/board-store';
import { CancelAndSubmit, Dialog } from '../ui/Dialog';
import { Choice } from '../ui/fields';
import './room.css';

/** The drag's data type: only a topic from this inbox, never a file or text from elsewhere, is placed by a drop. */
export const topicDragType = 'application/x-nahtstelle-topic';

const noTopics: readonly InboxTopic[] = [];

export function useInboxCount(): number {
  return useBoard((s) => s.history.present.inbox?.length ?? 0);
}

/** Places a topic in a lane, said aloud; the focus goes to the next topic (or the inbox). */
function placeTopic(topic: InboxTopic, laneId: LaneId, index: number, t: RoomText, boardT: TFunction): void {
  const board = useBoard.getState();
  const lane = board.history.present.lanes[laneId];
  if (!lane) return;
  board.dispatch({ type: 'placeTopic', topicId: topic.id, laneId, index });
  board.announce(t('inbox.placed', { title: topic.title, lane: laneName(lane, boardT) }));
}

export function InboxPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useRoomText();
  const { t: boardT } = useTranslation();
  const headingId = useId();
  const topics = useBoard((s) => s.history.present.inbox ?? noTopics);
  const lanes = useBoard(useShallow((s) => s.history.present.laneOrder.flatMap((laneId) => s.history.present.lanes[laneId] ?? [])));
  const [merging, setMerging] = useState<InboxTopic | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const section = useRef<HTMLElement>(null);
  useTopicDrop(t, boardT);

  /** After a topic leaves the list, the focus goes to the one that took its place, or the inbox itself. */
  const keepFocus = useCallback((index: number) => {
    requestAnimationFrame(() => {
      const items = list.current?.querySelectorAll<HTMLElement>('.inbox-topic');
      const next = items?.[Math.min(index, items.length - 1)]?.querySelector<HTMLElement>('button');
      (next ?? section.current)?.focus();
    });
  }, []);

  return (
    <section ref={section} id={id} className="inbox-panel" aria-labelledby={headingId} tabIndex={-1}>
      <div className="phones-head">
        <h2 id={headingId} className="tools-heading">
          {t('inbox.region')}
        </h2>
        {topics.length > 0 && <p className="phones-note">{t('inbox.hint')}</p>}
        <button type="button" className="tool-button phones-close" onClick={onClose}>
          {t('inbox.close')}
        </button>
      </div>
      {topics.length === 0 ? (
        <p className="phones-note">{t('inbox.empty')}</p>
      ) : (
        <ul ref={list} className="inbox-list" aria-label={t('inbox.topics')}>
          {topics.map((topic, index) => (
            <InboxItem key={topic.id} topic={topic} index={index} lanes={lanes} onMerge={setMerging} keepFocus={keepFocus} />
          ))}
        </ul>
      )}
      {merging && (
        <MergeDialog
          topic={merging}
          onDone={(merged) => {
            const index = topics.findIndex((topic) => topic.id === merging.id);
            setMerging(null);
            if (merged) keepFocus(index);
          }}
        />
      )}
    </section>
  );
}

interface InboxItemProps {
  readonly topic: InboxTopic;
  readonly index: number;
  readonly lanes: readonly Lane[];
  readonly onMerge: (topic: InboxTopic) => void;
  readonly keepFocus: (index: number) => void;
}

/** One waiting topic. Memoised: a room sending at once adds rows, and only the new ones render. */
const InboxItem = memo(function InboxItem({ topic, index, lanes, onMerge, keepFocus }: InboxItemProps) {
  const t = useRoomText();
  const { t: boardT } = useTranslation();
  return (
    <li
      className="inbox-topic"
      draggable
      onDragStart={(event: ReactDragEvent) => {
        event.dataTransfer.setData(topicDragType, topic.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <span className="inbox-title">{topic.title}</span>
      <span className="inbox-actions">
        {lanes.map((lane) => (
          <button
            key={lane.id}
            type="button"
            className="tool-button inbox-place"
            aria-label={t('inbox.placeLabel', { title: topic.title, lane: laneName(lane, boardT) })}
            onClick={() => {
              placeTopic(topic, lane.id, useBoard.getState().history.present.lanes[lane.id]?.cardIds.length ?? 0, t, boardT);
              keepFocus(index);
            }}
          >
            {t('inbox.place', { lane: laneName(lane, boardT) })}
          </button>
        ))}
        <button type="button" className="tool-button" aria-label={t('inbox.mergeLabel', { title: topic.title })} onClick={() => onMerge(topic)}>
          {t('inbox.merge')}
        </button>
        <button
          type="button"
          className="tool-button"
          aria-label={t('inbox.discardLabel', { title: topic.title })}
          onClick={() => {
            useBoard.getState().dispatch({ type: 'discardTopic', topicId: topic.id });
            useBoard.getState().announce(t('inbox.discarded', { title: topic.title }));
            keepFocus(index);
          }}
        >
          {t('inbox.discard')}
        </button>
      </span>
    </li>
  );
});

/** The cards a topic may join: every card the facilitator can read (a hidden caricature's text is never listed). */
function mergeTargets(session: Session, t: TFunction): { value: string; label: string }[] {
  return session.laneOrder.flatMap((laneId) => {
    const lane = session.lanes[laneId];
    if (!lane) return [];
    return lane.cardIds.flatMap((cardId) => {
      const card = session.cards[cardId];
      if (!card || isHiddenCaricature(session, cardId)) return [];
      return [{ value: cardId, label: `${cardLabel(card, false, t)} (${laneName(lane, t)})` }];
    });
  });
}

function MergeDialog({ topic, onDone }: { topic: InboxTopic; onDone: (merged: boolean) => void }) {
  const t = useRoomText();
  const { t: boardT } = useTranslation();
  const session = useBoard((s) => s.history.present);
  const targets = useMemo(() => mergeTargets(session, boardT), [session, boardT]);
  const [cardId, setCardId] = useState(targets[0]?.value ?? '');
  const merge = () => {
    const card = useBoard.getState().history.present.cards[cardId];
    if (!card) return;
    useBoard.getState().dispatch({ type: 'mergeTopic', topicId: topic.id, intoCardId: cardId });
    useBoard.getState().announce(t('inbox.merged', { title: topic.title, card: card.title }));
    onDone(true);
  };
  return (
    <Dialog
      title={t('inbox.mergeHeading', { title: topic.title })}
      onClose={() => onDone(false)}
      onSubmit={(event) => {
        event.preventDefault();
        merge();
      }}
      actions={
        <CancelAndSubmit
          cancelLabel={t('inbox.cancel')}
          submitLabel={t('inbox.mergeConfirm')}
          onCancel={() => onDone(false)}
          disabled={targets.length === 0}
        />
      }
    >
      <p>{t('inbox.mergeHint')}</p>
      {targets.length === 0 ? (
        <p>{t('inbox.noCards')}</p>
      ) : (
        <Choice label={t('inbox.mergeInto')} value={cardId} options={targets} onChange={setCardId} />
      )}
    </Dialog>
  );
}

/**
 * A topic dragged from the inbox onto a lane (native drag and drop, beside the board's dnd-kit,
 * which carries cards): the lane shows it accepts the drop, and the topic becomes a card there.
 * A drag of anything else (files to open) passes by untouched.
 */
function useTopicDrop(t: RoomText, boardT: TFunction): void {
  useEffect(() => {
    let marked: HTMLElement | null = null;
    const mark = (lane: HTMLElement | null) => {
      if (marked === lane) return;
      marked?.removeAttribute('data-topic-target');
      marked = lane;
      marked?.setAttribute('data-topic-target', '');
    };
    const laneAt = (event: DragEvent): HTMLElement | null =>
      event.target instanceof Element ? event.target.closest<HTMLElement>('section[data-lane-id]') : null;
    const isTopic = (event: DragEvent) => event.dataTransfer?.types.includes(topicDragType) ?? false;

    const onDragOver = (event: DragEvent) => {
      if (!isTopic(event)) return;
      const lane = laneAt(event);
      mark(lane);
      if (!lane) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    };
    const onDrop = (event: DragEvent) => {
      if (!isTopic(event)) return;
      const lane = laneAt(event);
      mark(null);
      if (!lane) return;
      event.preventDefault();
      const topicId = event.dataTransfer?.getData(topicDragType) ?? '';
      const laneId = lane.dataset.laneId ?? '';
      const session = useBoard.getState().history.present;
      const topic = session.inbox?.find((candidate) => candidate.id === topicId);
      // Before the first card whose middle is below the drop.
      const index = countCentresAbove(session.lanes[laneId]?.cardIds ?? [], event.clientY);
      if (topic) placeTopic(topic, laneId, index, t, boardT);
    };
    const onDragEnd = () => mark(null);
    document.addEventListener('dragover', onDragOver);
    document.addEventListener('drop', onDrop);
    document.addEventListener('dragend', onDragEnd);
    return () => {
      mark(null);
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('drop', onDrop);
      document.removeEventListener('dragend', onDragEnd);
    };
  }, [t, boardT]);
}
