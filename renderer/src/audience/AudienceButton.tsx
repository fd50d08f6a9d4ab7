import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyButton } from '../ui/buttons';
import { toggleAudienceWindow, useAudienceWindow } from './audience-window';
import './audience.css';

/** How long the hint about a missing second display stays: long enough to read it twice. */
const hintMs = 15_000;

/**
 * The toolbar's "Audience window" button: opens the room's view (on the projector when one is
 * attached) or closes it. When it opened on this display, a short line says so and what to do.
 */
export function AudienceButton() {
  const { t } = useTranslation();
  const open = useAudienceWindow((s) => s.open);
  const opened = useAudienceWindow((s) => s.opened);
  /** The opening whose hint has had its time. */
  const [expired, setExpired] = useState<number | null>(null);

  // Each opening on this display shows the hint afresh, for a while.
  useEffect(() => {
    if (opened?.placement !== 'sameDisplay') return;
    const timer = setTimeout(() => setExpired(opened.count), hintMs);
    return () => clearTimeout(timer);
  }, [opened]);
  const showHint = open && opened?.placement === 'sameDisplay' && expired !== opened.count;

  return (
    <>
      <KeyButton shortcut="audienceWindow" aria-pressed={open} onClick={toggleAudienceWindow}>
        {t('audience.window')}
      </KeyButton>
      {/* Always there, so screen readers hear the hint when it appears. */}
      <span className="audience-hint" role="status">
        {showHint ? t('audience.openedHere') : ''}
      </span>
    </>
  );
}
