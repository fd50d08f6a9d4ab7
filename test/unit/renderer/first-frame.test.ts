/**
 * The first frame (renderer/src/first-frame.tsx), rendered here as main renders it: in Node, with
 * no window, document or bridge. What it shows is what the app's own first render shows.
 */
import { describe, expect, it } from 'vitest';
import type { StartupState } from '../../../core/api';
import { createDemoSession } from '../../../core/demo';
import type { Session } from '../../../core/model';
import { addCard } from '../../../core/operations';
import { renderFirstFrame } from '../../../renderer/src/first-frame';
import { startupPreferences } from '../../harness/startup-preferences';

const preferences = startupPreferences();

function startupWith(session: Session | null, over: Partial<StartupState> = {}): StartupState {
  return {
    systemLocale: 'de-DE',
    preferences,
    session: session && { path: '/sessions/board.nahtstelle', session, savedAt: '2026-12-06T09:15:00.000Z', fromBackup: false, revision: 'r1' },
    problem: null,
    preferencesProblem: null,
    ...over,
  };
}

/** The card titles of each lane in the frame, in order, by the lanes' headings. */
function laneTitles(html: string): Record<string, string[]> {
  const lanes: Record<string, string[]> = {};
  for (const lane of html.split('<section class="lane ').slice(1)) {
    const name = /<h2[^>]*>([^<]*)<\/h2>/.exec(lane)?.[1] ?? '';
    lanes[name] = [...lane.matchAll(/data-card-id="[^"]*">.*?<span class="card-title">(.*?)<\/span>/g)].map((match) => match[1] ?? '');
  }
  return lanes;
}

const request = (startup: StartupState, viewportHeight = 1080) => ({ startup, viewportHeight, shownTheme: 'light' as const });

describe('renderFirstFrame', () => {
  it('renders the board of the reopened session in the system’s language, with the cards in view of each lane', async () => {
    const frame = await renderFirstFrame(request(startupWith(createDemoSession(1000))));
    expect(frame.language).toBe('de');
    expect(frame.html).toContain('Demo (1000)');
    expect(frame.html).toContain('Sitzungen');
    const lanes = laneTitles(frame.html);
    expect(Object.keys(lanes)).toEqual(['Marketing', 'Nahtstelle', 'Sales']);
    // Card n lies in lane (n - 1) % 3, the first of each lane on top.
    expect(lanes.Marketing?.slice(0, 3)).toEqual(['Topic 1', 'Topic 4', 'Topic 7']);
    expect(lanes.Sales?.slice(0, 3)).toEqual(['Topic 3', 'Topic 6', 'Topic 9']);
    // Not 1,000 cards: the lanes' first rows, as the app's first render has them.
    const cards = frame.html.match(/data-card-id=/g)?.length ?? 0;
    expect(cards).toBeGreaterThan(30);
    expect(cards).toBeLessThan(100);
    // A picture no pointer or focus reaches: the buttons a card shows on hover or focus are left out.
    expect(frame.html).not.toContain('card-actions');
    expect(frame.html).not.toContain('<button type="button" class="icon-button"');
  });

  it('renders more cards per lane for a taller window', async () => {
    const count = async (height: number) =>
      (await renderFirstFrame(request(startupWith(createDemoSession(1000)), height))).html.match(/data-card-id=/g)?.length;
    expect(await count(1600)).toBeGreaterThan((await count(700)) ?? 0);
  });

  it('follows the chosen language over the system’s, and has no style attribute (the page’s CSP would block it)', async () => {
    const frame = await renderFirstFrame(request(startupWith(createDemoSession(30), { preferences: { ...preferences, language: 'en' } })));
    expect(frame.language).toBe('en');
    expect(Object.keys(laneTitles(frame.html))).toEqual(['Marketing', 'Seam', 'Sales']);
    expect(frame.html).not.toMatch(/\sstyle=/);
  });

  it('renders the lanes for the CSS pixels a window zoom leaves, and names the zoom', async () => {
    const at = async (windowZoom: number) =>
      renderFirstFrame(request(startupWith(createDemoSession(1000), { preferences: { ...preferences, windowZoom } }), 900));
    const [small, normal] = await Promise.all([at(0.7), at(1)]);
    expect(small.windowZoom).toBe(0.7);
    expect(small.html.match(/data-card-id=/g)?.length ?? 0).toBeGreaterThan(normal.html.match(/data-card-id=/g)?.length ?? 0);
  });

  it('renders frames asked for together one after the other, each in its own language', async () => {
    const inLanguage = (language: 'de' | 'en') =>
      renderFirstFrame(request(startupWith(createDemoSession(30), { preferences: { ...preferences, language } })));
    const [german, english, germanAgain] = await Promise.all([inLanguage('de'), inLanguage('en'), inLanguage('de')]);
    expect(german.html).toContain('Sitzungen');
    expect(english.html).toContain('Sessions');
    expect(english.html).not.toContain('Sitzungen');
    expect(germanAgain.html).toContain('Sitzungen');
  });

  it('keeps a card’s text as text', async () => {
    const session = addCard(createDemoSession(0), 'hostile', 'marketing', '<img src=x onerror=alert(1)> $& "quoted"');
    const frame = await renderFirstFrame(request(startupWith(session)));
    expect(frame.html).toContain('&lt;img src=x onerror=alert(1)&gt; $&amp; &quot;quoted&quot;');
    expect(frame.html).not.toContain('<img');
  });

  it('shows why the last session could not be reopened, and the start screen', async () => {
    const frame = await renderFirstFrame(
      request(
        startupWith(null, {
          problem: { code: 'fileProblem', reason: 'notJson', file: 'Kick-off.nahtstelle', detail: '/sessions/Kick-off.nahtstelle' },
          preferencesProblem: { kind: 'damaged', keptAs: 'preferences.json.damaged-1' },
        }),
      ),
    );
    expect(frame.html).toContain('library-heading');
    expect(frame.html).toContain('Kick-off.nahtstelle');
    expect(frame.html).toContain('preferences.json.damaged-1');
    expect(frame.html).not.toContain('data-card-id');
  });

  it('starts every frame from the stores’ initial state: nothing of one frame reaches the next', async () => {
    await renderFirstFrame(
      request(startupWith(createDemoSession(10), { preferencesProblem: { kind: 'damaged', keptAs: 'preferences.json.damaged-1' } })),
    );
    const next = await renderFirstFrame(request(startupWith(null)));
    expect(next.html).not.toContain('Demo (10)');
    expect(next.html).not.toContain('data-card-id');
    expect(next.html).not.toContain('preferences.json.damaged-1');
  });
});
