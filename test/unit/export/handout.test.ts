/**
 * The mission handout's HTML, read back with parse5 (a browser's parser): the mission as written,
 * whatever it contains; who agreed it; the summary's language; no mission → says so. That it
 * prints on one page is checked with a real Chromium in test/e2e/export-files.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { renderHandout, missionSize, missionSizes } from '../../../core/export/handout';
import { summaryHtmlPolicy } from '../../../core/export/html';
import type { Session } from '../../../core/model';
import { buildSummary } from '../../../core/summary';
import { readHtml } from './readers';
import { hostile, hostileSession, sessionWith } from './sessions';

function handoutOf(session: Session, fallbackLanguage: 'de' | 'en' = 'en') {
  const html = renderHandout(buildSummary(session, { fallbackLanguage, sections: ['facts', 'glance'] }));
  const document = readHtml(html);
  const byTag = (tag: string) => document.elements.filter((element) => element.tagName === tag);
  const text = (tag: string) => byTag(tag).map((element) => document.textOf(element));
  return { html, document, byTag, text };
}

const withMission = (mission: string, details: Partial<Session['details']> = {}): Session => {
  const base = sessionWith({}, { mission });
  return { ...base, details: { ...base.details, title: 'Kick-off', client: 'Müller GmbH', date: '2027-03-04', place: 'Köln', ...details } };
};

describe('the mission handout', () => {
  it('shows the mission as written, under the heading of the mission, with who agreed it and when', () => {
    const { text } = handoutOf(withMission('Wir gewinnen gemeinsam Kund:innen,\ndie bleiben.', { language: 'de' }));
    expect(text('blockquote')).toEqual(['Wir gewinnen gemeinsam Kund:innen,\ndie bleiben.']);
    expect(text('p')[0]).toBe('Unser gemeinsamer Auftrag');
    expect(text('h1')).toEqual(['Kick-off']);
    expect(text('p')).toContain('Müller GmbH · 4. März 2027 · Köln');
    expect(text('title')).toEqual(['Kick-off — Unser gemeinsamer Auftrag']);
  });

  it('is in the session’s language, the fallback only for a session without one', () => {
    expect(handoutOf(withMission('x', { language: 'en' }), 'de').text('p')[0]).toBe('Our shared mission');
    expect(handoutOf(withMission('x', { language: '' }), 'de').text('p')[0]).toBe('Unser gemeinsamer Auftrag');
    expect(handoutOf(withMission('x', { language: 'de' })).html).toContain('<html lang="de">');
  });

  it('says that no mission is agreed yet, instead of an empty page', () => {
    const { byTag, text } = handoutOf(withMission('  \n ', { language: 'de' }));
    expect(byTag('blockquote')).toEqual([]);
    expect(text('p')).toContain('Ein gemeinsamer Auftrag ist noch nicht formuliert.');
  });

  it('leaves out facts that are not given', () => {
    const { text } = handoutOf(withMission('x', { client: '', place: '', date: '' }));
    expect(text('p')).toEqual(['Our shared mission']);
  });

  it('shows hostile text as text: nothing runs, loads or is markup', () => {
    const session = { ...hostileSession(), mission: `${hostile.script}\n${hostile.image}\n${hostile.hyperlink}` };
    const { html, byTag, text } = handoutOf(session);
    expect(text('blockquote')).toEqual([`${hostile.script}\n${hostile.image}\n${hostile.hyperlink}`]);
    expect(byTag('script')).toEqual([]);
    expect(byTag('img')).toEqual([]);
    expect(text('h1')[0]).toBe(`${hostile.script} ${hostile.german}`);
    expect(html).toContain(`content="${summaryHtmlPolicy.replace(/'/g, '&#39;')}"`);
  });

  it('holds no external resource', () => {
    const { html } = handoutOf(withMission(hostile.image));
    expect(html).not.toMatch(/<(?:img|link|script|iframe)|url\(|@import/);
  });
});

describe('missionSize', () => {
  it('is the largest size for a short mission', () => {
    expect(missionSize('Gemeinsam Kund:innen gewinnen, die bleiben.')).toBe('xl');
  });

  it('never grows as the mission grows, and reaches the smallest for the longest mission', () => {
    let previous = 0;
    for (let length = 10; length <= 5000; length += 10) {
      const index = missionSizes.indexOf(missionSize('Vertrauen '.repeat(length / 10)));
      expect(index).toBeGreaterThanOrEqual(previous);
      previous = index;
    }
    expect(missionSizes[previous]).toBe('xxxs');
  });

  it('counts a line break as the line it starts', () => {
    const oneLine = 'Kurz. '.repeat(14);
    const manyLines = Array.from({ length: 14 }, () => 'Kurz.').join('\n');
    expect(missionSizes.indexOf(missionSize(manyLines))).toBeGreaterThan(missionSizes.indexOf(missionSize(oneLine)));
  });

  it('has a CSS rule for every size', () => {
    const { html } = handoutOf(withMission('x'));
    for (const size of missionSizes) expect(html).toContain(`.mission--${size} {`);
  });
});
