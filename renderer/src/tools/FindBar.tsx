import { ariaKeyShortcuts } from '../ui/shortcut-keys';
import { useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { allTags, findCounts, isFiltering, noFilter, type CardFilter } from '../../../core/find';
import { cardKinds, leads, type CardKind, type Lead } from '../../../core/model';
import { useBoard } from '../store/board-store';
import { useWorkshopUi } from '../store/workshop-store';
import { focusNextMatch } from '../board/find-focus';
import { useTools } from '../store/tools-store';

/**
 * Find: text, kind, lead and tag, plus the two questions a facilitator asks most ("what is still
 * open?") one click away. Cards that do not match are dimmed by the cards themselves
 * (useCardFound), never removed, so the board keeps its layout on the projector.
 */
export function FindBar({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const fieldId = useId();
  const field = useRef<HTMLInputElement>(null);
  const filter = useWorkshopUi((s) => s.filter);
  const focusRequest = useTools((s) => s.findFocusRequest);
  const cards = useBoard((s) => s.history.present.cards);
  const revealed = useBoard((s) => s.history.present.caricaturesRevealed);
  const counts = useMemo(() => findCounts(cards, filter, revealed), [cards, filter, revealed]);
  const tags = useMemo(() => allTags(Object.values(cards), revealed), [cards, revealed]);
  const filtering = isFiltering(filter);
  const { setFilter } = useWorkshopUi.getState();

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [focusRequest]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f' && event.target === field.current) {
      // Ctrl+F toggles: from the field it closes Find again.
      event.preventDefault();
      onClose();
    }
  };

  const onFieldKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      focusNextMatch();
    }
  };

  // A quick filter shows exactly what its count says, so turning one on clears the other filters.
  const quick = (on: Partial<CardFilter>, pressed: boolean, off: Partial<CardFilter>) => setFilter(pressed ? off : { ...noFilter, ...on });
  // Unresolved is about topics: who leads them is the open question (as the lead block counts it).
  const unresolvedOn = filter.lead === 'unresolved' && filter.kind === 'topic';

  return (
    <section id={id} className="find-bar" role="search" aria-label={t('tools.find.region')} onKeyDown={onKeyDown}>
      <div className="find-field">
        <label htmlFor={fieldId}>{t('tools.find.text')}</label>
        <input
          ref={field}
          id={fieldId}
          type="search"
          className="tools-input find-text"
          value={filter.text}
          placeholder={t('tools.find.placeholder')}
          onChange={(event) => setFilter({ text: event.currentTarget.value })}
          onKeyDown={onFieldKeyDown}
        />
      </div>
      <FindSelect
        label={t('tools.find.kind')}
        anyLabel={t('tools.find.anyKind')}
        value={filter.kind}
        options={cardKinds.map((kind) => ({ value: kind, label: t(`tools.find.kinds.${kind}`) }))}
        onChange={(kind) => setFilter({ kind: kind as CardKind | null })}
      />
      <FindSelect
        label={t('tools.find.lead')}
        anyLabel={t('tools.find.anyLead')}
        value={filter.lead}
        options={leads.map((lead) => ({ value: lead, label: t(`tools.find.leads.${lead}`) }))}
        onChange={(lead) => setFilter({ lead: lead as Lead | null })}
      />
      {/* A chosen tag no card carries any more stays chosen, and shown. */}
      <FindSelect
        label={t('tools.find.tag')}
        anyLabel={t('tools.find.anyTag')}
        value={filter.tag}
        options={(filter.tag !== null && !tags.includes(filter.tag) ? [filter.tag, ...tags] : tags).map((tag) => ({ value: tag, label: tag }))}
        onChange={(tag) => setFilter({ tag })}
      />
      <div className="find-quick" role="group" aria-label={t('tools.find.quick')}>
        <button
          type="button"
          className="tool-button quick-filter"
          aria-pressed={unresolvedOn}
          onClick={() => quick({ kind: 'topic', lead: 'unresolved' }, unresolvedOn, { kind: null, lead: null })}
        >
          {t('tools.find.unresolved', { count: counts.unresolved })}
        </button>
        <button
          type="button"
          className="tool-button quick-filter"
          aria-pressed={filter.needsAttention}
          title={t('tools.find.attentionHint')}
          onClick={() => quick({ needsAttention: true }, filter.needsAttention, { needsAttention: false })}
        >
          {t('tools.find.attention', { count: counts.attention })}
        </button>
      </div>
      <p className="find-count" role="status" aria-live="polite">
        {t('tools.find.results', { found: counts.found, count: counts.total })}
      </p>
      <div className="find-actions">
        <button
          type="button"
          className="tool-button"
          disabled={!filtering || counts.found === 0}
          aria-keyshortcuts={ariaKeyShortcuts('nextMatch')}
          onClick={() => focusNextMatch()}
        >
          {t('tools.find.next')}
        </button>
        <button
          type="button"
          className="tool-button"
          disabled={!filtering}
          onClick={() => {
            useWorkshopUi.getState().clearFilter();
            field.current?.focus();
          }}
        >
          {t('tools.find.clear')}
        </button>
        <button type="button" className="tool-button" aria-keyshortcuts="Escape" onClick={onClose}>
          {t('tools.find.close')}
        </button>
      </div>
    </section>
  );
}

/** One of Find's drop-downs: "any" (no filter) first, then the choices. */
function FindSelect({
  label,
  anyLabel,
  value,
  options,
  onChange,
}: {
  label: string;
  anyLabel: string;
  value: string | null;
  options: readonly { readonly value: string; readonly label: string }[];
  onChange: (value: string | null) => void;
}) {
  return (
    <label className="find-select">
      {label}
      <select className="tools-input" value={value ?? ''} onChange={(event) => onChange(event.currentTarget.value || null)}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
