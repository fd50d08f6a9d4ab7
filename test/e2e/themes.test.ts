/**
 * Themes: "Like the system" follows the operating system live (dark, light, more contrast, forced
 * colours), a chosen theme is a preference kept across restarts, and text stays readable — 7:1 in
 * high contrast (measured by axe's AAA rule and by our own measurement), 4.5:1 in light and dark.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { workshopAgenda } from '../../core/agenda';
import type { Session } from '../../core/model';
import { serializeSession } from '../../core/session-file';
import { richSession } from '../unit/export/sessions';
import { enhancedContrastOnly, seriousViolations, textContrasts } from './axe';
import { savedPreference, useBoards } from './support';

const boards = useBoards();
const tempDataDir = () => boards.tempDir('themes');

/** The page's background as the room sees it. */
const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const light = 'rgb(238, 240, 243)';
const dark = 'rgb(17, 20, 24)';
const black = 'rgb(0, 0, 0)';

/** Every card kind and mark a face can carry: all five colours, tags, badges, metrics, seam exchanges, dots, the workshop panel's active block. */
function colourfulWorkshop(): Session {
  const rich = richSession(24);
  const colours = ['yellow', 'blue', 'green', 'red', 'violet', null] as const;
  const cards = Object.fromEntries(
    Object.entries(rich.cards).map(([id, card], index) => [id, { ...card, colour: colours[index % colours.length] ?? null }]),
  );
  let blockId = 0;
  const agenda = workshopAgenda(() => `block-${++blockId}`);
  return { ...rich, cards, agenda, activeBlockId: agenda[0]?.id ?? null, details: { ...rich.details, title: 'Themes' } };
}

/** The start screen with the colourful session in its folder. */
async function openLibrary(): Promise<Page> {
  const dataDir = await tempDataDir();
  await mkdir(join(dataDir, 'sessions'), { recursive: true });
  await writeFile(join(dataDir, 'sessions', 'Themes.nahtstelle'), serializeSession(colourfulWorkshop()));
  const { page } = await boards.open({ dataDir, startOn: 'library', bypassCSP: true });
  return page;
}

async function openColourfulBoard(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open Themes' }).click();
  await page.getByRole('region', { name: 'Marketing' }).waitFor();
}

async function chooseTheme(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('combobox', { name: 'Theme' }).selectOption({ label });
  await dialog.getByRole('button', { name: 'Done' }).click();
}

/** Texts below `minimum`, one line each, so a failure names the text and its colours. */
async function lowContrastTexts(
  page: Page,
  selector: string,
  minimum: number,
  options: { includeDisabled?: boolean; atLeast?: number } = {},
): Promise<string[]> {
  const measured = await textContrasts(page, selector, options);
  expect(measured.length).toBeGreaterThanOrEqual(options.atLeast ?? 50);
  return measured.filter((m) => m.ratio < minimum).map((m) => `${m.ratio}:1 "${m.text}" (${m.colour} on ${m.background})`);
}

describe('themes', () => {
  it('"Like the system" follows the operating system as it changes: dark, light, more contrast, forced colours', async () => {
    const { page } = await boards.open({ startOn: 'library' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => pageBackground(page)).toBe(dark);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => pageBackground(page)).toBe(light);
    await page.emulateMedia({ contrast: 'more' });
    await expect.poll(() => pageBackground(page)).toBe(black);
    await page.emulateMedia({ contrast: 'no-preference' });
    await expect.poll(() => pageBackground(page)).toBe(light);
    // Forced colours (a Windows contrast theme): the system's colours win, and the app is in high contrast beneath them.
    await page.emulateMedia({ forcedColors: 'active' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('contrast');
  });

  it('a chosen theme is a preference: kept after a restart, whatever the system says', async () => {
    const dataDir = await tempDataDir();
    const first = await boards.open({ dataDir, startOn: 'library' });
    await chooseTheme(first.page, 'High contrast');
    expect(await pageBackground(first.page)).toBe(black);
    await expect.poll(() => savedPreference(first, 'theme')).toBe('contrast');
    await first.close();

    const second = await boards.open({ dataDir, startOn: 'library' });
    await second.page.emulateMedia({ colorScheme: 'light', contrast: 'no-preference' });
    expect(await pageBackground(second.page)).toBe(black);
    await chooseTheme(second.page, 'Dark');
    expect(await pageBackground(second.page)).toBe(dark);
    await chooseTheme(second.page, 'Like the system');
    expect(await pageBackground(second.page)).toBe(light);
  });

  it('high contrast: every text on the start screen and the board is at least 7:1 on its background, by axe (AAA) and measured', async () => {
    const page = await openLibrary();
    await chooseTheme(page, 'High contrast');
    expect(await lowContrastTexts(page, '.app', 7, { includeDisabled: true, atLeast: 8 })).toEqual([]);
    await openColourfulBoard(page);
    // Find open too: its bar, counts and the dimmed and found cards; a focused card shows its buttons.
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('search').getByLabel('Find', { exact: true }).fill('Topic 1');
    await page.locator('[data-card-id]').first().focus();

    // Disabled buttons too: high contrast keeps them readable (and says disabled by a dashed border).
    expect(await lowContrastTexts(page, '.app', 7, { includeDisabled: true })).toEqual([]);
    expect(await seriousViolations(page, { options: enhancedContrastOnly })).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('light and dark keep at least 4.5:1 for every text on the board', async () => {
    const page = await openLibrary();
    for (const theme of ['Light', 'Dark']) {
      await chooseTheme(page, theme);
      await openColourfulBoard(page);
      expect(await lowContrastTexts(page, '.app', 4.5), theme).toEqual([]);
      await page.getByRole('button', { name: 'Sessions', exact: true }).click();
    }
  });
});
