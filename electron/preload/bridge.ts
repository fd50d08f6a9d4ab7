/**
 * `window.nahtstelle`: one `invoke` per verb of the contract, events and `pathForFile`, never ipcRenderer itself.
 * docs/ARCHITECTURE.md, "Layers and arrows".
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import {
  apiErrorMessage,
  apiEvents,
  apiVerbs,
  invokeChannel,
  eventChannel,
  type ApiError,
  type ApiEvent,
  type ApiEvents,
  type ApiVerb,
  type NahtstelleApi,
  type NahtstelleBridge,
} from '../../core/api';

type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
type VerbResult<V extends ApiVerb> = Awaited<ReturnType<NahtstelleApi[V]>>;

/**
 * Events kept for the page until it listens, and at most how many of them. `sessionOpened` and
 * `openFailed` may come before the page has subscribed (a file that launched the app opens while
 * the page starts); `audienceView` too (sent when the audience page has loaded), of which only the
 * latest counts. `command` is not kept: an Undo from the menu is for the board that is there now.
 */
export const keptEvents: readonly ApiEvent[] = ['sessionOpened', 'openFailed', 'audienceView'];
const maxKeptEvents = 20;
/** Of the views for the audience window only the newest counts. */
const keptLimit = (event: ApiEvent): number => (event === 'audienceView' ? 1 : maxKeptEvents);

/**
 * contextBridge copies an Error as a plain `Error` with only its `message`, so a failed call rejects
 * with the ApiError as JSON in the message, which the renderer reads back with `apiErrorOf`.
 */
export function bridgeError(error: ApiError): Error {
  return new Error(apiErrorMessage(error));
}

/** `pathForFile` where there is no way to learn a file's path (the web test host's browser). */
export const noFilePaths = (): string => '';

export function createBridge(ipc: BridgeIpc, pathForFile: (file: unknown) => string = noFilePaths): NahtstelleBridge {
  async function callVerb<V extends ApiVerb>(verb: V, args: Parameters<NahtstelleApi[V]>): Promise<VerbResult<V>> {
    let result: unknown;
    try {
      result = await ipc.invoke(invokeChannel(verb), ...args);
    } catch (error) {
      // Only if main has no handler or the IPC itself broke; give it the same shape as any failure.
      throw bridgeError({ code: 'internal', detail: `${verb}: ${error instanceof Error ? error.message : String(error)}` });
    }
    if (!isEnvelope(result)) throw bridgeError({ code: 'internal', detail: `${verb}: malformed reply` });
    if (!result.ok) throw bridgeError(result.error);
    // The value was produced by the handler for this verb, whose type the contract fixes.
    return result.value as VerbResult<V>;
  }

  /** Kept events: one ipc listener each, from the start; the page's listeners hang off it. */
  const kept = new Map<ApiEvent, { readonly listeners: Set<(payload: unknown) => void>; readonly waiting: unknown[] }>();
  for (const event of keptEvents) {
    const entry = { listeners: new Set<(payload: unknown) => void>(), waiting: [] as unknown[] };
    kept.set(event, entry);
    const limit = keptLimit(event);
    ipc.on(eventChannel(event), (_event: IpcRendererEvent, payload: unknown) => {
      if (entry.listeners.size === 0) {
        entry.waiting.push(payload);
        entry.waiting.splice(0, entry.waiting.length - limit);
      }
      for (const listener of [...entry.listeners]) listener(payload);
    });
  }

  function on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
    if (!(apiEvents as readonly unknown[]).includes(event)) throw new TypeError(`Unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function');
    const entry = kept.get(event);
    if (entry) {
      // The payload came from main on this event's channel, whose type the contract fixes.
      const forwardKept = (payload: unknown): void => listener(payload as ApiEvents[E]);
      entry.listeners.add(forwardKept);
      for (const payload of entry.waiting.splice(0)) forwardKept(payload);
      return () => {
        entry.listeners.delete(forwardKept);
      };
    }
    const channel = eventChannel(event);
    const forward = (_event: IpcRendererEvent, payload: ApiEvents[E]): void => listener(payload);
    ipc.on(channel, forward);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(channel, forward);
    };
  }

  /** One method per verb of the contract's list: a new verb needs no line here. */
  function verbMethod<V extends ApiVerb>(verb: V): NahtstelleApi[V] {
    // Every argument goes to main as given; main checks the tuple against the verb's schema.
    const method = (...args: Parameters<NahtstelleApi[V]>): Promise<VerbResult<V>> => callVerb(verb, args);
    return method as NahtstelleApi[V];
  }
  const verbs = Object.fromEntries(apiVerbs.map((verb) => [verb, verbMethod(verb)])) as { [V in ApiVerb]: NahtstelleApi[V] };

  return {
    ...verbs,
    on,
    pathForFile: (file) => pathForFile(file),
  } satisfies NahtstelleBridge;
}

type Envelope = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: ApiError };

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return true;
  return value.ok === false && 'error' in value && typeof value.error === 'object' && value.error !== null;
}

/** Main adds this to the audience window's renderer command line (webPreferences.additionalArguments). */
export const audienceWindowArgument = '--nahtstelle-window=audience';

/** What the audience window's page gets: the views main sends it, and nothing to call. */
export interface AudienceBridge {
  on(event: 'audienceView', listener: (payload: ApiEvents['audienceView']) => void): () => void;
}

/**
 * The audience window's bridge (least privilege): receive-only. It has no verbs at all — main
 * refuses that window's calls as well — and listens to `audienceView` alone (kept until the page
 * subscribes, as in the app window's bridge).
 */
export function createAudienceBridge(ipc: Pick<IpcRenderer, 'on' | 'removeListener'>): AudienceBridge {
  const refuse = (): Promise<never> => Promise.reject(bridgeError({ code: 'forbiddenSender', detail: 'The audience window calls nothing' }));
  const full = createBridge({ ...ipc, invoke: refuse } as BridgeIpc);
  return {
    on(event, listener) {
      if (event !== 'audienceView') throw new TypeError(`The audience window does not receive ${String(event)}`);
      return full.on('audienceView', listener);
    },
  };
}
