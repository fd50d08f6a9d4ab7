/** A Map-backed stand-in for electron-store, which would otherwise write to the user's config folder. */
export default class FakeElectronStore {
  static readonly instances: FakeElectronStore[] = [];
  /** What the last run left in the preferences file: every new store starts with these. Reset per test. */
  static seed: Record<string, unknown> = {};
  readonly values = new Map<string, unknown>(Object.entries(FakeElectronStore.seed));
  readonly path = '/nonexistent/nahtstelle-test/preferences.json';

  /** Plays a damaged preferences file: the next store throws as electron-store does on invalid JSON. */
  static damagedOnce = false;

  constructor(readonly options: { readonly name?: string } = {}) {
    if (FakeElectronStore.damagedOnce) {
      FakeElectronStore.damagedOnce = false;
      throw new SyntaxError('Unexpected end of JSON input');
    }
    FakeElectronStore.instances.push(this);
  }

  get(key: string): unknown {
    return this.values.get(key);
  }

  set(key: string, value: unknown): void {
    this.values.set(key, value);
  }

  delete(key: string): void {
    this.values.delete(key);
  }

  /** electron-store's whole-object access, which MemoryPreferences reads once and writes on every change. */
  get store(): Record<string, unknown> {
    return Object.fromEntries(this.values);
  }

  set store(value: Record<string, unknown>) {
    this.values.clear();
    for (const [key, item] of Object.entries(value)) this.values.set(key, item);
  }
}
