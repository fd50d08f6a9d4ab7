/**
 * The export dialog's preview shows exactly what the files hold: laid out with React from the same
 * summary model, it must read like the exported HTML (which the PDF is printed from) — the same
 * headings in the same order and the same text. Both are read back by parse5, as a browser would.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../core/export/html';
import type { Card, Session } from '../../../core/model';
import { buildSummary, type Summary } from '../../../core/summary';
import { summarySections, type SummarySection } from '../../../core/summary-text';
import { SummaryPreview } from '../../../renderer/src/export/SummaryPreview';
import { summaryWithSections } from '../../../renderer/src/export/summary-view';
import { readHtml } from '../export/readers';
import type { DefaultTreeAdapterMap } from 'parse5';
import { card, hostile, richSession, sessionWith } from '../export/sessions';

interface Reading {
  /** Headings as "level:text", the preview's shifted to the export's levels (its h3 is the file's h1). */
  readonly headings: string[];
  readonly text: string;
  readonly lang: string | undefined;
}

type HtmlNode = DefaultTreeAdapterMap['node'];

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

const blocks = new Set([
  'header',
  'section',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'ul',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'table',
  'tr',
  'th',
  'td',
]);

/** The text as a reader sees it: blocks apart from each other (the export puts line breaks between them, React nothing). */
function blockText(node: HtmlNode): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  const inner = 'childNodes' in node ? node.childNodes.map(blockText).join('') : '';
  return 'tagName' in node && blocks.has(node.tagName) ? ` ${inner} ` : inner;
}

function read(html: string, root: 'body' | 'article', levelShift: number): Reading {
  const document = readHtml(html);
  const top = document.elements.find((element) => element.tagName === root);
  if (!top) throw new Error(`no <${root}>`);
  const within = document.elements.filter((element) => {
    for (let node: { parentNode?: unknown } | null = element; node; node = (node.parentNode as { parentNode?: unknown } | null) ?? null)
      if (node === top) return true;
    return false;
  });
  const headings = within
    .filter((element) => /^h[1-6]$/.test(element.tagName))
    .map((element) => `h${Number(element.tagName.slice(1)) - levelShift}:${collapse(document.textOf(element))}`);
  const lang = (root === 'body' ? document.elements.find((e) => e.tagName === 'html') : top)?.attrs.find((a) => a.name === 'lang')?.value;
  return { headings, text: collapse(blockText(top)), lang };
}

function preview(summary: Summary): Reading {
  return read(renderToStaticMarkup(createElement(SummaryPreview, { summary })), 'article', 2);
}

function exported(summary: Summary): Reading {
  return read(renderHtml(summary), 'body', 0);
}

function expectSameAsExport(session: Session, sections?: readonly SummarySection[]): Reading {
  const summary = buildSummary(session, { fallbackLanguage: 'en', sections, timeZone: 'Europe/Berlin' });
  const shown = preview(summary);
  expect(shown).toEqual(exported(summary));
  return shown;
}

describe('the export preview', () => {
  it('holds what the exported file holds for a full German session, in German', () => {
    const shown = expectSameAsExport(richSession(80));
    expect(shown.lang).toBe('de');
    expect(shown.headings).toContain('h3:Unser gemeinsamer Auftrag');
    expect(shown.headings).toContain('h2:Vereinbarungen an der Nahtstelle');
    expect(shown.text).toContain('Wir gewinnen gemeinsam Kund:innen, die bleiben.');
  });

  it('shows only the chosen sections, in the summary’s order', () => {
    const shown = expectSameAsExport(richSession(20), ['moves', 'glance']);
    expect(shown.headings.filter((h) => h.startsWith('h2:'))).toEqual(['h2:Auf einen Blick', 'h2:Anhang: Verschiebungen und ihre Gründe']);
  });

  it('counts hidden caricatures without their text, and hides the ranking while the votes are hidden', () => {
    const hiddenPicture = card('c1', 'Sales only wants discounts', {
      kind: 'caricature',
      caricature: { view: 'marketingOnSales', truth: 'They want margin', cleared: false },
    });
    const topic: Card = card('t1', 'Lead scoring', { lead: 'unresolved', votes: { p1: 3 } });
    const metric = card('m1', 'SQL rate', { kind: 'metric', metric: { value: '31', target: '40', unit: '%', owner: 'joint', narrative: '' } });
    const session = sessionWith({ marketing: [hiddenPicture, topic], seam: [metric] }, { caricaturesRevealed: false, mission: '' });
    const shown = expectSameAsExport(session);
    expect(shown.lang).toBe('en');
    expect(shown.text).not.toContain('Sales only wants discounts');
    expect(shown.text).not.toContain('They want margin');
    expect(shown.text).toContain('Plus 1 caricature not yet revealed.');
    expect(shown.text).toContain('The votes have not been revealed yet.');
    expect(shown.text).toContain('No shared mission has been agreed yet.');
    expect(shown.text).toContain('The story behind this number is still missing.');
  });

  it('shows revealed caricatures with what is true, and the ranking once revealed', () => {
    const picture = card('c1', 'Marketing only makes it pretty', {
      kind: 'caricature',
      caricature: { view: 'salesOnMarketing', truth: 'Campaigns bring 40 % of leads', cleared: true },
    });
    const topic = card('t1', 'Lead scoring', { votes: { p1: 3 } });
    const session = sessionWith(
      { sales: [picture], seam: [topic] },
      { caricaturesRevealed: true, voting: { voters: 'departments', dots: 5, revealed: true }, mission: 'We win customers together.' },
    );
    const shown = expectSameAsExport(session);
    expect(shown.text).toContain('Campaigns bring 40 % of leads');
    expect(shown.headings).toContain('h3:How Sales sees Marketing');
  });

  it('shows hostile text as written, never as markup', () => {
    const titles = Object.values(hostile);
    const session = sessionWith({ marketing: titles.map((title, i) => card(`h${i}`, title)) }, { mission: hostile.script });
    const shown = expectSameAsExport(session);
    for (const title of titles) expect(shown.text).toContain(collapse(title));
  });
});

describe('narrowing a summary built once to the chosen sections', () => {
  const session = richSession(40);
  const options = { fallbackLanguage: 'en', timeZone: 'UTC' } as const;
  const full = buildSummary(session, options);

  it('is the summary built with just those sections', () => {
    const choices: SummarySection[][] = [
      [],
      [...summarySections],
      ...summarySections.map((section) => [section]),
      ['moves', 'facts', 'votes'],
      summarySections.filter((s) => s !== 'lanes'),
    ];
    for (const sections of choices) expect(summaryWithSections(full, sections)).toEqual(buildSummary(session, { ...options, sections }));
  });

  it('keeps the parts it shows as they were, so only the switched section is drawn again', () => {
    const narrowed = summaryWithSections(full, ['lanes', 'moves']);
    expect(narrowed.lanes).toBe(full.lanes);
    expect(narrowed.moves).toBe(full.moves);
    expect(narrowed.cards).toBe(full.cards);
    expect(narrowed.facts).toBeNull();
  });
});
