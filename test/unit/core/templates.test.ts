import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agendaLimits, blockKinds, newBlock, workshopAgenda, type AgendaBlock } from '../../../core/agenda';
import { agendaTemplateSchema, templateBlockSchema } from '../../../core/api-schemas';
import { createSession } from '../../../core/model';
import { serializeSession, parseSessionFile } from '../../../core/session-file';
import {
  agendaFromTemplate,
  deleteTemplate,
  saveTemplate,
  sortedTemplates,
  templateBlocksOf,
  templateLimits,
  templateNamed,
  type AgendaTemplate,
  type TemplateBlock,
} from '../../../core/templates';

function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

const customAgenda: AgendaBlock[] = [
  { id: 'a', kind: 'lead', title: 'Wer führt den Launch?', prompt: 'Nur neue Themen.', minutes: 20, skipped: false },
  { id: 'b', kind: 'caricatures', title: null, prompt: null, minutes: 30, skipped: true },
  { id: 'c', kind: 'custom', title: 'Pause', prompt: null, minutes: 15, skipped: false },
];

describe('templateBlocksOf', () => {
  it('keeps each block’s plan but not its id', () => {
    expect(templateBlocksOf(customAgenda)).toEqual([
      { kind: 'lead', title: 'Wer führt den Launch?', prompt: 'Nur neue Themen.', minutes: 20, skipped: false },
      { kind: 'caricatures', title: null, prompt: null, minutes: 30, skipped: true },
      { kind: 'custom', title: 'Pause', prompt: null, minutes: 15, skipped: false },
    ]);
  });

  it('normalises text and timeboxes, so a stored template always fits the schema', () => {
    const [block] = templateBlocksOf([{ kind: 'mission', title: '  Auftrag \n klären ', prompt: '   ', minutes: 9999.4, skipped: false }]);
    expect(block).toEqual({ kind: 'mission', title: 'Auftrag klären', prompt: null, minutes: agendaLimits.maxMinutes, skipped: false });
    expect(templateBlockSchema.safeParse(block).success).toBe(true);
  });
});

describe('agendaFromTemplate', () => {
  it('gives the same blocks in the same order, each with a fresh id', () => {
    const agenda = agendaFromTemplate(templateBlocksOf(customAgenda), counter('new-'));
    expect(agenda.map((block) => block.id)).toEqual(['new-1', 'new-2', 'new-3']);
    expect(agenda.map(({ id: _id, ...rest }) => rest)).toEqual(templateBlocksOf(customAgenda));
  });

  it('builds a valid session: the agenda round-trips through the session file', () => {
    const agenda = agendaFromTemplate(templateBlocksOf(workshopAgenda(counter('w'))), counter('x'));
    const session = createSession('s1', { title: 'Aus Vorlage' }, agenda);
    const parsed = parseSessionFile(serializeSession(session));
    expect(parsed.ok && parsed.session.agenda).toEqual(agenda);
  });

  it('returns new objects every time: two sessions from one template share nothing', () => {
    const blocks = templateBlocksOf(customAgenda);
    const first = agendaFromTemplate(blocks, counter('a'));
    const second = agendaFromTemplate(blocks, counter('b'));
    expect(first[0]).not.toBe(second[0]);
    expect(new Set([...first, ...second].map((block) => block.id)).size).toBe(6);
  });

  it('keeps any valid template block unchanged but for the id (property)', () => {
    const block = fc.record({
      kind: fc.constantFrom(...blockKinds),
      title: fc.option(
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s !== '' && !/\s{2}|\n/.test(s)),
        { nil: null },
      ),
      prompt: fc.constant(null),
      minutes: fc.integer({ min: 1, max: 480 }),
      skipped: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 10 }), (blocks: TemplateBlock[]) => {
        const agenda = agendaFromTemplate(blocks, counter('id'));
        expect(agenda.map(({ id: _id, ...rest }) => rest)).toEqual(blocks);
      }),
    );
  });
});

describe('saveTemplate and deleteTemplate', () => {
  const blocks = templateBlocksOf(customAgenda);

  it('adds a named template with the id it is given', () => {
    const result = saveTemplate([], '  Kurzformat  ', blocks, () => 't1');
    expect(result).toEqual({ ok: true, template: { id: 't1', name: 'Kurzformat', blocks }, templates: [{ id: 't1', name: 'Kurzformat', blocks }] });
    if (result.ok) expect(agendaTemplateSchema.safeParse(result.template).success).toBe(true);
  });

  it('replaces a template of the same name (ignoring case), keeping its id and place', () => {
    const start: AgendaTemplate[] = [
      { id: 't1', name: 'Kurzformat', blocks },
      { id: 't2', name: 'Ganztag', blocks },
    ];
    const shorter = blocks.slice(0, 1);
    const result = saveTemplate(start, 'kurzformat', shorter, () => 'unused');
    expect(result.ok && result.templates).toEqual([{ id: 't1', name: 'kurzformat', blocks: shorter }, start[1]]);
    expect(templateNamed(start, ' GANZTAG ')).toBe(start[1]);
  });

  it('refuses a blank name, no blocks, and a new name when the list is full', () => {
    expect(saveTemplate([], '   ', blocks, () => 'x')).toEqual({ ok: false, problem: 'emptyName' });
    expect(saveTemplate([], 'Leer', [], () => 'x')).toEqual({ ok: false, problem: 'noBlocks' });
    const full = Array.from({ length: templateLimits.templates }, (_, i) => ({ id: `t${i}`, name: `Vorlage ${i}`, blocks }));
    expect(saveTemplate(full, 'Noch eine', blocks, () => 'x')).toEqual({ ok: false, problem: 'tooMany' });
    // Updating one that exists is still allowed when the list is full.
    expect(saveTemplate(full, 'Vorlage 3', blocks.slice(0, 1), () => 'x').ok).toBe(true);
  });

  it('cuts a long name and a long agenda to the limits', () => {
    const many = Array.from({ length: agendaLimits.blocks + 5 }, (_, i) => templateBlocksOf([newBlock(`b${i}`, 'custom')])[0] as TemplateBlock);
    const result = saveTemplate([], 'x'.repeat(500), many, () => 't');
    expect(result.ok && result.template.name.length).toBe(templateLimits.nameLength);
    expect(result.ok && result.template.blocks.length).toBe(templateLimits.blocks);
  });

  it('deletes by id; an unknown id leaves the very same list', () => {
    const list: AgendaTemplate[] = [
      { id: 't1', name: 'A', blocks },
      { id: 't2', name: 'B', blocks },
    ];
    expect(deleteTemplate(list, 't1')).toEqual([list[1]]);
    expect(deleteTemplate(list, 'nope')).toBe(list);
  });

  it('sorts for reading by name, in the UI language', () => {
    const list = ['Zweitag', 'ärger', 'Anfang'].map((name, i) => ({ id: `t${i}`, name, blocks }));
    expect(sortedTemplates(list, 'de').map((t) => t.name)).toEqual(['Anfang', 'ärger', 'Zweitag']);
  });
});
