/**
 * The workshop flow in the UI: moving through the agenda, editing it, the block timer, the tools
 * of the blocks (caricatures revealed, the mission written on the board) and own templates.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { NahtstelleBridge } from '../../core/api';
import { afterEach, describe, expect, it } from 'vitest';
import { workshopAgenda } from '../../core/agenda';
import { createSession } from '../../core/model';
import { addCard, updateCard } from '../../core/operations';
import { serializeSession } from '../../core/session-file';
import { spawnHost, type HostProcess } from './host-process';
import { appLive, createSessionFromLibrary, expandWorkshopPanel, savedPreference, useBoards } from './support';

const boards = useBoards();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const tempDataDir = () => boards.tempDir('workshop');

const agendaOf = (page: Page) => page.getByRole('navigation', { name: 'Agenda' });

/** The agenda's blocks as the room reads them: "1 Who leads? 45 min", in order. */
async function blockTexts(page: Page): Promise<string[]> {
  const texts = await agendaOf(page).getByRole('listitem').allInnerTexts();
  return texts.map((text) => text.replace(/\s+/g, ' ').trim());
}

/** The visible title of the active block (aria-current="step"), or null. */
async function activeBlock(page: Page): Promise<string | null> {
  const active = agendaOf(page).locator('[aria-current="step"]');
  if ((await active.count()) === 0) return null;
  return active.locator('.agenda-title').innerText();
}

const countdown = (page: Page) => page.getByRole('timer', { name: 'Time left' });
const saved = (page: Page) => page.getByText(/^Saved · /).waitFor();

async function openEditor(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Edit agenda…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit agenda' });
  await dialog.waitFor();
  return dialog;
}

/** A block's group in the agenda editor, found by its legend ("Block 2: Clear up caricatures"). */
function editorBlock(dialog: Locator, number: number, title: string): Locator {
  return dialog.getByRole('group', { name: `Block ${number}: ${title}`, exact: true });
}

describe('the workshop agenda', () => {
  it('starts the agenda, steps next and previous, jumps to a block and passes over a skipped one', async () => {
    const { page } = await boards.open();
    expect(await blockTexts(page)).toEqual([
      '1 Who leads? 45 min',
      '2 Clear up caricatures 45 min',
      '3 Agree the mission 40 min',
      '4 Measure and narrate 40 min',
    ]);
    expect(await activeBlock(page)).toBeNull();

    const forward = agendaOf(page).getByRole('button', { name: 'Start agenda' });
    await forward.click();
    await expandWorkshopPanel(page);
    expect(await activeBlock(page)).toBe('Who leads?');
    expect(await page.getByRole('note', { name: 'Prompt for the facilitator' }).innerText()).toMatch(/^Collect new or contested topics/);
    expect(await countdown(page).innerText()).toBe('45:00');

    // The same button goes on, by keyboard too, and keeps the focus.
    const next = agendaOf(page).getByRole('button', { name: 'Next block' });
    await next.focus();
    await page.keyboard.press('Enter');
    expect(await activeBlock(page)).toBe('Clear up caricatures');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Next block');
    await agendaOf(page).getByRole('button', { name: 'Previous block' }).click();
    expect(await activeBlock(page)).toBe('Who leads?');

    // Jump straight to the last block: the forward button now ends the agenda.
    await agendaOf(page)
      .getByRole('button', { name: /^4 Measure and narrate/ })
      .click();
    expect(await activeBlock(page)).toBe('Measure and narrate');
    await agendaOf(page).getByRole('button', { name: 'End agenda' }).waitFor();

    // Skip block 2 in the editor: it stays in the agenda, marked, and next passes over it.
    const editor = await openEditor(page);
    await editorBlock(editor, 2, 'Clear up caricatures').getByRole('checkbox', { name: 'Skip this block' }).check();
    await editor.getByRole('button', { name: 'Done' }).click();
    const skipped = agendaOf(page).getByRole('button', { name: /^2 Clear up caricatures/ });
    expect(await skipped.textContent()).toContain('(skipped)');
    expect(await skipped.evaluate((el) => getComputedStyle(el.querySelector('.agenda-title') as Element).textDecorationLine)).toBe('line-through');
    await agendaOf(page)
      .getByRole('button', { name: /^1 Who leads\?/ })
      .click();
    await agendaOf(page).getByRole('button', { name: 'Next block' }).click();
    expect(await activeBlock(page)).toBe('Agree the mission');
    await agendaOf(page).getByRole('button', { name: 'Previous block' }).click();
    expect(await activeBlock(page)).toBe('Who leads?');

    await agendaOf(page)
      .getByRole('button', { name: /^4 Measure and narrate/ })
      .click();
    await agendaOf(page).getByRole('button', { name: 'End agenda' }).click();
    expect(await activeBlock(page)).toBeNull();
    await agendaOf(page).getByRole('button', { name: 'Start agenda' }).waitFor();
  });

  it('edits a block’s minutes and title, reorders, adds and removes blocks — each step undoable', async () => {
    const { page } = await boards.open();
    const editor = await openEditor(page);

    const first = editorBlock(editor, 1, 'Who leads?');
    await first.getByRole('spinbutton', { name: 'Minutes' }).fill('20');
    await first.getByRole('spinbutton', { name: 'Minutes' }).press('Enter');
    await first.getByRole('textbox', { name: 'Title' }).fill('Launch Produkt X: wer führt?');
    await first.getByRole('textbox', { name: 'Title' }).press('Enter');
    expect((await blockTexts(page))[0]).toBe('1 Launch Produkt X: wer führt? 20 min');

    // Reorder with the keyboard: the focus follows the moved block's button.
    const up = editor.getByRole('button', { name: 'Move “Agree the mission” up' });
    await up.focus();
    await page.keyboard.press('Enter');
    expect((await blockTexts(page)).map((text) => text.replace(/ \d+ min$/, ''))).toEqual([
      '1 Launch Produkt X: wer führt?',
      '2 Agree the mission',
      '3 Clear up caricatures',
      '4 Measure and narrate',
    ]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move “Agree the mission” up');
    expect(await editor.getByRole('status').innerText()).toBe('“Agree the mission” is now block 2.');

    // Add an own block at the end.
    const add = editor.getByRole('group', { name: 'Add a block' });
    await add.getByRole('textbox', { name: 'Title' }).fill('Mittagspause');
    await add.getByRole('spinbutton', { name: 'Minutes' }).fill('15');
    await add.getByRole('button', { name: 'Add block' }).click();
    expect((await blockTexts(page))[4]).toBe('5 Mittagspause 15 min');

    // Remove it; Undo is offered right there, with the focus on it.
    await editor.getByRole('button', { name: 'Remove “Mittagspause”' }).click();
    expect(await blockTexts(page)).toHaveLength(4);
    expect(await editor.getByRole('status').innerText()).toContain('“Mittagspause” removed.');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await page.keyboard.press('Enter');
    expect((await blockTexts(page))[4]).toBe('5 Mittagspause 15 min');
    await editor.getByRole('button', { name: 'Done' }).click();

    // The toolbar's Undo walks back through the agenda edits, one step each.
    const undo = page.getByRole('toolbar', { name: 'Board actions' }).getByRole('button', { name: 'Undo' });
    await undo.click(); // the added block
    expect(await blockTexts(page)).toHaveLength(4);
    await undo.click(); // the move
    expect((await blockTexts(page))[1]).toBe('2 Clear up caricatures 45 min');
    await undo.click(); // the title
    expect((await blockTexts(page))[0]).toBe('1 Who leads? 20 min');
    await undo.click(); // the minutes
    expect((await blockTexts(page))[0]).toBe('1 Who leads? 45 min');
    expect(await undo.isDisabled()).toBe(true);
  });

  it('counts the block down: start, pause holds, +1 minute, reset, and says calmly when the time is up', async () => {
    const board = await boards.open();
    const { page, context } = board;
    // The page's clock is the test's: install it and reload (the open session comes back).
    // The app counts renders when this is there (renderer/src/ui/render-count.ts).
    await context.addInitScript(() => Object.assign(window, { __nahtstelleRenderCounts: {} }));
    await context.addInitScript(countTones);
    await context.clock.install();
    await page.reload();
    await appLive(page);
    await agendaOf(page).waitFor();

    // A one-minute block keeps the end of the time near.
    const editor = await openEditor(page);
    const minutes = editorBlock(editor, 1, 'Who leads?').getByRole('spinbutton', { name: 'Minutes' });
    await minutes.fill('1');
    await minutes.press('Enter');
    await editor.getByRole('button', { name: 'Done' }).click();
    await agendaOf(page).getByRole('button', { name: 'Start agenda' }).click();
    await expandWorkshopPanel(page);
    const timer = page.getByRole('group', { name: 'Timer' });
    // Starting the agenda started the first block's clock. Real time flows under the installed
    // clock, so the steps below start from a reset clock rather than count on a quiet machine.
    await timer.getByRole('button', { name: 'Pause' }).click();
    await timer.getByRole('button', { name: 'Reset' }).click();
    expect(await countdown(page).innerText()).toBe('1:00');
    await timer.getByRole('button', { name: 'Start' }).click();
    await page.clock.fastForward(10_000);
    await expect.poll(() => countdown(page).innerText()).toBe('0:50');

    // A tick redraws the countdown and nothing else: not the panel, the agenda, the tools or the board.
    const renders = () =>
      page.evaluate(() => ({ ...(window as unknown as { __nahtstelleRenderCounts: Record<string, number> }).__nahtstelleRenderCounts }));
    const before = await renders();
    for (let second = 0; second < 5; second++) await page.clock.fastForward(1000);
    await expect.poll(() => countdown(page).innerText()).toBe('0:45');
    const after = await renders();
    expect(after.Countdown ?? 0).toBeGreaterThanOrEqual((before.Countdown ?? 0) + 5);
    for (const component of ['WorkshopPanel', 'ActiveBlock', 'AgendaBar', 'BlockTools', 'TimerControls', 'Board', 'Lane', 'Card']) {
      expect(after[component] ?? 0, component).toBe(before[component] ?? 0);
    }

    await timer.getByRole('button', { name: 'Pause' }).click();
    // A second of real time may pass before the click lands on a busy machine: what counts is
    // that the paused clock holds, and that +1 minute adds exactly one.
    const paused = await countdown(page).innerText();
    expect(['0:45', '0:44']).toContain(paused);
    await page.clock.fastForward(20_000);
    expect(await countdown(page).innerText()).toBe(paused);

    await timer.getByRole('button', { name: '+1 minute' }).click();
    expect(await countdown(page).innerText()).toBe(paused.replace(/^0:/, '1:'));

    await timer.getByRole('button', { name: 'Resume' }).click();
    const status = timer.getByRole('status');
    expect(await status.innerText()).toBe('');
    await page.clock.fastForward(paused === '0:45' ? 106_000 : 105_000);
    await expect.poll(() => countdown(page).innerText()).toBe('−0:01');
    expect(await status.innerText()).toBe('Time is up for “Who leads?”.');
    expect(await tonesPlayed(page)).toBe(0); // the tone is off unless chosen
    const colours = await countdown(page).evaluate((el) => ({ colour: getComputedStyle(el).color, border: getComputedStyle(el).borderTopColor }));
    expect(colours.border).toBe(colours.colour);
    expect(colours.colour).not.toBe('rgb(17, 24, 39)');

    await timer.getByRole('button', { name: 'Reset' }).click();
    expect(await countdown(page).innerText()).toBe('1:00');
    expect(await status.innerText()).toBe('');
    await timer.getByRole('button', { name: 'Start' }).waitFor();
  });

  it('keeps the end-of-time signal still for those who ask for reduced motion', async () => {
    const { page } = await boards.open();
    await agendaOf(page).getByRole('button', { name: 'Start agenda' }).click();
    // The signal's look, without waiting for the time: the class the countdown gets at the end.
    const animationWhenOver = () =>
      countdown(page).evaluate((el) => {
        el.closest('.countdown')?.classList.add('countdown--over');
        return getComputedStyle(el).animationName;
      });
    expect(await animationWhenOver()).toBe('time-up');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await animationWhenOver()).toBe('none');
  });
});

describe('accessibility of the workshop panel', () => {
  it('has no serious or critical axe findings in any block, the agenda editor or the template dialogs', async () => {
    const { page } = await boards.open({ bypassCSP: true });
    const findings: string[] = [];
    const check = async (where: string) => findings.push(...(await seriousViolations(page)).map((finding) => `${where}: ${finding}`));
    await check('before the agenda starts');
    await agendaOf(page).getByRole('button', { name: 'Start agenda' }).click();
    for (const block of ['Who leads?', 'Clear up caricatures', 'Agree the mission', 'Measure and narrate']) {
      await agendaOf(page)
        .getByRole('button', { name: new RegExp(`^\\d ${block.replace('?', '\\?')}`) })
        .click();
      await check(block);
    }
    const editor = await openEditor(page);
    await editorBlock(editor, 2, 'Clear up caricatures').getByRole('checkbox', { name: 'Skip this block' }).check();
    await check('agenda editor');
    await editor.getByRole('button', { name: 'Save agenda as template…' }).click();
    await check('save as template');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await check('agenda with a skipped block');
    expect(findings).toEqual([]);
  });
});

describe('the timer tone', () => {
  it('is off by default; once chosen in the settings it plays when the time is up, made in the page under its CSP', async () => {
    const board = await boards.open({ startOn: 'library' });
    const { page, context } = board;
    await context.addInitScript(countTones);
    await context.clock.install();
    await page.reload();
    await appLive(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const sound = settings.getByRole('checkbox', { name: 'Play a short, soft tone when a block’s time is up' });
    expect(await sound.isChecked()).toBe(false);
    await sound.check();
    await settings.getByRole('button', { name: 'Play the tone' }).click();
    await expect.poll(() => tonesPlayed(page)).toBe(2);
    await settings.getByRole('button', { name: 'Done' }).click();

    // Kept by main: still on after a reload.
    await expect.poll(() => savedPreference(board, 'timerSound')).toBe(true);
    await page.reload();
    await appLive(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    expect(await page.getByRole('checkbox', { name: 'Play a short, soft tone when a block’s time is up' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Done' }).click();

    await createSessionFromLibrary(page, {});
    const editor = await openEditor(page);
    const minutes = editorBlock(editor, 1, 'Who leads?').getByRole('spinbutton', { name: 'Minutes' });
    await minutes.fill('1');
    await minutes.press('Enter');
    await editor.getByRole('button', { name: 'Done' }).click();
    await agendaOf(page).getByRole('button', { name: 'Start agenda' }).click();
    await page.getByRole('group', { name: 'Timer' }).getByRole('button', { name: 'Pause' }).waitFor();
    await page.clock.fastForward(30_000);
    expect(await tonesPlayed(page)).toBe(0);
    await page.clock.fastForward(31_000);
    await expect.poll(() => countdown(page).innerText()).toBe('−0:01');
    await expect.poll(() => tonesPlayed(page)).toBe(2);
    // Once: the clock running on over time plays nothing more.
    await page.clock.fastForward(5_000);
    expect(await tonesPlayed(page)).toBe(2);
    expect(board.errors).toEqual([]);
  });
});

describe('the tools of the blocks', () => {
  it('reveals the caricatures with one action, writes the mission on the board, and keeps both over a restart', async () => {
    const dataDir = await tempDataDir();
    await seedSession(dataDir);
    let host: HostProcess = await spawnHost(dataDir);
    cleanups.push(() => host.kill());
    const first = await boards.open({ url: host.url, dataDir, startOn: 'library' });
    const { page } = first;
    await page.getByRole('button', { name: 'Open Workshop Nord' }).click();
    await agendaOf(page).getByRole('button', { name: 'Start agenda' }).click();
    await expandWorkshopPanel(page);

    // Who leads: the unresolved topics are counted.
    const tools = page.getByRole('group', { name: 'Tools of this block' });
    await tools.getByText('1 topic unresolved').waitFor();
    await tools.getByText('Moving a card into a lane sets its lead.').waitFor();

    // Caricatures: counted per side while hidden, revealed with one button, hidden again, undoable.
    await agendaOf(page).getByRole('button', { name: 'Next block' }).click();
    expect(await tools.getByRole('listitem').allInnerTexts()).toEqual([
      'How Marketing sees Sales: 2',
      'How Sales sees Marketing: 1',
      'Hidden until revealed',
    ]);
    await tools.getByRole('button', { name: 'Reveal caricatures' }).click();
    await tools.getByText('1 of 3 cleared').waitFor();
    await tools.getByRole('button', { name: 'Hide again' }).click();
    await tools.getByRole('button', { name: 'Reveal caricatures' }).waitFor();
    await page.getByRole('toolbar', { name: 'Board actions' }).getByRole('button', { name: 'Undo' }).click();
    await tools.getByRole('button', { name: 'Hide again' }).waitFor();

    // Mission: written on the board in large type, saved when the field is left — one undo step.
    await agendaOf(page).getByRole('button', { name: 'Next block' }).click();
    const mission = page.getByRole('textbox', { name: 'Our shared mission' });
    expect(await mission.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(28);
    await mission.fill('Wir gewinnen gemeinsam Kunden, die bleiben.');
    await mission.press('Tab');
    const toolbar = page.getByRole('toolbar', { name: 'Board actions' });
    await toolbar.getByRole('button', { name: 'Undo' }).click();
    expect(await mission.inputValue()).toBe('');
    await toolbar.getByRole('button', { name: 'Redo' }).click();
    expect(await mission.inputValue()).toBe('Wir gewinnen gemeinsam Kunden, die bleiben.');
    await saved(page);

    // Metrics: the one without a narrative is flagged; the mission shows in one line.
    await agendaOf(page).getByRole('button', { name: 'Next block' }).click();
    await tools.getByText('1 metric without a narrative').waitFor();
    await page.getByText('Mission: Wir gewinnen gemeinsam Kunden, die bleiben.').waitFor();
    await saved(page);

    await first.close();
    await host.kill();
    host = await spawnHost(dataDir);
    const second = await boards.open({ url: host.url, dataDir, startOn: 'library' });
    await agendaOf(second.page).waitFor();
    expect(await activeBlock(second.page)).toBe('Measure and narrate');
    await second.page.getByText('Mission: Wir gewinnen gemeinsam Kunden, die bleiben.').waitFor();
    await agendaOf(second.page)
      .getByRole('button', { name: /^3 Agree the mission/ })
      .click();
    expect(await second.page.getByRole('textbox', { name: 'Our shared mission' }).inputValue()).toBe('Wir gewinnen gemeinsam Kunden, die bleiben.');
    await agendaOf(second.page)
      .getByRole('button', { name: /^2 Clear up caricatures/ })
      .click();
    await second.page.getByRole('button', { name: 'Hide again' }).waitFor();
    await second.close();
  });
});

describe('own templates', () => {
  it('saves the agenda as a template and starts a new session from it; deletes it after asking', async () => {
    const { page } = await boards.open();
    const editor = await openEditor(page);
    const minutes = editorBlock(editor, 1, 'Who leads?').getByRole('spinbutton', { name: 'Minutes' });
    await minutes.fill('25');
    await minutes.press('Enter');
    await editor.getByRole('button', { name: 'Remove “Measure and narrate”' }).click();
    const add = editor.getByRole('group', { name: 'Add a block' });
    await add.getByRole('textbox', { name: 'Title' }).fill('Mittagspause');
    await add.getByRole('spinbutton', { name: 'Minutes' }).fill('30');
    await add.getByRole('textbox', { name: 'Title' }).press('Enter');
    await editor.getByRole('button', { name: 'Save agenda as template…' }).click();

    const saveDialog = page.getByRole('dialog', { name: 'Save agenda as template' });
    await saveDialog.getByRole('textbox', { name: 'Name of the template' }).fill('Kurzformat');
    await saveDialog.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Agenda saved as template “Kurzformat”.').waitFor();
    const planned = await blockTexts(page);
    await saved(page);

    // A new session from it: the same blocks.
    await page.getByRole('button', { name: 'Sessions', exact: true }).click();
    await page.getByRole('button', { name: 'New session' }).click();
    const dialog = page.getByRole('dialog', { name: 'New session' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Follow-up');
    await dialog.getByRole('radio', { name: 'Your template “Kurzformat” (4 blocks, 140 min)' }).check();
    await dialog.getByRole('button', { name: 'Create session' }).click();
    await page.getByRole('heading', { name: 'Follow-up' }).waitFor();
    expect(await blockTexts(page)).toEqual(planned);
    expect(planned).toEqual(['1 Who leads? 25 min', '2 Clear up caricatures 45 min', '3 Agree the mission 40 min', '4 Mittagspause 30 min']);
    expect(await activeBlock(page)).toBeNull();

    // Saving under the same name says it replaces the template.
    await (await openEditor(page)).getByRole('button', { name: 'Save agenda as template…' }).click();
    await page.getByRole('textbox', { name: 'Name of the template' }).fill('kurzformat');
    await page.getByText('A template of this name exists; saving replaces it.').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();

    // Delete it, after confirming; the list no longer offers it.
    await page.getByRole('button', { name: 'Sessions', exact: true }).click();
    await page.getByRole('button', { name: 'New session' }).click();
    await dialog.getByRole('button', { name: 'Delete the template “Kurzformat”' }).click();
    const confirm = dialog.getByRole('group', { name: /^Delete the template “Kurzformat”\?/ });
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect(await dialog.getByRole('radio', { name: /Kurzformat/ }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Delete the template “Kurzformat”' }).click();
    await confirm.getByRole('button', { name: 'Delete template' }).click();
    await expect.poll(() => dialog.getByRole('radio', { name: /Kurzformat/ }).count()).toBe(0);
    expect(await dialog.getByRole('radio', { name: /^The workshop template/ }).isChecked()).toBe(true);
  });

  it('says so clearly when the chosen template is gone, and stays in the dialog', async () => {
    const { page } = await boards.open({ startOn: 'library' });
    const template = await page.evaluate(() =>
      (window as unknown as { nahtstelle: NahtstelleBridge }).nahtstelle.saveTemplate('Gleich weg', [
        { kind: 'custom', title: 'Nur ein Block', prompt: null, minutes: 10, skipped: false },
      ]),
    );
    await page.getByRole('button', { name: 'New session' }).click();
    const dialog = page.getByRole('dialog', { name: 'New session' });
    await dialog.getByRole('radio', { name: /Gleich weg/ }).check();
    // Deleted elsewhere meanwhile (another window, say).
    await page.evaluate((id) => (window as unknown as { nahtstelle: NahtstelleBridge }).nahtstelle.deleteTemplate(id), template.id);
    await dialog.getByRole('button', { name: 'Create session' }).click();
    expect(await dialog.getByRole('alert').innerText()).toBe('This template no longer exists. Please choose another one.');
    await expect.poll(() => dialog.getByRole('radio', { name: /Gleich weg/ }).count()).toBe(0);
    expect(await dialog.getByRole('radio', { name: /^The workshop template/ }).isChecked()).toBe(true);
  });

  it('works in German, from the start screen to the template list', async () => {
    const { page } = await boards.open({ locale: 'de-DE', startOn: 'library' });
    await createSessionFromLibrary(page, { title: 'Kick-off' });
    const agenda = page.getByRole('navigation', { name: 'Ablauf' });
    await agenda.getByRole('button', { name: 'Ablauf starten' }).click();
    await expandWorkshopPanel(page);
    expect(await page.getByRole('timer', { name: 'Verbleibende Zeit' }).innerText()).toBe('45:00');
    await page.getByRole('group', { name: 'Werkzeuge dieses Blocks' }).getByText('Wer eine Karte in eine Spalte zieht', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Ablauf bearbeiten …' }).click();
    await page.getByRole('button', { name: 'Ablauf als Vorlage speichern …' }).click();
    await page.getByRole('textbox', { name: 'Name der Vorlage' }).fill('Halbtag');
    await page.getByRole('button', { name: 'Vorlage speichern' }).click();
    await page.getByText('Ablauf als Vorlage „Halbtag“ gespeichert.').waitFor();
  });
});

/**
 * A workshop session on disk with cards for every block's tool: one unresolved topic, three
 * caricatures (two from marketing, one cleared), two metrics (one without a narrative).
 */
async function seedSession(dataDir: string): Promise<void> {
  let ids = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
  let session = createSession(newId(), { title: 'Workshop Nord' }, workshopAgenda(newId));
  session = addCard(session, 'topic-1', 'marketing', 'Launch Produkt X');
  session = updateCard(session, 'topic-1', { lead: 'unresolved' });
  session = addCard(session, 'topic-2', 'seam', 'Lead-Übergabe');
  session = addCard(session, 'car-1', 'marketing', 'Vertrieb will nur Rabatte', undefined, 'caricature');
  session = addCard(session, 'car-2', 'marketing', 'Vertrieb liest keine Briefings', undefined, 'caricature');
  session = updateCard(session, 'car-2', { caricature: { cleared: true } });
  session = addCard(session, 'car-3', 'sales', 'Marketing macht schöne Folien', undefined, 'caricature');
  session = addCard(session, 'metric-1', 'marketing', 'MQLs pro Monat', undefined, 'metric');
  session = addCard(session, 'metric-2', 'sales', 'Abschlussquote', undefined, 'metric');
  session = updateCard(session, 'metric-2', { metric: { narrative: 'Steigt, seit wir gemeinsam qualifizieren.' } });
  const folder = join(dataDir, 'sessions');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'workshop-nord.nahtstelle'), serializeSession(session));
}

/** Counts oscillators started in the page (an init script: it runs before the app). */
function countTones(): void {
  const counter = window as unknown as { __tones: number };
  counter.__tones = 0;
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode['start']>) {
    counter.__tones++;
    return start.apply(this, args);
  };
}

function tonesPlayed(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __tones: number }).__tones);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings on the page as it is now (the page needs bypassCSP). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
