/**
 * The application menu. Undo and Redo are the board's own history, not the text field's, so they
 * are sent to the page as commands instead of using Electron's roles.
 */
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand, Language } from '../core/api';
import { sendEvent } from './ipc/events';
import { menuLabels } from './menu-labels';

export interface MenuOptions {
  readonly language: Language;
  readonly getFocusedWindow: () => BrowserWindow | null;
  /** Reload and developer tools are for development builds only. */
  readonly developerItems: boolean;
}

export function buildMenuTemplate({ language, getFocusedWindow, developerItems }: MenuOptions): MenuItemConstructorOptions[] {
  const labels = menuLabels[language];
  const sendCommand = (command: AppCommand): void => {
    const window = getFocusedWindow();
    if (window) sendEvent(window.webContents, 'command', command);
  };
  return [
    { label: labels.file, submenu: [{ role: 'quit', label: labels.quit }] },
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

export function setupMenu(getFocusedWindow: () => BrowserWindow | null, language: Language): AppMenu {
  const apply = (menuLanguage: Language): void => {
    const template = buildMenuTemplate({ language: menuLanguage, getFocusedWindow, developerItems: !app.isPackaged });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  apply(language);
  return { setLanguage: apply };
}
