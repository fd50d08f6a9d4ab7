import { BrowserWindow } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventChannel, invokeChannel, type ApiResult } from '../../../core/api';
import { audienceView, type AudienceView } from '../../../core/audience';
import type { Session } from '../../../core/model';
import { addCard, setVoting, vote } from '../../../core/operations';
import { appPageUrl } from '../../../electron/app-url';
import { createAudienceScreen } from '../../../electron/audience-window';
import { createHandlers, dispatchCall } from '../../../electron/ipc/handlers';
import { registerIpcHandlers } from '../../../electron/ipc/register';
import { createSenderCheck } from '../../../electron/ipc/trusted-sender';
import { createAudienceWindow, createMainWindow, findMainWindow, isAppWindow, pageWindowPreferences } from '../../../electron/windows';
import { FakeBrowserWindow, fakeDisplay, fakePlatform, fakeWindow, ipcMain, screen, type FakeWebContents } from '../fakes/electron';
import { createTestServices, sampleSession, type TestServices } from './main-services';

const laptop = fakeDisplay(1, 0, 0, 1920, 1080);
const projector = fakeDisplay(2, 1920, 0, 1280, 800);

const view = (session: Session = sampleSession()): AudienceView =>
  audienceView(session, { spotlightCardId: null, zoom: 1, boardView: 'lanes', scrolledTo: {}, language: 'de', theme: 'light' });

/** The control window, on the laptop's display unless placed elsewhere. */
function controlWindow(bounds = { x: 100, y: 80, width: 1440, height: 900, maximized: false }): FakeBrowserWindow {
  return fakeWindow(createMainWindow({ bounds }));
}

/** The window that is not the control window, as Electron types it. */
function audienceBrowserWindow(): BrowserWindow {
  const found = BrowserWindow.getAllWindows().find((window) => window !== findMainWindow());
  if (!found) throw new Error('no audience window');
  return found;
}

function audienceWindow(): FakeBrowserWindow {
  return fakeWindow(audienceBrowserWindow());
}

function webPreferencesOf(window: FakeBrowserWindow): Record<string, unknown> {
  const preferences = window.options.webPreferences;
  if (typeof preferences !== 'object' || preferences === null) throw new Error('window has no webPreferences');
  return { ...preferences };
}

function eventsTo(contents: FakeWebContents, event: 'audienceView' | 'audienceWindow'): unknown[] {
  return contents.send.mock.calls.filter(([channel]) => channel === eventChannel(event)).map(([, payload]) => payload);
}

describe('the audience window: where it opens', () => {
  it('opens full screen on the second display when one is attached, without taking the keyboard from the control window', () => {
    screen.displays = [laptop, projector];
    controlWindow();
    expect(createAudienceScreen().open()).toBe('secondDisplay');
    const audience = audienceWindow();
    // Not created full screen: Electron would show such a window at once, focused on macOS.
    expect(audience.options).toMatchObject({ ...projector.bounds, fullscreen: false, show: false });
    expect(audience.isVisible()).toBe(false);
    expect(audience.getBounds()).toEqual(projector.bounds);
    audience.emit('ready-to-show');
    expect(audience.showInactive).toHaveBeenCalledOnce();
    expect(audience.show).not.toHaveBeenCalled();
    expect(audience.focus).not.toHaveBeenCalled();
    expect(audience.isFullScreen()).toBe(true);
    expect(audience.getBounds()).toEqual(projector.bounds);
  });

  it.each(['darwin', 'win32', 'linux'] as const)(
    'keeps the keyboard on the control window when the audience window goes full screen (%s)',
    (platform) => {
      fakePlatform(platform);
      screen.displays = [laptop, projector];
      const control = controlWindow();
      control.emit('ready-to-show');
      expect(control.isFocused()).toBe(true);
      createAudienceScreen().open();
      const audience = audienceWindow();
      audience.emit('ready-to-show');
      expect(audience.isVisible()).toBe(true);
      expect(audience.isFullScreen()).toBe(true);
      expect(control.isFocused()).toBe(true);
    },
  );

  it('keeps the keyboard on the control window when a projector plugged in later takes the window over (macOS)', () => {
    fakePlatform('darwin');
    const control = controlWindow();
    control.emit('ready-to-show');
    createAudienceScreen().open();
    const audience = audienceWindow();
    audience.emit('ready-to-show');
    control.focus();
    screen.plugIn(projector);
    expect(audience.isFullScreen()).toBe(true);
    expect(control.isFocused()).toBe(true);
  });

  it('takes the display the control window is not on, whichever that is', () => {
    screen.displays = [laptop, projector];
    controlWindow({ x: 2000, y: 40, width: 1100, height: 700, maximized: false });
    expect(createAudienceScreen().open()).toBe('secondDisplay');
    expect(audienceWindow().options).toMatchObject({ ...laptop.bounds, fullscreen: false });
  });

  it('opens a normal window on the same display when there is only one, to be dragged to the projector', () => {
    controlWindow();
    expect(createAudienceScreen().open()).toBe('sameDisplay');
    const audience = audienceWindow();
    expect(audience.options).toMatchObject({ fullscreen: false, width: 1280, height: 720 });
    expect(screen.getDisplayMatching(audience.getBounds()).id).toBe(laptop.id);
    const { x, y, width, height } = audience.getBounds();
    expect(x).toBeGreaterThanOrEqual(laptop.workArea.x);
    expect(y + height).toBeLessThanOrEqual(laptop.workArea.y + laptop.workArea.height);
    expect(x + width).toBeLessThanOrEqual(laptop.workArea.x + laptop.workArea.width);
    audience.emit('ready-to-show');
    expect(audience.show).toHaveBeenCalledOnce();
  });

  it('brings the open window forward instead of opening a second one, and says where it is', () => {
    screen.displays = [laptop, projector];
    controlWindow();
    const audienceScreen = createAudienceScreen();
    audienceScreen.open();
    expect(audienceScreen.open()).toBe('secondDisplay');
    expect(FakeBrowserWindow.all).toHaveLength(2);
    expect(audienceWindow().moveTop).toHaveBeenCalledOnce();
    expect(audienceWindow().focus).not.toHaveBeenCalled();
  });

  it('goes full screen onto a projector plugged in while it sits on the control window’s display, and comes back windowed when it is unplugged', () => {
    controlWindow();
    const audienceScreen = createAudienceScreen();
    audienceScreen.open();
    const audience = audienceWindow();

    screen.plugIn(projector);
    expect(audience.isFullScreen()).toBe(true);
    expect(audience.getBounds()).toEqual(projector.bounds);
    expect(audienceScreen.open()).toBe('secondDisplay');

    screen.unplug(projector.id);
    expect(audience.isFullScreen()).toBe(false);
    expect(screen.getDisplayMatching(audience.getBounds()).id).toBe(laptop.id);
    expect(audienceScreen.open()).toBe('sameDisplay');
  });

  it('stays where it is when a display it is not on comes or goes', () => {
    screen.displays = [laptop, projector];
    controlWindow();
    createAudienceScreen().open();
    const audience = audienceWindow();
    const third = fakeDisplay(3, 3200, 0, 1920, 1080);
    screen.plugIn(third);
    screen.unplug(third.id);
    expect(audience.setBounds).not.toHaveBeenCalled();
    expect(audience.getBounds()).toEqual(projector.bounds);
  });
});

describe('the audience window: what it is', () => {
  it('has exactly the control window’s security baseline, shared from one constant, with a receive-only preload', () => {
    screen.displays = [laptop, projector];
    const control = controlWindow();
    createAudienceScreen().open();
    const audience = audienceWindow();
    // Exactly the control window's, plus the argument that makes the preload's bridge receive-only.
    expect(webPreferencesOf(audience)).toStrictEqual({ ...webPreferencesOf(control), additionalArguments: ['--nahtstelle-window=audience'] });
    expect(webPreferencesOf(audience)).toStrictEqual({
      ...pageWindowPreferences,
      backgroundThrottling: false,
      preload: expect.stringMatching(/[\\/]preload[\\/]index\.cjs$/),
      additionalArguments: ['--nahtstelle-window=audience'],
    });
    expect(pageWindowPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('loads the app’s bundled page marked as the audience window’s (never with the control window’s first frame), with #audience, and has no menu bar', () => {
    const audience = fakeWindow(createAudienceWindow({ bounds: laptop.bounds, fullScreen: false }));
    expect(audience.webContents.loadFile).not.toHaveBeenCalled();
    expect(audience.webContents.loadURL).toHaveBeenCalledExactlyOnceWith('app://nahtstelle/index.html?window=audience#audience');
    expect(audience.webContents.getURL()).toBe(`${appPageUrl()}?window=audience#audience`);
    expect(audience.removeMenu).toHaveBeenCalledOnce();
  });

  it('is no app window: never taken for the control window, and every call it makes is refused', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const testServices: TestServices = await createTestServices();
    try {
      registerIpcHandlers(createHandlers(testServices.services), createSenderCheck({ isAppWindow, appPageUrl: appPageUrl() }));
      const control = controlWindow();
      createAudienceScreen().open();
      const audience = audienceWindow();
      expect(isAppWindow(audienceBrowserWindow().webContents)).toBe(false);
      expect(fakeWindow(findMainWindow())).toBe(control);
      const event = { sender: audience.webContents, senderFrame: audience.webContents.mainFrame };
      for (const [verb, args] of [
        ['getStartupState', []],
        ['closeAudienceWindow', []],
        ['showAudienceView', [view()]],
      ] as const) {
        const result = (await ipcMain.invoke(invokeChannel(verb), event, ...args)) as ApiResult;
        expect(result).toMatchObject({ ok: false, error: { code: 'forbiddenSender' } });
      }
      expect(testServices.audience.close).not.toHaveBeenCalled();
      expect(testServices.audience.show).not.toHaveBeenCalled();
    } finally {
      await testServices.cleanup();
    }
  });
});

describe('the audience window: what it shows', () => {
  it('gets the last view once its page has loaded, then every new one, and again after a reload', () => {
    controlWindow();
    const audienceScreen = createAudienceScreen();
    const first = view();
    audienceScreen.show(first);
    audienceScreen.open();
    const contents = audienceWindow().webContents;
    expect(eventsTo(contents, 'audienceView')).toEqual([]);

    contents.emit('did-finish-load');
    expect(eventsTo(contents, 'audienceView')).toEqual([first]);

    const second = view(addCard(sampleSession(), 'card-3', 'sales', 'Preisliste'));
    audienceScreen.show(second);
    expect(eventsTo(contents, 'audienceView')).toEqual([first, second]);

    contents.emit('did-finish-load');
    expect(eventsTo(contents, 'audienceView')).toEqual([first, second, second]);
  });

  it('sends nothing before the first view, and no view to the control window', () => {
    const control = controlWindow();
    const audienceScreen = createAudienceScreen();
    audienceScreen.open();
    audienceWindow().webContents.emit('did-finish-load');
    expect(eventsTo(audienceWindow().webContents, 'audienceView')).toEqual([]);
    audienceScreen.show(view());
    expect(eventsTo(control.webContents, 'audienceView')).toEqual([]);
  });
});

describe('the audience window: closing', () => {
  it('tells the control window when it opens and when it is closed by hand', () => {
    const control = controlWindow();
    const audienceScreen = createAudienceScreen();
    audienceScreen.open();
    expect(eventsTo(control.webContents, 'audienceWindow')).toEqual([{ open: true }]);
    audienceWindow().close();
    expect(eventsTo(control.webContents, 'audienceWindow')).toEqual([{ open: true }, { open: false }]);
    expect(FakeBrowserWindow.all).toEqual([control]);
  });

  it('closes on closeAudienceWindow, tells the control window, and opens afresh later with the last view', () => {
    const control = controlWindow();
    const audienceScreen = createAudienceScreen();
    audienceScreen.open();
    const shown = view();
    audienceScreen.show(shown);
    audienceScreen.close();
    expect(FakeBrowserWindow.all).toEqual([control]);
    expect(eventsTo(control.webContents, 'audienceWindow')).toEqual([{ open: true }, { open: false }]);
    audienceScreen.close();
    expect(eventsTo(control.webContents, 'audienceWindow')).toHaveLength(2);

    audienceScreen.open();
    const again = audienceWindow().webContents;
    again.emit('did-finish-load');
    expect(eventsTo(again, 'audienceView')).toEqual([shown]);
  });
});

let services: TestServices | undefined;
afterEach(async () => {
  await services?.cleanup();
  services = undefined;
});

describe('audience handlers', () => {
  async function handlers() {
    services = await createTestServices();
    return { handlers: createHandlers(services.services), audience: services.audience, fullScreen: services.fullScreen };
  }

  const withCaricature = addCard(sampleSession(), 'card-3', 'sales', 'Marketing malt nur bunte Bilder', undefined, 'caricature');
  const withVotes = vote(addCard(sampleSession(), 'card-3', 'sales', 'Preisliste'), 'card-3', 'department:sales', 1);

  it('refuses a scroll position on a card the view does not show', async () => {
    const { handlers: table } = await handlers();
    const raw: AudienceView = {
      session: sampleSession(),
      spotlightCardId: null,
      zoom: 1,
      boardView: 'caricatures',
      scrolledTo: { sales: 'card-404' },
      language: 'en',
      theme: 'dark',
    };
    const result = await dispatchCall(table, 'showAudienceView', [raw]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidArguments', detail: expect.stringMatching(/scroll position/) } });
  });

  it.each([
    ['a hidden caricature', withCaricature, /hidden caricature/],
    ['hidden votes', withVotes, /hidden votes/],
  ])('refuses a view that still shows %s, and shows nothing', async (_case, session, detail) => {
    const { handlers: table, audience } = await handlers();
    const raw: AudienceView = { session, spotlightCardId: null, zoom: 1, boardView: 'lanes', scrolledTo: {}, language: 'en', theme: 'dark' };
    const result = await dispatchCall(table, 'showAudienceView', [raw]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidArguments', detail: expect.stringMatching(detail) } });
    expect(audience.show).not.toHaveBeenCalled();
  });

  it('passes the projected view of the same sessions on, and votes once they are revealed', async () => {
    const { handlers: table, audience } = await handlers();
    expect(await dispatchCall(table, 'showAudienceView', [view(withCaricature)])).toEqual({ ok: true, value: undefined });
    expect(await dispatchCall(table, 'showAudienceView', [view(withVotes)])).toEqual({ ok: true, value: undefined });
    const revealed = setVoting(withVotes, { revealed: true });
    expect(
      await dispatchCall(table, 'showAudienceView', [
        { session: revealed, spotlightCardId: 'card-3', zoom: 'fit', boardView: 'lanes', scrolledTo: {}, language: 'de', theme: 'contrast' },
      ]),
    ).toEqual({
      ok: true,
      value: undefined,
    });
    expect(audience.show).toHaveBeenCalledTimes(3);
    expect(audience.show.mock.calls[0]?.[0].session.cards).not.toHaveProperty('card-3');
    expect(audience.show.mock.calls[2]?.[0].session.cards['card-3']?.votes).toEqual({ 'department:sales': 1 });
  });

  it('refuses a spotlight on a card the view does not hold, and a zoom out of range', async () => {
    const { handlers: table, audience } = await handlers();
    const shown = view(withCaricature);
    expect(await dispatchCall(table, 'showAudienceView', [{ ...shown, spotlightCardId: 'card-3' }])).toMatchObject({
      ok: false,
      error: { code: 'invalidArguments' },
    });
    expect(await dispatchCall(table, 'showAudienceView', [{ ...shown, zoom: 40 }])).toMatchObject({ ok: false, error: { code: 'invalidArguments' } });
    expect(audience.show).not.toHaveBeenCalled();
  });

  it('opens, closes and reports the placement through the service; full screen goes to the control window', async () => {
    const { handlers: table, audience, fullScreen } = await handlers();
    audience.open.mockReturnValueOnce('secondDisplay');
    expect(await dispatchCall(table, 'openAudienceWindow', [])).toEqual({ ok: true, value: 'secondDisplay' });
    expect(await dispatchCall(table, 'closeAudienceWindow', [])).toEqual({ ok: true, value: undefined });
    expect(audience.close).toHaveBeenCalledOnce();
    expect(await dispatchCall(table, 'setFullScreen', [true])).toEqual({ ok: true, value: undefined });
    expect(fullScreen).toHaveBeenCalledExactlyOnceWith(true);
    expect(await dispatchCall(table, 'setFullScreen', ['yes'])).toMatchObject({ ok: false, error: { code: 'invalidArguments' } });
    expect(fullScreen).toHaveBeenCalledOnce();
  });
});
