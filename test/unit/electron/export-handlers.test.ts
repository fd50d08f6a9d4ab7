/**
 * exportSession below IPC: createHandlers with the real renderers and the real atomic write in a
 * temp folder, a save dialog the test answers and a printer that records what it was given,
 * called through dispatchCall as IPC calls it. The printed kinds are checked with a real Chromium
 * in test/e2e/export-files.test.ts.
 */
import { chmod, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportKinds, type ApiResult, type ExportKind, type ExportRequest } from '../../../core/api';
import { renderHtml } from '../../../core/export/html';
import { buildSummary } from '../../../core/summary';
import { cardColumns, summarySections } from '../../../core/summary-text';
import { createHandlers, dispatchCall, type ApiHandlers } from '../../../electron/ipc/handlers';
import { exportExtension, suggestedExportName } from '../../../electron/export/export-session';
import { readCsv, readMarkdown } from '../export/readers';
import { card, hostile, sessionWith } from '../export/sessions';
import { createTestServices, fakePdf, fakePng, namesIn, sampleSession, type TestServices } from './main-services';

let t: TestServices;
let handlers: ApiHandlers;
let out: string;

beforeEach(async () => {
  t = await createTestServices();
  handlers = createHandlers(t.services);
  out = join(t.root, 'exports');
  await mkdir(out);
});

afterEach(async () => {
  await chmod(out, 0o755).catch(() => undefined);
  await t.cleanup();
});

function request(kind: ExportKind, changes: Partial<ExportRequest> = {}): ExportRequest {
  return { kind, sections: [...summarySections], csvDelimiter: ',', fallbackLanguage: 'en', ...changes };
}

function exportCall(...args: unknown[]): Promise<ApiResult> {
  return dispatchCall(handlers, 'exportSession', args);
}

/** The path an export that must succeed wrote. */
async function exported(session: unknown, req: ExportRequest, retryPath: string | null = null): Promise<string | null> {
  const result = await exportCall(session, req, retryPath);
  if (!result.ok) throw new Error(`exportSession failed: ${JSON.stringify(result.error)}`);
  return result.value as string | null;
}

const board = (): ReturnType<typeof sampleSession> => ({ ...sampleSession(), mission: 'Gemeinsam Kund:innen gewinnen' });

describe('exportSession', () => {
  it('writes nothing and prints nothing when the save dialog is cancelled', async () => {
    expect(await exported(board(), request('pdf'))).toBeNull();
    expect(t.printer.pdf).not.toHaveBeenCalled();
    expect(await namesIn(out)).toEqual([]);
  });

  it('refuses a relative path from the save dialog instead of writing into the working folder', async () => {
    t.answers.exportPath = 'Zusammenfassung.md';
    const result = await exportCall(board(), request('md'), null);
    expect(result).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
    expect(t.printer.pdf).not.toHaveBeenCalled();
  });

  it('suggests the title and day with the kind’s extension, and writes the file where the dialog says', async () => {
    t.answers.exportPath = join(out, 'Zusammenfassung.md');
    const path = await exported(board(), request('md'));
    expect(path).toBe(join(out, 'Zusammenfassung.md'));
    expect(t.dialogs.chooseExportPath).toHaveBeenCalledExactlyOnceWith('md', 'Kick-off Müller GmbH – 2025-03-14.md');
    const { blocks } = readMarkdown(await readFile(join(out, 'Zusammenfassung.md'), 'utf8'));
    expect(blocks[0]).toEqual({ kind: 'h1', text: 'Kick-off Müller GmbH' });
    expect(blocks.map((block) => block.text)).toEqual(
      // The lead only where the lane does not say it already.
      expect.arrayContaining(['Leads aus der Messe', 'Übergabe an den Vertrieb', 'Gemeinsam Kund:innen gewinnen']),
    );
    // Nothing else: no temp file left beside it.
    expect(await namesIn(out)).toEqual(['Zusammenfassung.md']);
  });

  it.each(exportKinds)('adds the extension when the dialog returns a name without it (%s)', async (kind) => {
    t.answers.exportPath = join(out, 'Bericht');
    expect(await exported(board(), request(kind))).toBe(join(out, `Bericht${exportExtension(kind)}`));
    expect(await namesIn(out)).toEqual([`Bericht${exportExtension(kind)}`]);
  });

  it('names the handout and the board image after what they are, in the session’s language', () => {
    const session = board();
    expect(suggestedExportName(session, request('handout'))).toBe('Kick-off Müller GmbH – 2025-03-14 – Mission.pdf');
    expect(suggestedExportName(session, request('png'))).toBe('Kick-off Müller GmbH – 2025-03-14 – Board.png');
    const german = { ...session, details: { ...session.details, language: 'de' as const } };
    expect(suggestedExportName(german, request('handout'))).toBe('Kick-off Müller GmbH – 2025-03-14 – Auftrag.pdf');
    const untitled = { ...session, details: { ...session.details, title: '  ', date: '', language: 'de' as const } };
    expect(suggestedExportName(untitled, request('pdf'))).toBe('Sitzung ohne Titel – Müller GmbH.pdf');
    const long = { ...session, details: { ...session.details, title: 'Ä'.repeat(300), client: '', date: '' } };
    expect(suggestedExportName(long, request('docx'))).toBe(`${'Ä'.repeat(100)}.docx`);
  });

  it('suggests a name with the client (unless the title names it) and the workshop’s day', () => {
    const session = { ...board(), details: { ...board().details, title: 'Kick-off', client: 'Müller\nGmbH' } };
    expect(suggestedExportName(session, request('pdf'))).toBe('Kick-off – Müller GmbH – 2025-03-14.pdf');
    const sameClient = { ...session, details: { ...session.details, title: 'Workshop MÜLLER GMBH', client: 'Müller GmbH' } };
    expect(suggestedExportName(sameClient, request('csv'))).toBe('Workshop MÜLLER GMBH – 2025-03-14.csv');
    const noDay = { ...session, details: { ...session.details, date: '' } };
    expect(suggestedExportName(noDay, request('md'))).toBe('Kick-off – Müller GmbH.md');
  });

  it('prints the summary HTML to PDF with title, day and language for the header and footer', async () => {
    const session = { ...board(), details: { ...board().details, language: 'de' as const } };
    t.answers.exportPath = join(out, 'summary.pdf');
    await exported(session, request('pdf', { sections: ['glance', 'lanes'] }));
    const expectedSummary = buildSummary(session, { fallbackLanguage: 'en', sections: ['glance', 'lanes'] });
    expect(t.printer.pdf).toHaveBeenCalledExactlyOnceWith(renderHtml(expectedSummary), {
      title: 'Kick-off Müller GmbH',
      date: '14. März 2025',
      language: 'de',
    });
    expect(new Uint8Array(await readFile(join(out, 'summary.pdf')))).toEqual(fakePdf);
  });

  it('prints the handout without page frame: the mission, the title, client and day', async () => {
    t.answers.exportPath = join(out, 'handout.pdf');
    // The dialog's sections do not matter for the handout: it is the mission.
    await exported(board(), request('handout', { sections: ['moves'] }));
    expect(t.printer.pdf).toHaveBeenCalledOnce();
    const [html, frame] = t.printer.pdf.mock.calls[0] ?? [];
    expect(frame).toBeNull();
    expect(html).toContain('Gemeinsam Kund:innen gewinnen');
    expect(html).toContain('Müller GmbH · 14 March 2025 · Köln');
    expect(html).not.toContain('Leads aus der Messe');
  });

  it('photographs the board image: lanes and cards, whatever sections the dialog includes', async () => {
    t.answers.exportPath = join(out, 'board.png');
    await exported(board(), request('png', { sections: [] }));
    const [html] = t.printer.png.mock.calls[0] ?? [];
    expect(html).toContain('Leads aus der Messe');
    expect(html).toContain('Gemeinsam Kund:innen gewinnen');
    expect(new Uint8Array(await readFile(join(out, 'board.png')))).toEqual(fakePng);
  });

  it('writes the CSV with the delimiter asked for', async () => {
    t.answers.exportPath = join(out, 'cards.csv');
    await exported(board(), request('csv', { csvDelimiter: ';' }));
    const rows = readCsv(new Uint8Array(await readFile(join(out, 'cards.csv'))), ';');
    expect(rows.slice(1).map((row) => row[cardColumns.indexOf('title')])).toEqual(['Leads aus der Messe', 'Übergabe an den Vertrieb']);
  });

  it('writes the summary in the session’s language, the fallback only for a session without one', async () => {
    t.answers.exportPath = join(out, 'a.md');
    await exported({ ...board(), details: { ...board().details, language: 'de' } }, request('md', { fallbackLanguage: 'en' }));
    expect(await readFile(join(out, 'a.md'), 'utf8')).toContain('## Unser gemeinsamer Auftrag');
    await exported({ ...board(), details: { ...board().details, language: '' } }, request('md', { fallbackLanguage: 'de' }));
    expect(await readFile(join(out, 'a.md'), 'utf8')).toContain('## Unser gemeinsamer Auftrag');
    await exported({ ...board(), details: { ...board().details, language: '' } }, request('md', { fallbackLanguage: 'en' }));
    expect(await readFile(join(out, 'a.md'), 'utf8')).toContain('## Our shared mission');
  });

  it('never gives a hidden caricature to the printer', async () => {
    const session = sessionWith(
      { marketing: [card('c-1', 'Sales ruft nie zurück', { kind: 'caricature' }), card('t-1', 'Messe')] },
      { caricaturesRevealed: false },
    );
    for (const kind of ['pdf', 'handout', 'png'] as const) {
      t.answers.exportPath = join(out, `x-${kind}`);
      await exported(session, request(kind));
    }
    const printed = [...t.printer.pdf.mock.calls.map(([html]) => html), ...t.printer.png.mock.calls.map(([html]) => html)];
    // The summary PDF with its board picture (printed first), the handout, the board image.
    expect(printed).toHaveLength(4);
    for (const html of printed) expect(html).not.toContain('ruft nie zurück');
    expect(t.printer.png.mock.calls[0]?.[0]).toContain('Hidden caricature');
  });

  it('embeds the board picture, printed by the same printer, in PDF, Word, PowerPoint and HTML; not without the section', async () => {
    for (const kind of ['pdf', 'docx', 'pptx', 'html'] as const) {
      t.answers.exportPath = join(out, `with-board-${kind}`);
      await exported(board(), request(kind));
    }
    expect(t.printer.png).toHaveBeenCalledTimes(4);
    expect(t.printer.pdf.mock.calls[0]?.[0]).toContain('<img src="data:image/png;base64,');
    t.printer.png.mockClear();
    t.answers.exportPath = join(out, 'without-board.html');
    await exported(board(), request('html', { sections: summarySections.filter((section) => section !== 'board') }));
    expect(t.printer.png).not.toHaveBeenCalled();
    expect(await readFile(join(out, 'without-board.html'), 'utf8')).not.toContain('<img');
  });
});

describe('trying again', () => {
  it('writes again to a path the dialog returned, without asking', async () => {
    t.answers.exportPath = join(out, 'summary.md');
    await exported(board(), request('md'));
    t.answers.exportPath = null;
    const changed = { ...board(), mission: 'Neu formuliert' };
    expect(await exported(changed, request('md'), join(out, 'summary.md'))).toBe(join(out, 'summary.md'));
    expect(t.dialogs.chooseExportPath).toHaveBeenCalledOnce();
    expect(await readFile(join(out, 'summary.md'), 'utf8')).toContain('Neu formuliert');
  });

  it.each([
    ['a path no dialog returned', () => join(out, 'elsewhere.md')],
    ['a session file', () => join(t.sessionsFolder, 'kick-off.nahtstelle')],
    ['a system file', () => '/etc/passwd'],
  ])('refuses %s with notAllowed and writes nothing', async (_case, path) => {
    const result = await exportCall(board(), request('md'), path());
    expect(result).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
    expect(t.dialogs.chooseExportPath).not.toHaveBeenCalled();
    expect(await namesIn(out)).toEqual([]);
  });

  it('refuses a retry of another kind than the path was chosen for', async () => {
    t.answers.exportPath = join(out, 'summary.pdf');
    await exported(board(), request('pdf'));
    expect(await exportCall(board(), request('docx'), join(out, 'summary.pdf'))).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
    // The handout is a PDF too: it may go where a summary PDF was chosen.
    expect(await exported(board(), request('handout'), join(out, 'summary.pdf'))).toBe(join(out, 'summary.pdf'));
  });

  it('does not take the path of another run of the app (handlers made anew)', async () => {
    t.answers.exportPath = join(out, 'summary.md');
    await exported(board(), request('md'));
    handlers = createHandlers(t.services);
    expect(await exportCall(board(), request('md'), join(out, 'summary.md'))).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
  });
});

describe('a failed export', () => {
  it('reports a vanished folder as fileProblem with the path to retry, leaves no file, and the retry writes once the folder is back', async () => {
    t.answers.exportPath = join(out, 'Bericht.docx');
    await rm(out, { recursive: true });
    const result = await exportCall(board(), request('docx'), null);
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'fileProblem', reason: 'folderMissing', file: 'Bericht.docx', path: join(out, 'Bericht.docx') }),
    });
    expect(await namesIn(out)).toEqual([]);

    await mkdir(out);
    expect(await exported(board(), request('docx'), join(out, 'Bericht.docx'))).toBe(join(out, 'Bericht.docx'));
    expect(await namesIn(out)).toEqual(['Bericht.docx']);
  });

  it.skipIf(process.getuid?.() === 0)('reports a folder it may not write to as permissionDenied, and keeps the old file intact', async () => {
    t.answers.exportPath = join(out, 'Bericht.md');
    await exported(board(), request('md'));
    const before = await readFile(join(out, 'Bericht.md'), 'utf8');
    await chmod(out, 0o555);
    const result = await exportCall({ ...board(), mission: 'anders' }, request('md'), join(out, 'Bericht.md'));
    expect(result).toMatchObject({ ok: false, error: { code: 'fileProblem', reason: 'permissionDenied', path: join(out, 'Bericht.md') } });
    expect(await readFile(join(out, 'Bericht.md'), 'utf8')).toBe(before);
    expect(await readdir(out)).toEqual(['Bericht.md']);
  });

  it('reports a printer failure with the path to retry, and writes nothing', async () => {
    t.printer.pdf.mockRejectedValueOnce(new Error('Printing took longer than 60 s and was stopped'));
    t.answers.exportPath = join(out, 'summary.pdf');
    const result = await exportCall(board(), request('pdf'), null);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', detail: 'Printing took longer than 60 s and was stopped', path: join(out, 'summary.pdf') },
    });
    expect(await namesIn(out)).toEqual([]);
  });
});

describe('arguments', () => {
  it.each([
    ['an unknown kind', [board(), { ...request('md'), kind: 'exe' }, null]],
    ['an unknown section', [board(), { ...request('md'), sections: ['facts', 'secrets'] }, null]],
    ['a section twice', [board(), { ...request('md'), sections: ['facts', 'facts'] }, null]],
    ['another delimiter', [board(), { ...request('csv'), csvDelimiter: '\t' }, null]],
    ['an unknown language', [board(), { ...request('md'), fallbackLanguage: 'fr' }, null]],
    ['an extra field', [board(), { ...request('md'), outPath: '/etc/passwd' }, null]],
    ['no retry path argument', [board(), request('md')]],
    ['an empty retry path', [board(), request('md'), '']],
    ['a session that is not one', [{ ...board(), cards: 'none' }, request('md'), null]],
  ])('refuses %s with invalidArguments before any dialog', async (_case, args) => {
    const result = await exportCall(...args);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidArguments', detail: expect.stringContaining('exportSession') } });
    expect(t.dialogs.chooseExportPath).not.toHaveBeenCalled();
  });

  it('exports a session of hostile texts in every kind', async () => {
    const session = sessionWith({ marketing: [card('h-1', hostile.script), card('h-2', hostile.hyperlink)] }, { mission: hostile.image });
    for (const kind of exportKinds) {
      t.answers.exportPath = join(out, `hostile-${kind}`);
      expect(await exported(session, request(kind))).toBe(join(out, `hostile-${kind}${exportExtension(kind)}`));
    }
    expect(await namesIn(out)).toHaveLength(exportKinds.length);
  });
});
