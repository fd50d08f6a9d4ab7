/**
 * Where the app's own page comes from: the bundled renderer on disk, or electron-vite's dev server
 * while developing. Windows load it, the security rules compare against it, and the IPC wrapper
 * accepts calls only from it.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app } from 'electron';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server URL electron-vite exports as ELECTRON_RENDERER_URL, or null.
 * A packaged app ignores the variable: otherwise anyone who can set an environment variable could
 * point the window, preload bridge included, at a page of their choosing. Only loopback http(s)
 * qualifies for the same reason.
 */
export function devServerUrl(): string | null {
  const candidate = process.env.ELECTRON_RENDERER_URL;
  if (app.isPackaged || !candidate) return null;
  const url = parseUrl(candidate);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !loopbackHosts.has(url.hostname)) return null;
  return url.href;
}

/** The bundled renderer, next to the built main process (out/main → out/renderer). */
export function rendererIndexPath(): string {
  return fileURLToPath(new URL('../renderer/index.html', import.meta.url));
}

/** The URL of the app's own page, as the window reports it once loaded. */
export function appPageUrl(): string {
  return devServerUrl() ?? pathToFileURL(rendererIndexPath()).href;
}

export function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
