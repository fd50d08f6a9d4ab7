/**
 * How long main takes to save and open a 2,000-card session.
 * docs/performance.md, "Session files (`bench/session-file-bench.ts`, same run)".
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoSession } from '../core/demo';
import type { Session } from '../core/model';
import { editCardTitle } from '../core/operations';
import { parseSessionFile, serializeSession } from '../core/session-file';
import { SessionFiles } from '../electron/services/session-files';

const cardCount = 2000;
const runs = 30;
const warmupRuns = 5;
const budgetMs = { save: 50, load: 100 } as const;

function largeSession(): Session {
  const board = createDemoSession(cardCount);
  const participants = Array.from({ length: 16 }, (_, i) => ({
    id: `p-${i + 1}`,
    name: `Teilnehmerin ${i + 1}`,
    department: (['marketing', 'sales', 'other'] as const)[i % 3] ?? 'other',
  }));
  return {
    ...board,
    id: '5f0c2a9e-7d41-4b8e-9a52-1c3e6f8b2d47',
    details: {
      title: 'Jahresplanung Übergabe Marketing → Vertrieb',
      client: 'Müller & Söhne GmbH',
      date: '2025-03-14',
      place: 'Köln, Raum 4.12',
      facilitator: 'Jana Krüger',
      participants,
      language: 'de',
    },
  };
}

async function measure(count: number, task: (run: number) => Promise<unknown>): Promise<number[]> {
  for (let run = 0; run < warmupRuns; run++) await task(-run - 1);
  const durations: number[] = [];
  for (let run = 0; run < count; run++) {
    const started = performance.now();
    await task(run);
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

function report(name: string, sorted: readonly number[], budget?: number): void {
  const median = percentile(sorted, 0.5);
  const p95 = percentile(sorted, 0.95);
  const verdict =
    budget === undefined ? '' : `  budget ${budget} ms: ${p95 <= budget ? 'met' : median <= budget ? 'met at the median, not at p95' : 'NOT met'}`;
  console.log(`${name.padEnd(38)} median ${median.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms${verdict}`);
}

async function main(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'nahtstelle-file-bench-'));
  try {
    const session = largeSession();
    // Each save differs from the last, as autosaves do: one card title changes. Made up front, not timed.
    const variants = Array.from({ length: warmupRuns + runs }, (_, i) => editCardTitle(session, 'demo-1', `Topic 1, edit ${i}`));
    const variant = (run: number): Session => variants[run + warmupRuns] ?? session;
    const files = new SessionFiles({ folder: () => folder, trash: async () => undefined });
    const { path } = await files.create(session);
    const text = serializeSession(session);

    console.log(
      `Session file bench: ${cardCount} cards, ${runs} runs each (after ${warmupRuns} warm-up), ${cpus().length} CPUs, Node ${process.version}`,
    );
    console.log(`folder: ${folder}`);
    const save = await measure(runs, (run) => files.write(path, variant(run)));
    const firstSave = await measure(runs, (run) =>
      new SessionFiles({ folder: () => folder, trash: async () => undefined }).write(path, variant(run)),
    );
    const load = await measure(runs, () => files.read(path));
    const serializeOnly = await measure(runs, async (run) => serializeSession(variant(run)));
    const parseOnly = await measure(runs, async () => {
      if (!parseSessionFile(text).ok) throw new Error('The bench session does not validate');
    });

    const size = (await stat(path)).size;
    console.log(`file size: ${size.toLocaleString('en')} bytes (${(size / 1024).toFixed(0)} KiB)`);
    report('save (serialize + atomic write)', save, budgetMs.save);
    // Rare in the app (a file is opened, and so known good, before it is saved); shown for completeness.
    report('save to a file not read in this run', firstSave);
    report('load (read + decode + parse + validate)', load, budgetMs.load);
    report('  of which serialize', serializeOnly);
    report('  of which parse + validate', parseOnly);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
