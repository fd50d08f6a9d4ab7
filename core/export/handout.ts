/**
 * The mission handout: one A4 page with the agreed mission in large type, for every employee, and
 * underneath which workshop agreed it (title, client, date, place). In the summary's language. The
 * app prints it to PDF (electron/export/printer.ts) without page header or footer: it is a poster,
 * not a document.
 *
 * A session without an agreed mission still gets its handout, saying in the mission's place that
 * no shared mission is agreed yet (the summary's own words): the facilitator sees at once why it is
 * empty, and nothing has to be refused with an error the dialog must explain.
 *
 * The mission is never cut: the longer it is, the smaller its type (`missionSize`), so that every
 * mission up to the model's limit (5,000 characters) fits on the one page.
 *
 * Pure: builds a string from the summary model. Like the HTML summary it is self-contained (no
 * script, no external resource), every text is escaped, and it carries the same
 * Content-Security-Policy that allows only its own inline styles.
 */
import type { Summary } from '../summary';
import { summaryText } from '../summary-text';
import { escapeHtml, summaryHtmlPolicy } from './html';

/** Type sizes of the mission, largest first; which one a mission gets depends on its length. */
export const missionSizes = ['xl', 'l', 'm', 's', 'xs', 'xxs'] as const;
export type MissionSize = (typeof missionSizes)[number];

/** The most "characters" (a line break counts as a part-filled line) a size still holds on the page. */
const capacity: Readonly<Record<Exclude<MissionSize, 'xxs'>, number>> = { xl: 160, l: 400, m: 850, s: 1600, xs: 2600 };
const lineBreakWeight = 40;

/** The type size for a mission: as large as the page allows. */
export function missionSize(mission: string): MissionSize {
  const breaks = mission.split('\n').length - 1;
  const weight = mission.length + breaks * lineBreakWeight;
  for (const size of missionSizes) {
    if (size === 'xxs' || weight <= capacity[size]) return size;
  }
  return 'xxs';
}

const styles = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
body { font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1c1c1e; }
.sheet { width: 210mm; min-height: 296mm; padding: 26mm 22mm 22mm; display: flex; flex-direction: column; gap: 12mm; }
.eyebrow { margin: 0; font-size: 15pt; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; color: #2f5d8a; }
.mission { flex: 1; margin: 0; padding-left: 8mm; border-left: 3mm solid #2f5d8a; font-weight: 650; line-height: 1.3; white-space: pre-line; overflow-wrap: anywhere; }
.mission--xl { font-size: 34pt; }
.mission--l { font-size: 26pt; }
.mission--m { font-size: 19pt; }
.mission--s { font-size: 14pt; }
.mission--xs { font-size: 11pt; line-height: 1.35; }
.mission--xxs { font-size: 8.5pt; line-height: 1.35; }
.mission--none { font-size: 20pt; font-weight: 500; font-style: italic; color: #555; border-left-color: #bbb; }
.agreed { border-top: 1px solid #bbb; padding-top: 5mm; }
.agreed h1 { margin: 0 0 1.5mm; font-size: 16pt; line-height: 1.25; overflow-wrap: anywhere; }
.agreed p { margin: 0; font-size: 12pt; color: #444; overflow-wrap: anywhere; }
`;

/** The handout of the summary's mission. The summary needs the `facts` and `mission` sections. */
export function renderHandout(summary: Summary): string {
  const text = summaryText(summary.language);
  const mission = (summary.mission ?? '').trim();
  const facts = summary.facts;
  const details = [facts?.client ?? '', summary.dateText, facts?.place ?? ''].map((part) => part.trim()).filter(Boolean);
  const missionBlock = mission
    ? `<blockquote class="mission mission--${missionSize(mission)}">${escapeHtml(mission)}</blockquote>`
    : `<p class="mission mission--none">${escapeHtml(text.mission.none)}</p>`;
  return [
    '<!doctype html>',
    `<html lang="${summary.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(summaryHtmlPolicy)}">`,
    `<title>${escapeHtml(summary.title)} — ${escapeHtml(text.sections.mission)}</title>`,
    `<style>${styles}</style>`,
    '</head>',
    '<body>',
    '<main class="sheet">',
    `<p class="eyebrow">${escapeHtml(text.sections.mission)}</p>`,
    missionBlock,
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
