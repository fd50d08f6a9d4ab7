/**
 * The export dialog's state: what to include and in which format (kept while the app runs, so a
 * second export after a change on the board is one click), and how the last export went. Apart
 * from the board store: choosing a section re-renders the dialog, never the board.
 *
 * Nothing here reaches the machine by itself: `run` is handed the API's `exportSession`, so the
 * flow is tested without a window.
 */
import { create } from 'zustand';
import { apiErrorOf, asApiError, languages, type ExportKind, type ExportRequest, type Language, type NahtstelleApi } from '../../../core/api';
import type { Session } from '../../../core/model';
import { summarySections, type SummarySection } from '../../../core/summary-text';

/** The formats of the summary itself, in the order the dialog offers them. */
export const summaryKinds = ['pdf', 'docx', 'pptx', 'md', 'html', 'csv', 'json'] as const satisfies readonly ExportKind[];
export type SummaryKind = (typeof summaryKinds)[number];

export type CsvDelimiter = ExportRequest['csvDelimiter'];

export type ExportStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'busy'; readonly kind: ExportKind }
  /** `file` is the name only: the facilitator knows where they saved it. */
  | { readonly state: 'saved'; readonly kind: ExportKind; readonly file: string }
  /**
   * `retryPath` is where "Try again" writes without asking: the failed write's path, which main
   * reports with the error. Null when the failure came before a path was chosen: then it asks.
   */
  | { readonly state: 'failed'; readonly kind: ExportKind; readonly error: unknown; readonly retryPath: string | null };

export interface ExportRun {
  readonly kind: ExportKind;
  readonly session: Session;
  /** The UI language: the summary's language when the session has none set. */
  readonly fallbackLanguage: Language;
  readonly exportSession: NahtstelleApi['exportSession'];
  readonly retryPath?: string | null;
}

export interface ExportState {
  readonly sections: readonly SummarySection[];
  readonly summaryKind: SummaryKind;
  readonly csvDelimiter: CsvDelimiter;
  readonly status: ExportStatus;

  setSection(section: SummarySection, included: boolean): void;
  setSummaryKind(kind: SummaryKind): void;
  setCsvDelimiter(delimiter: CsvDelimiter): void;
  /** A fresh dialog starts without the last outcome; an export still running keeps its status. */
  clearStatus(): void;
  /** Exports once; ignored while another export runs. Resolves when it has ended either way. */
  run(run: ExportRun): Promise<void>;
}

export const useExport = create<ExportState>()((set, get) => ({
  sections: summarySections,
  summaryKind: 'pdf',
  csvDelimiter: ',',
  status: { state: 'idle' },

  setSection: (section, included) => set((s) => ({ sections: withSection(s.sections, section, included) })),
  setSummaryKind: (summaryKind) => set({ summaryKind }),
  setCsvDelimiter: (csvDelimiter) => set({ csvDelimiter }),
  clearStatus: () => {
    if (get().status.state !== 'busy') set({ status: { state: 'idle' } });
  },
  async run({ kind, session, fallbackLanguage, exportSession, retryPath = null }) {
    if (get().status.state === 'busy') return;
    set({ status: { state: 'busy', kind } });
    const { sections, csvDelimiter } = get();
    try {
      const path = await exportSession(session, { kind, sections, csvDelimiter, fallbackLanguage }, retryPath);
      set({ status: path === null ? { state: 'idle' } : { state: 'saved', kind, file: fileNameOf(path) } });
    } catch (error) {
      set({ status: { state: 'failed', kind, error, retryPath: (asApiError(error) ?? apiErrorOf(error))?.path ?? null } });
    }
  },
}));

/** The sections with one switched on or off, always in the summary's own order. */
export function withSection(sections: readonly SummarySection[], section: SummarySection, included: boolean): SummarySection[] {
  return summarySections.filter((s) => (s === section ? included : sections.includes(s)));
}

/** The last part of a path, for Windows and POSIX paths alike. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** i18next's language code as one of the app's languages. */
export function languageOf(code: string | undefined): Language {
  return languages.find((language) => code?.toLowerCase().startsWith(language)) ?? 'en';
}
