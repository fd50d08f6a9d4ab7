/**
 * Where the app's own page comes from: the bundled renderer on disk, loaded from file:. There is
 * no dev server (`npm start` runs the production build), so nothing here reads
 * ELECTRON_RENDERER_URL. Windows load this page, the security rules compare against it, and the
 * IPC wrapper accepts calls only from it.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The bundled renderer, next to the built main process (out/main → out/renderer). */
export function rendererIndexPath(): string {
  return fileURLToPath(new URL('../renderer/index.html', import.meta.url));
}

/** The URL of the app's own page, as the window reports it once loaded. */
export function appPageUrl(): string {
  return pathToFileURL(rendererIndexPath()).href;
}

export function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
