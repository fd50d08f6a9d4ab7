/**
 * Running a live workshop (issue 15, points 5–9): one undo step for a move and its reason, the
 * voting grid with its budget and the ranking on the projector, the block tools' jump to the first
 * match, the new card's kind, and timers that keep their time. See docs/ARCHITECTURE.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { workshopAgenda } from '../../core/agenda';
import { createSession, type Session } from '../../core/model';
import { addCard, applyOperation, updateCard } from '../../core/operations';
import { serializeSession } from '../../core/session-file';
import { addCards, cardNamed, expandWorkshopPanel, moveByKeyboard, useBoards, appLive } from './support';

const boards = useBoards();
const lane = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const agendaOf = (page: Page) => page.getByRole('navigation', { name: 'Agenda' });
const countdown = (page: Page) => page.getByRole('timer', { name: 'Time left' });
const notices = (page: Page) => page.locator('.notice-area');

/** Writes a session into a fresh data folder and opens it from the library. */
async function openSeeded(session: Session, options: { viewport?: { width: number; height: number } } = {}) {
  const dataDir = await boards.tempDir('operations');
  await mkdir(join(dataDir, 'sessions'), { recursive: true });
  await writeFile(join(dataDir, 'sessions', 'seeded.nahtstelle'), serializeSession(session));
  const board = await boards.open({ dataDir, startOn: 'library', ...options });
  await board.page.getByRole('button', { name: `Open ${session.details.title}` }).click();
  await lane(board.page, 'Marketing').waitFor();
  return board;
}

function workshopSession(title: string): Session {
  let n = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  return createSession(newId(), { title }, workshopAgenda(newId));
}

describe('undo in front of the room', () => {
  it('one Ctrl+Z undoes a move together with its reason, and says so', async () => {
    const { page } = await boards.open();
    await addCards(page, 'Marketing', ['Trade fair', 'Brochure']);
    await moveByKeyboard(page, 'Trade fair', ['ArrowRight']);
    const reason = page.getByRole('textbox', { name: /^Why did “Trade fair” move/ });
    await reason.fill('Both sides run it');
    await reason.press('Enter');
    await lane(page, 'Seam').getByText('Trade fair').waitFor();

    await cardNamed(page, 'Brochure').focus();
    await page.keyboard.press('Control+z');
    await lane(page, 'Marketing').getByText('Trade fair').waitFor();
    expect(await lane(page, 'Seam').getByText('Trade fair').count()).toBe(0);
    // Visible, and in the notice area's live region.
    const notice = notices(page).getByText('Undone: move of “Trade fair” and its reason');
    await notice.waitFor();
    expect(await notices(page).getAttribute('aria-live')).toBe('polite');

    await page.keyboard.press('Control+y');
    await notices(page).getByText('Redone: move of “Trade fair” and its reason').waitFor();
    await lane(page, 'Seam').getByText('Trade fair').waitFor();
  });

  it('undoing a delete brings the card back with the focus on it', async () => {
    const { page } = await boards.open();
    await addCards(page, 'Sales', ['Price list', 'Discounts']);
    await cardNamed(page, 'Price list').focus();
    await page.keyboard.press('Delete');
    await notices(page).getByText('Card “Price list” deleted.').waitFor();
    await page.keyboard.press('Control+z');
    await notices(page).getByText('Undone: deletion of “Price list”').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-card-id]')?.textContent ?? '')).toMatch(/^Price list/);
  });
});

describe('the question after a move', () => {
  it('keeps the focus and the words typed when the dropped card takes the focus back late (a slow machine), and lets a click leave', async () => {
    const { page } = await boards.open();
    await addCards(page, 'Marketing', ['Trade fair']);
    await moveByKeyboard(page, 'Trade fair', ['ArrowRight']);
    const reason = page.getByRole('textbox', { name: /^Why did “Trade fair” move/ });
    await reason.fill('Both sides');
    // What dnd-kit does a frame or more after a keyboard drop: the card takes the focus.
    await cardNamed(page, 'Trade fair').evaluate((card: HTMLElement) => card.focus());
    await expect.poll(() => reason.evaluate((field) => field === document.activeElement)).toBe(true);
    expect(await reason.inputValue()).toBe('Both sides');

    // A click on the card is the facilitator's own: the words are kept as the reason, the question closes.
    await cardNamed(page, 'Trade fair').click();
    await reason.waitFor({ state: 'detached' });
    await cardNamed(page, 'Trade fair').press('i');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const shows = (words: string) =>
      dialog.evaluate(
        (element, wanted) =>
          (element.textContent ?? '').includes(wanted) ||
          [...element.querySelectorAll('input, textarea')].some((field) => (field as HTMLInputElement).value === wanted),
        words,
      );
    await expect.poll(() => shows('Both sides')).toBe(true);
  });
});

describe('voting at the speed of a room', () => {
  it('takes 8 voters × 3 dots through the grid in far fewer actions, refuses a 4th dot visibly, and ranks on the projector', async () => {
    let session = workshopSession('Workshop Voting');
    const names = ['Anna', 'Ben', 'Cem', 'Dora', 'Eva', 'Fynn', 'Gül', 'Hans'];
    session = applyOperation(session, {
      type: 'updateDetails',
      details: { participants: names.map((name, i) => ({ id: `p${i}`, name, department: i % 2 === 0 ? 'marketing' : 'sales' })) },
    });
    session = applyOperation(session, { type: 'setVoting', changes: { voters: 'participants', dots: 3 } });
    session = addCard(session, 'c1', 'marketing', 'Pricing');
    session = addCard(session, 'c2', 'seam', 'Lead handover');
    session = addCard(session, 'c3', 'sales', 'Trade fair');
    session = addCard(session, 'm1', 'seam', 'SQL rate', undefined, 'metric');
    const board = await openSeeded(session);
    const { page } = board;

    await page.getByRole('button', { name: 'Audience window' }).click();
    const audience = await board.context.newPage();
    await audience.goto(board.host.audienceUrl);
    await page.bringToFront();

    await page.getByRole('button', { name: 'Dot voting', exact: true }).click();
    const grid = page.getByRole('table', { name: 'Dots by voter and card' });
    // Topics only by default: the metric is not offered until asked for.
    expect(await grid.getByRole('columnheader').allInnerTexts()).toEqual(['Voter', 'Pricing', 'Lead handover', 'Trade fair', 'Left']);

    let actions = 0;
    const press = async (key: string) => {
      actions++;
      await page.keyboard.press(key);
    };
    actions++;
    await grid.getByRole('button', { name: 'Anna on Pricing: 0 dots' }).focus();
    // Each voter's last dot hands the focus to the next voter's row.
    for (const key of ['3', '3', 'ArrowRight', '3', '3', '2', 'ArrowRight', '1', '3', 'ArrowLeft', '1', 'ArrowLeft', '2', '1', 'ArrowRight', '2'])
      await press(key);
    await grid.getByText('0 of 3').nth(7).waitFor();
    expect(await grid.getByText('0 of 3').count()).toBe(8);
    expect(actions).toBeLessThan(20); // the board's card buttons took 33 clicks for the same dots

    // A fourth dot for Anna is refused: the message says why and so does the control.
    await grid.getByRole('button', { name: /^Anna on Lead handover/ }).focus();
    await page.keyboard.press('+');
    const voting = page.getByRole('region', { name: 'Dot voting' });
    await voting.getByText('Not placed: Anna has used all 3 dots. Take one back elsewhere first.').waitFor();
    const refused = grid.getByRole('button', { name: 'Anna on Lead handover: 0 dots No dots left.' });
    expect(await refused.getAttribute('class')).toContain('voting-cell--refused');
    expect(await refused.isVisible()).toBe(true);

    // Not on the projector before the reveal; ranked there after it.
    expect(await audience.getByRole('region', { name: 'Dot voting ranking' }).count()).toBe(0);
    await voting.getByRole('button', { name: 'Reveal totals' }).click();
    const ranking = audience.getByRole('region', { name: 'Dot voting ranking' });
    await ranking.waitFor();
    const places = (await ranking.getByRole('listitem').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(places).toEqual(['1. Lead handover 11 dots', '2. Pricing 9 dots', '3. Trade fair 4 dots']);

    // And in presentation mode.
    await voting.getByRole('button', { name: 'Close dot voting' }).click();
    await page.keyboard.press('F5');
    await page.getByRole('region', { name: 'Dot voting ranking' }).getByText('Lead handover').waitFor();
  });
  it('on a 1366×768 laptop, placing dots on the cards makes room for the board: every lane’s first card and its + are on screen', async () => {
    let session = workshopSession('Workshop Placing');
    session = addCard(session, 'c1', 'marketing', 'Pricing');
    session = addCard(session, 'c2', 'seam', 'Lead handover');
    session = addCard(session, 'c3', 'sales', 'Trade fair');
    const { page } = await openSeeded(session, { viewport: { width: 1366, height: 768 } });
    await page.getByRole('button', { name: 'Dot voting', exact: true }).click();
    const voting = page.getByRole('region', { name: 'Dot voting' });
    const grid = page.getByRole('table', { name: 'Dots by voter and card' });
    await grid.waitFor();

    await voting.getByRole('button', { name: /^Marketing ·/ }).click();
    await grid.waitFor({ state: 'detached' });
    const boxOf = async (title: string) => {
      const box = await page.getByRole('button', { name: `Add a dot from Marketing to ${title}` }).boundingBox();
      if (!box) throw new Error(`No + on ${title}`);
      return box;
    };
    for (const title of ['Pricing', 'Lead handover', 'Trade fair']) {
      const box = await boxOf(title);
      expect(box.y, title).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, title).toBeLessThanOrEqual(768);
    }
    // Two quick presses where the + is now: both count, nothing moves it between press and release.
    const plus = await boxOf('Lead handover');
    for (let i = 0; i < 2; i++) await page.mouse.click(plus.x + plus.width / 2, plus.y + plus.height / 2, { delay: 80 });
    await expect.poll(() => voting.getByRole('button', { name: /^Marketing ·/ }).innerText()).toBe('Marketing · 1 of 3 left');

    await voting.getByRole('button', { name: 'Done placing dots' }).click();
    await grid.getByRole('button', { name: 'Marketing on Lead handover: 2 dots' }).waitFor();
  });
});

describe('the block tools find their cards', () => {
  it('“Show unresolved topics” brings the first unresolved topic into view and focuses it', async () => {
    let session = workshopSession('Workshop Find');
    for (let i = 0; i < 14; i++) session = addCard(session, `t${i}`, 'marketing', `Settled topic ${i + 1}`);
    for (let i = 0; i < 14; i++) session = updateCard(session, `t${i}`, { lead: 'marketing' });
    session = addCard(session, 'open', 'marketing', 'Who owns the webinar');
    session = updateCard(session, 'open', { lead: 'unresolved' });
    const { page } = await openSeeded(session, { viewport: { width: 1280, height: 720 } });
    await agendaOf(page).getByRole('button', { name: 'Start agenda' }).click();
    await expandWorkshopPanel(page);
    await page.getByRole('button', { name: 'Show unresolved topics' }).click();
    const card = cardNamed(page, 'Who owns the webinar');
    await expect.poll(() => card.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect
      .poll(() =>
        card.evaluate((el) => {
          const box = el.getBoundingClientRect();
          const list = el.closest('.lane-cards') ?? el.parentElement;
          const area = list?.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight && (!area || (box.top >= area.top - 1 && box.bottom <= area.bottom + 1));
        }),
      )
      .toBe(true);
  });
});

describe('the new card’s kind', () => {
  it('defaults to the block’s kind and switches with one key', async () => {
    const { page } = await openSeeded(workshopSession('Workshop Kinds'));
    await agendaOf(page)
      .getByRole('button', { name: /^4 Measure and narrate/ })
      .click();
    // A metric can be added from a topic lane too ("Show topics"): it is still a metric by default.
    await page.getByRole('button', { name: 'Show topics' }).click();
    const marketing = lane(page, 'Marketing');
    await marketing.getByRole('button', { name: 'Add card', exact: true }).click();
    const kind = marketing.getByRole('button', { name: /^Kind of the new card: / });
    expect(await kind.getAttribute('aria-label')).toBe('Kind of the new card: Metric. Switch kind');
    const field = marketing.getByRole('textbox', { name: 'Name of the new metric in Marketing' });
    await field.fill('MQL per month');
    await field.press('Enter');
    await field.press('ArrowDown');
    expect(await kind.innerText()).toBe('Topic');
    const topicField = marketing.getByRole('textbox', { name: 'Title of the new card in Marketing' });
    await topicField.fill('Webinar ownership');
    await topicField.press('Enter');
    await topicField.press('Escape');
    expect(await marketing.locator('[data-card-kind="metric"]').allInnerTexts()).toEqual([expect.stringContaining('MQL per month')]);
    expect(await marketing.locator('[data-card-kind="topic"]').allInnerTexts()).toEqual([expect.stringContaining('Webinar ownership')]);
  });
});

describe('timers keep their time', () => {
  it('Start agenda starts the clock; 42 minutes left stay 42 minutes across a block change; total and end shown', async () => {
    const board = await openSeeded(workshopSession('Workshop Clock'));
    const { page, context } = board;
    await context.clock.install();
    await page.reload();
    await appLive(page);
    await agendaOf(page).waitFor();
    await agendaOf(page).getByText('Agenda 170 min').waitFor();
    await agendaOf(page)
      .getByText(/^ends about \d\d:\d\d/)
      .waitFor();

    await agendaOf(page).getByRole('button', { name: 'Start agenda' }).click();
    await expandWorkshopPanel(page);
    const timer = page.getByRole('group', { name: 'Timer' });
    await timer.getByRole('button', { name: 'Pause' }).waitFor();
    await page.clock.fastForward(3 * 60_000);
    await expect.poll(() => countdown(page).innerText()).toMatch(/^4[12]:\d\d$/);
    await timer.getByRole('button', { name: 'Pause' }).click();
    const left = await countdown(page).innerText();
    expect(left).toMatch(/^4[12]:\d\d$/);

    await agendaOf(page).getByRole('button', { name: 'Next block' }).click();
    expect(await countdown(page).innerText()).toBe('45:00');
    await agendaOf(page).getByRole('button', { name: 'Previous block' }).click();
    expect(await countdown(page).innerText()).toBe(left);
    await timer.getByRole('button', { name: 'Resume' }).waitFor();
  });
});
