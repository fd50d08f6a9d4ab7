import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaBlock } from '../../../core/agenda';
import { noFilter, type CardFilter } from '../../../core/find';
import { caricatureViews } from '../../../core/model';
import { useBenchRenderCount } from '../ui/render-count';
import { DisclosureButton } from '../ui/buttons';
import { useBoard } from '../store/board-store';
import { useCommitDraft } from '../ui/fields';
import { useWorkshopUi } from '../store/workshop-store';
import { blockPrompt, blockTitle, revealCaricatures } from './agenda-commands';
import { boardCounts } from '../../../core/board-counts';
import { focusNextMatch } from '../board/find-focus';

/**
 * The active block's prompt for the facilitator (can be hidden, e.g. while the room reads the
 * board) and the tool of its kind. Each tool selects only the number it shows.
 */
export function BlockTools({ block }: { block: AgendaBlock }) {
  useBenchRenderCount('BlockTools');
  const { t } = useTranslation();
  const [promptShown, setPromptShown] = useState(true);
  const promptId = useId();
  const prompt = blockPrompt(block, t);
  // A block's "show on board" filter belongs to that block: moving on shows the whole board again.
  useEffect(
    () => () => {
      const { filter, clearFilter } = useWorkshopUi.getState();
      if (blockFilters.some((f) => sameFilter(filter, f))) clearFilter();
    },
    [block.id],
  );

  return (
    <div className="block-tools">
      {prompt !== '' && (
        <div className="block-prompt">
          {promptShown && (
            <p id={promptId} className="agenda-prompt" role="note" aria-label={t('agenda.prompt')}>
              {prompt}
            </p>
          )}
          <DisclosureButton className="link-button" expanded={promptShown} controls={promptId} onClick={() => setPromptShown(!promptShown)}>
            {promptShown ? t('workshop.hidePrompt') : t('workshop.showPrompt')}
          </DisclosureButton>
        </div>
      )}
      <div className="block-tool" role="group" aria-label={t('workshop.tools')}>
        {block.kind === 'lead' && <LeadTool />}
        {block.kind === 'caricatures' && <CaricaturesTool />}
        {block.kind === 'mission' && <MissionEditor />}
        {block.kind === 'metrics' && <MetricsTool />}
      </div>
    </div>
  );
}

const unresolvedTopics: CardFilter = { ...noFilter, kind: 'topic', lead: 'unresolved' };
const metricsWithoutNarrative: CardFilter = { ...noFilter, kind: 'metric', needsAttention: true };
const blockFilters = [unresolvedTopics, metricsWithoutNarrative];

/**
 * A button that shows only the cards a count is about (Find's filter), and everything again. It
 * stays while pressed even when the count drops to zero, so the filter can always be switched off.
 * Switching it on brings the first match into view and focuses it, as F3 does; F3 goes on from there.
 */
function ShowOnBoard({ filter, label, count }: { filter: CardFilter; label: string; count: number }) {
  const pressed = useWorkshopUi((s) => sameFilter(s.filter, filter));
  if (count === 0 && !pressed) return null;
  return (
    <button
      type="button"
      className="tool-button"
      aria-pressed={pressed}
      onClick={() => {
        if (pressed) useWorkshopUi.getState().clearFilter();
        else {
          useWorkshopUi.getState().setFilter(filter);
          focusNextMatch();
        }
      }}
    >
      {label}
    </button>
  );
}

function sameFilter(a: CardFilter, b: CardFilter): boolean {
  return a.text === b.text && a.kind === b.kind && a.lead === b.lead && a.tag === b.tag && a.needsAttention === b.needsAttention;
}

/** The unresolved topics, counted, with the button that shows only them; the hint in the full panel. */
function LeadTool({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const count = useBoard((s) => boardCounts(s.history.present.cards).unresolvedTopics);
  return (
    <>
      <p className={count > 0 ? 'tool-count tool-count--flagged' : 'tool-count'}>
        {count > 0 ? t('workshop.lead.unresolved', { count }) : t('workshop.lead.allResolved')}
      </p>
      <ShowOnBoard filter={unresolvedTopics} label={t('workshop.lead.showUnresolved')} count={count} />
      {!compact && <p className="tool-hint">{t('workshop.lead.hint')}</p>}
    </>
  );
}

function CaricaturesTool() {
  const { t } = useTranslation();
  const revealed = useBoard((s) => s.history.present.caricaturesRevealed);
  const marketingOnSales = useBoard((s) => boardCounts(s.history.present.cards).caricatures.marketingOnSales);
  const salesOnMarketing = useBoard((s) => boardCounts(s.history.present.cards).caricatures.salesOnMarketing);
  const cleared = useBoard((s) => boardCounts(s.history.present.cards).caricatures.cleared);
  const counts = { marketingOnSales, salesOnMarketing };
  const total = marketingOnSales + salesOnMarketing;
  const reveal = (on: boolean) => revealCaricatures(on);

  return (
    <>
      {total === 0 ? (
        <p className="tool-hint">{t('workshop.caricatures.none')}</p>
      ) : (
        <ul className="tool-counts">
          {caricatureViews.map((view) => (
            <li key={view} className="tool-count">
              {t('workshop.caricatures.collected', { view: t(`cards.view.${view}`), count: counts[view] })}
            </li>
          ))}
          <li className="tool-hint">
            {revealed ? t('workshop.caricatures.cleared', { cleared, count: total }) : t('workshop.caricatures.hiddenNote')}
          </li>
        </ul>
      )}
      {/* One button that stays put and changes its word, so the focus stays on it. */}
      <button type="button" className={revealed ? 'tool-button' : 'tool-button tool-button--primary'} onClick={() => reveal(!revealed)}>
        {revealed ? t('workshop.caricatures.hide') : t('workshop.caricatures.reveal')}
      </button>
    </>
  );
}

function MetricsTool() {
  const { t } = useTranslation();
  const total = useBoard((s) => boardCounts(s.history.present.cards).metrics.total);
  const missing = useBoard((s) => boardCounts(s.history.present.cards).metrics.withoutNarrative);
  if (total === 0) return <p className="tool-hint">{t('workshop.metrics.none')}</p>;
  return (
    <>
      <p className={missing > 0 ? 'tool-count tool-count--flagged' : 'tool-count'}>
        {missing > 0 ? t('workshop.metrics.missing', { count: missing }) : t('workshop.metrics.allNarrated')}
      </p>
      <ShowOnBoard filter={metricsWithoutNarrative} label={t('workshop.metrics.showMissing')} count={missing} />
    </>
  );
}

/**
 * The shared mission, written on the board in large type. Saved when the facilitator leaves the
 * field (or presses Ctrl+Enter): one undo step per edit, not per keystroke.
 */
export function MissionEditor() {
  const { t } = useTranslation();
  const mission = useBoard((s) => s.history.present.mission);
  // Undo, redo or another session changed the mission: the field shows it (ui/fields.tsx).
  const field = useCommitDraft({ value: mission, multiline: true, onCommit: (text) => useBoard.getState().dispatch({ type: 'setMission', text }) });
  return (
    <label className="mission-editor">
      <span className="mission-label">{t('workshop.mission.label')}</span>
      <textarea className="mission-text" rows={2} placeholder={t('workshop.mission.placeholder')} {...field.props} />
    </label>
  );
}

/** The agreed mission, in one line, while another block is on. */
export function MissionLine() {
  const { t } = useTranslation();
  const mission = useBoard((s) => s.history.present.mission);
  if (mission.trim() === '') return null;
  return <p className="mission-line">{t('workshop.mission.agreed', { mission })}</p>;
}

/**
 * The active block in one line, for the compact workshop panel: its key figure and its main
 * action (reveal the caricatures, show what is unresolved). The full tool is in the expanded panel.
 */
export function BlockSummary() {
  const { t } = useTranslation();
  const block = useBoard((s) => s.history.present.agenda.find((b) => b.id === s.history.present.activeBlockId));
  if (!block) return null;
  return (
    <div className="block-summary" role="group" aria-label={blockTitle(block, t)}>
      {block.kind === 'lead' && <LeadTool compact />}
      {block.kind === 'caricatures' && <CaricaturesSummary />}
      {block.kind === 'metrics' && <MetricsTool />}
      {block.kind === 'mission' && <MissionLine />}
    </div>
  );
}

function CaricaturesSummary() {
  const { t } = useTranslation();
  const revealed = useBoard((s) => s.history.present.caricaturesRevealed);
  const total = useBoard(
    (s) => boardCounts(s.history.present.cards).caricatures.marketingOnSales + boardCounts(s.history.present.cards).caricatures.salesOnMarketing,
  );
  const cleared = useBoard((s) => boardCounts(s.history.present.cards).caricatures.cleared);
  const reveal = (on: boolean) => revealCaricatures(on);
  return (
    <>
      <p className="tool-count">{revealed ? t('workshop.caricatures.cleared', { cleared, count: total }) : t('workshop.caricatures.hiddenNote')}</p>
      <button type="button" className={revealed ? 'tool-button' : 'tool-button tool-button--primary'} onClick={() => reveal(!revealed)}>
        {revealed ? t('workshop.caricatures.hide') : t('workshop.caricatures.reveal')}
      </button>
    </>
  );
}
