/**
 * The mission handout: one A4 page with the agreed mission in large type (never cut, only set
 * smaller), as self-contained HTML to print to PDF. Pure. docs/summaries.md#the-formats.
 */
import type { Summary } from '../summary';
import { summaryText } from '../summary-text';
import { escapeHtml, htmlDocumentStart } from './html';

/**
 * Type sizes of the mission, largest first, with what it takes to estimate how many lines a text
 * needs in them: the average character width (in em, on the wide side: DejaVu Sans, Linux's
 * fallback, is wider than Segoe UI or SF) and the line height.
 */
const sizes = [
  { name: 'xl', pt: 34, weight: 700, em: 0.64, lineHeight: 1.25 },
  { name: 'l', pt: 26, weight: 700, em: 0.64, lineHeight: 1.25 },
  { name: 'm', pt: 20, weight: 650, em: 0.63, lineHeight: 1.3 },
  { name: 's', pt: 15, weight: 600, em: 0.6, lineHeight: 1.3 },
  { name: 'xs', pt: 11.5, weight: 500, em: 0.58, lineHeight: 1.35 },
  { name: 'xxs', pt: 9, weight: 400, em: 0.57, lineHeight: 1.3 },
  { name: 'xxxs', pt: 7.5, weight: 400, em: 0.57, lineHeight: 1.25 },
] as const;
export type MissionSize = (typeof sizes)[number]['name'];
export const missionSizes: readonly MissionSize[] = sizes.map((size) => size.name);

/** The room the mission has on the page, in points (A4 less margins, heading and footer, with some to spare). */
const missionArea = { width: 430, height: 490 } as const;

/**
 * The largest size in which the mission fits the page: each line (paragraph) wraps after as many
 * characters as fit the width, less a few for the word that does not fit whole. A mission that fits
 * in none — thousands of characters, or hundreds of one-word lines — gets the smallest and continues
 * on a second page rather than being cut.
 */
export function missionSize(mission: string): MissionSize {
  const lengths = mission.split('\n').map((line) => [...line].length);
  for (const size of sizes) {
    const perLine = Math.max(1, Math.floor(missionArea.width / (size.pt * size.em)) - 4);
    const lines = lengths.reduce((sum, length) => sum + Math.max(1, Math.ceil(length / perLine)), 0);
    if (lines * size.pt * size.lineHeight <= missionArea.height) return size.name;
  }
  return 'xxxs';
}

const sizeRules = sizes
  .map((size) => `.mission--${size.name} { font-size: ${size.pt}pt; font-weight: ${size.weight}; line-height: ${size.lineHeight}; }`)
  .join('\n');

const styles = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
body { font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1c1c1e; }
.sheet { width: 210mm; min-height: 296mm; padding: 26mm 22mm 22mm; display: flex; flex-direction: column; gap: 12mm; }
.eyebrow { margin: 0; font-size: 15pt; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; color: #2f5d8a; }
.mission-area { flex: 1; display: flex; flex-direction: column; justify-content: center; }
.mission { margin: 0; padding-left: 8mm; border-left: 3mm solid #2f5d8a; white-space: pre-line; overflow-wrap: anywhere; }
${sizeRules}
.mission--none { font-size: 20pt; font-weight: 500; font-style: italic; color: #555; border-left-color: #bbb; }
.agreed { border-top: 1px solid #bbb; padding-top: 5mm; }
.agreed h1 { margin: 0 0 1.5mm; font-size: 16pt; line-height: 1.25; overflow-wrap: anywhere; }
.agreed p { margin: 0; font-size: 12pt; color: #444; overflow-wrap: anywhere; }
`;

/** The handout of the summary's mission. The summary needs the `facts` and `glance` sections. */
export function renderHandout(summary: Summary): string {
  const text = summaryText(summary.language);
  const mission = (summary.mission ?? '').trim();
  const facts = summary.facts;
  const details = [facts?.client ?? '', summary.dateText, facts?.place ?? ''].map((part) => part.trim()).filter(Boolean);
  const missionBlock = mission
    ? `<blockquote class="mission mission--${missionSize(mission)}">${escapeHtml(mission)}</blockquote>`
    : `<p class="mission mission--none">${escapeHtml(text.mission.none)}</p>`;
  return [
    ...htmlDocumentStart(summary.language, `${summary.title} — ${text.mission.label}`, styles),
    '<main class="sheet">',
    `<p class="eyebrow">${escapeHtml(text.mission.label)}</p>`,
    `<div class="mission-area">${missionBlock}</div>`,
    '<footer class="agreed">',
    `<h1>${escapeHtml(summary.title)}</h1>`,
    details.length > 0 ? `<p>${details.map(escapeHtml).join(' · ')}</p>` : '',
    '</footer>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
