/** The export dialog's state: what to include, in which format, and how the last export went. docs/ARCHITECTURE.md, "Exporting". */
import { create } from '../store/create-store';
import { languageOfLocale } from '../../../core/languages';
import { apiErrorOf, asApiError, type ExportKind, type ExportRequest, type Language, type NahtstelleApi } from '../../../core/api';
import type { Session } from '../../../core/model';
import { presetSections, summaryPresets, summarySections, type SummaryPreset, type SummarySection } from '../../../core/summary-text';

/** The formats of the summary itself, in the order the dialog offers them. */
export const summaryKinds = ['pdf', 'docx', 'pptx', 'md', 'html', 'csv', 'json'] as const satisfies readonly ExportKind[];
export type SummaryKind = (typeof summaryKinds)[number];

export type CsvDelimiter = ExportRequest['csvDelimiter'];

export type ExportStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'busy'; readonly kind: ExportKind }
  /** `file` is the name, `folder` where it went, `path` the whole path (for "Show in folder"). */
  | { readonly state: 'saved'; readonly kind: ExportKind; readonly file: string; readonly folder: string; readonly path: string }
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
  /** Whether the lanes show the cards' notes, why and tags. */
  readonly withNotes: boolean;
  readonly summaryKind: SummaryKind;
  /** Null: the separator of the session's language (semicolons for German). */
  readonly csvDelimiter: CsvDelimiter | null;
  readonly status: ExportStatus;

  setSection(section: SummarySection, included: boolean): void;
  setPreset(preset: SummaryPreset): void;
  setWithNotes(withNotes: boolean): void;
  setSummaryKind(kind: SummaryKind): void;
  setCsvDelimiter(delimiter: CsvDelimiter): void;
  /** A fresh dialog starts without the last outcome; an export still running keeps its status. */
  clearStatus(): void;
  /** Exports once; ignored while another export runs. Resolves when it has ended either way. */
  run(run: ExportRun): Promise<void>;
}

export const useExport = create<ExportState>()((set, get) => ({
  sections: presetSections.client,
  withNotes: true,
  summaryKind: 'pdf',
  csvDelimiter: null,
  status: { state: 'idle' },

  setSection: (section, included) => set((s) => ({ sections: withSection(s.sections, section, included) })),
  setPreset: (preset) => set({ sections: presetSections[preset] }),
  setWithNotes: (withNotes) => set({ withNotes }),
  setSummaryKind: (summaryKind) => set({ summaryKind }),
  setCsvDelimiter: (csvDelimiter) => set({ csvDelimiter }),
  clearStatus: () => {
    if (get().status.state !== 'busy') set({ status: { state: 'idle' } });
  },
  async run({ kind, session, fallbackLanguage, exportSession, retryPath = null }) {
    if (get().status.state === 'busy') return;
    set({ status: { state: 'busy', kind } });
    const { sections, withNotes } = get();
    const csvDelimiter = get().csvDelimiter ?? csvDelimiterFor(session, fallbackLanguage);
    try {
      const path = await exportSession(session, { kind, sections, csvDelimiter, withNotes, fallbackLanguage }, retryPath);
      set({ status: path === null ? { state: 'idle' } : { state: 'saved', kind, file: fileNameOf(path), folder: folderOf(path), path } });
    } catch (error) {
      set({ status: { state: 'failed', kind, error, retryPath: (asApiError(error) ?? apiErrorOf(error))?.path ?? null } });
    }
  },
}));

/** The separator a spreadsheet in the summary's language expects: semicolons for German. */
export function csvDelimiterFor(session: Session, fallbackLanguage: Language): CsvDelimiter {
  return (session.details.language || fallbackLanguage) === 'de' ? ';' : ',';
}

/** The preset the chosen sections are, or null for an own choice. */
export function presetOf(sections: readonly SummarySection[]): SummaryPreset | null {
  return (
    summaryPresets.find((preset) => presetSections[preset].length === sections.length && presetSections[preset].every((s) => sections.includes(s))) ??
    null
  );
}

/** The sections with one switched on or off, always in the summary's own order. */
export function withSection(sections: readonly SummarySection[], section: SummarySection, included: boolean): SummarySection[] {
  return summarySections.filter((s) => (s === section ? included : sections.includes(s)));
}

/** The last part of a path, for Windows and POSIX paths alike. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** All but the last part of a path, for Windows and POSIX paths alike ('/' stays '/'). */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut < 0) return '';
  return cut === 0 ? path.slice(0, 1) : path.slice(0, cut);
}

/** i18next's language code as one of the app's languages. */
export function languageOf(code: string | undefined): Language {
  return languageOfLocale(code);
}
