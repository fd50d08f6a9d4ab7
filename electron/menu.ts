/**
 * The application menu. Undo and Redo are the board's own history, not the text field's, so they
 * are sent to the page as commands instead of using Electron's roles. File › Open… is main's own:
 * it shows the open dialog and hands the session to the page (see open-files.ts).
 */
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand, Language } from '../core/api';
import { sendEvent } from './ipc/events';
import { menuLabels } from './menu-labels';

/** What menu items do that is more than a role or a command to the page. */
export interface MenuActions {
  /** File › Open…: the open dialog, then the chosen session in the window. */
  readonly openSession: () => void;
}

export interface MenuOptions {
  readonly language: Language;
  readonly getFocusedWindow: () => BrowserWindow | null;
  /** Reload and developer tools are for development builds only. */
  readonly developerItems: boolean;
  /** Without actions (tests of other items), File holds only Quit. */
  readonly actions?: MenuActions;
}

export function buildMenuTemplate({ language, getFocusedWindow, developerItems, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const labels = menuLabels[language];
  const sendCommand = (command: AppCommand): void => {
    const window = getFocusedWindow();
    if (window) sendEvent(window.webContents, 'command', command);
  };
  return [
    {
      label: labels.file,
      submenu: [
        ...(actions
          ? ([
              { label: labels.open, accelerator: 'CmdOrCtrl+O', click: () => actions.openSession() },
              { type: 'separator' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'quit', label: labels.quit },
      ],
    },
    {
      label: labels.edit,
      submenu: [
        // The accelerators are only displayed: the key presses go to the page, whose own shortcuts
        // know whether a text field (native undo) or the board (history) has the focus.
        { label: labels.undo, accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => sendCommand('undo') },
        { label: labels.redo, accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false, click: () => sendCommand('redo') },
        { type: 'separator' },
        { role: 'cut', label: labels.cut },
        { role: 'copy', label: labels.copy },
        { role: 'paste', label: labels.paste },
        { role: 'selectAll', label: labels.selectAll },
      ],
    },
    {
      label: labels.view,
      submenu: [
        { role: 'togglefullscreen', label: labels.toggleFullScreen },
        ...(developerItems
          ? ([
              { type: 'separator' },
              { role: 'reload', label: labels.reload },
              { role: 'toggleDevTools', label: labels.toggleDevTools },
            ] satisfies MenuItemConstructorOptions[])
          : []),
      ],
    },
    { label: labels.help, submenu: [{ role: 'about', label: labels.about }] },
  ];
}

export interface AppMenu {
  /** Rebuilds the menu in another language, e.g. after the user switched it in the UI. */
  setLanguage(language: Language): void;
}

export function setupMenu(getFocusedWindow: () => BrowserWindow | null, language: Language, actions?: MenuActions): AppMenu {
  const apply = (menuLanguage: Language): void => {
    const template = buildMenuTemplate({ language: menuLanguage, getFocusedWindow, developerItems: !app.isPackaged, ...(actions && { actions }) });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  apply(language);
  return { setLanguage: apply };
}
