/** Counts a component's renders for the bench (bench/statistics.ts names them); docs/performance.md. */
type RenderCounts = Record<string, number>;

/**
 * Counts one render of `name` when the bench has installed `window.__nahtstelleRenderCounts`
 * before the app started; otherwise one property check per render. Call it first in a component.
 */
export function useBenchRenderCount(name: string): void {
  const counts = (globalThis as { __nahtstelleRenderCounts?: RenderCounts }).__nahtstelleRenderCounts;
  if (counts) counts[name] = (counts[name] ?? 0) + 1;
}
