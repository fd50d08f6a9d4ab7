/**
 * One-time notices that are not failures of a call: the preferences file was set aside, or a
 * session file changed elsewhere was kept as a conflict copy. Each is shown until dismissed.
 */
import { useEffect, useState } from 'react';
import { create } from 'zustand';

export type Notice =
  | { readonly kind: 'preferencesDamaged'; readonly file: string }
  | { readonly kind: 'preferencesNotSaved' }
  | { readonly kind: 'conflictCopy'; readonly file: string; readonly copy: string };

interface NoticesState {
  readonly notices: readonly Notice[];
  add(notice: Notice): void;
  dismiss(notice: Notice): void;
}

export const useNotices = create<NoticesState>()((set) => ({
  notices: [],
  add: (notice) => set((s) => ({ notices: [...s.notices, notice] })),
  dismiss: (notice) => set((s) => ({ notices: s.notices.filter((item) => item !== notice) })),
}));

/**
 * A hint that passes (docs/ARCHITECTURE.md, "Messages"): shown when `occasion` becomes a new
 * value, gone after `ms` or at the facilitator's next action (a key or a press anywhere),
 * whichever comes first — so it never stays in the toolbar for the rest of the session.
 * `occasion` is null while there is nothing to hint; each new value shows the hint afresh.
 */
export function useTransientHint(occasion: number | string | null, ms: number): boolean {
  const [passed, setPassed] = useState<number | string | null>(null);
  useEffect(() => {
    if (occasion === null) return;
    const pass = () => setPassed(occasion);
    const timer = setTimeout(pass, ms);
    // Listened for from the next task on: the action that brought the hint does not end it.
    const listen = setTimeout(() => {
      window.addEventListener('keydown', pass, true);
      window.addEventListener('pointerdown', pass, true);
    }, 0);
    return () => {
      clearTimeout(timer);
      clearTimeout(listen);
      window.removeEventListener('keydown', pass, true);
      window.removeEventListener('pointerdown', pass, true);
    };
  }, [occasion, ms]);
  return occasion !== null && passed !== occasion;
}
