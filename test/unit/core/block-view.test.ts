/**
 * Which view the board shows per block, and what the block views hold (core/block-view.ts); the
 * zoom step from "fit" (never larger when zooming out).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workshopAgenda } from '../../../core/agenda';
import { zoomLimits } from '../../../core/audience';
import {
  blockViewOf,
  caricatureColumns,
  fitFloor,
  hiddenCount,
  laneForNewCard,
  metricCards,
  shownBoardView,
  steppedZoom,
} from '../../../core/block-view';
import { cardKinds, createSession, lacksNarrative, type Session } from '../../../core/model';
import { applyOperation } from '../../../core/operations';
import { readingOrder } from '../../../core/placement';

function workshop(): Session {
  let n = 0;
  return createSession(
    's',
    { title: 'Kick-off' },
    workshopAgenda(() => `b${++n}`),
  );
}

const inBlock = (session: Session, kind: string): Session =>
  applyOperation(session, { type: 'goToBlock', blockId: session.agenda.find((block) => block.kind === kind)?.id ?? null });

describe('the view of each block', () => {
  it('is the caricature view in the caricatures block, the metrics view in the metrics block, the lanes elsewhere', () => {
    const session = workshop();
    expect(blockViewOf(session)).toBe('lanes');
    expect(blockViewOf(inBlock(session, 'lead'))).toBe('lanes');
    expect(blockViewOf(inBlock(session, 'caricatures'))).toBe('caricatures');
    expect(blockViewOf(inBlock(session, 'mission'))).toBe('lanes');
    expect(blockViewOf(inBlock(session, 'metrics'))).toBe('metrics');
  });

  it('gives way to the lanes when the facilitator asks for the topics', () => {
    const session = inBlock(workshop(), 'metrics');
    expect(shownBoardView(session, false)).toBe('metrics');
    expect(shownBoardView(session, true)).toBe('lanes');
  });

  it('puts each caricature in the column of its view, in reading order, and nothing else', () => {
    let session = workshop();
    session = applyOperation(session, { type: 'addCard', cardId: 't1', laneId: 'marketing', title: 'Topic' });
    session = applyOperation(session, {
      type: 'addCard',
      cardId: 'm1',
      laneId: 'marketing',
      title: 'Sales only wants discounts',
      kind: 'caricature',
    });
    session = applyOperation(session, { type: 'addCard', cardId: 's1', laneId: 'sales', title: 'Marketing paints pictures', kind: 'caricature' });
    session = applyOperation(session, { type: 'addCard', cardId: 'm2', laneId: 'marketing', title: 'Sales never call back', kind: 'caricature' });
    expect(caricatureColumns(session)).toEqual([
      { view: 'marketingOnSales', side: 'marketing', cardIds: ['m1', 'm2'] },
      { view: 'salesOnMarketing', side: 'sales', cardIds: ['s1'] },
    ]);
  });

  it('lists every metric once, those without a narrative first (property)', () => {
    const cards = fc.array(fc.tuple(fc.constantFrom('marketing', 'seam', 'sales'), fc.constantFrom(...cardKinds), fc.constantFrom('', 'A story')), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(cards, (specs) => {
        let session = workshop();
        specs.forEach(([laneId, kind, narrative], i) => {
          session = applyOperation(session, { type: 'addCard', cardId: `c${i}`, laneId, title: `Card ${i}`, kind });
          session = applyOperation(session, { type: 'updateCard', cardId: `c${i}`, changes: { metric: { narrative } } });
        });
        const listed = metricCards(session);
        const metrics = readingOrder(session).filter((id) => session.cards[id]?.kind === 'metric');
        expect([...listed].sort()).toEqual([...metrics].sort());
        const flags = listed.map((id) => {
          const card = session.cards[id];
          return card !== undefined && lacksNarrative(card);
        });
        // Once an unflagged metric comes, no flagged one follows.
        expect(flags.indexOf(false) === -1 || flags.lastIndexOf(true) < flags.indexOf(false)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('adds a new card of a block view to the lane of its side', () => {
    const session = workshop();
    expect(laneForNewCard(session, 'sales')).toBe('sales');
    expect(laneForNewCard(session, 'seam')).toBe('seam');
  });

  it('counts the cards the room does not see wholly', () => {
    expect(hiddenCount(6, 4)).toBe(2);
    expect(hiddenCount(3, 3)).toBe(0);
    expect(hiddenCount(3, 5)).toBe(0);
  });
});

describe('zoom steps', () => {
  const shown = fc.double({ min: zoomLimits.min, max: zoomLimits.max, noNaN: true });

  it('never enlarges when zooming out, and never shrinks when zooming in, from any zoom — a fitted one too (property)', () => {
    fc.assert(
      fc.property(shown, (zoom) => {
        expect(steppedZoom(zoom, -1)).toBeLessThanOrEqual(zoom + 1e-9);
        expect(steppedZoom(zoom, 1)).toBeGreaterThanOrEqual(zoom - 1e-9);
        expect(steppedZoom(zoom, -1)).toBeGreaterThanOrEqual(zoomLimits.min);
        expect(steppedZoom(zoom, 1)).toBeLessThanOrEqual(zoomLimits.max);
      }),
    );
  });

  it('steps on the grid of quarters: fitted 55 % out goes to 50 %, in to 75 %; 100 % out goes to 75 %', () => {
    expect(steppedZoom(0.55, -1)).toBe(0.5);
    expect(steppedZoom(0.55, 1)).toBe(0.75);
    expect(steppedZoom(1, -1)).toBe(0.75);
    expect(steppedZoom(1, 1)).toBe(1.25);
  });

  it('keeps fitted type readable: the floor keeps 34 px titles at 24 px or more', () => {
    expect(34 * fitFloor).toBeGreaterThanOrEqual(24);
  });
});
