/**
 * The `app://` protocol every window loads instead of `file:`.
 * docs/security.md, "The checklist: 20 of 20 enforced, 20 of 20 tested" (#18).
 */
import { randomUUID } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { appHost, appScheme, audienceWindowParameter, parseUrl, printHost, rendererDir } from './app-url';
import type { ControlPage } from './services/first-frame';
import { contentSecurityPolicy, pagePolicy } from './content-security-policy';

/** What the protocol answers: a status, headers and the body. */
export interface AppResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | string;
}

/** The only file types the renderer is built from; anything else is not served. */
export const appMimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface AppRequestOptions {
  /** The built renderer (out/renderer). */
  readonly root: string;
  /** The print page files registered now, by id (`publishPrintPage`). */
  readonly printPages?: ReadonlyMap<string, string>;
  /** The control window's page with its first frame; the audience window's page (`?window=audience`) never has one. */
  readonly controlPage?: ControlPage;
}

const notFound: AppResponse = {
  status: 404,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  body: 'Not found',
};

/**
 * The answer to one `app:` request. Only GET-like reads of files that really lie under `root`:
 * the path is decoded once, refused with `..`, a backslash or a NUL in it, resolved and
 * prefix-checked, and checked again after resolving symbolic links; anything else is 404.
 */
export async function answerAppRequest(url: string, options: AppRequestOptions): Promise<AppResponse> {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== `${appScheme}:`) return notFound;
  if (parsed.host === printHost) return answerPrintPage(parsed.pathname, options.printPages);
  if (parsed.host !== appHost) return notFound;

  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return notFound;
  }
  if (path === '/' || path === '') path = '/index.html';
  if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..')) return notFound;
  const type = appMimeTypes[extname(path).toLowerCase()];
  if (!type) return notFound;

  const root = resolve(options.root);
  const file = resolve(root, `.${path}`);
  if (!file.startsWith(root + sep)) return notFound;
  try {
    // A symbolic link inside the renderer folder must not lead out of it.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!realFile.startsWith(realRoot + sep)) return notFound;
    const content = await readFile(realFile);
    if (type !== appMimeTypes['.html']) return { status: 200, headers: pageHeaders(type, contentSecurityPolicy), body: content };
    // The policy allows the page's own style sheet, as built: taken before the first frame goes in.
    const page = content.toString('utf8');
    const body = options.controlPage && isControlPage(path, parsed) ? await options.controlPage(page) : page;
    return { status: 200, headers: pageHeaders(type, pagePolicy(page)), body };
  } catch {
    return notFound;
  }
}

/** The control window's page: index.html, but not the audience window's (which loads it with `?window=audience`). */
function isControlPage(path: string, url: URL): boolean {
  return path === '/index.html' && url.searchParams.get('window') !== audienceWindowParameter;
}

async function answerPrintPage(pathname: string, printPages: ReadonlyMap<string, string> | undefined): Promise<AppResponse> {
  const file = printPages?.get(pathname.slice(1));
  if (file === undefined) return notFound;
  try {
    // No policy header: the page carries the export's own in its meta tag (core/export), which the
    // exports may change; the print window runs no JavaScript at all.
    return { status: 200, headers: pageHeaders(appMimeTypes['.html'] ?? 'text/html', null), body: await readFile(file) };
  } catch {
    return notFound;
  }
}

function pageHeaders(type: string, policy: string | null): Record<string, string> {
  return {
    'content-type': type,
    ...(policy === null ? {} : { 'content-security-policy': policy }),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
}

/** Print pages being printed now: id → the temp file holding the page. */
const printPages = new Map<string, string>();
/** The print pages published now (read-only), for the protocol's handler and tests. */
export const publishedPrintPages: ReadonlyMap<string, string> = printPages;

/**
 * Makes the page in `file` loadable at an `app://print/<id>` URL until `remove` is called: the
 * print window loads it from there, not from `file:` (which the app refuses).
 */
export function publishPrintPage(file: string): { readonly url: string; remove(): void } {
  const id = randomUUID();
  printPages.set(id, file);
  return { url: `${appScheme}://${printHost}/${id}`, remove: () => printPages.delete(id) };
}

/**
 * Registers `app:` as a standard, secure scheme (own origin, a secure context, so `'self'` in the
 * CSP means `app://nahtstelle`), with V8's code cache: from the second start on, the window reuses
 * the compiled app instead of compiling its 640 KB again (docs/performance.md, "Issue #18").
 * Electron allows this only before `ready`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, codeCache: true } }]);
}

/** Answers `app:` requests in the default session; call once the app is ready. */
export function handleAppProtocol({ controlPage, root = rendererDir() }: { controlPage?: ControlPage; root?: string } = {}): void {
  protocol.handle(appScheme, async (request) => {
    const answer = await answerAppRequest(request.url, { root, printPages, controlPage });
    return new Response(typeof answer.body === 'string' ? answer.body : new Uint8Array(answer.body), {
      status: answer.status,
      headers: answer.headers,
    });
  });
}
