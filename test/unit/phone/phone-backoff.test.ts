/** How long the phone waits before it tries the room again (renderer/phone/backoff.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoff, reconnectDelay } from '../../../renderer/phone/backoff';

describe('reconnect backoff', () => {
  it('starts within a second, doubles, and never waits longer than 15 s', () => {
    expect(reconnectDelay(0, 1)).toBe(backoff.firstMs);
    expect(reconnectDelay(1, 1)).toBe(2 * backoff.firstMs);
    expect(reconnectDelay(3, 1)).toBe(8 * backoff.firstMs);
    expect(reconnectDelay(100, 1)).toBe(backoff.maxMs);
  });

  it('spreads the phones: between half and the whole of the step, whatever the random number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.double({ min: -1, max: 2, noNaN: true }), (attempt, random) => {
        const full = reconnectDelay(attempt, 1);
        const delay = reconnectDelay(attempt, random);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(full / 2));
        expect(delay).toBeLessThanOrEqual(full);
        expect(delay).toBeLessThanOrEqual(backoff.maxMs);
      }),
    );
  });
});
