import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaBlock } from '../../../core/agenda';
import { useBoard } from '../store/board-store';

/**
 * The session's agenda: its blocks in order with their timeboxes. Choosing a block shows its
 * prompt for the facilitator; choosing it again hides the prompt.
 */
export function AgendaBar() {
  const { t } = useTranslation();
  const agenda = useBoard((s) => s.history.present.agenda);
  const [shownId, setShownId] = useState<string | null>(null);
  if (agenda.length === 0) return null;
  const shown = agenda.find((block) => block.id === shownId);

  return (
    <nav className="agenda" aria-label={t('agenda.label')}>
      <ol className="agenda-blocks">
        {agenda.map((block, index) => {
          const title = blockTitle(block, t);
          return (
            <li key={block.id}>
              <button
                type="button"
                className={block.id === shownId ? 'agenda-block agenda-block--shown' : 'agenda-block'}
                aria-pressed={block.id === shownId}
                onClick={() => setShownId(block.id === shownId ? null : block.id)}
              >
                <span className="agenda-number">{index + 1}</span>
                <span className="agenda-title">{title}</span>
                <span className="agenda-minutes">{t('agenda.minutes', { count: block.minutes })}</span>
              </button>
            </li>
          );
        })}
      </ol>
      {shown && (
        <p className="agenda-prompt" role="note" aria-label={t('agenda.prompt')}>
          {blockPrompt(shown, t)}
        </p>
      )}
    </nav>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

/** A block's own title, else the default title of its kind in the UI language. */
export function blockTitle(block: AgendaBlock, t: Translate): string {
  return block.title ?? t(`agenda.${block.kind}`);
}

export function blockPrompt(block: AgendaBlock, t: Translate): string {
  return block.prompt ?? t(`agenda.${block.kind}Prompt`);
}
