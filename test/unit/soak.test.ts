/**
 * The reliability figures at CI size (docs/reliability.md): the same code as `npm run soak`, with
 * small counts so `npm test` stays quick. The full counts run only in `npm run soak`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild, fuzzLine, killLine, maxLossMs, runFuzz, runKills, runUndo, undoLine } from '../soak/figures';

let child: Awaited<ReturnType<typeof bundleChild>> | undefined;
beforeAll(async () => {
  child = await bundleChild();
}, 60_000);
afterAll(async () => {
  await child?.cleanup();
});

describe('reliability figures (CI size)', () => {
  it('kills through the real save path: every file opens, the newest edit on disk lags at most a second', async () => {
    if (!child) throw new Error('no child bundle');
    const figures = await runKills(6, { script: child.script, lanes: 2 });
    console.log(killLine(figures));
    expect(figures.failures).toEqual([]);
    expect(figures.unreadable).toBe(0);
    expect(figures.edits).toBeGreaterThan(0);
    expect(figures.worstLossMs).toBeLessThanOrEqual(maxLossMs);
  }, 60_000);

  it('the loader over damaged bytes: a problem code or a valid session, quickly, the input untouched', async () => {
    const figures = await runFuzz(600);
    console.log(fuzzLine(figures));
    expect(figures.failures).toEqual([]);
    expect(figures).toMatchObject({ inputs: 600, unexpected: 0, overTime: 0, modified: 0 });
  }, 60_000);

  it('undo/redo over random interleavings: no card lost or duplicated', () => {
    const figures = runUndo(300);
    console.log(undoLine(figures));
    expect(figures.failures).toEqual([]);
    expect(figures).toMatchObject({ sequences: 300, lost: 0, duplicated: 0 });
  });
});
