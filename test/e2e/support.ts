/** Shared E2E plumbing: system Chromium via playwright-core, a fresh web test host per test. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Preferences } from '../../core/api';
import { startWebHost, type WebHost, type WebHostOptions } from '../harness/web-host';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * One Chromium per test file; boards opened with `open` are closed after each test, and a test
 * fails if its page logged an error or a failed request (a user would have seen breakage), or if
 * any page of a board (the control window, an audience page) requested anything outside the
 * board's own origin: the app is offline and must stay so.
 */
export function useBoards(): { open(options?: BoardOptions): Promise<BoardPage>; browser(): Browser; tempDir(name: string): Promise<string> } {
  let browser: Browser | undefined;
  const opened: BoardPage[] = [];
  const tempDirs: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const boards = opened.splice(0);
    for (const board of boards) await board.close();
    // Only once the boards (and their hosts, which may still be saving) are closed.
    for (const dir of tempDirs.splice(0)) await removeDir(dir);
    expect(boards.flatMap((board) => board.errors)).toEqual([]);
    expect(boards.flatMap((board) => board.requests.filter((url) => !onOwnOrigin(url, board.host.url)))).toEqual([]);
  });
  const started = (): Browser => {
    if (!browser) throw new Error('Chromium is not running yet');
    return browser;
  };
  return {
    browser: started,
    async open(options) {
      const board = await openBoard(started(), options);
      opened.push(board);
      return board;
    },
    /** A data folder for this test (`dataDir` of a board), removed after the test's boards have closed. */
    async tempDir(name) {
      const dir = await mkdtemp(join(tmpdir(), `nahtstelle-e2e-${name}-`));
      tempDirs.push(dir);
      return dir;
    },
  };
}

/** Same origin as the board's host; `data:` and `blob:` URLs are made in the page, not fetched. */
export function onOwnOrigin(url: string, hostUrl: string): boolean {
  const { protocol, origin } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || origin === new URL(hostUrl).origin;
}

/**
 * Removes a test's data folder. Retried, as Node's rm allows: a host closed a moment ago may still
 * be finishing a write into it (ENOTEMPTY).
 */
export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

export interface BoardPage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly host: Pick<WebHost, 'url' | 'audienceUrl' | 'close'>;
  /** The web host this board started (not for a board opened on a given `url`): its window stand-ins. */
  readonly webHost: WebHost | null;
  readonly dataDir: string;
  /** Every URL any page of the board's context requested (control and audience pages), to prove they stay on their origin. */
  readonly requests: string[];
  /** Uncaught page errors and console errors, which a user would experience as breakage. */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface BoardOptions {
  readonly locale?: string;
  readonly demoCards?: number;
  readonly dataDir?: string;
  readonly hasTouch?: boolean;
  /** The window's size in CSS pixels (default 1920×1080, a projector) and its device scale factor. */
  readonly viewport?: { readonly width: number; readonly height: number };
  readonly deviceScaleFactor?: number;
  /** Lets a test inject a checker script (axe-core) past the page's CSP; never used to test behaviour. */
  readonly bypassCSP?: boolean;
  /** 'board' (default) creates a blank session through the start screen; 'library' stays there. */
  readonly startOn?: 'board' | 'library';
  /** Answers for the system dialogs (open, save as, choose folder) the web host does not have. */
  readonly dialogs?: WebHostOptions['dialogs'];
  /** An already running host (e.g. a child process) to open instead of starting one. */
  readonly url?: string;
  /** Where the web host's export save dialog writes (see WebHostOptions.exportDir). */
  readonly exportDir?: string;
  /** The phone app the room server serves (see WebHostOptions.phoneAppDir). */
  readonly phoneAppDir?: string;
}

export async function openBoard(browser: Browser, options: BoardOptions = {}): Promise<BoardPage> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'nahtstelle-e2e-')));
  const webHost = options.url
    ? null
    : await startWebHost({
        port: 0,
        dataDir,
        demoCards: options.demoCards,
        locale: options.locale ?? 'en-US',
        dialogs: options.dialogs,
        exportDir: options.exportDir,
        phoneAppDir: options.phoneAppDir,
      });
  const host: Pick<WebHost, 'url' | 'audienceUrl' | 'close'> = webHost ?? {
    url: options.url ?? '',
    audienceUrl: options.url ? audienceUrlOf(options.url) : '',
    close: async () => undefined,
  };
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1920, height: 1080 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: options.locale ?? 'en-US',
    hasTouch: options.hasTouch ?? false,
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  // On the context: audience pages opened in it are covered too.
  context.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(host.url);
  await appLive(page);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  if ((options.startOn ?? 'board') === 'board' && options.demoCards === undefined) await createSessionFromLibrary(page, {});
  if ((options.startOn ?? 'board') === 'board') await page.getByRole('region', { name: 'Marketing' }).waitFor();
  let closed = false;
  return {
    page,
    context,
    host,
    webHost,
    dataDir,
    requests,
    errors,
    async close() {
      if (closed) return;
      closed = true;
      await context.close();
      await host.close();
      if (!options.dataDir) await removeDir(dataDir);
    },
  };
}

/** The audience page of a host served elsewhere: the control page's URL, marked as the audience window's. */
function audienceUrlOf(url: string): string {
  const audience = new URL(url);
  audience.searchParams.set('window', 'audience');
  audience.hash = 'audience';
  return audience.href;
}

/**
 * A preference as main has written it to disk (null while the file is not there). A choice in the UI
 * reaches main by a call the UI does not wait for: poll this before a reload or close that needs it.
 */
export async function savedPreference(board: Pick<BoardPage, 'dataDir'>, key: keyof Preferences): Promise<unknown> {
  const text = await readFile(join(board.dataDir, 'preferences.json'), 'utf8').catch(() => null);
  return text === null ? null : ((JSON.parse(text) as Partial<Preferences>)[key] ?? null);
}

/**
 * Waits until the app has rendered over the page's first frame (main.tsx): until then the page is a
 * picture of the board (`inert`), which takes no clicks or keys. docs/ARCHITECTURE.md, "The first frame".
 */
export async function appLive(page: Page): Promise<void> {
  await page.locator('#root:not([inert])').waitFor({ state: 'attached' });
}

/** Start screen → "New session" → fill what is given → create; the board opens. */
export async function createSessionFromLibrary(
  page: Page,
  details: { title?: string; client?: string; date?: string; place?: string },
): Promise<void> {
  await page.getByRole('button', { name: /^(New session|Neue Sitzung)$/ }).click();
  const dialog = page.getByRole('dialog');
  const fields: [keyof typeof details, RegExp][] = [
    ['title', /^(Title|Titel)$/],
    ['client', /^(Client \/ company|Kunde \/ Unternehmen)$/],
    ['date', /^(Date|Datum)$/],
    ['place', /^(Place|Ort)$/],
  ];
  for (const [key, label] of fields) {
    const value = details[key];
    if (value !== undefined) await dialog.getByLabel(label).fill(value);
  }
  await dialog.getByRole('button', { name: /^(Create session|Sitzung anlegen)$/ }).click();
  await page.getByRole('region', { name: 'Marketing' }).waitFor();
}

/** The card titles of a lane, top to bottom, as shown. */
export async function cardTitles(page: Page, laneName: string): Promise<string[]> {
  const lane = page.getByRole('region', { name: laneName, exact: true });
  // A board opened from the library renders a moment after the click; its cards come with the lane.
  await lane.waitFor();
  return lane.locator('[data-card-id]').allInnerTexts();
}

/** Adds cards to a lane through the UI: the add button, then one title per Enter. */
export async function addCards(page: Page, laneName: string, titles: readonly string[], addLabel = 'Add card'): Promise<void> {
  const lane = page.getByRole('region', { name: laneName, exact: true });
  await lane.getByRole('button', { name: addLabel, exact: true }).click();
  const field = lane.getByRole('textbox');
  for (const title of titles) {
    await field.fill(title);
    await field.press('Enter');
  }
  await field.press('Escape');
}

/**
 * Drags with the mouse in small steps, as a hand would; dnd-kit starts after a few pixels. A hand
 * sees the card lift before it moves on, so the drag waits for that too: on a loaded machine the
 * moves could otherwise all be handled before the drag had started, and the card would stay put.
 */
export async function mouseDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 20): Promise<void> {
  await liftCard(page, from);
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
  // A hand lets go and sees the card land: a pointer drop lands in the frame after its own.
  await page.locator('.card-face--lifted').waitFor({ state: 'detached' });
}

/**
 * Presses the mouse on the card at `from` and moves it 10 px, the button held, until the card lifts.
 * A hand that pressed while the board was still settling (a prompt just closed, a loaded CI machine)
 * lets go and presses again; a card that never lifts still fails the test.
 */
export async function liftCard(page: Page, from: { x: number; y: number }): Promise<void> {
  await page.locator('.card-face--lifted').waitFor({ state: 'detached' });
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 10, from.y + 10, { steps: 3 });
    try {
      await page.locator('.card-face--lifted').waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      await page.mouse.up();
      if (attempt === 3) throw error;
    }
  }
}

export async function centreOf(page: Page, locatorText: string, laneName: string): Promise<{ x: number; y: number }> {
  const box = await page.getByRole('region', { name: laneName, exact: true }).getByRole('button', { name: locatorText, exact: true }).boundingBox();
  if (!box) throw new Error(`No card "${locatorText}" in ${laneName}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A card's draggable element, found by its title (its accessible name starts with it). */
export function cardNamed(page: Page, title: string) {
  return page.getByRole('button', { name: new RegExp(`^${title}(,|$)`) });
}

/** Moves a card by keyboard: Space, the arrow keys, Space. */
export async function moveByKeyboard(page: Page, title: string, keys: readonly string[]): Promise<void> {
  await cardNamed(page, title).focus();
  await page.keyboard.press('Space');
  await page.locator('[aria-pressed="true"][data-card-id]').waitFor();
  // dnd-kit's keyboard sensor listens one task after the pick-up (see keyboard.test.ts).
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  for (const key of keys) await page.keyboard.press(key);
  await page.keyboard.press('Space');
}

/**
 * Opens the workshop panel's full form (the block's prompt, tool, mission and all timer controls);
 * it starts compact, in one row. The choice is remembered, also over a restart. Needs an active block.
 */
export async function expandWorkshopPanel(page: Page): Promise<void> {
  const hide = page.getByRole('button', { name: /^(Hide block details|Block-Details ausblenden)$/ });
  if (await hide.isVisible()) return;
  await page.getByRole('button', { name: /^(Show block details|Block-Details zeigen)$/ }).click();
  await hide.waitFor();
}

/** A command of the header's More menu, by its name. */
export async function chooseFromMoreMenu(page: Page, command: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: /^(More|Mehr)$/ }).click();
  await page.getByRole('menuitem', { name: command }).click();
}

/** The UI language, through More › Language… (the switch's dialog), closed again with Done. */
export async function chooseLanguage(page: Page, value: 'de' | 'en' | 'system'): Promise<void> {
  await chooseFromMoreMenu(page, /^(Language…|Sprache …)$/);
  const dialog = page.getByRole('dialog', { name: /^(Language|Sprache)$/ });
  await dialog.getByRole('combobox').selectOption(value);
  await dialog.getByRole('button', { name: /^(Done|Fertig)$/ }).click();
}
