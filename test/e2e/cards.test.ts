import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { workshopAgenda } from '../../core/agenda';
import { createSession, type Session } from '../../core/model';
import { applyOperation, type Operation } from '../../core/operations';
import { serializeSession } from '../../core/session-file';
import { addCards, appLive, cardTitles, centreOf, liftCard, mouseDrag, useBoards } from './support';

const boards = useBoards();
const tempDataDir = () => boards.tempDir('cards');

/** A prepared session in the sessions folder, as a facilitator's earlier work would be. */
async function writeSession(dataDir: string, session: Session): Promise<void> {
  await mkdir(join(dataDir, 'sessions'), { recursive: true });
  await writeFile(join(dataDir, 'sessions', `${session.details.title}.nahtstelle`), serializeSession(session));
}

/** The workshop template's four blocks (ids b0…b3: lead, caricatures, mission, metrics), then `ops`. */
function workshopSession(title: string, ops: readonly Operation[]): Session {
  let n = 0;
  return ops.reduce(
    applyOperation,
    createSession(
      `session-${title}`,
      { title },
      workshopAgenda(() => `b${n++}`),
    ),
  );
}

async function openFromLibrary(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: `Open ${title}` }).click();
  // The lanes, or the open block's own view (caricatures, metrics): the board's first list.
  await page.locator('main.board > section').first().waitFor();
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A card by its title: a card is named by what its face shows, title first. */
const card = (page: Page, title: string) => page.getByRole('button', { name: new RegExp(`^${escaped(title)}(,|$)`) });
const nameOf = (page: Page, title: string) => card(page, title).getAttribute('aria-label');
/** The title of the card that has the focus (or the tag name of whatever else has it). */
const focusedName = (page: Page) =>
  page.evaluate(() => document.activeElement?.querySelector('.card-title')?.textContent ?? document.activeElement?.tagName);

/** What a screen reader hears after the card's name: the text of its aria-describedby elements. */
async function description(page: Page, name: string, nth = 0): Promise<string> {
  return card(page, name)
    .nth(nth)
    .evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings within the given parts of the page. */
async function seriousViolations(page: Page, selectors: string[]): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (include) => {
    type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run({ include: include.map((selector) => [selector]) })).violations;
  }, selectors);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Space picks up; dnd-kit listens for arrows one task later (see keyboard.test.ts). */
async function pickUp(page: Page): Promise<void> {
  await page.keyboard.press('Space');
  await page.locator('[aria-pressed="true"]').waitFor();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

describe('card details', () => {
  it('edits every kind of field; the edits stay after reopening and after a reload, and each is one undo step', async () => {
    const board = await boards.open();
    const { page } = board;
    await addCards(page, 'Marketing', ['Trade fair']);

    await page.getByRole('button', { name: 'Details for Trade fair' }).click();
    const dialog = page.getByRole('dialog', { name: 'Card: Trade fair' });
    await dialog.getByLabel('Why: function or mission?').fill('Customers meet both of us there.');
    await dialog.getByRole('radio', { name: 'Yellow' }).check();
    await dialog.getByLabel('New tag').fill('events');
    await dialog.getByLabel('New tag').press('Enter');
    await dialog.getByLabel('New action item').fill('Book the booth');
    await dialog.getByLabel('New action item').press('Enter');
    await dialog.getByRole('combobox', { name: 'Owner', exact: true }).fill('Ana');
    await dialog.getByLabel('Due').fill('2027-05-03');
    await dialog.getByLabel('Who meets').fill('Event team and key account managers');
    await dialog.getByLabel('Notes').fill('Budget is tight.');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedName(page)).toBe('Trade fair');

    // The face shows what the card holds; the description says it, colour included.
    const face = page.locator('[data-card-id]', { hasText: 'Trade fair' });
    expect(await face.innerText()).toBe(
      ['Trade fair', 'Who: Event team and key account managers', 'Why: Customers meet both of us there.', 'events', '0/1 actions done', 'Notes'].join(
        '\n',
      ),
    );
    expect(await nameOf(page, 'Trade fair')).toBe(
      'Trade fair, Who: Event team and key account managers, Why: Customers meet both of us there., events, 0/1 actions done, Notes',
    );
    expect(await description(page, 'Trade fair')).toMatch(/^Topic\. Lead: Marketing\. Colour: Yellow\. I opens the details\. To pick up a card/);

    await page.getByRole('button', { name: 'Details for Trade fair' }).click();
    expect(await dialog.getByLabel('Notes').inputValue()).toBe('Budget is tight.');
    expect(await dialog.getByRole('textbox', { name: 'Action item', exact: true }).inputValue()).toBe('Book the booth');
    expect(await dialog.getByRole('combobox', { name: 'Owner', exact: true }).inputValue()).toBe('Ana');
    expect(await dialog.getByLabel('Due').inputValue()).toBe('2027-05-03');
    expect(await dialog.getByRole('radio', { name: 'Yellow' }).isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Undo takes back the last edit only (the notes), redo brings it back.
    await page.keyboard.press('Control+z');
    expect(await face.innerText()).not.toContain('Notes');
    expect(await face.innerText()).toContain('Who: Event team');
    await page.keyboard.press('Control+Shift+z');
    expect(await face.innerText()).toContain('Notes');

    await page.getByText(/^Saved · /).waitFor();
    await page.reload();
    await appLive(page);
    await page.getByRole('region', { name: 'Marketing' }).waitFor();
    await page.getByRole('button', { name: 'Details for Trade fair' }).click();
    expect(await dialog.getByLabel('Notes').inputValue()).toBe('Budget is tight.');
    expect(await dialog.getByLabel('Who meets').inputValue()).toBe('Event team and key account managers');
    expect(await dialog.getByRole('listitem').filter({ hasText: 'events' }).count()).toBe(1);
  });

  it('works by keyboard alone: I opens the details, Enter saves a field, Escape closes and gives the focus back', async () => {
    const board = await boards.open({ locale: 'de-DE' });
    const { page } = board;
    await addCards(page, 'Sales', ['Rabattpolitik'], 'Karte hinzufügen');
    await card(page, 'Rabattpolitik').focus();
    await page.keyboard.press('i');
    const dialog = page.getByRole('dialog', { name: 'Karte: Rabattpolitik' });
    await dialog.waitFor();
    // The title field has the focus first.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Rabattpolitik');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Rabatte nur mit Freigabe');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // Art
    await page.keyboard.press('Tab'); // Führung
    await page.keyboard.press('Tab'); // Wer trifft sich
    await page.keyboard.type('Vertriebsleitung und Produktmarketing');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedName(page)).toBe('Rabatte nur mit Freigabe');
    expect(await cardTitles(page, 'Sales')).toEqual(['Rabatte nur mit Freigabe\nWer: Vertriebsleitung und Produktmarketing']);

    // Two edits, two undo steps.
    await page.keyboard.press('Control+z');
    expect(await cardTitles(page, 'Sales')).toEqual(['Rabatte nur mit Freigabe']);
    await page.keyboard.press('Control+z');
    expect(await cardTitles(page, 'Sales')).toEqual(['Rabattpolitik']);
  });
});

describe('lead and the reason for a move', () => {
  it('marks an unresolved topic; moving it gives it the lane’s lead and asks why (Enter saves, Escape skips)', async () => {
    const board = await boards.open();
    const { page } = board;
    await addCards(page, 'Marketing', ['Price list']);
    await page.getByRole('button', { name: 'Details for Price list' }).click();
    const dialog = page.getByRole('dialog', { name: 'Card: Price list' });
    await dialog.getByLabel('Lead', { exact: true }).selectOption('unresolved');
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedName(page)).toBe('Price list');
    expect(await cardTitles(page, 'Marketing')).toEqual(['Price list\nLead unresolved']);
    expect(await description(page, 'Price list')).toMatch(/^Topic\. Lead unresolved\./);

    // By keyboard into the seam: the question takes the focus; Enter saves and gives it back.
    await card(page, 'Price list').focus();
    await pickUp(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    const question = page.getByRole('textbox', { name: 'Why did “Price list” move from Marketing to Seam?' });
    await question.waitFor();
    await expect.poll(() => question.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('Both sides set prices together');
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    await expect.poll(() => focusedName(page)).toBe('Price list');
    expect(await cardTitles(page, 'Seam')).toEqual(['Price list']);
    expect(await description(page, 'Price list')).toMatch(/^Topic\. Lead: Joint \(seam\)\./);

    // By mouse on to Sales: Escape skips in one key.
    const from = await centreOf(page, 'Price list', 'Seam');
    const salesBox = await page.getByRole('region', { name: 'Sales', exact: true }).boundingBox();
    if (!salesBox) throw new Error('No Sales lane');
    await mouseDrag(page, from, { x: salesBox.x + salesBox.width / 2, y: salesBox.y + 200 });
    const second = page.getByRole('textbox', { name: 'Why did “Price list” move from Seam to Sales?' });
    await second.waitFor();
    await expect.poll(() => second.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await second.waitFor({ state: 'detached' });
    await expect.poll(() => focusedName(page)).toBe('Price list');
    expect(await cardTitles(page, 'Sales')).toEqual(['Price list']);

    // The history lists both moves, the first with its reason, which stays editable.
    await page.keyboard.press('i');
    const history = page.getByRole('group', { name: 'Move history' });
    expect(await history.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^Marketing → Seam/),
      expect.stringMatching(/^Seam → Sales/),
    ]);
    expect(await history.getByLabel('Reason for the move from Marketing to Seam').inputValue()).toBe('Both sides set prices together');
    expect(await history.getByLabel('Reason for the move from Seam to Sales').inputValue()).toBe('');
    await history.getByLabel('Reason for the move from Seam to Sales').fill('Sales owns the price list after all');
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedName(page)).toBe('Price list');
    await page.keyboard.press('i');
    expect(await history.getByLabel('Reason for the move from Seam to Sales').inputValue()).toBe('Sales owns the price list after all');
  });

  it('keeps the next keyboard move one key away: Escape skips, Space picks the card up again', async () => {
    const board = await boards.open();
    const { page } = board;
    await addCards(page, 'Marketing', ['Roadshow']);
    await card(page, 'Roadshow').focus();
    await pickUp(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    const question = page.getByRole('textbox', { name: 'Why did “Roadshow” move from Marketing to Seam?' });
    await expect.poll(() => question.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await pickUp(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    expect(await cardTitles(page, 'Sales')).toEqual(['Roadshow']);
    await page.getByRole('textbox', { name: 'Why did “Roadshow” move from Seam to Sales?' }).waitFor();
    await page.keyboard.press('Escape'); // whether the question has taken the focus yet or not
    expect(await page.getByRole('textbox', { name: /^Why did/ }).count()).toBe(0);
    expect(await focusedName(page)).toBe('Roadshow');

    // Ctrl+Z in the still empty question undoes the move, as it would on the board.
    await pickUp(page);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    const third = page.getByRole('textbox', { name: 'Why did “Roadshow” move from Sales to Seam?' });
    await expect.poll(() => third.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+z');
    await third.waitFor({ state: 'detached' });
    expect(await cardTitles(page, 'Sales')).toEqual(['Roadshow']);
    await expect.poll(() => focusedName(page)).toBe('Roadshow');
  });
});

describe('caricatures and metrics', () => {
  const caricatureOps: Operation[] = [
    { type: 'goToBlock', blockId: 'b1' },
    { type: 'addCard', cardId: 'c1', laneId: 'sales', title: 'Marketing only makes pretty slides', kind: 'caricature' },
    { type: 'addCard', cardId: 'c2', laneId: 'marketing', title: 'Sales only wants discounts', kind: 'caricature' },
  ];

  it('covers a caricature until the caricatures are revealed; then it shows its text, what is true, and that it is cleared', async () => {
    const dataDir = await tempDataDir();
    await writeSession(dataDir, workshopSession('Zerrbilder', caricatureOps));
    const { page } = await boards.open({ dataDir, startOn: 'library' });
    await openFromLibrary(page, 'Zerrbilder');

    expect(await cardTitles(page, 'How Sales sees Marketing')).toEqual(['Hidden caricature\nHow Sales sees Marketing']);
    expect(await cardTitles(page, 'How Marketing sees Sales')).toEqual(['Hidden caricature\nHow Marketing sees Sales']);
    expect(await page.content()).not.toContain('pretty slides');
    expect(await card(page, 'Hidden caricature').evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label')))).toEqual([
      'Hidden caricature, How Marketing sees Sales',
      'Hidden caricature, How Sales sees Marketing',
    ]);
    expect(await description(page, 'Hidden caricature', 1)).toMatch(/^Caricature\. Hidden until the caricatures are revealed\. I opens/);
    expect(await page.getByRole('button', { name: 'Details for Hidden caricature' }).count()).toBe(2);

    // Lifted for a drag, it stays covered.
    const box = await page
      .getByRole('region', { name: 'How Sales sees Marketing', exact: true })
      .getByRole('button', { name: /^Hidden caricature/ })
      .boundingBox();
    if (!box) throw new Error('No hidden caricature in Sales');
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await liftCard(page, from);
    await page.mouse.move(from.x - 200, from.y + 40, { steps: 8 });
    expect(await page.locator('.card-face--lifted').innerText()).toBe('Hidden caricature\nHow Sales sees Marketing');
    // Nothing on the page gives it away, the screen-reader announcement of the drag included.
    expect(await page.locator('#board-announcer').innerText()).toMatch(/^Picked up Hidden caricature\. Sales/);
    expect(await page.content()).not.toContain('pretty slides');
    await page.mouse.move(from.x, from.y, { steps: 4 });
    await page.mouse.up();

    // The block is "Clear up caricatures": a new card is a caricature, covered as soon as it is added
    // (here in the block's own view, which adds it to the Sales lane).
    const lane = page.getByRole('region', { name: 'How Sales sees Marketing', exact: true });
    const field = lane.getByRole('textbox', { name: 'Title of the new caricature in Sales' });
    // Right after the drop the view may still re-render under load: press "Add card" again until
    // the field is there, rather than count on the first press landing.
    await expect
      .poll(async () => {
        if (!(await field.isVisible()))
          await lane
            .getByRole('button', { name: 'Add card', exact: true })
            .click({ timeout: 2000 })
            .catch(() => undefined);
        return field.isVisible();
      })
      .toBe(true);
    await field.fill('Marketing never talks to customers');
    await field.press('Enter');
    await field.press('Escape');
    expect(await cardTitles(page, 'How Sales sees Marketing')).toHaveLength(2);
    expect(await page.content()).not.toContain('never talks to customers');

    // Editing a covered card does not put its text on the projector until asked to.
    await page
      .getByRole('region', { name: 'How Marketing sees Sales', exact: true })
      .getByRole('button', { name: /^Hidden caricature/ })
      .press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Card: Hidden caricature' });
    await dialog.waitFor();
    expect(await page.content()).not.toContain('only wants discounts');
    await dialog.getByRole('button', { name: 'Show the text here' }).click();
    const shown = page.getByRole('dialog', { name: 'Card: Sales only wants discounts' });
    expect(await shown.getByLabel('Title').inputValue()).toBe('Sales only wants discounts');
    await page.keyboard.press('Escape');
    await shown.waitFor({ state: 'detached' });

    // Revealed (the workshop panel's action, here through the file), with what is actually true.
    await page.getByRole('button', { name: 'Sessions', exact: true }).click();
    await page.getByRole('button', { name: 'Open Zerrbilder' }).waitFor();
    await writeSession(
      dataDir,
      workshopSession('Zerrbilder', [
        ...caricatureOps,
        { type: 'revealCaricatures', revealed: true },
        { type: 'updateCard', cardId: 'c1', changes: { caricature: { truth: 'Marketing wrote half of the tender answers', cleared: true } } },
      ]),
    );
    await openFromLibrary(page, 'Zerrbilder');
    expect(await cardTitles(page, 'How Sales sees Marketing')).toEqual([
      'Marketing only makes pretty slides\nHow Sales sees Marketing\nActually: Marketing wrote half of the tender answers\nCleared',
    ]);
    expect(await nameOf(page, 'Marketing only makes pretty slides')).toBe(
      'Marketing only makes pretty slides, How Sales sees Marketing, Actually: Marketing wrote half of the tender answers, Cleared',
    );
  });

  it('flags a metric until it has a narrative', async () => {
    const dataDir = await tempDataDir();
    await writeSession(
      dataDir,
      workshopSession('Kennzahlen', [
        { type: 'goToBlock', blockId: 'b3' },
        { type: 'addCard', cardId: 'm1', laneId: 'sales', title: 'Qualified leads', kind: 'metric' },
        { type: 'updateCard', cardId: 'm1', changes: { metric: { value: '40', target: '60', unit: 'per month', owner: 'sales' } } },
      ]),
    );
    const { page } = await boards.open({ dataDir, startOn: 'library' });
    await openFromLibrary(page, 'Kennzahlen');
    expect(await cardTitles(page, 'Metrics and their narratives')).toEqual([
      'Qualified leads\nMetric · Sales\n40 per month · target 60 per month\nNo narrative yet',
    ]);
    expect(await nameOf(page, 'Qualified leads')).toBe('Qualified leads, Metric · Sales, 40 per month · target 60 per month, No narrative yet');

    await card(page, 'Qualified leads').focus();
    await page.keyboard.press('i');
    const dialog = page.getByRole('dialog', { name: 'Card: Qualified leads' });
    expect(await dialog.getByText('No narrative yet: the card is flagged').isVisible()).toBe(true);
    await dialog.getByLabel('Narrative: what the number tells').fill('Fewer leads, but the ones we get close twice as often.');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await cardTitles(page, 'Metrics and their narratives')).toEqual([
      'Qualified leads\nMetric · Sales\n40 per month · target 60 per month\nFewer leads, but the ones we get close twice as often.',
    ]);
    expect(await nameOf(page, 'Qualified leads')).not.toContain('No narrative yet');

    // In the metrics block new cards are metrics, also when added on the lanes (one toggle away).
    await page.getByRole('button', { name: 'Show topics' }).click();
    const lane = page.getByRole('region', { name: 'Marketing', exact: true });
    await lane.getByRole('button', { name: 'Add card', exact: true }).click();
    const field = lane.getByRole('textbox', { name: 'Name of the new metric in Marketing' });
    await field.fill('Cost per lead');
    await field.press('Enter');
    await field.press('Escape');
    expect(await cardTitles(page, 'Marketing')).toEqual(['Cost per lead\nMetric\nNo narrative yet']);
  });
});

describe('accessibility of cards', () => {
  it('cards of every kind, the details dialog and the reason prompt have no serious or critical axe findings', async () => {
    const dataDir = await tempDataDir();
    await writeSession(
      dataDir,
      workshopSession('Alles drin', [
        { type: 'addCard', cardId: 't1', laneId: 'marketing', title: 'Trade fair' },
        {
          type: 'updateCard',
          cardId: 't1',
          changes: {
            lead: 'unresolved',
            colour: 'violet',
            tags: ['events'],
            why: 'Both sides meet customers there.',
            notes: 'Budget',
            exchange: { who: 'Event team', cadence: 'monthly' },
            actions: [{ id: 'a1', text: 'Book the booth', owner: 'Ana', due: '2027-05-03', done: false }],
          },
        },
        { type: 'moveCard', cardId: 't1', toLaneId: 'seam', toIndex: 0, at: '2027-03-04T10:15:00.000Z' },
        { type: 'setMoveReason', cardId: 't1', moveIndex: 0, reason: 'Both sides are there' },
        { type: 'addCard', cardId: 'c1', laneId: 'sales', title: 'Marketing only makes slides', kind: 'caricature' },
        { type: 'addCard', cardId: 'm1', laneId: 'sales', title: 'Qualified leads', kind: 'metric' },
        { type: 'updateCard', cardId: 'm1', changes: { colour: 'yellow', metric: { value: '40', target: '60', unit: '%', owner: 'joint' } } },
        { type: 'vote', cardId: 't1', voterId: 'department:sales', delta: 1 },
        { type: 'setVoting', changes: { revealed: true } },
      ]),
    );
    const { page } = await boards.open({ dataDir, startOn: 'library', bypassCSP: true, locale: 'de-DE' });
    await page.getByRole('button', { name: 'Alles drin öffnen' }).click();
    await page.getByRole('region', { name: 'Marketing' }).waitFor();
    expect(await seriousViolations(page, ['.board'])).toEqual([]);

    await card(page, 'Trade fair').focus();
    await page.keyboard.press('i');
    await page.getByRole('dialog', { name: 'Karte: Trade fair' }).waitFor();
    expect(await seriousViolations(page, ['dialog'])).toEqual([]);
    await page.keyboard.press('Escape');

    await card(page, 'Qualified leads').focus();
    await page.keyboard.press('i');
    await page.getByRole('dialog', { name: 'Karte: Qualified leads' }).waitFor();
    expect(await seriousViolations(page, ['dialog'])).toEqual([]);
    await page.keyboard.press('Escape');

    await expect.poll(() => focusedName(page)).toBe('Qualified leads');
    await pickUp(page);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    await page.getByRole('textbox', { name: 'Warum wurde „Qualified leads“ von Sales nach Nahtstelle verschoben?' }).waitFor();
    expect(await seriousViolations(page, ['.reason-prompt'])).toEqual([]);
  });
});
