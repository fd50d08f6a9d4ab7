import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../core/model';
import { addCard } from '../../core/operations';
import { serializeSession } from '../../core/session-file';
import { seriousViolations } from './axe';
import { addCards, useBoards, appLive } from './support';

const boards = useBoards();

describe('accessibility', () => {
  it('the start screen without sessions has no serious or critical axe violations', async () => {
    const { page } = await boards.open({ startOn: 'library', bypassCSP: true });
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the start screen listing sessions, one of them damaged, has no serious or critical axe violations', async () => {
    const board = await boards.open({ startOn: 'library', bypassCSP: true, locale: 'de-DE' });
    const folder = join(board.dataDir, 'sessions');
    await mkdir(folder, { recursive: true });
    const session = addCard(
      createSession('kickoff', { title: 'Kick-off Müller', client: 'Müller & Söhne', place: 'Köln' }),
      'c1',
      'marketing',
      'Messeauftritt',
    );
    await writeFile(join(folder, 'Kick-off Müller.nahtstelle'), serializeSession(session));
    await writeFile(join(folder, 'Kaputt.nahtstelle'), '{ not a session');
    // The list is read when the start screen opens: reload it to see the files.
    await board.page.reload();
    await appLive(board.page);
    await board.page.getByRole('button', { name: 'Kick-off Müller öffnen' }).waitFor();
    expect(await seriousViolations(board.page)).toEqual([]);
  });

  it('the board with cards has no serious or critical axe violations', async () => {
    const board = await boards.open({ locale: 'de-DE', bypassCSP: true });
    await addCards(board.page, 'Marketing', ['Messeauftritt'], 'Karte hinzufügen');
    await addCards(board.page, 'Sales', ['Rabattpolitik'], 'Karte hinzufügen');
    expect(await seriousViolations(board.page)).toEqual([]);
  });
});
