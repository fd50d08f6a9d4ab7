/**
 * The web test host's printer: the command line's Chromium printer (electron/cli/chromium.ts),
 * with Debian's Chromium — so the tests print exactly as `npm run cli -- export` does.
 */
import { createChromiumPrinter as createPrinter, type ChromiumPrinter } from '../../electron/cli/chromium';

export type { ChromiumPrinter };

export function createChromiumPrinter(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): ChromiumPrinter {
  return createPrinter(executablePath);
}
