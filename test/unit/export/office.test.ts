/**
 * Word and PowerPoint as their readers see them: the parts of the package, the text of every
 * paragraph, the layout properties a reader notices (column widths, heading styles, slide titles),
 * and the known triggers of PowerPoint's "repair" dialog (readers.ts `repairTriggers`). For the
 * v3-full fixture and the large session of issue 14 (sessions.ts `consultantSession`).
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../core/model';
import { parseSessionFile } from '../../../core/session-file';
import { buildSummary, type Summary } from '../../../core/summary';
import { presetSections, summaryTexts } from '../../../core/summary-text';
import { renderDocx } from '../../../electron/export/docx';
import { renderPptx } from '../../../electron/export/pptx';
import { missionLines, shownTitles } from './expect';
import { checkOfficeXml, officeParts, repairTriggers, solidPng } from './readers';
import { card, consultantSession, sessionWith } from './sessions';

let fixture: Session;
let summary: Summary;
const board = solidPng(1200, 700);
const de = summaryTexts.de;

beforeAll(async () => {
  const loaded = parseSessionFile(await readFile('test/fixtures/sessions/v3-full.nahtstelle', 'utf8'));
  if (!loaded.ok) throw new Error(loaded.detail);
  fixture = loaded.session;
  summary = buildSummary(fixture, { fallbackLanguage: 'en', timeZone: 'Europe/Berlin', sections: presetSections.client, exportedOn: '2027-03-05' });
});

async function part(bytes: Uint8Array, name: string): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file(name)?.async('string')) ?? '';
}

describe('Word (.docx)', () => {
  it('opens as a zip of well-formed XML holding every card title, the mission and every section', async () => {
    const bytes = await renderDocx(summary, { boardPng: board });
    expect(await checkOfficeXml(bytes)).toContain('word/document.xml');
    const [document] = await officeParts(bytes, /^word\/document\.xml$/);
    const paragraphs = document?.paragraphs ?? [];
    for (const title of shownTitles(fixture))
      expect(
        paragraphs.some((p) => p.includes(title)),
        title,
      ).toBe(true);
    expect(paragraphs).toContain(missionLines(fixture).join('\n'));
    expect(paragraphs[0]).toBe(fixture.details.title);
    for (const section of summary.sections.filter((s) => s !== 'facts')) expect(paragraphs).toContain(de.sections[section]);
    // The card's notes, why and tags are in the document, not only in the CSV.
    expect(paragraphs.some((p) => p.includes('Nachfragen bei „Biggi“'))).toBe(true);
  });

  it('has the title and date in the page header and numbered pages in the footer', async () => {
    const bytes = await renderDocx(summary);
    const [header] = await officeParts(bytes, /^word\/header\d*\.xml$/);
    const [footer] = await officeParts(bytes, /^word\/footer\d*\.xml$/);
    expect(header?.paragraphs).toEqual([`${fixture.details.title} · 4. März 2027`]);
    // The page numbers are fields Word fills in; their text here is only a placeholder.
    expect(footer?.paragraphs[0]).toMatch(/^Seite .* von /);
  });

  it('uses Word’s heading styles with spacing, kept with the next paragraph, and names the facilitator as author', async () => {
    const bytes = await renderDocx(summary);
    const styles = await part(bytes, 'word/styles.xml');
    for (const id of ['Heading1', 'Heading2']) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
      expect(style, id).toContain('<w:keepNext');
      expect(style, id).toMatch(/<w:spacing [^>]*w:before="\d+"/);
    }
    const document = await part(bytes, 'word/document.xml');
    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    const core = await part(bytes, 'docProps/core.xml');
    expect(core).toContain('<dc:creator>Dr. Jördis Kühn</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Dr. Jördis Kühn</cp:lastModifiedBy>');
    expect(core).not.toContain('Un-named');
  });

  it('fits the tables’ columns to their content: the action table’s columns differ, its status column has a header', async () => {
    const bytes = await renderDocx(summary);
    const document = await part(bytes, 'word/document.xml');
    const grids = [...document.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) =>
      [...(m[1] ?? '').matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1])),
    );
    expect(grids.length).toBeGreaterThan(0);
    for (const grid of grids) expect(new Set(grid).size, grid.join(',')).toBeGreaterThan(1);
    expect(document).toContain('w:type="fixed"');
    const [body] = await officeParts(bytes, /^word\/document\.xml$/);
    expect(body?.paragraphs).toEqual(expect.arrayContaining([de.actionColumns.action, de.actionColumns.status, de.actionColumns.card]));
  });

  it('embeds the board picture, fitted to the page, with a text alternative', async () => {
    const bytes = await renderDocx(summary, { boardPng: board });
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((name) => name.startsWith('word/media/') && !name.endsWith('/'))).toHaveLength(1);
    const document = await part(bytes, 'word/document.xml');
    expect(document).toContain(`descr="${de.boardPicture.alt}"`);
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(document);
    // 17 cm of text width, in EMU.
    expect(Number(extent?.[1])).toBeLessThanOrEqual(6_120_000);
    expect(Number(extent?.[1]) / Number(extent?.[2])).toBeCloseTo(1200 / 700, 1);
  });
});

describe('PowerPoint (.pptx)', () => {
  it('the fixture: at most 8 slides, each with a real title placeholder, and none of the known repair triggers', async () => {
    const bytes = await renderPptx(summary, { boardPng: board });
    await checkOfficeXml(bytes);
    expect(await repairTriggers(bytes)).toEqual([]);
    const slides = await officeParts(bytes, /^ppt\/slides\/slide\d+\.xml$/);
    expect(slides.length).toBeLessThanOrEqual(8);
    expect(slides.map((slide) => slide.paragraphs[0])).toEqual([
      fixture.details.title,
      de.sections.glance,
      de.sections.board,
      de.sections.actions,
      'Marketing',
      'Die Naht: Übergabe MQL → SQL',
      'Sales',
      'Parkplatz 🅿️',
    ]);
  });

  it('the check finds each trigger pptxgenjs is known to write, so a clean result means something', async () => {
    const bytes = await renderPptx(summary);
    const zip = await JSZip.loadAsync(bytes);
    const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
    zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/ppt/slideMasters/slideMaster9.xml" ContentType="x"/></Types>'));
    const slide = (await zip.file('ppt/slides/slide2.xml')?.async('string')) ?? '';
    zip.file(
      'ppt/slides/slide2.xml',
      slide.replace('type="title"', 'type="body"').replace('</p:spTree>', '<p:cxnSp><p:spPr><a:ln></a:ln></p:spPr></p:cxnSp></p:spTree>'),
    );
    expect(await repairTriggers(await zip.generateAsync({ type: 'uint8array' }))).toEqual([
      'empty <a:ln> in ppt/slides/slide2.xml',
      'no title placeholder on ppt/slides/slide2.xml',
      'override without its part: ppt/slideMasters/slideMaster9.xml',
    ]);
  });

  it('shows every card title, the mission on "at a glance", the actions as a table, and the cards’ notes in the speaker notes', async () => {
    const bytes = await renderPptx(summary, { boardPng: board });
    const slides = await officeParts(bytes, /^ppt\/slides\/slide\d+\.xml$/);
    const all = slides.flatMap((slide) => slide.paragraphs);
    for (const title of shownTitles(fixture))
      expect(
        all.some((p) => p.includes(title)),
        title,
      ).toBe(true);
    const glance = slides.find((slide) => slide.paragraphs[0] === de.sections.glance);
    expect(glance?.paragraphs).toEqual(expect.arrayContaining(missionLines(fixture)));
    const actions = slides.find((slide) => slide.paragraphs[0] === de.sections.actions);
    expect(actions?.paragraphs).toEqual(expect.arrayContaining([de.actionColumns.status, 'Scoring-Schwellen im Team vorstellen', 'offen']));
    // No ☐/☑ glyphs (LibreOffice draws ☑ blank): the status is a word in its column.
    expect(all.join('\n')).not.toMatch(/[☐☑]/);
    const notes = await officeParts(bytes, /^ppt\/notesSlides\/notesSlide\d+\.xml$/);
    expect(notes.flatMap((n) => n.paragraphs).join('\n')).toContain('Nachfragen bei „Biggi“');
    expect(Object.keys((await JSZip.loadAsync(bytes)).files).filter((name) => name.startsWith('ppt/media/') && !name.endsWith('/'))).toHaveLength(1);
  });

  it('has no filler slide: hidden votes make no ranking slide', async () => {
    const slides = await officeParts(await renderPptx(summary), /^ppt\/slides\/slide\d+\.xml$/);
    expect(slides.map((slide) => slide.paragraphs[0])).not.toContain(de.sections.votes);
  });

  it('the large session: goes on over further slides, keeps every card, at most 30 slides, still clean', async () => {
    const session = consultantSession();
    const big = buildSummary(session, { fallbackLanguage: 'de', sections: presetSections.client });
    const bytes = await renderPptx(big, { boardPng: board });
    expect(await repairTriggers(bytes)).toEqual([]);
    const slides = await officeParts(bytes, /^ppt\/slides\/slide\d+\.xml$/);
    expect(slides.length).toBeLessThanOrEqual(30);
    const titles = slides.map((slide) => slide.paragraphs[0] ?? '');
    expect(titles).toContain(`${de.sections.actions} ${de.continued}`);
    const all = slides.flatMap((slide) => slide.paragraphs);
    for (const title of shownTitles(session))
      expect(
        all.some((p) => p.includes(title)),
        title,
      ).toBe(true);
    // The deliverable comes early: the actions start on slide 4, after title, "at a glance" and the board.
    expect(titles.indexOf(de.sections.actions)).toBe(3);
  });

  it('a lane of 90 cards goes on over slides titled "(continued)", every card in order', async () => {
    const many = Array.from({ length: 90 }, (_, i) => card(`c-${i}`, `Topic number ${i + 1} with a title of some length, as rooms write them`));
    const bytes = await renderPptx(buildSummary(sessionWith({ marketing: many }), { fallbackLanguage: 'en', sections: ['lanes'] }));
    const slides = await officeParts(bytes, /^ppt\/slides\/slide\d+\.xml$/);
    const laneSlides = slides.filter((slide) => slide.paragraphs[0]?.startsWith('Marketing'));
    expect(laneSlides.length).toBeGreaterThan(3);
    expect(laneSlides.map((slide) => slide.paragraphs[0])).toEqual([
      'Marketing',
      ...Array.from({ length: laneSlides.length - 1 }, () => 'Marketing (continued)'),
    ]);
    const listed = laneSlides.flatMap((slide) => slide.paragraphs.slice(1).filter((p) => p.startsWith('Topic number')));
    expect(listed).toEqual(many.map((c) => c.title));
  });
});
