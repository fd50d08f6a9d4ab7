import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { lacksNarrative, type Card } from '../../../core/model';
import { useBoard } from '../store/board-store';
import { countRender } from '../perf/render-count';
import { actionCounts, exchangeParts, isHiddenCaricature, metricLine, revealedDots } from './card-text';
import { CheckIcon, FlagIcon, NotesIcon, QuestionIcon } from './card-icons';
import './cards.css';

export type CardFaceProps =
  /** A card on the board: everything it shows comes in as props, so the face re-renders only when they change. */
  | { readonly card: Card; readonly hidden: boolean; readonly dots: number | null; readonly lifted?: boolean }
  /** The drag overlay: the face of the card being dragged, lifted. */
  | { readonly title: string; readonly lifted: true; readonly card?: undefined };

/**
 * What a card looks like, without behaviour: used on the board and in the drag overlay. Calm and
 * large for the projector: the title first, then only what the card holds. Everything the face
 * shows by colour is also said in words (badges here, the description for screen readers).
 */
export const CardFace = memo(function CardFace(props: CardFaceProps) {
  countRender('CardFace');
  if (props.card === undefined) return <DraggedCardFace />;
  return <CardFaceView card={props.card} hidden={props.hidden} dots={props.dots} lifted={props.lifted ?? false} />;
});

/** The lifted face in the drag overlay, of the card being dragged (a hidden caricature stays covered). */
function DraggedCardFace() {
  const card = useBoard((s) => (s.drag ? s.history.present.cards[s.drag.cardId] : undefined));
  const hidden = useBoard((s) => (s.drag ? isHiddenCaricature(s.history.present, s.drag.cardId) : false));
  const dots = useBoard((s) => (s.drag ? revealedDots(s.history.present, s.drag.cardId) : null));
  return card ? <CardFaceView card={card} hidden={hidden} dots={dots} lifted /> : null;
}

function CardFaceView({ card, hidden, dots, lifted }: { card: Card; hidden: boolean; dots: number | null; lifted: boolean }) {
  const { t } = useTranslation();
  const classes = ['card-face', `card-face--${card.kind}`];
  if (lifted) classes.push('card-face--lifted');
  if (card.colour) classes.push(`card-face--colour-${card.colour}`);
  const unresolved = card.kind === 'topic' && card.lead === 'unresolved';
  if (unresolved) classes.push('card-face--unresolved');
  if (hidden) classes.push('card-face--hidden');
  const flagged = lacksNarrative(card);
  if (flagged) classes.push('card-face--flagged');
  if (card.kind === 'caricature' && card.caricature.cleared && !hidden) classes.push('card-face--cleared');

  return (
    <div className={classes.join(' ')}>
      {card.kind === 'caricature' && <span className="card-kicker">{t(`cards.view.${card.caricature.view}`)}</span>}
      {card.kind === 'metric' && (
        <span className="card-kicker">{card.metric.owner ? t('cards.face.metricOwner', { side: t(`cards.side.${card.metric.owner}`) }) : t('cards.face.metricNoOwner')}</span>
      )}
      {hidden ? (
        <span className="card-title card-title--hidden">{t('cards.face.hidden')}</span>
      ) : (
        <span className="card-title">{card.title}</span>
      )}
      {!hidden && <CardDetails card={card} />}
      <CardBadges card={card} hidden={hidden} dots={dots} unresolved={unresolved} flagged={flagged} />
    </div>
  );
}

/** What the card holds beyond its title, each only when given. */
function CardDetails({ card }: { card: Card }) {
  const { t } = useTranslation();
  const metric = card.kind === 'metric' ? metricLine(card.metric, t) : '';
  const exchange = card.kind === 'topic' ? exchangeParts(card.exchange, t) : [];
  const truth = card.kind === 'caricature' ? card.caricature.truth.trim() : '';
  const narrative = card.kind === 'metric' ? card.metric.narrative.trim() : '';
  const why = card.why.trim();
  return (
    <>
      {metric && <span className="card-metric">{metric}</span>}
      {narrative && <span className="card-narrative">{narrative}</span>}
      {truth && <span className="card-truth">{t('cards.face.truth', { truth })}</span>}
      {exchange.length > 0 && (
        <span className="card-exchange">
          {exchange.map((part) => (
            <span key={part}>{part}</span>
          ))}
        </span>
      )}
      {why && <span className="card-why">{t('cards.face.why', { why })}</span>}
      {card.tags.length > 0 && (
        <span className="card-tags">
          {card.tags.map((tag) => (
            <span key={tag} className="card-tag">
              {tag}
            </span>
          ))}
        </span>
      )}
    </>
  );
}

/**
 * The line of small marks: lead (hidden by cards.css when the card stands in its lead's own lane),
 * flags, action items, notes, dots. Unresolved and flagged cards also change their border, so the
 * mark does not rest on colour alone.
 */
function CardBadges(props: { card: Card; hidden: boolean; dots: number | null; unresolved: boolean; flagged: boolean }) {
  const { t } = useTranslation();
  const { card, hidden, dots, unresolved, flagged } = props;
  const { done, count } = actionCounts(card);
  const cleared = card.kind === 'caricature' && card.caricature.cleared && !hidden;
  const badges = [
    unresolved && (
      <span key="lead" className="card-badge card-badge--unresolved">
        <QuestionIcon />
        {t('cards.face.unresolved')}
      </span>
    ),
    card.kind === 'topic' && !unresolved && (
      <span key="lead" className={`card-badge card-lead card-lead--${card.lead}`}>
        {t('cards.face.leadBadge', { lead: t(`cards.lead.${card.lead}`) })}
      </span>
    ),
    flagged && (
      <span key="flag" className="card-badge card-badge--flagged">
        <FlagIcon />
        {t('cards.face.noNarrative')}
      </span>
    ),
    cleared && (
      <span key="cleared" className="card-badge card-badge--cleared">
        <CheckIcon />
        {t('cards.face.cleared')}
      </span>
    ),
    count > 0 && (
      <span key="actions" className={done === count ? 'card-badge card-badge--done' : 'card-badge'}>
        <CheckIcon />
        {t('cards.face.actions', { done, count })}
      </span>
    ),
    !hidden && card.notes.trim() !== '' && (
      <span key="notes" className="card-badge">
        <NotesIcon />
        {t('cards.face.notes')}
      </span>
    ),
    dots !== null && dots > 0 && (
      <span key="dots" className="card-badge card-badge--dots">
        {t('cards.face.dots', { count: dots })}
      </span>
    ),
  ].filter(Boolean);
  return badges.length > 0 ? <span className="card-badges">{badges}</span> : null;
}
