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
 * `contentSize` and `Page.captureScreenshot` with a stand-in PNG (`fakePng`) of the clip; a test
 * can change either. Like Electron's: the picture is in device pixels (`scaleFactor`: an
 * off-screen window's own, else its display's), and a page that produces no frames (a window
 * never shown) never answers.
 */
export class FakeDebugger {
  attached = false;
  contentSize = { width: 1500, height: 2400 };
  scaleFactor = 1;
  producesFrames: () => boolean = () => true;
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
    if (method === 'Page.captureScreenshot') {
      if (!this.producesFrames()) return new Promise<never>(() => undefined);
      const clip = (_params?.clip ?? { x: 0, y: 0, ...this.contentSize, scale: 1 }) as { y: number; width: number; height: number; scale: number };
      const scale = clip.scale * this.scaleFactor;
      return { data: fakePng(Math.round(clip.width * scale), Math.round(clip.height * scale), Math.round(clip.y * scale)).toString('base64') };
    }
    throw new Error(`Unknown method ${method}`);
  });

  isAttached(): boolean {
    return this.attached;
  }
}

/**
 * Stand-in PNG bytes: the picture's size and the page row (device px) its top row shows. Its
 * bitmap (`nativeImage`) fills each row with that row's number modulo 251, so a test can tell
 * whether joined strips repeat, skip or blank a row.
 */
export function fakePng(width: number, height: number, top = 0): Buffer {
  return Buffer.from(`\x89PNG fake ${JSON.stringify({ width, height, top })}`, 'latin1');
}

const fakeRowValue = (row: number): number => row % 251;

class FakeNativeImage {
  constructor(
    readonly width: number,
    readonly height: number,
    private readonly bitmap: Buffer,
  ) {}

  getSize(): { width: number; height: number } {
    return { width: this.width, height: this.height };
  }

  toBitmap(): Buffer {
    return Buffer.from(this.bitmap);
  }

  /** A joined picture: `\x89PNG joined {size}\n` and the raw bitmap (read back with `fakeImageRows`). */
  toPNG(): Buffer {
    return Buffer.concat([Buffer.from(`\x89PNG joined ${JSON.stringify({ width: this.width, height: this.height })}\n`, 'latin1'), this.bitmap]);
  }
}

export const nativeImage = {
  createFromBuffer: vi.fn((buffer: Buffer): FakeNativeImage => {
    const match = /^\x89PNG fake (\{.*\})$/s.exec(buffer.toString('latin1'));
    if (!match?.[1]) throw new Error('not a fake PNG');
    const { width, height, top } = JSON.parse(match[1]) as { width: number; height: number; top: number };
    const bitmap = Buffer.alloc(width * height * 4);
    for (let row = 0; row < height; row++) bitmap.fill(fakeRowValue(top + row), row * width * 4, (row + 1) * width * 4);
    return new FakeNativeImage(width, height, bitmap);
  }),
  createFromBitmap: vi.fn((buffer: Buffer, options: { width: number; height: number }): FakeNativeImage => {
    if (buffer.length !== options.width * options.height * 4) throw new Error('bitmap size does not match width × height');
    return new FakeNativeImage(options.width, options.height, Buffer.from(buffer));
  }),
};

/** The size of a joined fake PNG and, per row, whether it shows the page row of that number (no repeat, gap or blank). */
export function fakeImageRows(png: Uint8Array): { width: number; height: number; rowsInOrder: boolean } {
  const bytes = Buffer.from(png);
  const newline = bytes.indexOf(0x0a);
  const match = /^\x89PNG joined (\{.*\})$/.exec(bytes.subarray(0, newline).toString('latin1'));
  if (!match?.[1]) throw new Error('not a joined fake PNG');
  const { width, height } = JSON.parse(match[1]) as { width: number; height: number };
  const bitmap = bytes.subarray(newline + 1);
  let rowsInOrder = bitmap.length === width * height * 4;
  for (let row = 0; rowsInOrder && row < height; row++) {
    const start = row * width * 4;
    rowsInOrder = bitmap.subarray(start, start + width * 4).every((value) => value === fakeRowValue(row));
  }
  return { width, height, rowsInOrder };
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
  /** Whether the window is on screen (show, showInactive, or created full screen). */
  visible = false;
  minimized = false;
  maximized = false;
  fullScreen = false;
  destroyed = false;
  /** The window's bounds in the normal state (what a maximized window returns to). */
  normalBounds: FakeRectangle;
  /** Like Electron's: showing a window also focuses it (makes it the key window on macOS). */
  readonly show = vi.fn(() => {
    this.visible = true;
    FakeBrowserWindow.focused = this;
  });
  /** Shows the window without focusing it. */
  readonly showInactive = vi.fn(() => {
    this.visible = true;
  });
  readonly setBackgroundColor = vi.fn((_color: string) => undefined);
  readonly minimize = vi.fn(() => {
    this.minimized = true;
  });
  readonly moveTop = vi.fn();
  readonly removeMenu = vi.fn();
  /**
   * Like Electron's: leaving or entering full screen is reported by an event (here at once). On
   * macOS a window entering full screen gets its own Space and becomes the key window.
   */
  readonly setFullScreen = vi.fn((on: boolean) => {
    if (on === this.fullScreen) return;
    this.fullScreen = on;
    if (on && process.platform === 'darwin') {
      this.visible = true;
      FakeBrowserWindow.focused = this;
    }
    this.emit(on ? 'enter-full-screen' : 'leave-full-screen');
  });

  /** Plays the user switching full screen outside the app (F11, the View menu, macOS's green button). */
  userSetsFullScreen(on: boolean): void {
    this.fullScreen = on;
    this.emit(on ? 'enter-full-screen' : 'leave-full-screen');
  }
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
    // Like Electron: a window created full screen is shown at once, whatever `show` says, and on
    // macOS takes the focus with it.
    if (this.fullScreen || options.show !== false) this.visible = true;
    if (this.fullScreen && process.platform === 'darwin') FakeBrowserWindow.focused = this;
    // Off-screen windows render at their own scale (1 unless set) and always produce frames;
    // others at their display's scale, and only once shown.
    const preferences = (options.webPreferences ?? {}) as { offscreen?: boolean | { deviceScaleFactor?: number } };
    const offscreenScale =
      preferences.offscreen === true ? 1 : typeof preferences.offscreen === 'object' ? (preferences.offscreen.deviceScaleFactor ?? 1) : null;
    this.webContents.debugger.scaleFactor = offscreenScale ?? screen.getDisplayMatching(this.normalBounds).scaleFactor ?? 1;
    this.webContents.debugger.producesFrames = () => offscreenScale !== null || this.visible;
    FakeBrowserWindow.all.push(this);
    app.emit('browser-window-created', {}, this);
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

  isVisible(): boolean {
    return this.visible;
  }

  isFocused(): boolean {
    return FakeBrowserWindow.focused === this;
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
  /** Device px per CSS px; 1 unless a test sets another (a HiDPI laptop: 2). */
  readonly scaleFactor?: number;
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
  /**
   * Like the Linux portal's, a test can answer with a name the user typed without the filter's
   * extension (`{ canceled: false, filePath: '/x/Plan' }`): the dialog's overwrite question only
   * saw that name.
   */
  showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<FakeSaveDialogResult> => ({ canceled: true, filePath: '' })),
  /** Answers with the cancel button (the second) unless a test says otherwise. */
  showMessageBox: vi.fn(async (..._args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> => ({
    response: 1,
    checkboxChecked: false,
  })),
  /** Synchronous and modal in Electron; callable before `ready`. */
  showErrorBox: vi.fn((_title: string, _content: string): void => undefined),
};

/** Electron's nativeTheme: what the app asks the system for, and what the system prefers. */
class FakeNativeTheme extends EventEmitter {
  themeSource: 'system' | 'light' | 'dark' = 'system';
  shouldUseDarkColors = false;
  shouldUseHighContrastColors = false;

  /** Plays the system switching its appearance. */
  systemChanges(change: { readonly dark?: boolean; readonly highContrast?: boolean }): void {
    if (change.dark !== undefined) this.shouldUseDarkColors = change.dark;
    if (change.highContrast !== undefined) this.shouldUseHighContrastColors = change.highContrast;
    this.emit('updated');
  }

  reset(): void {
    this.removeAllListeners();
    this.themeSource = 'system';
    this.shouldUseDarkColors = false;
    this.shouldUseHighContrastColors = false;
  }
}

const realPlatform = process.platform;

/** Runs the code under test as if on another system (`process.platform`); reset before every test. */
export function fakePlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

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
  readonly setAppUserModelId = vi.fn((_id: string) => undefined);
  /** Chromium's command line: the switches the app was started with (a test sets `switches`). */
  commandLine = FakeApp.newCommandLine();
  readonly hide = vi.fn();

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

  private static newCommandLine() {
    const switches = new Map<string, string>();
    return {
      switches,
      hasSwitch: vi.fn((name: string) => switches.has(name)),
      getSwitchValue: vi.fn((name: string) => switches.get(name) ?? ''),
      appendSwitch: vi.fn((name: string, value = '') => void switches.set(name, value)),
    };
  }

  reset(): void {
    this.removeAllListeners();
    this.commandLine = FakeApp.newCommandLine();
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

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

/** Electron's `protocol`: records the privileged schemes and the handlers, so a test can call one. */
class FakeProtocol {
  readonly handlers = new Map<string, ProtocolHandler>();
  readonly registerSchemesAsPrivileged = vi.fn((_schemes: { scheme: string; privileges: Record<string, boolean> }[]) => {
    if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
  });
  readonly handle = vi.fn((scheme: string, handler: ProtocolHandler) => {
    if (!app.isReady()) throw new Error('protocol.handle can only be used after app is ready');
    if (this.handlers.has(scheme)) throw new Error(`Protocol ${scheme} is already handled`);
    this.handlers.set(scheme, handler);
  });

  /** Plays a request the page makes, answered by the registered handler. */
  async fetch(url: string): Promise<Response> {
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`No handler for ${scheme}:`);
    return handler(new Request(url));
  }

  reset(): void {
    this.handlers.clear();
  }
}

export const app = new FakeApp();
export const protocol = new FakeProtocol();
export const screen = new FakeScreen();
export const ipcMain = new FakeIpcMain();
export const session = { defaultSession: new FakeSession() };
export const nativeTheme = new FakeNativeTheme();
export const contextBridge = new FakeContextBridge();
export const ipcRenderer = new FakeIpcRenderer();
export const BrowserWindow = FakeBrowserWindow;
export const Menu = FakeMenuModule;

/** Called before every test by the setup file: a fresh Electron for each test. */
export function resetElectronFake(): void {
  app.reset();
  ipcMain.handlers.clear();
  protocol.reset();
  session.defaultSession = new FakeSession();
  contextBridge.exposed.clear();
  ipcRenderer.reset();
  FakeBrowserWindow.all = [];
  FakeBrowserWindow.focused = null;
  FakeMenuModule.applicationMenu = null;
  screen.reset();
  nativeTheme.reset();
  fakePlatform(realPlatform);
  // Only the fake's own mocks: other tests' mocks are theirs to manage.
  for (const fake of [app, ipcMain, protocol, contextBridge, ipcRenderer, FakeMenuModule, screen, dialog, shell, webUtils, nativeImage])
    resetMocksOf(fake);
}

/** Forgets calls and any mockReturnValue a test set, back to the implementations given above. */
function resetMocksOf(fake: object): void {
  for (const value of Object.values(fake)) {
    if (vi.isMockFunction(value)) value.mockReset();
  }
}

const electron = {
  app,
  ipcMain,
  protocol,
  session,
  contextBridge,
  ipcRenderer,
  BrowserWindow,
  Menu,
  screen,
  dialog,
  shell,
  webUtils,
  nativeTheme,
  nativeImage,
};
export default electron;

/** The fake behind a window the code under test created (typed as Electron's BrowserWindow). */
export function fakeWindow(window: unknown): FakeBrowserWindow {
  if (!(window instanceof FakeBrowserWindow)) throw new TypeError('Not a window made by the Electron fake');
  return window;
}
