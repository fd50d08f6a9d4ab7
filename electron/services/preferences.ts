/**
 * Preferences (language for now). Backed by any key-value store with get/set: electron-store in
 * the app, its underlying `conf` in the web test host. Values are validated on read, so a
 * hand-edited or foreign preferences file falls back to defaults instead of breaking start-up.
 */
import { languages, type Language } from '../../core/api';

export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export class Preferences {
  constructor(private readonly store: KeyValueStore) {}

  get language(): Language | null {
    const value = this.store.get('language');
    return (languages as readonly unknown[]).includes(value) ? (value as Language) : null;
  }

  setLanguage(language: Language | null): void {
    if (language === null) this.store.delete('language');
    else this.store.set('language', language);
  }
}
