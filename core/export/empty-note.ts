/** What a summary section says in place of its list when it has nothing to show: docs/summaries.md#the-formats. */
import type { Summary } from '../summary';
import type { SummarySection, SummaryText } from '../summary-text';

/** The note a section shows instead of its list (nothing there yet, or not revealed yet), else undefined. */
export function emptyNote(summary: Summary, section: SummarySection, text: SummaryText): string | undefined {
  const { caricatures, metrics, votes } = summary;
  switch (section) {
    case 'seams':
    case 'agenda':
    case 'actions':
    case 'moves':
      return (summary[section] ?? []).length === 0 ? text[section].none : undefined;
    case 'caricatures':
      if (!caricatures) return undefined;
      if (caricatures.hiddenCount > 0) return text.caricatures.hidden(caricatures.hiddenCount);
      return caricatures.groups.length === 0 ? text.caricatures.none : undefined;
    case 'metrics':
      return metrics && metrics.withNarrative.length + metrics.withoutNarrative.length === 0 ? text.metrics.none : undefined;
    case 'votes':
      if (!votes) return undefined;
      if (!votes.revealed) return text.votes.hidden;
      return votes.ranking.length === 0 ? text.votes.none : undefined;
    default:
      return undefined;
  }
}
