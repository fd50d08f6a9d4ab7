/** Own agenda templates: the facilitator's variants of the workshop plan. docs/ARCHITECTURE.md, "Layers and arrows". */
import { agendaLimits, clampMinutes, type AgendaBlock } from './agenda';
import { multiLine, singleLine } from './model';

/** A block as a template keeps it: everything but the id. */
export type TemplateBlock = Omit<AgendaBlock, 'id'>;

export interface AgendaTemplate {
  readonly id: string;
  /** Shown in the new-session dialog; unique among a facilitator's templates, ignoring case. */
  readonly name: string;
  /** At least one block, at most agendaLimits.blocks. */
  readonly blocks: readonly TemplateBlock[];
}

/** Limits of the template list; the schema enforces them, the functions here keep them. */
export const templateLimits = {
  /** Own templates in all: a list to choose from, not an archive. */
  templates: 50,
  /** Characters of a template's name. */
  nameLength: 100,
  idLength: 200,
  blocks: agendaLimits.blocks,
} as const;

/** A template name as stored: one line, trimmed, cut to the limit; '' when nothing is left. */
export function normaliseTemplateName(name: string): string {
  return singleLine(name, templateLimits.nameLength);
}

/** A block as a template keeps it: no id, text normalised, the timebox within the limits. */
export function templateBlockOf(block: TemplateBlock): TemplateBlock {
  const title = block.title === null ? '' : singleLine(block.title, agendaLimits.textLength);
  const prompt = block.prompt === null ? '' : multiLine(block.prompt, agendaLimits.textLength).trim();
  return {
    kind: block.kind,
    title: title === '' ? null : title,
    prompt: prompt === '' ? null : prompt,
    minutes: clampMinutes(block.minutes),
    skipped: block.skipped,
  };
}

/** The blocks of a session's agenda as a template keeps them (at most templateLimits.blocks). */
export function templateBlocksOf(agenda: readonly TemplateBlock[]): TemplateBlock[] {
  return agenda.slice(0, templateLimits.blocks).map(templateBlockOf);
}

/**
 * A new session's agenda from a template's blocks: the same blocks in the same order, each with
 * a fresh id from `newId` (called once per block, in order). Every call returns new objects.
 */
export function agendaFromTemplate(blocks: readonly TemplateBlock[], newId: () => string): AgendaBlock[] {
  return templateBlocksOf(blocks).map((block) => ({ id: newId(), ...block }));
}

/** The template with this name, ignoring case and surrounding space; undefined when none. */
export function templateNamed(templates: readonly AgendaTemplate[], name: string): AgendaTemplate | undefined {
  const key = normaliseTemplateName(name).toLocaleLowerCase();
  return templates.find((template) => template.name.toLocaleLowerCase() === key);
}

export type SaveTemplateResult =
  | { readonly ok: true; readonly templates: readonly AgendaTemplate[]; readonly template: AgendaTemplate }
  | { readonly ok: false; readonly problem: 'emptyName' | 'noBlocks' | 'tooMany' };

/**
 * Saves blocks under a name. A template of the same name (ignoring case) is replaced and keeps
 * its id and place in the list — saving a variant again updates it; otherwise the new template,
 * with the id `newId` gives, goes to the end. Refused with a reason when the name is blank, there
 * are no blocks, or the list is full.
 */
export function saveTemplate(
  templates: readonly AgendaTemplate[],
  name: string,
  blocks: readonly TemplateBlock[],
  newId: () => string,
): SaveTemplateResult {
  const cleanName = normaliseTemplateName(name);
  if (cleanName === '') return { ok: false, problem: 'emptyName' };
  if (blocks.length === 0) return { ok: false, problem: 'noBlocks' };
  const existing = templateNamed(templates, cleanName);
  const template: AgendaTemplate = { id: existing?.id ?? newId(), name: cleanName, blocks: templateBlocksOf(blocks) };
  if (existing) return { ok: true, template, templates: templates.map((t) => (t.id === existing.id ? template : t)) };
  if (templates.length >= templateLimits.templates) return { ok: false, problem: 'tooMany' };
  return { ok: true, template, templates: [...templates, template] };
}

/** The list without the template of this id (the same list when there is none). */
export function deleteTemplate(templates: readonly AgendaTemplate[], id: string): readonly AgendaTemplate[] {
  return templates.some((template) => template.id === id) ? templates.filter((template) => template.id !== id) : templates;
}

/** The templates sorted for a list the facilitator reads: by name, in the UI language's order. */
export function sortedTemplates(templates: readonly AgendaTemplate[], locale: string): AgendaTemplate[] {
  return [...templates].sort((a, b) => a.name.localeCompare(b.name, locale, { sensitivity: 'base' }));
}
