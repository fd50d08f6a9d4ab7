/**
 * The summary as a Word document (.docx, `docx` library), as bytes; no Electron import, so the CLI
 * runs it. Layout: docs/summaries.md#the-formats.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { MetricItem, RankedItem, Summary } from '../../core/summary';
import { summaryText, type SummarySection, type SummaryText } from '../../core/summary-text';
import { emptyNote } from '../../core/export/empty-note';
import { fitInto, pngSize } from './png-size';

const languageTags = { de: 'de-DE', en: 'en-GB' } as const;

/** A4 with 2 cm margins, in twentieths of a point; the text is 17 cm wide. */
const page = { width: 11906, height: 16838, margin: 1134 } as const;
const textWidth = page.width - 2 * page.margin;
/** The room for the board picture, in pixels at 96 dpi (17 cm × 22 cm). */
const pictureBox = { width: 642, height: 830 } as const;

export interface DocxAssets {
  readonly boardPng?: Uint8Array;
}

export async function renderDocx(summary: Summary, assets: DocxAssets = {}): Promise<Uint8Array> {
  const text = summaryText(summary.language);
  const subtitle = [text.summary, summary.dateText].filter(Boolean).join(' · ');
  const body: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(summary.title)] }), plain(subtitle)];
  if (summary.facts) body.push(...sectionBody(summary, 'facts', text, assets));
  let first = true;
  for (const section of summary.sections) {
    if (section === 'facts') continue;
    if (section === 'board' && !assets.boardPng) continue;
    if (section === 'moves') body.push(...rankingAppendix(summary, text));
    // The cover stands alone on its page; everything after it starts on the next.
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: first && summary.facts !== null,
        children: [new TextRun(text.sections[section])],
      }),
    );
    first = false;
    body.push(...sectionBody(summary, section, text, assets));
  }
  if (!summary.sections.includes('moves')) body.push(...rankingAppendix(summary, text));
  const facilitator = summary.facts?.facilitator.replace(/\s+/g, ' ').trim() ?? '';
  const heading = (size: number, before: number) => ({
    run: { size, bold: true, color: '1F3F5E', font: 'Calibri' },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
  });
  const document = new Document({
    title: `${summary.title} — ${text.summary}`,
    subject: text.summary,
    creator: facilitator || 'Nahtstelle',
    lastModifiedBy: facilitator || 'Nahtstelle',
    description: subtitle,
    styles: {
      default: {
        document: {
          run: { language: { value: languageTags[summary.language] }, font: 'Calibri', size: 22 },
          paragraph: { spacing: { after: 100, line: 276 } },
        },
        title: {
          run: { size: 48, bold: true, color: '1F3F5E', font: 'Calibri' },
          paragraph: { spacing: { before: 1200, after: 160, line: 240, lineRule: LineRuleType.AUTO }, keepNext: true },
        },
        heading1: heading(32, 360),
        heading2: heading(26, 240),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                children: [new TextRun({ text: [summary.title, summary.dateText].filter(Boolean).join(' · '), size: 18, color: '555555' })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [`${text.page} `, PageNumber.CURRENT, ` ${text.of} `, PageNumber.TOTAL_PAGES], size: 18, color: '555555' }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.pack(document, 'uint8array');
}

function rankingAppendix(summary: Summary, text: SummaryText): (Paragraph | Table)[] {
  const rest = summary.votes?.rest ?? [];
  if (rest.length === 0) return [];
  return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text.appendix.ranking)] }), rankingTable(rest, text)];
}

function rankingTable(ranking: readonly RankedItem[], text: SummaryText): Table {
  return table(
    [
      { label: text.votes.rank, share: 10 },
      { label: text.columns.title, share: 58 },
      { label: text.columns.lane, share: 17 },
      { label: text.columns.dots, share: 15 },
    ],
    ranking.map((entry) => [String(entry.rank), entry.title, entry.laneName, text.votes.dots(entry.dots)]),
  );
}

function sectionBody(summary: Summary, section: SummarySection, text: SummaryText, assets: DocxAssets): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const note = (value: string): void => {
    out.push(new Paragraph({ children: [new TextRun({ text: value, italics: true, color: '555555' })] }));
  };
  const heading = (value: string): void => {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(value)] }));
  };
  const empty = emptyNote(summary, section, text);
  if (empty) note(empty);
  switch (section) {
    case 'facts': {
      const facts = summary.facts;
      if (!facts) break;
      const field = (label: string, value: string): void => {
        if (value.trim()) out.push(bullet([bold(`${label}: `), ...lines(value)]));
      };
      field(text.facts.client, facts.client);
      field(text.facts.date, facts.dateText);
      field(text.facts.place, facts.place);
      field(text.facts.facilitator, facts.facilitator);
      out.push(
        bullet([bold(`${text.facts.participants}:`), ...(facts.participants.length === 0 ? [new TextRun(` ${text.facts.noParticipants}`)] : [])]),
      );
      for (const group of facts.participants) out.push(bullet([bold(`${group.label}: `), new TextRun(group.names.join(', '))], 1));
      field(text.facts.exported, summary.exportedText);
      break;
    }
    case 'glance': {
      const glance = summary.glance;
      if (!glance) break;
      const mission = summary.mission ?? '';
      heading(text.mission.label);
      if (mission.trim()) {
        out.push(
          new Paragraph({
            indent: { left: 360 },
            border: { left: { style: BorderStyle.SINGLE, size: 24, color: '2F5D8A', space: 10 } },
            shading: { type: ShadingType.CLEAR, fill: 'EEF3F8', color: 'auto' },
            children: lines(mission.trim(), { size: 28 }),
          }),
        );
      } else note(text.mission.none);
      out.push(new Paragraph({ spacing: { before: 160 }, children: [bold(text.glance.counts(glance.counts))] }));
      if (glance.top.length > 0) {
        heading(text.glance.top);
        glance.top.forEach((entry, index) =>
          out.push(
            new Paragraph({
              children: [new TextRun(`${index + 1}. ${entry.title} `), new TextRun({ text: `(${text.votes.dots(entry.dots)})`, color: '555555' })],
            }),
          ),
        );
      }
      heading(text.glance.unresolved);
      if (glance.unresolved.length === 0) note(text.glance.noUnresolved);
      for (const card of glance.unresolved)
        out.push(
          bullet([new TextRun({ text: card.title, color: 'A03000', bold: true }), new TextRun({ text: ` (${card.laneName})`, color: '555555' })]),
        );
      heading(text.glance.nextActions);
      if (glance.nextActions.length === 0) note(text.glance.noNextActions);
      for (const action of glance.nextActions) {
        const who = [action.owner.trim(), action.dueText].filter(Boolean).join(', ');
        out.push(bullet([new TextRun(action.text), ...(who ? [new TextRun({ text: ` — ${who}`, color: '555555' })] : [])]));
      }
      break;
    }
    case 'board': {
      if (!assets.boardPng) break;
      const size = fitInto(pngSize(assets.boardPng), pictureBox);
      out.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: assets.boardPng,
              transformation: size,
              altText: { name: text.sections.board, title: text.sections.board, description: text.boardPicture.alt },
            }),
          ],
        }),
      );
      break;
    }
    case 'lanes':
      for (const lane of summary.lanes ?? []) {
        heading(lane.name);
        for (const card of lane.cards) {
          const children: ParagraphChild[] = [];
          if (card.kind !== 'topic') children.push(new TextRun({ text: `${card.kindText}: `, italics: true }));
          children.push(new TextRun(card.title));
          if (card.showLead)
            children.push(
              new TextRun({
                text: ` — ${text.lane.lead}: ${card.leadText}`,
                color: card.lead === 'unresolved' ? 'A03000' : '555555',
                bold: card.lead === 'unresolved',
              }),
            );
          if (card.dots) children.push(new TextRun({ text: ` (${text.votes.dots(card.dots)})`, color: '555555' }));
          if (card.why.trim()) children.push(new TextRun({ text: `${text.card.why}: `, bold: true, break: 1 }), ...lines(card.why));
          if (card.notes.trim()) children.push(new TextRun({ text: `${text.card.notes}: `, bold: true, break: 1 }), ...lines(card.notes));
          if (card.tags.length > 0)
            children.push(new TextRun({ text: `${text.card.tags}: `, bold: true, break: 1 }), new TextRun(card.tags.join(', ')));
          out.push(bullet(children));
        }
        if (lane.cards.length === 0 && lane.hiddenCaricatures === 0) note(text.lane.empty);
        if (lane.hiddenCaricatures > 0) note(text.lane.hiddenCaricatures(lane.hiddenCaricatures));
      }
      break;
    case 'seams': {
      const seams = summary.seams ?? [];
      for (const seam of seams) {
        heading(seam.title);
        if (!seam.agreed) note(text.seams.notAgreed);
        if (seam.who.trim()) out.push(bullet([bold(`${text.seams.who}: `), ...lines(seam.who)]));
        if (seam.cadence.trim()) out.push(bullet([bold(`${text.seams.cadence}: `), ...lines(seam.cadence)]));
        if (seam.decisions.trim()) out.push(bullet([bold(`${text.seams.decisions}: `), ...lines(seam.decisions)]));
      }
      break;
    }
    case 'caricatures': {
      for (const group of summary.caricatures?.groups ?? []) {
        heading(group.label);
        for (const entry of group.items) {
          const children: ParagraphChild[] = [
            bold(entry.title),
            new TextRun(` — ${entry.cleared ? text.caricatures.cleared : text.caricatures.notCleared}`),
          ];
          if (entry.truth.trim()) children.push(new TextRun({ text: `${text.caricatures.truth}: `, bold: true, break: 1 }), ...lines(entry.truth));
          else children.push(new TextRun({ text: text.caricatures.noTruth, italics: true, break: 1 }));
          out.push(bullet(children));
        }
      }
      break;
    }
    case 'metrics': {
      const metrics = summary.metrics;
      if (!metrics || empty) break;
      heading(text.metrics.withNarrative);
      if (metrics.withNarrative.length === 0) note(text.metrics.none);
      for (const m of metrics.withNarrative)
        out.push(bullet([...metricHead(m, text), new TextRun({ text: `${text.metrics.narrative}: `, bold: true, break: 1 }), ...lines(m.narrative)]));
      heading(text.metrics.withoutNarrative);
      if (metrics.withoutNarrative.length === 0) note(text.metrics.allTold);
      for (const m of metrics.withoutNarrative)
        out.push(bullet([...metricHead(m, text), new TextRun({ text: text.metrics.noNarrative, bold: true, color: 'A03000', break: 1 })]));
      break;
    }
    case 'votes':
      if (summary.votes && !empty) out.push(rankingTable(summary.votes.ranking, text));
      break;
    case 'agenda': {
      const agenda = summary.agenda ?? [];
      if (!empty)
        out.push(
          table(
            [
              { label: text.agenda.block, share: 60 },
              { label: text.agenda.minutes, share: 15 },
              { label: text.agenda.state, share: 25 },
            ],
            agenda.map((item) => [item.title, item.minutesText, item.stateText]),
          ),
        );
      break;
    }
    case 'actions': {
      const actions = summary.actions ?? [];
      if (!empty) {
        const rows = actions.map((action) => [
          action.text,
          action.owner.trim() || text.actions.noOwner,
          action.dueText || text.actions.noDue,
          action.done ? text.actions.done : text.actions.open,
          action.cardTitle,
        ]);
        out.push(
          table(
            [
              { label: text.actionColumns.action, share: 34 },
              { label: text.actionColumns.owner, share: 17 },
              { label: text.actionColumns.due, share: 17 },
              { label: text.actionColumns.status, share: 11 },
              { label: text.actionColumns.card, share: 21 },
            ],
            rows,
          ),
        );
      }
      break;
    }
    case 'moves': {
      const moves = summary.moves ?? [];
      for (const move of moves) {
        const children: ParagraphChild[] = [new TextRun(`${move.atText} — `), bold(move.cardTitle), new TextRun(`: ${move.from} → ${move.to}`)];
        if (move.reason.trim()) children.push(new TextRun({ text: `${text.moves.reason}: `, bold: true, break: 1 }), ...lines(move.reason));
        else children.push(new TextRun({ text: text.moves.noReason, italics: true, break: 1 }));
        out.push(bullet(children));
      }
      break;
    }
  }
  return out;
}

function metricHead(metric: MetricItem, text: SummaryText): ParagraphChild[] {
  const rest = [metric.figure, metric.ownerText && `${text.metrics.owner}: ${metric.ownerText}`].filter(Boolean).join(' — ');
  return [bold(metric.title), ...(rest ? [new TextRun(` — ${rest}`)] : [])];
}

function plain(value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: value, color: '555555' })] });
}

function bold(value: string): TextRun {
  return new TextRun({ text: value, bold: true });
}

function bullet(children: ParagraphChild[], level = 0): Paragraph {
  return new Paragraph({ bullet: { level }, children });
}

/** Multi-line text as runs with line breaks between them. */
function lines(value: string, style: { readonly size?: number } = {}): TextRun[] {
  return value.split('\n').map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : undefined, ...style }));
}

interface Column {
  readonly label: string;
  /** Percent of the text width. */
  readonly share: number;
}

/** A table with fixed column widths (Word's automatic layout gives every column the same), its header row repeated on each page. */
function table(columns: readonly Column[], rows: readonly (readonly string[])[]): Table {
  const widths = columns.map((column) => Math.round((textWidth * column.share) / 100));
  const row = (cells: readonly string[], header: boolean): TableRow =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (cell, index) =>
          new TableCell({
            width: { size: widths[index] ?? 0, type: WidthType.DXA },
            shading: header ? { type: ShadingType.CLEAR, fill: 'E8EEF4', color: 'auto' } : undefined,
            children: [new Paragraph({ spacing: { after: 0 }, keepNext: header, children: header ? [bold(cell)] : lines(cell) })],
          }),
      ),
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      row(
        columns.map((column) => column.label),
        true,
      ),
      ...rows.map((cells) => row(cells, false)),
    ],
  });
}
