/**
 * The summary as Markdown (CommonMark; task list boxes as GitHub shows them). Pure: a string.
 *
 * Every text from the session is escaped so it shows as written and never becomes markup: a card
 * titled `<script>` or `**bold**` reads exactly like that. Inline, the characters that can start
 * markup anywhere (\ ` * _ [ ] < & | ~ #) get a backslash; at the start of a line also those that
 * open a block there (> - + = and "1." lists). Multi-line text keeps its lines as hard line breaks;
 * blank lines and leading spaces inside a text are dropped, since they would end the list item or
 * start a code block.
 */
import type { Summary } from '../summary';
import { summaryText, type SummarySection, type SummaryText } from '../summary-text';

export function renderMarkdown(summary: Summary): string {
  const text = summaryText(summary.language);
  const out: string[] = [`# ${inline(summary.title)}`, ''];
  out.push(paragraph([text.summary, summary.dateText].filter(Boolean).join(' · ')), '');
  for (const section of summary.sections) {
    out.push(`## ${inline(text.sections[section])}`, '');
    out.push(...sectionBody(summary, section, text));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function sectionBody(summary: Summary, section: SummarySection, text: SummaryText): string[] {
  const out: string[] = [];
  switch (section) {
    case 'facts': {
      const facts = summary.facts;
      if (!facts) break;
      const field = (label: string, value: string): void => {
        if (value.trim()) out.push(item(`**${inline(label)}:** ${block(value, '  ')}`));
      };
      field(text.facts.client, facts.client);
      field(text.facts.date, facts.dateText);
      field(text.facts.place, facts.place);
      field(text.facts.facilitator, facts.facilitator);
      out.push(item(`**${inline(text.facts.participants)}:**${facts.participants.length === 0 ? ` ${inline(text.facts.noParticipants)}` : ''}`));
      for (const group of facts.participants) out.push(`  ${item(`${inline(group.label)}: ${group.names.map(inline).join(', ')}`)}`);
      out.push('');
      break;
    }
    case 'mission': {
      const mission = summary.mission ?? '';
      out.push(mission.trim() ? lines(mission).map((line, i, all) => `> ${line}${i < all.length - 1 ? '\\' : ''}`).join('\n') : paragraph(text.mission.none), '');
      break;
    }
    case 'lanes':
      for (const lane of summary.lanes ?? []) {
        out.push(`### ${inline(lane.name)}`, '');
        for (const card of lane.cards) {
          const kind = card.kind === 'topic' ? '' : `*${inline(card.kindText)}:* `;
          const lead = card.lead === null ? '' : ` — ${inline(text.lane.lead)}: ${inline(card.leadText)}`;
          out.push(item(`${kind}${inline(card.title)}${lead}`));
        }
        if (lane.cards.length === 0 && lane.hiddenCaricatures === 0) out.push(paragraph(text.lane.empty));
        out.push('');
        if (lane.hiddenCaricatures > 0) out.push(paragraph(text.lane.hiddenCaricatures(lane.hiddenCaricatures)), '');
      }
      break;
    case 'seams': {
      const seams = summary.seams ?? [];
      if (seams.length === 0) out.push(paragraph(text.seams.none), '');
      for (const seam of seams) {
        out.push(`### ${inline(seam.title)}`, '');
        if (!seam.agreed) out.push(paragraph(text.seams.notAgreed));
        if (seam.who.trim()) out.push(item(`**${inline(text.seams.who)}:** ${block(seam.who, '  ')}`));
        if (seam.cadence.trim()) out.push(item(`**${inline(text.seams.cadence)}:** ${block(seam.cadence, '  ')}`));
        if (seam.decisions.trim()) out.push(item(`**${inline(text.seams.decisions)}:** ${block(seam.decisions, '  ')}`));
        out.push('');
      }
      break;
    }
    case 'caricatures': {
      const caricatures = summary.caricatures;
      if (!caricatures) break;
      if (caricatures.hiddenCount > 0) out.push(paragraph(text.caricatures.hidden(caricatures.hiddenCount)), '');
      else if (caricatures.groups.length === 0) out.push(paragraph(text.caricatures.none), '');
      for (const group of caricatures.groups) {
        out.push(`### ${inline(group.label)}`, '');
        for (const entry of group.items) {
          const state = entry.cleared ? text.caricatures.cleared : text.caricatures.notCleared;
          const truth = entry.truth.trim() ? `${inline(text.caricatures.truth)}: ${block(entry.truth, '  ')}` : inline(text.caricatures.noTruth);
          out.push(item(`**${inline(entry.title)}** — ${inline(state)}\\\n  ${truth}`));
        }
        out.push('');
      }
      break;
    }
    case 'metrics': {
      const metrics = summary.metrics;
      if (!metrics) break;
      if (metrics.withNarrative.length + metrics.withoutNarrative.length === 0) {
        out.push(paragraph(text.metrics.none), '');
        break;
      }
      const metricLine = (m: (typeof metrics.withNarrative)[number]): string =>
        [`**${inline(m.title)}**`, m.figure && inline(m.figure), m.ownerText && `${inline(text.metrics.owner)}: ${inline(m.ownerText)}`].filter(Boolean).join(' — ');
      out.push(`### ${inline(text.metrics.withNarrative)}`, '');
      for (const m of metrics.withNarrative) out.push(item(`${metricLine(m)}\\\n  ${inline(text.metrics.narrative)}: ${block(m.narrative, '  ')}`));
      if (metrics.withNarrative.length === 0) out.push(paragraph(text.metrics.none));
      out.push('', `### ${inline(text.metrics.withoutNarrative)}`, '');
      for (const m of metrics.withoutNarrative) out.push(item(`${metricLine(m)}\\\n  ${inline(text.metrics.noNarrative)}`));
      if (metrics.withoutNarrative.length === 0) out.push(paragraph(text.metrics.allTold));
      out.push('');
      break;
    }
    case 'votes': {
      const votes = summary.votes;
      if (!votes) break;
      if (!votes.revealed) out.push(paragraph(text.votes.hidden), '');
      else if (votes.ranking.length === 0) out.push(paragraph(text.votes.none), '');
      for (const entry of votes.ranking) out.push(item(`${inline(text.votes.rank)} ${entry.rank}: **${inline(entry.title)}** — ${inline(text.votes.dots(entry.dots))}`));
      out.push('');
      break;
    }
    case 'actions': {
      const actions = summary.actions ?? [];
      if (actions.length === 0) out.push(paragraph(text.actions.none));
      for (const action of actions) {
        const details = [
          `${inline(text.actions.owner)}: ${inline(action.owner.trim() || text.actions.noOwner)}`,
          `${inline(text.actions.due)}: ${inline(action.dueText || text.actions.noDue)}`,
          `${inline(text.actions.card)}: ${inline(action.cardTitle)}`,
        ];
        out.push(item(`[${action.done ? 'x' : ' '}] ${inline(action.text)} — ${details.join(' — ')}`));
      }
      out.push('');
      break;
    }
    case 'unresolved': {
      const unresolved = summary.unresolved ?? [];
      if (unresolved.length === 0) out.push(paragraph(text.unresolved.none));
      for (const card of unresolved) out.push(item(`${inline(card.title)} (${inline(text.unresolved.lane)}: ${inline(card.laneName)})`));
      out.push('');
      break;
    }
    case 'moves': {
      const moves = summary.moves ?? [];
      if (moves.length === 0) out.push(paragraph(text.moves.none));
      for (const move of moves) {
        const reason = move.reason.trim() ? `${inline(text.moves.reason)}: ${block(move.reason, '  ')}` : inline(text.moves.noReason);
        out.push(item(`${inline(move.atText)} — **${inline(move.cardTitle)}**: ${inline(move.from)} → ${inline(move.to)} — ${reason}`));
      }
      out.push('');
      break;
    }
  }
  return out;
}

/** A list item; its text starts a block, so a leading "1." or "-" in it must not open another list. */
function item(content: string): string {
  // Leading spaces after the marker would turn the item into a code block.
  return `- ${lineStart(content.trimStart())}`;
}

/** Multi-line text inside a list item: its lines as hard breaks, continuation lines indented. */
function block(value: string, indent: string): string {
  return lines(value, false).join(`\\\n${indent}`);
}

/**
 * The non-blank lines of a text, each trimmed and escaped; every line but the first also for the
 * start of a line, and the first too when it starts one itself (`firstStartsLine`).
 */
function lines(value: string, firstStartsLine = true): string[] {
  const result = value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line, index) => (index > 0 || firstStartsLine ? lineStart(inline(line)) : inline(line)));
  return result.length > 0 ? result : [''];
}

/** Escapes what opens a block at the start of a line: quote, list or heading underline markers, "1." lists. */
function lineStart(escaped: string): string {
  return escaped.replace(/^([>+=-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/**
 * One line of text as Markdown that shows exactly that text: the characters that can start inline
 * markup, HTML or an entity anywhere are backslash-escaped; line breaks become spaces.
 */
function inline(value: string): string {
  return value.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_[\]<&|~#]/g, '\\$&');
}

/** A paragraph of its own: inline text that also starts a block. */
function paragraph(value: string): string {
  return lineStart(inline(value.trimStart()));
}
