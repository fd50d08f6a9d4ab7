import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaneId } from '../../../core/model';
import { useBoard } from '../store/board-store';

/**
 * Quick capture: type a title, Enter adds the card and keeps the field open for the next one,
 * as topics come from the room one after another. Escape or leaving an empty field closes it.
 */
export function CardComposer({ laneId, laneName, onClose }: { laneId: LaneId; laneName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (draft.trim() === '') return;
      useBoard.getState().dispatch({ type: 'addCard', cardId: crypto.randomUUID(), laneId, title: draft });
      setDraft('');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <input
      className="card-composer"
      aria-label={t('card.newCardLabel', { lane: laneName })}
      placeholder={t('card.newCardPlaceholder')}
      value={draft}
      autoFocus
      onChange={(event) => setDraft(event.currentTarget.value)}
      onKeyDown={onKeyDown}
      onBlur={() => {
        if (draft.trim() === '') onClose();
      }}
    />
  );
}
