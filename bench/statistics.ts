/**
 * The board bench's figures: quantiles, and React render counts per pointer move against their budget.
 * docs/performance.md, "Board with 1,000 cards: method".
 */

/** The components whose renders the bench counts (renderer/src/ui/render-count.ts). */
export const components = ['Board', 'Lane', 'Card', 'DraggableCard', 'CardFace'] as const;
export type Component = (typeof components)[number];
export type Counts = Record<Component, number>;

/** What a pointer move did to the dragged card's placement. */
export type MoveKind = 'same' | 'reorder' | 'cross';

export function toCounts(raw: Partial<Record<string, number>>): Counts {
  return { Board: raw.Board ?? 0, Lane: raw.Lane ?? 0, Card: raw.Card ?? 0, DraggableCard: raw.DraggableCard ?? 0, CardFace: raw.CardFace ?? 0 };
}

export function sameCounts(a: Counts, b: Counts): boolean {
  return components.every((c) => a[c] === b[c]);
}

export function diffCounts(after: Counts, before: Counts): Counts {
  return toCounts(Object.fromEntries(components.map((c) => [c, after[c] - before[c]])));
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1)); // nearest rank
  return sorted[rank] ?? NaN;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
export const p95 = (values: readonly number[]) => quantile(values, 0.95);
export const max = (values: readonly number[]) => (values.length === 0 ? NaN : Math.max(...values));
export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
export const round = (value: number) => Math.round(value * 100) / 100;

export function stats(values: readonly number[]) {
  return { n: values.length, median: round(median(values)), p95: round(p95(values)), max: round(max(values)) };
}

export function formatCounts(counts: Counts): string {
  return components.map((c) => `${c} ${counts[c]}`).join(', ');
}

/**
 * What one pointer move may re-render: the dragged card (its face on the board and in the overlay;
 * remounted when it changes lanes, then re-rendered for its new transform) and the lanes whose card
 * lists change: none when the placement stays, one for a reorder, two when it changes lanes.
 */
export function allowedRenders(kind: MoveKind): Counts {
  return { Board: 0, Lane: kind === 'same' ? 0 : kind === 'reorder' ? 1 : 2, Card: 2, DraggableCard: 2, CardFace: 2 };
}

export const kindLabels: Record<MoveKind, string> = {
  same: 'placement unchanged',
  reorder: 'reorder within a lane',
  cross: 'crosses a lane boundary',
};

export interface RenderSummary {
  byKind: Record<MoveKind, { moves: number; max: Counts; median: Counts; violations: Counts }>;
  total: Counts;
  maxPerMove: Counts;
  violations: Counts;
}

export function summariseRenders(moves: readonly { readonly kind: MoveKind; readonly renders: Counts }[]): RenderSummary {
  const byKind = {} as RenderSummary['byKind'];
  const total = toCounts({});
  const maxPerMove = toCounts({});
  const violations = toCounts({});
  for (const kind of ['same', 'reorder', 'cross'] as const) {
    const ofKind = moves.filter((m) => m.kind === kind);
    const allowed = allowedRenders(kind);
    const kindMax = toCounts({});
    const kindViolations = toCounts({});
    for (const m of ofKind) {
      for (const c of components) {
        kindMax[c] = Math.max(kindMax[c], m.renders[c]);
        total[c] += m.renders[c];
        maxPerMove[c] = Math.max(maxPerMove[c], m.renders[c]);
        if (m.renders[c] > allowed[c]) {
          kindViolations[c]++;
          violations[c]++;
        }
      }
    }
    const kindMedian = toCounts(Object.fromEntries(components.map((c) => [c, median(ofKind.map((m) => m.renders[c]))])));
    byKind[kind] = { moves: ofKind.length, max: kindMax, median: kindMedian, violations: kindViolations };
  }
  return { byKind, total, maxPerMove, violations };
}
