import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog> element: focus moves in and is trapped, Escape closes,
 * and the page behind is inert — all from the browser, not from code of ours. Fields in our
 * dialogs save when they are left; Escape first takes the focus out of the field, so what was just
 * typed is saved rather than lost with the dialog.
 */
export function Dialog({ label, onClose, children, className }: { label: string; onClose: () => void; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-label={label}
      onCancel={(event) => {
        event.preventDefault();
        const focused = document.activeElement;
        if (focused instanceof HTMLElement && event.currentTarget.contains(focused)) focused.blur();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
