import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaLimits, blockKinds, newBlock, type AgendaBlock, type BlockKind } from '../../../core/agenda';
import type { BlockChanges } from '../../../core/operations';
import { Dialog } from '../ui/Dialog';
import { CommitNumber, CommitText, Choice, onEnter } from '../ui/fields';
import { DeleteIcon, PlusIcon } from '../ui/icons';
import { useBoard } from '../store/board-store';
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
    <Dialog
      title={t('workshop.editor.heading')}
      onClose={onClose}
      className="dialog--wide agenda-dialog"
      actions={
        <>
          {agenda.length > 0 && (
            <button type="button" className="tool-button" onClick={onSaveTemplate}>
              {t('workshop.saveTemplate')}
            </button>
          )}
          <button type="button" className="tool-button tool-button--primary" onClick={onClose}>
            {t('workshop.editor.done')}
          </button>
        </>
      }
    >
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
    </Dialog>
  );
}

const moveDirections = [
  { direction: 'up', arrow: '↑', label: 'workshop.editor.up', name: 'workshop.editor.moveUp' },
  { direction: 'down', arrow: '↓', label: 'workshop.editor.down', name: 'workshop.editor.moveDown' },
] as const;

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
          {/* A blank title or prompt gives the default of the block's kind back. */}
          <CommitText
            wrapped
            ignoreOuterSpace
            maxLength={agendaLimits.textLength}
            label={t('workshop.editor.title')}
            value={block.title ?? ''}
            placeholder={blockTitle(defaults, t)}
            onCommit={(text) => onChange({ title: text })}
          />
          <KindSelect value={block.kind} onChange={(kind) => onChange({ kind })} />
          <CommitNumber
            wrapped
            className="minutes-field"
            label={t('workshop.editor.minutes')}
            min={agendaLimits.minMinutes}
            max={agendaLimits.maxMinutes}
            value={block.minutes}
            onCommit={(minutes) => onChange({ minutes })}
          />
        </div>
        <CommitText
          wrapped
          ignoreOuterSpace
          multiline
          rows={2}
          className="agenda-editor-prompt"
          maxLength={agendaLimits.textLength}
          label={t('workshop.editor.prompt')}
          value={block.prompt ?? ''}
          placeholder={blockPrompt(defaults, t)}
          onCommit={(text) => onChange({ prompt: text })}
        />
        <div className="agenda-editor-actions">
          <label className="checkbox">
            <input type="checkbox" checked={block.skipped} onChange={(event) => onChange({ skipped: event.currentTarget.checked })} />
            {t('workshop.editor.skip')}
          </label>
          {moveDirections.map(({ direction, arrow, label, name }) => (
            <button
              key={direction}
              type="button"
              className="tool-button"
              data-move={`${block.id}:${direction}`}
              disabled={direction === 'up' ? isFirst : isLast}
              aria-label={t(name, { title })}
              onClick={() => onMove(direction)}
            >
              <span aria-hidden="true">{arrow}</span>
              {t(label)}
            </button>
          ))}
          <button type="button" className="tool-button tool-button--danger" aria-label={t('workshop.editor.remove', { title })} onClick={onRemove}>
            <DeleteIcon />
            {t('workshop.editor.removeShort')}
          </button>
        </div>
      </fieldset>
    </li>
  );
}

function KindSelect({ value, onChange }: { value: BlockKind; onChange(kind: BlockKind): void }) {
  const { t } = useTranslation();
  return (
    <Choice
      label={t('workshop.editor.kind')}
      value={value}
      options={blockKinds.map((kind) => ({ value: kind, label: t(`workshop.kinds.${kind}`) }))}
      onChange={onChange}
    />
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
              onKeyDown={(event) => onEnter(event, add)}
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
