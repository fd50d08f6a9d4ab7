/** The board bench's trace reading (bench/trace.ts): frames, work per move and its split, from a small made-up trace. */
import { describe, expect, it } from 'vitest';
import { analyseRun, BenchError, mainThreadTasks, parseTrace, type TraceEvent } from '../../../bench/trace';

const page = { pid: 1, tid: 7 };
const task = (ts: number, dur: number) => ({ name: 'RunTask', cat: 'disabled-by-default-devtools.timeline', ph: 'X', ts, dur, ...page });
const inside = (name: string, ts: number, dur: number, data: Record<string, unknown> = {}) => ({
  name,
  cat: 'devtools.timeline',
  ph: 'X',
  ts,
  dur,
  ...page,
  args: { data },
});
const mark = (seq: number, ts: number) => ({ name: `bench-check-${seq}`, cat: 'blink.user_timing', ph: 'R', ts, dur: 0, ...page });

/** One move between the snapshot that opens the drag (seq 1) and the one that closes the move (seq 2). */
const events = [
  task(0, 200),
  mark(1, 100),
  // A pointer move: script (with a nested call), layout and the frame's commit.
  task(1000, 5000),
  inside('EventDispatch', 1000, 1000, { type: 'pointermove' }),
  inside('FunctionCall', 1100, 500),
  task(1500, 100), // a nested run loop: part of the task around it
  inside('Layout', 2000, 1000),
  inside('Commit', 4000, 500),
  // Paint without a commit, then a task that commits the next frame.
  task(7000, 2000),
  inside('Paint', 7000, 1000),
  task(10_000, 3000),
  inside('Commit', 10_000, 1000),
  // A snapshot of the bench's own while the page settles: left out.
  task(15_000, 400),
  mark(3, 15_100),
  task(20_000, 100),
  mark(2, 20_050),
  // Another thread's work does not count.
  { ...task(12_000, 9000), tid: 8 },
];
const trace = new TextEncoder().encode(JSON.stringify({ traceEvents: events }));

describe('parseTrace', () => {
  it('reads both trace shapes, flattens args.data and skips malformed entries', () => {
    const list = [inside('Layout', 5, 2, { type: 'x' }), { name: 3 }, null, { name: 'RunTask', ph: 'X', pid: 1, tid: 7 }];
    const fromArray = parseTrace(new TextEncoder().encode(JSON.stringify(list)));
    expect(fromArray).toEqual<TraceEvent[]>([
      { name: 'Layout', cat: 'devtools.timeline', ph: 'X', ts: 5, dur: 2, pid: 1, tid: 7, data: { type: 'x' } },
      { name: 'RunTask', cat: '', ph: 'X', ts: 0, dur: 0, pid: 1, tid: 7, data: {} },
    ]);
    expect(parseTrace(new TextEncoder().encode(JSON.stringify({ traceEvents: list })))).toEqual(fromArray);
  });

  it('refuses a file without events', () => {
    expect(() => parseTrace(new TextEncoder().encode('{"metadata":{}}'))).toThrow(BenchError);
  });
});

describe('mainThreadTasks', () => {
  it('finds the page thread by the bench marks and splits each task into categories', () => {
    const tasks = mainThreadTasks(parseTrace(trace));
    expect(tasks.map((t) => [t.start, t.dur, t.commit, t.pointerMove, t.benchSeq])).toEqual([
      [0, 200, false, false, 1],
      [1000, 5000, true, true, null],
      [7000, 2000, false, false, null],
      [10_000, 3000, true, false, null],
      [15_000, 400, false, false, 3],
      [20_000, 100, false, false, 2],
    ]);
    expect(tasks[1]?.breakdown).toEqual({ script: 1000, style: 0, layout: 1000, hitTest: 0, paintCommit: 500, gc: 0, other: 2500 });
  });

  it('fails without the bench marks: the page thread cannot be told apart', () => {
    expect(() => mainThreadTasks(parseTrace(new TextEncoder().encode(JSON.stringify([task(0, 10)]))))).toThrow(BenchError);
  });
});

describe('analyseRun', () => {
  it('gives frames (busy time since the last commit), work per move and its split, without the bench snapshots', () => {
    const analysis = analyseRun({ trace, startSeq: 1, moves: [{ index: 1, endSeq: 2 }] });
    expect(analysis.frames).toEqual([
      { busy: 5, tasks: 1, pointerMove: true, move: 1 },
      { busy: 5, tasks: 2, pointerMove: false, move: 1 },
    ]);
    expect(analysis.moveBusy).toEqual([10]);
    expect(analysis.moveFrames).toEqual([2]);
    expect(analysis.breakdown).toEqual({ script: 1, style: 0, layout: 1, hitTest: 0, paintCommit: 2.5, gc: 0, other: 5.5 });
    expect(analysis.benchTaskMs).toBe(0.4);
  });

  it('fails when a snapshot that bounds a move is not in the trace', () => {
    expect(() => analyseRun({ trace, startSeq: 1, moves: [{ index: 1, endSeq: 9 }] })).toThrow(/closed move 1/);
    expect(() => analyseRun({ trace, startSeq: 9, moves: [] })).toThrow(/opened the drag/);
  });
});
