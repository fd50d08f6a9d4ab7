/**
 * `npm run bench`, the room part: 40 and 100 phones on loopback (or `ROOM_BENCH_PHONES=10,40`), each
 * sending 5 topics and 5 dots, against the control window in Chromium. docs/performance.md, "Phones in the room".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Page } from 'playwright-core';
import { WebSocket } from 'ws';
import type { NahtstelleBridge, RoomState } from '../core/api';
import type { ServerMessage } from '../core/room-protocol';
import { chromiumPath } from '../test/e2e/support';
import { ms, p95, median, max } from './statistics';

/** The issue's budget: a phone's topic on the control window's screen within 50 ms (p95) at 40 phones, at a room's pace. */
const budgetMs = 50;
const phoneCounts: readonly number[] = process.env.ROOM_BENCH_PHONES?.split(',').map(Number) ?? [40, 100];
const paces: readonly Pace[] = ['room', 'burst'];
const topicsPerPhone = 5;
const dotsPerPhone = 5;
const topicCards = 40;

/** Wall-clock milliseconds with sub-millisecond resolution, comparable between Node and the page on one machine. */
const now = (): number => performance.timeOrigin + performance.now();

/** In the control window: when each bench topic's title first appears in the document. */
const initScript = `
(() => {
  const seen = {};
  window.__roomBenchSeen = seen;
  const look = (node) => {
    const text = node.textContent || '';
    if (!text.includes('bench·')) return;
    for (const match of text.matchAll(/bench·\\d+·\\d+/g)) if (!(match[0] in seen)) seen[match[0]] = performance.timeOrigin + performance.now();
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') look(record.target);
      for (const node of record.addedNodes) look(node);
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();
`;

interface Host {
  readonly url: string;
  readonly dataDir: string;
  readonly process: ChildProcess;
}

/** The web test host in a process of its own, so the serving process's CPU and memory can be read. */
async function startHost(dataDir: string): Promise<Host> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/harness/serve-web.ts', '--data-dir', dataDir, '--demo-cards', String(topicCards)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`The web host stopped (${code}): ${output}`)));
  });
  return { url, dataDir, process: child };
}

interface ProcessSample {
  readonly cpuMs: number;
  readonly rssMb: number;
  readonly peakRssMb: number;
}

/** CPU time and memory of a process, from /proc (Linux). */
async function sample(pid: number): Promise<ProcessSample> {
  const stat = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  // utime and stime, fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks (100/s).
  const cpuMs = (Number(stat[11]) + Number(stat[12])) * 10;
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { cpuMs, rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

interface Phone {
  send(message: unknown): void;
  /** Resolves with the ack of message `id`. */
  ack(id: string): Promise<ServerMessage>;
  close(): void;
}

/** A phone as the phone app is one: its own source address (the server allows 6 connections per address), the page's Origin. */
async function joinPhone(state: Extract<RoomState, { on: true }>, index: number): Promise<Phone> {
  const socket = new WebSocket(`${state.url.replace('http:', 'ws:')}/room`, {
    origin: state.url,
    localAddress: `127.0.${1 + Math.floor(index / 200)}.${1 + (index % 200)}`,
  });
  const waiting = new Map<string, (message: ServerMessage) => void>();
  let welcomed: (() => void) | undefined;
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as ServerMessage;
    if (message.type === 'welcome') welcomed?.();
    if (message.type === 'ack') waiting.get(message.id)?.(message);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const joined = new Promise<void>((resolve) => (welcomed = resolve));
  const secret = new URL(state.joinUrl).hash.replace('#k=', '');
  socket.send(JSON.stringify({ type: 'join', secret, name: `Phone ${index}`, side: index % 2 === 0 ? 'marketing' : 'sales' }));
  await joined;
  return {
    send: (message) => socket.send(JSON.stringify(message)),
    ack: (id) => new Promise((resolve) => waiting.set(id, resolve)),
    close: () => socket.close(),
  };
}

interface RunResult {
  readonly phones: number;
  readonly shownMs: number[];
  readonly topicAckMs: number[];
  readonly dotAckMs: number[];
  readonly refused: string[];
  readonly inbox: number;
  readonly phoneVoters: number;
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly rssBeforeMb: number;
  readonly rssAfterMb: number;
  readonly peakRssMb: number;
}

interface SavedSession {
  readonly inbox?: unknown[];
  readonly cards: Record<string, { votes: Record<string, number> }>;
}

/** The session as the control window autosaved it (docs/file-format.md: the session under its header). */
async function savedSession(dataDir: string): Promise<SavedSession> {
  const folder = join(dataDir, 'sessions');
  const file = (await readdir(folder)).find((name) => name.endsWith('.nahtstelle'));
  if (!file) throw new Error('No session file');
  return (JSON.parse(await readFile(join(folder, file), 'utf8')) as { session: SavedSession }).session;
}

/**
 * How the phones send. `room`: as people do — each phone starts within the first 5 s and sends its
 * next item 0.5–1.5 s after the last was acknowledged (the card limit allows one every 2 s after a
 * burst of 5). `burst`: every phone sends everything at once, each item right after the last one's
 * ack — far harsher than any room, to show where the queue builds.
 */
type Pace = 'room' | 'burst';

/** A fixed pseudo-random sequence (mulberry32), so every run paces the phones alike. */
function pacing(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function run(page: Page, host: Host, phoneCount: number, pace: Pace): Promise<RunResult> {
  await switchPhonesOn(page);
  // Already on at that address: the call only answers the room's state (its QR code's secret).
  const state = (await page.evaluate(() => (window as unknown as { nahtstelle: NahtstelleBridge }).nahtstelle.startRoom('127.0.0.1'))) as RoomState;
  if (!state.on) throw new Error('The phones did not switch on');
  await openPhoneVoting(page);
  const phones: Phone[] = [];
  for (let index = 0; index < phoneCount; index++) phones.push(await joinPhone(state, index));
  // The inbox open, as a facilitator keeps it while topics come in.
  await page.getByRole('button', { name: /^Inbox/ }).click();
  await sleep(500);

  const before = await sample(host.process.pid ?? 0);
  const started = now();
  const sentAt = new Map<string, number>();
  const topicAckMs: number[] = [];
  const dotAckMs: number[] = [];
  const refused: string[] = [];
  const random = pacing(phoneCount);
  // A topic, a dot, a topic, … each after the last one's ack.
  await Promise.all(
    phones.map(async (phone, index) => {
      if (pace === 'room') await sleep(random() * 5000);
      for (let step = 0; step < topicsPerPhone + dotsPerPhone; step++) {
        if (pace === 'room' && step > 0) await sleep(500 + random() * 1000);
        const id = `m${step}`;
        const isTopic = step % 2 === 0;
        const title = `bench·${index}·${step}`;
        // Each phone's dots on one card: +1, −1, +1, −1, +1 leaves one dot, within any budget.
        const cardId = `demo-${1 + (index % topicCards)}`;
        const sent = now();
        if (isTopic) sentAt.set(title, sent);
        phone.send(isTopic ? { type: 'addTopic', id, title } : { type: 'vote', id, cardId, delta: step % 4 === 1 ? 1 : -1 });
        const ack = await phone.ack(id);
        (isTopic ? topicAckMs : dotAckMs).push(now() - sent);
        if (ack.type === 'ack' && ack.status === 'refused') refused.push(`${title}: ${ack.refusal ?? ''}`);
      }
    }),
  );
  const wallMs = now() - started;
  const after = await sample(host.process.pid ?? 0);
  await page.waitForFunction(
    (count) => Object.keys((window as unknown as { __roomBenchSeen: object }).__roomBenchSeen).length >= count,
    sentAt.size,
    {
      timeout: 30_000,
    },
  );
  const seen = (await page.evaluate(() => (window as unknown as { __roomBenchSeen: Record<string, number> }).__roomBenchSeen)) ?? {};
  const shownMs = [...sentAt].map(([title, sent]) => (seen[title] ?? NaN) - sent);

  // Nothing lost: every topic in the saved inbox, every phone's net dot on a card. An ack means
  // applied in the control window; the autosave follows within its delay, so the file is read until
  // both are there (10 s at most). Each phone's last step is a dot: reading only until the topics were
  // all saved missed the last dots of a room's last phones.
  const phoneVotersIn = (session: SavedSession) =>
    new Set(Object.values(session.cards).flatMap((card) => Object.keys(card.votes).filter((voter) => voter.startsWith('phone:'))));
  let saved = await savedSession(host.dataDir);
  for (let tries = 0; tries < 40 && ((saved.inbox?.length ?? 0) < sentAt.size || phoneVotersIn(saved).size < phoneCount); tries++) {
    await sleep(250);
    saved = await savedSession(host.dataDir);
  }
  const phoneVoters = phoneVotersIn(saved);
  for (const phone of phones) phone.close();
  await page.evaluate(() => (window as unknown as { nahtstelle: NahtstelleBridge }).nahtstelle.stopRoom());
  return {
    phones: phoneCount,
    shownMs,
    topicAckMs,
    dotAckMs,
    refused,
    inbox: saved.inbox?.length ?? 0,
    phoneVoters: phoneVoters.size,
    cpuMs: after.cpuMs - before.cpuMs,
    wallMs,
    rssBeforeMb: before.rssMb,
    rssAfterMb: after.rssMb,
    peakRssMb: after.peakRssMb,
  };
}

/** The Phones panel's switch, as the facilitator uses it (the firewall note confirmed). */
async function switchPhonesOn(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Phones/ }).click();
  await page.getByRole('button', { name: 'Switch phones on' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Switch phones on' }).click();
  await page.getByRole('img', { name: 'QR code to join with a phone' }).waitFor();
}

/** Dot voting open, each phone voting as itself (the voting panel's choice). */
async function openPhoneVoting(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Dot voting' }).click();
  await page.getByRole('radio', { name: 'Each phone votes' }).check();
}

const line = (label: string, values: readonly number[]) =>
  `  ${label.padEnd(34)} median ${ms(median(values))}, p95 ${ms(p95(values))}, max ${ms(max(values))} (n = ${values.length})`;

async function main(): Promise<number> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  let failed = false;
  console.log(`Nahtstelle room bench: phones on loopback, Chromium ${browser.version()}, Node ${process.version}`);
  try {
    for (const [phoneCount, pace] of phoneCounts.flatMap((count) => paces.map((each) => [count, each] as const))) {
      const dataDir = await mkdtemp(join(tmpdir(), 'nahtstelle-room-bench-'));
      const host = await startHost(dataDir);
      try {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
        await context.addInitScript(initScript);
        const page = await context.newPage();
        await page.goto(host.url);
        await page.locator('[data-card-id]').first().waitFor();
        const result = await run(page, host, phoneCount, pace);
        await context.close();
        const lost = phoneCount * topicsPerPhone - result.inbox;
        const how = pace === 'room' ? 'at a room’s pace (started within 5 s, 0.5–1.5 s apart)' : 'all at once, back to back';
        console.log(`\n${phoneCount} phones, ${topicsPerPhone} topics and ${dotsPerPhone} dots each, ${how}:`);
        console.log(line('topic sent → shown in control window', result.shownMs));
        console.log(line('topic sent → ack (applied)', result.topicAckMs));
        console.log(line('dot sent → ack (applied)', result.dotAckMs));
        console.log(`  refused: ${result.refused.length}${result.refused.length > 0 ? ` (${result.refused.slice(0, 5).join(', ')}…)` : ''}`);
        console.log(
          `  saved: ${result.inbox} of ${phoneCount * topicsPerPhone} topics in the inbox, ${result.phoneVoters} of ${phoneCount} phones' dots`,
        );
        console.log(
          `  serving process: ${(result.cpuMs / 1000).toFixed(2)} s CPU in ${(result.wallMs / 1000).toFixed(2)} s (${Math.round((100 * result.cpuMs) / result.wallMs)} % of a core), RSS ${result.rssBeforeMb.toFixed(0)} → ${result.rssAfterMb.toFixed(0)} MB (peak ${result.peakRssMb.toFixed(0)} MB)`,
        );
        const overBudget = phoneCount === 40 && pace === 'room' && !(p95(result.shownMs) <= budgetMs);
        if (lost !== 0 || result.refused.length > 0 || result.phoneVoters !== phoneCount || overBudget) {
          failed = true;
          console.log(
            `  FAILED: ${lost} topics lost, ${phoneCount - result.phoneVoters} phones' dots missing, ${result.refused.length} refused${overBudget ? `, p95 over the ${budgetMs} ms budget` : ''}`,
          );
        }
      } finally {
        host.process.kill('SIGTERM');
        await rm(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
