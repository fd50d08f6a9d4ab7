/**
 * Runs in the page served by the web test host: the same bridge the Electron preload builds,
 * with HTTP in place of IPC. Invokes become POSTs, events arrive as server-sent events.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { createBridge } from '../../electron/preload/bridge';

type Listener = (event: IpcRendererEvent, ...args: unknown[]) => void;

const listeners = new Map<string, Set<Listener>>();
// The audience page (a second page at #audience) says so: when it goes, the host reports the
// audience window closed, as main does when that window closes.
const events = new EventSource(window.location.hash === '#audience' ? '/api/events?window=audience' : '/api/events');
events.onmessage = (message: MessageEvent<string>) => {
  const { channel, payload } = JSON.parse(message.data) as { channel: string; payload: unknown };
  // The bridge ignores the IPC event object; an empty stand-in is enough.
  for (const listener of listeners.get(channel) ?? []) listener({} as IpcRendererEvent, payload);
};

const transport = {
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const response = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel, args }),
    });
    return response.json();
  },
  on(channel: string, listener: Listener) {
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
    return transport;
  },
  removeListener(channel: string, listener: Listener) {
    listeners.get(channel)?.delete(listener);
    return transport;
  },
} as Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

Object.defineProperty(window, 'nahtstelle', { value: Object.freeze(createBridge(transport)) });
