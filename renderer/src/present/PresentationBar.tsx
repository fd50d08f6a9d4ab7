import './present.css';
import { useTranslation } from 'react-i18next';
import { zoomLimits } from '../../../core/audience';
import { blockViewOf } from '../../../core/block-view';
import { FitIcon, MinusIcon, PlusIcon, TopicLanesIcon } from '../ui/icons';
import { ariaKeyShortcuts } from '../ui/shortcut-keys';
import { blockPrompt, blockTitle } from '../session/agenda-commands';
import { BlockTimer } from '../session/BlockTimer';
import { useBoard } from '../store/board-store';
import { setPresenting, toggleSpotlight } from './commands';
import { usePresentation } from '../store/presentation-store';

/**
 * What presentation mode shows besides the board: the active block with its prompt and timer,
 * large, when the facilitator wants it (B), and a small row of controls for a mouse or a touch
 * screen — zoom, fit, the block banner, leave — which the keys do as well (the cheat sheet lists them).
 */
export function PresentationBar() {
  const showBlock = usePresentation((s) => s.showBlock);
  return (
    <>
      {showBlock && <BlockBanner />}
      <PresentationControls />
    </>
  );
}

function BlockBanner() {
  const { t } = useTranslation();
  const block = useBoard((s) => s.history.present.agenda.find((b) => b.id === s.history.present.activeBlockId));
  return (
    <section className="presentation-block" aria-label={t('present.block')}>
      {block ? (
        <>
          <div>
            <h2>{blockTitle(block, t)}</h2>
            <p className="presentation-prompt">{blockPrompt(block, t)}</p>
          </div>
          <BlockTimer block={block} />
        </>
      ) : (
        <p className="presentation-prompt">{t('present.noBlock')}</p>
      )}
    </section>
  );
}

function PresentationControls() {
  const { t } = useTranslation();
  const zoom = usePresentation((s) => s.zoom);
  const showBlock = usePresentation((s) => s.showBlock);
  const spotlighting = usePresentation((s) => s.spotlightCardId !== null);
  const { stepZoom, setZoom, toggleBlock } = usePresentation.getState();
  return (
    <div className="presentation-controls" role="toolbar" aria-label={t('present.bar')}>
      <button
        type="button"
        className="icon-button"
        aria-label={t('present.zoomOut')}
        aria-keyshortcuts={ariaKeyShortcuts('zoomOut')}
        disabled={zoom !== 'fit' && zoom <= zoomLimits.min}
        onClick={() => stepZoom(-1)}
      >
        <MinusIcon />
      </button>
      <span className="presentation-zoom" role="status">
        {zoom === 'fit' ? t('present.zoomFitted') : t('present.zoomLevel', { percent: Math.round(zoom * 100) })}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label={t('present.zoomIn')}
        aria-keyshortcuts={ariaKeyShortcuts('zoomIn')}
        disabled={zoom !== 'fit' && zoom >= zoomLimits.max}
        onClick={() => stepZoom(1)}
      >
        <PlusIcon />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('present.zoomFit')}
        aria-keyshortcuts={ariaKeyShortcuts('zoomFit')}
        aria-pressed={zoom === 'fit'}
        onClick={() => setZoom('fit')}
      >
        <FitIcon />
      </button>
      {/* Keeps the focus where it was on press (a tapped card), so the spotlight goes to that card. */}
      <button
        type="button"
        className="tool-button"
        aria-pressed={spotlighting}
        aria-keyshortcuts={ariaKeyShortcuts('spotlight')}
        onPointerDown={(event) => event.preventDefault()}
        onClick={() => toggleSpotlight(focusedCardId())}
      >
        {t('present.spotlight.label')}
      </button>
      <TopicsToggle />
      <button
        type="button"
        className="tool-button"
        aria-pressed={showBlock}
        aria-keyshortcuts={ariaKeyShortcuts('blockBanner')}
        onClick={toggleBlock}
      >
        {t('present.showBlock')}
      </button>
      <button type="button" className="tool-button" aria-keyshortcuts={ariaKeyShortcuts('leavePresentation')} onClick={() => setPresenting(false)}>
        {t('present.leave')}
      </button>
    </div>
  );
}

/** The toolbar's way into presentation mode and to the cheat sheet, for those who do not know the keys. */
export function PresentButtons() {
  const { t } = useTranslation();
  return (
    <>
      <TopicsToggle />
      <button type="button" className="tool-button" aria-keyshortcuts={ariaKeyShortcuts('presentation')} onClick={() => setPresenting(true)}>
        {t('present.presentation')}
      </button>
      <button
        type="button"
        className="tool-button"
        aria-keyshortcuts={ariaKeyShortcuts('cheatSheet')}
        onClick={() => usePresentation.getState().setCheatSheetOpen(true)}
      >
        {t('present.cheatSheet.button')}
      </button>
    </>
  );
}

/**
 * In a block with a view of its own (caricatures, metrics): the lanes of topics instead, and back
 * (V). Not there in other blocks, where the board is the lanes anyway.
 */
function TopicsToggle() {
  const { t } = useTranslation();
  const hasView = useBoard((s) => blockViewOf(s.history.present) !== 'lanes');
  const topicsAsked = usePresentation((s) => s.topicsAsked);
  if (!hasView) return null;
  return (
    <button
      type="button"
      className="tool-button"
      aria-pressed={topicsAsked}
      aria-keyshortcuts={ariaKeyShortcuts('toggleTopics')}
      onClick={() => usePresentation.getState().toggleTopics()}
    >
      <TopicLanesIcon />
      {/* In the narrow board tools only the icon shows (layout.css); the words stay its name. */}
      <span className="tool-label">{t('views.showTopics')}</span>
    </button>
  );
}

/** The card that has the focus (tapped or reached by keyboard), if any. */
function focusedCardId(): string | null {
  const focused = document.activeElement;
  return focused instanceof HTMLElement && focused.dataset.cardId !== undefined ? focused.dataset.cardId : null;
}
