/**
 * `window.nahtstelle`: one named method per verb of the contract, each a single `invoke`, plus
 * event subscription. ipcRenderer itself never reaches the page.
 *
 * How failures reach the page: contextBridge copies an Error as a plain `Error` with only its
 * `message` (class, name and other properties are lost). So a failed call rejects with an Error
 * whose message is `apiErrorMessage(error)` (JSON `{"code":"…","detail":"…"}`), which the renderer
 * turns back into the ApiError with `apiErrorOf`.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import {
  apiErrorMessage,
  apiEvents,
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

export function bridgeError(error: ApiError): Error {
  return new Error(apiErrorMessage(error));
}

export function createBridge(ipc: BridgeIpc): NahtstelleBridge {
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

  function on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
    if (!(apiEvents as readonly unknown[]).includes(event)) throw new TypeError(`Unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function');
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

  return {
    getStartupState: () => callVerb('getStartupState', []),
    setLanguage: (language) => callVerb('setLanguage', [language]),
    on,
  } satisfies NahtstelleBridge;
}

type Envelope = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: ApiError };

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return true;
  return value.ok === false && 'error' in value && typeof value.error === 'object' && value.error !== null;
}
