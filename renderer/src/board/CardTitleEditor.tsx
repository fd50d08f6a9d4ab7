import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardId } from '../../../core/model';
import { useBoard } from '../store/board-store';
import { keepOrDrop } from '../ui/fields';
import { focusCard } from './card-elements';

/** Inline title editing: Enter or leaving the field saves, Escape keeps the old title. */
export function CardTitleEditor({ cardId, title }: { cardId: CardId; title: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(title);

  const finish = (save: boolean) => {
    const state = useBoard.getState();
    if (state.editingCardId !== cardId) return;
    if (save) state.dispatch({ type: 'editCardTitle', cardId, title: draft });
    state.setEditing(null);
    requestAnimationFrame(() => focusCard(cardId));
  };

  return (
    <input
      className="card-editor"
      aria-label={t('card.titleLabel')}
      value={draft}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onKeyDown={(event) => keepOrDrop(event, finish)}
      onBlur={() => finish(true)}
    />
  );
}
