/**
 * The audience window through the web test host: the control page opens it, and the room's view is
 * a second page of the same host at `#audience` (in the app: a second window on the projector). It
 * follows what the facilitator does — a card move, the block timer, a vote reveal, the spotlight —
 * and never holds what only the facilitator may see: a hidden caricature's text, or dots before
 * they are revealed. Closing it leaves the control window's session as it was.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebHost } from '../harness/web-host';
import { seriousViolations } from './axe';
import { addCards, cardNamed, chooseLanguage, expandWorkshopPanel, moveByKeyboard, removeDir, type BoardPage, useBoards, appLive } from './support';

const boards = useBoards();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const audienceButton = (page: Page) => page.getByRole('button', { name: /^(Audience window|Publikumsfenster)$/ });
const lane = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const titlesIn = (page: Page, name: string) => lane(page, name).locator('.card-title').allInnerTexts();
const countdown = (page: Page) => page.getByRole('timer', { name: 'Time left' });

/** The room's page, opened in the board's browser; its errors count as the board's. */
async function openAudience(board: BoardPage): Promise<Page> {
  const page = await board.context.newPage();
  page.on('pageerror', (error) => board.errors.push(`audience: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') board.errors.push(`audience: ${message.text()}`);
  });
  page.on('request', (request) => {
    // The audience page listens; it never calls the machine.
    if (request.url().endsWith('/api/invoke')) board.errors.push(`audience called the API: ${request.postData() ?? ''}`);
  });
  await page.goto(board.host.audienceUrl);
  // The facilitator works in the control page; a page in the background gets few animation frames.
  await board.page.bringToFront();
  return page;
}

/** Everything the audience page holds as text, hidden or not (its DOM, not only what is visible). */
/** Everything the audience page holds as text, in the document or not yet shown; the style sheet the build puts into it is not text. */
const audienceText = (page: Page) =>
  page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    for (const sheet of copy.querySelectorAll('style')) sheet.remove();
    return copy.textContent ?? '';
  });

const cardIdOf = async (page: Page, title: string): Promise<string> => (await cardNamed(page, title).getAttribute('data-card-id')) ?? '';

describe('the audience window (a second page of the web host)', () => {
  it('follows a card move, the block and its timer, and the spotlight; the facilitator’s prompt stays in the control page', async () => {
    const board = await boards.open();
    const { page } = board;
    await addCards(page, 'Marketing', ['Trade fair']);
    await addCards(page, 'Sales', ['Price list']);

    await audienceButton(page).click();
    await expect.poll(() => audienceButton(page).getAttribute('aria-pressed')).toBe('true');
    const audience = await openAudience(board);
    await lane(audience, 'Marketing').getByText('Trade fair').waitFor();
    expect(await titlesIn(audience, 'Sales')).toEqual(['Price list']);
    // Read-only: nothing to press, nothing to type into.
    expect(await audience.locator('button, input, textarea, select, [contenteditable], [tabindex]').count()).toBe(0);

    // A card moved in the control page moves on the projector.
    await moveByKeyboard(page, 'Trade fair', ['ArrowRight']);
    await page.keyboard.press('Escape'); // no reason for the move
    await expect.poll(() => titlesIn(audience, 'Seam')).toEqual(['Trade fair']);
    expect(await titlesIn(audience, 'Marketing')).toEqual([]);

    // The block and its timer: the audience counts down with its own clock once the control starts it.
    const agenda = page.getByRole('navigation', { name: 'Agenda' });
    await agenda.getByRole('button', { name: 'Start agenda' }).click();
    await expandWorkshopPanel(page);
    const blockTitle = await agenda.locator('[aria-current="step"] .agenda-title').innerText();
    await audience.getByRole('region', { name: 'Current block' }).getByText(blockTitle, { exact: true }).waitFor();
    // Starting the agenda started the clock; T pauses it, and the room's clock stops at the same time.
    await page.keyboard.press('t');
    await page.getByRole('group', { name: 'Timer' }).getByRole('button', { name: 'Resume' }).waitFor();
    const stopped = await countdown(page).innerText();
    await expect.poll(() => countdown(audience).innerText()).toBe(stopped);
    // The facilitator's prompt stays in the control window.
    const prompt = await page.locator('.agenda-prompt').innerText();
    expect(prompt.length).toBeGreaterThan(20);
    expect(await audienceText(audience)).not.toContain(prompt.slice(0, 20));

    // The spotlight on a card shows it large on the projector; ending it clears it there.
    await cardNamed(page, 'Price list').focus();
    await page.keyboard.press('s');
    const spotlight = audience.getByRole('region', { name: 'Spotlight' });
    await spotlight.getByText('Price list').waitFor();
    await page.keyboard.press('Escape');
    await spotlight.waitFor({ state: 'detached' });
  });

  it('never holds a hidden caricature or hidden dots — not in its page, not in the view it is sent — and shows them once revealed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'nahtstelle-e2e-audience-'));
    const host = await startWebHost({ port: 0, dataDir, locale: 'en-US' });
    cleanups.push(async () => {
      await host.close();
      await removeDir(dataDir);
    });
    const board = await boards.open({ url: host.url, dataDir });
    const { page } = board;
    await addCards(page, 'Sales', ['Price list']);
    await audienceButton(page).click();
    const audience = await openAudience(board);
    await lane(audience, 'Sales').getByText('Price list').waitFor();
    const agenda = page.getByRole('navigation', { name: 'Agenda' });
    const block = audience.getByRole('region', { name: 'Current block' });
    /** Goes on in the agenda and waits until the projector shows the new block: views arrive in order, so all before it have arrived. */
    const nextBlock = async () => {
      await agenda.getByRole('button', { name: /^(Start agenda|Next block)$/ }).click();
      await block.getByText(await agenda.locator('[aria-current="step"] .agenda-title').innerText(), { exact: true }).waitFor();
    };
    await nextBlock();
    await expandWorkshopPanel(page);

    // Caricatures are collected hidden: not one word of them reaches the audience.
    await nextBlock();
    // The caricatures block shows its own view (core/block-view.ts).
    await addCards(page, 'How Marketing sees Sales', ['Sales only wants discounts']);
    await page.getByRole('group', { name: 'Tools of this block' }).getByText('Hidden until revealed').waitFor();
    await nextBlock();
    expect(await audienceText(audience)).not.toContain('only wants discounts');
    expect(JSON.stringify(host.audienceView)).not.toContain('only wants discounts');
    await agenda.getByRole('button', { name: 'Previous block' }).click();
    await page.getByRole('group', { name: 'Tools of this block' }).getByRole('button', { name: 'Reveal caricatures' }).click();
    await expect.poll(() => titlesIn(audience, 'How Marketing sees Sales')).toEqual(['Sales only wants discounts']);

    // Dots stay hidden until the totals are revealed; they are placed on the topics, one toggle away.
    await page.getByRole('button', { name: 'Show topics' }).click();
    await page.getByRole('button', { name: 'Dot voting', exact: true }).click();
    const voting = page.getByRole('region', { name: 'Dot voting' });
    await voting.getByRole('button', { name: /^Marketing ·/ }).click();
    const addDot = page.getByRole('button', { name: /^Add a dot from Marketing to Price list/ });
    await addDot.click();
    await addDot.click();
    await expect.poll(() => voting.getByRole('button', { name: /^Marketing ·/ }).innerText()).toBe('Marketing · 1 of 3 left');
    await nextBlock();
    expect(await audienceText(audience)).not.toMatch(/\bdots?\b/);
    expect(Object.values(host.audienceView?.session.cards ?? {}).map((card) => card.votes)).toEqual([{}, {}]);

    await voting.getByRole('button', { name: 'Reveal totals' }).click();
    await lane(audience, 'Sales').getByText('2 dots').waitFor();
    expect(await lane(audience, 'Marketing').innerText()).not.toMatch(/\bdots?\b/);
    expect(host.audienceView?.session.cards).toMatchObject({ [await cardIdOf(page, 'Price list')]: { votes: { 'department:marketing': 2 } } });
    await board.close();
  });

  it('waits for the control window, then speaks its language and shows its theme, in type the back row can read', async () => {
    const board = await boards.open({ locale: 'de-DE' });
    const { page } = board;
    const audience = await openAudience(board);
    // Before the first view: the system's language (de-DE here), and a line saying it waits.
    await audience.getByText('Warte auf das Steuerfenster …').waitFor();
    expect(await audience.locator('main').count()).toBe(1);

    await addCards(page, 'Marketing', ['Messeauftritt'], 'Karte hinzufügen');
    await audienceButton(page).click();
    await lane(audience, 'Marketing').getByText('Messeauftritt').waitFor();
    expect(await audience.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await audience.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(await page.locator('.lane-header h2').allInnerTexts());
    expect(await audience.evaluate(() => document.documentElement.dataset.theme)).toBe(
      await page.evaluate(() => document.documentElement.dataset.theme ?? 'light'),
    );
    const titleSize = await lane(audience, 'Marketing')
      .locator('.card-title')
      .first()
      .evaluate((title) => parseFloat(getComputedStyle(title).fontSize));
    expect(titleSize).toBeGreaterThanOrEqual(28);

    // Switching the control page to English switches the audience page too.
    await chooseLanguage(page, 'en');
    await audience.getByRole('region', { name: 'Marketing', exact: true }).waitFor();
    await expect.poll(() => audience.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('shows the board at the control page’s zoom, and fitted to its own window when the control page fits', async () => {
    const board = await boards.open();
    const { page } = board;
    await addCards(
      page,
      'Marketing',
      Array.from({ length: 14 }, (_, i) => `Topic ${i + 1}`),
    );
    await audienceButton(page).click();
    const audience = await openAudience(board);
    // Not all fit: the room sees whole cards and "+N more" (board/paging.ts).
    await lane(audience, 'Marketing').getByText('Topic 14').waitFor({ state: 'attached' });
    await expect.poll(() => lane(audience, 'Marketing').getAttribute('data-more')).toMatch(/^\+\d+ more$/);
    const boardZoom = () => audience.locator('.audience-board').evaluate((element) => (element as HTMLElement).style.zoom);
    const lastCardBottom = async () => {
      const box = await lane(audience, 'Marketing').locator('.card-face').last().boundingBox();
      return box ? box.y + box.height : Infinity;
    };
    // Fourteen cards in large type do not fit one lane at 100 %: the last ones are off the screen.
    expect(await boardZoom()).toBe('1');
    expect(await lastCardBottom()).toBeGreaterThan(1080);

    await page.getByRole('button', { name: 'Presentation', exact: true }).click();
    // Steps start at the fitted zoom (below 100 %): two steps in make 125 %.
    await expect
      .poll(() => page.getByRole('toolbar', { name: 'Presentation controls' }).getByRole('status').innerText())
      .toBe('Fitted to the screen');
    // The fitted zoom is measured in the frame after the status says so; the steps start from it.
    await expect.poll(() => page.locator('main.board').evaluate((element) => Number((element as HTMLElement).style.zoom || 1))).toBeLessThan(1);
    await page.keyboard.press('Control+=');
    await page.keyboard.press('Control+=');
    await expect.poll(boardZoom).toBe('1.25');
    await page.keyboard.press('Control+0');
    await expect.poll(async () => Number(await boardZoom())).toBeLessThan(1);
    // Fitted, but not below readable type: what still does not fit is paged, never cut.
    expect(Number(await boardZoom())).toBeGreaterThanOrEqual(0.75);
    await audience.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement>('.lane-cards > li')].every((item) => {
        const box = item.getBoundingClientRect();
        return item.hasAttribute('data-beyond') || box.bottom <= (item.parentElement as HTMLElement).getBoundingClientRect().bottom + 0.5;
      }),
    );
  });

  it('tells the control page when it is closed, and the session stays as it was', async () => {
    const board = await boards.open();
    const { page } = board;
    await addCards(page, 'Seam', ['Lead definition', 'Handover']);
    await audienceButton(page).click();
    const audience = await openAudience(board);
    await lane(audience, 'Seam').getByText('Handover').waitFor();

    await audience.close();
    await expect.poll(() => audienceButton(page).getAttribute('aria-pressed')).toBe('false');
    expect(await titlesIn(page, 'Seam')).toEqual(['Lead definition', 'Handover']);
    // The board keeps working and saving.
    await addCards(page, 'Sales', ['Price list']);
    await page.getByText(/^Saved · /).waitFor();
    await page.reload();
    await appLive(page);
    await lane(page, 'Sales').waitFor();
    expect(await titlesIn(page, 'Seam')).toEqual(['Lead definition', 'Handover']);
    expect(await titlesIn(page, 'Sales')).toEqual(['Price list']);

    // Opened again, it shows the board as it is now.
    await audienceButton(page).click();
    const again = await openAudience(board);
    await lane(again, 'Sales').getByText('Price list').waitFor();
    await audienceButton(page).click();
    await expect.poll(() => audienceButton(page).getAttribute('aria-pressed')).toBe('false');
  });

  it('closes when the facilitator leaves the session, so the projector never shows a session that was left', async () => {
    const board = await boards.open();
    const { page } = board;
    await addCards(page, 'Seam', ['Lead definition']);
    await audienceButton(page).click();
    await expect.poll(() => board.webHost?.audienceOpen).toBe(true);
    await page.getByRole('button', { name: 'Sessions', exact: true }).click();
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
    await expect.poll(() => board.webHost?.audienceOpen).toBe(false);
  });

  it('has no serious or critical axe violations, with and without a spotlight', async () => {
    const board = await boards.open({ bypassCSP: true });
    const { page } = board;
    await addCards(page, 'Marketing', ['Trade fair']);
    await addCards(page, 'Sales', ['Price list']);
    await audienceButton(page).click();
    // The hint that no second display was found (the web host has none).
    await page.getByRole('status').filter({ hasText: 'No second display found' }).waitFor();
    const audience = await openAudience(board);
    expect(await seriousViolations(audience)).toEqual([]);
    await page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: 'Start agenda' }).click();
    await audience.getByRole('region', { name: 'Current block' }).waitFor();
    await cardNamed(page, 'Trade fair').focus();
    await page.keyboard.press('s');
    await audience.getByRole('region', { name: 'Spotlight' }).getByText('Trade fair').waitFor();
    expect(await seriousViolations(audience)).toEqual([]);
  });
});
