/** How long the phone waits before it tries the room again. docs/ARCHITECTURE.md, "Phones in the room". */

export const backoff = { firstMs: 500, maxMs: 15_000 } as const;

/**
 * The wait before reconnect attempt `attempt` (0 = the first after a drop): doubling from half a
 * second up to 15 s, each spread by up to a half at random, so forty phones that lost the same
 * Wi-Fi do not all knock at the same moment.
 */
export function reconnectDelay(attempt: number, random: number): number {
  const base = Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(base * (0.5 + Math.min(Math.max(random, 0), 1) / 2));
}
