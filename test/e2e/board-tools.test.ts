import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addCards, cardTitles as cardTexts, mouseDrag, useBoards } from './support';

const boards = useBoards();

/** The titles of a lane's cards, top to bottom (a card's first line; badges such as "Lead unresolved" follow it). */
async function cardTitles(page: Page, lane: string): Promise<string[]> {
  return (await cardTexts(page, lane)).map((text) => text.split('\n')[0] ?? '');
}

/** The card element (the focusable handle) whose text contains `title`. */
const cardNamed = (page: Page, title: string) => page.locator('[data-card-id]', { hasText: title });

/** The title-bearing text of the card that has the keyboard focus, found through its id. */
async function focusedCardId(page: Page): Promise<string | null> {
  return page.evaluate(() =>
    document.activeElement instanceof HTMLElement ? (document.activeElement.closest<HTMLElement>('[data-card-id]')?.dataset.cardId ?? null) : null,
  );
}

async function idOf(page: Page, title: string): Promise<string | null> {
  return cardNamed(page, title).getAttribute('data-card-id');
}

/** Space picks up the focused card; dnd-kit listens for arrow keys one task later. */
async function pickUp(page: Page): Promise<void> {
  await page.keyboard.press('Space');
  await page.locator('[aria-pressed="true"][data-card-id]').waitFor();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** After a move across lanes the board asks why; Escape skips the question if it took the focus. */
async function skipReason(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const tag = await page.evaluate(() => document.activeElement?.tagName);
  if (tag === 'INPUT') await page.keyboard.press('Escape');
}

async function addLane(page: Page, name: string, labels = { add: 'Add lane', field: 'Name of the new lane', create: 'Add' }): Promise<void> {
  await page.getByRole('button', { name: labels.add, exact: true }).click();
  const field = page.getByRole('textbox', { name: labels.field });
  await field.fill(name);
  await page.getByRole('button', { name: labels.create, exact: true }).click();
  await page.getByRole('region', { name, exact: true }).waitFor();
}

const findStatus = (page: Page) => page.getByRole('search', { name: 'Find cards' }).getByRole('status');
const laneHeader = (page: Page, lane: string) => page.getByRole('region', { name: lane, exact: true }).locator('header');

describe('Find', () => {
  it('filters by text with a live count, shows matches per lane, steps through matches by keyboard, and Escape clears it', async () => {
    const { page } = await boards.open();
    await addCards(page, 'Marketing', ['Product launch', 'Trade fair budget']);
    await addCards(page, 'Seam', ['Lead scoring']);
    await addCards(page, 'Sales', ['Fair follow-up calls', 'Discount rules']);

    await cardNamed(page, 'Discount rules').focus();
    await page.keyboard.press('Control+f');
    const field = page.getByRole('searchbox', { name: 'Find' });
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await findStatus(page).innerText()).toBe('5 of 5 cards');

    await field.fill('fair');
    expect(await findStatus(page).innerText()).toBe('2 of 5 cards');
    expect(await laneHeader(page, 'Marketing').innerText()).toContain('1 match');
    expect(await laneHeader(page, 'Seam').innerText()).toContain('0 matches');
    // Dimmed, not removed: the board keeps every card where it stands.
    expect(await cardTitles(page, 'Marketing')).toEqual(['Product launch', 'Trade fair budget']);

    // Enter in the field goes to the first match; "Next match" and F3 go on, wrapping round.
    await field.press('Enter');
    expect(await focusedCardId(page)).toBe(await idOf(page, 'Trade fair budget'));
    await page.keyboard.press('F3');
    expect(await focusedCardId(page)).toBe(await idOf(page, 'Fair follow-up calls'));
    await page.getByRole('button', { name: 'Next match' }).click();
    expect(await focusedCardId(page)).toBe(await idOf(page, 'Trade fair budget'));

    // Words anywhere on the card, all of them; and a filter by lead.
    await field.fill('fair budget');
    expect(await findStatus(page).innerText()).toBe('1 of 5 cards');
    await field.fill('');
    await page.getByRole('combobox', { name: 'Lead' }).selectOption({ label: 'Sales' });
    expect(await findStatus(page).innerText()).toBe('2 of 5 cards');
    expect(await laneHeader(page, 'Sales').innerText()).toContain('2 matches');

    // Ctrl+F from the board comes back to the field; Escape closes Find and shows every card again.
    await page.getByRole('button', { name: 'Next match' }).click();
    await page.keyboard.press('Control+f');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('search').count()).toBe(0);
    expect(await laneHeader(page, 'Sales').innerText()).not.toContain('match');
    expect(await page.getByRole('button', { name: 'Find', exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    // Reopened, it starts afresh.
    await page.keyboard.press('Control+f');
    expect(await findStatus(page).innerText()).toBe('5 of 5 cards');
  });

  it('a card dragged by keyboard into an extra lane becomes unresolved, one click away under "Unresolved"', async () => {
    const { page } = await boards.open();
    await addCards(page, 'Marketing', ['Product launch', 'Webinar series']);
    await addCards(page, 'Sales', ['Discount rules']);
    await addLane(page, 'Parking lot');

    // Across all four lanes with Right, and back with Left.
    await cardNamed(page, 'Webinar series').focus();
    await pickUp(page);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await skipReason(page);
    expect(await cardTitles(page, 'Parking lot')).toEqual(['Webinar series']);
    expect(await cardTitles(page, 'Marketing')).toEqual(['Product launch']);

    await cardNamed(page, 'Discount rules').focus();
    await pickUp(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await skipReason(page);
    await pickUp(page);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    await skipReason(page);
    expect(await cardTitles(page, 'Sales')).toEqual(['Discount rules']);
    expect(await cardTitles(page, 'Parking lot')).toEqual(['Webinar series']);

    await page.getByRole('button', { name: 'Find', exact: true }).click();
    const unresolved = page.getByRole('button', { name: 'Unresolved (1)' });
    const attention = page.getByRole('button', { name: 'Needs attention (1)' });
    await unresolved.waitFor();
    await attention.waitFor();
    await unresolved.click();
    expect(await unresolved.getAttribute('aria-pressed')).toBe('true');
    expect(await findStatus(page).innerText()).toBe('1 of 3 cards');
    expect(await laneHeader(page, 'Parking lot').innerText()).toContain('1 match');
    await page.getByRole('button', { name: 'Next match' }).click();
    expect(await focusedCardId(page)).toBe(await idOf(page, 'Webinar series'));

    // The count is live: back to a lane of the method, the card is no longer unresolved.
    await pickUp(page);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    await skipReason(page);
    await page.getByRole('button', { name: 'Unresolved (0)' }).waitFor();
    expect(await findStatus(page).innerText()).toBe('0 of 3 cards');
    expect(await page.getByRole('button', { name: 'Next match' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Unresolved (0)' }).click();
    expect(await findStatus(page).innerText()).toBe('3 of 3 cards');
  });
});

describe('dot voting', () => {
  it('by departments: dots within the budget, totals hidden until revealed, then a ranking; clearing asks first and undo brings it back', async () => {
    const { page } = await boards.open();
    await addCards(page, 'Marketing', ['Product launch', 'Webinar series']);
    await addCards(page, 'Sales', ['Discount rules']);

    await page.getByRole('button', { name: 'Dot voting', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Dot voting' });
    expect(await panel.getByRole('radio', { name: 'Departments' }).isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'One dot fewer each' }).click();
    expect(await panel.locator('output').innerText()).toBe('2');

    const addDot = (voter: string, title: string) => page.getByRole('button', { name: new RegExp(`^Add a dot from ${voter} to ${title}`) });
    const voterButton = (voter: string) => panel.getByRole('button', { name: new RegExp(`^${voter} ·`) });

    await voterButton('Marketing').click();
    expect(await voterButton('Marketing').getAttribute('aria-pressed')).toBe('true');
    await addDot('Marketing', 'Product launch').click();
    await addDot('Marketing', 'Webinar series').click();
    expect(await voterButton('Marketing').innerText()).toBe('Marketing · 0 of 2 left');

    await voterButton('Sales').click();
    expect(await voterButton('Marketing').getAttribute('aria-pressed')).toBe('false');
    await addDot('Sales', 'Discount rules').click();
    await addDot('Sales', 'Discount rules').click();
    expect(await voterButton('Sales').innerText()).toBe('Sales · 0 of 2 left');
    // Over the budget: nothing changes (the ranking below shows no third dot either).
    await addDot('Sales', 'Product launch').click({ force: true });
    expect(await voterButton('Sales').innerText()).toBe('Sales · 0 of 2 left');
    // The refusal shows on the card where the dot was tried, not only to the screen reader.
    const refusal = page.getByRole('group', { name: 'Dots on Product launch' }).getByRole('status');
    expect(await refusal.innerText()).toBe('Sales has no dots left.');
    expect(await refusal.isVisible()).toBe(true);
    expect(await voterButton('Other').innerText()).toBe('Other · 2 of 2 left');

    // Hidden until revealed.
    expect(await panel.getByText('Totals stay hidden until you reveal them.').isVisible()).toBe(true);
    expect(await panel.getByRole('list', { name: 'Ranking' }).count()).toBe(0);

    await panel.getByRole('button', { name: 'Reveal totals' }).click();
    const ranking = panel.getByRole('list', { name: 'Ranking' });
    const entries = async () => (await ranking.getByRole('listitem').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    // Most dots first; equal dots share a rank and keep board order.
    expect(await entries()).toEqual(['1. Discount rules 2 dots Sales', '2. Product launch 1 dot Marketing', '2. Webinar series 1 dot Marketing']);

    // Clearing asks first; cancel keeps everything.
    await panel.getByRole('button', { name: 'Clear all votes' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByText('Remove all 4 dots from every card?').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await entries()).toHaveLength(3);
    await panel.getByRole('button', { name: 'Clear all votes' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Clear votes' }).click();
    expect(await voterButton('Sales').innerText()).toBe('Sales · 2 of 2 left');
    expect(await panel.getByRole('button', { name: 'Reveal totals' }).isVisible()).toBe(true);
    expect(await panel.getByRole('list', { name: 'Ranking' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    expect(await entries()).toEqual(['1. Discount rules 2 dots Sales', '2. Product launch 1 dot Marketing', '2. Webinar series 1 dot Marketing']);

    // Closing the panel ends placing dots: the cards lose their dot buttons.
    await panel.getByRole('button', { name: 'Close dot voting' }).click();
    expect(await page.getByRole('button', { name: /^Add a dot from/ }).count()).toBe(0);
  });

  it('by participants when the session lists none: says so and offers the departments', async () => {
    const { page } = await boards.open();
    await page.getByRole('button', { name: 'Dot voting', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Dot voting' });
    await panel.getByRole('radio', { name: 'Participants' }).check();
    expect(await panel.getByText(/no participants yet/).isVisible()).toBe(true);
    expect(await panel.getByText('Dots per participant').isVisible()).toBe(true);
    await panel.getByRole('button', { name: 'Vote by department' }).click();
    expect(await panel.getByRole('radio', { name: 'Departments' }).isChecked()).toBe(true);
    await voterButtonsVisible(page);
  });
});

async function voterButtonsVisible(page: Page): Promise<void> {
  const panel = page.getByRole('region', { name: 'Dot voting' });
  expect(await panel.getByRole('group', { name: 'Who is placing dots?' }).getByRole('button').allInnerTexts()).toEqual([
    'Marketing · 3 of 3 left',
    'Sales · 3 of 3 left',
    'Other · 3 of 3 left',
  ]);
}

describe('lanes (German UI)', () => {
  it('renames a lane from its header, gives a method lane its name back when blank, adds and removes an extra lane', async () => {
    const { page } = await boards.open({ locale: 'de-DE' });
    const labels = { add: 'Spalte hinzufügen', field: 'Name der neuen Spalte', create: 'Hinzufügen' };

    await page.getByRole('button', { name: 'Spalte Marketing umbenennen' }).click();
    const field = page.getByRole('textbox', { name: 'Neuer Name für die Spalte Marketing' });
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.fill('Marketing-Team');
    await field.press('Enter');
    await page.getByRole('region', { name: 'Marketing-Team', exact: true }).waitFor();
    // The focus comes back to the rename button once the header shows the new name.
    await expect
      .poll(() => page.getByRole('button', { name: 'Spalte Marketing-Team umbenennen' }).evaluate((el) => el === document.activeElement))
      .toBe(true);

    // Escape keeps the name; blank gives the default back.
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Neuer Name für die Spalte Marketing-Team' }).fill('Verworfen');
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Marketing-Team', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Spalte Marketing-Team umbenennen' }).click();
    await page.getByRole('textbox', { name: 'Neuer Name für die Spalte Marketing-Team' }).fill('');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Marketing', exact: true }).waitFor();

    // An extra lane: suggested name, then removable while empty; with a card in it, it stays and says why.
    await page.getByRole('button', { name: labels.add, exact: true }).click();
    expect(await page.getByRole('textbox', { name: labels.field }).inputValue()).toBe('Parkplatz');
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await addLane(page, 'Themenspeicher', labels);
    expect(await page.locator('[data-lane-id] h2').allInnerTexts()).toEqual(['Marketing', 'Nahtstelle', 'Sales', 'Themenspeicher']);

    await addCards(page, 'Themenspeicher', ['Später klären'], 'Karte hinzufügen');
    const remove = page.getByRole('button', { name: 'Spalte Themenspeicher entfernen' });
    expect(await remove.getAttribute('aria-disabled')).toBe('true');
    await remove.focus();
    await page.keyboard.press('Enter');
    expect(
      await page.getByText('Verschieben Sie zuerst ihre Karten in eine andere Spalte; nur eine leere Spalte lässt sich entfernen.').isVisible(),
    ).toBe(true);
    expect(await cardTitles(page, 'Themenspeicher')).toEqual(['Später klären']);

    // A mouse drag takes the card out again; then the lane goes.
    const card = await cardNamed(page, 'Später klären').boundingBox();
    const sales = await page.getByRole('region', { name: 'Sales', exact: true }).boundingBox();
    if (!card || !sales) throw new Error('card or lane not on screen');
    await mouseDrag(page, { x: card.x + card.width / 2, y: card.y + card.height / 2 }, { x: sales.x + sales.width / 2, y: sales.y + 200 });
    await skipReason(page);
    expect(await cardTitles(page, 'Sales')).toEqual(['Später klären']);
    expect(await remove.getAttribute('aria-disabled')).toBeNull();
    await remove.click();
    expect(await page.getByRole('region', { name: 'Themenspeicher', exact: true }).count()).toBe(0);

    // A mouse drag into an extra lane works as well; undo brings a removed lane back.
    await page.getByRole('button', { name: 'Rückgängig', exact: true }).click();
    const back = await cardNamed(page, 'Später klären').boundingBox();
    const extra = await page.getByRole('region', { name: 'Themenspeicher', exact: true }).boundingBox();
    if (!back || !extra) throw new Error('card or lane not on screen');
    await mouseDrag(page, { x: back.x + back.width / 2, y: back.y + back.height / 2 }, { x: extra.x + extra.width / 2, y: extra.y + 200 });
    await skipReason(page);
    expect(await cardTitles(page, 'Themenspeicher')).toEqual(['Später klären']);
  });
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('accessibility of the board tools', () => {
  it('Find, dot voting with its ranking, and an extra lane have no serious or critical axe violations', async () => {
    const { page } = await boards.open({ locale: 'de-DE', bypassCSP: true });
    await addCards(page, 'Marketing', ['Messeauftritt'], 'Karte hinzufügen');
    await addLane(page, 'Parkplatz', { add: 'Spalte hinzufügen', field: 'Name der neuen Spalte', create: 'Hinzufügen' });
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Suchen' }).fill('messe');
    await page.getByRole('button', { name: 'Punktabfrage', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Punktabfrage' });
    await panel.getByRole('button', { name: /^Marketing ·/ }).click();
    await panel.getByRole('button', { name: 'Ergebnis aufdecken' }).click();
    await page.getByRole('button', { name: 'Spalte Nahtstelle umbenennen' }).click();

    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }
      ).axe;
      return (await axe.run()).violations;
    });
    expect(
      violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
});
