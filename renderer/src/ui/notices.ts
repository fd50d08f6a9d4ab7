/**
 * One-time notices that are not failures of a call: the preferences file was set aside, or a
 * session file changed elsewhere was kept as a conflict copy. Each is shown until dismissed.
 */
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
