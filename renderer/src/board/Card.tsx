import { useDraggable } from '@dnd-kit/core';
import { memo, useCallback, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { laneOfCard, type CardId } from '../../../core/model';
import { stepPlacement, type Direction } from '../../../core/placement';
import { shownSession, useBoard } from '../store/board-store';
import { registerCardElement, focusCard } from './card-elements';
import { CardFace } from './CardFace';
import { CardTitleEditor } from './CardTitleEditor';
import { DeleteIcon, EditIcon } from '../app/icons';
import { countRender } from '../perf/render-count';

const focusSteps: Partial<Record<string, Direction>> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/**
 * A card on the board. Memoised by id: it re-renders when its own title, editing or dragging
 * state changes, not when other cards move.
 */
export const Card = memo(function Card({ cardId }: { cardId: CardId }) {
  countRender('Card');
  const { t } = useTranslation();
  const title = useBoard((s) => s.history.present.cards[cardId]?.title ?? '');
  const isDragged = useBoard((s) => s.drag?.cardId === cardId);
  const isEditing = useBoard((s) => s.editingCardId === cardId);
  const edit = useCallback(() => useBoard.getState().setEditing(cardId), [cardId]);
  const remove = useCallback(() => removeCard(cardId), [cardId]);

  return (
    <li className={isDragged ? 'card card--drag-origin' : 'card'}>
      {isEditing ? (
        <CardTitleEditor cardId={cardId} title={title} />
      ) : (
        <DraggableCard cardId={cardId} title={title} onEdit={edit} onDelete={remove}>
          <CardFace title={title} />
        </DraggableCard>
      )}
      <div className="card-actions">
        <button type="button" className="icon-button" tabIndex={-1} aria-label={t('card.edit', { title })} onClick={edit}>
          <EditIcon />
        </button>
        <button type="button" className="icon-button" tabIndex={-1} aria-label={t('card.delete', { title })} onClick={remove}>
          <DeleteIcon />
        </button>
      </div>
    </li>
  );
});

interface DraggableCardProps {
  cardId: CardId;
  title: string;
  onEdit: () => void;
  onDelete: () => void;
  children: ReactNode;
}

/**
 * The focusable, draggable part of a card. dnd-kit re-renders every draggable when a drag starts
 * or ends; keeping this wrapper thin (its face arrives as a memoised child) keeps that cheap.
 */
function DraggableCard({ cardId, title, onEdit, onDelete, children }: DraggableCardProps) {
  countRender('DraggableCard');
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef } = useDraggable({
    id: cardId,
    attributes: { roleDescription: t('card.roleDescription') },
  });
  const ref = useCallback(
    (element: HTMLDivElement | null) => {
      setNodeRef(element);
      registerCardElement(cardId, element);
    },
    [cardId, setNodeRef],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    listeners?.onKeyDown?.(event);
    if (event.defaultPrevented || useBoard.getState().drag) return;
    const step = focusSteps[event.key];
    if (step) {
      event.preventDefault();
      const state = useBoard.getState();
      const next = stepPlacement(shownSession(state), cardId, step);
      const lane = next ? shownSession(state).lanes[next.laneId] : undefined;
      focusCard(lane?.cardIds[Math.min(next?.index ?? 0, lane.cardIds.length - 1)]);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      onEdit();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onDelete();
    }
  };

  return (
    <div
      ref={ref}
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      onDoubleClick={onEdit}
      className="card-handle"
      aria-label={title}
      data-card-id={cardId}
    >
      {children}
    </div>
  );
}

/** Deletes a card and moves focus to its neighbour, so keyboard users keep their place. */
function removeCard(cardId: CardId): void {
  const state = useBoard.getState();
  const lane = laneOfCard(state.history.present, cardId);
  const index = lane?.cardIds.indexOf(cardId) ?? -1;
  const neighbour = lane?.cardIds[index + 1] ?? lane?.cardIds[index - 1];
  state.dispatch({ type: 'deleteCard', cardId });
  focusCard(neighbour);
}
