/**
 * The summary model as JSON, for automation: the same data every other format renders, with the
 * words already in the summary's language. `format` and `version` (core/summary.ts) say what it is.
 */
import type { Summary } from '../summary';

export function renderJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
