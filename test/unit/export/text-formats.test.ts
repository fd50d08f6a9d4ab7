import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../core/model';
import { parseSessionFile } from '../../../core/session-file';
import { buildSummary, printable, summaryFormat, type Summary } from '../../../core/summary';
import { neutraliseFormula } from '../../../core/export/csv';
import { actionColumns, cardColumns, summaryTexts } from '../../../core/summary-text';
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
      `h2 ${de.sections.glance}`,
      `h3 ${de.mission.label}`,
      `h3 ${de.glance.unresolved}`,
      `h3 ${de.glance.nextActions}`,
      `h2 ${de.sections.actions}`,
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
      `h2 ${de.sections.agenda}`,
      `h2 ${de.sections.moves}`,
    ]);
  });

  it('lists every card under its lane, and the mission and multi-line facts keep their lines', async () => {
    const { blocks } = readMarkdown(utf8.decode(await renderSummaryFile(summary, 'md')));
    const items = blocks.filter((block) => block.kind === 'li').map((block) => block.text);
    for (const title of shownTitles(fixture))
      expect(
        items.some((item) => item.includes(title)),
        title,
      ).toBe(true);
    expect(blocks.filter((block) => block.kind === 'blockquote').map((block) => block.text)).toEqual([missionLines(fixture).join('\n')]);
    expect(items).toContain('Ort: Hamburg, Speicherstadt\nRaum „Elbe“, 3. OG');
    // The lead is said only where the lane does not say it already.
    expect(items).toContain('Webinar-Anmeldungen landen erst nach 2 Wochen im CRM');
    expect(items).toContain('Messekontakte (Hannover Messe) als Excel per E-Mail 📧 — Führung: Ungeklärt');
  });

  it('escapes only what would become markup: no backslash before “&”, a date or a plain “#”', async () => {
    const markdown = utf8.decode(await renderSummaryFile(summary, 'md'));
    expect(markdown).toContain('Müller & Söhne');
    expect(markdown).not.toMatch(/\\[&.|]/);
    const odd = sessionWith({ marketing: [card('a', 'R&D <b> &amp; C# 4. März'), card('b', '# not a heading'), card('c', '4. not a list')] });
    const { blocks, tokenTypes } = readMarkdown(
      utf8.decode(await renderSummaryFile(buildSummary(odd, { fallbackLanguage: 'en', sections: ['lanes'] }), 'md')),
    );
    expect(blocks.filter((block) => block.kind === 'li').map((block) => block.text)).toEqual([
      'R&D <b> &amp; C# 4. März',
      '# not a heading',
      '4. not a list',
    ]);
    expect([...tokenTypes].filter((type) => ['html_inline', 'ordered_list_open'].includes(type))).toEqual([]);
    expect(blocks.filter((block) => /^h\d$/.test(block.kind)).map((block) => block.text)).not.toContain('# not a heading');
  });
});

describe('Markdown, odd titles', () => {
  it('a title with leading spaces or one that looks like a rule stays a plain list item', async () => {
    const odd = sessionWith({ marketing: [card('a', '      indented like code'), card('b', '***'), card('c', '---'), card('d', '+ plus')] });
    const { blocks, tokenTypes } = readMarkdown(
      utf8.decode(await renderSummaryFile(buildSummary(odd, { fallbackLanguage: 'en', sections: ['lanes'] }), 'md')),
    );
    expect([...tokenTypes].filter((type) => ['code_block', 'hr', 'bullet_list_open'].includes(type))).toEqual(['bullet_list_open']);
    expect(blocks.filter((block) => block.kind === 'li').map((block) => block.text)).toEqual(['indented like code', '***', '---', '+ plus']);
  });
});

describe('CSV', () => {
  const session = richSession(200);
  const rich = buildSummary(session, options);

  it('reads back as one row per card with all its fields, under a header in the session’s language', async () => {
    const rows = readCsv(await renderSummaryFile(rich, 'csv', { csvDelimiter: ',' }), ',');
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
    const comma = readCsv(await renderSummaryFile(rich, 'csv', { csvDelimiter: ',' }), ',');
    const semicolon = readCsv(await renderSummaryFile(rich, 'csv', { csvDelimiter: ';' }), ';');
    expect(semicolon).toEqual(comma);
    expect(semicolon[0]).toHaveLength(cardColumns.length);
  });

  it('separates with semicolons for a German session and commas for an English one, unless told', async () => {
    const german = utf8.decode(await renderSummaryFile(rich, 'csv'));
    // (The decoder drops the byte order mark.)
    expect(german.split('\r\n')[0]).toBe(`${cardColumns.map((column) => `"${summaryTexts.de.columns[column]}"`).join(';')}`);
    const english = buildSummary({ ...session, details: { ...session.details, language: 'en' } }, options);
    expect(readCsv(await renderSummaryFile(english, 'csv'), ',')[0]).toHaveLength(cardColumns.length);
  });

  it('does not start with an internal id: the id is the last column', () => {
    expect(cardColumns[0]).toBe('lane');
    expect(cardColumns.at(-1)).toBe('id');
  });

  it('writes the action items as a table of their own: one row each, sorted by due day, with owner, due, status and card', async () => {
    const [header, ...rows] = readCsv(await renderSummaryFile(rich, 'csv', { csvTable: 'actions' }), ';');
    expect(header).toEqual(actionColumns.map((column) => summaryTexts.de.actionColumns[column]));
    const actions = shownCards(session).flatMap((c) => c.actions.map((action) => ({ ...action, card: printable(c.title) })));
    expect(rows).toHaveLength(actions.length);
    const dues = rows.map((row) => row[actionColumns.indexOf('due')] || '9999');
    expect(dues).toEqual([...dues].sort());
    const first = actions.find((action) => action.text === rows[0]?.[0]);
    expect(rows[0]?.slice(1, 5)).toEqual([first?.owner, first?.due, first?.done ? 'erledigt' : 'offen', first?.card]);
  });

  it('neutralises only what a spreadsheet would run, not plain numbers', () => {
    expect(['-5', '+10', '-3,5 %', '1.000,50', '-2+3', '=1+1', '@cmd', '+SUM(A1)', '-', '- dash'].map(neutraliseFormula)).toEqual([
      '-5',
      '+10',
      '-3,5 %',
      '1.000,50',
      "'-2+3",
      "'=1+1",
      "'@cmd",
      "'+SUM(A1)",
      "'-",
      "'- dash",
    ]);
  });

  it('leaves the dots empty while the votes are hidden', async () => {
    const hidden = buildSummary({ ...session, voting: { ...session.voting, revealed: false } }, options);
    const [, ...body] = readCsv(await renderSummaryFile(hidden, 'csv'), ';');
    expect(new Set(body.map((row) => row[cardColumns.indexOf('dots')]))).toEqual(new Set(['']));
  });
});

describe('HTML', () => {
  it('is one self-contained file: no script, no external resource, a policy that forbids both', async () => {
    const html = utf8.decode(await renderSummaryFile(summary, 'html'));
    const { elements, textOf } = readHtml(html);
    const names = elements.map((element) => element.tagName);
    for (const forbidden of ['script', 'iframe', 'img', 'link', 'object', 'embed', 'base', 'form', 'svg', 'video', 'audio'])
      expect(names).not.toContain(forbidden);
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
    for (const title of shownTitles(fixture))
      expect(
        listed.some((text) => text.includes(title)),
        title,
      ).toBe(true);
    expect(texts('h1')).toEqual([fixture.details.title]);
    // The facts are the cover; the board picture is there only when main printed it.
    expect(texts('h2')).toEqual(
      summary.sections.filter((section) => section !== 'facts' && section !== 'board').map((section) => summaryTexts.de.sections[section]),
    );
    expect(elements.some((element) => element.tagName === 'img')).toBe(false);
    expect(texts('blockquote')).toEqual([fixture.mission.trim()]);
  });
});

describe('JSON', () => {
  it('is the summary model itself', async () => {
    const parsed: unknown = JSON.parse(utf8.decode(await renderSummaryFile(summary, 'json')));
    expect(parsed).toEqual(JSON.parse(JSON.stringify(summary)));
    expect(parsed).toMatchObject({ format: summaryFormat, version: 2, language: 'de', mission: fixture.mission });
    expect((parsed as Summary).cards.map((card) => card.title)).toEqual(shownTitles(fixture));
  });
});
