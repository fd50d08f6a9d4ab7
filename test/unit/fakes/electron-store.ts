/** A Map-backed stand-in for electron-store, which would otherwise write to the user's config folder. */
export default class FakeElectronStore {
  static readonly instances: FakeElectronStore[] = [];
  readonly values = new Map<string, unknown>();

  constructor(readonly options: { readonly name?: string } = {}) {
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
}
