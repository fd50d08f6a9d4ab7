import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaLimits, blockKinds, clampMinutes, newBlock, type AgendaBlock, type BlockKind } from '../../../core/agenda';
import type { BlockChanges } from '../../../core/operations';
import { Dialog } from '../ui/Dialog';
import { DeleteIcon, PlusIcon } from '../ui/icons';
import { useBoard } from '../store/board-store';
import { useDraft } from '../store/drafts';
import { blockPrompt, blockTitle } from './agenda-commands';

/**
 * Edits the agenda: add, change, skip, reorder (up/down buttons, keyboard friendly) and remove
 * blocks. Every change is one undoable step; text and minutes are saved when the facilitator
 * leaves the field or presses Enter, not per keystroke.
 */
export function AgendaDialog({ onClose, onSaveTemplate }: { onClose: () => void; onSaveTemplate: () => void }) {
  const { t } = useTranslation();
  const agenda = useBoard((s) => s.history.present.agenda);
  // `undoAt`: the undo history's length right after the removal; Undo is offered only while nothing came after it.
  const [status, setStatus] = useState<{ readonly text: string; readonly undoAt: number | null } | null>(null);
  const historyLength = useBoard((s) => s.history.past.length);
  const canUndoRemoval = status?.undoAt != null && status.undoAt === historyLength;
  const focusAfterMove = useRef<{ readonly blockId: string; readonly direction: 'up' | 'down' } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  // After a move the row's button may have been moved in the page (losing focus) or become
  // disabled at an end of the list: put the focus back on the button, or its twin.
  useEffect(() => {
    const pending = focusAfterMove.current;
    if (!pending || !list.current) return;
    focusAfterMove.current = null;
    const find = (direction: 'up' | 'down') => list.current?.querySelector<HTMLButtonElement>(`[data-move="${pending.blockId}:${direction}"]`);
    const same = find(pending.direction);
    const target = same && !same.disabled ? same : find(pending.direction === 'up' ? 'down' : 'up');
    target?.focus();
  }, [agenda]);

  const dispatchChange = (blockId: string, changes: BlockChanges) => useBoard.getState().dispatch({ type: 'updateBlock', blockId, changes });

  const move = (block: AgendaBlock, index: number, direction: 'up' | 'down') => {
    const toIndex = direction === 'up' ? index - 1 : index + 1;
    useBoard.getState().dispatch({ type: 'moveBlock', blockId: block.id, toIndex });
    setStatus({ text: t('workshop.editor.moved', { title: blockTitle(block, t), number: toIndex + 1 }), undoAt: null });
    focusAfterMove.current = { blockId: block.id, direction };
  };

  const remove = (block: AgendaBlock) => {
    useBoard.getState().dispatch({ type: 'removeBlock', blockId: block.id });
    setStatus({ text: t('workshop.editor.removed', { title: blockTitle(block, t) }), undoAt: useBoard.getState().history.past.length });
  };
  // The removed row took the focus with it: offer Undo right where the focus lands.
  useEffect(() => {
    if (status?.undoAt != null) undoButton.current?.focus();
  }, [status]);

  return (
    <Dialog label={t('workshop.editor.heading')} onClose={onClose} className="dialog--wide agenda-dialog">
      <div className="form">
        <h2>{t('workshop.editor.heading')}</h2>
        {agenda.length === 0 && <p className="tool-hint">{t('workshop.editor.empty')}</p>}
        <ol className="agenda-editor" ref={list}>
          {agenda.map((block, index) => (
            <BlockRow
              key={block.id}
              block={block}
              number={index + 1}
              isFirst={index === 0}
              isLast={index === agenda.length - 1}
              onChange={(changes) => dispatchChange(block.id, changes)}
              onMove={(direction) => move(block, index, direction)}
              onRemove={() => remove(block)}
            />
          ))}
        </ol>
        <p className="editor-status" role="status">
          {status?.text}
          {canUndoRemoval && (
            <button
              ref={undoButton}
              type="button"
              className="tool-button"
              onClick={() => {
                useBoard.getState().undo();
                setStatus(null);
              }}
            >
              {t('actions.undo')}
            </button>
          )}
        </p>
        <AddBlock full={agenda.length >= agendaLimits.blocks} onAdded={() => setStatus(null)} />
        <div className="dialog-actions">
          {agenda.length > 0 && (
            <button type="button" className="tool-button" onClick={onSaveTemplate}>
              {t('workshop.saveTemplate')}
            </button>
          )}
          <button type="button" className="tool-button tool-button--primary" onClick={onClose}>
            {t('workshop.editor.done')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

interface BlockRowProps {
  block: AgendaBlock;
  number: number;
  isFirst: boolean;
  isLast: boolean;
  onChange(changes: BlockChanges): void;
  onMove(direction: 'up' | 'down'): void;
  onRemove(): void;
}

function BlockRow({ block, number, isFirst, isLast, onChange, onMove, onRemove }: BlockRowProps) {
  const { t } = useTranslation();
  const title = blockTitle(block, t);
  const defaults = { ...block, title: null, prompt: null };
  return (
    <li className={block.skipped ? 'agenda-editor-row agenda-editor-row--skipped' : 'agenda-editor-row'}>
      <fieldset>
        <legend>
          {t('workshop.editor.blockHeading', { number, title })}
          {block.skipped && <span className="editor-skipped">{t('workshop.skipped')}</span>}
        </legend>
        <div className="agenda-editor-fields">
          <TextField label={t('workshop.editor.title')} value={block.title ?? ''} placeholder={blockTitle(defaults, t)} onCommit={(text) => onChange({ title: text })} />
          <KindSelect value={block.kind} onChange={(kind) => onChange({ kind })} />
          <MinutesField value={block.minutes} onCommit={(minutes) => onChange({ minutes })} />
        </div>
        <TextField
          label={t('workshop.editor.prompt')}
          value={block.prompt ?? ''}
          placeholder={blockPrompt(defaults, t)}
          multiline
          onCommit={(text) => onChange({ prompt: text })}
        />
        <div className="agenda-editor-actions">
          <label className="checkbox">
            <input type="checkbox" checked={block.skipped} onChange={(event) => onChange({ skipped: event.currentTarget.checked })} />
            {t('workshop.editor.skip')}
          </label>
          <button
            type="button"
            className="tool-button"
            data-move={`${block.id}:up`}
            disabled={isFirst}
            aria-label={t('workshop.editor.moveUp', { title })}
            onClick={() => onMove('up')}
          >
            <span aria-hidden="true">↑</span>
            {t('workshop.editor.up')}
          </button>
          <button
            type="button"
            className="tool-button"
            data-move={`${block.id}:down`}
            disabled={isLast}
            aria-label={t('workshop.editor.moveDown', { title })}
            onClick={() => onMove('down')}
          >
            <span aria-hidden="true">↓</span>
            {t('workshop.editor.down')}
          </button>
          <button type="button" className="tool-button tool-button--danger" aria-label={t('workshop.editor.remove', { title })} onClick={onRemove}>
            <DeleteIcon />
            {t('workshop.editor.removeShort')}
          </button>
        </div>
      </fieldset>
    </li>
  );
}

/**
 * A text field saved on leaving it or on Enter (Ctrl+Enter in a multi-line field); a blank entry
 * gives the default of the block's kind back. Follows the document when undo changes it.
 */
function TextField(props: { label: string; value: string; placeholder: string; multiline?: boolean; onCommit(text: string): void }) {
  const [draft, setDraft] = useState(props.value);
  const [shown, setShown] = useState(props.value);
  if (props.value !== shown) {
    setShown(props.value);
    setDraft(props.value);
  }
  const pending = useDraft();
  const commit = () => {
    pending.done();
    if (draft.trim() !== props.value) props.onCommit(draft);
  };
  const change = (next: string) => {
    setDraft(next);
    if (next.trim() === props.value) pending.done();
    else pending.update(() => props.onCommit(next));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (!props.multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    }
  };
  const common = {
    value: draft,
    placeholder: props.placeholder,
    maxLength: agendaLimits.textLength,
    onBlur: commit,
    onKeyDown,
  };
  return (
    <label className={props.multiline ? 'agenda-editor-prompt' : undefined}>
      {props.label}
      {props.multiline ? (
        <textarea rows={2} {...common} onChange={(event) => change(event.currentTarget.value)} />
      ) : (
        <input type="text" {...common} onChange={(event) => change(event.currentTarget.value)} />
      )}
    </label>
  );
}

function KindSelect({ value, onChange }: { value: BlockKind; onChange(kind: BlockKind): void }) {
  const { t } = useTranslation();
  return (
    <label>
      {t('workshop.editor.kind')}
      <select value={value} onChange={(event) => onChange(blockKinds.find((kind) => kind === event.currentTarget.value) ?? 'custom')}>
        {blockKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`workshop.kinds.${kind}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Whole minutes within the agenda's limits; anything else goes back to what was there. */
function MinutesField({ value, onCommit }: { value: number; onCommit(minutes: number): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setDraft(String(value));
  }
  const pending = useDraft();
  const commit = () => {
    pending.done();
    const parsed = Number.parseInt(draft, 10);
    if (Number.isNaN(parsed)) {
      setDraft(String(value));
      return;
    }
    const minutes = clampMinutes(parsed);
    setDraft(String(minutes));
    if (minutes !== value) onCommit(minutes);
  };
  return (
    <label className="minutes-field">
      {t('workshop.editor.minutes')}
      <input
        type="number"
        inputMode="numeric"
        min={agendaLimits.minMinutes}
        max={agendaLimits.maxMinutes}
        step={1}
        value={draft}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setDraft(next);
          const parsed = Number.parseInt(next, 10);
          const minutes = clampMinutes(parsed);
          if (Number.isNaN(parsed) || minutes === value) pending.done();
          else pending.update(() => onCommit(minutes));
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
      />
    </label>
  );
}

/** Adds a block at the end: kind, title (optional: the kind's default) and timebox. */
function AddBlock({ full, onAdded }: { full: boolean; onAdded(): void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<BlockKind>('custom');
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('30');
  const add = () => {
    const parsed = Number.parseInt(minutes, 10);
    const block = { ...newBlock(crypto.randomUUID(), kind, Number.isNaN(parsed) ? 30 : parsed), title: title.trim() === '' ? null : title };
    useBoard.getState().dispatch({ type: 'addBlock', block });
    setTitle('');
    onAdded();
  };
  return (
    <fieldset className="agenda-editor-add">
      <legend>{t('workshop.editor.addHeading')}</legend>
      {full ? (
        <p className="tool-hint">{t('workshop.editor.full', { max: agendaLimits.blocks })}</p>
      ) : (
        <div className="agenda-editor-fields">
          <label>
            {t('workshop.editor.title')}
            <input
              type="text"
              value={title}
              maxLength={agendaLimits.textLength}
              placeholder={t(`agenda.${kind}`)}
              onChange={(event) => setTitle(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  add();
                }
              }}
            />
          </label>
          <KindSelect value={kind} onChange={setKind} />
          <label className="minutes-field">
            {t('workshop.editor.minutes')}
            <input
              type="number"
              inputMode="numeric"
              min={agendaLimits.minMinutes}
              max={agendaLimits.maxMinutes}
              step={1}
              value={minutes}
              onChange={(event) => setMinutes(event.currentTarget.value)}
            />
          </label>
          <button type="button" className="tool-button agenda-editor-add-button" onClick={add}>
            <PlusIcon />
            {t('workshop.editor.add')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
