import { useId, useState, type KeyboardEvent } from 'react';
import { cardLimits } from '../../../core/model';
import { useDraft } from '../store/drafts';

export interface CommitTextProps {
  readonly label: string;
  readonly value: string;
  /** Called once per edit, when the field is left or Enter is pressed (Ctrl/⌘+Enter in a text area). */
  readonly onCommit: (value: string) => void;
  readonly multiline?: boolean;
  /** A blank value is not saved: the field goes back to what it was (a title, an action's text). */
  readonly required?: boolean;
  /** The label is given as the field's accessible name only (for rows of fields under one heading). */
  readonly hideLabel?: boolean;
  readonly className?: string;
  /** Defaults to the card limits of core/model.ts: long text for text areas, short text otherwise. */
  readonly maxLength?: number;
  readonly placeholder?: string;
  /** The id of a <datalist> whose entries the field offers (a one-line field only). */
  readonly list?: string;
}

/**
 * A text field that saves when it is left or Enter is pressed, not on every keystroke, so each
 * edit is one undoable step. When the value changes from outside (undo, redo) the field follows.
 */
export function CommitText({ label, value, onCommit, multiline = false, required = false, hideLabel = false, className, maxLength, placeholder, list }: CommitTextProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  // What is typed reaches the disk within a second, before the field is left (store/drafts.ts).
  const pending = useDraft();
  if (value !== shown) {
    // The document changed under the field (undo, redo, normalised text): show what it holds now.
    setShown(value);
    setDraft(value);
  }

  const commit = () => {
    pending.done();
    if (draft === value) return;
    if (required && draft.trim() === '') {
      setDraft(value);
      return;
    }
    onCommit(draft);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    }
  };

  const common = {
    id,
    value: draft,
    maxLength: maxLength ?? (multiline ? cardLimits.longText : cardLimits.shortText),
    placeholder,
    'aria-label': hideLabel ? label : undefined,
    onChange: (event: { currentTarget: { value: string } }) => {
      const next = event.currentTarget.value;
      setDraft(next);
      if (next === value || (required && next.trim() === '')) pending.done();
      else pending.update(() => onCommit(next));
    },
    onBlur: commit,
    onKeyDown,
  };
  const control = multiline ? <textarea {...common} rows={3} /> : <input {...common} type="text" list={list} />;
  if (hideLabel) return <span className={className}>{control}</span>;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {control}
    </div>
  );
}

/** Blurs the focused field inside `container`, so a pending edit is saved before the container closes. */
export function commitFocusedField(container: Element | null): void {
  const active = document.activeElement;
  if (container && active instanceof HTMLElement && container.contains(active)) active.blur();
}

export interface ChoiceProps<T extends string> {
  readonly label: string;
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onChange: (value: T) => void;
}

/**
 * A labelled select that applies a choice at once (one undoable step). The label points at the
 * select instead of wrapping it, so its name is the label alone, not the label plus the options.
 */
export function Choice<T extends string>({ label, value, options, onChange }: ChoiceProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(options.find((o) => o.value === event.currentTarget.value)?.value ?? value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
