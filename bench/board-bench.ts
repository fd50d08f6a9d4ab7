/** `npm run bench`, the board part: 1,000 cards in headless Chromium. docs/performance.md, "Board with 1,000 cards: method". */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from '../test/e2e/support';
import { startWebHost, type WebHost } from '../test/harness/web-host';
import { servePlainBoard, type PlainBoardServer } from './plain-board/serve';
import {
  allowedRenders,
  components,
  diffCounts,
  formatCounts,
  kindLabels,
  max,
  median,
  ms,
  p95,
  round,
  sameCounts,
  stats,
  summariseRenders,
  toCounts,
  type Counts,
  type MoveKind,
} from './statistics';
import { analyseRun, BenchError, breakdownCategories, type Breakdown } from './trace';

const cardCount = 1000;
const loadRuns = 5;
const dragRuns = 3;
const dragMoves = 150;
const draggedCardId = 'demo-1';
const viewport = { width: 1920, height: 1080 };

/**
 * The flags test/e2e/support.ts launches Chromium with; the bench measures with exactly these, frames
 * capped at vsync (docs/performance.md says why that does not inflate main-thread frame times).
 */
const benchFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Main-thread tasks and commits (disabled-by-default-devtools.timeline), what ran inside them (devtools.timeline), the bench's marks. */
const traceCategories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];

// ---------------------------------------------------------------------------------------------
// In-page instrumentation

/**
 * Runs before the app's scripts (plain JS: it must not depend on how tsx compiles this file).
 * tsx compiles with esbuild's keepNames, which wraps named functions in `__name(...)`; functions
 * this file passes to page.evaluate need that helper in the page, so it is defined as identity.
 */
const initScript = `
globalThis.__name = globalThis.__name || ((target) => target);
// The board is shown when all its cards are there: in the DOM (the plain board renders every card)
// or, where a lane renders only the cards in view, counted by every lane and with cards in each.
function boardShown() {
  const expected = window.__benchCards;
  const lists = document.querySelectorAll('.lane-cards[data-card-count]');
  if (lists.length === 0) return expected > 0 && document.querySelectorAll('[data-card-id]').length === expected;
  let total = 0;
  for (const list of lists) {
    if (expected > 0 && list.querySelector('[data-card-id]') === null) return false;
    total += Number(list.dataset.cardCount);
  }
  return total === expected;
}
window.__boardShown = boardShown;
window.__nahtstelleRenderCounts = {};
(() => {
  const bench = { firstCards: null, boardInDomAt: null, boardFrameDoneAt: null, liveAt: null, lcp: null, activity: 0 };
  window.__nahtstelleBench = bench;
  const observer = new MutationObserver(() => {
    bench.activity++;
    // The app takes clicks and keys once its own render has replaced the first frame (the root is no longer inert).
    const root = document.getElementById('root');
    if (bench.liveAt === null && root && !root.hasAttribute('inert') && root.childElementCount > 0) bench.liveAt = performance.now();
    if (bench.boardInDomAt !== null) return;
    const cards = document.querySelectorAll('[data-card-id]').length;
    if (cards > 0 && bench.firstCards === null) bench.firstCards = cards;
    if (!boardShown()) return;
    bench.boardInDomAt = performance.now();
    // The main-thread side of that frame (style, layout, paint, commit) runs after its rAF
    // callbacks in the same task; a message posted there runs once it is done.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { bench.boardFrameDoneAt = performance.now(); };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
})();
`;

interface PageBench {
  /** How many cards the first DOM change with any cards brought: all of them means one commit. */
  firstCards: number | null;
  boardInDomAt: number | null;
  boardFrameDoneAt: number | null;
  /** When the page took clicks and keys: its root filled and not inert (the first frame is inert until the app renders over it). */
  liveAt: number | null;
  lcp: number | null;
  activity: number;
}

interface BenchWindow {
  __nahtstelleRenderCounts: Partial<Record<string, number>>;
  __nahtstelleBench: PageBench;
}

/**
 * A snapshot of the page, taken between pointer moves. It reads no layout; `animations` (CSS
 * transitions such as the lane highlight and card hover, and dnd-kit's drop animation, which go on
 * producing frames after the DOM is quiet) is read only when no DOM mutation happened since the
 * previous snapshot, so that reading it does not pull pending style work into the bench's task.
 */
interface Snapshot {
  seq: number;
  activity: number;
  animations: number;
  counts: Counts;
  laneId: string | null;
  index: number;
  dragging: boolean;
}

let snapshotSeq = 0;

async function snapshot(page: Page, plain: boolean, previousActivity: number | null = null): Promise<Snapshot> {
  const seq = ++snapshotSeq;
  const raw = await page.evaluate(
    ({ seq, cardId, names, previousActivity, plain }) => {
      // Marks this task in the trace, so the analysis can leave the bench's own work out.
      performance.mark(`bench-check-${seq}`);
      const w = window as unknown as BenchWindow;
      const activity = w.__nahtstelleBench.activity;
      const animations = activity === previousActivity ? document.getAnimations().filter((a) => a.playState === 'running').length : -1;
      const counts: Record<string, number> = {};
      for (const name of names) counts[name] = w.__nahtstelleRenderCounts[name] ?? 0;
      const card = document.querySelector(`[data-card-id="${cardId}"]`);
      // The plain board moves the card's own element between lanes and marks it while it is dragged.
      const dragging = card !== null && card.closest(plain ? '[data-dragging]' : '.card--drag-origin') !== null;
      // While dragging, the app's card element stays put and the drop slot shows where it lands.
      const marker = dragging && !plain ? document.querySelector('.drop-slot') : card;
      const lane = marker?.closest<HTMLElement>('section[data-lane-id]');
      const items = lane
        ? Array.from(lane.querySelectorAll('[data-card-id], .drop-slot')).filter((el) => el.closest('.card--drag-origin') === null)
        : [];
      const index = marker ? items.indexOf(marker) : -1;
      return {
        seq,
        activity,
        animations,
        counts,
        laneId: lane?.dataset.laneId ?? null,
        index,
        dragging,
      };
    },
    { seq, cardId: draggedCardId, names: [...components], previousActivity, plain },
  );
  return { ...raw, counts: toCounts(raw.counts) };
}

/**
 * Waits until the page is quiet: between two snapshots `quietMs` apart no DOM mutation and no
 * render, and no animation running. Sleeping happens in Node, so waiting adds no frames or tasks
 * to the page apart from the snapshots, which the trace analysis excludes.
 */
async function settle(page: Page, plain: boolean, quietMs = 25, maxMs = 10_000): Promise<Snapshot> {
  let previous: Snapshot | undefined;
  const deadline = Date.now() + maxMs;
  for (;;) {
    await sleep(quietMs);
    const current = await snapshot(page, plain, previous?.activity ?? null);
    if (previous && current.activity === previous.activity && current.animations === 0 && sameCounts(current.counts, previous.counts)) {
      return current;
    }
    if (Date.now() > deadline) throw new BenchError(`The page did not settle within ${maxMs} ms`);
    previous = current;
  }
}

/** Intervals between consecutive requestAnimationFrame callbacks on an otherwise idle page. */
function idleRafIntervals(page: Page, frames = 120): Promise<number[]> {
  return page.evaluate(
    (frames) =>
      new Promise<number[]>((resolve) => {
        const times: number[] = [];
        const tick = (now: number) => {
          times.push(now);
          if (times.length <= frames) requestAnimationFrame(tick);
          else resolve(times.slice(1).map((t, i) => t - (times[i] ?? t)));
        };
        requestAnimationFrame(tick);
      }),
    frames,
  );
}

// ---------------------------------------------------------------------------------------------
// Browser and host

interface OpenedBoard {
  readonly page: Page;
  readonly errors: string[];
  close(): Promise<void>;
}

const tempDirs: string[] = [];

/** What the bench measures: the app on the web test host, or the plain dnd-kit board (bench/plain-board/). */
export interface Target {
  readonly name: 'app' | 'plain' | 'empty' | 'noFirstFrame';
  /** The cards its board holds. */
  readonly cards: number;
  readonly label: string;
  /** A fresh page's address, and how to stop what serves it. */
  start(): Promise<{ url: string; stop(): Promise<void> }>;
}

const appTarget: Target = appWith('app', 'Nahtstelle', cardCount);
/** The app with a board of no cards: what the app costs before its first card (startup, chrome). */
const emptyAppTarget: Target = appWith('empty', 'Nahtstelle, empty board', 0);
/** The app served without its first frame (docs/ARCHITECTURE.md, "The first frame"): the board as the app's own first render paints it. */
const noFirstFrameTarget: Target = appWith('noFirstFrame', 'Nahtstelle without the first frame', cardCount, false);

function appWith(name: Target['name'], label: string, cards: number, firstFrame = true): Target {
  return {
    name,
    label,
    cards,
    async start() {
      const dataDir = await mkdtemp(join(tmpdir(), 'nahtstelle-bench-'));
      tempDirs.push(dataDir);
      const host: WebHost = await startWebHost({ port: 0, dataDir, demoCards: cards, locale: 'en-US', firstFrame });
      return { url: host.url, stop: () => host.close() };
    },
  };
}

function plainTarget(server: PlainBoardServer): Target {
  return {
    name: 'plain',
    label: 'plain dnd-kit board',
    cards: cardCount,
    start: async () => ({ url: `${server.url}?cards=${cardCount}`, stop: async () => undefined }),
  };
}

async function openBoard(browser: Browser, target: Target): Promise<OpenedBoard> {
  const served = await target.start();
  const context: BrowserContext = await browser.newContext({ viewport, locale: 'en-US' });
  await context.addInitScript({ content: `window.__benchCards = ${target.cards};\n${initScript}` });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(served.url);
  await page.waitForFunction(() => (window as unknown as BenchWindow).__nahtstelleBench.boardFrameDoneAt !== null, undefined, { timeout: 60_000 });
  // A drag needs the app itself, not its first frame.
  await page.waitForFunction(() => (window as unknown as BenchWindow).__nahtstelleBench.liveAt !== null, undefined, { timeout: 60_000 });
  return {
    page,
    errors,
    async close() {
      await context.close();
      await served.stop();
    },
  };
}

function launch(flags: readonly string[]): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: [...flags] });
}

// ---------------------------------------------------------------------------------------------
// 1. Time to first board paint

interface LoadResult {
  /** When the startup state (with the session) had arrived from the host. */
  apiDone: number | null;
  firstCards: number | null;
  boardInDom: number;
  boardFrameDone: number;
  /** When the board took clicks and keys (the app's own render done); the first paint when that came later. */
  live: number;
  fcp: number | null;
  lcp: number | null;
  /**
   * The presentation time of the first frame with the board: the app paints nothing before the
   * board, and the board arrives in one commit, so this is first-contentful-paint when that came
   * after the cards were in the DOM (else the first largest-contentful-paint after it).
   */
  boardPainted: number | null;
  /** JS heap in use once the board is painted, after a full garbage collection (MB). */
  heapMb: number;
}

async function measureLoad(browser: Browser, target: Target): Promise<LoadResult> {
  const board = await openBoard(browser, target);
  try {
    // Paint timing entries arrive once the frame has been presented.
    await board.page
      .waitForFunction(
        () => (window as unknown as BenchWindow).__nahtstelleBench.lcp !== null && performance.getEntriesByName('first-contentful-paint').length > 0,
        undefined,
        { timeout: 10_000 },
      )
      .catch(() => undefined);
    const result = await board.page.evaluate(() => {
      const bench = (window as unknown as BenchWindow).__nahtstelleBench;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const api = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/invoke'));
      return {
        apiDone: api && 'responseEnd' in api && typeof api.responseEnd === 'number' ? api.responseEnd : null,
        firstCards: bench.firstCards,
        boardInDom: bench.boardInDomAt ?? NaN,
        boardFrameDone: bench.boardFrameDoneAt ?? NaN,
        liveAt: bench.liveAt ?? NaN,
        fcp: fcp ? fcp.startTime : null,
        lcp: bench.lcp,
      };
    });
    const shown = await board.page.evaluate(() => (window as unknown as { __boardShown: () => boolean }).__boardShown());
    if (!shown) throw new BenchError(`Expected ${cardCount} cards on the board, in the DOM or counted by the lanes`);
    if (board.errors.length > 0) throw new BenchError(`The page reported errors: ${board.errors.join('; ')}`);
    const cdp = await board.page.context().newCDPSession(board.page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const after = (t: number | null) => (t !== null && t >= result.boardInDom ? t : null);
    const boardPainted = after(result.fcp) ?? after(result.lcp);
    const { liveAt, ...rest } = result;
    return { ...rest, boardPainted, live: Math.max(liveAt, boardPainted ?? NaN), heapMb: heap.usedSize / 2 ** 20 };
  } finally {
    await board.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 2–4. The drag

interface MoveRecord {
  readonly index: number;
  readonly kind: MoveKind;
  readonly from: string;
  readonly to: string;
  readonly renders: Counts;
  /** Snapshot seq that closed this move's window (its final, quiet snapshot). */
  readonly endSeq: number;
}

interface DragRun {
  readonly moves: MoveRecord[];
  /** Snapshot seq before the mouse goes down: the traced window starts here. */
  readonly startSeq: number;
  /** Snapshot seq once the drag has started (pick-up) and once the drop has settled. */
  readonly pickUpSeq: number;
  readonly dropSeq: number;
  readonly rendersAtStart: Counts;
  readonly rendersAtDrop: Counts;
  /** Null for the untraced control run. */
  readonly trace: Uint8Array | null;
  /** Main-thread task time from pick-up to the settled drop (CDP Performance.getMetrics TaskDuration, ms). */
  readonly taskMs: number;
  readonly lanesVisited: string[];
  readonly idleRaf: number[];
}

/** Move 0 is the pick-up (mouse down and dnd-kit's 7 px start), move `dragMoves + 1` the drop. */
const pickUpMove = 0;
const dropMove = dragMoves + 1;

async function runDrag(browser: Browser, target: Target, run: number, traced = true): Promise<DragRun> {
  const plain = target.name === 'plain';
  const board = await openBoard(browser, target);
  try {
    const { page } = board;
    // Every run starts its drag after 2 s of idle frames (printed for run 1). Until 2026-12-06 only
    // run 1 waited: runs 2 and 3 picked the card up as the board appeared, and their pick-ups, on both
    // boards, took 60–80 ms more work than run 1's (docs/performance.md, "Issue #18", point 9).
    const idleRaf = await idleRafIntervals(page);
    const card = page.locator(`section[data-lane-id="marketing"] [data-card-id="${draggedCardId}"]`);
    const cardBox = await card.boundingBox();
    const salesBox = await page.locator('section[data-lane-id="sales"]').boundingBox();
    if (!cardBox || !salesBox) throw new BenchError(`Card ${draggedCardId} or the Sales lane is not on screen`);
    const start = { x: cardBox.x + cardBox.width / 2, y: cardBox.y + cardBox.height / 2 };
    await page.mouse.move(start.x, start.y);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
    // The trace covers the whole drag: pick-up, the moves and the drop.
    if (traced) await browser.startTracing(page, { categories: traceCategories });
    const before = await settle(page, plain);
    const tasksBefore = await taskSeconds();
    await page.mouse.down();
    // dnd-kit starts a mouse drag after 6 px.
    await page.mouse.move(start.x + 3, start.y);
    await page.mouse.move(start.x + 7, start.y);
    const started = await settle(page, plain);
    if (!started.dragging) throw new BenchError('The drag did not start: the card shows no placeholder after moving 7 px with the button down');
    const rendersAtStart = diffCounts(started.counts, before.counts);

    const moves: MoveRecord[] = [];
    const lanesVisited = new Set<string>();
    let previous = started;
    // Right, into the middle of Sales, while sweeping up and down over a few cards (2.5 waves).
    const from = { x: start.x + 7, y: start.y };
    const to = { x: salesBox.x + salesBox.width / 2, y: start.y + 260 };
    for (let i = 1; i <= dragMoves; i++) {
      const t = i / dragMoves;
      const x = from.x + (to.x - from.x) * t;
      const y = from.y + ((to.y - from.y) * (1 - Math.cos(2 * Math.PI * 2.5 * t))) / 2;
      await page.mouse.move(x, y);
      const last = await settle(page, plain);
      const kind: MoveKind = last.laneId !== previous.laneId ? 'cross' : last.index !== previous.index ? 'reorder' : 'same';
      if (last.laneId) lanesVisited.add(last.laneId);
      moves.push({
        index: i,
        kind,
        from: `${previous.laneId}#${previous.index}`,
        to: `${last.laneId}#${last.index}`,
        renders: diffCounts(last.counts, previous.counts),
        endSeq: last.seq,
      });
      previous = last;
    }

    await page.mouse.up();
    const dropped = await settle(page, plain);
    const taskMs = ((await taskSeconds()) - tasksBefore) * 1000;
    const trace = traced ? await browser.stopTracing() : null;
    const rendersAtDrop = diffCounts(dropped.counts, previous.counts);
    const landed = await page.locator(`section[data-lane-id="sales"] [data-card-id="${draggedCardId}"]`).count();
    if (landed !== 1)
      throw new BenchError(`Run ${run}: after the drop, card ${draggedCardId} is not in the Sales lane (it is in ${dropped.laneId ?? 'no lane'})`);
    if (board.errors.length > 0) throw new BenchError(`Run ${run}: the page reported errors: ${board.errors.join('; ')}`);
    return {
      moves,
      startSeq: before.seq,
      pickUpSeq: started.seq,
      dropSeq: dropped.seq,
      rendersAtStart,
      rendersAtDrop,
      trace,
      taskMs,
      lanesVisited: [...lanesVisited],
      idleRaf,
    };
  } finally {
    await board.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Main

/** Busy share of all CPUs over `ms`, from /proc/stat (Linux); NaN elsewhere. */
async function cpuBusy(durationMs: number): Promise<number> {
  const read = async () => {
    const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { idle, total: fields.reduce((a, b) => a + b, 0) };
  };
  try {
    const before = await read();
    await sleep(durationMs);
    const after = await read();
    return 1 - (after.idle - before.idle) / (after.total - before.total);
  } catch {
    return NaN;
  }
}

interface DragFigures {
  /** Every frame of every traced run, pick-up and drop included. */
  readonly frames: number[];
  /** Per run: the longest frame, pick-up and drop included. */
  readonly worstFrame: number[];
  /** Per run: main-thread script time from pick-up to the settled drop (trace, ms). */
  readonly script: number[];
}

/** The traced drag runs of one target, printed as they come, and an untraced control run. */
async function measureDrags(browser: Browser, target: Target, output: Record<string, unknown>): Promise<DragFigures> {
  const isApp = target.name === 'app';
  console.log(
    `\n${target.label}: drag ${draggedCardId} Marketing → Seam → Sales: pick-up (mouse down, 7 px), ${dragMoves} pointer moves, each settled before the next, drop; ${dragRuns} runs`,
  );
  const runs: unknown[] = [];
  const figures: DragFigures = { frames: [], worstFrame: [], script: [] };
  const allMoveFrames: number[] = [];
  const allMoves: number[] = [];
  const tracedTaskMs: number[] = [];
  const renderViolations: number[] = [];
  for (let run = 1; run <= dragRuns; run++) {
    const drag = await runDrag(browser, target, run);
    if (!drag.lanesVisited.includes('seam') || !drag.lanesVisited.includes('sales')) {
      throw new BenchError(`${target.label}, run ${run}: the card's preview never reached ${drag.lanesVisited.includes('seam') ? 'Sales' : 'Seam'}`);
    }
    if (run === 1) console.log(`  idle rAF on the loaded board: median ${ms(median(drag.idleRaf))}, p95 ${ms(p95(drag.idleRaf))}`);
    if (!drag.trace) throw new BenchError('analyseRun needs a traced run');
    const windows = [{ index: pickUpMove, endSeq: drag.pickUpSeq }, ...drag.moves, { index: dropMove, endSeq: drag.dropSeq }];
    const analysis = analyseRun({ trace: drag.trace, startSeq: drag.startSeq, moves: windows });
    const frameTimes = analysis.frames.map((f) => f.busy);
    const framesOf = (move: number) => analysis.frames.filter((f) => f.move === move).map((f) => f.busy);
    const moveFrameTimes = analysis.frames.filter((f) => f.move !== pickUpMove && f.move !== dropMove).map((f) => f.busy);
    const moveBusy = analysis.moveBusy.slice(1, -1);
    const pickUpMs = analysis.moveBusy[0] ?? NaN;
    const dropMs = analysis.moveBusy.at(-1) ?? NaN;
    figures.frames.push(...frameTimes);
    figures.worstFrame.push(max(frameTimes));
    figures.script.push(analysis.breakdown.script);
    allMoveFrames.push(...moveFrameTimes);
    allMoves.push(...moveBusy);
    const byKind = (kind: MoveKind) => moveBusy.filter((_, i) => drag.moves[i]?.kind === kind);
    const over = (limit: number) => frameTimes.filter((t) => t > limit).length;
    const b = analysis.breakdown;
    console.log(`\n  Run ${run}: ${analysis.frames.length} frames from pick-up to the settled drop`);
    console.log(
      `    frame time (main thread), whole drag: median ${ms(median(frameTimes))}, p95 ${ms(p95(frameTimes))}, max ${ms(max(frameTimes))}; over 16.7 ms: ${over(16.7)}, over 50 ms: ${over(50)}`,
    );
    console.log(
      `      pick-up: ${ms(pickUpMs)} of work, longest frame ${ms(max(framesOf(pickUpMove)))}; drop: ${ms(dropMs)} of work, longest frame ${ms(max(framesOf(dropMove)))}; ` +
        `the moves alone: frame p95 ${ms(p95(moveFrameTimes))}, max ${ms(max(moveFrameTimes))}`,
    );
    console.log(
      `    work per pointer move: median ${ms(median(moveBusy))}, p95 ${ms(p95(moveBusy))}, max ${ms(max(moveBusy))} (frames per move: median ${median(analysis.moveFrames)}, max ${max(analysis.moveFrames)})`,
    );
    const meanBreakdown = (kind: MoveKind) => {
      const ofKind = analysis.moveBreakdown.slice(1, -1).filter((_, i) => drag.moves[i]?.kind === kind);
      return Object.fromEntries(
        breakdownCategories.map((c) => [c, round(ofKind.reduce((sum, x) => sum + x[c], 0) / Math.max(1, ofKind.length))]),
      ) as Breakdown;
    };
    for (const kind of ['same', 'reorder', 'cross'] as const) {
      const values = byKind(kind);
      const m = meanBreakdown(kind);
      console.log(
        `      ${kindLabels[kind].padEnd(24)} ${String(values.length).padStart(3)} moves: median ${ms(median(values))}, max ${ms(max(values))}; ` +
          `mean split: script ${ms(m.script)}, style+layout ${ms(m.style + m.layout)}, paint+commit ${ms(m.paintCommit)}, GC ${ms(m.gc)}, other ${ms(m.other + m.hitTest)}`,
      );
    }
    console.log(
      `    where the time went, whole drag: script ${ms(b.script)}, style ${ms(b.style)}, layout ${ms(b.layout)}, hit test ${ms(b.hitTest)}, paint+commit ${ms(b.paintCommit)}, GC ${ms(b.gc)}, other ${ms(b.other)} (bench snapshots, excluded: ${ms(analysis.benchTaskMs)})`,
    );
    console.log(`    main-thread task time, pick-up to drop (Performance.getMetrics, incl. snapshots): ${ms(drag.taskMs)}`);
    tracedTaskMs.push(drag.taskMs);
    const result: Record<string, unknown> = {
      run,
      frames: analysis.frames.length,
      frameTime: { ...stats(frameTimes), over16_7: over(16.7), over50: over(50), moves: stats(moveFrameTimes) },
      pickUp: { workMs: round(pickUpMs), longestFrame: round(max(framesOf(pickUpMove))) },
      drop: { workMs: round(dropMs), longestFrame: round(max(framesOf(dropMove))) },
      moveWork: { all: stats(moveBusy), same: stats(byKind('same')), reorder: stats(byKind('reorder')), cross: stats(byKind('cross')) },
      breakdownMs: Object.fromEntries(breakdownCategories.map((c) => [c, round(b[c])])),
      benchSnapshotMs: round(analysis.benchTaskMs),
      taskMs: round(drag.taskMs),
    };
    if (isApp) {
      const renders = summariseRenders(drag.moves);
      console.log(`    renders at drag start (first 7 px): ${formatCounts(drag.rendersAtStart)}`);
      console.log(`    renders at drop: ${formatCounts(drag.rendersAtDrop)}`);
      console.log(`    renders per pointer move (median / max; > budget: moves over it):`);
      for (const kind of ['same', 'reorder', 'cross'] as const) {
        const k = renders.byKind[kind];
        const allowed = allowedRenders(kind);
        const cells = components.map((c) => `${c} ${k.median[c]}/${k.max[c]}${k.violations[c] > 0 ? ` (> ${allowed[c]}: ${k.violations[c]})` : ''}`);
        console.log(`      ${kindLabels[kind].padEnd(24)} ${String(k.moves).padStart(3)} moves: ${cells.join(', ')}`);
      }
      const afterCross = drag.moves.filter((m, i) => drag.moves[i - 1]?.kind === 'cross');
      console.log(
        `      the move after each lane crossing: ${afterCross.map((m) => `DraggableCard ${m.renders.DraggableCard}`).join('; ') || 'none'}`,
      );
      console.log(`    renders over the whole drag: ${formatCounts(renders.total)}`);
      const broken = components.filter((c) => renders.violations[c] > 0);
      const movesOver = drag.moves.filter((m) => components.some((c) => m.renders[c] > allowedRenders(m.kind)[c])).length;
      renderViolations.push(movesOver);
      console.log(
        broken.length === 0
          ? '    render budget met: no move re-rendered more than the dragged card and the lanes whose lists changed'
          : `    RENDER BUDGET VIOLATED in ${movesOver} of ${drag.moves.length} moves: ` +
              broken.map((c) => `${c} over budget in ${renders.violations[c]} moves (max ${renders.maxPerMove[c]})`).join('; '),
      );
      result.renders = { atStart: drag.rendersAtStart, atDrop: drag.rendersAtDrop, ...renders };
      result.moves = drag.moves.map((m) => ({
        i: m.index,
        kind: m.kind,
        from: m.from,
        to: m.to,
        ms: round(moveBusy[m.index - 1] ?? NaN),
        renders: m.renders,
      }));
    }
    runs.push(result);
  }
  // Tracing costs the renderer time too: the same drag once more, untraced, for comparison.
  const control = await runDrag(browser, target, dragRuns + 1, false);
  console.log(
    `\n  Tracing cost check, main-thread task time from pick-up to drop (Performance.getMetrics): ` +
      `untraced control run ${ms(control.taskMs)}; traced runs ${tracedTaskMs.map(ms).join(', ')}`,
  );
  console.log(
    `  ${target.label}, all runs: frame time median ${ms(median(figures.frames))}, p95 ${ms(p95(figures.frames))}, max ${ms(max(figures.frames))} (${figures.frames.length} frames, pick-up and drop included); ` +
      `moves alone p95 ${ms(p95(allMoveFrames))}; work per move median ${ms(median(allMoves))}, p95 ${ms(p95(allMoves))}`,
  );
  if (isApp) {
    console.log(
      `  Budget "only the dragged card and the lanes involved re-render": ${renderViolations.every((v) => v === 0) ? 'met' : `NOT met (moves over budget per run: ${renderViolations.join(', ')} of ${dragMoves})`}`,
    );
  }
  output[target.name === 'app' ? 'drag' : 'plainDrag'] = {
    moves: dragMoves,
    runs,
    tracingCheck: { tracedTaskMs: tracedTaskMs.map(round), untracedTaskMs: round(control.taskMs) },
    all: {
      frameTime: stats(figures.frames),
      moveFrameTime: stats(allMoveFrames),
      moveWork: stats(allMoves),
      worstFrame: figures.worstFrame.map(round),
      scriptMs: figures.script.map(round),
      ...(isApp ? { movesOverRenderBudget: renderViolations } : {}),
    },
  };
  return figures;
}

/** One line of the issue #18 comparison: the figure, the baseline's, and whether the target holds. */
function verdict(name: string, met: boolean, detail: string): { name: string; met: boolean; detail: string } {
  console.log(`  ${met ? 'met    ' : 'NOT met'}  ${name}: ${detail}`);
  return { name, met, detail };
}

async function main(): Promise<number> {
  const flags = benchFlags;
  const browser = await launch(flags);
  const plainServer = await servePlainBoard();
  const output: Record<string, unknown> = {};
  try {
    const version = browser.version();
    console.log(`Nahtstelle board bench: ${cardCount} cards, Chromium ${version} (${chromiumPath}), Node ${process.version}`);
    console.log(`Flags: ${flags.join(' ')}`);
    // Timings mean little when other work competes for the two cores: say how busy the machine was.
    const backgroundCpu = await cpuBusy(2000);
    const busyNote = backgroundCpu > 0.2 ? ' — WARNING: other processes keep the machine busy; timings below are inflated' : '';
    console.log(
      `Machine before start: CPU busy ${(backgroundCpu * 100).toFixed(0)} % over 2 s (${cpus().length} cores), load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}${busyNote}`,
    );
    output.machine = {
      cores: cpus().length,
      cpuModel: cpus()[0]?.model ?? '',
      backgroundCpuBusy: round(backgroundCpu),
      loadavgAtStart: loadavg().map(round),
    };
    output.chromium = version;
    output.node = process.version;
    output.flags = flags;
    output.date = new Date().toISOString();
    const app = appTarget;
    const plain = plainTarget(plainServer);

    console.log(
      `\nTime to first board paint (${loadRuns} loads each, the app and the plain board in turn (each round starting one target later), new page each; from navigation start; paint = presentation time of the first frame with the board), and the JS heap after a full GC:`,
    );
    const loads: Record<Target['name'], LoadResult[]> = { app: [], plain: [], empty: [], noFirstFrame: [] };
    const loaded = [app, plain, emptyAppTarget, noFirstFrameTarget];
    for (let i = 1; i <= loadRuns; i++) {
      // Each round starts one target later, so that every target comes after each of the others:
      // whatever a load leaves behind (a page closing, a host stopping) does not always fall on the same one.
      for (const target of [...loaded.slice((i - 1) % loaded.length), ...loaded.slice(0, (i - 1) % loaded.length)]) {
        const load = await measureLoad(browser, target);
        loads[target.name].push(load);
        console.log(
          `  ${target.label} load ${i}: board painted ${ms(load.boardPainted ?? NaN)} (${target.name !== 'plain' ? `startup state received ${ms(load.apiDone ?? NaN)}, ` : ''}board in the DOM ${ms(load.boardInDom)}` +
            `, its first commit with ${load.firstCards ?? 0} card elements, that frame's main-thread work done ${ms(load.boardFrameDone)}; takes clicks and keys ${ms(load.live)}); ` +
            `FCP ${ms(load.fcp ?? NaN)}, LCP ${ms(load.lcp ?? NaN)}; heap ${load.heapMb.toFixed(1)} MB`,
        );
      }
    }
    const summary = (values: number[]) => ({ median: round(median(values)), min: round(Math.min(...values)), max: round(max(values)) });
    const painted = (name: Target['name']) => loads[name].map((l) => l.boardPainted ?? NaN);
    const heap = (name: Target['name']) => loads[name].map((l) => l.heapMb);
    const live = (name: Target['name']) => loads[name].map((l) => l.live);
    for (const target of loaded) {
      console.log(
        `  ${target.label}: board painted median ${ms(median(painted(target.name)))}, min ${ms(Math.min(...painted(target.name)))}, max ${ms(max(painted(target.name)))}; takes clicks and keys median ${ms(median(live(target.name)))}; heap median ${median(heap(target.name)).toFixed(1)} MB`,
      );
    }
    const outputKeys = {
      app: 'firstBoardPaint',
      plain: 'plainFirstBoardPaint',
      empty: 'emptyBoardFirstPaint',
      noFirstFrame: 'noFirstFrameBoardPaint',
    } as const;
    for (const target of loaded) {
      const ofTarget = loads[target.name];
      output[outputKeys[target.name]] = {
        loads: ofTarget,
        painted: summary(painted(target.name)),
        inDom: summary(ofTarget.map((l) => l.boardInDom)),
        frameDone: summary(ofTarget.map((l) => l.boardFrameDone)),
        live: summary(live(target.name)),
        fcp: summary(ofTarget.map((l) => l.fcp ?? NaN)),
        heapMb: summary(heap(target.name)),
      };
    }

    const appDrag = await measureDrags(browser, app, output);
    const plainDrag = await measureDrags(browser, plain, output);

    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    const paintApp = median(painted('app'));
    const paintPlain = median(painted('plain'));
    const worstApp = max(appDrag.worstFrame);
    const p95App = p95(appDrag.frames);
    const scriptApp = median(appDrag.script);
    const scriptPlain = median(plainDrag.script);
    const heapApp = median(heap('app'));
    const heapPlain = median(heap('plain'));
    console.log(`\nIssue #18 targets, against the plain dnd-kit board measured in this run (medians of the runs unless said):`);
    output.targets = [
      verdict(
        'first board paint ≤ 0.5× the plain board',
        paintApp <= 0.5 * paintPlain,
        `${ms(paintApp)} vs ${ms(paintPlain)} = ${ratio(paintApp, paintPlain)}; takes clicks and keys at ${ms(median(live('app')))} = ${ratio(median(live('app')), paintPlain)}; ` +
          `without its first frame ${ms(median(painted('noFirstFrame')))} = ${ratio(median(painted('noFirstFrame')), paintPlain)}; the app with no cards ${ms(median(painted('empty')))}`,
      ),
      verdict(
        'worst frame of a drag, pick-up and drop included, ≤ 50 ms (worst of all runs)',
        worstApp <= 50,
        `${ms(worstApp)} (per run ${appDrag.worstFrame.map(ms).join(', ')}); plain board ${ms(max(plainDrag.worstFrame))}`,
      ),
      verdict('p95 frame of a drag ≤ 16.7 ms (all frames of all runs)', p95App <= 16.7, `${ms(p95App)}; plain board ${ms(p95(plainDrag.frames))}`),
      verdict(
        'main-thread script per drag ≤ 1/3 of the plain board',
        scriptApp <= scriptPlain / 3,
        `${ms(scriptApp)} vs ${ms(scriptPlain)} = ${ratio(scriptApp, scriptPlain)}`,
      ),
      verdict(
        'JS heap with 1,000 cards open ≤ 1.5× the plain board',
        heapApp <= 1.5 * heapPlain,
        `${heapApp.toFixed(1)} MB vs ${heapPlain.toFixed(1)} MB = ${ratio(heapApp, heapPlain)}`,
      ),
    ];
    console.log(
      `Load average at the end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    output.loadavgAtEnd = loadavg().map(round);
    console.log(`\nJSON ${JSON.stringify(output)}`);
    return 0;
  } finally {
    await browser.close();
    await plainServer.close();
  }
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(error instanceof BenchError ? `\nBench failed: ${error.message}` : error);
} finally {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
}
process.exitCode = exitCode;
