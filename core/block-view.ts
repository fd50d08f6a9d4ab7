/** Which view the board shows, and what it holds, decided from the session alone. docs/ARCHITECTURE.md, "Views per block". */
import { zoomLimits } from './audience';
import { caricatureViews, lacksNarrative, type CardId, type CaricatureView, type Session } from './model';
import { readingOrder } from './placement';

/** The lanes, or the view of the caricatures block, or the view of the metrics block. */
export const boardViews = ['lanes', 'caricatures', 'metrics'] as const;
export type BoardView = (typeof boardViews)[number];

/** The view the active block asks for; the lanes in every other block and with no block running. */
export function blockViewOf(session: Session): BoardView {
  const block = session.activeBlockId === null ? undefined : session.agenda.find((candidate) => candidate.id === session.activeBlockId);
  if (block?.kind === 'caricatures') return 'caricatures';
  if (block?.kind === 'metrics') return 'metrics';
  return 'lanes';
}

/** What the board shows: the block's view, unless the facilitator asked for the topics (the lanes). */
export function shownBoardView(session: Session, topicsAsked: boolean): BoardView {
  return topicsAsked ? 'lanes' : blockViewOf(session);
}

/** One side's picture of the other: its caricature cards in reading order, and the side that holds it. */
export interface CaricatureColumn {
  readonly view: CaricatureView;
  readonly side: 'marketing' | 'sales';
  readonly cardIds: readonly CardId[];
}

/** The metrics view's one list: its key for the scroll position, and the lane new metrics go to. */
export const metricsColumn = { key: 'metrics', side: 'seam' } as const;

/** "How Marketing sees Sales" beside "how Sales sees Marketing", each with every caricature on the board. */
export function caricatureColumns(session: Session): CaricatureColumn[] {
  const caricatures = readingOrder(session).filter((cardId) => session.cards[cardId]?.kind === 'caricature');
  return caricatureViews.map((view) => ({
    view,
    side: view === 'marketingOnSales' ? 'marketing' : 'sales',
    cardIds: caricatures.filter((cardId) => session.cards[cardId]?.caricature.view === view),
  }));
}

/** Every metric card on the board: those still without a narrative first, else in reading order. */
export function metricCards(session: Session): CardId[] {
  const metrics = readingOrder(session).filter((cardId) => session.cards[cardId]?.kind === 'metric');
  const flagged = metrics.filter((cardId) => {
    const card = session.cards[cardId];
    return card !== undefined && lacksNarrative(card);
  });
  return [...flagged, ...metrics.filter((cardId) => !flagged.includes(cardId))];
}

/** The lane a new card of a block view goes to: the first lane of the given kind, else the first lane. */
export function laneForNewCard(session: Session, laneKind: 'marketing' | 'sales' | 'seam'): string | undefined {
  return session.laneOrder.find((laneId) => session.lanes[laneId]?.kind === laneKind) ?? session.laneOrder[0];
}

/**
 * The smallest zoom "fit" goes to on the projector. Card titles are 34 px at 100 % in presentation
 * mode and the audience window, detail text 22 px: at 0.75 titles stay at 25.5 px and details at
 * 16.5 px, readable from the back rows. What does not fit at this zoom is paged ("+N more").
 */
export const fitFloor = 0.75;

/**
 * One zoom step from the zoom now shown. From "fit" the step starts at the fitted zoom, so zooming
 * out right after fitting never makes the board larger (and zooming in never smaller).
 */
export function steppedZoom(shown: number, direction: 1 | -1): number {
  const step = zoomLimits.step;
  const onGrid = Math.round(shown / step) * step;
  // Off the grid (a fitted 0.6), a step goes to the grid's next value in that direction.
  const next =
    Math.abs(onGrid - shown) < 1e-9 ? shown + direction * step : direction > 0 ? Math.ceil(shown / step) * step : Math.floor(shown / step) * step;
  return Math.min(zoomLimits.max, Math.max(zoomLimits.min, next));
}

/** How many of a list's cards the room does not see wholly: "+N more". */
export function hiddenCount(total: number, whollyShown: number): number {
  return Math.max(0, total - Math.max(0, whollyShown));
}
