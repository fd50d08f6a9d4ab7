/**
 * The control window on the screens facilitators bring (docs/ARCHITECTURE.md, "Tests"): a running
 * workshop (the v3-full fixture: 10 cards in four lanes, agenda started, the caricatures block
 * active) at 1280×720 up to 3840×2160, German and English. What a facilitator would notice: how
 * many cards are wholly in view, a page that scrolls sideways, a lane out of reach, a title cut to
 * a letter, a button label wrapping onto a second line. A screenshot of each case is kept under
 * test-results/layout/ (gitignored) to look at, not to compare pixels.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import {
  addCards,
  appLive,
  type BoardPage,
  cardNamed,
  cardTitles,
  centreOf,
  chooseFromMoreMenu,
  createSessionFromLibrary,
  liftCard,
  savedPreference,
  useBoards,
} from './support';

const boards = useBoards();

const fixture = fileURLToPath(new URL('../fixtures/sessions/v3-full.nahtstelle', import.meta.url));
const artifacts = fileURLToPath(new URL('../../test-results/layout/', import.meta.url));
const fixtureTitle = 'Lead-Übergabe Q3: Wo hakt’s zwischen Marketing & Vertrieb?';

interface Screen {
  readonly width: number;
  readonly height: number;
  readonly scale?: number;
  readonly locale: 'de-DE' | 'en-US';
  /** At least this many of the fixture's 10 cards wholly visible. */
  readonly cards: number;
}

const screens: readonly Screen[] = [
  { width: 1280, height: 720, locale: 'de-DE', cards: 6 },
  { width: 1280, height: 720, locale: 'en-US', cards: 6 },
  { width: 1366, height: 768, locale: 'de-DE', cards: 6 },
  { width: 1366, height: 768, locale: 'en-US', cards: 6, scale: 2 },
  { width: 1920, height: 1080, locale: 'de-DE', cards: 8 },
  { width: 1920, height: 1080, locale: 'en-US', cards: 8 },
  { width: 3840, height: 2160, locale: 'de-DE', cards: 10 },
  { width: 3840, height: 2160, locale: 'en-US', cards: 10 },
];

/** Opens the fixture from the start screen, as a facilitator would, in a window of the given size. */
export async function openRunningWorkshop(screen: Pick<Screen, 'width' | 'height' | 'scale' | 'locale'>, bypassCSP = true): Promise<BoardPage> {
  const dataDir = await boards.tempDir('layout');
  await mkdir(join(dataDir, 'sessions'), { recursive: true });
  await copyFile(fixture, join(dataDir, 'sessions', 'lead-uebergabe.nahtstelle'));
  const board = await boards.open({
    dataDir,
    startOn: 'library',
    locale: screen.locale,
    viewport: { width: screen.width, height: screen.height },
    deviceScaleFactor: screen.scale ?? 1,
    bypassCSP,
  });
  const open = screen.locale === 'de-DE' ? `${fixtureTitle} öffnen` : `Open ${fixtureTitle}`;
  await board.page.getByRole('button', { name: open, exact: true }).click();
  // The fixture is in its caricatures block, which opens on its own view: the lanes are one key away.
  await board.page.locator('.board--caricatures').waitFor();
  await board.page.keyboard.press('v');
  await board.page.locator('.lane').nth(3).waitFor();
  // Fonts change line breaks: measure once they are in.
  await board.page.evaluate(() => document.fonts.ready.then(() => undefined));
  return board;
}

/**
 * Cards whose whole box is on screen: inside the window, inside the board's visible part and
 * inside their lane's scrolling list.
 */
export function whollyVisibleCards(page: Page): Promise<number> {
  return page.evaluate(() => {
    const inside = (inner: DOMRect, outer: { left: number; top: number; right: number; bottom: number }) =>
      inner.left >= outer.left - 0.5 && inner.top >= outer.top - 0.5 && inner.right <= outer.right + 0.5 && inner.bottom <= outer.bottom + 0.5;
    const viewport = { left: 0, top: 0, right: document.documentElement.clientWidth, bottom: document.documentElement.clientHeight };
    const board = document.querySelector('main.board') as HTMLElement;
    return [...document.querySelectorAll<HTMLElement>('[data-card-id]')].filter((card) => {
      const box = card.getBoundingClientRect();
      const list = card.closest('.lane-cards') as HTMLElement;
      return box.height > 0 && inside(box, viewport) && inside(box, board.getBoundingClientRect()) && inside(box, list.getBoundingClientRect());
    }).length;
  });
}

interface Layout {
  readonly pageOverflowX: number;
  /** Elements beyond the window's right edge (outside the board, which scrolls by itself). */
  readonly sticksOut: string[];
  readonly titleWidth: number;
  readonly titleText: string;
  /** Buttons whose label wraps: taller than one line of their text plus padding and border. */
  readonly wrappedButtons: string[];
}

function measureLayout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const title = document.querySelector('.session-heading') as HTMLElement;
    const wrappedButtons = [...document.querySelectorAll<HTMLElement>('button, [role="button"]:not([data-card-id])')]
      .filter((button) => button.getClientRects().length > 0 && !button.closest('.lane-cards, dialog'))
      .filter((button) => {
        // The label's lines: its text boxes starting more than half a line apart means it wrapped.
        const tops: number[] = [];
        const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) if (rect.width > 1) tops.push(rect.top);
        }
        const lines = tops.length === 0 ? 0 : Math.round((Math.max(...tops) - Math.min(...tops)) / 12);
        const style = getComputedStyle(button);
        const chrome = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce(
          (sum, side) => sum + parseFloat(style[side as 'paddingTop']),
          0,
        );
        const oneLine = Math.max(parseFloat(style.minHeight) || 0, parseFloat(style.lineHeight) + chrome, 48);
        // Boxes are measured on screen, styles in CSS pixels: the window zoom (on #root) between them.
        const zoom = parseFloat((document.getElementById('root') as HTMLElement).style.zoom || '1');
        return lines > 0 || button.getBoundingClientRect().height / zoom > oneLine + 2;
      })
      .map(
        (button) => `${button.textContent?.trim() || button.getAttribute('aria-label')} (${Math.round(button.getBoundingClientRect().height)} px)`,
      );
    const sticksOut = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => {
        if (element.getBoundingClientRect().right <= document.documentElement.clientWidth + 0.5) return false;
        // Only what the page itself would scroll to: not content clipped by a scrolling box.
        for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
          if (getComputedStyle(parent).overflowX !== 'visible') return false;
        }
        return true;
      })
      .map((element) => `${element.tagName}.${element.className}`)
      .slice(0, 5);
    return {
      sticksOut,
      pageOverflowX: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      titleWidth: title.getBoundingClientRect().width / parseFloat((document.getElementById('root') as HTMLElement).style.zoom || '1'),
      titleText: title.textContent ?? '',
      wrappedButtons,
    };
  });
}

/** Each lane brought into view the way the board allows (its own sideways scroll): its header shows whole. */
async function lanesReachable(page: Page): Promise<boolean[]> {
  const lanes = page.locator('section.lane');
  const reached: boolean[] = [];
  for (let i = 0; i < (await lanes.count()); i++) {
    // The board's own sideways scroll brings the lane in (what a scroll bar, a swipe or the focus does).
    await lanes.nth(i).evaluate((lane) => lane.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
    reached.push(
      await lanes.nth(i).evaluate((lane) => {
        const header = (lane.querySelector('.lane-header') as HTMLElement).getBoundingClientRect();
        const width = document.documentElement.clientWidth;
        const height = document.documentElement.clientHeight;
        return header.left >= -0.5 && header.right <= width + 0.5 && header.top >= -0.5 && header.bottom <= height + 0.5 && window.scrollX === 0;
      }),
    );
  }
  return reached;
}

describe('the control window on every screen', () => {
  for (const screen of screens) {
    const name = `${screen.width}x${screen.height}${screen.scale ? `@${screen.scale}x` : ''}-${screen.locale}`;
    it(`${name}: at least ${screen.cards} cards in view, one-line header and buttons, no sideways page, axe clean`, async () => {
      const board = await openRunningWorkshop(screen);
      const { page } = board;
      await mkdir(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, `${name}.png`) });

      const visible = await whollyVisibleCards(page);
      const layout = await measureLayout(page);
      console.log(name, { visible, ...layout });
      expect(visible).toBeGreaterThanOrEqual(screen.cards);
      expect(layout.pageOverflowX).toBe(0);
      expect(layout.titleWidth).toBeGreaterThanOrEqual(120);
      expect(layout.wrappedButtons).toEqual([]);
      expect(await lanesReachable(page)).toEqual([true, true, true, true]);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

describe('presentation mode on a small screen', () => {
  it('starts fitted at 1280×720: every lane in view and at least 6 cards wholly visible', async () => {
    const { page } = await openRunningWorkshop({ width: 1280, height: 720, locale: 'de-DE' });
    await page.keyboard.press('F5');
    const controls = page.getByRole('toolbar', { name: 'Präsentationssteuerung' });
    await expect.poll(() => controls.getByRole('status').innerText()).toBe('An den Bildschirm angepasst');
    // The status says so a frame before the fitted zoom lands; this board does not fit at 100 %.
    await expect.poll(() => page.evaluate(() => parseFloat((document.querySelector('main.board') as HTMLElement).style.zoom || '1'))).toBeLessThan(1);
    // Fitted no smaller than readable type; what does not fit then is paged ("+N weitere"), never cut.
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement>('.lane-cards > li')].every((item) => {
        const box = item.getBoundingClientRect();
        const list = (item.parentElement as HTMLElement).getBoundingClientRect();
        return item.hasAttribute('data-beyond') || (box.top >= list.top - 0.5 && box.bottom <= list.bottom + 0.5);
      }),
    );
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'presentation-1280x720-de-DE.png') });
    expect(await whollyVisibleCards(page)).toBeGreaterThanOrEqual(6);
    const lanesInView = await page.evaluate(() =>
      [...document.querySelectorAll('section.lane')].map((lane) => {
        const box = lane.getBoundingClientRect();
        return box.left >= -0.5 && box.right <= document.documentElement.clientWidth + 0.5;
      }),
    );
    expect(lanesInView).toEqual([true, true, true, true]);
  });
});

describe('the header’s More menu', () => {
  it('opens, moves and closes by keyboard as a menu button does, and names itself to screen readers', async () => {
    const { page } = await openRunningWorkshop({ width: 1280, height: 720, locale: 'de-DE' });
    const more = page.getByRole('button', { name: 'Mehr', exact: true });
    expect(await more.getAttribute('aria-haspopup')).toBe('menu');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu', { name: 'Mehr' });
    await menu.waitFor();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual(['Sitzungsdaten', 'Kopie speichern …', 'Sprache …']);
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(await focused()).toBe('Sitzungsdaten');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Kopie speichern …');
    await page.keyboard.press('End');
    expect(await focused()).toBe('Sprache …');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Sitzungsdaten');
    // Escape closes it with the focus back on the button.
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await more.evaluate((button) => button === document.activeElement)).toBe(true);
    // Enter on an item runs it: the session details, with the whole title.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const details = page.getByRole('dialog', { name: 'Sitzungsdaten' });
    expect(await details.getByLabel('Titel').inputValue()).toBe(fixtureTitle);
  });
});

describe('dates in the UI language', () => {
  it('shows and takes TT.MM.JJJJ in German, says so for what is no date, and stores the day', async () => {
    const board = await openRunningWorkshop({ width: 1366, height: 768, locale: 'de-DE' }, false);
    const { page } = board;
    await chooseFromMoreMenu(page, 'Sitzungsdaten');
    const dialog = page.getByRole('dialog', { name: 'Sitzungsdaten' });
    const date = dialog.getByRole('textbox', { name: 'Datum' });
    expect(await date.inputValue()).toBe('04.03.2027');
    await date.fill('31.02.2027');
    await date.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'TT.MM.JJJJ' }).waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await date.fill('5.3.2027');
    await date.press('Enter');
    expect(await date.inputValue()).toBe('05.03.2027');
    expect(await date.getAttribute('aria-invalid')).toBeNull();
    await expect
      .poll(async () => JSON.parse(await readFile(join(board.dataDir, 'sessions', 'lead-uebergabe.nahtstelle'), 'utf8')).session.details.date)
      .toBe('2027-03-05');
  });
});

describe('the workshop panel', () => {
  it('starts compact and remembers when it was expanded, also after a restart', async () => {
    const board = await openRunningWorkshop({ width: 1366, height: 768, locale: 'en-US' }, false);
    const { page } = board;
    expect(await page.getByRole('note', { name: 'Prompt for the facilitator' }).count()).toBe(0);
    await page.getByRole('group', { name: 'Clear up caricatures' }).getByText('1 of 1 cleared').waitFor();
    const toggle = page.getByRole('button', { name: 'Show block details' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await page.getByRole('note', { name: 'Prompt for the facilitator' }).waitFor();
    await expect.poll(() => savedPreference(board, 'workshopPanelExpanded')).toBe(true);
    await page.reload();
    await appLive(page);
    await page.getByRole('note', { name: 'Prompt for the facilitator' }).waitFor();
    expect(await page.getByRole('button', { name: 'Hide block details' }).getAttribute('aria-expanded')).toBe('true');
  });
});

describe('zooming the control window', () => {
  it('scales the whole UI with Ctrl + / − / 0 (50–200 %), remembers it, and the board still scrolls sideways by itself', async () => {
    const board = await openRunningWorkshop({ width: 1280, height: 720, locale: 'de-DE' });
    const { page } = board;
    const zoom = () => page.evaluate(() => (document.getElementById('root') as HTMLElement).style.zoom || '1');
    const titleHeight = () => page.locator('.session-heading').evaluate((title) => title.getBoundingClientRect().height);
    const before = await titleHeight();
    for (let i = 0; i < 12; i++) await page.keyboard.press('Control+=');
    expect(await zoom()).toBe('2');
    expect(await titleHeight()).toBeGreaterThan(before * 1.8);
    await page.getByRole('status').filter({ hasText: 'Fensterzoom 200 %' }).waitFor({ state: 'attached' });
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'zoom-200-1280x720-de-DE.png') });

    // At 200 % the four lanes no longer fit side by side: the board scrolls, the page does not.
    const layout = await measureLayout(page);
    expect(layout.pageOverflowX).toBe(0);
    expect(layout.wrappedButtons).toEqual([]);
    expect(await page.locator('main.board').evaluate((main) => main.scrollWidth > main.clientWidth)).toBe(true);
    expect(await lanesReachable(page)).toEqual([true, true, true, true]);

    // A card moved by keyboard into a lane out of view brings that lane in.
    const moved = cardNamed(page, 'Außendienst pflegt Besuchsberichte nicht im CRM');
    await moved.focus();
    await page.locator('main.board').evaluate((main) => (main.scrollLeft = 0));
    await page.keyboard.press('Alt+ArrowRight');
    await page
      .getByRole('region', { name: 'Parkplatz 🅿️', exact: true })
      .getByRole('button', { name: /^Außendienst pflegt/ })
      .waitFor();
    await expect
      .poll(() =>
        moved.evaluate(
          (card) => card.getBoundingClientRect().right <= document.documentElement.clientWidth && card.getBoundingClientRect().left >= 0,
        ),
      )
      .toBe(true);
    await page.keyboard.press('Escape');

    // Remembered over a restart; Ctrl+0 goes back to 100 %, Ctrl+− down to 50 % at most.
    await page.reload();
    await appLive(page);
    await page.locator('.board--caricatures').waitFor();
    await page.keyboard.press('v');
    await page.locator('.lane').nth(3).waitFor();
    expect(await zoom()).toBe('2');
    await page.keyboard.press('Control+0');
    expect(await zoom()).toBe('1');
    for (let i = 0; i < 8; i++) await page.keyboard.press('Control+-');
    expect(await zoom()).toBe('0.5');
    await page.keyboard.press('Control+0');

    // Presentation mode keeps the keys for the board's own zoom, at the window's 100 %.
    await page.keyboard.press('Control+-');
    await page.keyboard.press('F5');
    expect(await zoom()).toBe('1');
    await page.keyboard.press('Escape');
    expect(await zoom()).toBe('0.9');
  });

  it('keeps the lifted card under the mouse at 150 %, and drops it where the mouse lets go', async () => {
    const { page } = await boards.open({ viewport: { width: 1920, height: 1080 } });
    await addCards(page, 'Marketing', ['Eins', 'Zwei', 'Drei']);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Control+=');
    await expect.poll(() => page.evaluate(() => (document.getElementById('root') as HTMLElement).style.zoom)).toBe('1.5');
    const from = await centreOf(page, 'Zwei', 'Marketing');
    const sales = await page.getByRole('region', { name: 'Sales', exact: true }).boundingBox();
    if (!sales) throw new Error('No Sales lane');
    const to = { x: sales.x + sales.width / 2, y: sales.y + 150 };
    await liftCard(page, from);
    const lifted = page.locator('.card-face--lifted');
    await page.mouse.move(to.x, to.y, { steps: 20 });
    // Before the fix the window zoom scaled dnd-kit's screen position again: the card flew off screen.
    const box = await lifted.boundingBox();
    if (!box) throw new Error('No lifted card');
    expect(to.x).toBeGreaterThan(box.x);
    expect(to.x).toBeLessThan(box.x + box.width);
    expect(to.y).toBeGreaterThan(box.y);
    expect(to.y).toBeLessThan(box.y + box.height);
    // As wide as the cards it stands for.
    const cardWidth =
      (await page.getByRole('region', { name: 'Marketing', exact: true }).getByRole('button', { name: 'Eins', exact: true }).boundingBox())?.width ??
      0;
    expect(Math.abs(box.width - cardWidth)).toBeLessThan(4);
    await page.mouse.up();
    await lifted.waitFor({ state: 'detached' });
    expect(await cardTitles(page, 'Sales')).toEqual(['Zwei']);
  });

  it('zooms the start screen with the same keys, and the board opens at that zoom', async () => {
    const { page } = await boards.open({ startOn: 'library' });
    const zoom = () => page.evaluate(() => (document.getElementById('root') as HTMLElement).style.zoom || '1');
    await page.keyboard.press('Control+=');
    await page.keyboard.press('Control+=');
    await expect.poll(zoom).toBe('1.2');
    await page.keyboard.press('Control+-');
    await expect.poll(zoom).toBe('1.1');
    await createSessionFromLibrary(page, {});
    await page.getByRole('region', { name: 'Marketing', exact: true }).waitFor();
    expect(await zoom()).toBe('1.1');
    await page.keyboard.press('Control+0');
    await expect.poll(zoom).toBe('1');
  });
});
