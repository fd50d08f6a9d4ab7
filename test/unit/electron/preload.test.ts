// Typed as Electron's, but it is the fake from ../fakes/electron (the same object as `ipcRenderer` below).
import { ipcRenderer as electronIpcRenderer } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiErrorOf, apiEvents, apiVerbs, eventChannel, invokeChannel, type ApiVerb, type NahtstelleBridge } from '../../../core/api';
import { appPageUrl } from '../../../electron/app-url';
import { createHandlers } from '../../../electron/ipc/handlers';
import { registerIpcHandlers } from '../../../electron/ipc/register';
import { createSenderCheck } from '../../../electron/ipc/trusted-sender';
import { createBridge, keptEvents } from '../../../electron/preload/bridge';
import { createMainWindow, isAppWindow } from '../../../electron/windows';
import { contextBridge, fakeWindow, ipcMain, ipcRenderer, webUtils } from '../fakes/electron';
import { createTestServices, exampleCalls, sampleSession, type TestServices } from './main-services';

const bridgeKeys = [...apiVerbs, 'on', 'pathForFile'].sort();

function callVerb(bridge: NahtstelleBridge, verb: ApiVerb): Promise<unknown> {
  return Reflect.apply(bridge[verb], bridge, exampleCalls[verb]);
}

let testServices: TestServices | undefined;
afterEach(async () => {
  await testServices?.cleanup();
  testServices = undefined;
});

/** Connects the fake ipcRenderer to the real main-side registration, as the app window's page. */
async function connectToMain(): Promise<TestServices> {
  testServices = await createTestServices({ systemLocale: 'en-GB' });
  registerIpcHandlers(createHandlers(testServices.services), createSenderCheck({ isAppWindow, appPageUrl: appPageUrl() }));
  const contents = fakeWindow(createMainWindow()).webContents;
  ipcRenderer.invoke.mockImplementation((channel, ...args) =>
    ipcMain.invoke(channel, { sender: contents, senderFrame: contents.mainFrame }, ...args),
  );
  return testServices;
}

let preloadBridge: NahtstelleBridge | undefined;

/** The bridge the preload exposed. The preload runs once per test file, as once per page. */
async function exposedBridge(): Promise<NahtstelleBridge> {
  if (preloadBridge) return preloadBridge;
  await import('../../../electron/preload/index');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  preloadBridge = contextBridge.exposed.get('nahtstelle') as NahtstelleBridge | undefined;
  if (!preloadBridge) throw new Error('the preload exposed nothing');
  return preloadBridge;
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
  it('exposes the bridge as window.nahtstelle: every verb, `on` and `pathForFile`, nothing else', async () => {
    const exposed = await exposedBridge();
    expect(exposed).toBeTypeOf('object');
    expect(Object.keys(exposed).sort()).toEqual(bridgeKeys);
    for (const value of Object.values(exposed)) expect(Object.values(ipcRenderer)).not.toContain(value);
    expect(Object.values(exposed)).not.toContain(webUtils.getPathForFile);
  });

  it("gives the path of a dropped File, and '' for anything else or when Electron cannot tell", async () => {
    const { pathForFile } = await exposedBridge();
    expect(pathForFile(new File(['{}'], 'kick-off.nahtstelle'))).toBe('/dropped/kick-off.nahtstelle');
    expect(webUtils.getPathForFile).toHaveBeenCalledOnce();

    for (const notAFile of ['/etc/passwd', { name: 'x.nahtstelle', path: '/etc/passwd' }, null, undefined, 42, new Blob(['{}'])]) {
      expect(pathForFile(notAFile)).toBe('');
    }
    expect(webUtils.getPathForFile).toHaveBeenCalledOnce();

    // A File the page made itself has no path; Electron throws or answers ''.
    webUtils.getPathForFile.mockImplementationOnce(() => {
      throw new Error('Failed to get path');
    });
    expect(pathForFile(new File([], 'made-up.nahtstelle'))).toBe('');
    webUtils.getPathForFile.mockReturnValueOnce('');
    expect(pathForFile(new File([], 'made-up.nahtstelle'))).toBe('');
  });
});

describe('createBridge', () => {
  it('has exactly one method per verb plus `on` and `pathForFile`, and nothing of ipcRenderer', () => {
    expect(electronIpcRenderer).toBe(ipcRenderer);
    const bridge = createBridge(electronIpcRenderer);
    expect(Object.keys(bridge).sort()).toEqual(bridgeKeys);
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
    const { sessionsFolder } = await connectToMain();
    const bridge = createBridge(electronIpcRenderer);
    await expect(bridge.getStartupState()).resolves.toMatchObject({
      systemLocale: 'en-GB',
      preferences: { language: null, sessionsFolder },
      session: null,
      problem: null,
    });
    await expect(bridge.setLanguage('de')).resolves.toBeUndefined();
    await expect(bridge.getStartupState()).resolves.toMatchObject({ preferences: { language: 'de' } });
    // The renderer is untrusted: a call that gets past TypeScript still meets main's validation.
    const error = await rejectionOf(Reflect.apply(bridge.setLanguage, bridge, ['fr']));
    expect(apiErrorOf(error)).toEqual({ code: 'invalidArguments', detail: expect.stringContaining('setLanguage') });
  });

  it('creates, saves and reopens a session through main, and carries main’s refusals', async () => {
    await connectToMain();
    const bridge = createBridge(electronIpcRenderer);
    const opened = await bridge.createSession({ title: 'Kick-off' }, 'blank');
    const board = sampleSession(opened.session.id, 'Kick-off');
    await expect(bridge.saveSession(opened.path, board)).resolves.toEqual({ savedAt: expect.any(String), revision: expect.any(String) });
    await expect(bridge.openSession(opened.path)).resolves.toMatchObject({ path: opened.path, session: board });
    await expect(bridge.listSessions()).resolves.toEqual([expect.objectContaining({ path: opened.path, cardCount: 2 })]);
    const refused = await rejectionOf(bridge.saveSession('/etc/passwd.nahtstelle', board));
    expect(apiErrorOf(refused)).toMatchObject({ code: 'notAllowed' });
  });

  it('has no file paths unless the preload gives a way to learn them', () => {
    expect(createBridge(electronIpcRenderer).pathForFile(new File([], 'a.nahtstelle'))).toBe('');
    const pathForFile = vi.fn(() => '/somewhere/a.nahtstelle');
    const bridge = createBridge(electronIpcRenderer, pathForFile);
    const file = new File([], 'a.nahtstelle');
    expect(bridge.pathForFile(file)).toBe('/somewhere/a.nahtstelle');
    expect(pathForFile).toHaveBeenCalledExactlyOnceWith(file);
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
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
    const subscriptions = ipcRenderer.on.mock.calls.length;
    expect(() => Reflect.apply(bridge.on, bridge, ['nahtstelle:invoke:setLanguage', () => undefined])).toThrow(/Unknown event/);
    expect(() => Reflect.apply(bridge.on, bridge, ['command', 'not a function'])).toThrow(TypeError);
    expect(() => Reflect.apply(bridge.on, bridge, ['sessionOpened', 'not a function'])).toThrow(TypeError);
    expect(ipcRenderer.on).toHaveBeenCalledTimes(subscriptions);
  });

  it('listens only on the contract’s event channels', () => {
    createBridge(electronIpcRenderer);
    const channels = ipcRenderer.on.mock.calls.map(([channel]) => channel);
    expect(channels.sort()).toEqual(keptEvents.map(eventChannel).sort());
    for (const channel of channels) expect(apiEvents.map(eventChannel)).toContain(channel);
  });
});

describe('sessions from outside, before the page listens', () => {
  const opened = { path: '/s/kick-off.nahtstelle', session: sampleSession(), savedAt: '2025-03-14T09:00:00.000Z', fromBackup: false };
  const failed = { code: 'fileProblem', detail: 'Unexpected end', reason: 'notJson', file: 'kaputt.nahtstelle' } as const;

  it('keeps sessionOpened and openFailed until the first listener subscribes, then hands them over in order', () => {
    const bridge = createBridge(electronIpcRenderer);
    ipcRenderer.receive(eventChannel('sessionOpened'), opened);
    ipcRenderer.receive(eventChannel('openFailed'), failed);
    ipcRenderer.receive(eventChannel('sessionOpened'), { ...opened, path: '/s/second.nahtstelle' });

    const onOpened = vi.fn();
    const onFailed = vi.fn();
    bridge.on('sessionOpened', onOpened);
    bridge.on('openFailed', onFailed);
    expect(onOpened.mock.calls).toEqual([[opened], [{ ...opened, path: '/s/second.nahtstelle' }]]);
    expect(onFailed).toHaveBeenCalledExactlyOnceWith(failed);

    // Handed over once: a later listener gets only what comes after it subscribed.
    const later = vi.fn();
    bridge.on('sessionOpened', later);
    expect(later).not.toHaveBeenCalled();
    ipcRenderer.receive(eventChannel('sessionOpened'), opened);
    expect(later).toHaveBeenCalledExactlyOnceWith(opened);
    expect(onOpened).toHaveBeenCalledTimes(3);
  });

  it('stops delivering after unsubscribing, and keeps events again while nobody listens', () => {
    const bridge = createBridge(electronIpcRenderer);
    const first = vi.fn();
    const unsubscribe = bridge.on('sessionOpened', first);
    unsubscribe();
    unsubscribe();
    ipcRenderer.receive(eventChannel('sessionOpened'), opened);
    expect(first).not.toHaveBeenCalled();
    const second = vi.fn();
    bridge.on('sessionOpened', second);
    expect(second).toHaveBeenCalledExactlyOnceWith(opened);
  });

  it('does not keep menu commands: an Undo is for the board that is there when it comes', () => {
    const bridge = createBridge(electronIpcRenderer);
    ipcRenderer.receive(eventChannel('command'), 'undo');
    const listener = vi.fn();
    bridge.on('command', listener);
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps at most the latest 20', () => {
    const bridge = createBridge(electronIpcRenderer);
    for (let i = 1; i <= 25; i++) ipcRenderer.receive(eventChannel('sessionOpened'), { ...opened, path: `/s/${i}.nahtstelle` });
    const listener = vi.fn();
    bridge.on('sessionOpened', listener);
    expect(listener).toHaveBeenCalledTimes(20);
    expect(listener.mock.calls[0]).toEqual([{ ...opened, path: '/s/6.nahtstelle' }]);
  });
});

describe('the audience view, before the audience page listens', () => {
  const view = (title: string) => ({ session: sampleSession(undefined, title), spotlightCardId: null, zoom: 1, language: 'de', theme: 'light' });

  it('keeps only the newest view until the page subscribes: main sends it on load, maybe before the first render', () => {
    const bridge = createBridge(electronIpcRenderer);
    ipcRenderer.receive(eventChannel('audienceView'), view('Erster Stand'));
    ipcRenderer.receive(eventChannel('audienceView'), view('Neuester Stand'));
    const listener = vi.fn();
    bridge.on('audienceView', listener);
    expect(listener).toHaveBeenCalledExactlyOnceWith(view('Neuester Stand'));
    ipcRenderer.receive(eventChannel('audienceView'), view('Danach'));
    expect(listener).toHaveBeenLastCalledWith(view('Danach'));
  });
});
