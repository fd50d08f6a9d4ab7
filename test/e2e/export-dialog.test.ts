/**
 * The export dialog through the UI: the live preview in the session's language, the section
 * choice, hidden caricatures, exporting a file where the (faked) save dialog points, a failed
 * export with "Try again", the keyboard, and axe on the dialog.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createSession, type Session } from '../../core/model';
import { applyOperation, type Operation } from '../../core/operations';
import { serializeSession } from '../../core/session-file';
import { readMarkdown } from '../unit/export/readers';
import { useBoards, type BoardOptions } from './support';

const boards = useBoards();
const tempDataDir = () => boards.tempDir('export');

const hiddenCaricature = 'Vertrieb will nur Rabatte';
const hiddenTruth = 'Der Vertrieb verkauft zu 92 % ohne Rabatt';

/** A German session with topics in every lane, a seam agreement, the mission and one caricature still hidden. */
function germanWorkshop(): Session {
  const ops: Operation[] = [
    { type: 'addCard', cardId: 't1', laneId: 'marketing', title: 'Messeauftritt 2027' },
    { type: 'addCard', cardId: 't2', laneId: 'seam', title: 'Gemeinsame Leadbewertung' },
    {
      type: 'updateCard',
      cardId: 't2',
      changes: { exchange: { who: 'Leitung Marketing und Vertrieb', cadence: 'alle zwei Wochen', decisions: '' } },
    },
    { type: 'addCard', cardId: 't3', laneId: 'sales', title: 'Rabattfreigabe' },
    { type: 'addCard', cardId: 'c1', laneId: 'sales', title: hiddenCaricature, kind: 'caricature' },
    { type: 'updateCard', cardId: 'c1', changes: { caricature: { truth: hiddenTruth } } },
    { type: 'setMission', text: 'Wir gewinnen gemeinsam Kund:innen, die bleiben.' },
  ];
  return ops.reduce(applyOperation, createSession('session-export', { title: 'Kick-off Müller', language: 'de', client: 'Müller & Söhne' }));
}

/** The prepared session opened from the library (in an English UI unless a locale is given), with the given dialog answers. */
async function openWorkshop(options: Omit<BoardOptions, 'dataDir' | 'startOn'> = {}): Promise<{ page: Page; dataDir: string }> {
  const dataDir = await tempDataDir();
  const session = germanWorkshop();
  await mkdir(join(dataDir, 'sessions'), { recursive: true });
  await writeFile(join(dataDir, 'sessions', 'Kick-off Müller.nahtstelle'), serializeSession(session));
  const { page } = await boards.open({ ...options, dataDir, startOn: 'library' });
  await page.getByRole('button', { name: /^(Open Kick-off Müller|Kick-off Müller öffnen)$/ }).click();
  await page.getByRole('region', { name: 'Marketing' }).waitFor();
  return { page, dataDir };
}

async function openExport(page: Page) {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the summary' });
  await dialog.waitFor();
  return dialog;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings within the given part of the page. */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (include) => {
    type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run({ include: [[include]] })).violations;
  }, selector);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the export dialog', () => {
  it('previews the summary in the session’s language, with the chosen sections and no hidden caricature', async () => {
    const { page } = await openWorkshop();
    const dialog = await openExport(page);
    const preview = dialog.getByRole('region', { name: 'Preview of the summary' });

    // The UI is English, the session German: the preview (and so every file) is German.
    expect(await dialog.getByText('Written in the session’s language: German.').count()).toBe(1);
    expect(await preview.getAttribute('lang')).toBeNull();
    expect(await preview.locator('article').getAttribute('lang')).toBe('de');
    await preview.getByRole('heading', { name: 'Kick-off Müller', level: 3 }).waitFor();
    for (const heading of ['Auf einen Blick', 'Aufgaben', 'Themen und wer führt', 'Vereinbarungen an der Nahtstelle']) {
      await preview.getByRole('heading', { name: heading, level: 4 }).waitFor();
    }
    // The cover's facts, and the client preset: everything but the moves log.
    expect(await preview.innerText()).toContain('Teilnehmende');
    expect(await dialog.getByRole('radio', { name: 'For the client' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Move history (appendix)' }).isChecked()).toBe(false);
    const text = await preview.innerText();
    for (const shown of [
      'Wir gewinnen gemeinsam Kund:innen, die bleiben.',
      'Messeauftritt 2027',
      'Gemeinsame Leadbewertung',
      'Rabattfreigabe',
      'alle zwei Wochen',
      'Müller & Söhne',
    ]) {
      expect(text).toContain(shown);
    }
    expect(text).toContain('Dazu 1 Zerrbild, noch nicht aufgedeckt.');
    expect(text).not.toContain(hiddenCaricature);
    expect(text).not.toContain(hiddenTruth);

    // Leaving out a section takes it out of the preview at once; putting it back restores it.
    const glance = dialog.getByRole('checkbox', { name: 'At a glance' });
    await glance.uncheck();
    await preview.getByRole('heading', { name: 'Unser gemeinsamer Auftrag' }).waitFor({ state: 'detached' });
    expect(await preview.innerText()).not.toContain('Wir gewinnen gemeinsam');
    await dialog.getByText('Own choice').waitFor();
    // The preset puts it back.
    await dialog.getByRole('radio', { name: 'For the client' }).check();
    await preview.getByRole('heading', { name: 'Unser gemeinsamer Auftrag' }).waitFor();
    expect(await glance.isChecked()).toBe(true);
  });

  it('works by keyboard: the export is one Enter away, Escape closes, the focus returns to “Export…”', async () => {
    const { page } = await openWorkshop();
    const exportButton = page.getByRole('button', { name: 'Export…' });
    await exportButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Export the summary' });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Export PDF…');

    // Formats are a radio group: arrows choose; the main button says what it will write.
    await dialog.getByRole('radio', { name: /^PDF/ }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('radio', { name: /^Word/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Export Word…' }).waitFor();
    // The semicolon option belongs to CSV and shows only for it.
    expect(await dialog.getByRole('checkbox', { name: /semicolons/ }).count()).toBe(0);
    await dialog.getByRole('radio', { name: /^CSV/ }).check();
    await dialog.getByRole('checkbox', { name: 'Separate with semicolons (for German Excel)' }).waitFor();

    // The preview scrolls by keyboard too.
    const preview = dialog.getByRole('region', { name: 'Preview of the summary' });
    await preview.focus();
    expect(await preview.evaluate((element) => element === document.activeElement)).toBe(true);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => exportButton.evaluate((element) => element === document.activeElement)).toBe(true);

    // Choices are kept for the next export while the app runs.
    await exportButton.press('Enter');
    await page.getByRole('button', { name: 'Export CSV…' }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => exportButton.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('exports Markdown where the save dialog points, with every shown card and the mission, in German', async () => {
    let target: string | null = null;
    const asked: string[] = [];
    const { page, dataDir } = await openWorkshop({
      dialogs: {
        chooseExportPath: async (kind, suggestedName) => {
          asked.push(`${kind}:${suggestedName}`);
          return target;
        },
      },
    });
    target = join(dataDir, 'Zusammenfassung Kick-off');
    const dialog = await openExport(page);
    await dialog.getByRole('radio', { name: /^Markdown/ }).check();
    // Off already in the client preset.
    expect(await dialog.getByRole('checkbox', { name: 'Move history (appendix)' }).isChecked()).toBe(false);
    await dialog.getByRole('button', { name: 'Export Markdown…' }).click();

    // A calm confirmation naming the file; main added the extension the format needs.
    await dialog.getByRole('status').getByText('Saved: Zusammenfassung Kick-off.md').waitFor();
    expect(asked).toEqual(['md:Kick-off Müller – Müller & Söhne.md']);
    const { blocks } = readMarkdown(await readFile(join(dataDir, 'Zusammenfassung Kick-off.md'), 'utf8'));
    const texts = blocks.map((block) => block.text);
    const headings = blocks.filter((block) => block.kind === 'h2').map((block) => block.text);
    expect(headings).toContain('Auf einen Blick');
    expect(headings).not.toContain('Anhang: Verschiebungen und ihre Gründe');
    for (const title of ['Messeauftritt 2027', 'Gemeinsame Leadbewertung', 'Rabattfreigabe'])
      expect(texts.some((text) => text.includes(title))).toBe(true);
    expect(texts.join('\n')).not.toContain(hiddenCaricature);
    // The dialog stays open for the next format; the cancelled one after it says nothing.
    target = null;
    const cancelled = dialog.getByRole('button', { name: 'Export Markdown…' });
    await cancelled.click();
    await expect.poll(() => dialog.getByRole('status').innerText()).toBe('');
    expect(asked).toHaveLength(2);
  });

  it('prints the summary as PDF, the mission handout and the board image from their own buttons', async () => {
    const written: string[] = [];
    const { page, dataDir } = await openWorkshop({
      dialogs: {
        chooseExportPath: async (_kind, suggestedName) => {
          const path = join(dataDir, suggestedName);
          written.push(path);
          return path;
        },
      },
    });
    const dialog = await openExport(page);
    const status = dialog.getByRole('status');
    await dialog.getByRole('button', { name: 'Export PDF…' }).click();
    await status.getByText('Saved: Kick-off Müller – Müller & Söhne.pdf').waitFor();
    await dialog.getByRole('button', { name: 'Mission handout (PDF)…' }).click();
    await status.getByText(/^Saved: Kick-off Müller – Müller & Söhne – .+\.pdf$/).waitFor();
    await dialog.getByRole('button', { name: 'Board image (PNG)…' }).click();
    await status.getByText(/^Saved: Kick-off Müller – .+\.png$/).waitFor();

    expect(written).toHaveLength(3);
    const [pdf, handout, png] = await Promise.all(written.map((path) => readFile(path)));
    expect(pdf?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(handout?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect([...(png?.subarray(0, 8) ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('a failed export says why in the UI language, and “Try again” writes where it was to go', async () => {
    const calls: string[] = [];
    let folder = '';
    const { page, dataDir } = await openWorkshop({
      dialogs: {
        chooseExportPath: async (kind) => {
          calls.push(kind);
          return join(folder, 'Zusammenfassung.md');
        },
      },
    });
    folder = join(dataDir, 'USB-Stick');
    const dialog = await openExport(page);
    await dialog.getByRole('radio', { name: /^Markdown/ }).check();
    await dialog.getByRole('button', { name: 'Export Markdown…' }).click();

    const alert = dialog.getByRole('alert');
    await alert.getByRole('button', { name: 'Try again' }).waitFor();
    expect(await alert.innerText()).toMatch(/^The export was not saved\. The folder for “Zusammenfassung\.md” is gone/);
    expect(await dialog.getByRole('status').innerText()).toBe('');

    // The stick is back: Try again writes to the same path without asking again.
    await mkdir(folder);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await dialog.getByRole('status').getByText('Saved: Zusammenfassung.md').waitFor();
    expect(calls).toEqual(['md']);
    expect(await readFile(join(folder, 'Zusammenfassung.md'), 'utf8')).toContain('Gemeinsame Leadbewertung');
    expect(await dialog.getByRole('button', { name: 'Try again' }).count()).toBe(0);
  });

  it('has no serious or critical axe findings, with a failed export shown', async () => {
    const { page, dataDir } = await openWorkshop({
      bypassCSP: true,
      locale: 'de-DE',
      dialogs: { chooseExportPath: async () => join(dataDir, 'fehlt', 'x.csv') },
    });
    const dialog = page.getByRole('dialog', { name: 'Zusammenfassung exportieren' });
    await page.getByRole('button', { name: 'Exportieren …' }).click();
    await dialog.getByRole('radio', { name: /^CSV/ }).check();
    await dialog.getByRole('button', { name: 'Als CSV exportieren …' }).click();
    await dialog.getByRole('alert').getByRole('button', { name: 'Erneut versuchen' }).waitFor();
    expect(await dialog.getByRole('alert').innerText()).toMatch(/^Der Export wurde nicht gespeichert\. Der Ordner für „x\.csv“ ist nicht mehr da/);
    expect(await seriousViolations(page, 'dialog.export-dialog')).toEqual([]);
  });
});
