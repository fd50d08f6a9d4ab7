/**
 * One-time notices that are not failures of a call: the preferences file set aside, a conflict copy kept.
 * docs/ARCHITECTURE.md, "Sessions on disk".
 */
import { create } from '../store/create-store';

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
