/**
 * The summary as Markdown (CommonMark), every session text escaped so it shows as written.
 * Escaping rules and layout: docs/summaries.md#the-formats.
 */
import type { RankedItem, Summary } from '../summary';
import { summaryText, type SummarySection, type SummaryText } from '../summary-text';
import { emptyNote } from './empty-note';

export function renderMarkdown(summary: Summary): string {
  const text = summaryText(summary.language);
  const out: string[] = [`# ${inline(summary.title)}`, ''];
  out.push(paragraph([text.summary, summary.dateText].filter(Boolean).join(' · ')), '');
  for (const section of summary.sections) {
    // The picture of the board needs a file of its own: Markdown has no place for it.
    if (section === 'board') continue;
    if (section === 'moves') out.push(...rankingAppendix(summary, text));
    out.push(`## ${inline(text.sections[section])}`, '');
    out.push(...sectionBody(summary, section, text));
  }
  if (!summary.sections.includes('moves')) out.push(...rankingAppendix(summary, text));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function sectionBody(summary: Summary, section: SummarySection, text: SummaryText): string[] {
  const out: string[] = [];
  const empty = emptyNote(summary, section, text);
  if (empty) out.push(paragraph(empty), '');
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
      field(text.facts.exported, summary.exportedText);
      out.push('');
      break;
    }
    case 'glance': {
      const glance = summary.glance;
      if (!glance) break;
      const mission = summary.mission ?? '';
      out.push(`### ${inline(text.mission.label)}`, '');
      out.push(
        mission.trim()
          ? lines(mission)
              .map((line, i, all) => `> ${line}${i < all.length - 1 ? '\\' : ''}`)
              .join('\n')
          : paragraph(text.mission.none),
        '',
      );
      out.push(paragraph(text.glance.counts(glance.counts)), '');
      if (glance.top.length > 0) {
        out.push(`### ${inline(text.glance.top)}`, '');
        for (const entry of glance.top) out.push(item(`**${inline(entry.title)}** — ${inline(text.votes.dots(entry.dots))}`));
        out.push('');
      }
      out.push(`### ${inline(text.glance.unresolved)}`, '');
      if (glance.unresolved.length === 0) out.push(paragraph(text.glance.noUnresolved));
      for (const card of glance.unresolved) out.push(item(`${inline(card.title)} (${inline(card.laneName)})`));
      out.push('', `### ${inline(text.glance.nextActions)}`, '');
      if (glance.nextActions.length === 0) out.push(paragraph(text.glance.noNextActions));
      for (const action of glance.nextActions) {
        const who = [action.owner.trim(), action.dueText].filter(Boolean).map(inline).join(', ');
        out.push(item(`${inline(action.text)}${who ? ` — ${who}` : ''}`));
      }
      out.push('');
      break;
    }
    case 'board':
      break;
    case 'lanes':
      for (const lane of summary.lanes ?? []) {
        out.push(`### ${inline(lane.name)}`, '');
        for (const card of lane.cards) {
          const kind = card.kind === 'topic' ? '' : `*${inline(card.kindText)}:* `;
          const lead = card.showLead ? ` — ${inline(text.lane.lead)}: ${inline(card.leadText)}` : '';
          const dots = card.dots ? ` (${inline(text.votes.dots(card.dots))})` : '';
          const details = [
            card.why.trim() && `\\\n  ${inline(text.card.why)}: ${block(card.why, '  ')}`,
            card.notes.trim() && `\\\n  ${inline(text.card.notes)}: ${block(card.notes, '  ')}`,
            card.tags.length > 0 && `\\\n  ${inline(text.card.tags)}: ${card.tags.map(inline).join(', ')}`,
          ].filter(Boolean);
          out.push(item(`${kind}${inline(card.title)}${lead}${dots}${details.join('')}`));
        }
        if (lane.cards.length === 0 && lane.hiddenCaricatures === 0) out.push(paragraph(text.lane.empty));
        out.push('');
        if (lane.hiddenCaricatures > 0) out.push(paragraph(text.lane.hiddenCaricatures(lane.hiddenCaricatures)), '');
      }
      break;
    case 'seams': {
      const seams = summary.seams ?? [];
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
      for (const group of summary.caricatures?.groups ?? []) {
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
      if (!metrics || empty) break;
      const metricLine = (m: (typeof metrics.withNarrative)[number]): string =>
        [`**${inline(m.title)}**`, m.figure && inline(m.figure), m.ownerText && `${inline(text.metrics.owner)}: ${inline(m.ownerText)}`]
          .filter(Boolean)
          .join(' — ');
      out.push(`### ${inline(text.metrics.withNarrative)}`, '');
      for (const m of metrics.withNarrative) out.push(item(`${metricLine(m)}\\\n  ${inline(text.metrics.narrative)}: ${block(m.narrative, '  ')}`));
      if (metrics.withNarrative.length === 0) out.push(paragraph(text.metrics.none));
      out.push('', `### ${inline(text.metrics.withoutNarrative)}`, '');
      for (const m of metrics.withoutNarrative) out.push(item(`${metricLine(m)}\\\n  ${inline(text.metrics.noNarrative)}`));
      if (metrics.withoutNarrative.length === 0) out.push(paragraph(text.metrics.allTold));
      out.push('');
      break;
    }
    case 'votes':
      for (const entry of summary.votes?.ranking ?? []) out.push(rankLine(entry, text));
      out.push('');
      break;
    case 'agenda': {
      const agenda = summary.agenda ?? [];
      for (const block of agenda) out.push(item(`${inline(block.title)} — ${inline(block.minutesText)} — ${inline(block.stateText)}`));
      out.push('');
      break;
    }
    case 'actions': {
      const actions = summary.actions ?? [];
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
    case 'moves': {
      const moves = summary.moves ?? [];
      for (const move of moves) {
        const reason = move.reason.trim() ? `${inline(text.moves.reason)}: ${block(move.reason, '  ')}` : inline(text.moves.noReason);
        out.push(item(`**${inline(move.cardTitle)}**: ${inline(move.from)} → ${inline(move.to)} (${inline(move.atText)}) — ${reason}`));
      }
      out.push('');
      break;
    }
  }
  return out;
}

function rankLine(entry: RankedItem, text: SummaryText): string {
  return item(`${inline(text.votes.rank)} ${entry.rank}: **${inline(entry.title)}** — ${inline(text.votes.dots(entry.dots))}`);
}

/** The ranking's places after the top ones: an appendix. */
function rankingAppendix(summary: Summary, text: SummaryText): string[] {
  const rest = summary.votes?.rest ?? [];
  if (rest.length === 0) return [];
  return [`## ${inline(text.appendix.ranking)}`, '', ...rest.map((entry) => rankLine(entry, text)), ''];
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
  return escaped.replace(/^([>+=#-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/**
 * One line of text as Markdown that shows exactly that text: the characters that can start inline
 * markup, HTML or an entity anywhere are backslash-escaped; line breaks become spaces.
 */
function inline(value: string): string {
  return value.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_[\]~]|<(?=[A-Za-z/!?])|&(?=#?[A-Za-z0-9]+;)|#(?=\s*$)/g, '\\$&');
}

/** A paragraph of its own: inline text that also starts a block. */
function paragraph(value: string): string {
  return lineStart(inline(value.trimStart()));
}
