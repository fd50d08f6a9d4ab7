import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../core/model';
import { parseSessionFile } from '../../../core/session-file';
import { buildSummary, summaryFormat, type Summary } from '../../../core/summary';
import { cardColumns, summaryTexts } from '../../../core/summary-text';
import { renderSummaryFile } from '../../../electron/export/render';
import { laneNameIn, missionLines, shownCards, shownTitles } from './expect';
import { readCsv, readHtml, readMarkdown } from './readers';
import { card, richSession, sessionWith } from './sessions';

let fixture: Session;
let summary: Summary;
const options = { fallbackLanguage: 'en', timeZone: 'Europe/Berlin' } as const;
const utf8 = new TextDecoder('utf-8', { fatal: true });

beforeAll(async () => {
  const loaded = parseSessionFile(await readFile('test/fixtures/sessions/v3-full.nahtstelle', 'utf8'));
  if (!loaded.ok) throw new Error(loaded.detail);
  fixture = loaded.session;
  summary = buildSummary(fixture, options);
});

describe('Markdown', () => {
  it('has the title, a heading per section, and the lanes, seams and groups below them, as a Markdown parser reads it', async () => {
    const { blocks } = readMarkdown(utf8.decode(await renderSummaryFile(summary, 'md')));
    const de = summaryTexts.de;
    const headings = blocks.filter((block) => /^h\d$/.test(block.kind)).map((block) => `${block.kind} ${block.text}`);
    expect(headings).toEqual([
      `h1 ${fixture.details.title}`,
      `h2 ${de.sections.facts}`,
      `h2 ${de.sections.mission}`,
      `h2 ${de.sections.lanes}`,
      'h3 Marketing',
      'h3 Die Naht: Übergabe MQL → SQL',
      'h3 Sales',
      'h3 Parkplatz 🅿️',
      `h2 ${de.sections.seams}`,
      'h3 Was ist ein "qualifizierter" Lead? Keine gemeinsame Definition',
      `h2 ${de.sections.caricatures}`,
      `h3 ${de.views.salesOnMarketing}`,
      `h2 ${de.sections.metrics}`,
      `h3 ${de.metrics.withNarrative}`,
      `h3 ${de.metrics.withoutNarrative}`,
      `h2 ${de.sections.votes}`,
      `h2 ${de.sections.actions}`,
      `h2 ${de.sections.unresolved}`,
      `h2 ${de.sections.moves}`,
    ]);
  });

  it('lists every card under its lane, and the mission and multi-line facts keep their lines', async () => {
    const { blocks } = readMarkdown(utf8.decode(await renderSummaryFile(summary, 'md')));
    const items = blocks.filter((block) => block.kind === 'li').map((block) => block.text);
    for (const title of shownTitles(fixture)) expect(items.some((item) => item.includes(title)), title).toBe(true);
    expect(blocks.filter((block) => block.kind === 'blockquote').map((block) => block.text)).toEqual([missionLines(fixture).join('\n')]);
    expect(items).toContain('Ort: Hamburg, Speicherstadt\nRaum „Elbe“, 3. OG');
    expect(items).toContain('Webinar-Anmeldungen landen erst nach 2 Wochen im CRM — Führung: Marketing');
  });
});

describe('Markdown, odd titles', () => {
  it('a title with leading spaces or one that looks like a rule stays a plain list item', async () => {
    const odd = sessionWith({ marketing: [card('a', '      indented like code'), card('b', '***'), card('c', '---'), card('d', '+ plus')] });
    const { blocks, tokenTypes } = readMarkdown(utf8.decode(await renderSummaryFile(buildSummary(odd, { fallbackLanguage: 'en', sections: ['lanes'] }), 'md')));
    expect([...tokenTypes].filter((type) => ['code_block', 'hr', 'bullet_list_open'].includes(type))).toEqual(['bullet_list_open']);
    expect(blocks.filter((block) => block.kind === 'li').map((block) => block.text)).toEqual([
      'indented like code — Lead: Marketing',
      '*** — Lead: Marketing',
      '--- — Lead: Marketing',
      '+ plus — Lead: Marketing',
    ]);
  });
});

describe('CSV', () => {
  const session = richSession(200);
  const rich = buildSummary(session, options);

  it('reads back as one row per card with all its fields, under a header in the session’s language', async () => {
    const rows = readCsv(await renderSummaryFile(rich, 'csv'), ',');
    const [header, ...body] = rows;
    expect(header).toEqual(cardColumns.map((column) => summaryTexts.de.columns[column]));
    const cards = shownCards(session);
    expect(body).toHaveLength(cards.length);
    const column = (name: (typeof cardColumns)[number]): number => cardColumns.indexOf(name);
    body.forEach((row, index) => {
      const card = cards[index];
      if (!card) throw new Error('more rows than cards');
      const cell = (name: (typeof cardColumns)[number]): string => row[column(name)] ?? '';
      expect(cell('id')).toBe(card.id);
      expect(cell('title')).toBe(card.title);
      expect(cell('lane')).toBe(laneNameIn(session, card.id, 'de'));
      expect(cell('kind')).toBe(summaryTexts.de.kinds[card.kind]);
      expect(cell('notes')).toBe(card.notes);
      expect(cell('why')).toBe(card.why);
      expect(cell('tags')).toBe(card.tags.join('\n'));
      expect(cell('lead')).toBe(card.kind === 'topic' ? summaryTexts.de.leads[card.lead] : '');
      expect(cell('exchangeDecisions')).toBe(card.kind === 'topic' ? card.exchange.decisions : '');
      expect(cell('truth')).toBe(card.kind === 'caricature' ? card.caricature.truth : '');
      expect(cell('narrative')).toBe(card.kind === 'metric' ? card.metric.narrative : '');
      expect(cell('value')).toBe(card.kind === 'metric' ? card.metric.value : '');
      expect(cell('actions').split('\n').filter(Boolean)).toHaveLength(card.actions.length);
      expect(cell('moves').split('\n').filter(Boolean)).toHaveLength(card.moves.length);
      expect(cell('dots')).toBe(String(Object.values(card.votes).reduce((sum, n) => sum + n, 0)));
    });
  });

  it('reads back the same with semicolons, for German Excel', async () => {
    const comma = readCsv(await renderSummaryFile(rich, 'csv'), ',');
    const semicolon = readCsv(await renderSummaryFile(rich, 'csv', { csvDelimiter: ';' }), ';');
    expect(semicolon).toEqual(comma);
    expect(semicolon[0]).toHaveLength(cardColumns.length);
  });

  it('leaves the dots empty while the votes are hidden', async () => {
    const hidden = buildSummary({ ...session, voting: { ...session.voting, revealed: false } }, options);
    const [, ...body] = readCsv(await renderSummaryFile(hidden, 'csv'), ',');
    expect(new Set(body.map((row) => row[cardColumns.indexOf('dots')]))).toEqual(new Set(['']));
  });
});

describe('HTML', () => {
  it('is one self-contained file: no script, no external resource, a policy that forbids both', async () => {
    const html = utf8.decode(await renderSummaryFile(summary, 'html'));
    const { elements, textOf } = readHtml(html);
    const names = elements.map((element) => element.tagName);
    for (const forbidden of ['script', 'iframe', 'img', 'link', 'object', 'embed', 'base', 'form', 'svg', 'video', 'audio']) expect(names).not.toContain(forbidden);
    const attributes = elements.flatMap((element) => element.attrs.map((attr) => attr.name));
    expect(attributes.filter((name) => /^on|^(src|href|srcset|action|style|srcdoc)$/.test(name))).toEqual([]);
    const styles = elements.filter((element) => element.tagName === 'style').map(textOf);
    expect(styles).toHaveLength(1);
    expect(styles[0]).not.toMatch(/url\(|@import/);
    const policy = elements.find((element) => element.attrs.some((attr) => attr.name === 'http-equiv' && attr.value === 'Content-Security-Policy'));
    expect(policy?.attrs.find((attr) => attr.name === 'content')?.value).toMatch(/default-src 'none'/);
    expect(elements.find((element) => element.tagName === 'html')?.attrs).toContainEqual({ name: 'lang', value: 'de' });
  });

  it('shows every card, the mission and the headings as text', async () => {
    const { elements, textOf } = readHtml(utf8.decode(await renderSummaryFile(summary, 'html')));
    const texts = (tag: string): string[] => elements.filter((element) => element.tagName === tag).map(textOf);
    const listed = texts('li');
    for (const title of shownTitles(fixture)) expect(listed.some((text) => text.includes(title)), title).toBe(true);
    expect(texts('h1')).toEqual([fixture.details.title]);
    expect(texts('h2')).toEqual(summary.sections.map((section) => summaryTexts.de.sections[section]));
    expect(texts('blockquote')).toEqual([fixture.mission.trim()]);
  });
});

describe('JSON', () => {
  it('is the summary model itself', async () => {
    const parsed: unknown = JSON.parse(utf8.decode(await renderSummaryFile(summary, 'json')));
    expect(parsed).toEqual(JSON.parse(JSON.stringify(summary)));
    expect(parsed).toMatchObject({ format: summaryFormat, version: 1, language: 'de', mission: fixture.mission });
    expect((parsed as Summary).cards.map((card) => card.title)).toEqual(shownTitles(fixture));
  });
});
