import { useEffect, useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { ErrorMessage } from './ErrorDetails';

/**
 * A modal dialog on the native <dialog> element: the browser traps the focus; the frame gives it back when it closes.
 * docs/ARCHITECTURE.md, "Dialogs and messages".
 */
export function Dialog({
  title,
  label = title,
  actions,
  onClose,
  onSubmit,
  children,
  className,
  plain = false,
  bodyRef,
  problem,
  startAtTop = false,
}: {
  /** The heading; also the dialog's accessible name unless `label` is given. */
  title?: string;
  label?: string;
  /** The buttons of the row at the bottom. */
  actions?: ReactNode;
  onClose: () => void;
  /** The body is a form; a submit button among the actions sends it. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
  className?: string;
  /** No `.form` body: heading, content and buttons stand in the dialog itself (a message, a list). */
  plain?: boolean;
  bodyRef?: Ref<HTMLDivElement>;
  /** What went wrong with the last attempt, said above the buttons. */
  problem?: { readonly error: unknown } | null;
  startAtTop?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // Read during the first render: the focus is still where the facilitator opened the dialog from.
  const [opener] = useState(openerOf);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && opener) openers.set(dialog, opener);
    if (dialog && !dialog.open) {
      dialog.showModal();
      if (startAtTop) {
        dialog.focus();
        dialog.scrollTop = 0;
      }
    }
    return () => {
      dialog?.close();
      // The dialog has left the top layer, so the page is no longer inert and takes the focus.
      returnFocus(opener);
    };
    // Opened once per mount; `startAtTop` and the opener belong to that opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const content = (
    <>
      {title !== undefined && <h2>{title}</h2>}
      {children}
      {problem && (
        <div className="form-problem" role="alert">
          <ErrorMessage error={problem.error} />
        </div>
      )}
      {actions !== undefined && <div className="dialog-actions">{actions}</div>}
    </>
  );
  const body = plain ? (
    content
  ) : onSubmit ? (
    <form className="form" onSubmit={onSubmit}>
      {content}
    </form>
  ) : (
    <div className="form" ref={bodyRef}>
      {content}
    </div>
  );
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-label={label}
      tabIndex={startAtTop ? -1 : undefined}
      onCancel={(event) => {
        event.preventDefault();
        const focused = document.activeElement;
        if (focused instanceof HTMLElement && event.currentTarget.contains(focused)) focused.blur();
        onClose();
      }}
    >
      {body}
    </dialog>
  );
}

/** The buttons of a dialog whose body is a form: Cancel, and the primary submit button. */
export function CancelAndSubmit({
  cancelLabel,
  submitLabel,
  onCancel,
  disabled = false,
}: {
  cancelLabel: string;
  submitLabel: string;
  onCancel: () => void;
  disabled?: boolean;
}) {
  return (
    <>
      <CancelButton label={cancelLabel} onCancel={onCancel} />
      <button type="submit" className="tool-button tool-button--primary" disabled={disabled}>
        {submitLabel}
      </button>
    </>
  );
}

function CancelButton({ label, onCancel }: { label: string; onCancel: () => void }) {
  return (
    <button type="button" className="tool-button" onClick={onCancel}>
      {label}
    </button>
  );
}

/** A question before something that cannot be taken back: the question, why, Cancel and the act. */
export function ConfirmDialog({
  question,
  hint,
  cancelLabel,
  confirmLabel,
  onCancel,
  onConfirm,
}: {
  question: string;
  hint: string;
  cancelLabel: string;
  confirmLabel: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog
      label={question}
      onClose={onCancel}
      plain
      actions={
        <>
          <CancelButton label={cancelLabel} onCancel={onCancel} />
          <button type="button" className="tool-button tool-button--danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <p className="dialog-text">{question}</p>
      <p>{hint}</p>
    </Dialog>
  );
}

/** A danger button that asks first (ConfirmDialog) and acts only when the question is confirmed. */
export function ConfirmButton({
  label,
  disabled = false,
  onConfirm,
  ...question
}: Omit<Parameters<typeof ConfirmDialog>[0], 'onCancel'> & { label: string; disabled?: boolean }) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className="tool-button tool-button--danger" disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
      {asking && (
        <ConfirmDialog
          {...question}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            onConfirm();
          }}
        />
      )}
    </>
  );
}

/**
 * Where the focus goes back to: the element, how to find its successor if it was re-rendered, and
 * the dialog it was in (a dialog opened from another that has closed since, like "Save as
 * template" from the agenda editor, returns to what opened that one).
 */
interface Opener {
  readonly element: HTMLElement;
  readonly cardId: string | undefined;
  readonly within: HTMLDialogElement | null;
}

/** Each open dialog's opener, for the dialogs opened from it. */
const openers = new WeakMap<HTMLDialogElement, Opener>();

function openerOf(): Opener | null {
  const active = typeof document === 'undefined' ? null : document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return null;
  return { element: active, cardId: active.closest<HTMLElement>('[data-card-id]')?.dataset.cardId, within: active.closest('dialog') };
}

function returnFocus(opener: Opener | null): void {
  // Something in the page may already have taken the focus on purpose (a new card, a restored row).
  const now = document.activeElement;
  if (now instanceof HTMLElement && now !== document.body && now.isConnected) return;
  for (let step: Opener | null | undefined = opener; step; step = step.within ? openers.get(step.within) : null) {
    if (step.element.isConnected) {
      step.element.focus();
      return;
    }
    // A card re-rendered while its dialog was open is a new element with the same id.
    const card = step.cardId === undefined ? null : document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(step.cardId)}"]`);
    if (card) {
      card.focus();
      return;
    }
  }
}
