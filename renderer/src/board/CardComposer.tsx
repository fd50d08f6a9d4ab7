import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cardKinds, type CardKind, type LaneId } from '../../../core/model';
import { useBoard } from '../store/board-store';
import { activeCardKind } from './card-text';
import './composer.css';

/**
 * Quick capture: type a title, Enter adds the card and keeps the field open for the next one,
 * as topics come from the room one after another. Escape or leaving an empty field closes it.
 * New cards are of the kind the active agenda block works with (caricatures in "Clear up
 * caricatures", metrics in "Measure and narrate", topics otherwise); the field says which, and
 * ↑/↓ in the field (or the kind button beside it) switches, for the topic raised mid-block.
 */
export function CardComposer({ laneId, laneName, onClose }: { laneId: LaneId; laneName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const blockKind = useBoard((s) => activeCardKind(s.history.present));
  const [chosenKind, setChosenKind] = useState<CardKind | null>(null);
  const kind = chosenKind ?? blockKind;
  const switchKind = (step: 1 | -1) => setChosenKind(nextKind(kind, step));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (draft.trim() === '') return;
      useBoard.getState().dispatch({ type: 'addCard', cardId: crypto.randomUUID(), laneId, title: draft, kind });
      setDraft('');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      switchKind(event.key === 'ArrowDown' ? 1 : -1);
    }
  };

  return (
    <div
      className="card-composer-row"
      onBlur={(event) => {
        // Leaving the composer (not just for its kind button) with nothing typed closes it.
        if (draft.trim() === '' && !event.currentTarget.contains(event.relatedTarget)) onClose();
      }}
    >
      <input
        className={`card-composer card-composer--${kind}`}
        aria-label={t(`cards.composer.label_${kind}`, { lane: laneName })}
        aria-keyshortcuts="ArrowDown ArrowUp"
        placeholder={t(`cards.composer.placeholder_${kind}`)}
        value={draft}
        autoFocus
        onChange={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        className="card-composer-kind"
        aria-label={t('operations.composer.switchKind', { kind: t(`tools.find.kinds.${kind}`) })}
        title={t('operations.composer.switchHint')}
        onClick={() => switchKind(1)}
      >
        {t(`tools.find.kinds.${kind}`)}
      </button>
    </div>
  );
}

function nextKind(kind: CardKind, step: 1 | -1): CardKind {
  const at = cardKinds.indexOf(kind);
  return cardKinds[(at + step + cardKinds.length) % cardKinds.length] ?? 'topic';
}
