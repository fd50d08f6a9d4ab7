import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardId } from '../../../core/model';
import { readingOrder } from '../../../core/placement';
import { CardFace } from '../board/CardFace';
import { faceParts, isHiddenCaricature, laneKindOfCard, revealedDots, shownTitle } from '../board/card-text';
import { DeleteIcon as CloseIcon, NextIcon, PreviousIcon } from '../ui/icons';
import { ariaKeyShortcuts } from '../ui/shortcut-keys';
import { useBoard } from '../store/board-store';
import { closeSpotlight, stepSpotlight } from './commands';
import { usePresentation } from '../store/presentation-store';

/**
 * The spotlight: one card enlarged in the middle of the screen, the board dimmed behind it. The
 * arrow keys step through the cards in reading order (ui/shortcut-keys.ts), Escape or a click
 * beside the card ends it. A hidden caricature stays covered here too.
 */
export function Spotlight() {
  const cardId = usePresentation((s) => s.spotlightCardId);
  return cardId === null ? null : <SpotlightCard cardId={cardId} />;
}

/** Subscribes to the board only while there is a spotlight. */
function SpotlightCard({ cardId }: { cardId: CardId }) {
  const { t } = useTranslation();
  const card = useBoard((s) => s.history.present.cards[cardId]);
  const hidden = useBoard((s) => isHiddenCaricature(s.history.present, cardId));
  const dots = useBoard((s) => revealedDots(s.history.present, cardId));
  const laneKind = useBoard((s) => laneKindOfCard(s.history.present.lanes, cardId));
  const index = useBoard((s) => readingOrder(s.history.present).indexOf(cardId));
  const count = useBoard((s) => readingOrder(s.history.present).length);
  const position = { index, count };
  const parts = useMemo(() => (card ? faceParts(card, { hidden, dots, laneKind }, t) : null), [card, hidden, dots, laneKind, t]);

  // Said once per card that comes into the spotlight.
  useEffect(() => {
    if (position.index < 0) return;
    const state = useBoard.getState();
    state.announce(
      t('present.spotlight.announce', { title: shownTitle(state.history.present, cardId, t), position: position.index + 1, count: position.count }),
    );
  }, [cardId, position.index, position.count, t]);

  if (!parts) return null;
  return (
    <div className="spotlight">
      <div className="spotlight-backdrop" aria-hidden="true" onClick={closeSpotlight} />
      <section className="spotlight-card" aria-label={t('present.spotlight.label')}>
        <CardFace parts={parts} />
        {/* For a mouse or a touch screen: the arrow keys do the same. */}
        <div className="spotlight-steps">
          <button
            type="button"
            className="icon-button"
            aria-label={t('present.spotlight.previous')}
            aria-keyshortcuts={ariaKeyShortcuts('spotlightPrevious')}
            disabled={position.index <= 0}
            onClick={() => stepSpotlight(-1)}
          >
            <PreviousIcon />
          </button>
          <p className="spotlight-position">{t('present.spotlight.position', { position: position.index + 1, count: position.count })}</p>
          <button
            type="button"
            className="icon-button"
            aria-label={t('present.spotlight.next')}
            aria-keyshortcuts={ariaKeyShortcuts('spotlightNext')}
            disabled={position.index >= position.count - 1}
            onClick={() => stepSpotlight(1)}
          >
            <NextIcon />
          </button>
        </div>
        <button type="button" className="icon-button spotlight-close" aria-label={t('present.spotlight.close')} onClick={closeSpotlight}>
          <CloseIcon />
        </button>
      </section>
    </div>
  );
}
