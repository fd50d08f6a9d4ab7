import { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { apiVerbs, invokeChannel, type ApiResult, type ApiVerb, type StartupState } from '../../../core/api';
import { appPageUrl } from '../../../electron/app-url';
import { createHandlers, dispatchCall, type ApiHandlers } from '../../../electron/ipc/handlers';
import { registerIpcHandlers } from '../../../electron/ipc/register';
import { createSenderCheck } from '../../../electron/ipc/trusted-sender';
import { createMainWindow, isAppWindow } from '../../../electron/windows';
import { fakeWindow, ipcMain, type FakeInvokeEvent, type FakeWebContents } from '../fakes/electron';
import { startupPreferences } from '../../harness/startup-preferences';
import { createTestServices, exampleCalls, sampleSession, type MapStore, type TestServices } from './main-services';

let testServices: TestServices | undefined;
afterEach(async () => {
  await testServices?.cleanup();
  testServices = undefined;
});

async function setup(): Promise<{ store: MapStore; handlers: ApiHandlers; contents: FakeWebContents; unregister: () => void }> {
  testServices = await createTestServices({ systemLocale: 'de-DE' });
  const handlers = createHandlers(testServices.services);
  const unregister = registerIpcHandlers(handlers, createSenderCheck({ isAppWindow, appPageUrl: appPageUrl() }));
  const contents = fakeWindow(createMainWindow()).webContents;
  return { store: testServices.store, handlers, contents, unregister };
}

function fromMainFrame(contents: FakeWebContents): FakeInvokeEvent {
  return { sender: contents, senderFrame: contents.mainFrame };
}

async function call(verb: ApiVerb, event: FakeInvokeEvent, ...args: unknown[]): Promise<ApiResult> {
  return (await ipcMain.invoke(invokeChannel(verb), event, ...args)) as ApiResult;
}

const startupState: StartupState = {
  systemLocale: 'de-DE',
  preferences: startupPreferences(),
  session: null,
  problem: null,
  preferencesProblem: null,
};

/** Handlers that record calls, to prove a refused call never reaches one. */
function spyHandlers(): { readonly [V in ApiVerb]: Mock<ApiHandlers[V]> } {
  const summary = {
    path: '/s/a.nahtstelle',
    fileName: 'a.nahtstelle',
    title: '',
    client: '',
    date: '',
    place: '',
    cardCount: 0,
    modifiedAt: '',
    problem: null,
  };
  const opened = { path: '/s/a.nahtstelle', session: sampleSession(), savedAt: '', fromBackup: false };
  return {
    getStartupState: vi.fn(async () => startupState),
    setLanguage: vi.fn(async () => undefined),
    setTheme: vi.fn(async () => undefined),
    setTimerSound: vi.fn(async () => undefined),
    setWorkshopPanelExpanded: vi.fn(async () => undefined),
    setWindowZoom: vi.fn(async () => undefined),
    chooseSessionsFolder: vi.fn(async () => null),
    listSessions: vi.fn(async () => []),
    createSession: vi.fn(async () => opened),
    openSession: vi.fn(async () => opened),
    openBackup: vi.fn(async () => opened),
    openSessionFromDisk: vi.fn(async () => null),
    closeSession: vi.fn(async () => undefined),
    saveSession: vi.fn(async () => ({ savedAt: '', revision: 'r1' })),
    saveSessionChanges: vi.fn(async () => null),
    saveSessionAs: vi.fn(async () => null),
    duplicateSession: vi.fn(async () => summary),
    renameSession: vi.fn(async () => summary),
    deleteSession: vi.fn(async () => undefined),
    revealSession: vi.fn(async () => undefined),
    listTemplates: vi.fn(async () => []),
    saveTemplate: vi.fn(async () => ({
      id: 't1',
      name: 'Kurzformat',
      blocks: [{ kind: 'lead' as const, title: null, prompt: null, minutes: 30, skipped: false }],
    })),
    deleteTemplate: vi.fn(async () => undefined),
    exportSession: vi.fn(async () => '/exports/Kick-off.md'),
    revealExport: vi.fn(async () => undefined),
    setFullScreen: vi.fn(async () => undefined),
    openAudienceWindow: vi.fn(async () => 'secondDisplay' as const),
    closeAudienceWindow: vi.fn(async () => undefined),
    showAudienceView: vi.fn(async () => undefined),
    listRoomAddresses: vi.fn(async () => ({ addresses: [], preselected: null })),
    startRoom: vi.fn(async () => ({ on: false }) as const),
    stopRoom: vi.fn(async () => undefined),
    setRoomJoining: vi.fn(async () => ({ on: false }) as const),
    newRoomCode: vi.fn(async () => ({ on: false }) as const),
    endRoom: vi.fn(async () => ({ on: false }) as const),
    removeRoomParticipant: vi.fn(async () => ({ on: false }) as const),
    answerRoomCommands: vi.fn(async () => undefined),
    showPhoneViews: vi.fn(async () => undefined),
  };
}

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per verb, on the contract’s channels', async () => {
    await setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(apiVerbs.map(invokeChannel).sort());
  });

  it('unregisters everything it registered, so it can register again', async () => {
    const { unregister, handlers } = await setup();
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    expect(() => registerIpcHandlers(handlers, () => true)).not.toThrow();
  });

  it('answers the app window’s main frame', async () => {
    const { contents } = await setup();
    const result = await call('getStartupState', fromMainFrame(contents));
    expect(result).toMatchObject({ ok: true, value: { systemLocale: 'de-DE', preferences: { language: null }, session: null, problem: null } });
  });

  it('persists a language choice and clears it again', async () => {
    const { contents, store } = await setup();
    expect(await call('setLanguage', fromMainFrame(contents), 'en')).toEqual({ ok: true, value: undefined });
    expect(store.values.get('language')).toBe('en');
    expect(await call('getStartupState', fromMainFrame(contents))).toMatchObject({ value: { preferences: { language: 'en' } } });
    expect(await call('setLanguage', fromMainFrame(contents), null)).toEqual({ ok: true, value: undefined });
    expect(store.values.has('language')).toBe(false);
  });

  it.each([
    ['an unsupported language', ['fr'], /setLanguage: 0: /],
    ['a number', [42], /setLanguage: 0: /],
    ['too many arguments', ['de', 'en'], /setLanguage: /],
    ['no argument', [], /setLanguage: /],
  ])('refuses %s with invalidArguments and changes nothing', async (_case, args, detail) => {
    const { contents, store } = await setup();
    store.values.set('language', 'de');
    const result = await call('setLanguage', fromMainFrame(contents), ...args);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalidArguments');
    expect(result.error.detail).toMatch(detail);
    expect(store.values.get('language')).toBe('de');
  });

  it('refuses arguments to a verb that takes none', async () => {
    const { contents } = await setup();
    const result = await call('getStartupState', fromMainFrame(contents), { evil: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidArguments', detail: expect.stringContaining('getStartupState') } });
  });
});

describe('sender check', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  function setupWithSpies(): { handlers: ReturnType<typeof spyHandlers>; contents: FakeWebContents } {
    const handlers = spyHandlers();
    registerIpcHandlers(handlers, createSenderCheck({ isAppWindow, appPageUrl: appPageUrl() }));
    return { handlers, contents: fakeWindow(createMainWindow()).webContents };
  }

  /** Every verb, with valid arguments, is refused before it reaches its handler. */
  async function expectRefused(handlers: ReturnType<typeof spyHandlers>, event: FakeInvokeEvent): Promise<void> {
    for (const verb of apiVerbs) {
      const result = await call(verb, event, ...exampleCalls[verb]);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbiddenSender', detail: expect.stringContaining(verb) } });
    }
    for (const verb of apiVerbs) expect(handlers[verb], verb).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(apiVerbs.length);
  }

  it('lets the main frame of an app window through', async () => {
    const { handlers, contents } = setupWithSpies();
    expect(await call('setLanguage', fromMainFrame(contents), 'de')).toEqual({ ok: true, value: undefined });
    expect(handlers.setLanguage).toHaveBeenCalledExactlyOnceWith('de');
  });

  it.each(apiVerbs)('runs %s’s own handler, with its arguments, for its own channel', async (verb) => {
    const { handlers, contents } = setupWithSpies();
    expect(await call(verb, fromMainFrame(contents), ...exampleCalls[verb])).toMatchObject({ ok: true });
    expect(handlers[verb]).toHaveBeenCalledExactlyOnceWith(...exampleCalls[verb]);
    for (const other of apiVerbs.filter((candidate) => candidate !== verb)) expect(handlers[other], other).not.toHaveBeenCalled();
  });

  it('compares frames by id, since Electron may hand out a new object for the same frame', async () => {
    const { handlers, contents } = setupWithSpies();
    const sameFrame = contents.mainFrame.anotherHandle();
    expect(sameFrame).not.toBe(contents.mainFrame);
    expect(await call('setLanguage', { sender: contents, senderFrame: sameFrame }, 'de')).toMatchObject({ ok: true });
    expect(handlers.setLanguage).toHaveBeenCalledOnce();
  });

  it('refuses a webContents that is not an app window', async () => {
    const { handlers, contents } = setupWithSpies();
    const stranger = fakeWindow(new BrowserWindow({})).webContents;
    stranger.mainFrame.url = contents.getURL();
    await expectRefused(handlers, fromMainFrame(stranger));
  });

  it('refuses a subframe of an app window, even on the app’s own page', async () => {
    const { handlers, contents } = setupWithSpies();
    await expectRefused(handlers, { sender: contents, senderFrame: contents.mainFrame.child(contents.getURL()) });
  });

  it('refuses a frame that is gone', async () => {
    const { handlers, contents } = setupWithSpies();
    await expectRefused(handlers, { sender: contents, senderFrame: null });
  });

  it('refuses an app window whose page is not the app’s page', async () => {
    const { handlers, contents } = setupWithSpies();
    contents.mainFrame.url = 'https://evil.example/';
    await expectRefused(handlers, fromMainFrame(contents));
  });

  it.each([
    'file:///opt/Nahtstelle/resources/app.asar/out/renderer/index.html',
    'app://print/00000000-0000-4000-8000-000000000000',
    'app://evil/index.html',
  ])('refuses an app window on %s: only app://nahtstelle/index.html may call', async (url) => {
    const { handlers, contents } = setupWithSpies();
    contents.mainFrame.url = url;
    await expectRefused(handlers, fromMainFrame(contents));
  });

  it('refuses a window once it is closed', async () => {
    const handlers = spyHandlers();
    registerIpcHandlers(handlers, createSenderCheck({ isAppWindow, appPageUrl: appPageUrl() }));
    const window = fakeWindow(createMainWindow());
    window.close();
    await expectRefused(handlers, fromMainFrame(window.webContents));
  });
});

describe('dispatchCall', () => {
  it('refuses an unknown verb by name', async () => {
    const handlers = spyHandlers();
    const result = await dispatchCall(handlers, 'deleteEverything', []);
    expect(result).toEqual({ ok: false, error: { code: 'unknownVerb', detail: expect.stringContaining('deleteEverything') } });
  });

  it('turns a failing handler into an internal error instead of throwing', async () => {
    const handlers = spyHandlers();
    handlers.getStartupState.mockRejectedValueOnce(new Error('disk on fire'));
    expect(await dispatchCall(handlers, 'getStartupState', [])).toEqual({ ok: false, error: { code: 'internal', detail: 'disk on fire' } });
  });
});
