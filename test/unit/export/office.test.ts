import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../core/model';
import { parseSessionFile } from '../../../core/session-file';
import { buildSummary, type Summary } from '../../../core/summary';
import { summaryTexts } from '../../../core/summary-text';
import { renderDocx } from '../../../electron/export/docx';
import { renderPptx } from '../../../electron/export/pptx';
import { missionLines, shownTitles } from './expect';
import { checkOfficeXml, officeParts } from './readers';
import { card, sessionWith } from './sessions';

let fixture: Session;
let summary: Summary;

beforeAll(async () => {
  const loaded = parseSessionFile(await readFile('test/fixtures/sessions/v3-full.nahtstelle', 'utf8'));
  if (!loaded.ok) throw new Error(loaded.detail);
  fixture = loaded.session;
  summary = buildSummary(fixture, { fallbackLanguage: 'en', timeZone: 'Europe/Berlin' });
});

describe('Word (.docx)', () => {
  it('opens as a zip of well-formed XML holding every card title and the mission', async () => {
    const bytes = await renderDocx(summary);
    expect(await checkOfficeXml(bytes)).toContain('word/document.xml');
    const [document] = await officeParts(bytes, /^word\/document\.xml$/);
    const paragraphs = document?.paragraphs ?? [];
    for (const title of shownTitles(fixture)) expect(paragraphs.some((p) => p.includes(title)), title).toBe(true);
    expect(paragraphs).toContain(missionLines(fixture).join('\n'));
    expect(paragraphs[0]).toBe(fixture.details.title);
    for (const section of summary.sections) expect(paragraphs).toContain(summaryTexts.de.sections[section]);
  });

  it('has the title and date in the page header and numbered pages in the footer', async () => {
    const bytes = await renderDocx(summary);
    const [header] = await officeParts(bytes, /^word\/header\d*\.xml$/);
    const [footer] = await officeParts(bytes, /^word\/footer\d*\.xml$/);
    expect(header?.paragraphs).toEqual([`${fixture.details.title} · 4. März 2027`]);
    // The page numbers are fields Word fills in; their text here is only a placeholder.
    expect(footer?.paragraphs[0]).toMatch(/^Seite .* von /);
  });
});

describe('PowerPoint (.pptx)', () => {
  it('opens as a zip of well-formed XML: a title slide, then the sections with every card title and the mission', async () => {
    const bytes = await renderPptx(summary);
    await checkOfficeXml(bytes);
    const slides = await officeParts(bytes, /^ppt\/slides\/slide\d+\.xml$/);
    expect(slides[0]?.paragraphs[0]).toBe(fixture.details.title);
    const all = slides.flatMap((slide) => slide.paragraphs);
    for (const title of shownTitles(fixture)) expect(all.some((p) => p.includes(title)), title).toBe(true);
    const missionSlide = slides.find((slide) => slide.paragraphs[0] === summaryTexts.de.sections.mission);
    expect(missionSlide?.paragraphs).toEqual(expect.arrayContaining(missionLines(fixture)));
    // One slide per lane, titled with the lane's name.
    const titles = slides.map((slide) => slide.paragraphs[0]);
    expect(titles).toEqual(expect.arrayContaining(['Marketing', 'Die Naht: Übergabe MQL → SQL', 'Sales', 'Parkplatz 🅿️']));
    expect(titles).toEqual(expect.arrayContaining([`${summaryTexts.de.sections.metrics}: ${summaryTexts.de.metrics.withNarrative}`, summaryTexts.de.sections.actions]));
  });

  it('goes on over further slides when a lane holds more than a slide, keeping every card in order', async () => {
    const many = Array.from({ length: 90 }, (_, i) => card(`c-${i}`, `Topic number ${i + 1} with a title of some length, as rooms write them`));
    const bytes = await renderPptx(buildSummary(sessionWith({ marketing: many }), { fallbackLanguage: 'en', sections: ['lanes'] }));
    const slides = await officeParts(bytes, /^ppt\/slides\/slide\d+\.xml$/);
    const laneSlides = slides.filter((slide) => slide.paragraphs[0]?.startsWith('Marketing'));
    expect(laneSlides.length).toBeGreaterThan(3);
    expect(laneSlides.map((slide) => slide.paragraphs[0])).toEqual(['Marketing', ...Array.from({ length: laneSlides.length - 1 }, () => 'Marketing (continued)')]);
    const listed = laneSlides.flatMap((slide) => slide.paragraphs.slice(1).filter((p) => p.startsWith('Topic number')));
    expect(listed).toEqual(many.map((c) => `${c.title} — Lead: Marketing`));
  });

  it('splits a text longer than a slide between slides, at word boundaries, without losing any of it', async () => {
    const narrative = Array.from({ length: 700 }, (_, i) => `word${i}`).join(' ');
    const metric = card('m', 'Long story', { kind: 'metric', metric: { value: '1', target: '2', unit: '', owner: null, narrative } });
    const bytes = await renderPptx(buildSummary(sessionWith({ marketing: [metric] }), { fallbackLanguage: 'en', sections: ['metrics'] }));
    const slides = await officeParts(bytes, /^ppt\/slides\/slide\d+\.xml$/);
    const pieces = slides.flatMap((slide) => slide.paragraphs).filter((p) => /word\d/.test(p));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join(' ')).toBe(`Narrative: ${narrative}`);
  });
});
