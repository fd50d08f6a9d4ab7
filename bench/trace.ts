/**
 * Reading the board bench's CDP trace: the page's main-thread tasks, frames and where their time went.
 * docs/performance.md, "Board with 1,000 cards: method".
 */

/** A measurement that would be meaningless (no trace, no drag, the page threw): the bench fails instead of printing it. */
export class BenchError extends Error {}

/** What the analysis needs of a traced drag run: the trace and the snapshots that bound each move. */
export interface TracedRun {
  readonly trace: Uint8Array;
  /** Snapshot seq that opened the drag. */
  readonly startSeq: number;
  /** Per move, the seq of the snapshot that closed its window. */
  readonly moves: readonly { readonly index: number; readonly endSeq: number }[];
}

export interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur: number;
  readonly pid: number;
  readonly tid: number;
  readonly data: Record<string, unknown>;
}

export function parseTrace(buffer: Uint8Array): TraceEvent[] {
  const parsed: unknown = JSON.parse(new TextDecoder().decode(buffer));
  const list: unknown = Array.isArray(parsed) ? parsed : isRecord(parsed) ? parsed.traceEvents : undefined;
  if (!Array.isArray(list)) throw new BenchError('The trace has no traceEvents');
  const events: TraceEvent[] = [];
  for (const item of list) {
    if (!isRecord(item)) continue;
    const { name, cat, ph, ts, dur, pid, tid, args } = item;
    if (typeof name !== 'string' || typeof ph !== 'string' || typeof pid !== 'number' || typeof tid !== 'number') continue;
    const data = isRecord(args) ? (isRecord(args.data) ? args.data : args) : {};
    events.push({
      name,
      cat: typeof cat === 'string' ? cat : '',
      ph,
      ts: typeof ts === 'number' ? ts : 0,
      dur: typeof dur === 'number' ? dur : 0,
      pid,
      tid,
      data,
    });
  }
  return events;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const breakdownCategories = ['script', 'style', 'layout', 'hitTest', 'paintCommit', 'gc', 'other'] as const;
export type Breakdown = Record<(typeof breakdownCategories)[number], number>;

export function categoryOf(name: string): (typeof breakdownCategories)[number] | undefined {
  if (
    [
      'FunctionCall',
      'EventDispatch',
      'TimerFire',
      'FireAnimationFrame',
      'RunMicrotasks',
      'EvaluateScript',
      'BlinkScheduler_PerformMicrotaskCheckpoint',
    ].includes(name)
  )
    return 'script';
  if (name === 'UpdateLayoutTree' || name === 'RecalculateStyles') return 'style';
  if (name === 'Layout') return 'layout';
  if (name === 'HitTest') return 'hitTest';
  if (['PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'Commit', 'UpdateLayerTree', 'CompositeLayers'].includes(name)) return 'paintCommit';
  if (name === 'MinorGC' || name === 'MajorGC' || name.startsWith('V8.GC') || name.startsWith('BlinkGC')) return 'gc';
  return undefined;
}

export function emptyBreakdown(): Breakdown {
  return { script: 0, style: 0, layout: 0, hitTest: 0, paintCommit: 0, gc: 0, other: 0 };
}

export interface Task {
  readonly start: number;
  readonly end: number;
  readonly dur: number;
  /** Contains a main-thread commit to the compositor: the task that produced a frame. */
  commit: boolean;
  pointerMove: boolean;
  /** Snapshot seq of the bench's own evaluate in this task, if it is one. */
  benchSeq: number | null;
  readonly breakdown: Breakdown;
}

/** Top-level tasks of the page's renderer main thread, with what ran inside them. */
export function mainThreadTasks(events: TraceEvent[]): Task[] {
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith('bench-check-'));
  const first = marks[0];
  if (!first) throw new BenchError('The trace holds none of the bench marks: cannot find the page main thread');
  const onThread = events.filter((e) => e.pid === first.pid && e.tid === first.tid);
  const runTasks = onThread.filter((e) => e.ph === 'X' && e.name === 'RunTask').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks: Task[] = [];
  for (const e of runTasks) {
    const last = tasks.at(-1);
    if (last && e.ts < last.end) continue; // nested run loop: part of the outer task
    tasks.push({ start: e.ts, end: e.ts + e.dur, dur: e.dur, commit: false, pointerMove: false, benchSeq: null, breakdown: emptyBreakdown() });
  }

  const complete = onThread.filter((e) => e.ph === 'X' && e.name !== 'RunTask').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let taskIndex = 0;
  let stack: { end: number; category: (typeof breakdownCategories)[number]; childTime: number; dur: number }[] = [];
  let current: Task | undefined;
  let covered = 0;
  const closeTask = () => {
    if (!current) return;
    for (const open of stack.reverse()) current.breakdown[open.category] += Math.max(0, open.dur - open.childTime);
    current.breakdown.other += Math.max(0, current.dur - covered);
    stack = [];
    covered = 0;
  };
  for (const e of complete) {
    while (taskIndex < tasks.length && (tasks[taskIndex]?.end ?? 0) <= e.ts) {
      if (current === tasks[taskIndex]) closeTask();
      taskIndex++;
      current = undefined;
    }
    const task = tasks[taskIndex];
    if (!task || e.ts < task.start) continue;
    current = task;
    if (e.name === 'Commit') task.commit = true;
    if (e.name === 'EventDispatch' && e.data.type === 'pointermove') task.pointerMove = true;
    // Exclusive time per category; an event without one inherits its parent's.
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= e.ts) {
      const done = stack.pop();
      if (done) task.breakdown[done.category] += Math.max(0, done.dur - done.childTime);
    }
    const parent = stack.at(-1);
    const category = categoryOf(e.name) ?? parent?.category ?? 'other';
    if (parent) parent.childTime += e.dur;
    else covered += e.dur;
    stack.push({ end: e.ts + e.dur, category, childTime: 0, dur: e.dur });
  }
  if (current) closeTask();

  for (const mark of marks) {
    const task = tasks.find((t) => t.start <= mark.ts && mark.ts <= t.end);
    if (task) task.benchSeq = Number(mark.name.slice('bench-check-'.length));
  }
  return tasks;
}

export interface Frame {
  /** Main-thread busy time since the previous frame's commit, up to and including this frame's task (ms). */
  readonly busy: number;
  readonly tasks: number;
  readonly pointerMove: boolean;
  /** The move (1-based) whose window the frame's commit fell in. */
  readonly move: number;
}

export interface RunAnalysis {
  readonly frames: Frame[];
  /** Per move: main-thread busy time from the previous move settling to this one settling (ms). */
  readonly moveBusy: number[];
  readonly moveFrames: number[];
  readonly moveBreakdown: Breakdown[];
  readonly breakdown: Breakdown;
  readonly benchTaskMs: number;
}

export function analyseRun(run: TracedRun): RunAnalysis {
  const tasks = mainThreadTasks(parseTrace(run.trace));
  const taskOfSeq = new Map<number, Task>();
  for (const t of tasks) if (t.benchSeq !== null) taskOfSeq.set(t.benchSeq, t);
  const startTask = taskOfSeq.get(run.startSeq);
  if (!startTask) throw new BenchError('The trace lacks the snapshot that opened the drag');

  const frames: Frame[] = [];
  const moveBusy: number[] = [];
  const moveFrames: number[] = [];
  const moveBreakdown: Breakdown[] = [];
  const breakdown = emptyBreakdown();
  let benchTaskMs = 0;
  let windowStart = startTask.end;
  let frameBusy = 0;
  let frameTasks = 0;
  let framePointer = false;
  for (const move of run.moves) {
    const endTask = taskOfSeq.get(move.endSeq);
    if (!endTask) throw new BenchError(`The trace lacks the snapshot that closed move ${move.index}`);
    let busy = 0;
    let count = 0;
    const ofMove = emptyBreakdown();
    for (const t of tasks) {
      if (t.start < windowStart || t.end > endTask.start) continue;
      if (t.benchSeq !== null) {
        benchTaskMs += t.dur / 1000;
        continue;
      }
      busy += t.dur / 1000;
      frameBusy += t.dur / 1000;
      frameTasks++;
      framePointer ||= t.pointerMove;
      for (const c of breakdownCategories) {
        breakdown[c] += t.breakdown[c] / 1000;
        ofMove[c] += t.breakdown[c] / 1000;
      }
      if (t.commit) {
        frames.push({ busy: frameBusy, tasks: frameTasks, pointerMove: framePointer, move: move.index });
        frameBusy = 0;
        frameTasks = 0;
        framePointer = false;
        count++;
      }
    }
    moveBusy.push(busy);
    moveFrames.push(count);
    moveBreakdown.push(ofMove);
    windowStart = endTask.end;
  }
  return { frames, moveBusy, moveFrames, moveBreakdown, breakdown, benchTaskMs };
}
