/**
 * Never lose an edit (issue 11): another session opened while saving fails keeps the board and
 * asks; text being typed reaches the disk within a second, before the field is left; a damaged
 * preferences file starts the app and is told once; a file changed elsewhere is kept and told.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createSession } from '../../core/model';
import { serializeSession } from '../../core/session-file';
import { addCards, cardTitles, chooseFromMoreMenu, useBoards, appLive } from './support';

const boards = useBoards();
const saved = (page: Page) => page.getByText(/^Saved · /).waitFor();

async function onlySessionFile(dataDir: string): Promise<string> {
  const [file] = (await readdir(join(dataDir, 'sessions'))).filter((name) => name.endsWith('.nahtstelle'));
  if (!file) throw new Error('no session file');
  return join(dataDir, 'sessions', file);
}

describe('never lose an edit', () => {
  it('a session opened from outside while saving fails keeps the board and asks; it opens once the changes are safe', async () => {
    const dataDir = await boards.tempDir('never-lose');
    const board = await boards.open({ dataDir });
    const { page, webHost } = board;
    if (!webHost) throw new Error('no web host');
    await addCards(page, 'Marketing', ['Gespeichert']);
    await saved(page);
    const folder = join(dataDir, 'sessions');
    await rm(folder, { recursive: true });
    await addCards(page, 'Marketing', ['Nur im Speicher']);
    await page.getByText(/^Not saved: /).waitFor();

    const other = join(await boards.tempDir('other'), 'anderes.nahtstelle');
    const session = { ...createSession('other-session'), details: { ...createSession('other-session').details, title: 'Anderes Projekt' } };
    await writeFile(other, serializeSession(session));
    const opened = { path: other, session, savedAt: new Date().toISOString(), fromBackup: false };
    webHost.emit('sessionOpened', opened);

    const prompt = page.getByRole('dialog', { name: 'The changes are not saved yet' });
    await prompt.waitFor();
    expect(await prompt.getByRole('button').allInnerTexts()).toEqual([
      'Try again',
      'Save a copy elsewhere…',
      'Discard the changes and open',
      'Keep working',
    ]);
    await prompt.getByRole('button', { name: 'Keep working' }).click();
    await prompt.waitFor({ state: 'detached' });
    expect(await cardTitles(page, 'Marketing')).toEqual(['Gespeichert', 'Nur im Speicher']);

    // Asked again; "Try again" once the folder is back saves the changes and then opens the other session.
    webHost.emit('sessionOpened', opened);
    await prompt.waitFor();
    await mkdir(folder);
    await prompt.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anderes Projekt' }).waitFor();
    const [file] = await readdir(folder);
    const titles = Object.values(JSON.parse(await readFile(join(folder, file ?? ''), 'utf8')).session.cards).map(
      (card) => (card as { title: string }).title,
    );
    expect(titles.sort()).toEqual(['Gespeichert', 'Nur im Speicher']);
  });

  it('text being typed in a field reaches the disk within a second, before the field is left', async () => {
    const dataDir = await boards.tempDir('draft');
    const { page } = await boards.open({ dataDir });
    await chooseFromMoreMenu(page, 'Session details');
    const title = page.getByRole('dialog', { name: 'Session details' }).getByLabel('Title');
    await title.fill('Noch nicht verlassen');
    const path = await onlySessionFile(dataDir);
    const started = Date.now();
    await expect
      .poll(async () => JSON.parse(await readFile(path, 'utf8')).session.details.title, { timeout: 3000, interval: 50 })
      .toBe('Noch nicht verlassen');
    // Still in the field: nothing was committed to the undo history by saving it.
    expect(await title.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a damaged preferences file: the app starts with defaults and says so once, in English and German', async () => {
    for (const [locale, text] of [
      ['en-US', 'The settings file was damaged.'],
      ['de-DE', 'Die Einstellungsdatei war beschädigt.'],
    ] as const) {
      const dataDir = await boards.tempDir('prefs');
      await writeFile(join(dataDir, 'preferences.json'), '{"language": "de", "theme": ');
      const { page } = await boards.open({ dataDir, locale, startOn: 'library' });
      await page.getByText(text, { exact: false }).waitFor();
      expect((await readdir(dataDir)).filter((name) => name.startsWith('preferences.json.damaged-'))).toHaveLength(1);
      await page.reload();
      await appLive(page);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await page.getByText(text, { exact: false }).count()).toBe(0);
    }
  });

  it('a file changed by another program while open is kept as a conflict copy, listed, and told once', async () => {
    const dataDir = await boards.tempDir('conflict');
    const { page } = await boards.open({ dataDir });
    await addCards(page, 'Sales', ['Meine Karte']);
    await saved(page);
    const path = await onlySessionFile(dataDir);
    const theirs = JSON.parse(await readFile(path, 'utf8'));
    theirs.session.details.title = 'Fassung vom anderen Rechner';
    await writeFile(`${path}.sync`, JSON.stringify(theirs, null, 2));
    await rm(path);
    await writeFile(path, JSON.stringify(theirs, null, 2));
    await addCards(page, 'Sales', ['Noch eine']);
    await page.getByText(/was changed by another program while it was open here/).waitFor();
    await rm(`${path}.sync`);
    await page.getByRole('button', { name: 'Sessions', exact: true }).click();
    await page.getByRole('button', { name: 'Open Fassung vom anderen Rechner' }).waitFor();
    expect((await readdir(join(dataDir, 'sessions'))).filter((name) => name.includes('(changed elsewhere '))).toHaveLength(1);
  });
});
