/**
 * The app's printer with Electron faked: what window it prints in (the security baseline, no
 * JavaScript, no preload), what it asks printToPDF and the DevTools protocol for, and that the
 * window and the temp file are gone afterwards — also when printing fails or hangs.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerAppRequest, publishedPrintPages } from '../../../electron/app-protocol';
import { headerFooter } from '../../../electron/export/print-page';
import { createElectronPrinter, imageSize, imageTiles, maxImagePixels, pdfOptions } from '../../../electron/export/printer';
import { app, FakeBrowserWindow, FakeEvent, fakeDisplay, fakeImageRows, fakePng, nativeImage, screen, type FakeWebContents } from '../fakes/electron';

const page = '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Kick-off</title></head><body><h1>Kick-off Müller</h1></body></html>';
const frame = { title: 'Kick-off Müller GmbH', date: '4. März 2027', language: 'de' as const };

let temp: string;
/** Every print window, in the order created, with what it had loaded when it printed. */
let windows: { window: FakeBrowserWindow; contents: FakeWebContents; loaded: { url: string; html: string }[] }[];
/** Set by a test before printing: how the next window's webContents should behave. */
let prepare: (contents: FakeWebContents) => void;

beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'nahtstelle-printer-'));
  windows = [];
  prepare = () => undefined;
  app.on('web-contents-created', (_event: unknown, contents: FakeWebContents) => {
    const window = FakeBrowserWindow.all.find((candidate) => candidate.webContents === contents);
    if (!window) return;
    const entry = { window, contents, loaded: [] as { url: string; html: string }[] };
    windows.push(entry);
    // Loads as Electron would: through the app: protocol's answer (the real handler is not registered here).
    contents.loadURL.mockImplementation(async (url: string) => {
      contents.mainFrame.url = url;
      const answer = await fetchPrintPage(url);
      if (answer === null) throw new Error(`ERR_FILE_NOT_FOUND ${url}`);
      entry.loaded.push({ url, html: answer });
    });
    prepare(contents);
  });
});

afterEach(async () => {
  await rm(temp, { recursive: true, force: true });
});

/** The page the app: protocol serves at a print URL now (null: 404), read through publishPrintPage's registry. */
async function fetchPrintPage(url: string): Promise<string | null> {
  const answer = await answerAppRequest(url, { root: temp, printPages: publishedPrintPages });
  return answer.status === 200 ? (typeof answer.body === 'string' ? answer.body : new TextDecoder().decode(answer.body)) : null;
}

function only(): (typeof windows)[number] {
  expect(windows).toHaveLength(1);
  const [entry] = windows;
  if (!entry) throw new Error('no print window');
  return entry;
}

/** The clips of every picture the print window was asked for, in order. */
function captureClips(): unknown[] {
  return only()
    .contents.debugger.sendCommand.mock.calls.filter(([method]) => method === 'Page.captureScreenshot')
    .map(([, params]) => (params as { clip: unknown }).clip);
}

async function expectCleanedUp(): Promise<void> {
  const { window } = only();
  expect(window.destroy).toHaveBeenCalled();
  expect(window.isDestroyed()).toBe(true);
  expect(FakeBrowserWindow.all).toEqual([]);
  expect(await readdir(temp)).toEqual([]);
}

describe('the print window', () => {
  it('is hidden, sandboxed, isolated, without Node, preload or JavaScript', async () => {
    await createElectronPrinter({ tempFolder: temp }).pdf(page, frame);
    const { window } = only();
    expect(window.options.show).toBe(false);
    const preferences = window.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      javascript: false,
    });
    expect(preferences).not.toHaveProperty('preload');
  });

  it('loads exactly the HTML through the app: protocol (app://print/<id>), never from file:', async () => {
    await createElectronPrinter({ tempFolder: temp }).pdf(page, frame);
    const { contents, loaded } = only();
    expect(contents.loadFile).not.toHaveBeenCalled();
    expect(loaded).toHaveLength(1);
    expect(loaded[0]?.url).toMatch(/^app:\/\/print\/[0-9a-f-]{36}$/);
    expect(loaded[0]?.html).toBe(page);
    // Served only while it prints.
    expect(await fetchPrintPage(loaded[0]?.url ?? '')).toBeNull();
  });

  it('may not navigate anywhere, not even to its own file, nor open windows or webviews', async () => {
    const refused: boolean[] = [];
    let opened: unknown;
    // Tried while the page is there, just before it is printed.
    prepare = (contents) =>
      contents.printToPDF.mockImplementationOnce(async () => {
        refused.push(contents.navigate('will-navigate', 'https://example.com/').defaultPrevented);
        refused.push(contents.navigate('will-redirect', 'file:///etc/passwd').defaultPrevented);
        refused.push(contents.navigate('will-navigate', contents.getURL()).defaultPrevented);
        const webview = new FakeEvent('file:///tmp/other.html');
        contents.emit('will-attach-webview', webview);
        refused.push(webview.defaultPrevented);
        opened = contents.windowOpenHandler?.({ url: 'https://example.com/' });
        return Buffer.from('%PDF');
      });
    await createElectronPrinter({ tempFolder: temp }).pdf(page, frame);
    expect(only().contents.getURL()).toMatch(/^app:\/\/print\//);
    expect(refused).toEqual([true, true, true, true]);
    expect(opened).toEqual({ action: 'deny' });
  });
});

describe('pdf', () => {
  it('prints A4 with backgrounds, tagged, header with title and day, footer with page numbers', async () => {
    const bytes = await createElectronPrinter({ tempFolder: temp }).pdf(page, frame);
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.7 fake');
    const { contents } = only();
    expect(contents.printToPDF).toHaveBeenCalledExactlyOnceWith({
      pageSize: 'A4',
      printBackground: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      displayHeaderFooter: true,
      ...headerFooter(frame),
    });
    const options = contents.printToPDF.mock.calls[0]?.[0] ?? {};
    expect(options.headerTemplate).toContain('Kick-off Müller GmbH');
    expect(options.headerTemplate).toContain('4. März 2027');
    expect(options.footerTemplate).toMatch(/Seite <span class="pageNumber"><\/span> von <span class="totalPages"><\/span>/);
  });

  it('prints the handout (no frame) without header and footer', async () => {
    await createElectronPrinter({ tempFolder: temp }).pdf(page, null);
    expect(only().contents.printToPDF).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ pageSize: 'A4', displayHeaderFooter: false }));
    expect(pdfOptions(null)).not.toHaveProperty('headerTemplate');
  });

  it('destroys the window and removes the temp file after printing', async () => {
    await createElectronPrinter({ tempFolder: temp }).pdf(page, frame);
    await expectCleanedUp();
  });

  it('cleans up when printing fails, and passes the failure on', async () => {
    prepare = (contents) => contents.printToPDF.mockRejectedValueOnce(new Error('Printing failed'));
    await expect(createElectronPrinter({ tempFolder: temp }).pdf(page, frame)).rejects.toThrow('Printing failed');
    await expectCleanedUp();
  });

  it('cleans up when the page does not load', async () => {
    prepare = (contents) => contents.loadURL.mockRejectedValueOnce(new Error('ERR_FILE_NOT_FOUND'));
    await expect(createElectronPrinter({ tempFolder: temp }).pdf(page, frame)).rejects.toThrow('ERR_FILE_NOT_FOUND');
    await expectCleanedUp();
  });

  it('gives up on a page that never loads, and cleans up', async () => {
    prepare = (contents) => contents.loadURL.mockImplementationOnce(() => new Promise<void>(() => undefined));
    await expect(createElectronPrinter({ tempFolder: temp, timeoutMs: 30 }).pdf(page, frame)).rejects.toThrow(/longer than/);
    await expectCleanedUp();
  });

  it('prints each page in a window of its own', async () => {
    const printer = createElectronPrinter({ tempFolder: temp });
    await Promise.all([printer.pdf(page, frame), printer.pdf(page, null)]);
    expect(windows).toHaveLength(2);
    expect(windows.every(({ window }) => window.isDestroyed())).toBe(true);
    expect(await readdir(temp)).toEqual([]);
  });
});

describe('header and footer', () => {
  it('escape the title: it is the facilitator’s text, rendered as HTML by Chromium', () => {
    const { headerTemplate } = headerFooter({ title: '<img src=x onerror=alert(1)> & "Q3"', date: '', language: 'en' });
    expect(headerTemplate).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Q3&quot;');
    expect(headerTemplate).not.toContain('<img');
  });

  it('speak the language of the summary', () => {
    expect(headerFooter({ ...frame, language: 'en' }).footerTemplate).toMatch(
      /^<div[^>]*>Page <span class="pageNumber"><\/span> of <span class="totalPages"><\/span><\/div>$/,
    );
    expect(headerFooter(frame).footerTemplate).toContain('Seite');
  });

  it('leave the day out when the session has none', () => {
    expect(headerFooter({ ...frame, date: '' }).headerTemplate.match(/<span/g)).toHaveLength(1);
  });
});

describe('png', () => {
  it('measures the whole page and photographs all of it over the DevTools protocol, then detaches', async () => {
    const bytes = await createElectronPrinter({ tempFolder: temp }).png(page);
    // One strip: its PNG as the protocol gave it.
    expect(Buffer.from(bytes)).toEqual(fakePng(1500, 2400));
    const { contents } = only();
    const protocol = contents.debugger;
    expect(protocol.attach).toHaveBeenCalledOnce();
    expect(protocol.sendCommand.mock.calls.map(([method]) => method)).toEqual(['Page.getLayoutMetrics', 'Page.captureScreenshot']);
    expect(protocol.sendCommand).toHaveBeenLastCalledWith('Page.captureScreenshot', {
      format: 'png',
      captureBeyondViewport: true,
      clip: { x: 0, y: 0, width: 1500, height: 2400, scale: 1 },
    });
    expect(protocol.isAttached()).toBe(false);
    await expectCleanedUp();
  });

  it('never takes a picture larger than the limits', async () => {
    prepare = (contents) => {
      contents.debugger.contentSize = { width: 30_000.4, height: 90_000 };
    };
    // 8000 × 6250 px would be 200 MB of bitmap: the strips stop at joining, the test checks what was asked for.
    nativeImage.createFromBuffer.mockImplementation(
      () => ({ getSize: () => ({ width: 8000, height: 0 }), toBitmap: () => Buffer.alloc(0) }) as never,
    );
    await expect(createElectronPrinter({ tempFolder: temp }).png(page)).rejects.toThrow(/not 8000 px wide at scale 1/);
    const clips = captureClips();
    // imageLimits' width, and no more than maxImagePixels: 8000 × 6250.
    expect(clips).toEqual([
      { x: 0, y: 0, width: 8000, height: 4096, scale: 1 },
      { x: 0, y: 4096, width: 8000, height: 2154, scale: 1 },
    ]);
  });

  it('photographs in an off-screen window at scale 1, also on a HiDPI display', async () => {
    screen.displays = [{ ...fakeDisplay(1, 0, 0, 2880, 1800), scaleFactor: 2 }];
    const bytes = await createElectronPrinter({ tempFolder: temp }).png(page);
    expect(Buffer.from(bytes)).toEqual(fakePng(1500, 2400));
    expect(only().window.options.webPreferences).toMatchObject({ offscreen: { deviceScaleFactor: 1 }, javascript: false, sandbox: true });
    expect(only().window.options.show).toBe(false);
  });

  it('prints PDFs in a hidden window, not an off-screen one', async () => {
    await createElectronPrinter({ tempFolder: temp }).pdf(page, frame);
    expect(only().window.options.webPreferences).not.toHaveProperty('offscreen');
  });

  it('photographs a tall board in strips and joins them: every row once, in order, none blank', async () => {
    prepare = (contents) => {
      contents.debugger.contentSize = { width: 12, height: 10_000.5 };
    };
    const bytes = await createElectronPrinter({ tempFolder: temp }).png(page);
    const clips = captureClips();
    expect(clips).toEqual([
      { x: 0, y: 0, width: 12, height: 4096, scale: 1 },
      { x: 0, y: 4096, width: 12, height: 4096, scale: 1 },
      { x: 0, y: 8192, width: 12, height: 1809, scale: 1 },
    ]);
    expect(fakeImageRows(bytes)).toEqual({ width: 12, height: 10_001, rowsInOrder: true });
    await expectCleanedUp();
  });

  it('detaches and cleans up when the picture fails', async () => {
    prepare = (contents) => contents.debugger.sendCommand.mockRejectedValueOnce(new Error('Target closed'));
    await expect(createElectronPrinter({ tempFolder: temp }).png(page)).rejects.toThrow('Target closed');
    expect(only().contents.debugger.isAttached()).toBe(false);
    await expectCleanedUp();
  });
});

describe('imageTiles (the strips a picture is taken in)', () => {
  it('covers the height from the top, in order, without gap or overlap, none taller than the strip height', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40_000 }), fc.integer({ min: 16, max: 20_000 }), (height, tileHeight) => {
        const tiles = imageTiles(height, tileHeight);
        let next = 0;
        for (const tile of tiles) {
          // Plain checks in the loop: thousands of strips per case.
          if (tile.y !== next || tile.height < 1 || tile.height > tileHeight) return false;
          next += tile.height;
        }
        return next === height && tiles.length === Math.ceil(height / tileHeight);
      }),
    );
  });

  it('takes a board of up to 4096 px in one picture, and stays far below the GPU’s 16,384 px by default', () => {
    expect(imageTiles(4096)).toEqual([{ y: 0, height: 4096 }]);
    expect(imageTiles(4097)).toEqual([
      { y: 0, height: 4096 },
      { y: 4096, height: 1 },
    ]);
    expect(Math.max(...imageTiles(16_000).map((tile) => tile.height))).toBeLessThan(16_384 / 2);
  });

  it('refuses an empty picture or strip', () => {
    expect(() => imageTiles(0)).toThrow(RangeError);
    expect(() => imageTiles(10, 0)).toThrow(RangeError);
  });
});

describe('imageSize', () => {
  it('rounds up to whole px, at least 1, within the limits and the pixel budget', () => {
    expect(imageSize({ width: 1499.2, height: 2399.5 })).toEqual({ width: 1500, height: 2400 });
    expect(imageSize({ width: 0, height: 0 })).toEqual({ width: 1, height: 1 });
    expect(imageSize({ width: 8000, height: 16_000 })).toEqual({ width: 8000, height: maxImagePixels / 8000 });
    expect(imageSize({ width: 2000, height: 90_000 })).toEqual({ width: 2000, height: 16_000 });
  });
});
