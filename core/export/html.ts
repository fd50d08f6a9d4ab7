/**
 * The summary as one self-contained HTML file (also what the app prints to PDF); no script, no
 * external resource, every text escaped, a CSP meta as second defence: docs/summaries.md#the-formats.
 */
import type { MetricItem, RankedItem, Summary } from '../summary';
import { summaryText, type SummarySection, type SummaryText } from '../summary-text';
import { emptyNote } from './empty-note';

/** The policy the exported file declares for itself: its inline styles and its own embedded board picture. */
export const summaryHtmlPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** What a summary embeds that only main can make: the board picture (PNG), printed by Chromium. */
export interface SummaryAssets {
  readonly boardPng?: Uint8Array;
}

const styles = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 50rem; padding: 2rem 1.5rem 3rem; font: 11pt/1.5 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1c1c1e; background: #fff; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 0.25rem; overflow-wrap: break-word; color: #1f3f5e; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 2px solid #2f5d8a; color: #1f3f5e; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; break-after: avoid; page-break-after: avoid; overflow-wrap: break-word; }
h2 + *, h3 + * { break-before: avoid; page-break-before: avoid; }
p, li, dd, td, th, blockquote { overflow-wrap: break-word; }
.cover { padding: 1rem 0 0.5rem; border-bottom: 4px solid #2f5d8a; margin-bottom: 1rem; }
.subtitle { margin: 0 0 1rem; color: #555; font-size: 1.1rem; }
.multiline { white-space: pre-line; }
.muted { color: #555; font-style: italic; }
.kind { font-size: 0.85em; font-weight: 600; text-transform: uppercase; letter-spacing: 0.03em; color: #555; }
.lead { color: #555; }
.lead--unresolved { color: #a03000; font-weight: 600; }
.flag { color: #a03000; font-weight: 600; }
.ok { color: #2a6b2a; font-weight: 600; }
.nowrap { white-space: nowrap; }
.counts { font-size: 1.05rem; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
blockquote.mission { margin: 0.4rem 0 0.8rem; padding: 0.8rem 1.2rem; border-left: 5px solid #2f5d8a; background: #eef3f8; font-size: 1.25rem; line-height: 1.45; break-inside: avoid; }
ul, ol { padding-left: 1.4rem; margin: 0.3rem 0; }
li { margin: 0.2rem 0; break-inside: avoid; }
.detail { display: block; }
.detail-label { font-weight: 600; }
.card-details { display: block; color: #333; font-size: 0.95em; }
figure.board { margin: 0.4rem 0; }
figure.board img { display: block; max-width: 100%; height: auto; border: 1px solid #ccc; }
table { width: 100%; border-collapse: collapse; margin: 0.4rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ccc; }
th { border-bottom: 2px solid #888; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
${Array.from({ length: 66 }, (_, i) => `col.w${i + 5} { width: ${i + 5}%; }`).join('\n')}
@page { size: A4; margin: 18mm 16mm; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; } }
@media (max-width: 600px) {
  body { padding: 1rem 0.9rem 2rem; }
  h1 { font-size: 1.5rem; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: auto; }
  table.stack colgroup, table.stack thead { display: none; }
  table.stack tr { padding: 0.4rem 0; border-bottom: 1px solid #ccc; }
  table.stack td { border: 0; padding: 0.1rem 0; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
}
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

export function renderHtml(summary: Summary, assets: SummaryAssets = {}): string {
  const text = summaryText(summary.language);
  const subtitle = [text.summary, summary.dateText].filter(Boolean).join(' · ');
  const sections = summary.sections.flatMap((section) => {
    if (section === 'facts') return [];
    if (section === 'board' && !assets.boardPng) return [];
    const body = `<section class="section-${section}">\n<h2>${escapeHtml(text.sections[section])}</h2>\n${sectionBody(summary, section, text, assets)}</section>`;
    // The ranking's further places are an appendix: after the agenda, before the moves log.
    return section === 'moves' ? [rankingAppendix(summary, text), body] : [body];
  });
  if (!summary.sections.includes('moves')) sections.push(rankingAppendix(summary, text));
  return [
    ...htmlDocumentStart(summary.language, `${summary.title} — ${text.summary}`, styles, [
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ]),
    '<header class="cover">',
    `<h1>${escapeHtml(summary.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(subtitle)}</p>`,
    summary.facts ? factsList(summary, text) : '',
    '</header>',
    '<main>',
    ...sections.filter(Boolean),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The cover's facts: client, day, place, facilitator, participants, the day of the export. */
function factsList(summary: Summary, text: SummaryText): string {
  const facts = summary.facts;
  if (!facts) return '';
  const out = ['<dl class="facts">'];
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
    for (const group of facts.participants)
      out.push(`<li><span class="detail-label">${escapeHtml(group.label)}:</span> ${escapeHtml(group.names.join(', '))}</li>`);
    out.push('</ul>');
  }
  out.push('</dd>');
  field(text.facts.exported, summary.exportedText);
  out.push('</dl>');
  return out.join('\n');
}

/**
 * A table with column widths (percent, as the browser's preference), labelled headers, and cells
 * that wrap only between words. The layout stays automatic on purpose: a column is never narrower
 * than its longest word (with `overflow-wrap: break-word` that word does not count as breakable,
 * unlike `anywhere`), so "offen" or a long German compound is never cut into pieces.
 */
function table(
  className: string,
  columns: readonly { readonly label: string; readonly width: number; readonly nowrap?: boolean }[],
  rows: readonly (readonly string[])[],
): string {
  const out = [`<table class="${className} stack">`, `<colgroup>${columns.map((column) => `<col class="w${column.width}">`).join('')}</colgroup>`];
  out.push(`<thead><tr>${columns.map((column) => `<th scope="col">${escapeHtml(column.label)}</th>`).join('')}</tr></thead>`, '<tbody>');
  for (const row of rows) {
    const cells = row.map((cell, index) => {
      const column = columns[index];
      const nowrap = column?.nowrap ? ' class="nowrap"' : '';
      return `<td${nowrap} data-label="${escapeHtml(column?.label ?? '')}">${cell}</td>`;
    });
    out.push(`<tr>${cells.join('')}</tr>`);
  }
  out.push('</tbody>', '</table>');
  return out.join('\n');
}

function rankingAppendix(summary: Summary, text: SummaryText): string {
  const rest = summary.votes?.rest ?? [];
  if (rest.length === 0) return '';
  return `<section class="section-ranking-appendix">\n<h2>${escapeHtml(text.appendix.ranking)}</h2>\n${rankingTable(rest, text)}\n</section>`;
}

function rankingTable(ranking: readonly RankedItem[], text: SummaryText): string {
  return table(
    'ranking',
    [
      { label: text.votes.rank, width: 12 },
      { label: text.columns.title, width: 58 },
      { label: text.columns.lane, width: 15 },
      { label: text.columns.dots, width: 15, nowrap: true },
    ],
    ranking.map((entry) => [String(entry.rank), escapeHtml(entry.title), escapeHtml(entry.laneName), escapeHtml(text.votes.dots(entry.dots))]),
  );
}

function sectionBody(summary: Summary, section: SummarySection, text: SummaryText, assets: SummaryAssets): string {
  const out: string[] = [];
  const note = (value: string, className = 'muted'): void => {
    out.push(`<p class="${className}">${escapeHtml(value)}</p>`);
  };
  const empty = emptyNote(summary, section, text);
  if (empty) note(empty);
  switch (section) {
    case 'facts':
      out.push(factsList(summary, text));
      break;
    case 'glance': {
      const glance = summary.glance;
      if (!glance) break;
      const mission = (summary.mission ?? '').trim();
      out.push(`<h3>${escapeHtml(text.mission.label)}</h3>`);
      if (mission) out.push(`<blockquote class="mission multiline">${escapeHtml(mission)}</blockquote>`);
      else note(text.mission.none);
      out.push(`<p class="counts">${escapeHtml(text.glance.counts(glance.counts))}</p>`);
      if (glance.top.length > 0) {
        out.push(`<h3>${escapeHtml(text.glance.top)}</h3>`, '<ol>');
        for (const entry of glance.top)
          out.push(
            `<li value="${entry.rank}">${escapeHtml(entry.title)} <span class="lead">(${escapeHtml(text.votes.dots(entry.dots))})</span></li>`,
          );
        out.push('</ol>');
      }
      out.push(`<h3>${escapeHtml(text.glance.unresolved)}</h3>`);
      if (glance.unresolved.length === 0) note(text.glance.noUnresolved);
      else {
        out.push('<ul>');
        for (const card of glance.unresolved)
          out.push(`<li><span class="flag">${escapeHtml(card.title)}</span> <span class="lead">(${escapeHtml(card.laneName)})</span></li>`);
        out.push('</ul>');
      }
      out.push(`<h3>${escapeHtml(text.glance.nextActions)}</h3>`);
      if (glance.nextActions.length === 0) note(text.glance.noNextActions);
      else {
        out.push('<ul>');
        for (const action of glance.nextActions) {
          const who = [action.owner.trim(), action.dueText].filter(Boolean).join(', ');
          out.push(`<li>${escapeHtml(action.text)}${who ? ` <span class="lead nowrap">— ${escapeHtml(who)}</span>` : ''}</li>`);
        }
        out.push('</ul>');
      }
      break;
    }
    case 'board':
      if (assets.boardPng)
        out.push(
          `<figure class="board"><img src="data:image/png;base64,${base64(assets.boardPng)}" alt="${escapeHtml(text.boardPicture.alt)}"></figure>`,
        );
      break;
    case 'lanes':
      for (const lane of summary.lanes ?? []) {
        out.push(`<h3>${escapeHtml(lane.name)}</h3>`);
        if (lane.cards.length > 0) {
          out.push('<ul>');
          for (const card of lane.cards) {
            const kind = card.kind === 'topic' ? '' : `<span class="kind">${escapeHtml(card.kindText)}</span> `;
            const leadClass = card.lead === 'unresolved' ? 'lead lead--unresolved' : 'lead';
            const lead = card.showLead ? ` <span class="${leadClass}">— ${escapeHtml(text.lane.lead)}: ${escapeHtml(card.leadText)}</span>` : '';
            const dots = card.dots ? ` <span class="lead nowrap">(${escapeHtml(text.votes.dots(card.dots))})</span>` : '';
            const details = [
              card.why.trim() &&
                `<span class="card-details"><span class="detail-label">${escapeHtml(text.card.why)}:</span> <span class="multiline">${escapeHtml(card.why)}</span></span>`,
              card.notes.trim() &&
                `<span class="card-details"><span class="detail-label">${escapeHtml(text.card.notes)}:</span> <span class="multiline">${escapeHtml(card.notes)}</span></span>`,
              card.tags.length > 0 &&
                `<span class="card-details"><span class="detail-label">${escapeHtml(text.card.tags)}:</span> ${escapeHtml(card.tags.join(', '))}</span>`,
            ].filter(Boolean);
            out.push(`<li>${kind}${escapeHtml(card.title)}${lead}${dots}${details.join('')}</li>`);
          }
          out.push('</ul>');
        } else if (lane.hiddenCaricatures === 0) note(text.lane.empty);
        if (lane.hiddenCaricatures > 0) note(text.lane.hiddenCaricatures(lane.hiddenCaricatures));
      }
      break;
    case 'seams': {
      const seams = summary.seams ?? [];
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
          for (const [label = '', value = ''] of parts)
            out.push(`<li><span class="detail-label">${escapeHtml(label)}:</span> <span class="multiline">${escapeHtml(value)}</span></li>`);
          out.push('</ul>');
        }
      }
      break;
    }
    case 'caricatures': {
      for (const group of summary.caricatures?.groups ?? []) {
        out.push(`<h3>${escapeHtml(group.label)}</h3>`, '<ul>');
        for (const entry of group.items) {
          const state = entry.cleared
            ? `<span class="ok">${escapeHtml(text.caricatures.cleared)}</span>`
            : `<span class="flag">${escapeHtml(text.caricatures.notCleared)}</span>`;
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
      if (!metrics || empty) break;
      out.push(`<h3>${escapeHtml(text.metrics.withNarrative)}</h3>`);
      if (metrics.withNarrative.length === 0) note(text.metrics.none);
      else out.push('<ul>', ...metrics.withNarrative.map((m) => metricItem(m, text, true)), '</ul>');
      out.push(`<h3>${escapeHtml(text.metrics.withoutNarrative)}</h3>`);
      if (metrics.withoutNarrative.length === 0) note(text.metrics.allTold);
      else out.push('<ul>', ...metrics.withoutNarrative.map((m) => metricItem(m, text, false)), '</ul>');
      break;
    }
    case 'votes':
      if (summary.votes && !empty) out.push(rankingTable(summary.votes.ranking, text));
      break;
    case 'actions': {
      if (empty) break;
      const actions = summary.actions ?? [];
      out.push(
        table(
          'actions',
          [
            { label: text.actionColumns.action, width: 34 },
            { label: text.actionColumns.owner, width: 17 },
            { label: text.actionColumns.due, width: 17, nowrap: true },
            { label: text.actionColumns.status, width: 11, nowrap: true },
            { label: text.actionColumns.card, width: 21 },
          ],
          actions.map((action) => [
            escapeHtml(action.text),
            escapeHtml(action.owner.trim() || text.actions.noOwner),
            escapeHtml(action.dueText || text.actions.noDue),
            action.done ? `<span class="ok">${escapeHtml(text.actions.done)}</span>` : escapeHtml(text.actions.open),
            escapeHtml(action.cardTitle),
          ]),
        ),
      );
      break;
    }
    case 'agenda': {
      if (empty) break;
      const agenda = summary.agenda ?? [];
      out.push(
        table(
          'agenda',
          [
            { label: text.agenda.block, width: 60 },
            { label: text.agenda.minutes, width: 15, nowrap: true },
            { label: text.agenda.state, width: 25 },
          ],
          agenda.map((item) => [
            escapeHtml(item.title),
            escapeHtml(item.minutesText),
            item.state === 'skipped' ? `<span class="flag">${escapeHtml(item.stateText)}</span>` : escapeHtml(item.stateText),
          ]),
        ),
      );
      break;
    }
    case 'moves': {
      const moves = summary.moves ?? [];
      if (!empty) {
        out.push('<ul>');
        for (const move of moves) {
          const reason = move.reason.trim()
            ? `<span class="detail"><span class="detail-label">${escapeHtml(text.moves.reason)}:</span> <span class="multiline">${escapeHtml(move.reason)}</span></span>`
            : `<span class="detail muted">${escapeHtml(text.moves.noReason)}</span>`;
          out.push(
            `<li>${escapeHtml(move.atText)} — <strong>${escapeHtml(move.cardTitle)}</strong>: ${escapeHtml(move.from)} → ${escapeHtml(move.to)}${reason}</li>`,
          );
        }
        out.push('</ul>');
      }
      break;
    }
  }
  return out.map((line) => `${line}\n`).join('');
}

const base64Digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Bytes as base64 (RFC 4648), without Node's Buffer or the DOM's btoa: core runs everywhere. */
export function base64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out.push(
      base64Digits.charAt((n >> 18) & 63),
      base64Digits.charAt((n >> 12) & 63),
      i + 1 < bytes.length ? base64Digits.charAt((n >> 6) & 63) : '=',
      i + 2 < bytes.length ? base64Digits.charAt(n & 63) : '=',
    );
  }
  return out.join('');
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
