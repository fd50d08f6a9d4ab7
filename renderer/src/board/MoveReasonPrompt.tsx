import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cardLimits, type CardId } from '../../../core/model';
import { useBoard } from '../store/board-store';
import { useDraft } from '../store/drafts';
import { keepOrDrop } from '../ui/fields';
import { usePaintedSince } from '../ui/next-frame';
import { focusCard } from './card-elements';
import { cardLabel, isHiddenCaricature } from './card-text';
import { laneName } from './lane-name';
import './cards.css';

/**
 * After a card crossed lanes, a small bar asks why — not a dialog: the board stays usable, the
 * next drag or any other change dismisses it (board-store clears the prompt), and it hides while
 * a card is being dragged. Its field takes the focus; Enter saves the reason, Escape skips, and
 * either puts the focus back on the card.
 */
export function MoveReasonPrompt() {
  const prompt = useBoard((s) => s.reasonPrompt);
  const dragging = useBoard((s) => s.drag !== null);
  const movedAt = useBoard((s) => (s.reasonPrompt ? s.history.present.cards[s.reasonPrompt.cardId]?.moves[s.reasonPrompt.moveIndex]?.at : undefined));
  const stale = prompt !== null && movedAt === undefined;
  const key = prompt && !dragging && movedAt !== undefined ? `${prompt.cardId}:${prompt.moveIndex}:${movedAt}` : null;
  // After a pointer drop the question comes in the frame after the drop's: mounted (and focused)
  // within it, it made that frame 10–15 ms longer with 1,000 cards (docs/performance.md, "Issue #18",
  // point 9). After a keyboard drop it comes at once: the next keys are the answer, or Escape.
  const painted = usePaintedSince(key);
  const shown = prompt?.afterPaint === true ? painted : true;

  // The move is gone (undone, or the card deleted): nothing left to ask about.
  useEffect(() => {
    if (stale) useBoard.getState().dismissReasonPrompt();
  }, [stale]);

  if (!prompt || key === null || !shown) return null;
  return <ReasonBar key={key} cardId={prompt.cardId} moveIndex={prompt.moveIndex} />;
}

function ReasonBar({ cardId, moveIndex }: { cardId: CardId; moveIndex: number }) {
  const { t } = useTranslation();
  const move = useBoard((s) => s.history.present.cards[cardId]?.moves[moveIndex]);
  const card = useBoard((s) => s.history.present.cards[cardId]);
  const hidden = useBoard((s) => isHiddenCaricature(s.history.present, cardId));
  const lanes = useBoard((s) => s.history.present.lanes);
  const [draft, setDraft] = useState('');
  const pending = useDraft();
  const bar = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const finished = useRef(false);
  // Whether the facilitator has clicked or tabbed since the question opened: only their hand moves the focus away.
  const handMoved = useRef(false);
  const questionId = useId();

  useEffect(() => {
    const moved = (event: Event) => {
      if (event.type === 'pointerdown' || (event instanceof globalThis.KeyboardEvent && event.key === 'Tab')) handMoved.current = true;
    };
    window.addEventListener('pointerdown', moved, true);
    window.addEventListener('keydown', moved, true);
    return () => {
      window.removeEventListener('pointerdown', moved, true);
      window.removeEventListener('keydown', moved, true);
    };
  }, []);

  useEffect(() => {
    const input = field.current;
    // The question is fixed at the window's foot, always in view: a focus that scrolls would lay the
    // page out within the drop's frame for nothing.
    input?.focus({ preventScroll: true });
    // After a keyboard drop dnd-kit gives the focus back to the card one frame later; the question
    // takes it again after that, unless the facilitator has already gone somewhere else.
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => {
        const active = document.activeElement;
        if (active === document.body || (active instanceof HTMLElement && active.dataset.cardId === cardId)) input?.focus({ preventScroll: true });
      });
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [cardId]);

  if (!move || !card) return null;
  const fromLane = lanes[move.fromLaneId];
  const toLane = lanes[move.toLaneId];
  const question = t('cards.reason.question', {
    title: cardLabel(card, hidden, t),
    from: fromLane ? laneName(fromLane, t) : t('cards.details.removedLane'),
    to: toLane ? laneName(toLane, t) : t('cards.details.removedLane'),
  });

  const save = () => {
    pending.done();
    const state = useBoard.getState();
    if (draft.trim() !== '') state.dispatch({ type: 'setMoveReason', cardId, moveIndex, reason: draft });
    useBoard.getState().dismissReasonPrompt();
  };

  /** Ends the prompt from its own keys or buttons: the focus goes back to the card. */
  const finish = (keep: boolean) => {
    finished.current = true;
    if (keep) save();
    else {
      pending.done();
      useBoard.getState().dismissReasonPrompt();
    }
    focusCard(cardId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && draft === '') {
      // Nothing typed yet, so Ctrl+Z means the board: undo the move that was just made.
      event.preventDefault();
      finished.current = true;
      useBoard.getState().dismissReasonPrompt();
      useBoard.getState().undo();
      requestAnimationFrame(() => focusCard(cardId));
    } else keepOrDrop(event, finish);
  };

  // Leaving the field for the board keeps what was typed; an empty field leaves the question open.
  const onBlur = (event: FocusEvent<HTMLInputElement>) => {
    if (finished.current || bar.current?.contains(event.relatedTarget)) return;
    // dnd-kit hands the focus back to a dropped card a frame or more after the drop; on a slow
    // machine that lands after the question took it and typing has begun. Not the facilitator's
    // doing: the question keeps the focus and what was typed.
    const target = event.relatedTarget;
    if (!handMoved.current && target instanceof HTMLElement && target.dataset.cardId === cardId) {
      const field = event.currentTarget;
      // Taken back once the card has it: a focus call inside blur would lose to the card.
      setTimeout(() => field.focus({ preventScroll: true }), 0);
      return;
    }
    if (draft.trim() !== '') {
      finished.current = true;
      save();
    }
  };

  return (
    <div className="reason-prompt" role="group" aria-labelledby={questionId} ref={bar}>
      <p className="reason-question" id={questionId}>
        {question}
      </p>
      <input
        ref={field}
        className="reason-field"
        aria-labelledby={questionId}
        placeholder={t('cards.reason.placeholder')}
        value={draft}
        maxLength={cardLimits.shortText}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setDraft(next);
          if (next.trim() === '') pending.done();
          else pending.update(() => useBoard.getState().dispatch({ type: 'setMoveReason', cardId, moveIndex, reason: next }));
        }}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      <button type="button" className="tool-button tool-button--primary" onClick={() => finish(true)}>
        {t('cards.reason.save')}
      </button>
      <button type="button" className="tool-button" aria-keyshortcuts="Escape" onClick={() => finish(false)}>
        {t('cards.reason.skip')}
      </button>
    </div>
  );
}
