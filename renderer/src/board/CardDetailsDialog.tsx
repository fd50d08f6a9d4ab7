import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { DateField } from '../ui/DateField';
import { useTranslation } from 'react-i18next';
import {
  cardColours,
  cardKinds,
  cardLimits,
  caricatureViews,
  leads,
  sides,
  type ActionItem,
  type Card,
  type CardId,
  type Lane,
  type MoveRecord,
} from '../../../core/model';
import type { CardChanges } from '../../../core/operations';
import { Dialog } from '../ui/Dialog';
import { DeleteIcon } from '../ui/icons';
import { formatDateTime } from '../ui/format';
import { useBoard } from '../store/board-store';
import { closeCardDetails } from './card-commands';
import { Choice, CommitText, InlineAdd, commitFocusedField } from '../ui/fields';
import { isHiddenCaricature } from './card-text';
import { laneName } from './lane-name';
import './cards.css';

type Translate = ReturnType<typeof useTranslation>['t'];

/**
 * Everything about one card. Each change is one undoable step: choices apply at once, text is
 * saved when its field is left (or on Enter). Closing — Escape, Done — saves the field being
 * edited and puts the focus back on the card.
 */
export function CardDetailsDialog({ cardId }: { cardId: CardId }) {
  const { t } = useTranslation();
  const card = useBoard((s) => s.history.present.cards[cardId]);
  const hidden = useBoard((s) => isHiddenCaricature(s.history.present, cardId));
  const [showHidden, setShowHidden] = useState(false);
  const form = useRef<HTMLDivElement>(null);

  // The card can go away under the dialog (undo of its creation): then there is nothing to show.
  useEffect(() => {
    if (!card) closeCardDetails(cardId);
  }, [card, cardId]);
  if (!card) return null;

  const update = (changes: CardChanges) => useBoard.getState().dispatch({ type: 'updateCard', cardId, changes });
  const concealed = hidden && !showHidden;
  const offered = offeredFields(card);
  const title = concealed ? t('cards.face.hidden') : card.title;
  const close = () => {
    commitFocusedField(form.current);
    closeCardDetails(cardId);
  };

  return (
    <Dialog
      title={t('cards.details.heading', { title })}
      onClose={close}
      className="dialog--wide card-dialog"
      bodyRef={form}
      actions={
        <button type="button" className="tool-button tool-button--primary" onClick={close}>
          {t('cards.details.done')}
        </button>
      }
    >
      <p className="card-dialog-hint">{t('cards.details.textHint')}</p>
      {concealed ? (
        <p className="card-dialog-notice">
          {t('cards.details.hiddenNotice')}
          <button type="button" className="tool-button" onClick={() => setShowHidden(true)}>
            {t('cards.details.showHidden')}
          </button>
        </p>
      ) : (
        <CommitText
          label={t('cards.details.title')}
          value={card.title}
          required
          onCommit={(value) => useBoard.getState().dispatch({ type: 'editCardTitle', cardId, title: value })}
        />
      )}
      <div className="form-grid">
        <Choice
          label={t('cards.details.kind')}
          value={card.kind}
          options={cardKinds.map((kind) => ({ value: kind, label: t(`cards.kind.${kind}`) }))}
          onChange={(kind) => update({ kind })}
        />
        {card.kind === 'topic' && (
          <Choice
            label={t('cards.details.lead')}
            value={card.lead}
            options={leads.map((lead) => ({ value: lead, label: t(`cards.lead.${lead}`) }))}
            onChange={(lead) => update({ lead })}
          />
        )}
      </div>
      {card.kind === 'topic' && <ExchangeFields card={card} update={update} />}
      {card.kind === 'caricature' && <CaricatureFields card={card} update={update} concealed={concealed} />}
      {card.kind === 'metric' && <MetricFields card={card} update={update} />}
      {/* A covered caricature keeps all its words covered: notes, why, tags and actions too. */}
      {!concealed && (
        <div className="form-grid">
          {offered.why && <CommitText label={t('cards.details.why')} value={card.why} multiline onCommit={(why) => update({ why })} />}
          <CommitText label={t('cards.details.notes')} value={card.notes} multiline onCommit={(notes) => update({ notes })} />
        </div>
      )}
      <ColourPicker card={card} update={update} />
      {!concealed && offered.tags && <TagEditor tags={card.tags} onChange={(tags) => update({ tags })} />}
      {!concealed && offered.actions && <ActionItems actions={card.actions} onChange={(actions) => update({ actions })} />}
      <MoveHistory cardId={cardId} moves={card.moves} />
    </Dialog>
  );
}

type Update = (changes: CardChanges) => void;

/**
 * Whether a field is offered for this card. A caricature is a picture to talk about and clear up:
 * why, tags and actions do not apply to it. What such a card already holds (it was a topic once)
 * stays visible, so switching kinds never hides words.
 */
function offeredFields(card: Card): { readonly why: boolean; readonly tags: boolean; readonly actions: boolean } {
  const applies = card.kind !== 'caricature';
  return { why: applies || card.why !== '', tags: applies || card.tags.length > 0, actions: applies || card.actions.length > 0 };
}

/** A seam card records how the two sides work on it together. */
function ExchangeFields({ card, update }: { card: Card; update: Update }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('cards.details.exchange')}</legend>
      <div className="form-grid">
        <CommitText label={t('cards.details.exchangeWho')} value={card.exchange.who} onCommit={(who) => update({ exchange: { who } })} />
        <CommitText
          label={t('cards.details.exchangeCadence')}
          value={card.exchange.cadence}
          onCommit={(cadence) => update({ exchange: { cadence } })}
        />
      </div>
      <CommitText
        label={t('cards.details.exchangeDecisions')}
        value={card.exchange.decisions}
        multiline
        onCommit={(decisions) => update({ exchange: { decisions } })}
      />
    </fieldset>
  );
}

function CaricatureFields({ card, update, concealed }: { card: Card; update: Update; concealed: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('cards.details.caricature')}</legend>
      <Choice
        label={t('cards.details.view')}
        value={card.caricature.view}
        options={caricatureViews.map((view) => ({ value: view, label: t(`cards.view.${view}`) }))}
        onChange={(view) => update({ caricature: { view } })}
      />
      {!concealed && (
        <CommitText
          label={t('cards.details.truth')}
          value={card.caricature.truth}
          multiline
          onCommit={(truth) => update({ caricature: { truth } })}
        />
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={card.caricature.cleared}
          onChange={(event) => update({ caricature: { cleared: event.currentTarget.checked } })}
        />
        {t('cards.details.cleared')}
      </label>
    </fieldset>
  );
}

function MetricFields({ card, update }: { card: Card; update: Update }) {
  const { t } = useTranslation();
  const { metric } = card;
  return (
    <fieldset>
      <legend>{t('cards.details.metric')}</legend>
      <div className="form-grid form-grid--three">
        <CommitText label={t('cards.details.value')} value={metric.value} onCommit={(value) => update({ metric: { value } })} />
        <CommitText label={t('cards.details.target')} value={metric.target} onCommit={(target) => update({ metric: { target } })} />
        <CommitText label={t('cards.details.unit')} value={metric.unit} onCommit={(unit) => update({ metric: { unit } })} />
      </div>
      <Choice
        label={t('cards.details.owner')}
        value={metric.owner ?? ''}
        options={[{ value: '', label: t('cards.details.noOwner') }, ...sides.map((side) => ({ value: side, label: t(`cards.side.${side}`) }))]}
        onChange={(owner) => update({ metric: { owner: owner === '' ? null : owner } })}
      />
      {metric.narrative.trim() === '' && <p className="card-dialog-notice">{t('cards.details.noNarrative')}</p>}
      <CommitText
        label={t('cards.details.narrative')}
        value={metric.narrative}
        multiline
        onCommit={(narrative) => update({ metric: { narrative } })}
      />
    </fieldset>
  );
}

function ColourPicker({ card, update }: { card: Card; update: Update }) {
  const { t } = useTranslation();
  const name = useId();
  const options = [null, ...cardColours];
  return (
    <fieldset>
      <legend>{t('cards.details.colour')}</legend>
      <div className="colour-options">
        {options.map((colour) => (
          <label key={colour ?? 'none'} className="colour-option">
            <input type="radio" name={name} checked={card.colour === colour} onChange={() => update({ colour })} />
            <span className={colour ? `swatch swatch--${colour}` : 'swatch'} aria-hidden="true" />
            {t(`cards.colour.${colour ?? 'none'}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function TagEditor({ tags, onChange }: { tags: readonly string[]; onChange: (tags: readonly string[]) => void }) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  return (
    <fieldset>
      <legend>{t('cards.details.tags')}</legend>
      {tags.length > 0 && (
        <ul className="tag-list">
          {tags.map((tag) => (
            <li key={tag} className="tag-chip">
              {tag}
              <RemoveButton
                label={t('cards.details.removeTag', { tag })}
                focusAfter={field}
                onRemove={() => onChange(tags.filter((other) => other !== tag))}
              />
            </li>
          ))}
        </ul>
      )}
      <InlineAdd
        inputRef={field}
        label={t('cards.details.newTag')}
        addLabel={t('cards.details.addTag')}
        maxLength={cardLimits.tagLength}
        onAdd={(tag) => onChange([...tags, tag])}
      />
    </fieldset>
  );
}

function ActionItems({ actions, onChange }: { actions: readonly ActionItem[]; onChange: (actions: readonly ActionItem[]) => void }) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  // The owner field offers the session's participants (any other name can still be typed).
  const ownersId = useId();
  const participants = useBoard((s) => s.history.present.details.participants);
  const owners = [...new Set(participants.map((p) => p.name).filter((name) => name !== ''))];
  const change = (next: ActionItem) => onChange(actions.map((a) => (a.id === next.id ? next : a)));
  return (
    <fieldset>
      <legend>{t('cards.details.actions')}</legend>
      <ListOrHint empty={actions.length === 0} hint={t('cards.details.noActions')}>
        <ul className="action-list">
          {actions.map((action) => (
            <li key={action.id} className={action.done ? 'action-row action-row--done' : 'action-row'}>
              <label className="checkbox">
                <input type="checkbox" checked={action.done} onChange={(event) => change({ ...action, done: event.currentTarget.checked })} />
                <span className="visually-hidden">{t('cards.details.actionDone', { text: action.text })}</span>
              </label>
              <CommitText
                hideLabel
                required
                label={t('cards.details.actionText')}
                placeholder={t('cards.details.actionText')}
                value={action.text}
                onCommit={(text) => change({ ...action, text })}
              />
              <CommitText
                hideLabel
                label={t('cards.details.actionOwner')}
                placeholder={t('cards.details.actionOwner')}
                list={ownersId}
                value={action.owner}
                onCommit={(owner) => change({ ...action, owner })}
              />
              <DateField hideLabel label={t('cards.details.actionDue')} value={action.due} onCommit={(due) => change({ ...action, due })} />
              <RemoveButton
                label={t('cards.details.removeAction', { text: action.text })}
                focusAfter={field}
                onRemove={() => onChange(actions.filter((a) => a.id !== action.id))}
              />
            </li>
          ))}
        </ul>
      </ListOrHint>
      <datalist id={ownersId} aria-label={t('messages.participants.owners')}>
        {owners.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <InlineAdd
        inputRef={field}
        label={t('cards.details.newAction')}
        addLabel={t('cards.details.addAction')}
        maxLength={cardLimits.shortText}
        onAdd={(text) => onChange([...actions, { id: crypto.randomUUID(), text, owner: '', due: '', done: false }])}
      />
    </fieldset>
  );
}

/** A list of the card's, or the sentence that says it has none yet. */
function ListOrHint({ empty, hint, children }: { empty: boolean; hint: string; children: ReactNode }) {
  return empty ? <p className="card-dialog-hint">{hint}</p> : children;
}

/** Where the card has been, read-only, with the reason for each move editable. */
function MoveHistory({ cardId, moves }: { cardId: CardId; moves: readonly MoveRecord[] }) {
  const { t, i18n } = useTranslation();
  const lanes = useBoard((s) => s.history.present.lanes);
  return (
    <fieldset>
      <legend>{t('cards.details.moves')}</legend>
      <ListOrHint empty={moves.length === 0} hint={t('cards.details.noMoves')}>
        <ol className="move-list">
          {moves.map((move, index) => {
            const from = moveLaneName(lanes[move.fromLaneId], t);
            const to = moveLaneName(lanes[move.toLaneId], t);
            return (
              <li key={`${index}:${move.at}`} className="move-row">
                <span className="move-head">
                  {t('cards.details.move', { from, to })}
                  <time dateTime={move.at}>{formatDateTime(move.at, i18n.language)}</time>
                </span>
                <CommitText
                  label={t('cards.details.moveReason', { from, to })}
                  value={move.reason}
                  onCommit={(reason) => useBoard.getState().dispatch({ type: 'setMoveReason', cardId, moveIndex: index, reason })}
                />
              </li>
            );
          })}
        </ol>
      </ListOrHint>
    </fieldset>
  );
}

function moveLaneName(lane: Lane | undefined, t: Translate): string {
  return lane ? laneName(lane, t) : t('cards.details.removedLane');
}

/** The ✕ of a row in a list: removes the row, and the focus goes to the list's add field. */
function RemoveButton({ label, focusAfter, onRemove }: { label: string; focusAfter: RefObject<HTMLInputElement | null>; onRemove: () => void }) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      onClick={() => {
        onRemove();
        focusAfter.current?.focus();
      }}
    >
      <DeleteIcon />
    </button>
  );
}
