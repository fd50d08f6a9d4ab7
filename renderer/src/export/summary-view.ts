import type { Summary } from '../../../core/summary';
import { summarySections, type SummarySection } from '../../../core/summary-text';

/** The sections that are a part of the summary model of their own name (the board picture is made in main). */
export type SummaryPart = Exclude<SummarySection, 'board'>;

/**
 * A summary built with every section, narrowed to the chosen ones: the same as building it with
 * just those (each part is made on its own), but the parts kept stay the same objects, so the
 * preview redraws only the section switched on or off. The summary is built once per change of
 * the board, not once per checkbox.
 */
export function summaryWithSections(full: Summary, sections: readonly SummarySection[]): Summary {
  const chosen = new Set(sections);
  const part = <S extends SummaryPart>(section: S): Summary[S] | null => (chosen.has(section) ? full[section] : null);
  return {
    ...full,
    sections: summarySections.filter((section) => chosen.has(section)),
    facts: part('facts'),
    glance: part('glance'),
    mission: chosen.has('glance') ? full.mission : null,
    lanes: part('lanes'),
    seams: part('seams'),
    caricatures: part('caricatures'),
    metrics: part('metrics'),
    votes: part('votes'),
    actions: part('actions'),
    agenda: part('agenda'),
    moves: part('moves'),
  };
}
