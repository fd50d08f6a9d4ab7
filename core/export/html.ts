/**
 * The summary as one self-contained HTML file: no scripts, no external resources (fonts, images,
 * style sheets), its styles in one <style> element. Pure: a string. The same HTML is what the app
 * prints to PDF (A4 page rules are in the style sheet).
 *
 * Every text from the session goes through `escapeHtml`, so `<script>` in a card title is shown,
 * never run. As a second line of defence the file carries a Content-Security-Policy that allows
 * nothing but its own inline styles: even markup that slipped through could not load or run anything.
 */
import type { MetricItem, Summary } from '../summary';
import { summaryText, type SummarySection, type SummaryText } from '../summary-text';

/** The policy the exported file declares for itself. */
export const summaryHtmlPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const styles = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 50rem; padding: 2rem 1.5rem 3rem; font: 11pt/1.5 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1c1c1e; background: #fff; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 2px solid #2f5d8a; color: #1f3f5e; break-after: avoid; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; break-after: avoid; overflow-wrap: anywhere; }
p, li, dd, td, blockquote { overflow-wrap: anywhere; }
.subtitle { margin: 0; color: #555; }
.multiline { white-space: pre-line; }
.muted { color: #555; font-style: italic; }
.kind { font-size: 0.85em; font-weight: 600; text-transform: uppercase; letter-spacing: 0.03em; color: #555; }
.lead { color: #555; }
.lead--unresolved { color: #a03000; font-weight: 600; }
.flag { color: #a03000; font-weight: 600; }
.ok { color: #2a6b2a; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
blockquote.mission { margin: 0; padding: 0.8rem 1.2rem; border-left: 5px solid #2f5d8a; background: #eef3f8; font-size: 1.25rem; line-height: 1.45; }
ul { padding-left: 1.4rem; margin: 0.3rem 0; }
li { margin: 0.2rem 0; break-inside: avoid; }
.detail { display: block; }
.detail-label { font-weight: 600; }
table { width: 100%; border-collapse: collapse; margin: 0.4rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ccc; }
th { border-bottom: 2px solid #888; }
tr { break-inside: avoid; }
@page { size: A4; margin: 18mm 16mm; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; } }
`;

/**
 * The start of every page the exports write, up to the opened <body>: the language, the
 * locked-down policy (summaryHtmlPolicy), any further head lines, the title and the styles.
 */
export function htmlDocumentStart(language: string, title: string, styles: string, moreHead: readonly string[] = []): string[] {
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(summaryHtmlPolicy)}">`,
    ...moreHead,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${styles}</style>`,
    '</head>',
    '<body>',
  ];
}

export function renderHtml(summary: Summary): string {
  const text = summaryText(summary.language);
  const subtitle = [text.summary, summary.dateText].filter(Boolean).join(' · ');
  const sections = summary.sections.map((section) => `<section class="section-${section}">\n<h2>${escapeHtml(text.sections[section])}</h2>\n${sectionBody(summary, section, text)}</section>`);
  return [
    ...htmlDocumentStart(summary.language, `${summary.title} — ${text.summary}`, styles, ['<meta name="viewport" content="width=device-width, initial-scale=1">']),
    '<header>',
    `<h1>${escapeHtml(summary.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(subtitle)}</p>`,
    '</header>',
    '<main>',
    ...sections,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function sectionBody(summary: Summary, section: SummarySection, text: SummaryText): string {
  const out: string[] = [];
  const note = (value: string, className = 'muted'): void => {
    out.push(`<p class="${className}">${escapeHtml(value)}</p>`);
  };
  switch (section) {
    case 'facts': {
      const facts = summary.facts;
      if (!facts) break;
      out.push('<dl class="facts">');
      const field = (label: string, value: string): void => {
        if (value.trim()) out.push(`<dt>${escapeHtml(label)}</dt><dd class="multiline">${escapeHtml(value)}</dd>`);
      };
      field(text.facts.client, facts.client);
      field(text.facts.date, facts.dateText);
      field(text.facts.place, facts.place);
      field(text.facts.facilitator, facts.facilitator);
      out.push(`<dt>${escapeHtml(text.facts.participants)}</dt><dd>`);
      if (facts.participants.length === 0) out.push(escapeHtml(text.facts.noParticipants));
      else {
        out.push('<ul>');
        for (const group of facts.participants) out.push(`<li><span class="detail-label">${escapeHtml(group.label)}:</span> ${escapeHtml(group.names.join(', '))}</li>`);
        out.push('</ul>');
      }
      out.push('</dd>', '</dl>');
      break;
    }
    case 'mission': {
      const mission = summary.mission ?? '';
      if (mission.trim()) out.push(`<blockquote class="mission multiline">${escapeHtml(mission.trim())}</blockquote>`);
      else note(text.mission.none);
      break;
    }
    case 'lanes':
      for (const lane of summary.lanes ?? []) {
        out.push(`<h3>${escapeHtml(lane.name)}</h3>`);
        if (lane.cards.length > 0) {
          out.push('<ul>');
          for (const card of lane.cards) {
            const kind = card.kind === 'topic' ? '' : `<span class="kind">${escapeHtml(card.kindText)}</span> `;
            const leadClass = card.lead === 'unresolved' ? 'lead lead--unresolved' : 'lead';
            const lead = card.lead === null ? '' : ` <span class="${leadClass}">— ${escapeHtml(text.lane.lead)}: ${escapeHtml(card.leadText)}</span>`;
            out.push(`<li>${kind}${escapeHtml(card.title)}${lead}</li>`);
          }
          out.push('</ul>');
        } else if (lane.hiddenCaricatures === 0) note(text.lane.empty);
        if (lane.hiddenCaricatures > 0) note(text.lane.hiddenCaricatures(lane.hiddenCaricatures));
      }
      break;
    case 'seams': {
      const seams = summary.seams ?? [];
      if (seams.length === 0) note(text.seams.none);
      for (const seam of seams) {
        out.push(`<h3>${escapeHtml(seam.title)}</h3>`);
        if (!seam.agreed) note(text.seams.notAgreed, 'flag');
        const parts = [
          [text.seams.who, seam.who],
          [text.seams.cadence, seam.cadence],
          [text.seams.decisions, seam.decisions],
        ].filter(([, value]) => value?.trim());
        if (parts.length > 0) {
          out.push('<ul>');
          for (const [label = '', value = ''] of parts) out.push(`<li><span class="detail-label">${escapeHtml(label)}:</span> <span class="multiline">${escapeHtml(value)}</span></li>`);
          out.push('</ul>');
        }
      }
      break;
    }
    case 'caricatures': {
      const caricatures = summary.caricatures;
      if (!caricatures) break;
      if (caricatures.hiddenCount > 0) note(text.caricatures.hidden(caricatures.hiddenCount));
      else if (caricatures.groups.length === 0) note(text.caricatures.none);
      for (const group of caricatures.groups) {
        out.push(`<h3>${escapeHtml(group.label)}</h3>`, '<ul>');
        for (const entry of group.items) {
          const state = entry.cleared ? `<span class="ok">${escapeHtml(text.caricatures.cleared)}</span>` : `<span class="flag">${escapeHtml(text.caricatures.notCleared)}</span>`;
          const truth = entry.truth.trim()
            ? `<span class="detail"><span class="detail-label">${escapeHtml(text.caricatures.truth)}:</span> <span class="multiline">${escapeHtml(entry.truth)}</span></span>`
            : `<span class="detail muted">${escapeHtml(text.caricatures.noTruth)}</span>`;
          out.push(`<li><strong>${escapeHtml(entry.title)}</strong> — ${state}${truth}</li>`);
        }
        out.push('</ul>');
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
      out.push(`<h3>${escapeHtml(text.metrics.withNarrative)}</h3>`);
      if (metrics.withNarrative.length === 0) note(text.metrics.none);
      else out.push('<ul>', ...metrics.withNarrative.map((m) => metricItem(m, text, true)), '</ul>');
      out.push(`<h3>${escapeHtml(text.metrics.withoutNarrative)}</h3>`);
      if (metrics.withoutNarrative.length === 0) note(text.metrics.allTold);
      else out.push('<ul>', ...metrics.withoutNarrative.map((m) => metricItem(m, text, false)), '</ul>');
      break;
    }
    case 'votes': {
      const votes = summary.votes;
      if (!votes) break;
      if (!votes.revealed) note(text.votes.hidden);
      else if (votes.ranking.length === 0) note(text.votes.none);
      else {
        out.push('<table>', `<thead><tr><th scope="col">${escapeHtml(text.votes.rank)}</th><th scope="col">${escapeHtml(text.columns.title)}</th><th scope="col">${escapeHtml(text.columns.dots)}</th></tr></thead>`, '<tbody>');
        for (const entry of votes.ranking) out.push(`<tr><td>${entry.rank}</td><td>${escapeHtml(entry.title)}</td><td>${escapeHtml(text.votes.dots(entry.dots))}</td></tr>`);
        out.push('</tbody>', '</table>');
      }
      break;
    }
    case 'actions': {
      const actions = summary.actions ?? [];
      if (actions.length === 0) {
        note(text.actions.none);
        break;
      }
      const head = [text.actions.action, text.actions.owner, text.actions.due, text.actions.card, ''].map((label) => `<th scope="col">${escapeHtml(label)}</th>`).join('');
      out.push('<table>', `<thead><tr>${head}</tr></thead>`, '<tbody>');
      for (const action of actions) {
        out.push(
          `<tr><td>${escapeHtml(action.text)}</td><td>${escapeHtml(action.owner.trim() || text.actions.noOwner)}</td><td>${escapeHtml(action.dueText || text.actions.noDue)}</td><td>${escapeHtml(action.cardTitle)}</td><td>${escapeHtml(action.done ? text.actions.done : text.actions.open)}</td></tr>`,
        );
      }
      out.push('</tbody>', '</table>');
      break;
    }
    case 'unresolved': {
      const unresolved = summary.unresolved ?? [];
      if (unresolved.length === 0) note(text.unresolved.none);
      else {
        out.push('<ul>');
        for (const card of unresolved) out.push(`<li>${escapeHtml(card.title)} <span class="lead">(${escapeHtml(text.unresolved.lane)}: ${escapeHtml(card.laneName)})</span></li>`);
        out.push('</ul>');
      }
      break;
    }
    case 'moves': {
      const moves = summary.moves ?? [];
      if (moves.length === 0) note(text.moves.none);
      else {
        out.push('<ul>');
        for (const move of moves) {
          const reason = move.reason.trim()
            ? `<span class="detail"><span class="detail-label">${escapeHtml(text.moves.reason)}:</span> <span class="multiline">${escapeHtml(move.reason)}</span></span>`
            : `<span class="detail muted">${escapeHtml(text.moves.noReason)}</span>`;
          out.push(`<li>${escapeHtml(move.atText)} — <strong>${escapeHtml(move.cardTitle)}</strong>: ${escapeHtml(move.from)} → ${escapeHtml(move.to)}${reason}</li>`);
        }
        out.push('</ul>');
      }
      break;
    }
  }
  return out.map((line) => `${line}\n`).join('');
}

function metricItem(metric: MetricItem, text: SummaryText, told: boolean): string {
  const parts = [`<strong>${escapeHtml(metric.title)}</strong>`];
  if (metric.figure) parts.push(escapeHtml(metric.figure));
  if (metric.ownerText) parts.push(`${escapeHtml(text.metrics.owner)}: ${escapeHtml(metric.ownerText)}`);
  const story = told
    ? `<span class="detail"><span class="detail-label">${escapeHtml(text.metrics.narrative)}:</span> <span class="multiline">${escapeHtml(metric.narrative)}</span></span>`
    : `<span class="detail flag">${escapeHtml(text.metrics.noNarrative)}</span>`;
  return `<li>${parts.join(' — ')}${story}</li>`;
}

/** Text as HTML text or attribute value: the five characters with a meaning in markup as references. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c);
}

const htmlEntities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
