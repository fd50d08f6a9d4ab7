/**
 * The command line prints what the app prints — the summary as PDF, the handout, the board
 * picture, and the board picture inside the documents — through Chromium, as the app does
 * (docs/summaries.md). And the PDF of the large session of issue 14, read back by poppler's
 * pdftotext, never breaks a word of the action table across lines. Needs Chromium and
 * poppler-utils (both installed by .ci/run); slow, so kept to a few runs.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { renderHtml } from '../../../core/export/html';
import { serializeSession } from '../../../core/session-file';
import { buildSummary } from '../../../core/summary';
import { presetSections, summaryTexts } from '../../../core/summary-text';
import { exitCodes, runCli } from '../../../electron/cli/run';
import { pngSize } from '../../../electron/export/png-size';
import { readHtml } from './readers';
import { consultantSession } from './sessions';
import { removeTempFolders, tempFolder } from '../services/support';
import { writeFile } from 'node:fs/promises';

afterEach(removeTempFolders);

const run = promisify(execFile);
const full = 'test/fixtures/sessions/v3-full.nahtstelle';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function cli(args: readonly string[]): Promise<{ code: number; stderr: string }> {
  const err: string[] = [];
  const code = await runCli(args, {
    stdout: () => undefined,
    stderr: (line) => err.push(line),
    env: { LANG: 'C' },
    timeZone: 'UTC',
    exportedOn: '2027-03-05',
    chromium,
  });
  return { code, stderr: err.join('\n') };
}

async function pdfPages(path: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [path]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
}

describe('the command line prints through Chromium', () => {
  it('writes the summary PDF, the one-page handout and the board picture; the documents embed the picture', async () => {
    const folder = await tempFolder();
    for (const kind of ['pdf', 'handout', 'png', 'docx'] as const) {
      const result = await cli(['export', full, '-f', kind, '-o', join(folder, `out.${kind}`)]);
      expect(result, kind).toEqual({ code: exitCodes.ok, stderr: '' });
    }
    expect(await pdfPages(join(folder, 'out.pdf'))).toBeLessThanOrEqual(5);
    expect(await pdfPages(join(folder, 'out.handout'))).toBe(1);
    const png = new Uint8Array(await readFile(join(folder, 'out.png')));
    expect(pngSize(png).width).toBeGreaterThan(700);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', join(folder, 'out.pdf'), '-']);
    expect(stdout).toContain(summaryTexts.de.sections.glance);
    expect(stdout).toContain(summaryTexts.de.facts.exported);
    const docx = await JSZip.loadAsync(await readFile(join(folder, 'out.docx')));
    expect(Object.keys(docx.files).filter((name) => /^word\/media\/.+\.png$/.test(name))).toHaveLength(1);
  }, 120_000);

  it('the large session’s PDF never breaks a word of the action table across lines', async () => {
    const folder = await tempFolder();
    const session = consultantSession();
    const input = join(folder, 'gross.nahtstelle');
    await writeFile(input, serializeSession(session));
    const out = join(folder, 'gross.pdf');
    expect(await cli(['export', input, '-f', 'pdf', '-o', out])).toEqual({ code: exitCodes.ok, stderr: '' });
    const pages = await pdfPages(out);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', out, '-'], { maxBuffer: 64 * 1024 * 1024 });
    // Words as a reader sees them; a line may end after a hyphen, which is no broken word.
    const words = (text: string): string[] => text.split(/\s+|(?<=-)/).filter((word) => /^[\p{L}\p{N}][\p{L}\p{N}.,:;„“"()&'-]*$/u.test(word));
    const summary = buildSummary(session, { fallbackLanguage: 'de', sections: presetSections.client, exportedOn: '2027-03-05', timeZone: 'UTC' });
    // Every text node of the document, apart (the reader joins neighbouring cells without a space).
    const { elements } = readHtml(renderHtml(summary));
    const textNodes = elements.flatMap((element) =>
      element.childNodes.flatMap((node) => ('value' in node && node.nodeName === '#text' ? [node.value] : [])),
    );
    const documentWords = new Set(words(textNodes.join(' ')));
    const text = summaryTexts.de;
    const tableWords = new Set(
      (summary.actions ?? []).flatMap((action) =>
        words(
          [
            action.text,
            action.owner || text.actions.noOwner,
            action.dueText || text.actions.noDue,
            action.done ? text.actions.done : text.actions.open,
            action.cardTitle,
          ].join(' '),
        ),
      ),
    );
    const pieceOfATableWord = (token: string): boolean => [...tableWords].some((word) => word !== token && word.includes(token.replace(/-$/, '')));
    const isPageNumber = (token: string): boolean => /^\d+$/.test(token) && Number(token) <= pages;
    const broken = [...new Set(words(stdout))].filter((token) => !documentWords.has(token) && !isPageNumber(token) && pieceOfATableWord(token));
    expect(broken).toEqual([]);
    expect(tableWords.size).toBeGreaterThan(50);
  }, 180_000);
});
