/**
 * The board image's HTML, read back with parse5: lanes in board order with their cards in order,
 * hidden caricatures covered at their place (their text nowhere in the file), hostile text shown as
 * text, a large board cut down with a note. The picture itself is taken in
 * test/e2e/export-files.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { boardImageLimits, cardsPerLane, renderBoardImage } from '../../../core/export/board-image';
import type { Session } from '../../../core/model';
import { buildSummary } from '../../../core/summary';
import { summaryTexts } from '../../../core/summary-text';
import { readHtml } from './readers';
import { card, hostile, hostileSession, richSession, sessionWith } from './sessions';

function imageOf(session: Session) {
  const html = renderBoardImage(buildSummary(session, { fallbackLanguage: 'en', sections: ['facts', 'glance', 'lanes'] }));
  const document = readHtml(html);
  const classOf = (element: (typeof document.elements)[number]): string => element.attrs.find((attr) => attr.name === 'class')?.value ?? '';
  type HtmlElement = (typeof document.elements)[number];
  const inside = (element: HtmlElement, container: HtmlElement): boolean => {
    for (let node: unknown = element.parentNode; node; node = (node as HtmlElement).parentNode) if (node === container) return true;
    return false;
  };
  const within = (container: HtmlElement, tag: string): HtmlElement[] =>
    document.elements.filter((element) => element.tagName === tag && inside(element, container));
  const lanes = document.elements
    .filter((element) => element.tagName === 'section')
    .map((section) => ({
      name: within(section, 'h2')
        .map((heading) => document.textOf(heading))
        .join(''),
      cards: within(section, 'li').map((item) => ({ text: document.textOf(item), classes: classOf(item) })),
      text: document.textOf(section),
    }));
  return { html, document, lanes };
}

const caricature = (id: string, title: string) => card(id, title, { kind: 'caricature' });

describe('the board image', () => {
  it('shows every lane in board order with its cards in order, and the mission', () => {
    const session = sessionWith(
      {
        marketing: [card('m-1', 'Messe-Leads'), card('m-2', 'Webinar')],
        seam: [card('s-1', 'Übergabe', { lead: 'joint' })],
        Parkplatz: [card('p-1', 'Später')],
      },
      { mission: 'Gemeinsam gewinnen' },
    );
    const { lanes, html } = imageOf(session);
    expect(lanes.map((lane) => lane.name)).toEqual(['Marketing', 'Seam', 'Sales', 'Parkplatz']);
    expect(lanes[0]?.cards.map((c) => c.text)).toEqual(['Messe-Leads', 'Webinar']);
    expect(lanes[2]?.text).toContain('No cards.');
    expect(html).toContain('Gemeinsam gewinnen');
  });

  it('covers hidden caricatures at their place, and their text is nowhere in the file', () => {
    const session = sessionWith(
      {
        marketing: [caricature('c-1', 'Vertrieb ruft nie zurück'), card('m-1', 'Messe-Leads'), caricature('c-2', 'Sales kennt keine Personas')],
        sales: [card('x-1', 'Angebote', { lead: 'sales' }), caricature('c-3', 'Marketing malt nur bunte Bilder')],
      },
      { caricaturesRevealed: false },
    );
    const { lanes, html } = imageOf(session);
    expect(lanes[0]?.cards.map((c) => c.text)).toEqual(['Hidden caricature', 'Messe-Leads', 'Hidden caricature']);
    expect(lanes[0]?.cards.map((c) => c.classes.includes('card--hidden'))).toEqual([true, false, true]);
    expect(lanes[2]?.cards.map((c) => c.text)).toEqual(['Angebote', 'Hidden caricature']);
    for (const secret of ['ruft nie zurück', 'Personas', 'bunte Bilder', 'c-1', 'c-2', 'c-3']) expect(html).not.toContain(secret);
  });

  it('shows revealed caricatures with their kind and whether they are cleared', () => {
    const session = sessionWith(
      {
        marketing: [
          card('c-1', 'Vertrieb ruft nie zurück', {
            kind: 'caricature',
            caricature: { view: 'marketingOnSales', truth: 'Stimmt nicht', cleared: true },
          }),
        ],
      },
      { caricaturesRevealed: true },
    );
    const [first] = imageOf(session).lanes[0]?.cards ?? [];
    expect(first?.text).toBe('CaricatureVertrieb ruft nie zurückCleared');
  });

  it('says the lead only where the lane does not, flags an open lead, shows a metric’s figure and revealed dots', () => {
    const session = sessionWith(
      {
        marketing: [card('m-1', 'Eigenes Thema'), card('m-2', 'Gehört Sales', { lead: 'sales' }), card('m-3', 'Offen', { lead: 'unresolved' })],
        seam: [card('k-1', 'SQL-Quote', { kind: 'metric', metric: { value: '31', target: '40', unit: '%', owner: 'joint', narrative: '' } })],
      },
      {
        voting: { voters: 'participants', dots: 3, revealed: true },
        details: { ...sessionWith({}).details, participants: [{ id: 'p-1', name: 'Ana', department: 'sales' }] },
      },
    );
    const topic = session.cards['m-1'];
    if (!topic) throw new Error('no card m-1');
    const voted = { ...session, cards: { ...session.cards, 'm-1': { ...topic, votes: { 'p-1': 2 } } } };
    const { lanes } = imageOf(voted);
    expect(lanes[0]?.cards.map((c) => c.text)).toEqual(['Eigenes Thema2 dots', 'Gehört SalesLed by: Sales', 'OffenLed by: Unresolved']);
    expect(lanes[0]?.cards[2]?.classes).toContain('card--attention');
    expect(lanes[1]?.cards[0]?.text).toBe('MetricSQL-Quote31 % · Target 40 %');
  });

  it('shows no dots while the votes are hidden', () => {
    const session = sessionWith(
      { marketing: [card('m-1', 'Thema', { votes: { 'p-1': 3 } })] },
      { voting: { voters: 'participants', dots: 3, revealed: false } },
    );
    expect(imageOf(session).lanes[0]?.cards[0]?.text).toBe('Thema');
  });

  it('shows hostile text as text: nothing runs, loads or is markup', () => {
    const { document, html } = imageOf(hostileSession());
    const tags = new Set(document.elements.map((element) => element.tagName));
    for (const tag of ['script', 'img', 'iframe', 'a', 'link']) expect(tags.has(tag)).toBe(false);
    const [root] = document.elements;
    if (!root) throw new Error('no document');
    const text = document.textOf(root);
    expect(text).toContain(hostile.script);
    expect(text).toContain(hostile.image);
    expect(text).toContain(hostile.long);
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    // Nothing to fetch: no element with a source or link, no resource in the style sheet.
    expect(document.elements.flatMap((element) => element.attrs.map((attr) => attr.name))).not.toEqual(expect.arrayContaining(['src']));
    expect(document.elements.flatMap((element) => element.attrs.map((attr) => attr.name))).not.toEqual(expect.arrayContaining(['href']));
    const style = document.elements.find((element) => element.tagName === 'style');
    expect(style && document.textOf(style)).not.toMatch(/url\(|@import/);
  });

  it('shows at most its share of cards per lane on a large board, and says how many more there are', () => {
    const session = richSession(2000);
    const { lanes } = imageOf(session);
    const perLane = cardsPerLane(session.laneOrder.length);
    expect(perLane).toBe(Math.floor(boardImageLimits.cards / session.laneOrder.length));
    for (const [index, laneId] of session.laneOrder.entries()) {
      const total = session.lanes[laneId]?.cardIds.length ?? 0;
      expect(lanes[index]?.cards).toHaveLength(Math.min(total, perLane));
      // The rich session is German.
      if (total > perLane) expect(lanes[index]?.text).toContain(summaryTexts.de.board.more(total - perLane));
    }
  });

  it('keeps a minimum of cards per lane however many lanes there are', () => {
    expect(cardsPerLane(50)).toBe(boardImageLimits.minCardsPerLane);
    expect(cardsPerLane(0)).toBe(boardImageLimits.cards);
  });
});
