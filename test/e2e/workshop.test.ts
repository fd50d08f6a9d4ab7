/**
 * The whole method, once through, as a facilitator runs it: the four blocks of the template —
 * leads settled by moving topics, a seam exchange, caricatures revealed and cleared, the mission,
 * a metric flagged until it has its narrative — a dot vote with its ranking and the block timer;
 * then the host process is killed and started again, and all of it is still there.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnHost, type HostProcess } from './host-process';
import { addCards, cardNamed, createSessionFromLibrary, expandWorkshopPanel, moveByKeyboard, removeDir, useBoards } from './support';

const boards = useBoards();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const agendaOf = (page: Page) => page.getByRole('navigation', { name: 'Agenda' });
const toolsOf = (page: Page) => page.getByRole('group', { name: 'Tools of this block' });
const countdown = (page: Page) => page.getByRole('timer', { name: 'Time left' });
const lane = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
/** The titles of a lane's cards, top to bottom (a card's face shows more than its title). */
const titlesIn = (page: Page, name: string) => lane(page, name).locator('.card-title').allInnerTexts();

async function openDetails(page: Page, title: string) {
  await page.getByRole('button', { name: `Details for ${title}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

async function saved(page: Page): Promise<void> {
  await page.getByText(/^Saved · /).waitFor();
}

describe('the workshop method, end to end', () => {
  it('runs all four blocks of the template, votes, times a block — and finds it all intact after a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'nahtstelle-e2e-method-'));
    cleanups.push(() => removeDir(dataDir));
    let host: HostProcess = await spawnHost(dataDir);
    cleanups.push(() => host.kill());
    const first = await boards.open({ url: host.url, dataDir, startOn: 'library' });
    const { page } = first;
    await createSessionFromLibrary(page, { title: 'Workshop Süd' });
    const agenda = agendaOf(page);
    const tools = toolsOf(page);
    await agenda.getByRole('button', { name: 'Start agenda' }).click();
    await expandWorkshopPanel(page);

    // 1 — Who leads? Topics collected in a parking lane are unresolved until a move gives them a lead.
    await page.getByRole('button', { name: 'Add lane', exact: true }).click();
    await page.getByRole('textbox', { name: 'Name of the new lane' }).fill('Open topics');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await addCards(page, 'Open topics', ['Lead definition', 'Trade fair', 'Price list']);
    await tools.getByText('3 topics unresolved').waitFor();
    expect(await cardNamed(page, 'Trade fair').getAttribute('aria-label')).toMatch(/Lead unresolved/);

    await moveByKeyboard(page, 'Lead definition', ['ArrowLeft', 'ArrowLeft']);
    const why = page.getByRole('textbox', { name: 'Why did “Lead definition” move from Open topics to Seam?' });
    await why.fill('Both sides qualify leads');
    await why.press('Enter');
    await moveByKeyboard(page, 'Trade fair', ['ArrowLeft', 'ArrowLeft', 'ArrowLeft']);
    await page.keyboard.press('Escape'); // no reason given
    await moveByKeyboard(page, 'Price list', ['ArrowLeft']);
    await page.keyboard.press('Escape');
    await tools.getByText('Every topic has a lead').waitFor();
    expect(await titlesIn(page, 'Marketing')).toEqual(['Trade fair']);
    expect(await titlesIn(page, 'Seam')).toEqual(['Lead definition']);
    expect(await titlesIn(page, 'Sales')).toEqual(['Price list']);

    // The seam card records its exchange: who meets, how often, who decides what.
    let dialog = await openDetails(page, 'Lead definition');
    await dialog.getByLabel('Who meets').fill('Head of marketing and head of sales');
    await dialog.getByLabel('How often').fill('every second Monday');
    await dialog.getByLabel('Who decides what').fill('Marketing: what a lead is. Sales: when it is followed up.');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await lane(page, 'Seam').getByText('How often: every second Monday').waitFor();

    // 2 — Caricatures: written hidden on each side, revealed together, then cleared.
    await agenda.getByRole('button', { name: 'Next block' }).click();
    await addCards(page, 'How Marketing sees Sales', ['Sales only wants discounts']);
    await addCards(page, 'How Sales sees Marketing', ['Marketing paints pretty pictures']);
    expect(await page.content()).not.toContain('only wants discounts');
    expect(await tools.getByRole('listitem').allInnerTexts()).toEqual([
      'How Marketing sees Sales: 1',
      'How Sales sees Marketing: 1',
      'Hidden until revealed',
    ]);
    await tools.getByRole('button', { name: 'Reveal caricatures' }).click();
    await cardNamed(page, 'Sales only wants discounts').waitFor();
    dialog = await openDetails(page, 'Sales only wants discounts');
    await dialog.getByLabel('What is actually true').fill('Discounts need the head of sales; most offers go out at list price.');
    await dialog.getByLabel('Cleared').check();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await tools.getByText('1 of 2 cleared').waitFor();

    // 3 — The mission, written on the board.
    await agenda.getByRole('button', { name: 'Next block' }).click();
    const mission = page.getByRole('textbox', { name: 'Our shared mission' });
    await mission.fill('Together we win customers who stay.');
    await mission.press('Tab');

    // 4 — Metrics and narratives: a metric is flagged until it has its narrative.
    await agenda.getByRole('button', { name: 'Next block' }).click();
    await addCards(page, 'Metrics and their narratives', ['SQL rate']);
    await tools.getByText('1 metric without a narrative').waitFor();
    expect(await cardNamed(page, 'SQL rate').getAttribute('aria-label')).toMatch(/No narrative yet/);
    dialog = await openDetails(page, 'SQL rate');
    await dialog.getByLabel('Current value').fill('31');
    await dialog.getByLabel('Target').fill('40');
    await dialog.getByLabel('Unit').fill('%');
    await dialog.getByLabel('Narrative: what the number tells').fill('When it rises, both sides work on the same customers.');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await tools.getByText('Every metric has its narrative').waitFor();
    expect(await cardNamed(page, 'SQL rate').getAttribute('aria-label')).not.toMatch(/No narrative yet/);

    // Dot voting by department, totals hidden until revealed, then the ranking — on the topics.
    await page.getByRole('button', { name: 'Show topics' }).click();
    await page.getByRole('button', { name: 'Dot voting', exact: true }).click();
    const voting = page.getByRole('region', { name: 'Dot voting' });
    const voter = (name: string) => voting.getByRole('button', { name: new RegExp(`^${name} ·`) });
    const addDot = (from: string, title: string) => page.getByRole('button', { name: new RegExp(`^Add a dot from ${from} to ${title}`) });
    await voter('Marketing').click();
    await addDot('Marketing', 'Lead definition').click();
    await addDot('Marketing', 'Lead definition').click();
    await voter('Sales').click();
    await addDot('Sales', 'Lead definition').click();
    await addDot('Sales', 'Price list').click();
    expect(await voting.getByRole('list', { name: 'Ranking' }).count()).toBe(0);
    await voting.getByRole('button', { name: 'Reveal totals' }).click();
    const ranking = async (p: Page) =>
      (await p.getByRole('region', { name: 'Dot voting' }).getByRole('list', { name: 'Ranking' }).getByRole('listitem').allInnerTexts()).map((text) =>
        text.replace(/\s+/g, ' ').trim(),
      );
    expect(await ranking(page)).toEqual(['1. Lead definition 3 dots Seam', '2. Price list 1 dot Sales']);
    await voting.getByRole('button', { name: 'Close dot voting' }).click();

    // The block timer counts down.
    expect(await countdown(page).innerText()).toBe('40:00');
    await page.getByRole('group', { name: 'Timer' }).getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => countdown(page).innerText(), { timeout: 5_000 }).toMatch(/^39:5\d$/);
    await saved(page);

    // The machine goes down (the host process is killed) and comes back.
    await first.close();
    await host.kill();
    host = await spawnHost(dataDir);
    const second = await boards.open({ url: host.url, dataDir, startOn: 'library' });
    const again = second.page;
    // The app opens the session it had open last, in its metrics block: its view first, the topics one toggle away.
    await again.getByRole('region', { name: 'Metrics and their narratives' }).getByText('SQL rate').waitFor();
    await again.getByRole('button', { name: 'Show topics' }).click();
    await lane(again, 'Open topics').waitFor();
    expect(await again.getByRole('heading', { level: 1 }).innerText()).toBe('Workshop Süd');

    expect(await titlesIn(again, 'Marketing')).toEqual(['Trade fair', 'Sales only wants discounts']);
    expect(await titlesIn(again, 'Seam')).toEqual(['Lead definition', 'SQL rate']);
    expect(await titlesIn(again, 'Sales')).toEqual(['Price list', 'Marketing paints pretty pictures']);
    expect(await titlesIn(again, 'Open topics')).toEqual([]);
    // Still in the metrics block, with the clock still running from where it was.
    expect(await agendaOf(again).locator('[aria-current="step"] .agenda-title').innerText()).toBe('Measure and narrate');
    await again.getByRole('group', { name: 'Timer' }).getByRole('button', { name: 'Pause' }).waitFor();
    expect(await countdown(again).innerText()).toMatch(/^39:[0-5]\d$/);
    await toolsOf(again).getByText('Every metric has its narrative').waitFor();
    await again.getByText('Mission: Together we win customers who stay.').waitFor();

    dialog = await openDetails(again, 'Lead definition');
    expect(await dialog.getByLabel('Lead', { exact: true }).inputValue()).toBe('joint');
    expect(await dialog.getByLabel('Who meets').inputValue()).toBe('Head of marketing and head of sales');
    expect(await dialog.getByLabel('Reason for the move from Open topics to Seam').inputValue()).toBe('Both sides qualify leads');
    await dialog.getByRole('button', { name: 'Done' }).click();
    dialog = await openDetails(again, 'Sales only wants discounts');
    expect(await dialog.getByLabel('Cleared').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Done' }).click();
    dialog = await openDetails(again, 'SQL rate');
    expect(await dialog.getByLabel('Narrative: what the number tells').inputValue()).toBe('When it rises, both sides work on the same customers.');
    await dialog.getByRole('button', { name: 'Done' }).click();

    await again.getByRole('button', { name: 'Dot voting', exact: true }).click();
    expect(await ranking(again)).toEqual(['1. Lead definition 3 dots Seam', '2. Price list 1 dot Sales']);
    await second.close();
  });
});
