/** How long exporting a 2,000-card session's summary takes, per format. docs/performance.md, "Summary export (`bench/export-bench.ts`)". */
import { cpus, loadavg } from 'node:os';
import type { SummaryFormat } from '../core/export/formats';
import { buildSummary } from '../core/summary';
import { renderSummaryFile } from '../electron/export/render';
import { richSession } from '../test/unit/export/sessions';

const cardCount = 2000;
const formats: readonly { format: SummaryFormat; runs: number; budget: number }[] = [
  { format: 'md', runs: 20, budget: 200 },
  { format: 'html', runs: 20, budget: 200 },
  { format: 'csv', runs: 20, budget: 200 },
  { format: 'json', runs: 20, budget: 200 },
  { format: 'docx', runs: 7, budget: 2000 },
  { format: 'pptx', runs: 7, budget: 2000 },
];
const warmupRuns = 2;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const session = richSession(cardCount);
  const options = { fallbackLanguage: 'de', timeZone: 'Europe/Berlin' } as const;
  console.log(`Export bench: ${cardCount} cards, ${cpus().length} CPUs, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)}`);
  const model: number[] = [];
  for (let run = 0; run < 20 + warmupRuns; run++) {
    const started = performance.now();
    buildSummary(session, options);
    if (run >= warmupRuns) model.push(performance.now() - started);
  }
  model.sort((a, b) => a - b);
  console.log(
    `${'summary model only'.padEnd(22)} median ${percentile(model, 0.5).toFixed(1).padStart(7)} ms   p95 ${percentile(model, 0.95).toFixed(1).padStart(7)} ms`,
  );
  for (const { format, runs, budget } of formats) {
    const durations: number[] = [];
    let size = 0;
    for (let run = 0; run < runs + warmupRuns; run++) {
      const started = performance.now();
      const bytes = await renderSummaryFile(buildSummary(session, options), format);
      const elapsed = performance.now() - started;
      size = bytes.byteLength;
      if (run >= warmupRuns) durations.push(elapsed);
    }
    durations.sort((a, b) => a - b);
    const median = percentile(durations, 0.5);
    const p95 = percentile(durations, 0.95);
    const verdict = p95 <= budget ? 'met' : median <= budget ? 'met at the median, not at p95' : 'NOT met';
    console.log(
      `${`${format} (model + render)`.padEnd(22)} median ${median.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms   ${(size / 1024).toFixed(0).padStart(5)} KiB   budget ${budget} ms: ${verdict}`,
    );
  }
}

await main();
