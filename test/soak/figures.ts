/**
 * The reliability figures (docs/reliability.md): kills through the real save path, the loader over
 * damaged inputs, and undo/redo over random interleavings. `npm run soak` runs them at full scale
 * (soak.ts); test/unit/soak.test.ts runs small counts inside `npm test`. Each returns its counts;
 * `holds` says whether the figure is met.
 */
import { spawn } from 'node:child_process';
import * as nodeFs from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { openProblemCodes } from '../../core/file-problems';
import { commit, redo, startHistory, undo, type History } from '../../core/history';
import { createDemoSession } from '../../core/demo';
import type { Operation } from '../../core/operations';
import { serializeSession } from '../../core/session-file';
import { sessionSchema } from '../../core/session-schema';
import { FileError } from '../../electron/services/file-error';
import { SessionFiles, type SessionFs } from '../../electron/services/session-files';

/** The loss bound the kills must keep: the newest edit on disk at most this much older than the newest made. */
export const maxLossMs = 1000;
/** Each damaged input must be judged within this. */
export const maxInputMs = 1000;

/** xorshift32: seeded, so a failing run can be replayed (NAHTSTELLE_SOAK_SEED). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

// ── Kills ──────────────────────────────────────────────────────────────────────────────────────

export interface KillFigures {
  readonly kills: number;
  readonly unreadable: number;
  /** The most the newest edit on disk lagged behind the newest edit made, over all kills. */
  readonly worstLossMs: number;
  readonly edits: number;
  readonly failures: readonly string[];
}

export async function bundleChild(): Promise<{ script: string; cleanup(): Promise<void> }> {
  const folder = await nodeFs.mkdtemp(join(tmpdir(), 'nahtstelle-soak-child-'));
  const script = join(folder, 'save-path-child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./save-path-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: script,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    // The exports (docx, pptx …) are not on the save path, and loading them would make every
    // start of the child take seconds: the handler table gets a stand-in for them.
    plugins: [
      {
        name: 'no-exports',
        setup(plugin) {
          plugin.onResolve({ filter: /\/export\/export-session$/ }, () => ({ path: 'export-session', namespace: 'soak-stub' }));
          plugin.onLoad({ filter: /.*/, namespace: 'soak-stub' }, () => ({
            contents: `const no = () => { throw new Error('exports are not part of the soak'); };
              export const exportExtension = no, renderExport = no, suggestedExportName = no;`,
            loader: 'js',
          }));
        },
      },
    ],
  });
  return { script, cleanup: () => nodeFs.rm(folder, { recursive: true, force: true }) };
}

interface KilledRun {
  readonly readyAt: number | null;
  /** Edit number → when it was made (child's clock). */
  readonly edits: Map<number, number>;
  readonly stderr: string;
  readonly signal: NodeJS.Signals | null;
}

function editAndKill(script: string, path: string, seed: number, firstEdit: number, delayMs: number): Promise<KilledRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, path, String(seed), String(firstEdit)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let readyAt: number | null = null;
    const edits = new Map<number, number>();
    let buffer = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    const safety = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const [word, a, b] = buffer.slice(0, end).split(' ');
        buffer = buffer.slice(end + 1);
        if (word === 'ready') {
          readyAt = Number(a);
          killTimer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        } else if (word === 'edit') {
          edits.set(Number(a), Number(b));
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (_code, signal) => {
      clearTimeout(killTimer);
      clearTimeout(safety);
      resolve({ readyAt, edits, stderr, signal });
    });
  });
}

/**
 * `count` kills, in `lanes` files killed in parallel. After each kill the file must open through
 * SessionFiles.read, and the newest edit on disk may lag the newest edit made by at most maxLossMs
 * (an edit from before this run counts as made when the run opened the file).
 */
export async function runKills(
  count: number,
  options: { lanes?: number; seed?: number; minDelayMs?: number; maxDelayMs?: number; script: string },
): Promise<KillFigures> {
  const lanes = Math.max(1, options.lanes ?? 2);
  const seed = options.seed ?? 20261205;
  const minDelay = options.minDelayMs ?? 20;
  const maxDelay = options.maxDelayMs ?? 1500;
  const failures: string[] = [];
  let unreadable = 0;
  let worstLossMs = 0;
  let edits = 0;
  const lane = async (laneIndex: number, runs: number) => {
    const folder = await nodeFs.mkdtemp(join(tmpdir(), 'nahtstelle-soak-kills-'));
    try {
      const files = new SessionFiles({ folder: () => folder, trash: async () => undefined });
      const start = createDemoSession(12);
      const { path } = await files.create({ ...start, details: { ...start.details, title: 'Start' } });
      const random = seededRandom(seed + laneIndex * 7919);
      let firstEdit = 1;
      for (let run = 1; run <= runs; run++) {
        const delay = minDelay + Math.floor(random() * (maxDelay - minDelay + 1));
        const result = await editAndKill(options.script, path, seed + laneIndex * 100_003 + run, firstEdit, delay);
        const where = `lane ${laneIndex} run ${run}, seed ${seed}, kill after ${delay} ms`;
        if (result.signal !== 'SIGKILL' || result.readyAt === null) {
          failures.push(`${where}: the child ended by itself: ${result.stderr.slice(0, 400)}`);
          unreadable++;
          continue;
        }
        edits += result.edits.size;
        let title: string;
        try {
          title = (await new SessionFiles({ folder: () => folder, trash: async () => undefined }).read(path)).session.details.title;
        } catch (error) {
          unreadable++;
          failures.push(`${where}: the file does not open: ${error instanceof Error ? error.message : String(error)}`);
          continue;
        }
        const newestMade = Math.max(0, ...result.edits.keys());
        if (newestMade === 0) continue;
        firstEdit = newestMade + 1;
        const match = /^Edit (\d+)$/.exec(title);
        const onDisk = match ? Number(match[1]) : 0;
        const madeAt = (n: number) => result.edits.get(n);
        // An edit on disk that this run did not make is from an earlier run: as old as this run's open.
        const onDiskAt = madeAt(onDisk) ?? result.readyAt;
        if (onDisk > newestMade) failures.push(`${where}: the file holds edit ${onDisk}, newer than any made (${newestMade})`);
        const loss = (madeAt(newestMade) ?? 0) - onDiskAt;
        worstLossMs = Math.max(worstLossMs, loss);
        if (loss > maxLossMs) failures.push(`${where}: edit ${onDisk} on disk, ${loss} ms older than edit ${newestMade}`);
      }
    } finally {
      await nodeFs.rm(folder, { recursive: true, force: true });
    }
  };
  const counts = Array.from({ length: lanes }, (_, i) => Math.floor(count / lanes) + (i < count % lanes ? 1 : 0));
  await Promise.all(counts.map((runs, i) => lane(i, runs)));
  return { kills: count, unreadable, worstLossMs, edits, failures };
}

export function killsHold(figures: KillFigures): boolean {
  return figures.unreadable === 0 && figures.worstLossMs <= maxLossMs && figures.failures.length === 0;
}

// ── Loader fuzz ────────────────────────────────────────────────────────────────────────────────

export interface FuzzFigures {
  readonly inputs: number;
  readonly unexpected: number;
  readonly overTime: number;
  readonly modified: number;
  readonly slowestMs: number;
  readonly failures: readonly string[];
}

const utf8 = new TextEncoder();

/** A read-only, in-memory file system holding one file: reads count, anything else is a modification. */
function oneFileFs(path: string, bytes: Uint8Array, writes: { count: number }): SessionFs {
  const missing = (target: unknown) => Object.assign(new Error(`ENOENT: no such file, ${String(target)}`), { code: 'ENOENT' });
  const stats = { isFile: () => true, isDirectory: () => false, size: bytes.byteLength, mtime: new Date(0), mtimeMs: 0, ino: 1 } as unknown as Stats;
  const refuse = async () => {
    writes.count++;
    throw Object.assign(new Error('EROFS: the soak forbids writes'), { code: 'EROFS' });
  };
  return {
    stat: (async (target: unknown) => {
      if (target === path) return stats;
      throw missing(target);
    }) as SessionFs['stat'],
    readFile: (async (target: unknown) => {
      if (target === path) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      throw missing(target);
    }) as SessionFs['readFile'],
    readdir: (async () => []) as unknown as SessionFs['readdir'],
    open: refuse as unknown as SessionFs['open'],
    copyFile: refuse,
    link: refuse,
    mkdir: refuse as unknown as SessionFs['mkdir'],
    rename: refuse,
    unlink: refuse,
  };
}

/** Byte-level damage: flips, invalid UTF-8, cuts inside code points, insertions, deletions. */
function mutateBytes(base: Uint8Array, random: () => number): Uint8Array {
  const bytes = Array.from(base);
  const steps = 1 + Math.floor(random() * 4);
  const at = () => Math.floor(random() * (bytes.length + 1));
  for (let i = 0; i < steps; i++) {
    const kind = Math.floor(random() * 8);
    const position = at();
    if (kind === 0) bytes[position] = Math.floor(random() * 256);
    else if (kind === 1) bytes.splice(position, 0, [0xc3, 0xe2, 0xf0, 0x80, 0xbf, 0xff, 0xfe, 0xed, 0xa0][Math.floor(random() * 9)] ?? 0xff);
    else if (kind === 2) bytes.splice(position, 1 + Math.floor(random() * 8));
    else if (kind === 3) bytes.splice(position, 0, 0);
    else if (kind === 4) {
      // Cut right after the lead byte of a multi-byte character.
      const lead = bytes.findIndex((byte, index) => index >= position && byte >= 0xc2);
      bytes.length = lead >= 0 ? lead + 1 : position;
    } else if (kind === 5)
      bytes.splice(position, 0, ...utf8.encode(['{', '}', '[', ']', '"', ',', ':', '\\', '\\u', 'null', '1e999'][Math.floor(random() * 11)] ?? '"'));
    else if (kind === 6) bytes.splice(position, 0, 0xef, 0xbb, 0xbf);
    else bytes.splice(position, 0, 0xed, 0xa0, 0x80); // an encoded surrogate: not UTF-8
  }
  return Uint8Array.from(bytes);
}

const replacements: readonly unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  '',
  'x',
  true,
  [],
  {},
  [[[[[[]]]]]],
  { __proto__: null },
  '\u0000',
  'ä'.repeat(300),
];

/** JSON-structure damage: a node deleted, retyped, duplicated, or nested deeper. */
function mutateJson(document: unknown, random: () => number): string {
  const copy = structuredClone(document) as Record<string, unknown>;
  const steps = 1 + Math.floor(random() * 3);
  for (let i = 0; i < steps; i++) {
    let node: unknown = copy;
    let parent: Record<string, unknown> | unknown[] | null = null;
    let key: string | number = '';
    const depth = 1 + Math.floor(random() * 6);
    for (let d = 0; d < depth && typeof node === 'object' && node !== null; d++) {
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const pick = keys[Math.floor(random() * keys.length)] ?? '';
      parent = node as Record<string, unknown>;
      key = Array.isArray(node) ? Number(pick) : pick;
      node = (node as Record<string, unknown>)[pick];
    }
    if (!parent) continue;
    const kind = Math.floor(random() * 5);
    const target = parent as Record<string | number, unknown>;
    if (kind === 0) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else Reflect.deleteProperty(target, key);
    } else if (kind === 1) target[key] = replacements[Math.floor(random() * replacements.length)];
    else if (kind === 2 && Array.isArray(parent)) parent.push(structuredClone(node));
    else if (kind === 3) target[key] = [node];
    else target[`${String(key)}-extra`] = node;
  }
  return Math.floor(random() * 2) === 0 ? JSON.stringify(copy, null, 2) : JSON.stringify(copy);
}

/** The inputs: every prefix of a real session file, then byte and JSON mutations, `count` in all. */
function* damagedInputs(count: number, seed: number): Generator<Uint8Array> {
  const base = utf8.encode(serializeSession(createDemoSession(12)));
  const document: unknown = JSON.parse(new TextDecoder().decode(base));
  const random = seededRandom(seed);
  let made = 0;
  const prefixes = Math.min(base.byteLength + 1, Math.floor(count / 3));
  const stride = (base.byteLength + 1) / Math.max(1, prefixes);
  for (let i = 0; i < prefixes && made < count; i++, made++) yield base.slice(0, Math.floor(i * stride));
  while (made < count) {
    made++;
    yield made % 2 === 0 ? mutateBytes(base, random) : utf8.encode(mutateJson(document, random));
  }
}

export async function runFuzz(count: number, seed = 20261205): Promise<FuzzFigures> {
  const path = '/soak/input.nahtstelle';
  const failures: string[] = [];
  let inputs = 0;
  let unexpected = 0;
  let overTime = 0;
  let modified = 0;
  let slowestMs = 0;
  const known = new Set<string>(openProblemCodes);
  for (const bytes of damagedInputs(count, seed)) {
    inputs++;
    const before = Buffer.from(bytes);
    const writes = { count: 0 };
    const files = new SessionFiles({ folder: () => '/soak', trash: async () => undefined, fs: oneFileFs(path, bytes, writes) });
    const started = performance.now();
    let outcome: string | null = null;
    try {
      const opened = await files.read(path);
      if (!sessionSchema.safeParse(opened.session).success) outcome = 'a session that fails the schema';
    } catch (error) {
      if (!(error instanceof FileError)) outcome = `not a FileError: ${String(error)}`;
      else if (!known.has(error.apiError.reason ?? '')) outcome = `problem ${String(error.apiError.reason)}`;
      else if (error.apiError.detail.startsWith('Unexpected error')) outcome = error.apiError.detail;
    }
    const ms = performance.now() - started;
    slowestMs = Math.max(slowestMs, ms);
    if (ms > maxInputMs) {
      overTime++;
      failures.push(`input ${inputs}: ${ms.toFixed(0)} ms`);
    }
    if (outcome !== null) {
      unexpected++;
      if (failures.length < 20) failures.push(`input ${inputs} (seed ${seed}): ${outcome}`);
    }
    if (writes.count > 0 || Buffer.compare(before, Buffer.from(bytes)) !== 0) modified++;
  }
  return { inputs, unexpected, overTime, modified, slowestMs, failures };
}

export function fuzzHolds(figures: FuzzFigures): boolean {
  return figures.unexpected === 0 && figures.overTime === 0 && figures.modified === 0;
}

// ── Undo/redo ──────────────────────────────────────────────────────────────────────────────────

export interface UndoFigures {
  readonly sequences: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly failures: readonly string[];
}

/**
 * Random interleavings of edits (add, delete, move, retitle, add a lane, remove a lane), undo and
 * redo. A model of the history (which card ids each state holds) says what must be on the board
 * after every step: a card missing from it is lost; one listed twice, or listed but not there, or
 * there but in no lane, is duplicated (or dangling).
 */
export function runUndo(count: number, seed = 20261205, steps = 40): UndoFigures {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const failures: string[] = [];
  let lost = 0;
  let duplicated = 0;
  for (let sequence = 1; sequence <= count; sequence++) {
    let history: History = startHistory(createDemoSession(6));
    const model = { past: [] as Set<string>[], present: new Set(Object.keys(history.present.cards)), future: [] as Set<string>[] };
    let nextId = 0;
    for (let step = 1; step <= steps; step++) {
      const session = history.present;
      const cardIds = Object.keys(session.cards);
      const laneIds = session.laneOrder;
      const roll = random();
      let operation: Operation | null = null;
      if (roll < 0.2) history = undo(history);
      else if (roll < 0.35) history = redo(history);
      else if (roll < 0.55) operation = { type: 'addCard', cardId: `n${nextId++}`, laneId: pick(laneIds) ?? 'marketing', title: 'Neu' };
      else if (roll < 0.65) operation = { type: 'deleteCard', cardId: pick(cardIds) ?? 'none' };
      else if (roll < 0.85)
        operation = {
          type: 'moveCard',
          cardId: pick(cardIds) ?? 'none',
          toLaneId: pick(laneIds) ?? 'seam',
          toIndex: Math.floor(random() * 6),
          at: '2027-03-04T09:30:00.000Z',
        };
      else if (roll < 0.93) operation = { type: 'editCardTitle', cardId: pick(cardIds) ?? 'none', title: `T${step}` };
      else operation = { type: 'removeLane', laneId: pick(laneIds) ?? 'none' };
      if (roll < 0.2) {
        const previous = model.past.pop();
        if (previous) {
          model.future.push(model.present);
          model.present = previous;
        }
      } else if (roll < 0.35) {
        const next = model.future.pop();
        if (next) {
          model.past.push(model.present);
          model.present = next;
        }
      } else if (operation) {
        const before = history;
        history = commit(history, operation);
        if (history !== before) {
          model.past.push(model.present);
          model.future = [];
          model.present = new Set(Object.keys(history.present.cards));
          // What an edit may do to the card set: add its card, remove the deleted card (or a removed lane's cards).
          const expectedGrowth = operation.type === 'addCard' ? 1 : 0;
          const previous = model.past[model.past.length - 1] ?? new Set<string>();
          if (operation.type !== 'deleteCard' && operation.type !== 'removeLane' && model.present.size !== previous.size + expectedGrowth) {
            lost++;
            failures.push(
              `sequence ${sequence} step ${step}: ${operation.type} changed the card count from ${previous.size} to ${model.present.size}`,
            );
          }
        }
      }
      const listed = Object.values(history.present.lanes).flatMap((lane) => lane.cardIds);
      const present = new Set(Object.keys(history.present.cards));
      const missing = [...model.present].filter((id) => !present.has(id));
      if (missing.length > 0) {
        lost += missing.length;
        if (failures.length < 20) failures.push(`sequence ${sequence} step ${step}: lost ${missing.join(', ')}`);
      }
      const extraOrDangling =
        listed.length !== new Set(listed).size ||
        listed.some((id) => !present.has(id)) ||
        [...present].some((id) => !listed.includes(id)) ||
        present.size !== model.present.size;
      if (extraOrDangling) {
        duplicated++;
        if (failures.length < 20) failures.push(`sequence ${sequence} step ${step}: a card listed twice, dangling or in no lane`);
      }
    }
  }
  return { sequences: count, lost, duplicated, failures };
}

export function undoHolds(figures: UndoFigures): boolean {
  return figures.lost === 0 && figures.duplicated === 0;
}

// ── The report ─────────────────────────────────────────────────────────────────────────────────

export function killLine(f: KillFigures): string {
  return `soak kills: ${f.kills} kills, ${f.unreadable} unreadable, newest edit lost at most ${Math.round(f.worstLossMs)} ms`;
}

export function fuzzLine(f: FuzzFigures): string {
  return `soak fuzz: ${f.inputs} inputs, ${f.unexpected} unexpected errors, ${f.overTime} over 1 s, ${f.modified} inputs modified`;
}

export function undoLine(f: UndoFigures): string {
  return `soak undo: ${f.sequences} sequences, ${f.lost} cards lost, ${f.duplicated} duplicated`;
}

export function lastLine(shortfalls: number): string {
  return shortfalls === 0 ? 'soak: all figures hold' : `soak: ${shortfalls} figures fall short`;
}
