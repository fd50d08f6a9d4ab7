import './present.css';
import { useTranslation } from 'react-i18next';
import { zoomLimits } from '../../../core/audience';
import { blockViewOf } from '../../../core/block-view';
import { FitIcon, MinusIcon, PlusIcon, TopicLanesIcon } from '../ui/icons';
import { KeyButton } from '../ui/buttons';
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
      <KeyButton
        shortcut="zoomOut"
        className="icon-button"
        aria-label={t('present.zoomOut')}
        disabled={zoom !== 'fit' && zoom <= zoomLimits.min}
        onClick={() => stepZoom(-1)}
      >
        <MinusIcon />
      </KeyButton>
      <span className="presentation-zoom" role="status">
        {zoom === 'fit' ? t('present.zoomFitted') : t('present.zoomLevel', { percent: Math.round(zoom * 100) })}
      </span>
      <KeyButton
        shortcut="zoomIn"
        className="icon-button"
        aria-label={t('present.zoomIn')}
        disabled={zoom !== 'fit' && zoom >= zoomLimits.max}
        onClick={() => stepZoom(1)}
      >
        <PlusIcon />
      </KeyButton>
      <KeyButton
        shortcut="zoomFit"
        className="icon-button"
        aria-label={t('present.zoomFit')}
        aria-pressed={zoom === 'fit'}
        onClick={() => setZoom('fit')}
      >
        <FitIcon />
      </KeyButton>
      {/* Keeps the focus where it was on press (a tapped card), so the spotlight goes to that card. */}
      <KeyButton
        shortcut="spotlight"
        aria-pressed={spotlighting}
        onPointerDown={(event) => event.preventDefault()}
        onClick={() => toggleSpotlight(focusedCardId())}
      >
        {t('present.spotlight.label')}
      </KeyButton>
      <TopicsToggle />
      <KeyButton shortcut="blockBanner" aria-pressed={showBlock} onClick={toggleBlock}>
        {t('present.showBlock')}
      </KeyButton>
      <KeyButton shortcut="leavePresentation" onClick={() => setPresenting(false)}>
        {t('present.leave')}
      </KeyButton>
    </div>
  );
}

/** The toolbar's way into presentation mode and to the cheat sheet, for those who do not know the keys. */
export function PresentButtons() {
  const { t } = useTranslation();
  return (
    <>
      <TopicsToggle />
      <KeyButton shortcut="presentation" onClick={() => setPresenting(true)}>
        {t('present.presentation')}
      </KeyButton>
      <KeyButton shortcut="cheatSheet" onClick={() => usePresentation.getState().setCheatSheetOpen(true)}>
        {t('present.cheatSheet.button')}
      </KeyButton>
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
    <KeyButton shortcut="toggleTopics" aria-pressed={topicsAsked} onClick={() => usePresentation.getState().toggleTopics()}>
      <TopicLanesIcon />
      {/* In the narrow board tools only the icon shows (layout.css); the words stay its name. */}
      <span className="tool-label">{t('views.showTopics')}</span>
    </KeyButton>
  );
}

/** The card that has the focus (tapped or reached by keyboard), if any. */
function focusedCardId(): string | null {
  const focused = document.activeElement;
  return focused instanceof HTMLElement && focused.dataset.cardId !== undefined ? focused.dataset.cardId : null;
}
