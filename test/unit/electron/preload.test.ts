// Typed as Electron's, but it is the fake from ../fakes/electron (the same object as `ipcRenderer` below).
import { ipcRenderer as electronIpcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  apiErrorOf,
  apiVerbs,
  eventChannel,
  invokeChannel,
  type ApiVerb,
  type NahtstelleApi,
  type NahtstelleBridge,
} from '../../../core/api';
import { createSession } from '../../../core/model';
import { appPageUrl } from '../../../electron/app-url';
import { createHandlers } from '../../../electron/ipc/handlers';
import { registerIpcHandlers } from '../../../electron/ipc/register';
import { createSenderCheck } from '../../../electron/ipc/trusted-sender';
import { createBridge } from '../../../electron/preload/bridge';
import { Preferences } from '../../../electron/services/preferences';
import { createMainWindow, isAppWindow } from '../../../electron/windows';
import { contextBridge, fakeWindow, ipcMain, ipcRenderer } from '../fakes/electron';

/** One example call per verb; typed so that a new verb in the contract needs a row here. */
const exampleCalls: { readonly [V in ApiVerb]: Parameters<NahtstelleApi[V]> } = {
  getStartupState: [],
  setLanguage: ['de'],
};

function callVerb(bridge: NahtstelleBridge, verb: ApiVerb): Promise<unknown> {
  return Reflect.apply(bridge[verb], bridge, exampleCalls[verb]);
}

/** Connects the fake ipcRenderer to the real main-side registration, as the app window's page. */
function connectToMain(): void {
  const store = new Map<string, unknown>();
  const handlers = createHandlers({
    preferences: new Preferences({ get: (key) => store.get(key), set: (key, value) => store.set(key, value), delete: (key) => store.delete(key) }),
    systemLocale: () => 'en-GB',
    startupSession: () => createSession('from-main'),
  });
  registerIpcHandlers(handlers, createSenderCheck({ isAppWindow, appPageUrl: appPageUrl() }));
  const contents = fakeWindow(createMainWindow()).webContents;
  ipcRenderer.invoke.mockImplementation((channel, ...args) =>
    ipcMain.invoke(channel, { sender: contents, senderFrame: contents.mainFrame }, ...args),
  );
}

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof Error)) throw new Error(`expected a rejection with an Error, got ${String(error)}`);
  return error;
}

describe('the preload', () => {
  it('exposes the bridge as window.nahtstelle', async () => {
    await import('../../../electron/preload/index');
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const exposed = contextBridge.exposed.get('nahtstelle');
    expect(exposed).toBeTypeOf('object');
    expect(Object.keys(exposed ?? {}).sort()).toEqual([...apiVerbs, 'on'].sort());
  });
});

describe('createBridge', () => {
  it('has exactly one method per verb plus `on`, and nothing of ipcRenderer', () => {
    expect(electronIpcRenderer).toBe(ipcRenderer);
    const bridge = createBridge(electronIpcRenderer);
    expect(Object.keys(bridge).sort()).toEqual([...apiVerbs, 'on'].sort());
    for (const value of Object.values(bridge)) {
      expect(value).toBeTypeOf('function');
      expect(value).not.toBe(ipcRenderer);
      expect(Object.values(ipcRenderer)).not.toContain(value);
    }
  });

  it.each(apiVerbs)('%s invokes its own channel with its arguments and resolves to the value', async (verb) => {
    const bridge = createBridge(electronIpcRenderer);
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { answer: verb } });
    await expect(callVerb(bridge, verb)).resolves.toEqual({ answer: verb });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(invokeChannel(verb), ...exampleCalls[verb]);
  });

  it('turns an error envelope into a rejection that carries the ApiError in its message', async () => {
    const bridge = createBridge(electronIpcRenderer);
    const apiError = { code: 'forbiddenSender', detail: 'setLanguage: not an app window' } as const;
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: apiError });
    const error = await rejectionOf(bridge.setLanguage('de'));
    // Only the message survives contextBridge, so that is all the renderer may rely on.
    expect(JSON.parse(error.message)).toEqual(apiError);
    expect(apiErrorOf(new Error(error.message))).toEqual(apiError);
  });

  it('reports a broken IPC (no handler in main) as an internal ApiError', async () => {
    const bridge = createBridge(electronIpcRenderer);
    ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'nahtstelle:invoke:getStartupState'"));
    const error = await rejectionOf(bridge.getStartupState());
    expect(apiErrorOf(error)).toEqual({ code: 'internal', detail: expect.stringContaining('No handler registered') });
  });

  it('reports a reply that is not an envelope as an internal ApiError', async () => {
    const bridge = createBridge(electronIpcRenderer);
    ipcRenderer.invoke.mockResolvedValueOnce('surprise');
    expect(apiErrorOf(await rejectionOf(bridge.getStartupState()))).toMatchObject({ code: 'internal' });
  });

  it('round-trips through the real main-side registration', async () => {
    connectToMain();
    const bridge = createBridge(electronIpcRenderer);
    await expect(bridge.getStartupState()).resolves.toMatchObject({ systemLocale: 'en-GB', language: null, session: { id: 'from-main' } });
    await expect(bridge.setLanguage('de')).resolves.toBeUndefined();
    await expect(bridge.getStartupState()).resolves.toMatchObject({ language: 'de' });
    // The renderer is untrusted: a call that gets past TypeScript still meets main's validation.
    const error = await rejectionOf(Reflect.apply(bridge.setLanguage, bridge, ['fr']));
    expect(apiErrorOf(error)).toEqual({ code: 'invalidArguments', detail: expect.stringContaining('setLanguage') });
  });
});

describe('bridge.on', () => {
  it('delivers the payload only, and stops after unsubscribing', () => {
    const bridge = createBridge(electronIpcRenderer);
    const listener = vi.fn();
    const unsubscribe = bridge.on('command', listener);
    ipcRenderer.receive(eventChannel('command'), 'undo');
    expect(listener).toHaveBeenCalledExactlyOnceWith('undo');

    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledOnce();
    expect(ipcRenderer.listenerCount(eventChannel('command'))).toBe(0);
    ipcRenderer.receive(eventChannel('command'), 'redo');
    expect(listener).toHaveBeenCalledOnce();
  });

  it('unsubscribes only its own listener, once', () => {
    const bridge = createBridge(electronIpcRenderer);
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = bridge.on('command', first);
    bridge.on('command', second);
    unsubscribeFirst();
    unsubscribeFirst();
    ipcRenderer.receive(eventChannel('command'), 'redo');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledExactlyOnceWith('redo');
    expect(ipcRenderer.removeListener).toHaveBeenCalledOnce();
  });

  it('refuses events that are not in the contract', () => {
    const bridge = createBridge(electronIpcRenderer);
    expect(() => Reflect.apply(bridge.on, bridge, ['nahtstelle:invoke:setLanguage', () => undefined])).toThrow(/Unknown event/);
    expect(() => Reflect.apply(bridge.on, bridge, ['command', 'not a function'])).toThrow(TypeError);
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });
});
