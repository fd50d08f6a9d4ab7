import { memo } from 'react';
import { countRender } from '../perf/render-count';

/** What a card looks like, without behaviour: used on the board and in the drag overlay. */
export const CardFace = memo(function CardFace({ title, lifted = false }: { title: string; lifted?: boolean }) {
  countRender('CardFace');
  return (
    <div className={lifted ? 'card-face card-face--lifted' : 'card-face'}>
      <span className="card-title">{title}</span>
    </div>
  );
});
