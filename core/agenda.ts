/** The workshop agenda: blocks with their timeboxes, the built-in template, next and previous. docs/ARCHITECTURE.md, "Layers and arrows". */

import type { AgendaBlock, BlockKind, CardKind } from './model';

// The block's shape lives with the rest of the session's data (model.ts), so model.ts needs nothing from here.
export { blockKinds, type AgendaBlock, type BlockKind } from './model';

/** The kind of card a block works with: new cards added during the block are of this kind. */
export function cardKindOfBlock(kind: BlockKind): CardKind {
  return cardKindByBlock[kind] ?? 'topic';
}

const cardKindByBlock: Partial<Readonly<Record<BlockKind, CardKind>>> = { caricatures: 'caricature', metrics: 'metric' };

/** A new block of the facilitator's, with the defaults of its kind. */
export function newBlock(id: string, kind: BlockKind, minutes = 30): AgendaBlock {
  return { id, kind, title: null, prompt: null, minutes: clampMinutes(minutes), skipped: false };
}

/** A timebox in whole minutes within the agenda's limits. */
export function clampMinutes(minutes: number): number {
  if (!Number.isFinite(minutes)) return agendaLimits.minMinutes;
  return Math.min(agendaLimits.maxMinutes, Math.max(agendaLimits.minMinutes, Math.round(minutes)));
}

/**
 * The block `step` places away from `fromId` (+1 next, -1 previous), passing over skipped blocks;
 * null when there is none. From no block, next is the first block that is not skipped.
 */
export function neighbourBlock(agenda: readonly AgendaBlock[], fromId: string | null, step: 1 | -1): AgendaBlock | null {
  const from = fromId === null ? -1 : agenda.findIndex((block) => block.id === fromId);
  if (from === -1 && step === -1) return null;
  for (let i = from + step; i >= 0 && i < agenda.length; i += step) {
    const block = agenda[i];
    if (block && !block.skipped) return block;
  }
  return null;
}

/** The agenda's planned length in minutes: every block that is not skipped. */
export function agendaMinutes(agenda: readonly AgendaBlock[]): number {
  return agenda.reduce((sum, block) => (block.skipped ? sum : sum + block.minutes), 0);
}

/**
 * When the agenda will end if every block from the active one on takes its time: `now` plus what
 * the active block has left (never less than nothing) plus the timeboxes of the blocks after it
 * that are not skipped. Before the agenda starts, `now` plus all of it. `remainingMs` says what a
 * block has left (core/timer.ts `blockRemainingMs`), so a block left mid-way counts what it kept.
 */
export function plannedEndMs(
  agenda: readonly AgendaBlock[],
  activeBlockId: string | null,
  now: number,
  remainingMs: (block: AgendaBlock) => number,
): number {
  const from = activeBlockId === null ? 0 : agenda.findIndex((block) => block.id === activeBlockId);
  let end = now;
  for (const block of agenda.slice(Math.max(0, from))) {
    if (block.skipped && block.id !== activeBlockId) continue;
    end += Math.max(0, remainingMs(block));
  }
  return end;
}

/** Limits of an agenda; the file schema (core/session-schema.ts) enforces them, editors keep them. */
export const agendaLimits = {
  /** Blocks per session. */
  blocks: 50,
  /** Characters of a block's own title or prompt. */
  textLength: 2000,
  /** A timebox is a whole number of minutes in this range: one minute to a full 8-hour day. */
  minMinutes: 1,
  maxMinutes: 480,
} as const;

/**
 * The timeboxes of the built-in template, in minutes: 170 in all, which leaves room for
 * breaks, a welcome and a wrap-up in a half-day workshop. Settling who leads and clearing up the
 * caricatures take the most talk, so they get the most time; the mission and the metrics build
 * on them.
 */
export const workshopMinutes: Readonly<Record<Exclude<BlockKind, 'custom'>, number>> = {
  lead: 45,
  caricatures: 45,
  mission: 40,
  metrics: 40,
};

/**
 * The built-in template "Marketing × Sales — Nahtstellen-Workshop" (its name is UI text, in the
 * translations): the four blocks of the method in order — who leads, clear up the caricatures,
 * agree the mission, measure and narrate — with default titles and prompts (null) and the
 * timeboxes of workshopMinutes. `newId` gives each block its id, called once per block in order.
 * Pure apart from what `newId` does; every call returns new arrays and objects.
 */
export function workshopAgenda(newId: () => string): AgendaBlock[] {
  const kinds = ['lead', 'caricatures', 'mission', 'metrics'] as const;
  return kinds.map((kind) => newBlock(newId(), kind, workshopMinutes[kind]));
}
