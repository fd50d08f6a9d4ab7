/**
 * Puts the keyboard focus on a lane's header tools (its rename button), which scrolls the lane into view.
 * docs/ARCHITECTURE.md, "The control window".
 */
export function focusLaneTools(laneId: string | undefined): void {
  if (laneId === undefined) return;
  const button = document.querySelector<HTMLElement>(`[data-lane-tools="${CSS.escape(laneId)}"]`);
  button?.focus();
  button?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
