/**
 * A small stand-in for the `electron` module, installed for every unit test by
 * test/unit/setup-electron-mock.ts. It records what the code under test asks of Electron and lets
 * a test play the other side: emit webContents events, invoke IPC handlers, click menu items.
 * Tests import the fakes from here to reach those extras; the code under test sees `electron`.
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';

export class FakeWebFrame {
  private static nextRoutingId = 1;

  constructor(
    public url: string,
    readonly processId: number,
    readonly parent: FakeWebFrame | null = null,
    readonly routingId = FakeWebFrame.nextRoutingId++,
  ) {}

  /** An iframe inside this frame, in the same renderer process. */
  child(url: string): FakeWebFrame {
    return new FakeWebFrame(url, this.processId, this);
  }

  /** A second object for this same frame, as Electron may hand out. */
  anotherHandle(): FakeWebFrame {
    return new FakeWebFrame(this.url, this.processId, this.parent, this.routingId);
  }
}

export interface WindowOpenDetails {
  readonly url: string;
}
export type WindowOpenHandler = (details: WindowOpenDetails) => { action: 'allow' | 'deny' };

/** The event object Electron passes to `will-navigate`, `will-redirect`, `will-attach-webview`. */
export class FakeEvent {
  defaultPrevented = false;
  readonly preventDefault = vi.fn(() => {
    this.defaultPrevented = true;
  });

  constructor(readonly url = '') {}
}

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame = new FakeWebFrame('', 1000 + this.id);
  windowOpenHandler: WindowOpenHandler | null = null;

  readonly setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });
  readonly loadURL = vi.fn(async (url: string) => {
    this.mainFrame.url = url;
  });
  readonly loadFile = vi.fn(async (path: string, options?: { readonly hash?: string }) => {
    this.mainFrame.url = pathToFileURL(path).href + (options?.hash ? `#${options.hash}` : '');
  });
  readonly send = vi.fn<(channel: string, ...args: unknown[]) => void>();
  readonly reload = vi.fn();
  /** Resolves with stand-in PDF bytes; a test makes it fail or inspects the options. */
  readonly printToPDF = vi.fn(async (_options: Record<string, unknown>): Promise<Buffer> => Buffer.from('%PDF-1.7 fake'));
  readonly debugger = new FakeDebugger();

  getURL(): string {
    return this.mainFrame.url;
  }

  /** Emits a navigation event the way Electron does and tells whether the page stayed put. */
  navigate(kind: 'will-navigate' | 'will-redirect', url: string): FakeEvent {
    const event = new FakeEvent(url);
    this.emit(kind, event, url);
    return event;
  }
}

/**
 * The DevTools protocol connection of a webContents. Answers `Page.getLayoutMetrics` with
 * `contentSize` and `Page.captureScreenshot` with stand-in PNG bytes; a test can change either.
 */
export class FakeDebugger {
  attached = false;
  contentSize = { width: 1500, height: 2400 };
  readonly attach = vi.fn((_version?: string) => {
    if (this.attached) throw new Error('Another debugger is already attached');
    this.attached = true;
  });
  readonly detach = vi.fn(() => {
    this.attached = false;
  });
  readonly sendCommand = vi.fn(async (method: string, _params?: Record<string, unknown>): Promise<unknown> => {
    if (!this.attached) throw new Error('The debugger is not attached');
    if (method === 'Page.getLayoutMetrics') return { cssContentSize: { x: 0, y: 0, ...this.contentSize } };
    if (method === 'Page.captureScreenshot') return { data: Buffer.from('\x89PNG fake').toString('base64') };
    throw new Error(`Unknown method ${method}`);
  });

  isAttached(): boolean {
    return this.attached;
  }
}

export interface FakeRectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;
  static getAllWindows = (): FakeBrowserWindow[] => [...FakeBrowserWindow.all];
  static getFocusedWindow = (): FakeBrowserWindow | null => FakeBrowserWindow.focused;

  readonly webContents = new FakeWebContents();
  minimized = false;
  maximized = false;
  fullScreen = false;
  destroyed = false;
  /** The window's bounds in the normal state (what a maximized window returns to). */
  normalBounds: FakeRectangle;
  readonly show = vi.fn();
  /** Shows the window without focusing it. */
  readonly showInactive = vi.fn();
  readonly moveTop = vi.fn();
  readonly removeMenu = vi.fn();
  /** Like Electron's: leaving or entering full screen is reported by an event (here at once). */
  readonly setFullScreen = vi.fn((on: boolean) => {
    if (on === this.fullScreen) return;
    this.fullScreen = on;
    this.emit(on ? 'enter-full-screen' : 'leave-full-screen');
  });
  readonly setBounds = vi.fn((bounds: FakeRectangle) => {
    this.normalBounds = { ...bounds };
  });
  readonly focus = vi.fn(() => {
    FakeBrowserWindow.focused = this;
  });
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly maximize = vi.fn(() => {
    this.maximized = true;
    this.emit('maximize');
  });

  constructor(readonly options: Record<string, unknown>) {
    super();
    const number = (key: string, fallback: number): number => {
      const value = options[key];
      return typeof value === 'number' ? value : fallback;
    };
    // Like Electron: without a position the window is centred on the primary display.
    const width = number('width', 800);
    const height = number('height', 600);
    const area = screen.getPrimaryDisplay().workArea;
    this.normalBounds = {
      x: number('x', Math.round(area.x + (area.width - width) / 2)),
      y: number('y', Math.round(area.y + (area.height - height) / 2)),
      width,
      height,
    };
    this.fullScreen = options.fullscreen === true;
    FakeBrowserWindow.all.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }

  /** Plays the user dragging or resizing the window: new bounds, then the event Electron emits. */
  moveTo(bounds: FakeRectangle): void {
    const resized = bounds.width !== this.normalBounds.width || bounds.height !== this.normalBounds.height;
    this.normalBounds = bounds;
    this.emit(resized ? 'resize' : 'move');
  }

  getBounds(): FakeRectangle {
    // Full screen covers the display the window is on, a maximized window the work area; only
    // getNormalBounds() remembers the normal size.
    if (this.fullScreen) return screen.getDisplayMatching(this.normalBounds).bounds;
    return this.maximized ? screen.getPrimaryDisplay().workArea : this.normalBounds;
  }

  getNormalBounds(): FakeRectangle {
    return this.normalBounds;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  isFullScreen(): boolean {
    return this.fullScreen;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  loadFile(path: string, options?: { readonly hash?: string }): Promise<void> {
    return options ? this.webContents.loadFile(path, options) : this.webContents.loadFile(path);
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  /** Like Electron's: gone at once, no `close` event (nothing can keep it open), then `closed`. */
  readonly destroy = vi.fn(() => {
    if (this.destroyed) return;
    FakeBrowserWindow.all = FakeBrowserWindow.all.filter((window) => window !== this);
    if (FakeBrowserWindow.focused === this) FakeBrowserWindow.focused = null;
    this.destroyed = true;
    this.emit('closed');
  });

  /** Plays the user closing the window: `close` (still usable), then `closed` (destroyed). */
  close(): void {
    this.emit('close', new FakeEvent());
    FakeBrowserWindow.all = FakeBrowserWindow.all.filter((window) => window !== this);
    if (FakeBrowserWindow.focused === this) FakeBrowserWindow.focused = null;
    this.destroyed = true;
    this.emit('closed');
  }
}

export interface FakeDisplay {
  readonly id: number;
  readonly bounds: FakeRectangle;
  readonly workArea: FakeRectangle;
}

/** A display at (x, y) of the given size, with a 40 px task bar at its bottom. */
export function fakeDisplay(id: number, x: number, y: number, width: number, height: number): FakeDisplay {
  return { id, bounds: { x, y, width, height }, workArea: { x, y, width, height: height - 40 } };
}

const defaultDisplays = (): FakeDisplay[] => [fakeDisplay(1, 0, 0, 1920, 1080)];

/** Emits `display-added` and `display-removed` when a test calls plugIn / unplug. */
class FakeScreen extends EventEmitter {
  /** The connected displays, primary first; a test plugs in or removes monitors here. */
  displays: FakeDisplay[] = defaultDisplays();
  readonly getAllDisplays = vi.fn((): FakeDisplay[] => [...this.displays]);
  readonly getPrimaryDisplay = vi.fn((): FakeDisplay => {
    const [primary] = this.displays;
    if (!primary) throw new Error('no display connected');
    return primary;
  });

  /** Like Electron's: the display that overlaps the rectangle most, else the primary one. */
  readonly getDisplayMatching = vi.fn((rect: FakeRectangle): FakeDisplay => {
    let best: { display: FakeDisplay; area: number } | null = null;
    for (const display of this.displays) {
      const { bounds } = display;
      const width = Math.min(rect.x + rect.width, bounds.x + bounds.width) - Math.max(rect.x, bounds.x);
      const height = Math.min(rect.y + rect.height, bounds.y + bounds.height) - Math.max(rect.y, bounds.y);
      if (width > 0 && height > 0 && (!best || width * height > best.area)) best = { display, area: width * height };
    }
    return best?.display ?? this.getPrimaryDisplay();
  });

  /** Plays a monitor being connected. */
  plugIn(display: FakeDisplay): void {
    this.displays.push(display);
    this.emit('display-added', {}, display);
  }

  /** Plays a monitor being disconnected. */
  unplug(id: number): void {
    const display = this.displays.find((candidate) => candidate.id === id);
    if (!display) throw new Error(`no display ${id}`);
    this.displays = this.displays.filter((candidate) => candidate !== display);
    this.emit('display-removed', {}, display);
  }

  reset(): void {
    this.displays = defaultDisplays();
    this.removeAllListeners();
  }
}

export interface FakeOpenDialogResult {
  readonly canceled: boolean;
  readonly filePaths: string[];
}
export interface FakeSaveDialogResult {
  readonly canceled: boolean;
  readonly filePath: string;
}

/** Every dialog is cancelled unless a test answers it (mockResolvedValueOnce). */
export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]): Promise<FakeOpenDialogResult> => ({ canceled: true, filePaths: [] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<FakeSaveDialogResult> => ({ canceled: true, filePath: '' })),
};

export const shell = {
  trashItem: vi.fn(async (_path: string): Promise<void> => undefined),
  showItemInFolder: vi.fn((_path: string): void => undefined),
};

export const webUtils = {
  /** Electron's throws for anything that is not a File; the fake returns a made-up path for one. */
  getPathForFile: vi.fn((file: unknown): string => {
    if (!(file instanceof File)) throw new TypeError('Error processing argument at index 0');
    return `/dropped/${file.name}`;
  }),
};

class FakeApp extends EventEmitter {
  isPackaged = false;
  private ready = false;
  private resolveReady: () => void = () => undefined;
  private readyPromise = this.newReadyPromise();

  readonly enableSandbox = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly getLocale = vi.fn(() => 'en-US');
  readonly getPreferredSystemLanguages = vi.fn((): string[] => ['de-DE']);
  readonly getPath = vi.fn((name: string) => `/nonexistent/nahtstelle-test/${name}`);
  readonly getVersion = vi.fn(() => '0.0.0-test');

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.ready;
  }

  /** Plays Electron's `ready`: resolves `whenReady()`. */
  fireReady(): void {
    this.ready = true;
    this.resolveReady();
  }

  reset(): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.ready = false;
    this.readyPromise = this.newReadyPromise();
  }

  private newReadyPromise(): Promise<void> {
    return new Promise((resolve) => {
      this.resolveReady = resolve;
    });
  }
}

export interface FakeInvokeEvent {
  readonly sender: FakeWebContents;
  readonly senderFrame: FakeWebFrame | null;
}
type InvokeListener = (event: FakeInvokeEvent, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, InvokeListener>();

  readonly handle = vi.fn((channel: string, listener: InvokeListener) => {
    // Electron refuses a second handler for a channel; so does the fake, to catch double registration.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  });
  readonly removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });
  readonly on = vi.fn();

  /** What `ipcRenderer.invoke(channel, ...args)` from `event.sender` would get back. */
  async invoke(channel: string, event: FakeInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, ...args);
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheckHandler = (contents: unknown, permission: string) => boolean;
interface RequestDetails {
  readonly url: string;
  readonly responseHeaders?: Record<string, string | string[]>;
}
type WebRequestListener = (details: RequestDetails, callback: (response: Record<string, unknown>) => void) => void;
interface WebRequestRegistration {
  readonly filter: { readonly urls: string[] };
  readonly listener: WebRequestListener;
}

class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  beforeRequest: WebRequestRegistration | null = null;
  headersReceived: WebRequestRegistration | null = null;

  readonly setPermissionRequestHandler = vi.fn((handler: PermissionRequestHandler) => {
    this.permissionRequestHandler = handler;
  });
  readonly setPermissionCheckHandler = vi.fn((handler: PermissionCheckHandler) => {
    this.permissionCheckHandler = handler;
  });
  readonly webRequest = {
    onBeforeRequest: vi.fn((filter: { urls: string[] }, listener: WebRequestListener) => {
      this.beforeRequest = { filter, listener };
    }),
    onHeadersReceived: vi.fn((filter: { urls: string[] }, listener: WebRequestListener) => {
      this.headersReceived = { filter, listener };
    }),
  };
}

export interface FakeMenuItem {
  readonly label?: string;
  readonly role?: string;
  readonly type?: string;
  readonly accelerator?: string;
  readonly registerAccelerator?: boolean;
  readonly click?: () => void;
  readonly submenu?: FakeMenuItem[];
}
export interface FakeMenu {
  readonly template: FakeMenuItem[];
}

export const FakeMenuModule = {
  applicationMenu: null as FakeMenu | null,
  buildFromTemplate: vi.fn((template: FakeMenuItem[]): FakeMenu => ({ template })),
  setApplicationMenu: vi.fn((menu: FakeMenu | null) => {
    FakeMenuModule.applicationMenu = menu;
  }),
};

class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();
  readonly exposeInMainWorld = vi.fn((key: string, api: unknown) => {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    this.exposed.set(key, api);
  });
}

type RendererListener = (event: unknown, ...args: unknown[]) => void;

class FakeIpcRenderer {
  private readonly emitter = new EventEmitter();
  readonly invoke = vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(async () => undefined);
  readonly on = vi.fn((channel: string, listener: RendererListener) => {
    this.emitter.on(channel, listener);
    return this;
  });
  readonly removeListener = vi.fn((channel: string, listener: RendererListener) => {
    this.emitter.removeListener(channel, listener);
    return this;
  });

  /** Plays main's `webContents.send(channel, ...args)`. */
  receive(channel: string, ...args: unknown[]): void {
    this.emitter.emit(channel, { sender: this }, ...args);
  }

  listenerCount(channel: string): number {
    return this.emitter.listenerCount(channel);
  }

  reset(): void {
    this.emitter.removeAllListeners();
  }
}

export const app = new FakeApp();
export const screen = new FakeScreen();
export const ipcMain = new FakeIpcMain();
export const session = { defaultSession: new FakeSession() };
export const contextBridge = new FakeContextBridge();
export const ipcRenderer = new FakeIpcRenderer();
export const BrowserWindow = FakeBrowserWindow;
export const Menu = FakeMenuModule;

/** Called before every test by the setup file: a fresh Electron for each test. */
export function resetElectronFake(): void {
  app.reset();
  ipcMain.handlers.clear();
  session.defaultSession = new FakeSession();
  contextBridge.exposed.clear();
  ipcRenderer.reset();
  FakeBrowserWindow.all = [];
  FakeBrowserWindow.focused = null;
  FakeMenuModule.applicationMenu = null;
  screen.reset();
  // Only the fake's own mocks: other tests' mocks are theirs to manage.
  for (const fake of [app, ipcMain, contextBridge, ipcRenderer, FakeMenuModule, screen, dialog, shell, webUtils]) resetMocksOf(fake);
}

/** Forgets calls and any mockReturnValue a test set, back to the implementations given above. */
function resetMocksOf(fake: object): void {
  for (const value of Object.values(fake)) {
    if (vi.isMockFunction(value)) value.mockReset();
  }
}

const electron = { app, ipcMain, session, contextBridge, ipcRenderer, BrowserWindow, Menu, screen, dialog, shell, webUtils };
export default electron;

/** The fake behind a window the code under test created (typed as Electron's BrowserWindow). */
export function fakeWindow(window: unknown): FakeBrowserWindow {
  if (!(window instanceof FakeBrowserWindow)) throw new TypeError('Not a window made by the Electron fake');
  return window;
}
