/** The board bench's statistics (bench/statistics.ts): nearest-rank quantiles and the render budget per move. */
import { describe, expect, it } from 'vitest';
import {
  allowedRenders,
  diffCounts,
  formatCounts,
  max,
  median,
  ms,
  p95,
  quantile,
  stats,
  summariseRenders,
  toCounts,
  type Counts,
} from '../../../bench/statistics';

const counts = (values: Partial<Counts>): Counts => toCounts(values);

describe('quantiles', () => {
  const tenValues = [7, 1, 10, 3, 2, 9, 4, 8, 6, 5];

  it('takes the nearest rank, whatever the order', () => {
    expect(median(tenValues)).toBe(5);
    expect(p95(tenValues)).toBe(10);
    expect(quantile(tenValues, 0)).toBe(1);
    expect(max(tenValues)).toBe(10);
    expect(stats([1.234, 2.345, 3.456])).toEqual({ n: 3, median: 2.35, p95: 3.46, max: 3.46 });
  });

  it('has no value for no values, and prints it as n/a', () => {
    expect(median([])).toBeNaN();
    expect(max([])).toBeNaN();
    expect(ms(NaN)).toBe('n/a');
    expect(ms(16.66)).toBe('16.7 ms');
  });
});

describe('render counts', () => {
  it('fills missing components with 0 and takes differences per component', () => {
    expect(counts({ Lane: 2 })).toEqual({ Board: 0, Lane: 2, Card: 0, DraggableCard: 0, CardFace: 0 });
    expect(diffCounts(counts({ Lane: 5, Card: 3 }), counts({ Lane: 2, Card: 3 }))).toEqual(counts({ Lane: 3 }));
    expect(formatCounts(counts({ Board: 1 }))).toBe('Board 1, Lane 0, Card 0, DraggableCard 0, CardFace 0');
  });

  it('allows only the lanes whose lists change, and the dragged card', () => {
    expect(allowedRenders('same').Lane).toBe(0);
    expect(allowedRenders('reorder').Lane).toBe(1);
    expect(allowedRenders('cross')).toEqual({ Board: 0, Lane: 2, Card: 2, DraggableCard: 2, CardFace: 2 });
  });

  it('counts the moves over budget per kind and component', () => {
    const summary = summariseRenders([
      { kind: 'same', renders: counts({ DraggableCard: 1 }) },
      { kind: 'same', renders: counts({ DraggableCard: 1, Lane: 1 }) },
      { kind: 'reorder', renders: counts({ Lane: 1, DraggableCard: 1 }) },
      { kind: 'cross', renders: counts({ Lane: 2, Board: 1 }) },
    ]);
    expect(summary.byKind.same).toEqual({
      moves: 2,
      max: counts({ DraggableCard: 1, Lane: 1 }),
      median: counts({ DraggableCard: 1 }),
      violations: counts({ Lane: 1 }),
    });
    expect(summary.byKind.reorder.violations).toEqual(counts({}));
    expect(summary.violations).toEqual(counts({ Lane: 1, Board: 1 }));
    expect(summary.total).toEqual(counts({ DraggableCard: 3, Lane: 4, Board: 1 }));
    expect(summary.maxPerMove).toEqual(counts({ DraggableCard: 1, Lane: 2, Board: 1 }));
  });
});
