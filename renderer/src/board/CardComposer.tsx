import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaneId } from '../../../core/model';
import { useBoard } from '../store/board-store';
import { activeCardKind } from './card-text';

/**
 * Quick capture: type a title, Enter adds the card and keeps the field open for the next one,
 * as topics come from the room one after another. Escape or leaving an empty field closes it.
 * New cards are of the kind the active agenda block works with (caricatures in "Clear up
 * caricatures", metrics in "Measure and narrate", topics otherwise); the field says which.
 */
export function CardComposer({ laneId, laneName, onClose }: { laneId: LaneId; laneName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const kind = useBoard((s) => activeCardKind(s.history.present));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (draft.trim() === '') return;
      useBoard.getState().dispatch({ type: 'addCard', cardId: crypto.randomUUID(), laneId, title: draft, kind });
      setDraft('');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <input
      className={`card-composer card-composer--${kind}`}
      aria-label={t(`cards.composer.label_${kind}`, { lane: laneName })}
      placeholder={t(`cards.composer.placeholder_${kind}`)}
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
