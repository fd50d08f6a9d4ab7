/**
 * Runs in the page served by the web test host: the same bridge the Electron preload builds,
 * with HTTP in place of IPC. Invokes become POSTs, events arrive as server-sent events.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { createBridge } from '../../electron/preload/bridge';

type Listener = (event: IpcRendererEvent, ...args: unknown[]) => void;

const listeners = new Map<string, Set<Listener>>();
const events = new EventSource('/api/events');
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
