/** What opens over the board for one card: its details dialog and the "why did it move?" prompt. */
export function CardOverlays() {
  return null;
}
