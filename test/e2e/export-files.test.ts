/**
 * Exporting from the app's page, end to end: `window.nahtstelle.exportSession` in Chromium, over
 * the web test host to the same handlers main runs, printed by a real Chromium (the host's
 * printer: Playwright's `page.pdf` and full-page screenshot, in place of Electron's printToPDF),
 * written to disk — and every file read back by a real reader: poppler's `pdftotext` for the PDFs,
 * Chromium's image decoder for the PNG, jszip + an XML parser for .docx/.pptx, papaparse for the
 * CSV, markdown-it for Markdown, parse5 for HTML, JSON.parse for JSON.
 *
 * The session is the rich v3 fixture (four lanes, every card kind, seam exchanges, revealed
 * caricatures, metrics, votes, actions, moves), read with the app's own parser.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorOf, exportKinds, type ApiError, type ExportKind, type ExportRequest, type NahtstelleBridge } from '../../core/api';
import { cardsPerLane } from '../../core/export/board-image';
import type { Session } from '../../core/model';
import { parseSessionFile } from '../../core/session-file';
import { printable } from '../../core/summary';
import { cardColumns, summarySections, summaryTexts } from '../../core/summary-text';
import { exportExtension } from '../../electron/export/export-session';
import { imageLimits } from '../../electron/export/print-page';
import { missionLines, shownTitles } from '../unit/export/expect';
import { officeParts, readCsv, readHtml, readMarkdown } from '../unit/export/readers';
import { hostile, hostileSession } from '../unit/export/sessions';
import { launchChromium, openBoard, type BoardPage } from './support';

const run = promisify(execFile);

let fixture: Session;
let folder: string;
/** What the next export save dialog answers (null: cancelled), and what every one was asked. */
let answer: string | null = null;
const asked: { kind: ExportKind; name: string }[] = [];
let browser: Browser;
/** One app for the whole file: starting the host's printer (a second Chromium) takes seconds. */
let app: BoardPage;

beforeAll(async () => {
  const loaded = parseSessionFile(await readFile('test/fixtures/sessions/v3-full.nahtstelle', 'utf8'));
  if (!loaded.ok) throw new Error(loaded.detail);
  fixture = loaded.session;
  folder = await mkdtemp(join(tmpdir(), 'nahtstelle-export-files-'));
  browser = await launchChromium();
  app = await openBoard(browser, {
    startOn: 'library',
    dialogs: {
      chooseExportPath: async (kind, name) => {
        asked.push({ kind, name });
        return answer;
      },
    },
  });
});

afterEach(() => {
  // What a user would have seen as breakage: errors in the page, failed requests.
  expect(app.errors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await rm(folder, { recursive: true, force: true });
});

type Outcome = { readonly ok: true; readonly path: string | null } | { readonly ok: false; readonly error: ApiError | undefined };

/** Calls the verb from the page, as the export dialog does; a rejection comes back as its ApiError. */
async function exportFromPage(page: Page, session: Session, request: ExportRequest, retryPath: string | null = null): Promise<Outcome> {
  const result = await page.evaluate(
    async ([s, r, p]) => {
      try {
        return { ok: true as const, path: await (window as unknown as { nahtstelle: NahtstelleBridge }).nahtstelle.exportSession(s, r, p) };
      } catch (error) {
        return { ok: false as const, message: error instanceof Error ? error.message : String(error) };
      }
    },
    [session, request, retryPath] as const,
  );
  return result.ok ? result : { ok: false, error: apiErrorOf(new Error(result.message)) };
}

async function exportTo(page: Page, session: Session, kind: ExportKind, changes: Partial<ExportRequest> = {}): Promise<string> {
  answer = join(folder, `${kind}-${Date.now()}${exportExtension(kind)}`);
  const outcome = await exportFromPage(page, session, {
    kind,
    sections: [...summarySections],
    csvDelimiter: ',',
    fallbackLanguage: 'en',
    ...changes,
  });
  if (!outcome.ok) throw new Error(`export ${kind} failed: ${JSON.stringify(outcome.error)}`);
  expect(outcome.path).toBe(answer);
  return answer;
}

/** The PDF's text as poppler extracts it, per page (form feeds split pages). */
async function pdfText(path: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path, '-']);
  return stdout.split('\f').filter((page, index, pages) => index < pages.length - 1 || page.trim() !== '');
}

/**
 * Text as it must be found in extracted PDF text: white space collapsed (lines wrap anywhere), and
 * without the emoji — the machines print with no emoji font, so those glyphs carry no text.
 */
function comparable(text: string): string {
  return text
    .replace(/\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('exporting from the page', () => {
  it('writes every kind, each read back by a real reader', async () => {
    const { page } = app;
    const titles = shownTitles(fixture);
    const mission = missionLines(fixture);
    const words = summaryTexts.de;

    // PDF: the summary, A4, every card title and the mission, title and day on every page, page numbers.
    const pdfPath = await exportTo(page, fixture, 'pdf');
    const pdfPages = await pdfText(pdfPath);
    const pdf = comparable(pdfPages.join(' '));
    for (const title of titles) expect(pdf, title).toContain(comparable(title));
    expect(pdf).toContain(comparable(mission.join(' ')));
    expect(pdfPages.length).toBeGreaterThan(1);
    for (const [index, text] of pdfPages.entries()) {
      expect(comparable(text), `page ${index + 1}`).toContain(`Seite ${index + 1} von ${pdfPages.length}`);
      expect(comparable(text), `page ${index + 1}`).toContain(comparable(fixture.details.title));
      expect(text, `page ${index + 1}`).toContain('4. März 2027');
    }
    const { stdout: info } = await run('pdfinfo', [pdfPath]);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);

    // The handout: one page, the mission, who agreed it.
    const handoutPath = await exportTo(page, fixture, 'handout');
    const handout = await pdfText(handoutPath);
    expect(handout).toHaveLength(1);
    expect(comparable(handout[0] ?? '')).toContain(comparable(mission.join(' ')));
    // The heading is set in capitals.
    expect(comparable(handout[0] ?? '').toLowerCase()).toContain(comparable(words.mission.label).toLowerCase());
    expect(comparable(handout[0] ?? '')).toContain(comparable(fixture.details.title));

    // PNG: a picture Chromium decodes, of a sensible size for four lanes, not a blank one.
    const png = new Uint8Array(await readFile(await exportTo(page, fixture, 'png')));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    const size = { width: view.getUint32(16), height: view.getUint32(20) };
    expect(size.width).toBeGreaterThanOrEqual(4 * 340);
    expect(size.width).toBeLessThan(2400);
    expect(size.height).toBeGreaterThan(400);
    expect(size.height).toBeLessThan(4000);
    const decoded = await decodePng(page, png);
    expect(decoded).toMatchObject(size);
    expect(decoded.colours).toBeGreaterThan(50);

    // Word and PowerPoint: zip files of XML holding every title and the mission.
    const [docx] = await officeParts(new Uint8Array(await readFile(await exportTo(page, fixture, 'docx'))), /^word\/document\.xml$/);
    for (const title of titles)
      expect(
        docx?.paragraphs.some((p) => p.includes(title)),
        title,
      ).toBe(true);
    expect(docx?.paragraphs).toContain(mission.join('\n'));
    const slides = await officeParts(new Uint8Array(await readFile(await exportTo(page, fixture, 'pptx'))), /^ppt\/slides\/slide\d+\.xml$/);
    const slideText = slides.flatMap((slide) => slide.paragraphs).join('\n');
    for (const title of titles) expect(slideText, title).toContain(title);
    expect(slides.length).toBeGreaterThan(5);
    expect(slides.length).toBeLessThanOrEqual(9);

    // CSV (semicolons, as asked): one row per shown card, the same titles.
    const rows = readCsv(new Uint8Array(await readFile(await exportTo(page, fixture, 'csv', { csvDelimiter: ';' }))), ';');
    const title = cardColumns.indexOf('title');
    expect(rows[0]?.[title]).toBe(words.columns.title);
    expect(rows.slice(1).map((row) => row[title])).toEqual(titles);

    // Markdown: the title, one heading per section in order.
    const markdown = readMarkdown(await readFile(await exportTo(page, fixture, 'md'), 'utf8'));
    expect(markdown.blocks[0]).toEqual({ kind: 'h1', text: fixture.details.title });
    // (Markdown has no place for the board picture.)
    expect(markdown.blocks.filter((block) => block.kind === 'h2').map((block) => block.text)).toEqual(
      summarySections.filter((section) => section !== 'board').map((section) => words.sections[section]),
    );

    // HTML: every title as text, no script.
    const html = readHtml(await readFile(await exportTo(page, fixture, 'html'), 'utf8'));
    const body = html.elements.find((element) => element.tagName === 'body');
    const bodyText = body ? html.textOf(body) : '';
    for (const title of titles) expect(bodyText, title).toContain(title);
    expect(html.elements.some((element) => element.tagName === 'script')).toBe(false);

    // JSON: the summary model.
    const json = JSON.parse(await readFile(await exportTo(page, fixture, 'json'), 'utf8')) as {
      format: string;
      cards: { title: string }[];
      mission: string;
    };
    expect(json.format).toBe('nahtstelle-summary');
    expect(json.cards.map((card) => card.title)).toEqual(titles);
    expect(json.mission).toBe(printable(fixture.mission));

    // Every save dialog offered the session's title, client and day with the kind's extension.
    expect(asked.map((entry) => entry.kind).sort()).toEqual([...exportKinds].sort());
    const named = (kind: ExportKind) => asked.find((entry) => entry.kind === kind)?.name;
    const stem = `${fixture.details.title} – ${fixture.details.client} – ${fixture.details.date}`;
    expect(named('pdf')).toBe(`${stem}.pdf`);
    expect(named('handout')).toBe(`${stem} – Auftrag.pdf`);
    expect(named('png')).toBe(`${stem} – Board.png`);
  });

  it('prints only the chosen sections, and hostile text as text', async () => {
    const { page } = app;
    const session = { ...hostileSession(), mission: `${hostile.script} ${hostile.hyperlink}` };
    const text = comparable((await pdfText(await exportTo(page, session, 'pdf', { sections: ['glance', 'lanes'] }))).join(' '));
    expect(text).toContain(comparable(hostile.script));
    expect(text).toContain(comparable(hostile.image));
    expect(text).toContain(comparable(hostile.hyperlink));
    // The hostile session is held in German.
    expect(text).toContain(summaryTexts.de.sections.lanes);
    expect(text).not.toContain(summaryTexts.de.sections.facts);
    expect(text).not.toContain(summaryTexts.de.sections.moves);
  });

  it('keeps hidden caricatures out of the PDF, the handout and the picture', async () => {
    const { page } = app;
    const hidden = { ...fixture, caricaturesRevealed: false };
    const caricatures = Object.values(fixture.cards).filter((card) => card.kind === 'caricature');
    expect(caricatures.length).toBeGreaterThan(0);
    const text = comparable((await pdfText(await exportTo(page, hidden, 'pdf'))).join(' '));
    for (const card of caricatures) expect(text).not.toContain(comparable(card.title));
    expect(text).toContain(comparable(summaryTexts.de.caricatures.hidden(caricatures.length)));
    const png = new Uint8Array(await readFile(await exportTo(page, hidden, 'png')));
    expect((await decodePng(page, png)).colours).toBeGreaterThan(50);
  });

  it('prints the handout of a session without a mission, saying none is agreed yet', async () => {
    const { page } = app;
    const [handout] = await pdfText(await exportTo(page, { ...fixture, mission: '' }, 'handout'));
    expect(comparable(handout ?? '')).toContain(comparable(summaryTexts.de.mission.none));
  });

  it('prints the longest mission on one page', async () => {
    const { page } = app;
    const longest = 'Wir gewinnen gemeinsam Kund:innen, die bleiben. '.repeat(110).slice(0, 5000);
    const pages = await pdfText(await exportTo(page, { ...fixture, mission: longest }, 'handout'));
    expect(pages).toHaveLength(1);
    expect(comparable(pages[0] ?? '')).toContain(comparable(longest));
  });

  it('shows a large board cut down to a picture of sensible size', async () => {
    const { page } = app;
    const lanes = fixture.laneOrder.length;
    const [firstLane] = fixture.laneOrder;
    const lane = firstLane ? fixture.lanes[firstLane] : undefined;
    const template = Object.values(fixture.cards).find((card) => card.kind === 'topic');
    if (!lane || !template) throw new Error('the fixture has no lane or topic');
    const ids = Array.from({ length: 400 }, (_, i) => `bulk-${i}`);
    const many: Session = {
      ...fixture,
      lanes: { ...fixture.lanes, [lane.id]: { ...lane, cardIds: [...lane.cardIds, ...ids] } },
      cards: {
        ...fixture.cards,
        ...Object.fromEntries(ids.map((id) => [id, { ...template, id, title: `Thema ${id}`, actions: [], moves: [], votes: {} }])),
      },
    };
    const png = new Uint8Array(await readFile(await exportTo(page, many, 'png')));
    const height = new DataView(png.buffer, png.byteOffset).getUint32(20);
    // The lane shows its share of the cards (a card is well under 130 px tall), not all 400 and more.
    expect(height).toBeLessThan(cardsPerLane(lanes) * 130 + 600);
    expect(height).toBeLessThan(imageLimits.height);
    expect((await decodePng(page, png)).colours).toBeGreaterThan(50);
  });
});

describe('a failed export', () => {
  it('reports a vanished folder with the path to retry, leaves no file, and the retry writes once the folder is back', async () => {
    const { page } = app;
    const target = join(folder, 'gone', 'Bericht.pdf');
    await mkdir(join(folder, 'gone'));
    answer = target;
    await rm(join(folder, 'gone'), { recursive: true });
    const failed = await exportFromPage(page, fixture, { kind: 'pdf', sections: [...summarySections], csvDelimiter: ',', fallbackLanguage: 'en' });
    expect(failed).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'fileProblem', reason: 'folderMissing', file: 'Bericht.pdf', path: target }),
    });

    // Still gone on the first retry: the same error, and nothing written anywhere.
    const again = await exportFromPage(
      page,
      fixture,
      { kind: 'pdf', sections: [...summarySections], csvDelimiter: ',', fallbackLanguage: 'en' },
      target,
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'fileProblem', reason: 'folderMissing' } });

    await mkdir(join(folder, 'gone'));
    const asksBefore = asked.length;
    const retried = await exportFromPage(
      page,
      fixture,
      { kind: 'pdf', sections: [...summarySections], csvDelimiter: ',', fallbackLanguage: 'en' },
      target,
    );
    expect(retried).toEqual({ ok: true, path: target });
    expect(asked).toHaveLength(asksBefore);
    expect(await readdir(join(folder, 'gone'))).toEqual(['Bericht.pdf']);
    expect((await pdfText(target)).length).toBeGreaterThan(1);
  });

  it('refuses to write to a path the save dialog did not return', async () => {
    const { page } = app;
    const elsewhere = join(folder, 'not-chosen.md');
    const outcome = await exportFromPage(
      page,
      fixture,
      { kind: 'md', sections: [...summarySections], csvDelimiter: ',', fallbackLanguage: 'en' },
      elsewhere,
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
    expect(await readdir(folder)).not.toContain('not-chosen.md');
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const { page } = app;
    answer = null;
    const before = await readdir(folder);
    expect(await exportFromPage(page, fixture, { kind: 'pdf', sections: [...summarySections], csvDelimiter: ',', fallbackLanguage: 'en' })).toEqual({
      ok: true,
      path: null,
    });
    expect(await readdir(folder)).toEqual(before);
  });
});

describe('the built main process', () => {
  it('carries the export libraries inside: it loads nothing the packaged app does not ship', async () => {
    // Built by `npm run build` before the E2E tests (out/main/index.js, an ES module).
    const bundle = await readFile('out/main/index.js', 'utf8');
    const loaded = new Set(
      [...bundle.matchAll(/^import\b[^;]*?from "([^"]+)";$/gm), ...bundle.matchAll(/__require\("([^"]+)"\)/g)].map((match) => match[1] ?? ''),
    );
    const { dependencies = {} } = JSON.parse(await readFile('package.json', 'utf8')) as { dependencies?: Record<string, string> };
    const shipped = (name: string): boolean =>
      name === 'electron' || name in dependencies || name.startsWith('node:') || builtinModules.includes(name);
    expect([...loaded].filter((name) => !shipped(name))).toEqual([]);
    // docx, pptxgenjs and jszip (devDependencies) are bundled, not loaded; so is the app's printer.
    expect(loaded.has('docx') || loaded.has('pptxgenjs') || loaded.has('jszip')).toBe(false);
    expect(bundle).toContain('.printToPDF(');
    expect(bundle).toContain('"Page.captureScreenshot"');
  });
});

/** The PNG as Chromium decodes it: its size and how many different colours a sample of its pixels has. */
async function decodePng(page: Page, png: Uint8Array): Promise<{ width: number; height: number; colours: number }> {
  const viewer = await page.context().newPage();
  try {
    await viewer.setContent('<!doctype html><title>png</title>');
    return await viewer.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no canvas');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97) colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
      return { width: image.naturalWidth, height: image.naturalHeight, colours: colours.size };
    }, Buffer.from(png).toString('base64'));
  } finally {
    await viewer.close();
  }
}
