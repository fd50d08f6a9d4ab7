/**
 * The summary as a PowerPoint deck (.pptx), built with `pptxgenjs` (MIT, runs in plain Node; only
 * its HTML-table and image helpers need a DOM, and they are not used). Returns the file's bytes.
 * Imports nothing from Electron, so the command line runs it without a display.
 *
 * The deck: a title slide; then per included section its slides — the facts, the mission, one
 * slide per lane, the seam agreements, the caricatures, the metrics with narratives (and those
 * still without), the ranking, the action items, what is unresolved and the moves. A list longer
 * than a slide goes on over further slides titled "(continued)"; a single text longer than a slide
 * is split between slides at word boundaries, so nothing is cut and nothing overflows.
 *
 * Every paragraph is one text run: pptxgenjs writes paragraph properties before each run of a
 * paragraph, which older PowerPoint versions reject when a paragraph has several runs.
 */
import PptxGenJS from 'pptxgenjs';
import type { Summary } from '../../core/summary';
import { summaryText, type SummaryText } from '../../core/summary-text';

/** One paragraph on a slide: a bullet (level 0), a sub-bullet (level 1) or a plain note. */
interface Line {
  readonly text: string;
  readonly style: 'bullet' | 'sub' | 'note' | 'big';
  readonly bold?: boolean;
  readonly flag?: boolean;
}

/** Lines kept on one slide when they fit there (an item and its details). */
type Block = readonly Line[];

interface Deck {
  readonly title: string;
  readonly blocks: readonly Block[];
}

/** Slide geometry (16:9, inches) and how much text a slide's body holds. */
const layout = { width: 13.333, margin: 0.6, titleY: 0.35, titleH: 1.0, bodyY: 1.45, bodyH: 5.35, footerY: 6.95 } as const;
const bodyFont = 16;
const subFont = 14;
const bigFont = 28;
/** Lines of body text per slide, with room for paragraph spacing. */
const linesPerSlide = 17;
/** Characters per line at each font; on the safe side (wide letters, emoji). */
const charsPerLine = { bullet: 95, sub: 105, note: 100, big: 50 } as const;
const colours = { text: '1C1C1E', muted: '555555', accent: '1F3F5E', flag: 'A03000' } as const;
const languageTags = { de: 'de-DE', en: 'en-GB' } as const;

export async function renderPptx(summary: Summary): Promise<Uint8Array> {
  const text = summaryText(summary.language);
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = `${summary.title} — ${text.summary}`;
  pptx.subject = text.summary;
  pptx.author = 'Nahtstelle';
  pptx.theme = { headFontFace: 'Calibri', bodyFontFace: 'Calibri' };
  const lang = languageTags[summary.language];
  const footer = [summary.title, summary.dateText].filter(Boolean).join(' · ');

  titleSlide(pptx, summary, text, lang);
  for (const deck of decks(summary, text)) {
    const pages = paginate(deck.blocks);
    pages.forEach((page, index) => {
      const slide = pptx.addSlide();
      slide.addText(index === 0 ? deck.title : `${deck.title} ${text.continued}`, {
        x: layout.margin,
        y: layout.titleY,
        w: layout.width - 2 * layout.margin,
        h: layout.titleH,
        fontSize: 30,
        bold: true,
        color: colours.accent,
        valign: 'bottom',
        fit: 'shrink',
        lang,
      });
      slide.addText(
        page.map((line) => paragraph(line, lang)),
        // Few options here: pptxgenjs copies each of them into every paragraph's options.
        { x: layout.margin, y: layout.bodyY, w: layout.width - 2 * layout.margin, h: layout.bodyH, valign: 'top' },
      );
      slide.addText(footer, { x: layout.margin, y: layout.footerY, w: 10, h: 0.35, fontSize: 11, color: colours.muted, lang });
      slide.slideNumber = { x: layout.width - layout.margin - 1, y: layout.footerY, w: 1, h: 0.35, fontSize: 11, color: colours.muted, align: 'right' };
    });
  }
  // Stored, not deflated (pptxgenjs deflates only its STREAM/blob output): deflating a 2,000-card
  // deck cost about 0.6 s more, beyond the 2 s budget under load; a workshop-sized deck is a few
  // hundred KB either way (docs/performance.md).
  const output = await pptx.write({ outputType: 'uint8array' });
  if (!(output instanceof Uint8Array)) throw new Error('pptxgenjs returned no bytes');
  return output;
}

function titleSlide(pptx: PptxGenJS, summary: Summary, text: SummaryText, lang: string): void {
  const slide = pptx.addSlide();
  const width = layout.width - 2 * layout.margin;
  slide.addText(summary.title, { x: layout.margin, y: 1.6, w: width, h: 2.2, fontSize: 40, bold: true, color: colours.accent, valign: 'bottom', fit: 'shrink', lang });
  const lines = [[text.summary, summary.dateText].filter(Boolean).join(' · ')];
  if (summary.facts) {
    const client = oneLine(summary.facts.client);
    const facilitator = oneLine(summary.facts.facilitator);
    if (client) lines.push(client);
    if (facilitator) lines.push(`${text.facts.facilitator}: ${facilitator}`);
  }
  slide.addText(
    lines.map((line, index) => ({ text: cut(line, 160), options: { breakLine: true, fontSize: index === 0 ? 24 : 20, color: index === 0 ? colours.text : colours.muted, lang } })),
    { x: layout.margin, y: 4.0, w: width, h: 2.0, valign: 'top', lang },
  );
}

/** The slides' contents, section by section, before they are split into pages. */
function decks(summary: Summary, text: SummaryText): Deck[] {
  const out: Deck[] = [];
  const note = (value: string, flag = false): Block => [{ text: value, style: 'note', flag }];
  const bullet = (value: string, extra: Partial<Line> = {}): Line => ({ text: value, style: 'bullet', ...extra });
  const sub = (value: string, extra: Partial<Line> = {}): Line => ({ text: value, style: 'sub', ...extra });
  for (const section of summary.sections) {
    const title = text.sections[section];
    switch (section) {
      case 'facts': {
        const facts = summary.facts;
        if (!facts) break;
        const blocks: Block[] = [];
        const field = (label: string, value: string): void => {
          const lines = value.split('\n').map((line) => line.trim()).filter(Boolean);
          if (lines.length > 0) blocks.push([bullet(`${label}: ${lines.join(', ')}`)]);
        };
        field(text.facts.client, facts.client);
        field(text.facts.date, facts.dateText);
        field(text.facts.place, facts.place);
        field(text.facts.facilitator, facts.facilitator);
        const groups = facts.participants.map((group) => sub(`${group.label}: ${group.names.join(', ')}`));
        blocks.push([bullet(`${text.facts.participants}:`), ...(groups.length > 0 ? groups : [sub(text.facts.noParticipants)])]);
        out.push({ title, blocks });
        break;
      }
      case 'mission': {
        const mission = (summary.mission ?? '').trim();
        const big = mission.length <= 400;
        const blocks: Block[] = mission ? mission.split('\n').map((line) => [{ text: line, style: big ? 'big' : 'note' }]) : [note(text.mission.none)];
        out.push({ title, blocks });
        break;
      }
      case 'lanes':
        for (const lane of summary.lanes ?? []) {
          const blocks: Block[] = lane.cards.map((card) => {
            const kind = card.kind === 'topic' ? '' : `${card.kindText}: `;
            const lead = card.lead === null ? '' : ` — ${text.lane.lead}: ${card.leadText}`;
            return [bullet(`${kind}${card.title}${lead}`, { flag: card.lead === 'unresolved' })];
          });
          if (lane.cards.length === 0 && lane.hiddenCaricatures === 0) blocks.push(note(text.lane.empty));
          if (lane.hiddenCaricatures > 0) blocks.push(note(text.lane.hiddenCaricatures(lane.hiddenCaricatures)));
          out.push({ title: lane.name, blocks });
        }
        break;
      case 'seams': {
        const seams = summary.seams ?? [];
        const blocks: Block[] = seams.map((seam) => {
          const details = [
            [text.seams.who, seam.who],
            [text.seams.cadence, seam.cadence],
            [text.seams.decisions, seam.decisions],
          ]
            .filter(([, value]) => value?.trim())
            .map(([label, value]) => `${label}: ${oneLine(value ?? '')}`);
          return [bullet(seam.title, { bold: true }), seam.agreed ? sub(details.join(' · ')) : sub(text.seams.notAgreed, { flag: true })];
        });
        out.push({ title, blocks: blocks.length > 0 ? blocks : [note(text.seams.none)] });
        break;
      }
      case 'caricatures': {
        const caricatures = summary.caricatures;
        if (!caricatures) break;
        const intro: Block[] = caricatures.hiddenCount > 0 ? [note(text.caricatures.hidden(caricatures.hiddenCount))] : [];
        if (caricatures.groups.length === 0) out.push({ title, blocks: intro.length > 0 ? intro : [note(text.caricatures.none)] });
        for (const group of caricatures.groups) {
          const blocks = group.items.map((entry): Block => [
            bullet(`${entry.title} — ${entry.cleared ? text.caricatures.cleared : text.caricatures.notCleared}`, { bold: true }),
            entry.truth.trim() ? sub(`${text.caricatures.truth}: ${oneLine(entry.truth)}`) : sub(text.caricatures.noTruth, { flag: true }),
          ]);
          out.push({ title: `${title}: ${group.label}`, blocks: [...intro, ...blocks] });
        }
        break;
      }
      case 'metrics': {
        const metrics = summary.metrics;
        if (!metrics) break;
        if (metrics.withNarrative.length + metrics.withoutNarrative.length === 0) {
          out.push({ title, blocks: [note(text.metrics.none)] });
          break;
        }
        const head = (m: (typeof metrics.withNarrative)[number]): Line =>
          bullet([m.title, m.figure, m.ownerText && `${text.metrics.owner}: ${m.ownerText}`].filter(Boolean).join(' — '), { bold: true });
        const told = metrics.withNarrative.map((m): Block => [head(m), sub(`${text.metrics.narrative}: ${oneLine(m.narrative)}`)]);
        const untold = metrics.withoutNarrative.map((m): Block => [head(m), sub(text.metrics.noNarrative, { flag: true })]);
        out.push({ title: `${title}: ${text.metrics.withNarrative}`, blocks: told.length > 0 ? told : [note(text.metrics.none)] });
        out.push({ title: `${title}: ${text.metrics.withoutNarrative}`, blocks: untold.length > 0 ? untold : [note(text.metrics.allTold)] });
        break;
      }
      case 'votes': {
        const votes = summary.votes;
        if (!votes) break;
        const blocks: Block[] = !votes.revealed
          ? [note(text.votes.hidden)]
          : votes.ranking.length === 0
            ? [note(text.votes.none)]
            : votes.ranking.map((entry) => [bullet(`${entry.rank}. ${entry.title} — ${text.votes.dots(entry.dots)}`)]);
        out.push({ title, blocks });
        break;
      }
      case 'actions': {
        const actions = summary.actions ?? [];
        const blocks = actions.map((action): Block => [
          bullet(
            [
              `${action.done ? '☑' : '☐'} ${oneLine(action.text)}`,
              `${text.actions.owner}: ${oneLine(action.owner) || text.actions.noOwner}`,
              `${text.actions.due}: ${action.dueText || text.actions.noDue}`,
            ].join(' — '),
          ),
          sub(`${text.actions.card}: ${action.cardTitle}`),
        ]);
        out.push({ title, blocks: blocks.length > 0 ? blocks : [note(text.actions.none)] });
        break;
      }
      case 'unresolved': {
        const unresolved = summary.unresolved ?? [];
        const blocks = unresolved.map((card): Block => [bullet(`${card.title} (${text.unresolved.lane}: ${card.laneName})`, { flag: true })]);
        out.push({ title, blocks: blocks.length > 0 ? blocks : [note(text.unresolved.none)] });
        break;
      }
      case 'moves': {
        const moves = summary.moves ?? [];
        const blocks = moves.map((move): Block => [
          bullet(`${move.cardTitle}: ${move.from} → ${move.to}`),
          sub(`${move.atText} — ${move.reason.trim() ? `${text.moves.reason}: ${oneLine(move.reason)}` : text.moves.noReason}`),
        ]);
        out.push({ title, blocks: blocks.length > 0 ? blocks : [note(text.moves.none)] });
        break;
      }
    }
  }
  return out;
}

/** Lines a paragraph takes on a slide, with its spacing, estimated from its length. */
function height(line: Line): number {
  const perLine = charsPerLine[line.style];
  const rows = Math.max(1, Math.ceil(line.text.length / perLine));
  if (line.style === 'big') return rows * (bigFont / bodyFont) + 0.4;
  return line.style === 'sub' ? rows * (subFont / bodyFont) + 0.2 : rows + 0.2;
}

/**
 * Splits the blocks into slides. A block goes to the next slide when it does not fit on this one;
 * a block larger than a whole slide fills slides line by line, and a line larger than a slide is
 * cut at word boundaries into pieces that fit.
 */
function paginate(blocks: readonly Block[]): Line[][] {
  const pages: Line[][] = [];
  let page: Line[] = [];
  let used = 0;
  const flush = (): void => {
    if (page.length > 0) pages.push(page);
    page = [];
    used = 0;
  };
  for (const block of blocks) {
    const size = block.reduce((sum, line) => sum + height(line), 0);
    if (used + size > linesPerSlide && used > 0 && size <= linesPerSlide) flush();
    for (const line of block) {
      for (const piece of splitLine(line)) {
        const h = height(piece);
        if (used + h > linesPerSlide && used > 0) flush();
        page.push(piece);
        used += h;
      }
    }
  }
  flush();
  return pages.length > 0 ? pages : [[]];
}

/** A line too long for one slide, as pieces that each fit, cut between words where possible. */
function splitLine(line: Line): Line[] {
  const perLine = charsPerLine[line.style];
  const rows = Math.floor((linesPerSlide - 0.5) / (line.style === 'big' ? bigFont / bodyFont : 1));
  const max = perLine * rows;
  if (line.text.length <= max) return [line];
  const pieces: Line[] = [];
  let rest = line.text;
  while (rest.length > max) {
    let cutAt = rest.lastIndexOf(' ', max);
    if (cutAt < max / 2) cutAt = max;
    // Never between the two halves of a surrogate pair (an emoji).
    if (/[\uD800-\uDBFF]/.test(rest.charAt(cutAt - 1))) cutAt--;
    pieces.push({ ...line, text: rest.slice(0, cutAt).trimEnd() });
    rest = rest.slice(cutAt).trimStart();
    line = { ...line, style: line.style === 'bullet' ? 'sub' : line.style };
  }
  if (rest) pieces.push({ ...line, text: rest });
  return pieces;
}

function paragraph(line: Line, lang: string): PptxGenJS.TextProps {
  const options: PptxGenJS.TextPropsOptions = {
    breakLine: true,
    lang,
    fontSize: bodyFont,
    paraSpaceAfter: 4,
    bold: line.bold === true,
    color: line.flag ? colours.flag : line.style === 'note' ? colours.muted : colours.text,
  };
  switch (line.style) {
    case 'bullet':
      return { text: line.text, options: { ...options, bullet: true } };
    case 'sub':
      return { text: line.text, options: { ...options, bullet: { characterCode: '2013' }, indentLevel: 1, fontSize: subFont } };
    case 'note':
      return { text: line.text, options: { ...options, italic: !line.flag } };
    case 'big':
      return { text: line.text, options: { ...options, fontSize: bigFont, paraSpaceAfter: 10 } };
  }
}

function oneLine(value: string): string {
  return value.replace(/\s*\n\s*/g, ' ').trim();
}

/** A short line for the title slide; the full text is on the slides that follow. */
function cut(value: string, max: number): string {
  const characters = Array.from(value);
  return characters.length <= max ? value : `${characters.slice(0, max - 1).join('')}…`;
}
