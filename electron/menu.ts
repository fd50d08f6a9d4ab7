/**
 * The application menu: Undo and Redo as page commands, File › Open… main's own, a Mac app's menu on macOS.
 * docs/ARCHITECTURE.md, "Layers and arrows".
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
  /** The system the menu is for; the running one by default. */
  readonly platform?: NodeJS.Platform;
}

export function buildMenuTemplate({
  language,
  getFocusedWindow,
  developerItems,
  actions,
  platform = process.platform,
}: MenuOptions): MenuItemConstructorOptions[] {
  const labels = menuLabels[language];
  const mac = platform === 'darwin';
  const sendCommand = (command: AppCommand): void => {
    const window = getFocusedWindow();
    if (window) sendEvent(window.webContents, 'command', command);
  };
  const openItems: MenuItemConstructorOptions[] = actions
    ? [{ label: labels.open, accelerator: 'CmdOrCtrl+O', click: () => actions.openSession() }, { type: 'separator' }]
    : [];
  return [
    ...(mac
      ? ([
          {
            label: 'Nahtstelle',
            submenu: [
              { role: 'about', label: labels.about },
              { type: 'separator' },
              { role: 'services', label: labels.services },
              { type: 'separator' },
              { role: 'hide', label: labels.hide },
              { role: 'hideOthers', label: labels.hideOthers },
              { role: 'unhide', label: labels.showAll },
              { type: 'separator' },
              { role: 'quit', label: labels.quitApp },
            ],
          },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    {
      label: labels.file,
      submenu: mac ? [...openItems, { role: 'close', label: labels.closeWindow }] : [...openItems, { role: 'quit', label: labels.quit }],
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
    mac
      ? {
          label: labels.window,
          role: 'windowMenu',
          submenu: [
            { role: 'minimize', label: labels.minimize },
            { role: 'zoom', label: labels.zoom },
            { type: 'separator' },
            { role: 'front', label: labels.bringAllToFront },
          ],
        }
      : { label: labels.help, submenu: [{ role: 'about', label: labels.about }] },
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
