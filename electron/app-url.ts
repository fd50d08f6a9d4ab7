/** Where the app's own page is: the bundled renderer at `app://nahtstelle/index.html`. docs/ARCHITECTURE.md, "Security baseline". */
import { fileURLToPath } from 'node:url';

/** The app's own scheme; `file:` is never loaded. */
export const appScheme = 'app';
/** The host of the renderer's files: `app://nahtstelle/`. */
export const appHost = 'nahtstelle';
/** The host of the pages the exports print: another origin than the app's page. */
export const printHost = 'print';

/** The bundled renderer folder, next to the built main process (out/main → out/renderer). */
export function rendererDir(): string {
  return fileURLToPath(new URL('../renderer', import.meta.url));
}

/** The built phone app (out/phone), which the room server serves to the phones in the room. */
export function phoneAppDir(): string {
  return fileURLToPath(new URL('../phone', import.meta.url));
}

/** The built first frame's render (out/main → out/first-frame), which main loads to serve the control page. */
export function firstFrameRenderFile(): string {
  return fileURLToPath(new URL('../first-frame/index.js', import.meta.url));
}

/** `window=` this marks the audience window's page: served as built, never with the control window's first frame. */
export const audienceWindowParameter = 'audience';

/** The audience window's page: the app's page, marked, with `#audience` for the renderer. */
export function audiencePageUrl(): string {
  return `${appPageUrl()}?window=${audienceWindowParameter}#audience`;
}

/** The URL of the app's own page, as the window reports it once loaded. */
export function appPageUrl(): string {
  return `${appScheme}://${appHost}/index.html`;
}

export function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
