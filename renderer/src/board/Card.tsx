import { memo, useCallback, useContext, useId, useMemo, type ReactNode, type SyntheticEvent } from 'react';
import type { TFunction } from 'i18next';
import type { CardId } from '../../../core/model';
import { useBoard } from '../store/board-store';
import { useCardFound, useWorkshopUi } from '../store/workshop-store';
import { dragInstructionsId, registerCardElement } from './card-elements';
import { carryEvents, carryFrom } from './CardCarrier';
import { castVote, openCardDetails, removeCard } from './card-commands';
import { DotPlusIcon, InfoIcon, MinusIcon } from './card-icons';
import { cardLabel, describeCard, faceParts, faceText, isHiddenCaricature, laneKindOfCard, revealedDots, voterNameOf } from './card-text';
import { CardFace } from './CardFace';
import { CardTitleEditor } from './CardTitleEditor';
import { DeleteIcon, EditIcon } from '../ui/icons';
import { InFirstFrame } from '../ui/first-frame-context';
import { ariaKeyShortcuts } from '../ui/shortcut-keys';
import { useBenchRenderCount } from '../ui/render-count';

/**
 * A card on the board. Memoised by id; it selects its own card object and a few primitives, so it
 * re-renders when that card, its lane, its editing or dragging state, or its Find answer changes —
 * not when other cards move. (The drag preview keeps card objects and lanes as they are until the
 * drop.) Its list hands it `t` (the same function for all its cards until the language changes):
 * a translation hook per card costs more than the rest of a card's first render.
 */
export const Card = memo(function Card({ cardId, t }: { cardId: CardId; t: TFunction }) {
  useBenchRenderCount('Card');
  const card = useBoard((s) => s.history.present.cards[cardId]);
  const hidden = useBoard((s) => isHiddenCaricature(s.history.present, cardId));
  const dots = useBoard((s) => revealedDots(s.history.present, cardId));
  const laneKind = useBoard((s) => laneKindOfCard(s.history.present.lanes, cardId));
  const isDragged = useBoard((s) => s.drag?.inLanes === true && s.drag.cardId === cardId);
  const isEditing = useBoard((s) => s.editingCardId === cardId);
  const votingOpen = useWorkshopUi((s) => s.voterId !== null);
  const found = useCardFound(cardId);
  const inFirstFrame = useContext(InFirstFrame);
  const descriptionId = useId();
  // A hidden caricature is not edited in place, where the room would read it: its details open
  // instead, with the text behind "Show the text here".
  const edit = useCallback(() => (hidden ? openCardDetails(cardId) : useBoard.getState().setEditing(cardId)), [cardId, hidden]);
  const remove = useCallback(() => removeCard(cardId), [cardId]);
  const details = useCallback(() => openCardDetails(cardId), [cardId]);
  const parts = useMemo(() => (card ? faceParts(card, { hidden, dots, laneKind }, t) : null), [card, hidden, dots, laneKind, t]);
  if (!card || !parts) return null;
  // Named by everything its face shows (a plain card: its title); controls beside it by title alone.
  const name = faceText(parts);
  const label = cardLabel(card, hidden, t);

  const classes = ['card'];
  if (isDragged) classes.push('card--drag-origin');
  if (found === false) classes.push('card--dimmed');
  if (found === true) classes.push('card--found');

  return (
    <li className={classes.join(' ')} data-card-kind={card.kind} data-row={cardId}>
      {isEditing ? (
        <CardTitleEditor cardId={cardId} title={card.title} />
      ) : (
        <DraggableCard
          cardId={cardId}
          label={name}
          roleDescription={t('card.roleDescription')}
          descriptionId={descriptionId}
          carried={isDragged}
          onEdit={edit}
        >
          <CardFace parts={parts} />
        </DraggableCard>
      )}
      <span id={descriptionId} hidden>
        {describeCard(card, { hidden, dots, laneKind, voting: votingOpen }, t)}
      </span>
      {/* Shown on hover or focus only, which the first frame never has: left out of it (most of the frame's elements). */}
      {!inFirstFrame && (
        <div className="card-actions">
          <button
            type="button"
            className="icon-button"
            tabIndex={-1}
            aria-label={t('cards.actionsButton.details', { title: label })}
            aria-keyshortcuts={ariaKeyShortcuts('cardDetails')}
            onClick={details}
          >
            <InfoIcon />
          </button>
          <button type="button" className="icon-button" tabIndex={-1} aria-label={t('card.edit', { title: label })} onClick={edit}>
            <EditIcon />
          </button>
          <button type="button" className="icon-button" tabIndex={-1} aria-label={t('card.delete', { title: label })} onClick={remove}>
            <DeleteIcon />
          </button>
        </div>
      )}
      {votingOpen && !isDragged && <CardVotes cardId={cardId} label={label} votes={card.votes} t={t} />}
    </li>
  );
});

interface DraggableCardProps {
  cardId: CardId;
  label: string;
  roleDescription: string;
  descriptionId: string;
  carried: boolean;
  onEdit: () => void;
  children: ReactNode;
}

/**
 * The focusable, draggable part of a card. It holds no draggable of its own: pressed (or given
 * Space), it is lent the board's one draggable (CardCarrier.tsx), so a drag's start and drop
 * re-render only the carried card. Its keys (arrows, Enter, Delete, I, L, + and − …) are app
 * shortcuts (ui/shortcut-keys.ts), dispatched for the focused card; Space picks it up (dnd-kit's
 * keyboard sensor).
 */
function DraggableCard({ cardId, label, roleDescription, descriptionId, carried, onEdit, children }: DraggableCardProps) {
  useBenchRenderCount('DraggableCard');
  const ref = useCallback((element: HTMLDivElement | null) => registerCardElement(cardId, element), [cardId]);
  const handlers = useMemo(
    () => Object.fromEntries(carryEvents.map((eventName) => [eventName, (event: SyntheticEvent) => carryFrom(cardId, eventName, event)])),
    [cardId],
  );

  return (
    <div
      ref={ref}
      role="button"
      tabIndex={0}
      aria-roledescription={roleDescription}
      aria-pressed={carried ? true : undefined}
      {...handlers}
      aria-describedby={`${descriptionId} ${dragInstructionsId}`}
      onDoubleClick={onEdit}
      className="card-handle"
      aria-label={label}
      data-card-id={cardId}
    >
      {children}
    </div>
  );
}

/**
 * While voting is open: the current voter's dots on this card, with buttons beside the card (not
 * inside its draggable element, which is itself a button) to add or take back one.
 */
function CardVotes({ cardId, label, votes, t }: { cardId: CardId; label: string; votes: Readonly<Record<string, number>>; t: TFunction }) {
  const voterId = useWorkshopUi((s) => s.voterId);
  const voter = useBoard((s) => (voterId === null ? '' : voterNameOf(s.history.present, voterId, t)));
  const refused = useWorkshopUi((s) => s.refusedDotCard === cardId);
  if (voterId === null) return null;
  const mine = Object.hasOwn(votes, voterId) ? (votes[voterId] ?? 0) : 0;
  return (
    <div className="card-votes" role="group" aria-label={t('cards.vote.group', { title: label })}>
      <button
        type="button"
        className="icon-button card-vote-button"
        aria-label={t('cards.vote.remove', { voter, title: label })}
        aria-keyshortcuts={ariaKeyShortcuts('voteRemove')}
        disabled={mine === 0}
        onClick={() => castVote(cardId, -1, t)}
      >
        <MinusIcon />
      </button>
      <span className="card-vote-count">
        <span className="card-vote-dots" aria-hidden="true">
          {Array.from({ length: Math.min(mine, 10) }, (_, i) => (
            <span key={i} className="card-vote-dot" />
          ))}
        </span>
        {t('cards.vote.mine', { count: mine, voter })}
      </span>
      <button
        type="button"
        className="icon-button card-vote-button"
        aria-label={t('cards.vote.add', { voter, title: label })}
        aria-keyshortcuts={ariaKeyShortcuts('voteAdd')}
        onClick={() => castVote(cardId, 1, t)}
      >
        <DotPlusIcon />
      </button>
      {refused && (
        <p className="card-vote-refused" role="status">
          {t('cards.vote.noneLeft', { voter })}
        </p>
      )}
    </div>
  );
}
