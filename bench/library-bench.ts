/**
 * The start screen's listing of 200 sessions plus a 50 MB one: its time, and main's memory.
 * docs/performance.md, "Library listing (`bench/library-bench.ts`)".
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoSession } from '../core/demo';
import { maxSessionFileBytes, serializeSession } from '../core/session-file';
import { SessionFiles } from '../electron/services/session-files';

const sessionCount = 200;
const cardsPerSession = 40;
const budget = { listMs: 1000, rssMb: 300 } as const;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Runs `task` while sampling the process's RSS every 5 ms; the peak and how long it took. */
async function withPeakRss<T>(task: () => Promise<T>): Promise<{ value: T; ms: number; peakRss: number }> {
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 5);
  const started = performance.now();
  try {
    const value = await task();
    return { value, ms: performance.now() - started, peakRss: Math.max(peakRss, process.memoryUsage.rss()) };
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'nahtstelle-library-bench-'));
  try {
    for (let i = 0; i < sessionCount; i++) {
      const board = createDemoSession(cardsPerSession);
      const session = {
        ...board,
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        details: { ...board.details, title: `Workshop ${i + 1}`, client: `Kunde ${i % 17}` },
      };
      await writeFile(join(folder, `workshop-${i + 1}.nahtstelle`), serializeSession(session));
    }
    const huge = serializeSession({ ...createDemoSession(2000), id: '00000000-0000-4000-8000-999999999999' });
    // Valid JSON to the last byte: whitespace before the closing brace, up to just under the limit.
    const padding = maxSessionFileBytes - Buffer.byteLength(huge) - 1024;
    await writeFile(join(folder, 'riesig.nahtstelle'), huge.replace(/\n}\n$/, `${' '.repeat(padding)}\n}\n`));
    const files = new SessionFiles({ folder: () => folder, trash: async () => undefined });
    // The 50 MB text made above is garbage now; without --expose-gc it still counts in the baseline.
    globalThis.gc?.();

    await files.list(); // warm-up: the file cache, the JIT
    const baseline = process.memoryUsage.rss();
    const runs: { ms: number; peakRss: number; rows: number }[] = [];
    for (let run = 0; run < 5; run++) {
      const { value, ms, peakRss } = await withPeakRss(() => files.list());
      runs.push({ ms, peakRss, rows: value.length });
    }
    runs.sort((a, b) => a.ms - b.ms);
    const median = runs[2] ?? runs[0];
    const peak = Math.max(...runs.map((run) => run.peakRss));
    if (!median) throw new Error('no runs');

    globalThis.gc?.();
    const whole = await withPeakRss(async () => {
      const paths = (await files.list()).map((row) => row.path);
      for (let i = 0; i < paths.length; i += 8) await Promise.all(paths.slice(i, i + 8).map((path) => files.read(path)));
    });

    console.log(
      `Library listing: ${sessionCount} sessions of ${cardsPerSession} cards + one ${mb(maxSessionFileBytes)} file (${cpus()[0]?.model ?? 'cpu'}, ${cpus().length} cores)`,
    );
    console.log(`  rows listed: ${median.rows}`);
    console.log(`  list (median of 5): ${median.ms.toFixed(0)} ms   budget ${budget.listMs} ms: ${median.ms < budget.listMs ? 'met' : 'NOT met'}`);
    console.log(
      `  main's peak RSS while listing: ${mb(peak)} (after the warm-up: ${mb(baseline)})   budget ${budget.rssMb} MB: ${peak < budget.rssMb * 1024 * 1024 ? 'met' : 'NOT met'}`,
    );
    console.log(`  for comparison, every file read and validated whole, 8 at a time: ${whole.ms.toFixed(0)} ms, peak RSS ${mb(whole.peakRss)}`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
