/** What the phone keeps in localStorage, and reading it back safely. docs/ARCHITECTURE.md, "Phones in the room". */
import { departments, type Department } from '../../core/model';
import { persistedOutbox, readOutbox, type Outbox } from './outbox';

/** localStorage's shape (a test passes a Map-backed stand-in). Safari in private mode may throw on write. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const keys = {
  token: 'nahtstelle.phone.token',
  profile: 'nahtstelle.phone.profile',
  outbox: 'nahtstelle.phone.outbox',
  drafts: 'nahtstelle.phone.drafts',
  language: 'nahtstelle.phone.language',
} as const;

/** Text typed but not sent: the two forms and the open edits of own caricatures (by card id). */
export interface Drafts {
  readonly topic: string;
  readonly caricature: string;
  readonly edits: Readonly<Record<string, string>>;
}

export const emptyDrafts: Drafts = { topic: '', caricature: '', edits: {} };

export interface Stored {
  readonly token?: string;
  readonly name?: string;
  readonly side?: Department;
  readonly outbox: Outbox;
  readonly drafts: Drafts;
  readonly language?: string;
}

function readJson(store: KeyValueStore, key: string): unknown {
  try {
    const text = store.getItem(key);
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function write(store: KeyValueStore, key: string, value: unknown): void {
  try {
    if (value === undefined) store.removeItem(key);
    else store.setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
  } catch {
    // Storage full or forbidden (private mode): the phone still works, it only forgets on reload.
  }
}

const isDepartment = (value: unknown): value is Department => departments.some((department) => department === value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function readStored(store: KeyValueStore): Stored {
  let token: string | null = null;
  let language: string | null = null;
  try {
    token = store.getItem(keys.token);
    language = store.getItem(keys.language);
  } catch {
    // As above: nothing stored is readable.
  }
  const profile = readJson(store, keys.profile) as { name?: unknown; side?: unknown } | undefined;
  const drafts = readJson(store, keys.drafts) as { topic?: unknown; caricature?: unknown; edits?: unknown } | undefined;
  const edits = typeof drafts?.edits === 'object' && drafts.edits !== null ? drafts.edits : {};
  return {
    ...(token ? { token } : {}),
    ...(typeof profile?.name === 'string' ? { name: profile.name } : {}),
    ...(isDepartment(profile?.side) ? { side: profile.side } : {}),
    outbox: readOutbox(readJson(store, keys.outbox)),
    drafts: {
      topic: text(drafts?.topic),
      caricature: text(drafts?.caricature),
      edits: Object.fromEntries(Object.entries(edits).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
    },
    ...(language ? { language } : {}),
  };
}

/** The device token (undefined forgets it) and the name and side last joined with (kept to fill the form next time). */
export function storeIdentity(store: KeyValueStore, token: string | undefined, profile: { name: string; side: Department } | null): void {
  write(store, keys.token, token);
  write(store, keys.profile, profile ?? undefined);
}

export function storeOutbox(store: KeyValueStore, outbox: Outbox): void {
  const kept = persistedOutbox(outbox);
  write(store, keys.outbox, kept.length > 0 ? kept : undefined);
}

export function storeDrafts(store: KeyValueStore, drafts: Drafts): void {
  write(store, keys.drafts, drafts);
}

export function storeLanguage(store: KeyValueStore, language: string): void {
  write(store, keys.language, language);
}
