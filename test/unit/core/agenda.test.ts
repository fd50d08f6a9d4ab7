import { describe, expect, it } from 'vitest';
import { agendaLimits, blockKinds, workshopAgenda, workshopMinutes } from '../../../core/agenda';
import { createSession } from '../../../core/model';
import { parseSessionFile, serializeSession } from '../../../core/session-file';
import { agendaBlockSchema } from '../../../core/session-schema';

function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

describe('workshopAgenda', () => {
  it('is the workshop flow of the method, in order: who leads, caricatures, mission, metrics', () => {
    expect(workshopAgenda(counter('b')).map((block) => block.kind)).toEqual(['lead', 'caricatures', 'mission', 'metrics']);
  });

  it('leaves titles and prompts to the UI language (null) and timeboxes each block', () => {
    expect(workshopAgenda(counter('b'))).toEqual([
      { id: 'b1', kind: 'lead', title: null, prompt: null, minutes: 45, skipped: false },
      { id: 'b2', kind: 'caricatures', title: null, prompt: null, minutes: 45, skipped: false },
      { id: 'b3', kind: 'mission', title: null, prompt: null, minutes: 40, skipped: false },
      { id: 'b4', kind: 'metrics', title: null, prompt: null, minutes: 40, skipped: false },
    ]);
  });

  it('fits a half-day with room for breaks, and every timebox is within the limits', () => {
    const agenda = workshopAgenda(counter('b'));
    expect(agenda.reduce((sum, block) => sum + block.minutes, 0)).toBe(170);
    for (const block of agenda) {
      expect(block.minutes).toBe(workshopMinutes[block.kind as keyof typeof workshopMinutes]);
      expect(agendaBlockSchema.safeParse(block).success).toBe(true);
    }
  });

  it('asks newId once per block, in order, and uses exactly what it returns', () => {
    const given: string[] = [];
    const agenda = workshopAgenda(() => {
      const id = `id-${given.length}`;
      given.push(id);
      return id;
    });
    expect(agenda.map((block) => block.id)).toEqual(given);
    expect(given).toEqual(['id-0', 'id-1', 'id-2', 'id-3']);
  });

  it('is pure: each call gives new, equal data; changing one result does not change the next', () => {
    const first = workshopAgenda(counter('b'));
    const second = workshopAgenda(counter('b'));
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    first.pop();
    expect(workshopAgenda(counter('b'))).toHaveLength(4);
  });

  it('makes a session that saves and loads unchanged', () => {
    const session = createSession('s-1', { title: 'Nahtstellen-Workshop' }, workshopAgenda(counter('block-')));
    expect(parseSessionFile(serializeSession(session))).toEqual({ ok: true, session, migratedFrom: null });
  });
});

describe('the agenda vocabulary', () => {
  it('has the four blocks of the method and a custom block', () => {
    expect(blockKinds).toEqual(['lead', 'caricatures', 'mission', 'metrics', 'custom']);
  });

  it('has the limits the file format documents', () => {
    expect(agendaLimits).toEqual({ blocks: 50, textLength: 2000, minMinutes: 1, maxMinutes: 480 });
  });
});
