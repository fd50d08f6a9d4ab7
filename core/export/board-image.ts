/**
 * A picture of the board as a static HTML page, printed to PNG; built from the summary, so it hides
 * what a summary hides, and kept to a sensible size. Pure. docs/summaries.md#the-formats.
 */
import { leadOfLane } from '../model';
import type { Summary, SummaryCard, SummaryLane } from '../summary';
import { summaryText, type SummaryText } from '../summary-text';
import { escapeHtml, htmlDocumentStart } from './html';

export const boardImageLimits = {
  /** Lanes side by side before the next row starts. */
  columns: 6,
  /** Cards shown in all lanes together, spread over the lanes ... */
  cards: 360,
  /** ... but never fewer than this many per lane. */
  minCardsPerLane: 12,
} as const;

/** How many cards a lane shows when the board has `laneCount` lanes. */
export function cardsPerLane(laneCount: number): number {
  return Math.max(boardImageLimits.minCardsPerLane, Math.floor(boardImageLimits.cards / Math.max(1, laneCount)));
}

/** One place in a lane: a card the summary shows, or a covered caricature. */
type Slot = { readonly card: SummaryCard } | { readonly hidden: true };

const columnRules = Array.from(
  { length: boardImageLimits.columns },
  (_, i) => `.lanes--${i + 1} { grid-template-columns: repeat(${i + 1}, 340px); }`,
).join('\n');

const styles = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { width: max-content; min-width: 720px; padding: 32px; background: #eef0f3; color: #111827; font: 17px/1.35 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header h1 { margin: 0; font-size: 30px; line-height: 1.2; max-width: 1400px; overflow-wrap: anywhere; }
header p { margin: 4px 0 0; color: #4b5563; font-size: 18px; }
.mission { margin: 20px 0 0; max-width: 1400px; padding: 12px 18px; border-left: 6px solid #2f5d8a; background: #fff; font-size: 20px; font-weight: 600; white-space: pre-line; overflow-wrap: anywhere; }
.lanes { display: grid; gap: 16px; margin-top: 24px; align-items: start; }
${columnRules}
.lane { border-radius: 12px; padding: 12px; background: #f7f8fa; border-top: 6px solid #6b7280; }
.lane--marketing { background: #e6ecfa; border-top-color: #1e40af; }
.lane--seam { background: #fbf0e1; border-top-color: #92400e; }
.lane--sales { background: #e3f4ec; border-top-color: #065f46; }
.lane h2 { margin: 0 0 10px; font-size: 21px; overflow-wrap: anywhere; }
.cards { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.card { display: flex; flex-direction: column; gap: 4px; padding: 9px 12px; border: 2px solid #c9ced6; border-radius: 10px; background: #fff; overflow-wrap: anywhere; }
.card--yellow { box-shadow: inset 8px 0 0 0 #ca8a04; padding-left: 22px; }
.card--blue { box-shadow: inset 8px 0 0 0 #2563eb; padding-left: 22px; }
.card--green { box-shadow: inset 8px 0 0 0 #16a34a; padding-left: 22px; }
.card--red { box-shadow: inset 8px 0 0 0 #dc2626; padding-left: 22px; }
.card--violet { box-shadow: inset 8px 0 0 0 #7c3aed; padding-left: 22px; }
.card--attention { border: 3px dashed #9a3412; background: #fff1e6; }
.card--hidden { background: repeating-linear-gradient(135deg, #fff 0 14px, #e5e7eb 14px 28px); color: #4b5563; font-style: italic; }
.kind { font-size: 14px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; color: #4b5563; }
.title { font-weight: 600; white-space: pre-line; }
.figure { font-size: 19px; font-weight: 750; }
.badges { display: flex; flex-wrap: wrap; gap: 4px 10px; font-size: 15px; font-weight: 650; color: #4b5563; }
.badge--attention { color: #9a3412; }
.badge--ok { color: #166534; }
.badge--dots { color: #fff; background: #111827; border-radius: 999px; padding: 0 10px; }
.empty, .more { margin: 4px 2px 0; color: #4b5563; font-style: italic; font-size: 15px; }
`;

/** The board picture of a summary built with the `lanes` section (and `mission`, to show it). */
export function renderBoardImage(summary: Summary): string {
  const text = summaryText(summary.language);
  const lanes = summary.lanes ?? [];
  const perLane = cardsPerLane(lanes.length);
  const cardsByLane = new Map<string, SummaryCard[]>();
  for (const card of summary.cards) {
    const list = cardsByLane.get(card.laneId) ?? [];
    list.push(card);
    cardsByLane.set(card.laneId, list);
  }
  const mission = (summary.mission ?? '').trim();
  const subtitle = [summary.dateText, summary.facts?.client ?? '']
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' · ');
  const columns = Math.min(Math.max(lanes.length, 1), boardImageLimits.columns);
  return [
    ...htmlDocumentStart(summary.language, summary.title, styles),
    '<header>',
    `<h1>${escapeHtml(summary.title)}</h1>`,
    subtitle ? `<p>${escapeHtml(subtitle)}</p>` : '',
    '</header>',
    mission ? `<p class="mission">${escapeHtml(mission)}</p>` : '',
    `<main class="lanes lanes--${columns}">`,
    ...lanes.map((lane) => laneHtml(lane, slotsOf(lane, cardsByLane.get(lane.id) ?? []), perLane, text)),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The lane's places in board order. A shown card's `position` counts the hidden caricatures above
 * it, so every gap is a covered card; the hidden ones left over stand below the last shown card.
 */
function slotsOf(lane: SummaryLane, cards: readonly SummaryCard[]): Slot[] {
  const slots: Slot[] = [];
  let hiddenLeft = lane.hiddenCaricatures;
  for (const card of [...cards].sort((a, b) => a.position - b.position)) {
    while (slots.length < card.position - 1 && hiddenLeft > 0) {
      slots.push({ hidden: true });
      hiddenLeft--;
    }
    slots.push({ card });
  }
  for (; hiddenLeft > 0; hiddenLeft--) slots.push({ hidden: true });
  return slots;
}

function laneHtml(lane: SummaryLane, slots: readonly Slot[], perLane: number, text: SummaryText): string {
  const out = [`<section class="lane lane--${lane.kind}">`, `<h2>${escapeHtml(lane.name)}</h2>`];
  if (slots.length === 0) out.push(`<p class="empty">${escapeHtml(text.lane.empty)}</p>`);
  else {
    out.push('<ol class="cards">');
    for (const slot of slots.slice(0, perLane)) out.push('hidden' in slot ? hiddenCardHtml(text) : cardHtml(slot.card, lane, text));
    out.push('</ol>');
    if (slots.length > perLane) out.push(`<p class="more">${escapeHtml(text.board.more(slots.length - perLane))}</p>`);
  }
  out.push('</section>');
  return out.join('\n');
}

function hiddenCardHtml(text: SummaryText): string {
  return `<li class="card card--hidden"><span class="title">${escapeHtml(text.board.hiddenCaricature)}</span></li>`;
}

function cardHtml(card: SummaryCard, lane: SummaryLane, text: SummaryText): string {
  const classes = ['card'];
  if (card.colour) classes.push(`card--${card.colour}`);
  const parts: string[] = [];
  if (card.kind !== 'topic') parts.push(`<span class="kind">${escapeHtml(card.kindText)}</span>`);
  parts.push(`<span class="title">${escapeHtml(card.title)}</span>`);
  if (card.metric?.figure) parts.push(`<span class="figure">${escapeHtml(card.metric.figure)}</span>`);

  const badges: string[] = [];
  const unresolved = card.lead === 'unresolved';
  if (unresolved) classes.push('card--attention');
  // As on the board: the lead is said where the lane does not say it already.
  if (card.lead !== null && (unresolved || lane.kind === 'extra' || card.lead !== leadOfLane(lane.kind))) {
    badges.push(`<span class="${unresolved ? 'badge badge--attention' : 'badge'}">${escapeHtml(`${text.lane.lead}: ${card.leadText}`)}</span>`);
  }
  if (card.caricature?.cleared) badges.push(`<span class="badge badge--ok">${escapeHtml(text.caricatures.cleared)}</span>`);
  if (card.dots !== null && card.dots > 0) badges.push(`<span class="badge badge--dots">${escapeHtml(text.votes.dots(card.dots))}</span>`);
  if (badges.length > 0) parts.push(`<span class="badges">${badges.join('')}</span>`);
  return `<li class="${classes.join(' ')}">${parts.join('')}</li>`;
}
