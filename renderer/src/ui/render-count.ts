/**
 * Render counting for the benchmark, which installs `window.__nahtstelleRenderCounts` before the
 * app starts. Without it this is one property check per render.
 */
type RenderCounts = Record<string, number>;

export function countRender(component: string): void {
  const counts = (globalThis as { __nahtstelleRenderCounts?: RenderCounts }).__nahtstelleRenderCounts;
  if (counts) counts[component] = (counts[component] ?? 0) + 1;
}
