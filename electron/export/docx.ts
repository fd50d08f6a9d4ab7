/**
 * The summary as a Word document (.docx), built with the `docx` library (MIT, plain Node, no DOM;
 * it writes the XML and the zip, escaping every text). Returns the file's bytes; main or the CLI
 * writes them. Imports nothing from Electron, so the command line runs it without a display.
 *
 * Layout: the session title and date in the page header, "Page n of m" in the footer, the sections
 * as Heading 1, lanes and groups as Heading 2, lists as bullets, action items and the ranking as tables.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { MetricItem, Summary } from '../../core/summary';
import { summaryText, type SummarySection, type SummaryText } from '../../core/summary-text';

const languageTags = { de: 'de-DE', en: 'en-GB' } as const;

export async function renderDocx(summary: Summary): Promise<Uint8Array> {
  const text = summaryText(summary.language);
  const subtitle = [text.summary, summary.dateText].filter(Boolean).join(' · ');
  const body: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(summary.title)] }), plain(subtitle)];
  for (const section of summary.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text.sections[section])] }));
    body.push(...sectionBody(summary, section, text));
  }
  const document = new Document({
    title: `${summary.title} — ${text.summary}`,
    creator: 'Nahtstelle',
    description: subtitle,
    styles: { default: { document: { run: { language: { value: languageTags[summary.language] }, font: 'Calibri', size: 22 } } } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: [summary.title, summary.dateText].filter(Boolean).join(' · '), size: 18, color: '555555' })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [`${text.page} `, PageNumber.CURRENT, ` ${text.of} `, PageNumber.TOTAL_PAGES], size: 18, color: '555555' })],
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

function sectionBody(summary: Summary, section: SummarySection, text: SummaryText): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const note = (value: string): void => {
    out.push(new Paragraph({ children: [new TextRun({ text: value, italics: true, color: '555555' })] }));
  };
  const heading = (value: string): void => {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(value)] }));
  };
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
      out.push(bullet([bold(`${text.facts.participants}:`), ...(facts.participants.length === 0 ? [new TextRun(` ${text.facts.noParticipants}`)] : [])]));
      for (const group of facts.participants) out.push(bullet([bold(`${group.label}: `), new TextRun(group.names.join(', '))], 1));
      break;
    }
    case 'mission': {
      const mission = summary.mission ?? '';
      if (mission.trim()) {
        out.push(
          new Paragraph({
            indent: { left: 360 },
            border: { left: { style: BorderStyle.SINGLE, size: 24, color: '2F5D8A', space: 10 } },
            shading: { type: ShadingType.CLEAR, fill: 'EEF3F8', color: 'auto' },
            children: lines(mission.trim(), { size: 28 }),
          }),
        );
      }
      else note(text.mission.none);
      break;
    }
    case 'lanes':
      for (const lane of summary.lanes ?? []) {
        heading(lane.name);
        for (const card of lane.cards) {
          const children: ParagraphChild[] = [];
          if (card.kind !== 'topic') children.push(new TextRun({ text: `${card.kindText}: `, italics: true }));
          children.push(new TextRun(card.title));
          if (card.lead !== null) children.push(new TextRun({ text: ` — ${text.lane.lead}: ${card.leadText}`, color: card.lead === 'unresolved' ? 'A03000' : '555555', bold: card.lead === 'unresolved' }));
          out.push(bullet(children));
        }
        if (lane.cards.length === 0 && lane.hiddenCaricatures === 0) note(text.lane.empty);
        if (lane.hiddenCaricatures > 0) note(text.lane.hiddenCaricatures(lane.hiddenCaricatures));
      }
      break;
    case 'seams': {
      const seams = summary.seams ?? [];
      if (seams.length === 0) note(text.seams.none);
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
      const caricatures = summary.caricatures;
      if (!caricatures) break;
      if (caricatures.hiddenCount > 0) note(text.caricatures.hidden(caricatures.hiddenCount));
      else if (caricatures.groups.length === 0) note(text.caricatures.none);
      for (const group of caricatures.groups) {
        heading(group.label);
        for (const entry of group.items) {
          const children: ParagraphChild[] = [bold(entry.title), new TextRun(` — ${entry.cleared ? text.caricatures.cleared : text.caricatures.notCleared}`)];
          if (entry.truth.trim()) children.push(new TextRun({ text: `${text.caricatures.truth}: `, bold: true, break: 1 }), ...lines(entry.truth));
          else children.push(new TextRun({ text: text.caricatures.noTruth, italics: true, break: 1 }));
          out.push(bullet(children));
        }
      }
      break;
    }
    case 'metrics': {
      const metrics = summary.metrics;
      if (!metrics) break;
      if (metrics.withNarrative.length + metrics.withoutNarrative.length === 0) {
        note(text.metrics.none);
        break;
      }
      heading(text.metrics.withNarrative);
      if (metrics.withNarrative.length === 0) note(text.metrics.none);
      for (const m of metrics.withNarrative) out.push(bullet([...metricHead(m, text), new TextRun({ text: `${text.metrics.narrative}: `, bold: true, break: 1 }), ...lines(m.narrative)]));
      heading(text.metrics.withoutNarrative);
      if (metrics.withoutNarrative.length === 0) note(text.metrics.allTold);
      for (const m of metrics.withoutNarrative) out.push(bullet([...metricHead(m, text), new TextRun({ text: text.metrics.noNarrative, bold: true, color: 'A03000', break: 1 })]));
      break;
    }
    case 'votes': {
      const votes = summary.votes;
      if (!votes) break;
      if (!votes.revealed) note(text.votes.hidden);
      else if (votes.ranking.length === 0) note(text.votes.none);
      else out.push(table([text.votes.rank, text.columns.title, text.columns.dots], votes.ranking.map((entry) => [String(entry.rank), entry.title, text.votes.dots(entry.dots)])));
      break;
    }
    case 'actions': {
      const actions = summary.actions ?? [];
      if (actions.length === 0) note(text.actions.none);
      else {
        const rows = actions.map((action) => [action.text, action.owner.trim() || text.actions.noOwner, action.dueText || text.actions.noDue, action.cardTitle, action.done ? text.actions.done : text.actions.open]);
        out.push(table([text.actions.action, text.actions.owner, text.actions.due, text.actions.card, ''], rows));
      }
      break;
    }
    case 'unresolved': {
      const unresolved = summary.unresolved ?? [];
      if (unresolved.length === 0) note(text.unresolved.none);
      for (const card of unresolved) out.push(bullet([new TextRun(card.title), new TextRun({ text: ` (${text.unresolved.lane}: ${card.laneName})`, color: '555555' })]));
      break;
    }
    case 'moves': {
      const moves = summary.moves ?? [];
      if (moves.length === 0) note(text.moves.none);
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

function table(head: readonly string[], rows: readonly (readonly string[])[]): Table {
  const row = (cells: readonly string[], header: boolean): TableRow =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((cell) => new TableCell({ children: [new Paragraph({ children: header ? [bold(cell)] : lines(cell) })] })),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(head, true), ...rows.map((cells) => row(cells, false))] });
}
