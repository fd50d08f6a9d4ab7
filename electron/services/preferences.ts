/** Preferences over any key-value store, every value checked when read. docs/ARCHITECTURE.md, "Layers and arrows". */
import { languages, themes, windowZoomLimits, type Language, type Preferences, type Theme } from '../../core/api';
import { agendaTemplateSchema } from '../../core/api-schemas';
import { templateLimits, type AgendaTemplate } from '../../core/templates';

/** What went wrong with the preferences file, told to the facilitator once. */
export type PreferencesProblem =
  { readonly kind: 'damaged'; readonly keptAs: string; readonly detail: string } | { readonly kind: 'notSaved'; readonly detail: string };

export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  /** A problem with the file behind the store, answered once (MemoryPreferences). */
  takeProblem?(): PreferencesProblem | null;
}

export interface WindowBounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

const maxRecentFiles = 10;

export class PreferencesStore {
  /** `defaultSessionsFolder`: where sessions go until the facilitator picks another folder. */
  constructor(
    private readonly store: KeyValueStore,
    private readonly defaultSessionsFolder: string,
  ) {}

  get all(): Preferences {
    return {
      language: this.language,
      theme: this.theme,
      sessionsFolder: this.sessionsFolder,
      recentFiles: this.recentFiles,
      timerSound: this.timerSound,
      workshopPanelExpanded: this.workshopPanelExpanded,
      windowZoom: this.windowZoom,
    };
  }

  get language(): Language | null {
    return oneOf(languages, this.store.get('language')) ?? null;
  }

  setLanguage(language: Language | null): void {
    this.setOrDelete('language', language);
  }

  get theme(): Theme {
    return oneOf(themes, this.store.get('theme')) ?? 'system';
  }

  setTheme(theme: Theme): void {
    this.store.set('theme', theme);
  }

  get sessionsFolder(): string {
    const value = this.store.get('sessionsFolder');
    return typeof value === 'string' && value !== '' ? value : this.defaultSessionsFolder;
  }

  setSessionsFolder(folder: string): void {
    this.store.set('sessionsFolder', folder);
  }

  get recentFiles(): readonly string[] {
    const value = this.store.get('recentFiles');
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').slice(0, maxRecentFiles) : [];
  }

  addRecentFile(path: string): void {
    this.store.set('recentFiles', [path, ...this.recentFiles.filter((item) => item !== path)].slice(0, maxRecentFiles));
  }

  forgetRecentFile(path: string): void {
    this.store.set(
      'recentFiles',
      this.recentFiles.filter((item) => item !== path),
    );
  }

  /** The session open when the app stopped, reopened at the next start (also after a crash). */
  get lastSession(): string | null {
    const value = this.store.get('lastSession');
    return typeof value === 'string' && value !== '' ? value : null;
  }

  setLastSession(path: string | null): void {
    this.setOrDelete('lastSession', path);
  }

  /** Off unless the facilitator turned it on. */
  get timerSound(): boolean {
    return this.store.get('timerSound') === true;
  }

  setTimerSound(on: boolean): void {
    this.store.set('timerSound', on);
  }

  /** Compact (one row) unless the facilitator expanded it. */
  get workshopPanelExpanded(): boolean {
    return this.store.get('workshopPanelExpanded') === true;
  }

  setWorkshopPanelExpanded(expanded: boolean): void {
    this.store.set('workshopPanelExpanded', expanded);
  }

  /** 100 % unless a zoom within the limits was chosen. */
  get windowZoom(): number {
    const value = this.store.get('windowZoom');
    return typeof value === 'number' && value >= windowZoomLimits.min && value <= windowZoomLimits.max ? value : 1;
  }

  setWindowZoom(zoom: number): void {
    this.store.set('windowZoom', zoom);
  }

  /**
   * The facilitator's own agenda templates. They live here, not in files of their own: templates
   * are small reusable settings (a name and a few blocks), like the theme — not work to hand on.
   * Each one is checked on read; a damaged or hand-edited entry is left out, never a reason to
   * fail start-up, and the others stay.
   */
  get templates(): readonly AgendaTemplate[] {
    const value = this.store.get('templates');
    if (!Array.isArray(value)) return [];
    const valid: AgendaTemplate[] = [];
    const ids = new Set<string>();
    for (const item of value) {
      const parsed = agendaTemplateSchema.safeParse(item, { jitless: true });
      if (parsed.success && !ids.has(parsed.data.id)) {
        ids.add(parsed.data.id);
        valid.push(parsed.data);
      }
    }
    return valid.slice(0, templateLimits.templates);
  }

  setTemplates(templates: readonly AgendaTemplate[]): void {
    this.store.set('templates', templates);
  }

  get windowBounds(): WindowBounds | null {
    const value = this.store.get('windowBounds');
    if (typeof value !== 'object' || value === null) return null;
    const { x, y, width, height, maximized } = value as Record<string, unknown>;
    const numbers = [x, y, width, height];
    if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
    return { x: x as number, y: y as number, width: width as number, height: height as number, maximized: maximized === true };
  }

  setWindowBounds(bounds: WindowBounds): void {
    this.store.set('windowBounds', bounds);
  }

  /** What went wrong with the preferences file, once per run: the UI says so once. */
  takeProblem(): PreferencesProblem | null {
    return this.store.takeProblem?.() ?? null;
  }

  private setOrDelete(key: string, value: string | null): void {
    if (value === null) this.store.delete(key);
    else this.store.set(key, value);
  }
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return allowed.find((item) => item === value);
}
