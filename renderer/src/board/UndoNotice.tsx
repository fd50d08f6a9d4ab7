import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { HistoryEntry } from '../../../core/history';
import type { Operation } from '../../../core/operations';
import { useBoard, type UndoStep } from '../store/board-store';
import { focusCard } from './card-elements';
import { isHiddenCaricature } from './card-text';

/**
 * Says what undo or redo just did ("Undone: move of “Pricing”"), in the notice area, whose live
 * region reads it out; gone with the next change. Undoing a delete puts the focus on the card that
 * came back, so a keyboard user is where the slip happened. docs/ARCHITECTURE.md, "Layers and arrows".
 */
export function UndoNotice() {
  const { t } = useTranslation();
  const step = useBoard((s) => s.lastStep);
  const isOpen = useBoard((s) => s.openFile !== null);

  useEffect(() => {
    if (step?.direction !== 'undo' || step.entry.operation.type !== 'deleteCard') return;
    const cardId = step.entry.operation.cardId;
    const frame = requestAnimationFrame(() => focusCard(cardId));
    return () => cancelAnimationFrame(frame);
  }, [step]);

  if (!step || !isOpen) return null;
  return <p className="notice undo-notice">{describeUndoStep(step, t)}</p>;
}

/** "Undone: move of “Pricing”" / "Rückgängig: Verschieben von „Pricing“". */
export function describeUndoStep(step: UndoStep, t: TFunction): string {
  const text = describeEntry(step.entry, step, t);
  return step.direction === 'undo' ? t('operations.undo.undone', { step: text }) : t('operations.undo.redone', { step: text });
}

function describeEntry(entry: HistoryEntry, step: UndoStep, t: TFunction): string {
  const op = entry.operation;
  // A topic from the room is named by its words, whether it waits in the inbox or stands on the board.
  const cardId = 'cardId' in op ? op.cardId : 'topicId' in op ? op.topicId : null;
  const card = cardId === null ? undefined : (step.session.cards[cardId] ?? step.session.inbox?.find((topic) => topic.id === cardId));
  const title =
    cardId === null || !card
      ? ''
      : isHiddenCaricature(step.session, cardId)
        ? t('operations.undo.hiddenCard')
        : t('operations.undo.quoted', { title: card.title });
  if (op.type === 'moveCard' && (entry.followUps?.length ?? 0) > 0) return t('operations.undo.steps.moveCardWithReason', { title });
  return t(`operations.undo.steps.${stepKey(op)}`, { title });
}

type LaneStep = 'renameLane' | 'addLane' | 'removeLane';
type AgendaStep = 'addBlock' | 'updateBlock' | 'moveBlock' | 'removeBlock';
type StepKey = Exclude<Operation['type'], LaneStep | AgendaStep | 'goToBlock' | 'timer' | 'setVotes' | 'receiveTopic'> | 'lane' | 'agenda' | 'other';

function stepKey(op: Operation): StepKey {
  switch (op.type) {
    case 'renameLane':
    case 'addLane':
    case 'removeLane':
      return 'lane';
    case 'addBlock':
    case 'updateBlock':
    case 'moveBlock':
    case 'removeBlock':
      return 'agenda';
    case 'setVotes':
      return 'vote';
    case 'goToBlock':
    case 'timer':
    case 'receiveTopic':
      return 'other';
    default:
      return op.type;
  }
}
