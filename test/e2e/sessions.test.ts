import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { currentFileVersion } from '../../core/session-file';
import { spawnHost, type HostProcess } from './host-process';
import { addCards, cardTitles, chooseFromMoreMenu, createSessionFromLibrary, expandWorkshopPanel, useBoards, appLive } from './support';

const boards = useBoards();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const tempDataDir = () => boards.tempDir('sessions');

const saved = (page: Page) => page.getByText(/^Saved · /).waitFor();

async function sessionFiles(dataDir: string): Promise<string[]> {
  return (await readdir(join(dataDir, 'sessions'))).filter((name) => name.endsWith('.nahtstelle'));
}

describe('sessions', () => {
  it('creates a session from the start screen, saves it by itself and lists it in the library', async () => {
    const dataDir = await tempDataDir();
    const { page } = await boards.open({ dataDir, startOn: 'library' });
    await page.getByText('No sessions yet.', { exact: false }).waitFor();

    await createSessionFromLibrary(page, { title: 'Kick-off Müller GmbH', client: 'Müller GmbH', date: '2027-03-04', place: 'Hamburg' });
    expect(await page.getByRole('heading', { name: 'Kick-off Müller GmbH' }).isVisible()).toBe(true);
    await addCards(page, 'Marketing', ['Messeplanung', 'Leadqualität']);
    await saved(page);

    const files = await sessionFiles(dataDir);
    expect(files).toHaveLength(1);
    const onDisk = JSON.parse(await readFile(join(dataDir, 'sessions', files[0] ?? ''), 'utf8'));
    expect(onDisk).toMatchObject({ format: 'nahtstelle-session', version: currentFileVersion });

    await page.getByRole('button', { name: 'Sessions', exact: true }).click();
    const row = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Open Kick-off Müller GmbH' }) });
    expect(await row.innerText()).toMatch(/Müller GmbH · .*2027 · Hamburg · 2 cards · Changed/);

    await page.getByRole('searchbox', { name: 'Filter sessions' }).fill('hamburg');
    expect(await row.isVisible()).toBe(true);
    await page.getByRole('searchbox', { name: 'Filter sessions' }).fill('Berlin');
    expect(await page.getByText('No session matches “Berlin”.').isVisible()).toBe(true);
  });

  it('brings back every saved change after the host is killed (crash recovery)', async () => {
    const dataDir = await tempDataDir();
    let host: HostProcess = await spawnHost(dataDir);
    cleanups.push(() => host.kill());
    const first = await boards.open({ url: host.url, dataDir, startOn: 'library' });
    await createSessionFromLibrary(first.page, { title: 'Workshop Nord' });
    await addCards(first.page, 'Marketing', ['Kampagnenplan']);
    await addCards(first.page, 'Sales', ['Angebotsquote', 'Rabatte']);
    await saved(first.page);
    // The page goes first, so nothing it might still send can help the host; then the hard kill.
    await first.close();
    await host.kill();
    host = await spawnHost(dataDir);
    const second = await boards.open({ url: host.url, dataDir, startOn: 'library' });
    await second.page.getByRole('region', { name: 'Marketing' }).waitFor();
    expect(await second.page.getByRole('heading', { name: 'Workshop Nord' }).isVisible()).toBe(true);
    expect(await cardTitles(second.page, 'Marketing')).toEqual(['Kampagnenplan']);
    expect(await cardTitles(second.page, 'Sales')).toEqual(['Angebotsquote', 'Rabatte']);
    await second.close(); // before the host process is stopped, so the page sees no dropped connection
  });

  it('shows a clear error for a corrupt file and leaves its bytes unchanged', async () => {
    const dataDir = await tempDataDir();
    const folder = join(dataDir, 'sessions');
    await mkdir(folder, { recursive: true });
    const garbage = Buffer.from('{"format":"nahtstelle-session","version":1,"session":{"id":"x",,,}');
    await writeFile(join(folder, 'Ostsee-Workshop.nahtstelle'), garbage);

    const { page } = await boards.open({ dataDir, startOn: 'library' });
    const message = '“Ostsee-Workshop.nahtstelle” is damaged: its content is not valid JSON.';
    await page.getByText(message).first().waitFor();
    await page.getByRole('button', { name: /^Open Ostsee-Workshop/ }).click();
    expect(await page.locator('.notice--problem').innerText()).toContain(message);
    // Still on the start screen, and the file is exactly as it was.
    expect(await page.getByRole('heading', { name: 'Sessions' }).isVisible()).toBe(true);
    expect(Buffer.compare(await readFile(join(folder, 'Ostsee-Workshop.nahtstelle')), garbage)).toBe(0);
  });

  it('duplicates, renames and deletes (after confirming) sessions in the library', async () => {
    const dataDir = await tempDataDir();
    const { page } = await boards.open({ dataDir, startOn: 'library' });
    await createSessionFromLibrary(page, { title: 'Vertriebstag' });
    await addCards(page, 'Sales', ['Pipeline']);
    await saved(page);
    await page.getByRole('button', { name: 'Sessions', exact: true }).click();

    await page.getByRole('group', { name: 'Actions for Vertriebstag' }).getByRole('button', { name: 'Duplicate' }).click();
    await page.getByRole('button', { name: 'Open Vertriebstag (2)' }).waitFor();

    await page.getByRole('group', { name: 'Actions for Vertriebstag (2)' }).getByRole('button', { name: 'Rename' }).click();
    const field = page.getByRole('textbox', { name: 'New title for Vertriebstag (2)' });
    await field.fill('Vertriebstag Süd');
    await field.press('Enter');
    await page.getByRole('button', { name: 'Open Vertriebstag Süd' }).waitFor();

    await page.getByRole('group', { name: 'Actions for Vertriebstag Süd' }).getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Move “Vertriebstag Süd” to the trash?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('button', { name: 'Open Vertriebstag Süd' }).isVisible()).toBe(true);
    await page.getByRole('group', { name: 'Actions for Vertriebstag Süd' }).getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('button', { name: 'Open Vertriebstag Süd' }).waitFor({ state: 'detached' });

    expect(await sessionFiles(dataDir)).toHaveLength(1);
    expect((await readdir(join(dataDir, 'trash'))).some((name) => name.endsWith('.nahtstelle'))).toBe(true);
    await page.getByRole('button', { name: 'Open Vertriebstag' }).click();
    expect(await cardTitles(page, 'Sales')).toEqual(['Pipeline']);
  });

  it('keeps session details and participants', async () => {
    const dataDir = await tempDataDir();
    const { page } = await boards.open({ dataDir });
    await chooseFromMoreMenu(page, 'Session details');
    const dialog = page.getByRole('dialog', { name: 'Session details' });
    await dialog.getByLabel('Title').fill('Strategietag');
    await dialog.getByLabel('Facilitator').fill('Dr. Anna Berger');
    await dialog.getByRole('button', { name: 'Add participant' }).click();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Jonas Weber');
    await dialog.getByRole('combobox', { name: 'Department' }).selectOption('sales');
    await dialog.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByRole('heading', { name: 'Strategietag' }).isVisible()).toBe(true);
    await saved(page);

    const [file] = await sessionFiles(dataDir);
    const onDisk = JSON.parse(await readFile(join(dataDir, 'sessions', file ?? ''), 'utf8'));
    expect(onDisk.session.details).toMatchObject({
      title: 'Strategietag',
      facilitator: 'Dr. Anna Berger',
      participants: [{ name: 'Jonas Weber', department: 'sales' }],
    });
  });

  it('shows when saving fails, keeps the changes, and saves them once the folder is back', async () => {
    const dataDir = await tempDataDir();
    const { page } = await boards.open({ dataDir });
    await addCards(page, 'Marketing', ['Vor dem Ausfall']);
    await saved(page);
    const folder = join(dataDir, 'sessions');
    const [file] = await sessionFiles(dataDir);
    const before = await readFile(join(folder, file ?? ''));
    await rm(folder, { recursive: true });

    await addCards(page, 'Marketing', ['Während des Ausfalls']);
    await page.getByText(/^Not saved: The sessions folder is gone/).waitFor();
    expect(await cardTitles(page, 'Marketing')).toEqual(['Vor dem Ausfall', 'Während des Ausfalls']);

    // The stick comes back with the file as it was before the outage.
    await mkdir(folder);
    await writeFile(join(folder, file ?? ''), before);
    await page.getByText(/^Saved · /).waitFor({ timeout: 10_000 });
    const titlesIn = async (name: string) =>
      Object.values(JSON.parse(await readFile(join(folder, name), 'utf8')).session.cards)
        .map((card) => (card as { title: string }).title)
        .sort();
    expect(await titlesIn(file ?? '')).toEqual(['Vor dem Ausfall', 'Während des Ausfalls']);
    // The backup holds the state from before the outage: what the file held, not the new state or nothing.
    expect(await titlesIn(`${file ?? ''}.bak`)).toEqual(['Vor dem Ausfall']);
  });

  it('offers the backup when the session file is damaged', async () => {
    const dataDir = await tempDataDir();
    const { page } = await boards.open({ dataDir });
    await addCards(page, 'Sales', ['Erste Fassung']);
    await saved(page);
    await addCards(page, 'Sales', ['Zweite Fassung']);
    await page.waitForFunction(() => document.querySelector('.save-status')?.textContent?.startsWith('Saved'));
    await page.getByRole('button', { name: 'Sessions', exact: true }).click();

    const [file] = await sessionFiles(dataDir);
    await writeFile(join(dataDir, 'sessions', file ?? ''), 'this is no longer JSON');
    await page.reload();
    await appLive(page);
    await page.getByRole('button', { name: 'Open backup' }).click();
    await page.getByRole('region', { name: 'Sales' }).waitFor();
    // The backup is the state before the last save: the first card, not the second.
    expect(await cardTitles(page, 'Sales')).toEqual(['Erste Fassung']);
    expect(await page.getByText('Opened from the backup.', { exact: false }).isVisible()).toBe(true);
  });

  it('starts a session from the workshop template with its agenda and prompts, in German', async () => {
    const { page } = await boards.open({ locale: 'de-DE', startOn: 'library' });
    await page.getByRole('button', { name: 'Neue Sitzung' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neue Sitzung' });
    expect(await dialog.getByRole('radio', { name: /^Der Workshop-Vorlage: Marketing × Sales — Nahtstellen-Workshop$/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Sitzung anlegen' }).click();

    const agenda = page.getByRole('navigation', { name: 'Ablauf' });
    await agenda.waitFor();
    const blocks = await agenda.getByRole('listitem').allInnerTexts();
    expect(blocks.map((text) => text.replace(/\s+/g, ' '))).toEqual([
      '1 Führung klären 45 Min.',
      '2 Zerrbilder ausräumen 45 Min.',
      '3 Auftrag klären 40 Min.',
      '4 Messen und Erzählen 40 Min.',
    ]);
    // Choosing a block makes it the active one, with its prompt.
    await agenda.getByRole('button', { name: /Zerrbilder ausräumen/ }).click();
    expect(await agenda.locator('[aria-current="step"]').innerText()).toMatch(/Zerrbilder ausräumen/);
    await expandWorkshopPanel(page);
    expect(await page.getByRole('note', { name: 'Impuls für die Moderation' }).innerText()).toMatch(
      /^Jede Seite schreibt auf, wie sie die andere sieht/,
    );
  });

  it('a blank session has no agenda', async () => {
    const { page } = await boards.open({ startOn: 'library' });
    await page.getByRole('button', { name: 'New session' }).click();
    await page.getByRole('radio', { name: 'A blank board' }).check();
    await page.getByRole('button', { name: 'Create session' }).click();
    await page.getByRole('region', { name: 'Marketing' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Agenda' }).count()).toBe(0);
  });

  it('saves a copy where the facilitator chooses, and keeps working on the original', async () => {
    const dataDir = await tempDataDir();
    const copyPath = join(dataDir, 'für-kollegin');
    const { page } = await boards.open({ dataDir, dialogs: { chooseSaveAsPath: async () => copyPath } });
    await addCards(page, 'Seam', ['Gemeinsame Leadbewertung']);
    await chooseFromMoreMenu(page, 'Save a copy…');
    await page.getByText('Copy saved: für-kollegin.nahtstelle').waitFor({ state: 'attached' });
    const copy = JSON.parse(await readFile(`${copyPath}.nahtstelle`, 'utf8'));
    expect(Object.values(copy.session.cards).map((card) => (card as { title: string }).title)).toEqual(['Gemeinsame Leadbewertung']);

    await addCards(page, 'Seam', ['Nur im Original']);
    await saved(page);
    const again = JSON.parse(await readFile(`${copyPath}.nahtstelle`, 'utf8'));
    expect(Object.keys(again.session.cards)).toHaveLength(1);
  });

  it('moves the sessions to a newly chosen folder', async () => {
    const dataDir = await tempDataDir();
    const newFolder = join(dataDir, 'Workshops 2027');
    await mkdir(newFolder);
    const { page } = await boards.open({ dataDir, dialogs: { chooseFolder: async () => newFolder } });
    await addCards(page, 'Sales', ['Umzug']);
    await saved(page);
    await page.getByRole('button', { name: 'Sessions', exact: true }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('button', { name: 'Change folder…' }).click();
    await settings.getByText(newFolder).waitFor();
    await settings.getByRole('button', { name: 'Done' }).click();

    expect((await readdir(newFolder)).filter((name) => name.endsWith('.nahtstelle'))).toHaveLength(1);
    expect(await sessionFiles(dataDir)).toHaveLength(0);
    await page.getByRole('button', { name: 'Open Untitled session' }).click();
    expect(await cardTitles(page, 'Sales')).toEqual(['Umzug']);
  });
});

describe('closing the window', () => {
  it('saves a change made a moment before the window closes', async () => {
    const board = await boards.open();
    const { page } = board;
    // The save is held on its way until the close has been tried, so the change is surely not on
    // disk yet when the window closes (on a loaded machine the autosave could otherwise win).
    let releaseSaves = (): void => undefined;
    const savesHeld = new Promise<void>((resolve) => (releaseSaves = resolve));
    await page.route('**/api/invoke', async (route) => {
      if (route.request().postData()?.includes('saveSession')) await savesHeld;
      await route.continue();
    });
    await addCards(page, 'Marketing', ['Last words']);
    // Closed inside the autosave's quiet time: the close is held back until the change
    // is on disk, then made again. A browser asks "leave the page?" when a close is held back (Electron
    // does not); the test answers "stay", as Electron does. A browser tab may not close itself, so
    // the page's close is recorded instead of done.
    await page.evaluate(() => {
      window.close = () => document.documentElement.setAttribute('data-closed-by-app', '');
    });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    releaseSaves();
    const titles = async () => {
      const [file] = await sessionFiles(board.dataDir);
      const saved = JSON.parse(await readFile(join(board.dataDir, 'sessions', file ?? ''), 'utf8')) as {
        session: { cards: Record<string, { title: string }> };
      };
      return Object.values(saved.session.cards).map((card) => card.title);
    };
    await page.locator('html[data-closed-by-app]').waitFor({ state: 'attached' });
    expect(dialogs).toEqual(['beforeunload']);
    expect(await titles()).toEqual(['Last words']);
  });
});
