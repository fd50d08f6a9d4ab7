/**
 * A session whose texts try to break every format — markup, formula injection, Markdown, emoji,
 * quotes, umlauts, the longest texts allowed, control characters — exports safely and intact, as
 * each format's reader sees it. And nothing of a hidden caricature reaches any format.
 */
import { describe, expect, it } from 'vitest';
import { summaryFormats, type SummaryFormat } from '../../../core/export/formats';
import { buildSummary, printable } from '../../../core/summary';
import { cardColumns } from '../../../core/summary-text';
import { renderSummaryFile } from '../../../electron/export/render';
import { missionLines, shownCards, shownTitles } from './expect';
import { checkOfficeXml, officeParts, readCsv, readHtml, readMarkdown } from './readers';
import { card, hostile, hostileSession, sessionWith } from './sessions';

const session = hostileSession();
const summary = buildSummary(session, { fallbackLanguage: 'en', timeZone: 'UTC' });
const utf8 = new TextDecoder('utf-8', { fatal: true });
const titles = shownTitles(session);
/** A number with a sign, as a spreadsheet reads it: never a formula. */
const plainNumber = /^[+-]\d+(?:[.,\s]\d+)*(?:\s?%)?$/;

describe('a hostile session', () => {
  it('has the texts the test means to check (the fixture is what it claims)', () => {
    expect(titles).toEqual(
      expect.arrayContaining([hostile.script, hostile.hyperlink, hostile.long, hostile.emoji, hostile.quotes, hostile.german, hostile.markdown]),
    );
    expect(hostile.long).toHaveLength(500);
    // The control character and the broken surrogate half are dropped, the rest of the title stays.
    expect(titles).toContain(`Bell and half  surrogate ${hostile.dashLike}`);
  });

  it('Markdown: every title reads back as written, and nothing becomes markup', async () => {
    const { blocks, tokenTypes } = readMarkdown(utf8.decode(await renderSummaryFile(summary, 'md')));
    for (const forbidden of [
      'html_inline',
      'html_block',
      'link_open',
      'image',
      'code_inline',
      'code_block',
      'fence',
      'ordered_list_open',
      'hr',
      'lheading_open',
    ]) {
      expect(tokenTypes, forbidden).not.toContain(forbidden);
    }
    // Titles read back with their * _ ` [ ] < & intact: none of it became emphasis, code, a link or HTML.
    const texts = blocks.map((block) => block.text);
    for (const title of titles)
      expect(
        texts.some((text) => text.includes(title)),
        title,
      ).toBe(true);
    expect(blocks.find((block) => block.kind === 'h1')?.text).toBe(session.details.title);
    expect(blocks.filter((block) => block.kind === 'blockquote').map((block) => block.text)).toEqual([missionLines(session).join('\n')]);
    // Only the sections' own headings: no text became a heading or a list of its own.
    // (Markdown has no place for the board picture.)
    expect(blocks.filter((block) => block.kind === 'h2')).toHaveLength(summary.sections.filter((section) => section !== 'board').length);
  });

  it('HTML: no element or attribute comes from the texts, and every title is text', async () => {
    const { elements, textOf } = readHtml(utf8.decode(await renderSummaryFile(summary, 'html')));
    expect(elements.map((element) => element.tagName)).not.toEqual(expect.arrayContaining(['script']));
    expect(elements.filter((element) => ['img', 'script', 'a'].includes(element.tagName))).toEqual([]);
    expect(elements.flatMap((element) => element.attrs.filter((attr) => /^on|^src$|^href$/.test(attr.name)))).toEqual([]);
    const texts = elements.filter((element) => ['li', 'td', 'h3'].includes(element.tagName)).map(textOf);
    for (const title of titles)
      expect(
        texts.some((text) => text.includes(title)),
        title,
      ).toBe(true);
    expect(elements.filter((element) => element.tagName === 'h1').map(textOf)).toEqual([session.details.title]);
    expect(elements.filter((element) => element.tagName === 'blockquote').map(textOf)).toEqual([printable(session.mission).trim()]);
  });

  it('CSV: every field reads back intact, and no field can start a formula', async () => {
    for (const delimiter of [',', ';'] as const) {
      const [, ...rows] = readCsv(await renderSummaryFile(summary, 'csv', { csvDelimiter: delimiter }), delimiter);
      const cards = shownCards(session);
      expect(rows).toHaveLength(cards.length);
      // Nothing a spreadsheet would run: a formula start only in front of a plain number (-5 stays a number).
      for (const row of rows) for (const cell of row) if (!plainNumber.test(cell)) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
      const title = (row: string[]): string => row[cardColumns.indexOf('title')] ?? '';
      const neutralised = (text: string): string => (/^[=+\-@\t\r]/.test(text) && !plainNumber.test(text) ? `'${text}` : text);
      expect(rows.map(title)).toEqual(cards.map((c) => neutralised(printable(c.title))));
      expect(rows.map(title)).toContain(`'${hostile.hyperlink}`);
      const notes = rows.map((row) => row[cardColumns.indexOf('notes')]);
      expect(notes).toContain(cards[0]?.notes);
      expect(notes).toContain("'\tTab first");
      const metric = rows.find((row) => title(row) === hostile.emoji);
      expect([metric?.[cardColumns.indexOf('value')], metric?.[cardColumns.indexOf('target')]]).toEqual(['-5', "'=1+1"]);
    }
  });

  it('JSON: parses back to the same texts', async () => {
    const parsed = JSON.parse(utf8.decode(await renderSummaryFile(summary, 'json'))) as typeof summary;
    expect(parsed.cards.map((c) => c.title)).toEqual(titles);
    expect(parsed.mission).toBe(printable(session.mission));
  });

  it('Word and PowerPoint: well-formed XML that holds every title and the mission', async () => {
    for (const format of ['docx', 'pptx'] as const) {
      const bytes = await renderSummaryFile(summary, format);
      await checkOfficeXml(bytes);
      const parts = await officeParts(bytes, format === 'docx' ? /^word\/document\.xml$/ : /^ppt\/slides\/slide\d+\.xml$/);
      const paragraphs = parts.flatMap((part) => part.paragraphs);
      for (const title of titles)
        expect(
          paragraphs.some((p) => p.includes(title)),
          `${format}: ${title}`,
        ).toBe(true);
      if (format === 'docx') expect(paragraphs).toContain(missionLines(session).join('\n'));
      else expect(paragraphs).toEqual(expect.arrayContaining(missionLines(session)));
    }
  });
});

describe('a hidden caricature', () => {
  it('reaches no format: not its text, truth, action, move or dots', async () => {
    const secret = card('secret', 'SECRET caricature: sales only wants discounts', {
      kind: 'caricature',
      caricature: { view: 'marketingOnSales', truth: 'SECRET truth', cleared: true },
      actions: [{ id: 'a', text: 'SECRET action', owner: 'SECRET owner', due: '', done: false }],
      moves: [{ fromLaneId: 'sales', toLaneId: 'marketing', at: '2027-03-04T09:00:00.000Z', reason: 'SECRET reason' }],
      votes: { 'department:sales': 2 },
    });
    const hidden = buildSummary(
      sessionWith(
        { marketing: [secret, card('open', 'Open topic', { votes: { 'department:sales': 1 } })] },
        { voting: { voters: 'departments', dots: 3, revealed: true } },
      ),
      { fallbackLanguage: 'en' },
    );
    for (const format of summaryFormats) {
      const text = await allText(format, await renderSummaryFile(hidden, format));
      expect(text, format).toContain('Open topic');
      expect(text, format).not.toContain('SECRET');
      // Documents say that one is still hidden; the card table and the model simply leave it out.
      if (format !== 'csv' && format !== 'json') expect(text, format).toContain('1 caricature');
    }
  });
});

/** Everything a reader of the file could see, as one string. */
async function allText(format: SummaryFormat, bytes: Uint8Array): Promise<string> {
  if (format === 'docx' || format === 'pptx') {
    const parts = await officeParts(bytes, /\.xml$/);
    return parts.flatMap((part) => part.paragraphs).join('\n');
  }
  return utf8.decode(bytes);
}
