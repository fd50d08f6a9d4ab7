/** The one date field of the app, in the UI language whatever the browser's locale. docs/ARCHITECTURE.md, "The control window". */
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dateStyleOf, dayForField, parseDay } from './date-format';

export interface DateFieldProps {
  /** The field's label, shown above it, or only its accessible name with `hideLabel`. */
  readonly label: string;
  /** The stored day, YYYY-MM-DD, or ''. */
  readonly value: string;
  /** A real day (or '' for none), once the field is left or Enter is pressed. */
  readonly onCommit: (day: string) => void;
  readonly hideLabel?: boolean;
  readonly className?: string;
}

/**
 * Saves when left or on Enter, like the other fields (one undo step per edit). What is no day is
 * not saved: the field keeps the text and says, in the UI language, how to write the date.
 */
export function DateField({ label, value, onCommit, hideLabel = false, className }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const problemId = useId();
  const style = dateStyleOf(i18n.language);
  const shownValue = dayForField(value, style);
  const [draft, setDraft] = useState(shownValue);
  const [shown, setShown] = useState(shownValue);
  const [invalid, setInvalid] = useState(false);
  if (shownValue !== shown) {
    // The stored day or the language changed under the field: show what it holds now.
    setShown(shownValue);
    setDraft(shownValue);
    setInvalid(false);
  }

  const commit = () => {
    const day = parseDay(draft, style);
    setInvalid(day === null);
    if (day === null) return;
    setDraft(dayForField(day, style));
    if (day !== value) onCommit(day);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
  };

  const input = (
    <input
      id={id}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      className={className}
      value={draft}
      placeholder={t('layout.date.placeholder')}
      aria-label={hideLabel ? label : undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? problemId : undefined}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  );
  const problem = invalid && (
    <span id={problemId} className="form-problem" role="alert">
      {t('layout.date.invalid')}
    </span>
  );
  if (hideLabel) {
    return (
      <span className="date-field">
        {input}
        {problem}
      </span>
    );
  }
  return (
    <label htmlFor={id}>
      {label}
      {input}
      {problem}
    </label>
  );
}
