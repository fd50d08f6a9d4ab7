import { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { eventChannel } from '../../../core/api';
import { setupMenu } from '../../../electron/menu';
import { menuLabels, resolveLanguage } from '../../../electron/menu-labels';
import { app, Menu, fakePlatform, fakeWindow, type FakeBrowserWindow, type FakeMenuItem } from '../fakes/electron';

function applicationMenu(): FakeMenuItem[] {
  const menu = Menu.applicationMenu;
  if (!menu) throw new Error('no application menu set');
  return menu.template;
}

function item(label: string): FakeMenuItem {
  const found = applicationMenu()
    .flatMap((top) => top.submenu ?? [])
    .find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no menu item labelled ${label}`);
  return found;
}

function focusNewWindow(): FakeBrowserWindow {
  const window = fakeWindow(new BrowserWindow({}));
  window.focus();
  return window;
}

const focused = (): BrowserWindow | null => BrowserWindow.getFocusedWindow();

describe('application menu', () => {
  it('sends Undo and Redo to the focused window as commands', () => {
    setupMenu(focused, 'en');
    const background = focusNewWindow();
    const front = focusNewWindow();
    item('Undo').click?.();
    item('Redo').click?.();
    expect(front.webContents.send.mock.calls).toEqual([
      [eventChannel('command'), 'undo'],
      [eventChannel('command'), 'redo'],
    ]);
    expect(background.webContents.send).not.toHaveBeenCalled();
  });

  it('does nothing for Undo when no window has the focus', () => {
    setupMenu(focused, 'en');
    expect(() => item('Undo').click?.()).not.toThrow();
  });

  it('leaves the Undo/Redo key presses to the page', () => {
    setupMenu(focused, 'de');
    for (const label of ['Rückgängig', 'Wiederholen']) {
      expect(item(label).registerAccelerator).toBe(false);
      expect(item(label).accelerator).toMatch(/^CmdOrCtrl\+/);
      expect(item(label).role).toBeUndefined();
    }
  });

  it('keeps the native clipboard roles', () => {
    setupMenu(focused, 'en');
    expect(
      applicationMenu()[1]
        ?.submenu?.map((entry) => entry.role)
        .filter(Boolean),
    ).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('speaks German or English and switches when asked', () => {
    const menu = setupMenu(focused, 'de');
    expect(applicationMenu().map((top) => top.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Hilfe']);
    expect(item('Beenden').role).toBe('quit');
    menu.setLanguage('en');
    expect(applicationMenu().map((top) => top.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(item('Quit').role).toBe('quit');
    expect(item('Undo').registerAccelerator).toBe(false);
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
  });

  it('shows reload and developer tools only in development builds', () => {
    const roles = (): (string | undefined)[] => applicationMenu()[2]?.submenu?.map((entry) => entry.role) ?? [];
    setupMenu(focused, 'en');
    expect(roles()).toEqual(expect.arrayContaining(['togglefullscreen', 'reload', 'toggleDevTools']));
    app.isPackaged = true;
    setupMenu(focused, 'en');
    expect(roles()).toEqual(['togglefullscreen']);
  });

  it('opens a session from File › Open… (Ctrl/Cmd+O), in either language', () => {
    const openSession = vi.fn();
    const menu = setupMenu(focused, 'de', { openSession });
    expect(applicationMenu()[0]?.submenu?.map((entry) => entry.label ?? entry.type)).toEqual(['Öffnen …', 'separator', 'Beenden']);
    expect(item('Öffnen …')).toMatchObject({ accelerator: 'CmdOrCtrl+O' });
    expect(item('Öffnen …').registerAccelerator).not.toBe(false);
    item('Öffnen …').click?.();
    expect(openSession).toHaveBeenCalledOnce();

    menu.setLanguage('en');
    item('Open…').click?.();
    expect(openSession).toHaveBeenCalledTimes(2);
  });

  it('has no Open… without an action for it', () => {
    setupMenu(focused, 'en');
    expect(applicationMenu()[0]?.submenu?.map((entry) => entry.role)).toEqual(['quit']);
  });

  it('has an About item in Help', () => {
    setupMenu(focused, 'de');
    expect(item('Über Nahtstelle').role).toBe('about');
  });
});

describe('menu labels', () => {
  it('translate every entry into both languages', () => {
    for (const key of Object.keys(menuLabels.en) as (keyof typeof menuLabels.en)[]) {
      expect(menuLabels.de[key].trim()).not.toBe('');
      expect(menuLabels.en[key].trim()).not.toBe('');
    }
    expect(Object.keys(menuLabels.de).sort()).toEqual(Object.keys(menuLabels.en).sort());
  });
});

describe('resolveLanguage', () => {
  it.each([
    ['de-DE', 'de'],
    ['de', 'de'],
    ['de_AT', 'de'],
    ['DE-ch', 'de'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    ['dsb', 'en'],
    ['', 'en'],
  ] as const)('follows the system locale %j when nothing was chosen', (locale, expected) => {
    expect(resolveLanguage(null, locale)).toBe(expected);
  });

  it('prefers the chosen language over the system', () => {
    expect(resolveLanguage('en', 'de-DE')).toBe('en');
    expect(resolveLanguage('de', 'en-US')).toBe('de');
  });
});

describe('application menu on macOS', () => {
  const roles = (entries: readonly FakeMenuItem[] | undefined): (string | undefined)[] => (entries ?? []).map((entry) => entry.role ?? entry.type);

  it('is a Mac app’s menu: the app menu first, Close Window in File, a Window menu', () => {
    fakePlatform('darwin');
    setupMenu(focused, 'en', { openSession: vi.fn() });
    const [appMenu, file, , , window] = applicationMenu();
    expect(applicationMenu().map((top) => top.label)).toEqual(['Nahtstelle', 'File', 'Edit', 'View', 'Window']);
    expect(roles(appMenu?.submenu)).toEqual(['about', 'separator', 'services', 'separator', 'hide', 'hideOthers', 'unhide', 'separator', 'quit']);
    expect(item('Quit Nahtstelle').role).toBe('quit');
    // ⌘W closes the window (the app stays, as on every Mac); Quit lives in the app menu only.
    expect(roles(file?.submenu)).toEqual([undefined, 'separator', 'close']);
    expect(window?.role).toBe('windowMenu');
    expect(roles(window?.submenu)).toEqual(['minimize', 'zoom', 'separator', 'front']);
  });

  it('names the Mac items as a German Mac does', () => {
    fakePlatform('darwin');
    setupMenu(focused, 'de');
    expect(applicationMenu().map((top) => top.label)).toEqual(['Nahtstelle', 'Datei', 'Bearbeiten', 'Ansicht', 'Fenster']);
    expect(item('Nahtstelle ausblenden').role).toBe('hide');
    expect(item('Fenster schließen').role).toBe('close');
    expect(item('Im Dock ablegen').role).toBe('minimize');
  });

  it('keeps Undo and Redo as commands to the page, which sends them to a focused text field (⌘Z reaches the menu first)', () => {
    fakePlatform('darwin');
    setupMenu(focused, 'en');
    const front = focusNewWindow();
    item('Undo').click?.();
    expect(front.webContents.send.mock.calls).toEqual([[eventChannel('command'), 'undo']]);
  });

  it('keeps the Windows and Linux menu as it was: Quit in File, About in Help', () => {
    fakePlatform('win32');
    setupMenu(focused, 'en');
    expect(applicationMenu().map((top) => top.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(item('Quit').role).toBe('quit');
    expect(item('About Nahtstelle').role).toBe('about');
  });
});
