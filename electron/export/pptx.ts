/**
 * The summary as a PowerPoint deck (.pptx) from `pptxgenjs`, in plain Node; returns the file's bytes.
 * What the deck holds, and why `cleanPackage` mends pptxgenjs' output: docs/summaries.md#the-formats.
 */
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import type { LaneCard, Summary, SummaryCard, SummaryLane } from '../../core/summary';
import { summaryText, type SummaryText } from '../../core/summary-text';
import { fitInto, pngSize } from './png-size';

export interface PptxAssets {
  readonly boardPng?: Uint8Array;
}

/** Slide geometry (16:9, inches). */
const layout = { width: 13.333, height: 7.5, margin: 0.6, titleY: 0.3, titleH: 0.9, bodyY: 1.35, bodyH: 5.45, footerY: 6.95 } as const;
const bodyWidth = layout.width - 2 * layout.margin;
const colours = {
  text: '1C1C1E',
  muted: '555555',
  accent: '1F3F5E',
  band: '2F5D8A',
  head: 'E8EEF4',
  flag: 'A03000',
  ok: '2A6B2A',
  line: 'BBBBBB',
} as const;
const languageTags = { de: 'de-DE', en: 'en-GB' } as const;
const masterName = 'NAHTSTELLE';
const titleMasterName = 'NAHTSTELLE_TITLE';
const tableFont = 12;
/** Estimates for splitting tables between slides: inches per line of table text, characters per inch. */
const lineHeight = 0.23;
const charsPerInch = 12.5;
const rowPadding = 0.12;

interface Column {
  readonly label: string;
  /** Inches. */
  readonly width: number;
}

/** A table cell: its text, bold or coloured where it says something. */
interface Cell {
  readonly text: string;
  readonly bold?: boolean;
  readonly colour?: string;
}

export async function renderPptx(summary: Summary, assets: PptxAssets = {}): Promise<Uint8Array> {
  const text = summaryText(summary.language);
  const lang = languageTags[summary.language];
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = `${summary.title} — ${text.summary}`;
  pptx.subject = text.summary;
  pptx.author = oneLine(summary.facts?.facilitator ?? '') || 'Nahtstelle';
  pptx.theme = { headFontFace: 'Calibri', bodyFontFace: 'Calibri' };
  defineMasters(pptx, summary, text);

  const deck = new Deck(pptx, lang, text);
  titleSlide(deck, summary, text);
  const lanesShown = summary.lanes !== null;
  for (const section of summary.sections) {
    switch (section) {
      case 'facts':
        break;
      case 'glance':
        glanceSlide(deck, summary, text);
        break;
      case 'board':
        if (assets.boardPng) boardSlide(deck, assets.boardPng, text);
        break;
      case 'actions': {
        const actions = summary.actions ?? [];
        if (actions.length === 0) break;
        deck.table(
          text.sections.actions,
          [
            { label: text.actionColumns.action, width: 4.3 },
            { label: text.actionColumns.owner, width: 2.0 },
            { label: text.actionColumns.due, width: 1.9 },
            { label: text.actionColumns.status, width: 1.1 },
            { label: text.actionColumns.card, width: bodyWidth - 9.3 },
          ],
          actions.map((action) => [
            { text: oneLine(action.text) },
            { text: oneLine(action.owner) || text.actions.noOwner, colour: action.owner.trim() ? undefined : colours.muted },
            { text: action.dueText || text.actions.noDue },
            { text: action.done ? text.actions.done : text.actions.open, colour: action.done ? colours.ok : undefined, bold: !action.done },
            { text: action.cardTitle },
          ]),
        );
        break;
      }
      case 'lanes':
        for (const lane of summary.lanes ?? []) laneSlides(deck, summary, lane, text);
        break;
      case 'seams':
        // In the seam's rows when the lanes are shown; a slide of their own otherwise.
        if (!lanesShown && (summary.seams ?? []).length > 0) {
          deck.table(
            text.sections.seams,
            [
              { label: text.card.card, width: 4.5 },
              { label: text.card.details, width: bodyWidth - 4.5 },
            ],
            (summary.seams ?? []).map((seam) => [
              { text: seam.title, bold: true },
              seam.agreed ? { text: exchangeText(seam, text) } : { text: text.seams.notAgreed, colour: colours.flag },
            ]),
          );
        }
        break;
      case 'caricatures': {
        const groups = summary.caricatures?.groups ?? [];
        if (!lanesShown && groups.length > 0) {
          deck.table(
            text.sections.caricatures,
            [
              { label: text.card.card, width: 4.5 },
              { label: text.card.details, width: bodyWidth - 4.5 },
            ],
            groups.flatMap((group) =>
              group.items.map((item) => [
                { text: `${item.title}\n${group.label}`, bold: true },
                { text: caricatureText(item.truth, item.cleared, text), colour: item.cleared ? undefined : colours.flag },
              ]),
            ),
          );
        }
        break;
      }
      case 'metrics': {
        const metrics = [...(summary.metrics?.withNarrative ?? []), ...(summary.metrics?.withoutNarrative ?? [])];
        if (!lanesShown && metrics.length > 0) {
          deck.table(
            text.sections.metrics,
            [
              { label: text.card.card, width: 4.5 },
              { label: text.card.details, width: bodyWidth - 4.5 },
            ],
            metrics.map((metric) => [
              { text: metric.title, bold: true },
              { text: metricText(metric, text), colour: metric.narrative.trim() ? undefined : colours.flag },
            ]),
          );
        }
        break;
      }
      case 'votes': {
        const votes = summary.votes;
        if (!votes || votes.ranking.length === 0) break;
        deck.table(
          text.sections.votes,
          rankColumns(text),
          votes.ranking.map((entry) => rankRow(entry, text)),
        );
        break;
      }
      case 'agenda':
        // On the title slide: what was done is part of what the workshop was.
        break;
      case 'moves': {
        const rest = summary.votes?.rest ?? [];
        if (rest.length > 0)
          deck.table(
            text.appendix.ranking,
            rankColumns(text),
            rest.map((entry) => rankRow(entry, text)),
          );
        const moves = summary.moves ?? [];
        if (moves.length > 0) {
          deck.table(
            text.sections.moves,
            [
              { label: text.card.card, width: 4.2 },
              { label: `${text.columns.moves}`, width: 3.6 },
              { label: text.moves.reason, width: bodyWidth - 7.8 },
            ],
            moves.map((move) => [
              { text: move.cardTitle, bold: true },
              { text: `${move.from} → ${move.to}\n${move.atText}` },
              { text: oneLine(move.reason) || text.moves.noReason },
            ]),
          );
        }
        break;
      }
    }
  }
  if (!summary.sections.includes('moves') && (summary.votes?.rest ?? []).length > 0) {
    deck.table(
      text.appendix.ranking,
      rankColumns(text),
      (summary.votes?.rest ?? []).map((entry) => rankRow(entry, text)),
    );
  }
  // Stored, not deflated (pptxgenjs deflates only its STREAM/blob output): deflating a 2,000-card
  // deck cost about 0.6 s more, beyond the 2 s budget under load (docs/performance.md).
  const output = await pptx.write({ outputType: 'uint8array' });
  if (!(output instanceof Uint8Array)) throw new Error('pptxgenjs returned no bytes');
  return cleanPackage(output);
}

/** The two masters: content slides (title at the top, footer, number) and the title slide. */
function defineMasters(pptx: PptxGenJS, summary: Summary, text: SummaryText): void {
  const footer = [summary.title, summary.dateText].filter(Boolean).join(' · ');
  pptx.defineSlideMaster({
    title: masterName,
    objects: [
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            x: layout.margin,
            y: layout.titleY,
            w: bodyWidth,
            h: layout.titleH,
            fontSize: 28,
            bold: true,
            color: colours.accent,
            align: 'left',
            valign: 'bottom',
          },
          text: '',
        },
      },
      { line: { x: layout.margin, y: layout.titleY + layout.titleH + 0.05, w: bodyWidth, h: 0, line: { color: colours.band, width: 2 } } },
      {
        text: { text: footer || text.summary, options: { x: layout.margin, y: layout.footerY, w: 10, h: 0.35, fontSize: 11, color: colours.muted } },
      },
    ],
    slideNumber: { x: layout.width - layout.margin - 1, y: layout.footerY, w: 1, h: 0.35, fontSize: 11, color: colours.muted, align: 'right' },
  });
  pptx.defineSlideMaster({
    title: titleMasterName,
    objects: [
      { line: { x: layout.margin, y: 3.35, w: bodyWidth, h: 0, line: { color: colours.band, width: 4 } } },
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            x: layout.margin,
            y: 0.9,
            w: bodyWidth,
            h: 2.35,
            fontSize: 40,
            bold: true,
            color: colours.accent,
            align: 'left',
            valign: 'bottom',
          },
          text: '',
        },
      },
    ],
  });
}

/** Adds slides; splits tables over as many slides as they need. */
class Deck {
  constructor(
    private readonly pptx: PptxGenJS,
    readonly lang: string,
    private readonly text: SummaryText,
  ) {}

  slide(title: string, master = masterName): PptxGenJS.Slide {
    const slide = this.pptx.addSlide({ masterName: master });
    slide.addText(title, { placeholder: 'title', lang: this.lang });
    return slide;
  }

  /**
   * A table over as many slides as it needs (header row on each), split between rows by their
   * estimated height. `notes` are the speaker notes of each slide's rows; `after` a line under the table.
   */
  table(
    title: string,
    columns: readonly Column[],
    rows: readonly (readonly Cell[])[],
    options: { notes?: readonly string[]; after?: string } = {},
  ): void {
    const heights = rows.map((row) => rowHeight(row, columns));
    const room =
      layout.bodyH -
      rowHeight(
        columns.map((c) => ({ text: c.label })),
        columns,
      ) -
      (options.after ? 0.45 : 0);
    const pages: number[][] = [];
    let page: number[] = [];
    let used = 0;
    heights.forEach((height, index) => {
      if (page.length > 0 && used + height > room) {
        pages.push(page);
        page = [];
        used = 0;
      }
      page.push(index);
      used += height;
    });
    if (page.length > 0 || pages.length === 0) pages.push(page);
    pages.forEach((indexes, pageIndex) => {
      const slide = this.slide(pageIndex === 0 ? title : `${title} ${this.text.continued}`);
      const head = columns.map((column) => ({
        text: column.label,
        options: { bold: true, fill: { color: colours.head }, color: colours.accent, lang: this.lang },
      }));
      const body = indexes.map((index) =>
        (rows[index] ?? []).map((cell) => ({
          // An empty cell still gets a character: pptxgenjs writes an empty one without a paragraph (a repair trigger).
          text: cell.text.trim() === '' ? ' ' : cell.text,
          options: { bold: cell.bold === true, color: cell.colour ?? colours.text, lang: this.lang },
        })),
      );
      slide.addTable([head, ...body], {
        x: layout.margin,
        y: layout.bodyY,
        w: bodyWidth,
        colW: columns.map((column) => column.width),
        fontSize: tableFont,
        fontFace: 'Calibri',
        valign: 'top',
        margin: 0.05,
        border: { type: 'solid', pt: 0.75, color: colours.line },
      });
      const lastPage = pageIndex === pages.length - 1;
      if (options.after && lastPage) {
        slide.addText(options.after, {
          x: layout.margin,
          y: layout.footerY - 0.5,
          w: bodyWidth,
          h: 0.4,
          fontSize: 13,
          italic: true,
          color: colours.muted,
          lang: this.lang,
        });
      }
      const notes = indexes.map((index) => options.notes?.[index] ?? '').filter(Boolean);
      if (notes.length > 0) slide.addNotes(notes.join('\n\n'));
    });
  }
}

function rowHeight(row: readonly Cell[], columns: readonly Column[]): number {
  const lines = row.map((cell, index) => {
    const perLine = Math.max(4, Math.floor(((columns[index]?.width ?? 1) - 0.1) * charsPerInch));
    return cell.text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil([...line].length / perLine)), 0);
  });
  return Math.max(1, ...lines) * lineHeight + rowPadding;
}

function titleSlide(deck: Deck, summary: Summary, text: SummaryText): void {
  const slide = deck.slide(summary.title, titleMasterName);
  const facts = summary.facts;
  const lines: PptxGenJS.TextProps[] = [];
  const line = (value: string, size: number, colour: string = colours.muted, bold = false): void => {
    if (value.trim())
      lines.push({ text: cut(oneLine(value), 160), options: { breakLine: true, fontSize: size, color: colour, bold, lang: deck.lang } });
  };
  line([text.summary, summary.dateText].filter(Boolean).join(' · '), 22, colours.text, true);
  if (facts) {
    line(facts.client, 20, colours.text);
    line(facts.place, 16);
    if (facts.facilitator.trim()) line(`${text.facts.facilitator}: ${facts.facilitator}`, 16);
  }
  if (summary.exportedText) line(`${text.facts.exported} ${summary.exportedText}`, 13);
  const agenda = summary.agenda ?? [];
  const width = agenda.length > 0 ? 6.6 : bodyWidth;
  if (lines.length > 0) slide.addText(lines, { x: layout.margin, y: 3.55, w: width, h: 3.2, valign: 'top', fit: 'shrink' });
  if (agenda.length > 0) {
    const items: PptxGenJS.TextProps[] = [
      { text: text.sections.agenda, options: { breakLine: true, bold: true, fontSize: 16, color: colours.accent, lang: deck.lang } },
    ];
    for (const item of agenda) {
      items.push({
        text: `${cut(item.title, 70)} — ${item.minutesText}, ${item.stateText}`,
        options: {
          breakLine: true,
          fontSize: 13,
          color: item.state === 'skipped' || item.state === 'open' ? colours.muted : colours.text,
          bullet: true,
          lang: deck.lang,
        },
      });
    }
    slide.addText(items, { x: layout.margin + 6.9, y: 3.55, w: bodyWidth - 6.9, h: 3.2, valign: 'top', fit: 'shrink' });
  }
  const participants = facts?.participants.map((group) => `${group.label}: ${group.names.join(', ')}`) ?? [];
  if (participants.length > 0) slide.addNotes(`${text.facts.participants}\n${participants.join('\n')}`);
}

function glanceSlide(deck: Deck, summary: Summary, text: SummaryText): void {
  const glance = summary.glance;
  if (!glance) return;
  const slide = deck.slide(text.sections.glance);
  const mission = (summary.mission ?? '').trim();
  const left: PptxGenJS.TextProps[] = [
    { text: text.mission.label, options: { breakLine: true, bold: true, fontSize: 16, color: colours.accent, lang: deck.lang } },
    ...(mission
      ? mission
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .map((line, index, all) => ({
            text: line,
            options: {
              breakLine: true,
              fontSize: mission.length > 250 ? 18 : 24,
              color: colours.text,
              paraSpaceAfter: index === all.length - 1 ? 14 : 0,
              lang: deck.lang,
            },
          }))
      : [
          {
            text: text.mission.none,
            options: { breakLine: true, italic: true, fontSize: 18, color: colours.muted, paraSpaceAfter: 14, lang: deck.lang },
          },
        ]),
    { text: text.glance.counts(glance.counts), options: { breakLine: true, fontSize: 14, color: colours.muted, lang: deck.lang } },
  ];
  slide.addText(left, { x: layout.margin, y: layout.bodyY, w: 6.0, h: layout.bodyH, valign: 'top', fit: 'shrink' });

  const right: PptxGenJS.TextProps[] = [];
  const heading = (value: string): void => {
    right.push({
      text: value,
      options: { breakLine: true, bold: true, fontSize: 16, color: colours.accent, paraSpaceBefore: right.length > 0 ? 10 : 0, lang: deck.lang },
    });
  };
  const item = (value: string, colour: string = colours.text): void => {
    right.push({ text: cut(oneLine(value), 140), options: { breakLine: true, fontSize: 14, color: colour, bullet: true, lang: deck.lang } });
  };
  const plain = (value: string): void => {
    right.push({ text: value, options: { breakLine: true, fontSize: 14, italic: true, color: colours.muted, lang: deck.lang } });
  };
  if (glance.top.length > 0) {
    heading(text.glance.top);
    for (const entry of glance.top) item(`${entry.title} (${text.votes.dots(entry.dots)})`);
  }
  heading(text.glance.unresolved);
  if (glance.unresolved.length === 0) plain(text.glance.noUnresolved);
  for (const card of glance.unresolved) item(`${card.title} (${card.laneName})`, colours.flag);
  heading(text.glance.nextActions);
  if (glance.nextActions.length === 0) plain(text.glance.noNextActions);
  for (const action of glance.nextActions) item([action.text, action.owner.trim(), action.dueText].filter(Boolean).join(' — '));
  slide.addText(right, { x: layout.margin + 6.4, y: layout.bodyY, w: bodyWidth - 6.4, h: layout.bodyH, valign: 'top', fit: 'shrink' });
  if (!glance.votesRevealed) slide.addNotes(text.votes.hidden);
}

function boardSlide(deck: Deck, png: Uint8Array, text: SummaryText): void {
  const slide = deck.slide(text.sections.board);
  const size = pngSize(png);
  // Inches at 100 pixels per inch, fitted into the body.
  const fitted = fitInto(size, { width: bodyWidth * 100, height: (layout.bodyH + 0.2) * 100 });
  const w = fitted.width / 100;
  const h = fitted.height / 100;
  slide.addImage({
    data: `image/png;base64,${Buffer.from(png).toString('base64')}`,
    x: layout.margin + (bodyWidth - w) / 2,
    y: layout.bodyY,
    w,
    h,
    altText: text.boardPicture.alt,
  });
}

/** A lane as a table: each card with what the reader needs about it; its notes in the speaker notes. */
function laneSlides(deck: Deck, summary: Summary, lane: SummaryLane, text: SummaryText): void {
  const byId = new Map(summary.cards.map((card) => [card.id, card]));
  const withDots = lane.cards.some((card) => card.dots !== null);
  const dotsWidth = withDots ? 1.2 : 0;
  const columns: Column[] = [
    { label: text.card.card, width: 5.0 },
    { label: text.card.details, width: bodyWidth - 5.0 - dotsWidth },
    ...(withDots ? [{ label: text.columns.dots, width: dotsWidth }] : []),
  ];
  const rows = lane.cards.map((card): Cell[] => {
    const full = byId.get(card.cardId);
    const title = card.kind === 'topic' ? card.title : `${card.kindText}: ${card.title}`;
    const detail = cardDetail(card, full, summary, text);
    return [
      { text: title, bold: true, colour: card.lead === 'unresolved' ? colours.flag : undefined },
      { text: detail.text, colour: detail.flag ? colours.flag : undefined },
      ...(withDots ? [{ text: card.dots ? String(card.dots) : '' }] : []),
    ];
  });
  const notes = lane.cards.map((card) => {
    const parts = [
      card.why.trim() && `${text.card.why}: ${card.why.trim()}`,
      card.notes.trim() && `${text.card.notes}: ${card.notes.trim()}`,
      card.tags.length > 0 && `${text.card.tags}: ${card.tags.join(', ')}`,
    ].filter(Boolean);
    return parts.length > 0 ? `${card.title}\n${parts.join('\n')}` : '';
  });
  const hidden = lane.hiddenCaricatures > 0 ? text.lane.hiddenCaricatures(lane.hiddenCaricatures) : undefined;
  if (rows.length === 0) {
    const slide = deck.slide(lane.name);
    slide.addText(hidden ?? text.lane.empty, {
      x: layout.margin,
      y: layout.bodyY,
      w: bodyWidth,
      h: 0.6,
      fontSize: 16,
      italic: true,
      color: colours.muted,
      lang: deck.lang,
    });
    return;
  }
  deck.table(lane.name, columns, rows, { notes, ...(hidden && { after: hidden }) });
}

/** The part of a card the reader needs beside its title: lead (where it differs), the seam agreement, the truth, the figure. */
function cardDetail(card: LaneCard, full: SummaryCard | undefined, summary: Summary, text: SummaryText): { text: string; flag: boolean } {
  const parts: string[] = [];
  let flag = false;
  if (card.showLead) {
    parts.push(`${text.lane.lead}: ${card.leadText}`);
    flag = card.lead === 'unresolved';
  }
  if (full?.exchange && card.lead === 'joint' && summary.seams !== null) {
    const exchange = exchangeText(full.exchange, text);
    parts.push(exchange || text.seams.notAgreed);
    flag ||= !exchange;
  }
  if (full?.caricature && summary.caricatures !== null) {
    parts.push(`${full.caricature.viewText}. ${caricatureText(full.caricature.truth, full.caricature.cleared, text)}`);
    flag ||= !full.caricature.cleared;
  }
  if (full?.metric && summary.metrics !== null) {
    parts.push(metricText(full.metric, text));
    flag ||= !full.metric.narrative.trim();
  }
  return { text: parts.join('\n'), flag };
}

function exchangeText(exchange: { readonly who: string; readonly cadence: string; readonly decisions: string }, text: SummaryText): string {
  return [
    [text.seams.who, exchange.who],
    [text.seams.cadence, exchange.cadence],
    [text.seams.decisions, exchange.decisions],
  ]
    .filter(([, value]) => value?.trim())
    .map(([label, value]) => `${label}: ${oneLine(value ?? '')}`)
    .join('\n');
}

function caricatureText(truth: string, cleared: boolean, text: SummaryText): string {
  const state = cleared ? text.caricatures.cleared : text.caricatures.notCleared;
  return truth.trim() ? `${state}. ${text.caricatures.truth}: ${oneLine(truth)}` : `${state}. ${text.caricatures.noTruth}`;
}

function metricText(metric: { readonly figure: string; readonly ownerText: string; readonly narrative: string }, text: SummaryText): string {
  const head = [metric.figure, metric.ownerText && `${text.metrics.owner}: ${metric.ownerText}`].filter(Boolean).join(' · ');
  const story = metric.narrative.trim() ? `${text.metrics.narrative}: ${oneLine(metric.narrative)}` : text.metrics.noNarrative;
  return [head, story].filter(Boolean).join('\n');
}

function rankColumns(text: SummaryText): Column[] {
  return [
    { label: text.votes.rank, width: 1.1 },
    { label: text.columns.title, width: bodyWidth - 1.1 - 2.6 - 1.6 },
    { label: text.columns.lane, width: 2.6 },
    { label: text.columns.dots, width: 1.6 },
  ];
}

function rankRow(
  entry: { readonly rank: number; readonly title: string; readonly laneName: string; readonly dots: number },
  text: SummaryText,
): Cell[] {
  return [{ text: String(entry.rank), bold: true }, { text: entry.title }, { text: entry.laneName }, { text: text.votes.dots(entry.dots) }];
}

/**
 * Removes what PowerPoint "repairs" from pptxgenjs' package (pptxgenjs issues #1444, #1449):
 * content-type overrides of parts the package does not have (a slide master per slide, one
 * written), default content types of media the package does not use, and empty `<a:ln>`
 * elements (an empty line element says nothing; PowerPoint rejects it). Stored, as pptxgenjs wrote it.
 */
export async function cleanPackage(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const names = new Set(Object.keys(zip.files));
  const typesFile = zip.file('[Content_Types].xml');
  if (typesFile) {
    const extensions = new Set(
      [...names].map((name) => /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase()).filter((ext): ext is string => ext !== undefined),
    );
    const types = (await typesFile.async('string'))
      .replace(/<Override\s+PartName="\/([^"]+)"[^>]*\/>/g, (match, part: string) => (names.has(part) ? match : ''))
      .replace(/<Default\s+Extension="([^"]+)"[^>]*\/>/g, (match, ext: string) => (extensions.has(ext.toLowerCase()) ? match : ''));
    zip.file('[Content_Types].xml', types);
  }
  for (const name of names) {
    if (!name.endsWith('.xml')) continue;
    const file = zip.file(name);
    if (!file) continue;
    const xml = await file.async('string');
    let cleaned = xml.replace(emptyLine, '');
    // Speaker notes are one text run; a line break inside <a:t> is no line break to PowerPoint.
    if (name.startsWith('ppt/notesSlides/'))
      cleaned = cleaned.replace(
        /<a:t>([^<]*\n[^<]*)<\/a:t>/g,
        (_whole, body: string) => `<a:t>${body.split('\n').join('</a:t></a:r><a:br/><a:r><a:t>')}</a:t>`,
      );
    if (cleaned !== xml) zip.file(name, cleaned);
  }
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'STORE',
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  });
}

/** `<a:ln/>`, `<a:ln>` `</a:ln>` with only white space between, with or without attributes. */
const emptyLine = /<a:ln(?:\s[^>]*)?(?:\/>|>\s*<\/a:ln>)/g;

function oneLine(value: string): string {
  return value.replace(/\s*\n\s*/g, ' ').trim();
}

/** A short line for the title slide; the full text is in the other formats. */
function cut(value: string, max: number): string {
  const characters = Array.from(value);
  return characters.length <= max ? value : `${characters.slice(0, max - 1).join('')}…`;
}
