import { memo, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoard } from '../store/board-store';
import { useBenchRenderCount } from '../ui/render-count';
import { faceParts, isHiddenCaricature, laneKindOfCard, revealedDots, type FaceBadge, type FaceParts } from './card-text';
import { CheckIcon, FlagIcon, NotesIcon, QuestionIcon } from './card-icons';
import './cards.css';

export type CardFaceProps =
  /** A card on the board: what it shows, worded (card-text.ts faceParts); re-renders only when that changes. */
  | { readonly parts: FaceParts; readonly lifted?: boolean }
  /** The drag overlay: the face of the card being dragged, lifted. */
  | { readonly lifted: true; readonly parts?: undefined };

/**
 * What a card looks like, without behaviour: used on the board and in the drag overlay. Calm and
 * large for the projector: the title first, then only what the card holds. What the face marks by
 * colour it also says in words (badges), and the card's accessible name is exactly this text.
 */
export const CardFace = memo(function CardFace(props: CardFaceProps) {
  useBenchRenderCount('CardFace');
  if (props.parts === undefined) return <DraggedCardFace />;
  return <CardFaceView parts={props.parts} lifted={props.lifted ?? false} />;
});

/** The lifted face in the drag overlay, of the card being dragged (a hidden caricature stays covered). */
function DraggedCardFace() {
  const { t } = useTranslation();
  const card = useBoard((s) => (s.drag ? s.history.present.cards[s.drag.cardId] : undefined));
  const hidden = useBoard((s) => (s.drag ? isHiddenCaricature(s.history.present, s.drag.cardId) : false));
  const dots = useBoard((s) => (s.drag ? revealedDots(s.history.present, s.drag.cardId) : null));
  const laneKind = useBoard((s) => (s.drag ? laneKindOfCard(s.history.present.lanes, s.drag.cardId) : null));
  const parts = useMemo(() => (card ? faceParts(card, { hidden, dots, laneKind }, t) : null), [card, hidden, dots, laneKind, t]);
  return parts ? <CardFaceView parts={parts} lifted /> : null;
}

function CardFaceView({ parts, lifted }: { parts: FaceParts; lifted: boolean }) {
  const classes = ['card-face', `card-face--${parts.kind}`];
  if (lifted) classes.push('card-face--lifted');
  if (parts.colour) classes.push(`card-face--colour-${parts.colour}`);
  if (parts.attention) classes.push('card-face--attention');
  if (parts.hidden) classes.push('card-face--hidden');
  if (parts.cleared) classes.push('card-face--cleared');

  // The order here is the order of faceText (card-text.ts), which names the card. A space between
  // the parts keeps their words apart for whatever reads the text (flex layout ignores it).
  const items: ReactNode[] = [part('title', parts.hidden ? 'card-title card-title--hidden' : 'card-title', parts.title)];
  if (parts.kindLine) items.push(part('kind', 'card-kind-line', parts.kindLine));
  if (parts.metric) items.push(part('metric', 'card-metric', parts.metric));
  if (parts.narrative) items.push(part('narrative', 'card-narrative', parts.narrative));
  if (parts.truth) items.push(part('truth', 'card-truth', parts.truth));
  if (parts.exchange.length > 0) {
    items.push(part('exchange', 'card-exchange', spaced(parts.exchange.map((text) => <span key={text}>{text}</span>))));
  }
  if (parts.why) items.push(part('why', 'card-why', parts.why));
  if (parts.tags.length > 0) {
    items.push(part('tags', 'card-tags', spaced(parts.tags.map((tag) => part(tag, 'card-tag', tag)))));
  }
  if (parts.badges.length > 0) {
    items.push(
      part(
        'badges',
        'card-badges',
        spaced(
          parts.badges.map((badge) => (
            <span key={badge.key} className={`card-badge card-badge--${badge.tone} card-badge--${badge.key}`}>
              <BadgeIcon badge={badge} />
              {badge.text}
            </span>
          )),
        ),
      ),
    );
  }
  return <div className={classes.join(' ')}>{spaced(items)}</div>;
}

/** One part of the face: a span of its own class. */
function part(key: string, className: string, content: ReactNode): ReactNode {
  return (
    <span key={key} className={className}>
      {content}
    </span>
  );
}

/** The items with a space between each two. */
function spaced(items: ReactNode[]): ReactNode[] {
  return items.flatMap((item, index) => (index === 0 ? [item] : [' ', item]));
}

function BadgeIcon({ badge }: { badge: FaceBadge }) {
  switch (badge.key) {
    case 'unresolved':
      return <QuestionIcon />;
    case 'flagged':
      return <FlagIcon />;
    case 'cleared':
    case 'actions':
      return <CheckIcon />;
    case 'notes':
      return <NotesIcon />;
    default:
      return null;
  }
}
