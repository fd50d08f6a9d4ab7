import { describe, expect, it } from 'vitest';
import { agendaMinutes, plannedEndMs, workshopAgenda } from '../../../core/agenda';
import { createSession } from '../../../core/model';
import { applyOperation, type Operation } from '../../../core/operations';
import { parseSessionFile, serializeSession } from '../../../core/session-file';
import { blockRemainingMs, remainingMs } from '../../../core/timer';

const minute = 60_000;

function workshop() {
  let n = 0;
  return createSession(
    's',
    {},
    workshopAgenda(() => `b${++n}`),
  );
}

/** A fake clock: every operation is applied at the time given. */
function run(operations: readonly Operation[]) {
  return operations.reduce(applyOperation, workshop());
}

describe('each block keeps its time', () => {
  it('42 minutes left stay 42 minutes across a visit to another block', () => {
    const s = run([
      { type: 'goToBlock', blockId: 'b1', now: 0 },
      { type: 'timer', action: 'start', now: 0 },
      { type: 'goToBlock', blockId: 'b2', now: 3 * minute },
      { type: 'timer', action: 'start', now: 3 * minute },
      { type: 'goToBlock', blockId: 'b1', now: 10 * minute },
    ]);
    const b1 = s.agenda[0];
    expect(s.activeBlockId).toBe('b1');
    expect(s.timer && b1 && remainingMs(s.timer, b1, 50 * minute)).toBe(42 * minute);
    // Back in the block, the clock waits to be resumed; the block left kept its 7 minutes run.
    expect(s.timer?.startedAt).toBeNull();
    const b2 = s.agenda[1];
    expect(b2 && blockRemainingMs({ timer: s.timer, parked: s.parkedTimers ?? [] }, b2, 99 * minute)).toBe(38 * minute);
  });

  it('a block never started comes up with its whole timebox, and keeps nothing when left untouched', () => {
    const s = run([
      { type: 'goToBlock', blockId: 'b1', now: 0 },
      { type: 'goToBlock', blockId: 'b2', now: minute },
    ]);
    expect(s.timer).toEqual({ blockId: 'b2', startedAt: null, elapsedMs: 0, addedMs: 0 });
    expect(s.parkedTimers).toBeUndefined();
  });

  it('added minutes are kept too, and the kept clocks survive saving and loading', () => {
    const s = run([
      { type: 'goToBlock', blockId: 'b1', now: 0 },
      { type: 'timer', action: 'addMinute', now: 0 },
      { type: 'goToBlock', blockId: 'b3', now: minute },
    ]);
    expect(s.parkedTimers).toEqual([{ blockId: 'b1', startedAt: null, elapsedMs: 0, addedMs: minute }]);
    const loaded = parseSessionFile(serializeSession(s));
    expect(loaded.ok && loaded.session.parkedTimers).toEqual(s.parkedTimers);
  });

  it('removing a block drops its kept clock', () => {
    const s = run([
      { type: 'goToBlock', blockId: 'b1', now: 0 },
      { type: 'timer', action: 'start', now: 0 },
      { type: 'goToBlock', blockId: 'b2', now: minute },
      { type: 'removeBlock', blockId: 'b1' },
    ]);
    expect(s.parkedTimers).toBeUndefined();
  });
});

describe('agenda total and planned end', () => {
  it('the template adds up to 170 minutes; a skipped block does not count', () => {
    const s = workshop();
    expect(agendaMinutes(s.agenda)).toBe(170);
    expect(agendaMinutes(s.agenda.map((b, i) => (i === 0 ? { ...b, skipped: true } : b)))).toBe(125);
  });

  it('ends 170 minutes from now before the start, and counts what the active block has left', () => {
    const s = workshop();
    const clocks = { timer: null, parked: [] };
    expect(plannedEndMs(s.agenda, null, 1000, (b) => blockRemainingMs(clocks, b, 1000))).toBe(1000 + 170 * minute);
    const started = run([
      { type: 'goToBlock', blockId: 'b1', now: 0 },
      { type: 'timer', action: 'start', now: 0 },
    ]);
    const at = 5 * minute;
    const end = plannedEndMs(started.agenda, 'b1', at, (b) => blockRemainingMs({ timer: started.timer, parked: [] }, b, at));
    expect(end).toBe(at + 40 * minute + 125 * minute);
  });
});
