/**
 * `npm run soak`: the reliability figures at full scale (docs/reliability.md). Not part of
 * `npm test`, which runs small counts (test/unit/soak.test.ts). Counts and seed can be changed:
 * `npm run soak -- --kills 1000 --fuzz 100000 --undo 10000 --seed 20261205 --lanes 2`. It ends
 * with a full E2E pass (a fresh build, then the whole suite, whose shared teardown asserts that no
 * page requested anything outside its own origin); `--skip-e2e` leaves that out. Prints one line
 * per figure and a verdict; exits 1 if a figure falls short.
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { bundleChild, fuzzHolds, fuzzLine, killLine, killsHold, lastLine, runFuzz, runKills, runUndo, undoHolds, undoLine } from './figures';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '1000' },
    fuzz: { type: 'string', default: '100000' },
    undo: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20261205' },
    lanes: { type: 'string', default: '2' },
    'skip-e2e': { type: 'boolean', default: false },
  },
});
const seed = Number(values.seed);
const started = performance.now();
const log = (line: string) => process.stderr.write(`${line}\n`);
log(`soak on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, seed ${seed}`);

const lines: string[] = [];
let shortfalls = 0;

const child = await bundleChild();
try {
  const t = performance.now();
  const kills = await runKills(Number(values.kills), { script: child.script, seed, lanes: Number(values.lanes) });
  for (const failure of kills.failures.slice(0, 20)) log(`  ${failure}`);
  log(`  kills took ${((performance.now() - t) / 1000).toFixed(0)} s, ${kills.edits} edits made`);
  lines.push(killLine(kills));
  if (!killsHold(kills)) shortfalls++;
} finally {
  await child.cleanup();
}

let t = performance.now();
const fuzz = await runFuzz(Number(values.fuzz), seed);
for (const failure of fuzz.failures) log(`  ${failure}`);
log(`  fuzz took ${((performance.now() - t) / 1000).toFixed(0)} s, slowest input ${fuzz.slowestMs.toFixed(1)} ms`);
lines.push(fuzzLine(fuzz));
if (!fuzzHolds(fuzz)) shortfalls++;

t = performance.now();
const undo = runUndo(Number(values.undo), seed);
for (const failure of undo.failures) log(`  ${failure}`);
log(`  undo took ${((performance.now() - t) / 1000).toFixed(0)} s`);
lines.push(undoLine(undo));
if (!undoHolds(undo)) shortfalls++;

if (!values['skip-e2e']) {
  t = performance.now();
  const built = spawnSync('node_modules/.bin/electron-vite', ['build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  // The suite's own output goes to stderr: stdout keeps only the figures.
  const e2e =
    built.status === 0 ? spawnSync('node_modules/.bin/vitest', ['run', '--project', 'e2e'], { stdio: ['ignore', process.stderr, 'inherit'] }) : built;
  log(`  e2e took ${((performance.now() - t) / 1000).toFixed(0)} s`);
  lines.push(`soak e2e: ${e2e.status === 0 ? 'every test passed, no page requested anything outside its origin' : 'failed'}`);
  if (e2e.status !== 0) shortfalls++;
}

log(`soak took ${((performance.now() - started) / 1000 / 60).toFixed(1)} min`);
for (const line of lines) process.stdout.write(`${line}\n`);
process.stdout.write(`${lastLine(shortfalls)}\n`);
process.exitCode = shortfalls === 0 ? 0 : 1;
