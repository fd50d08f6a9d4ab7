import { useTranslation } from 'react-i18next';
import { useTransientHint } from '../app/notices';
import { ariaKeyShortcuts } from '../app/shortcut-keys';
import { usePresentation } from '../present/presentation-store';
import { toggleAudienceWindow, useAudienceWindow } from './audience-window';
import './audience.css';

/** How long the hint about a missing second display stays: long enough to read it twice. */
const hintMs = 15_000;

/**
 * The toolbar's "Audience window" button: opens the room's view (on the projector when one is
 * attached) or closes it. When it opened on this display, a short line says so and what to do,
 * until the next action (app/notices.ts).
 */
export function AudienceButton() {
  const { t } = useTranslation();
  const open = usePresentation((s) => s.audienceOpen);
  const opened = useAudienceWindow((s) => s.opened);
  // Each opening on this display shows the hint afresh, until it has had its time or the next action.
  const showHint = useTransientHint(open && opened?.placement === 'sameDisplay' ? opened.count : null, hintMs);

  return (
    <>
      <button type="button" className="tool-button" aria-pressed={open} aria-keyshortcuts={ariaKeyShortcuts('audienceWindow')} onClick={toggleAudienceWindow}>
        {t('audience.window')}
      </button>
      {/* Always there, so screen readers hear the hint when it appears. */}
      <span className="audience-hint" role="status">
        {showHint ? t('audience.openedHere') : ''}
      </span>
    </>
  );
}
