/** Preferences held in memory: the file read once at start, then written best-effort. docs/reliability.md, "Preferences". */
import { renameSync } from 'node:fs';
import type { KeyValueStore, PreferencesProblem } from './preferences';

/** What electron-store and conf both offer: the whole object, read and written at once, and where it lives. */
export interface PersistentStore {
  store: Record<string, unknown>;
  readonly path: string;
}

export interface MemoryPreferencesOptions {
  readonly now?: () => Date;
  /** Where a problem goes besides the UI (the app's log). */
  readonly log?: (message: string) => void;
  /** Moves the damaged file aside; tests inject a failing one. */
  readonly rename?: (from: string, to: string) => void;
}

export class MemoryPreferences implements KeyValueStore {
  private readonly values = new Map<string, unknown>();
  private backend: PersistentStore | null = null;
  private problem: PreferencesProblem | null = null;
  private reported = false;
  private readonly log: (message: string) => void;

  /**
   * `open` creates the file store; it may throw (conf does on invalid JSON) and is called again
   * after the file at `path` (where that store keeps it) was set aside.
   */
  constructor(open: () => PersistentStore, path: string, options: MemoryPreferencesOptions = {}) {
    this.log = options.log ?? ((message) => console.warn(message));
    const now = options.now ?? (() => new Date());
    const rename = options.rename ?? renameSync;
    try {
      this.backend = open();
      this.load(this.backend.store);
    } catch (error) {
      this.backend = null;
      let keptAs = `${path}.damaged-${timeStamp(now())}`;
      try {
        rename(path, keptAs);
      } catch (renameError) {
        keptAs = '';
        this.log(`Nahtstelle: the damaged preferences file could not be set aside: ${detailOf(renameError)}`);
      }
      this.problem = { kind: 'damaged', keptAs, detail: detailOf(error) };
      this.log(`Nahtstelle: the preferences file was damaged (${detailOf(error)}); starting with defaults${keptAs ? `, kept as ${keptAs}` : ''}`);
      try {
        this.backend = open();
      } catch (again) {
        // Still unreadable (the rename failed): work from memory; the next write replaces the file.
        this.log(`Nahtstelle: preferences stay in memory only: ${detailOf(again)}`);
      }
    }
  }

  get(key: string): unknown {
    return this.values.get(key);
  }

  set(key: string, value: unknown): void {
    this.values.set(key, value);
    this.persist();
  }

  delete(key: string): void {
    if (this.values.delete(key)) this.persist();
  }

  /** The problem to tell the facilitator, once: later calls answer null. */
  takeProblem(): PreferencesProblem | null {
    if (this.reported || this.problem === null) return null;
    this.reported = true;
    return this.problem;
  }

  private load(stored: unknown): void {
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return;
    for (const [key, value] of Object.entries(stored)) this.values.set(key, value);
  }

  private persist(): void {
    if (this.backend === null) return;
    try {
      // The whole object at once: conf's setter writes it atomically without reading the old file.
      this.backend.store = Object.fromEntries(this.values);
    } catch (error) {
      // Reported once per run: every later preference change would fail the same way.
      if (this.problem === null) {
        this.problem = { kind: 'notSaved', detail: detailOf(error) };
        this.log(`Nahtstelle: preferences could not be saved (${detailOf(error)}); they are kept for this run`);
      }
    }
  }
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `2026-12-05T07-12-03Z`: sortable, and legal in file names on every system (no colons). */
export function timeStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}
