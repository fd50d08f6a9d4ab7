/**
 * "A child process autosaves in a loop and is killed with SIGKILL at random moments, 200 times;
 * after each kill the session file parses, validates, and equals one of the last two states
 * acknowledged as saved."
 *
 * What "the last two states" means here, from the writer's side: the child prints `ack k` after
 * write(k) resolved and before write(k + 1) starts. After a kill, once its stdout is drained, the
 * parent knows the last acknowledged state L (or, with no ack, the state the child started from).
 * write(L + 1) may have been anywhere, from not started to renamed but not yet acknowledged. So
 * the file must hold exactly L or L + 1, never a torn mix, an older state, or nothing.
 *
 * Kill delays come from a seeded PRNG: NAHTSTELLE_CRASH_SEED reproduces a failing run,
 * NAHTSTELLE_CRASH_RUNS changes the count, NAHTSTELLE_CRASH_WRITERS the number of files killed in parallel.
 */
import { spawn } from 'node:child_process';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../../core/session-file';
import { SessionFiles } from '../../../electron/services/session-files';
import { autosaveCounter, autosaveState } from './autosave-state';
import { removeTempFolders, tempFilesIn, tempFolder } from './support';

const runs = Number(process.env.NAHTSTELLE_CRASH_RUNS ?? 200);
const seed = Number(process.env.NAHTSTELLE_CRASH_SEED ?? 20250314);
const minKillDelayMs = 5;
const maxKillDelayMs = 80;
/** Writers on separate files at once: a child's start is mostly Node booting, and two cores boot two. */
const lanes = Math.max(1, Number(process.env.NAHTSTELLE_CRASH_WRITERS ?? 2));
/** A killed save can leave its temp files (at most two: the new text and the backup copy). The next process's first save clears them. */
const maxLeftoverTempFiles = 6;

let bundleFolder = '';
let childScript = '';

beforeAll(async () => {
  // Bundled once, so each of the 200 starts is a plain `node` start, not a TypeScript compile.
  bundleFolder = await nodeFs.mkdtemp(join(tmpdir(), 'nahtstelle-crash-child-'));
  childScript = join(bundleFolder, 'autosave-child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./autosave-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: childScript,
    logLevel: 'silent',
  });
}, 60_000);

afterAll(async () => {
  await nodeFs.rm(bundleFolder, { recursive: true, force: true });
});

afterEach(removeTempFolders);

/** mulberry32: a tiny seeded PRNG, so a failing sequence of kill delays can be replayed. */
function seededRandom(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface KilledRun {
  /** The state the child read at start, or null if it never got that far. */
  readonly ready: number | null;
  readonly lastAck: number | null;
  readonly acks: number;
  readonly signal: NodeJS.Signals | null;
  readonly exitCode: number | null;
  readonly stderr: string;
}

/** Starts the child, lets it autosave for `delayMs` after it is ready, kills it, and drains its output. */
function autosaveAndKill(path: string, delayMs: number): Promise<KilledRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [childScript, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let ready: number | null = null;
    let lastAck: number | null = null;
    let acks = 0;
    let stdout = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    // Never wait forever: a child that hangs before `ready` is killed too, and the checks report it.
    const safetyTimer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      let end: number;
      while ((end = stdout.indexOf('\n')) >= 0) {
        const [word, value] = stdout.slice(0, end).split(' ');
        stdout = stdout.slice(end + 1);
        if (word === 'ready') {
          ready = Number(value);
          killTimer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        } else if (word === 'ack') {
          lastAck = Number(value);
          acks++;
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    // 'close' comes after stdout has ended: every ack the child wrote before it died has been read.
    child.on('close', (exitCode, signal) => {
      clearTimeout(killTimer);
      clearTimeout(safetyTimer);
      resolve({ ready, lastAck, acks, signal, exitCode, stderr });
    });
  });
}

interface LaneStats {
  acks: number;
  killedBeforeFirstAck: number;
  unacknowledgedOnDisk: number;
  mostTempFiles: number;
}

/**
 * One writer's file, killed `count` times in a row. Every check runs after every kill; the first
 * failure throws with the run, seed and delay that reproduce it.
 */
async function crashLane(lane: number, count: number): Promise<LaneStats> {
  const folder = await tempFolder();
  const files = new SessionFiles({ folder: () => folder, trash: async () => undefined });
  const { path } = await files.create(autosaveState(0));
  const random = seededRandom(seed + lane);
  const stats: LaneStats = { acks: 0, killedBeforeFirstAck: 0, unacknowledgedOnDisk: 0, mostTempFiles: 0 };
  let onDisk = 0;

  for (let run = 1; run <= count; run++) {
    const delayMs = minKillDelayMs + Math.floor(random() * (maxKillDelayMs - minKillDelayMs + 1));
    const result = await autosaveAndKill(path, delayMs);
    const where = `lane ${lane} run ${run}/${count}, seed ${seed}, kill after ${delayMs} ms`;
    if (result.signal !== 'SIGKILL' || result.ready === null) {
      throw new Error(`${where}: the child ended by itself (code ${result.exitCode}, signal ${result.signal}):\n${result.stderr}`);
    }
    expect(result.ready, `${where}: the child started from another state than the last one checked`).toBe(onDisk);

    const acknowledged = result.lastAck ?? result.ready;
    const loaded = parseSessionFile(await nodeFs.readFile(path, 'utf8'));
    if (!loaded.ok) throw new Error(`${where}: the session file does not load: ${loaded.problem} ${loaded.detail}`);
    const k = autosaveCounter(loaded.session);
    expect([acknowledged, acknowledged + 1], `${where}: file holds state ${k}, last acknowledged ${acknowledged}`).toContain(k);
    expect(loaded.session).toEqual(autosaveState(k));

    // The backup (there is none until a save got that far) is whole too, and never ahead of the file.
    const backupText = await nodeFs.readFile(`${path}.bak`, 'utf8').catch(() => null);
    if (backupText !== null) {
      const backup = parseSessionFile(backupText);
      if (!backup.ok) throw new Error(`${where}: the backup does not load: ${backup.problem} ${backup.detail}`);
      expect(autosaveCounter(backup.session), `${where}: backup ahead of the file`).toBeLessThanOrEqual(k);
    } else {
      expect(k, `${where}: a save landed without leaving a backup`).toBe(0);
    }

    // Leftover temp files of killed saves stay few and never show in the library.
    const temps = (await tempFilesIn(folder)).length;
    stats.mostTempFiles = Math.max(stats.mostTempFiles, temps);
    expect(temps, `${where}: temp files pile up`).toBeLessThanOrEqual(maxLeftoverTempFiles);
    const library = await files.list();
    expect(library.map((entry) => [entry.title, entry.problem])).toEqual([[`Autosave ${k}`, null]]);

    stats.acks += result.acks;
    if (result.acks === 0) stats.killedBeforeFirstAck++;
    if (k === acknowledged + 1) stats.unacknowledgedOnDisk++;
    onDisk = k;
  }

  // A fresh writer continues from the last state and clears what killed saves left behind.
  const next = autosaveState(onDisk + 1);
  await new SessionFiles({ folder: () => folder, trash: async () => undefined }).write(path, next);
  expect((await files.read(path)).session).toEqual(next);
  expect(await tempFilesIn(folder)).toEqual([]);
  return stats;
}

describe('SessionFiles: crash safety', () => {
  it(`a child autosaving in a loop is killed with SIGKILL ${runs} times; the file always holds one of the last two acknowledged states`, async () => {
    const started = performance.now();
    const counts = Array.from({ length: lanes }, (_, lane) => Math.floor(runs / lanes) + (lane < runs % lanes ? 1 : 0));
    const stats = await Promise.all(counts.map((count, lane) => crashLane(lane, count)));
    const total = (key: keyof LaneStats): number => stats.reduce((sum, lane) => sum + lane[key], 0);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `crash test: ${runs} SIGKILLs in ${seconds.toFixed(1)} s (seed ${seed}, ${lanes} writers); ${total('acks')} saves acknowledged, ` +
        `${total('unacknowledgedOnDisk')} kills after a rename but before its ack, ${total('killedBeforeFirstAck')} kills before the first ack, ` +
        `at most ${Math.max(...stats.map((lane) => lane.mostTempFiles))} leftover temp files`,
    );
    // The kills must land where it matters, or the checks above prove little: some while saves
    // run (not all before the first one; on a loaded machine many are), and — over enough kills —
    // some between a rename and its ack, the case the "last two states" rule is about.
    expect(total('acks'), 'saves acknowledged over all kills').toBeGreaterThan(0);
    expect(total('killedBeforeFirstAck'), 'kills before the child saved anything').toBeLessThan(runs);
    if (runs >= 100) expect(total('unacknowledgedOnDisk'), 'kills between a rename and its ack').toBeGreaterThan(0);
  }, 400_000);
});
