/**
 * The app's printer: Electron's Chromium prints an export's page in a hidden window without JavaScript.
 * docs/summaries.md, "Exporting from the app".
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nativeImage, type BrowserWindow, type PrintToPDFOptions, type WebContents } from 'electron';
import { publishPrintPage } from '../app-protocol';
import { createPrintWindow } from '../windows';
import { headerFooter, imageLimits, imageViewport, printViewport, type PageFrame, type Printer } from './print-page';

/** How long one page may take to load and print before it is given up. */
export const printTimeoutMs = 60_000;

export interface ElectronPrinterOptions {
  /** Where the temp folders go; the system's temp folder by default. */
  readonly tempFolder?: string;
  readonly timeoutMs?: number;
}

export function createElectronPrinter(options: ElectronPrinterOptions = {}): Printer {
  const timeoutMs = options.timeoutMs ?? printTimeoutMs;
  const tempFolder = options.tempFolder ?? tmpdir();
  return {
    pdf: (html, frame) =>
      withPage(html, printViewport, false, tempFolder, timeoutMs, async (contents) => new Uint8Array(await contents.printToPDF(pdfOptions(frame)))),
    png: (html) => withPage(html, imageViewport, true, tempFolder, timeoutMs, capture),
  };
}

/** What `printToPDF` is asked for. */
export function pdfOptions(frame: PageFrame | null): PrintToPDFOptions {
  return {
    pageSize: 'A4',
    printBackground: true,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
    ...(frame ? { displayHeaderFooter: true, ...headerFooter(frame) } : { displayHeaderFooter: false }),
  };
}

/** Loads `html` in a new hidden print window, runs `work` on it, and always cleans up after. */
async function withPage<T>(
  html: string,
  viewport: { readonly width: number; readonly height: number },
  offscreen: boolean,
  tempFolder: string,
  timeoutMs: number,
  work: (contents: WebContents) => Promise<T>,
): Promise<T> {
  const folder = await mkdtemp(join(tempFolder, 'nahtstelle-print-'));
  let window: BrowserWindow | undefined;
  try {
    const file = join(folder, 'page.html');
    await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
    const printWindow = createPrintWindow(viewport, { offscreen });
    window = printWindow;
    return await withTimeout(
      (async () => {
        // Served as app://print/<id> (another origin than the app's page): the app loads no file: URL.
        const published = publishPrintPage(file);
        try {
          await printWindow.loadURL(published.url);
        } finally {
          published.remove();
        }
        return work(printWindow.webContents);
      })(),
      timeoutMs,
    );
  } finally {
    if (window && !window.isDestroyed()) window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}

interface LayoutMetrics {
  readonly cssContentSize: { readonly width: number; readonly height: number };
}

/** The tallest strip taken in one picture, in CSS px (= device px at scale 1): a quarter of the GPU's 16,384 limit. */
export const imageTileHeight = 4096;
/** The most pixels one picture may hold (≈ 200 MB as a bitmap while the strips are joined); a larger page is cut at the bottom. */
export const maxImagePixels = 50_000_000;

export interface ImageTile {
  readonly y: number;
  readonly height: number;
}

/** The size of the picture of a page of `content` CSS px: whole px, at least 1, within `imageLimits` and `maxImagePixels`. */
export function imageSize(content: { readonly width: number; readonly height: number }): { readonly width: number; readonly height: number } {
  const width = Math.max(1, Math.min(Math.ceil(content.width), imageLimits.width));
  const height = Math.max(1, Math.min(Math.ceil(content.height), imageLimits.height, Math.floor(maxImagePixels / width)));
  return { width, height };
}

/** Horizontal strips covering `height` px from the top, in order, each at most `tileHeight` tall, without gap or overlap. */
export function imageTiles(height: number, tileHeight = imageTileHeight): ImageTile[] {
  if (!Number.isInteger(height) || height < 1) throw new RangeError(`An image must be at least 1 px tall, not ${height}`);
  if (!Number.isInteger(tileHeight) || tileHeight < 1) throw new RangeError(`A strip must be at least 1 px tall, not ${tileHeight}`);
  const tiles: ImageTile[] = [];
  for (let y = 0; y < height; y += tileHeight) tiles.push({ y, height: Math.min(tileHeight, height - y) });
  return tiles;
}

/** A PNG of the whole page, up to `imageSize`, taken strip by strip. */
async function capture(contents: WebContents): Promise<Uint8Array> {
  const protocol = contents.debugger;
  protocol.attach('1.3');
  try {
    const metrics = (await protocol.sendCommand('Page.getLayoutMetrics')) as LayoutMetrics;
    const { width, height } = imageSize(metrics.cssContentSize);
    const strips: Buffer[] = [];
    for (const tile of imageTiles(height)) {
      const shot = (await protocol.sendCommand('Page.captureScreenshot', {
        format: 'png',
        captureBeyondViewport: true,
        clip: { x: 0, y: tile.y, width, height: tile.height, scale: 1 },
      })) as { readonly data: string };
      strips.push(Buffer.from(shot.data, 'base64'));
    }
    const [only] = strips;
    if (strips.length === 1 && only) return new Uint8Array(only);
    return new Uint8Array(joinStrips(strips, width, height));
  } finally {
    if (protocol.isAttached()) protocol.detach();
  }
}

/** The strips' PNGs one under the other, as one PNG: their bitmaps' rows follow each other. */
function joinStrips(strips: readonly Buffer[], width: number, height: number): Buffer {
  const bitmaps = strips.map((png, index) => {
    const image = nativeImage.createFromBuffer(png);
    const size = image.getSize();
    // Any other size (a scale factor other than 1) would shift every later strip.
    if (size.width !== width || size.height !== Math.min(imageTileHeight, height - index * imageTileHeight)) {
      throw new Error(`Strip ${index + 1} of the picture is ${size.width}×${size.height} px, not ${width} px wide at scale 1`);
    }
    return image.toBitmap();
  });
  return nativeImage.createFromBitmap(Buffer.concat(bitmaps), { width, height }).toPNG();
}

/** `work`, or a failure once `ms` have passed (the caller then destroys the window). */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Printing took longer than ${ms / 1000} s and was stopped`)), ms);
  });
  // A page given up on may still fail later, when its window is destroyed: that is no news.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
