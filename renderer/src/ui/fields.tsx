/** The field family: one draft that saves when the field is left or Enter is pressed. docs/ARCHITECTURE.md, "Dialogs and messages". */
import { useId, useState, type ChangeEvent, type KeyboardEvent, type ReactElement, type ReactNode, type Ref } from 'react';
import { cardLimits } from '../../../core/model';
import { useDraft } from '../store/drafts';
import { PlusIcon } from './icons';

export interface CommitDraftOptions {
  /** What the document holds now, as the field shows it. */
  readonly value: string;
  /** Saves a draft that differs from the document: once per edit, and meanwhile as a pending draft. */
  readonly onCommit: (draft: string) => void;
  /** A draft that would save nothing (default: the value itself); leaving it shows the value again. */
  readonly isUnchanged?: (draft: string) => boolean;
  /** A draft that may not be saved (a blank title, no number): leaving it shows the value again. */
  readonly isRejected?: (draft: string) => boolean;
  /** Enter inserts a line; Ctrl/⌘+Enter saves. */
  readonly multiline?: boolean;
}

/**
 * The draft behind every field of the family. Escape is left to the container: in a dialog it
 * takes the focus out of the field, which saves, and closes the dialog (ui/Dialog.tsx).
 */
export function useCommitDraft({
  value,
  onCommit,
  isUnchanged = (draft) => draft === value,
  isRejected = () => false,
  multiline = false,
}: CommitDraftOptions) {
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
    if (isUnchanged(draft) || isRejected(draft)) {
      setDraft(value);
      return;
    }
    onCommit(draft);
  };
  const change = (next: string) => {
    setDraft(next);
    if (isUnchanged(next) || isRejected(next)) pending.done();
    else pending.update(() => onCommit(next));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (multiline && !event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    commit();
  };
  return {
    draft,
    commit,
    /** Puts text in the field without saving it (the caller saves it its own way). */
    replace: (next: string) => {
      pending.done();
      setDraft(next);
    },
    props: {
      value: draft,
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => change(event.currentTarget.value),
      onBlur: commit,
      onKeyDown,
    },
  };
}

/**
 * Enter keeps, Escape drops: the keys of an editor that replaces what it edits (a card title, a
 * lane name, a session name) and ends when it is done. `isolate`: Escape ends here, not also in
 * the board behind it.
 */
export function keepOrDrop(event: KeyboardEvent<HTMLElement>, finish: (keep: boolean) => void, isolate = false): void {
  if (event.key === 'Enter') {
    event.preventDefault();
    finish(true);
  } else if (event.key === 'Escape') {
    event.preventDefault();
    if (isolate) event.stopPropagation();
    finish(false);
  }
}

/** Enter does `action` (adds, sends) instead of what the browser would do with it. */
export function onEnter(event: KeyboardEvent<HTMLElement>, action: () => void): void {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  action();
}

export interface CommitTextProps {
  readonly label: string;
  readonly value: string;
  /** Called once per edit, when the field is left or Enter is pressed (Ctrl/⌘+Enter in a text area). */
  readonly onCommit: (value: string) => void;
  readonly multiline?: boolean;
  /** A blank value is not saved: the field goes back to what it was (a title, an action's text). */
  readonly required?: boolean;
  /** Spaces around the text do not count as a change (what is saved is trimmed by the caller). */
  readonly ignoreOuterSpace?: boolean;
  /** The label is given as the field's accessible name only (for rows of fields under one heading). */
  readonly hideLabel?: boolean;
  /** The label wraps the field (rows of fields in a grid whose style reads `label`). */
  readonly wrapped?: boolean;
  readonly className?: string;
  /** Defaults to the card limits of core/model.ts: long text for text areas, short text otherwise; null: none. */
  readonly maxLength?: number | null;
  readonly placeholder?: string;
  /** The id of a <datalist> whose entries the field offers (a one-line field only). */
  readonly list?: string;
  readonly rows?: number;
}

/** A text field (one line, or several with `multiline`) of the family. */
export function CommitText({
  label,
  value,
  onCommit,
  multiline = false,
  required = false,
  ignoreOuterSpace = false,
  hideLabel = false,
  wrapped = false,
  className,
  maxLength,
  placeholder,
  list,
  rows = 3,
}: CommitTextProps) {
  const id = useId();
  const field = useCommitDraft({
    value,
    onCommit,
    multiline,
    isUnchanged: ignoreOuterSpace ? (draft) => draft.trim() === value : undefined,
    isRejected: required ? (draft) => draft.trim() === '' : undefined,
  });
  const common = {
    id,
    ...field.props,
    maxLength: maxLength === null ? undefined : (maxLength ?? (multiline ? cardLimits.longText : cardLimits.shortText)),
    placeholder,
    'aria-label': hideLabel ? label : undefined,
  };
  const control = multiline ? <textarea {...common} rows={rows} /> : <input {...common} type="text" list={list} />;
  return <Labelled id={id} label={label} hideLabel={hideLabel} wrapped={wrapped} className={className} control={control} />;
}

export interface CommitNumberProps {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** A whole number within min and max, once per edit; anything else goes back to the value. */
  readonly onCommit: (value: number) => void;
  readonly wrapped?: boolean;
  readonly className?: string;
}

/** A whole-number field of the family: what is typed is clamped to its limits when saved. */
export function CommitNumber({ label, value, min, max, onCommit, wrapped = false, className }: CommitNumberProps) {
  const id = useId();
  const parse = (draft: string) => {
    const parsed = Number.parseInt(draft, 10);
    return Number.isNaN(parsed) ? null : Math.min(max, Math.max(min, parsed));
  };
  const field = useCommitDraft({
    value: String(value),
    onCommit: (draft) => {
      const number = parse(draft);
      if (number !== null) onCommit(number);
    },
    isUnchanged: (draft) => parse(draft) === value,
    isRejected: (draft) => parse(draft) === null,
  });
  const control = <input id={id} type="number" inputMode="numeric" min={min} max={max} step={1} {...field.props} />;
  return <Labelled id={id} label={label} wrapped={wrapped} className={className} control={control} />;
}

export interface ChoiceProps<T extends string> {
  readonly label: string;
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onChange: (value: T) => void;
  /** The label is given as the select's accessible name only (a row of fields). */
  readonly hideLabel?: boolean;
  readonly className?: string;
}

/**
 * A labelled select that applies a choice at once (one undoable step). The label points at the
 * select instead of wrapping it, so its name is the label alone, not the label plus the options.
 */
export function Choice<T extends string>({ label, value, options, onChange, hideLabel = false, className }: ChoiceProps<T>) {
  const id = useId();
  const control = (
    <select
      id={id}
      value={value}
      aria-label={hideLabel ? label : undefined}
      onChange={(event) => onChange(options.find((o) => o.value === event.currentTarget.value)?.value ?? value)}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
  if (hideLabel) return control;
  return <Labelled id={id} label={label} className={className} control={control} />;
}

/** The label beside its control: pointing at it (the default), wrapping it, or only as its name. */
function Labelled({
  id,
  label,
  control,
  hideLabel = false,
  wrapped = false,
  className,
}: {
  id: string;
  label: string;
  control: ReactElement;
  hideLabel?: boolean;
  wrapped?: boolean;
  className?: string;
}) {
  if (hideLabel) return <span className={className}>{control}</span>;
  if (wrapped) {
    return (
      <label htmlFor={id} className={className}>
        {label}
        {control}
      </label>
    );
  }
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

export interface InlineAddProps {
  readonly label: string;
  readonly addLabel: string;
  readonly maxLength: number;
  /** A text that is not blank, from Enter or the button; the field empties for the next one. */
  readonly onAdd: (text: string) => void;
  readonly inputRef?: Ref<HTMLInputElement>;
}

/** A field and an Add button that add one entry to a list (a tag, an action item) per Enter. */
export function InlineAdd({ label, addLabel, maxLength, onAdd, inputRef }: InlineAddProps) {
  const [draft, setDraft] = useState('');
  const add = () => {
    if (draft.trim() === '') return;
    onAdd(draft);
    setDraft('');
  };
  return (
    <div className="inline-add">
      <label>
        {label}
        <input
          ref={inputRef}
          value={draft}
          maxLength={maxLength}
          onChange={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => onEnter(event, add)}
        />
      </label>
      <button type="button" className="tool-button" onClick={add}>
        <PlusIcon />
        {addLabel}
      </button>
    </div>
  );
}

/** Radio buttons in a row, each inside its label, the group named by `label`; `before`/`after` stand around them. */
export function RadioGroup<T extends string>({
  label,
  name,
  options,
  value,
  onChange,
  optionText,
  className,
  optionClassName,
  before,
  after,
}: {
  label: string;
  name: string;
  options: readonly T[];
  value: T | null;
  onChange: (value: T) => void;
  optionText: (option: T) => string;
  className: string;
  optionClassName: string;
  before?: ReactNode;
  after?: ReactNode;
}) {
  return (
    <div className={className} role="radiogroup" aria-label={label}>
      {before}
      {options.map((option) => (
        <label key={option} className={optionClassName}>
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          {optionText(option)}
        </label>
      ))}
      {after}
    </div>
  );
}
