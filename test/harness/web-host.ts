/**
 * The web test host: the built renderer and the API over HTTP on 127.0.0.1, locked by a token per run.
 * docs/security.md, "The web test host".
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { build } from 'esbuild';
import { apiVerbs, eventChannel, invokeChannel, type ApiEvent, type ApiEvents, type AudiencePlacement } from '../../core/api';
import type { AudienceView } from '../../core/audience';
import { createDemoSession } from '../../core/demo';
import { contentSecurityPolicy, pagePolicy } from '../../electron/content-security-policy';
import { createHandlers, dispatchCall, type Dialogs } from '../../electron/ipc/handlers';
import { PreferencesStore } from '../../electron/services/preferences';
import { MemoryPreferences } from '../../electron/services/preferences-memory';
import { SessionFiles } from '../../electron/services/session-files';
import { createRoomService, type RoomService } from '../../electron/services/room';
import { firstFramePages, type ControlPage } from '../../electron/services/first-frame';
import { createChromiumPrinter } from './chromium-printer';

export interface WebHostOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Preferences, the default sessions folder (`sessions/`) and the trash (`trash/`) live here. */
  readonly dataDir: string;
  /** The built phone app the room server serves (default: out/phone). */
  readonly phoneAppDir?: string;
  /** Start on a generated board of this many cards, saved as a session. */
  readonly demoCards?: number;
  /** Answers for the system dialogs (open, save as, choose folder, export) the host does not have; unanswered dialogs are cancelled. */
  readonly dialogs?: Partial<Dialogs>;
  /** The system locale the app should believe in, e.g. "de-DE". */
  readonly locale?: string;
  readonly rendererDir?: string;
  /**
   * Serve the page with its first frame, as the app does (default). The host has no window: the
   * frame is rendered for a window 1,080 CSS pixels tall, and "Like the system" as the light theme.
   */
  readonly firstFrame?: boolean;
  /** What openAudienceWindow answers: the host has no displays, so 'sameDisplay' unless told. */
  readonly audiencePlacement?: AudiencePlacement;
  /**
   * Where exports go: the host's stand-in for the export save dialog answers with the suggested
   * name in this folder (unless `dialogs.chooseExportPath` is given), so an export can be tried
   * in a browser. Without it, the export dialog is cancelled.
   */
  readonly exportDir?: string;
}

/**
 * The host's stand-ins for windows: the audience window is a second page of the same host at
 * `/?window=audience#audience` (its event stream is marked by web-bridge.ts); full screen is a flag.
 */
export interface WebHost {
  /** The page's URL with the run's token (`http://127.0.0.1:PORT/?token=…`): the way in. */
  readonly url: string;
  /** The audience window's page (`?window=audience…#audience`), with the token. */
  readonly audienceUrl: string;
  /** `http://127.0.0.1:PORT`, without the token. */
  readonly origin: string;
  /** What the last setFullScreen asked for. */
  readonly fullScreen: boolean;
  /** Whether the audience window counts as open (openAudienceWindow until closeAudienceWindow or its page leaves). */
  readonly audienceOpen: boolean;
  /** The last view showAudienceView received, as every audience page gets it. */
  readonly audienceView: AudienceView | null;
  /** The phones' room, as main runs it (on 127.0.0.1). */
  readonly room: RoomService;
  /** The files "Show in folder" asked the file manager to show, in order (the host has none). */
  readonly revealed: readonly string[];
  emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void;
  close(): Promise<void>;
}

const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const bridgePath = '/__host/bridge.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const rendererDir = resolve(options.rendererDir ?? join(projectRoot, 'out', 'renderer'));
  const indexHtml = await readFile(join(rendererDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(`No built renderer in ${rendererDir}. Run \`npm run build\` first.`);
  });
  // Deferred: it runs before the page's module scripts, as Electron's preload does, but without
  // holding up the parser (and with it the page's style sheet) while it is fetched.
  const page = indexHtml.replace('<head>', `<head>\n    <script defer src="${bridgePath}"></script>`);
  /** The page's policy, from the page as built (its own style sheet allowed by its hash). */
  const policy = pagePolicy(indexHtml);
  const bridge = await (bridgeBundle ??= bundleBridge());

  const preferences = new PreferencesStore(
    new MemoryPreferences(
      () => new Conf({ cwd: options.dataDir, configName: 'preferences', projectName: 'nahtstelle' }),
      join(options.dataDir, 'preferences.json'),
    ),
    join(options.dataDir, 'sessions'),
  );
  const trashFolder = join(options.dataDir, 'trash');
  const sessionFiles = new SessionFiles({
    folder: () => preferences.sessionsFolder,
    // The host's stand-in for the system trash: a folder, so tests can see what was deleted.
    trash: async (path) => {
      await mkdir(trashFolder, { recursive: true });
      await rename(path, join(trashFolder, `${Date.now()}-${basename(path)}`));
    },
  });
  // Before the handlers, as in the app: the last session is remembered when main starts, and read then.
  if (options.demoCards !== undefined) {
    const demo = await sessionFiles.create(createDemoSession(options.demoCards));
    preferences.setLastSession(demo.path);
  }
  const cancelled = async () => null;
  // Exports print with Debian's Chromium, as the app prints with Electron's (started on first use).
  const printer = createChromiumPrinter();
  let fullScreen = false;
  let audienceOpen = false;
  let audienceView: AudienceView | null = null;
  const revealed: string[] = [];
  const setAudienceOpen = (open: boolean): void => {
    if (open === audienceOpen) return;
    audienceOpen = open;
    emit('audienceWindow', { open });
  };
  // The room server on loopback, the one address the host offers: phones in tests are browser pages on this machine.
  const loopback = { name: 'lo', address: '127.0.0.1', kind: 'network', virtual: false, likely: true } as const;
  const room = createRoomService({
    phoneAppDir: () => resolve(options.phoneAppDir ?? join(projectRoot, 'out', 'phone')),
    addresses: () => ({ addresses: [loopback], preselected: loopback }),
    emit: (event, payload) => emit(event, payload),
  });
  const handlers = createHandlers({
    preferences,
    sessionFiles,
    systemLocale: () => options.locale ?? 'en-US',
    newSessionId: randomUUID,
    dialogs: {
      chooseSessionFile: options.dialogs?.chooseSessionFile ?? cancelled,
      chooseSaveAsPath: options.dialogs?.chooseSaveAsPath ?? cancelled,
      chooseFolder: options.dialogs?.chooseFolder ?? cancelled,
      chooseExportPath: options.dialogs?.chooseExportPath ?? (options.exportDir === undefined ? cancelled : exportInto(options.exportDir)),
      // The browser hands the page no file paths, so nothing dropped ever asks.
      confirmOpenFile: options.dialogs?.confirmOpenFile ?? (async () => false),
    },
    reveal: (path) => revealed.push(path),
    printer,
    audience: {
      open() {
        setAudienceOpen(true);
        return options.audiencePlacement ?? 'sameDisplay';
      },
      close: () => setAudienceOpen(false),
      show(view) {
        audienceView = view;
        emit('audienceView', view);
      },
    },
    // Like Electron's enter-/leave-full-screen, also at the page's own request.
    fullScreen: (on) => {
      if (on === fullScreen) return;
      fullScreen = on;
      emit('fullScreen', { on });
    },
    room,
  });

  const controlPage: ControlPage =
    options.firstFrame === false
      ? async (html) => html
      : firstFramePages({
          renderFile: join(projectRoot, 'out', 'first-frame', 'index.js'),
          prepareStartupState: () => handlers.prepareStartupState(),
          isStillPrepared: (startup) => handlers.isStillPrepared(startup),
          viewportHeight: () => 1080,
          shownTheme: (startup) => (startup.preferences.theme === 'system' ? 'light' : startup.preferences.theme),
          report: (error) => console.error('Web host: the first frame could not be rendered', error),
        });

  /** This run's secret: whoever has it may use the host; nobody else on the machine may. */
  const token = randomBytes(24).toString('base64url');
  let tokenCookie = '';

  const eventStreams = new Set<ServerResponse>();
  /** The event streams of audience pages: when the last one goes, the audience window has closed. */
  const audienceStreams = new Set<ServerResponse>();
  let origin = '';

  function emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void {
    const data = JSON.stringify({ channel: eventChannel(event), payload });
    // A stream whose page went away may end before its 'close' event removes it from the set.
    for (const stream of eventStreams) if (!stream.writableEnded && !stream.destroyed) stream.write(`data: ${data}\n\n`);
  }

  const server = createServer((request, response) => {
    void route(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', String(error));
      else response.end();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Only the page this host serves may call it: the same host name (no DNS rebinding) and origin.
    if (request.headers.host !== new URL(origin).host) return send(response, 403, 'text/plain', 'Forbidden host');
    const url = new URL(request.url ?? '/', origin);
    const path = url.pathname;
    const tokenInUrl = url.searchParams.get('token');
    if (!isToken(tokenInUrl) && !isToken(cookieOf(request, tokenCookie))) return send(response, 403, 'text/plain', 'Forbidden: no valid token');
    if (request.method === 'POST' && path === '/api/invoke') return invoke(request, response);
    if (request.method === 'GET' && path === '/api/events') {
      // EventSource sends no Origin to its own origin; any other page's would name itself.
      if (request.headers.origin !== undefined && request.headers.origin !== origin) return send(response, 403, 'text/plain', 'Forbidden origin');
      return openEventStream(response, url.searchParams.get('window') === 'audience');
    }
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Method not allowed');
    if (path === '/' || path === '/index.html') {
      // As in the app: the audience page (`?window=audience#audience`) never has the control window's first frame.
      const served = url.searchParams.get('window') === 'audience' ? page : await controlPage(page);
      // The token from the URL becomes a cookie, so the page's assets and API calls carry it too.
      return send(
        response,
        200,
        contentTypes['.html'],
        served,
        { 'set-cookie': `${tokenCookie}=${token}; HttpOnly; SameSite=Strict; Path=/` },
        policy,
      );
    }
    if (path === bridgePath) return send(response, 200, contentTypes['.js'], bridge);
    return serveFile(rendererDir, path, response);
  }

  async function invoke(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.origin !== origin) {
      return sendJson(response, { ok: false, error: { code: 'forbiddenSender', detail: `Origin ${request.headers.origin ?? 'none'}` } });
    }
    const body = await readBody(request);
    const call = parseCall(body);
    const verb = apiVerbs.find((v) => invokeChannel(v) === call?.channel) ?? call?.channel;
    sendJson(response, await dispatchCall(handlers, verb, call?.args));
  }

  function openEventStream(response: ServerResponse, audiencePage: boolean): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    eventStreams.add(response);
    // As main does once the audience window's page has loaded: the view as it is now.
    if (audienceView) response.write(`data: ${JSON.stringify({ channel: eventChannel('audienceView'), payload: audienceView })}\n\n`);
    if (audiencePage) audienceStreams.add(response);
    response.on('close', () => {
      eventStreams.delete(response);
      if (audienceStreams.delete(response) && audienceStreams.size === 0) setAudienceOpen(false);
    });
  }

  function isToken(candidate: string | null | undefined): boolean {
    if (typeof candidate !== 'string') return false;
    const given = Buffer.from(candidate);
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  await new Promise<void>((resolveListen) => server.listen(options.port, '127.0.0.1', resolveListen));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  // Per port: cookies do not tell ports apart, and a browser may hold pages of several hosts.
  tokenCookie = `nahtstelle-token-${port}`;

  return {
    url: `${origin}/?token=${token}`,
    audienceUrl: `${origin}/?window=audience&token=${token}#audience`,
    origin,
    get fullScreen() {
      return fullScreen;
    },
    get audienceOpen() {
      return audienceOpen;
    },
    get audienceView() {
      return audienceView;
    },
    revealed,
    room,
    emit,
    close: async () => {
      await room.stop();
      await new Promise<void>((resolveClose) => {
        for (const stream of eventStreams) stream.end();
        server.closeAllConnections();
        server.close(() => resolveClose());
      });
      await printer.close();
    },
  };
}

/**
 * The export save dialog's stand-in: the suggested name in `folder` (created if missing), as a
 * facilitator who presses Save would choose it. A name is never a path: separators are replaced.
 */
function exportInto(folder: string): Dialogs['chooseExportPath'] {
  return async (_kind, suggestedName) => {
    await mkdir(folder, { recursive: true });
    return join(resolve(folder), suggestedName.replace(/[\\/]/g, '-'));
  };
}

/** Bundled once per process: every host serves the same bridge. */
let bridgeBundle: Promise<string> | undefined;

async function bundleBridge(): Promise<string> {
  const result = await build({
    entryPoints: [join(projectRoot, 'test', 'harness', 'web-bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('The web bridge did not build');
  return output.text;
}

function parseCall(body: string): { channel: unknown; args: unknown } | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    return { channel: 'channel' in parsed ? parsed.channel : undefined, args: 'args' in parsed ? parsed.args : undefined };
  } catch {
    return undefined;
  }
}

async function serveFile(rootDir: string, urlPath: string, response: ServerResponse): Promise<void> {
  const filePath = resolve(rootDir, `.${decodeURIComponent(urlPath)}`);
  if (!filePath.startsWith(rootDir + sep)) return send(response, 404, 'text/plain', 'Not found');
  try {
    const body = await readFile(filePath);
    send(response, 200, contentTypes[extname(filePath)] ?? 'application/octet-stream', body);
  } catch {
    send(response, 404, 'text/plain', 'Not found');
  }
}

const maxBodyBytes = 64 * 1024 * 1024;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) request.destroy(new Error('Request too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The value of the cookie `name`, if the request carries it. */
function cookieOf(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string | undefined,
  body: string | Buffer,
  extraHeaders: Record<string, string> = {},
  policy = contentSecurityPolicy,
): void {
  response.writeHead(status, {
    ...extraHeaders,
    'content-type': contentType ?? 'application/octet-stream',
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  response.end(body);
}

function sendJson(response: ServerResponse, value: unknown): void {
  send(response, 200, contentTypes['.json'], JSON.stringify(value));
}
