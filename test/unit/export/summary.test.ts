import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../../core/session-file';
import { buildSummary, printable } from '../../../core/summary';
import { spelledDay, momentFormatter, presetSections, summarySections, summaryTexts } from '../../../core/summary-text';
import { card, sessionWith } from './sessions';

const en = { fallbackLanguage: 'en', timeZone: 'UTC' } as const;

describe('the summary model', () => {
  it('holds the facts, the mission and every lane in board order with its cards and leads', async () => {
    const loaded = parseSessionFile(await readFile('test/fixtures/sessions/v3-full.nahtstelle', 'utf8'));
    if (!loaded.ok) throw new Error(loaded.detail);
    const summary = buildSummary(loaded.session, { fallbackLanguage: 'en', timeZone: 'Europe/Berlin' });

    // The fixture is a German session: its summary is German whatever the fallback.
    expect(summary.language).toBe('de');
    expect(summary.title).toBe('Lead-Übergabe Q3: Wo hakt’s zwischen Marketing & Vertrieb?');
    expect(summary.facts).toMatchObject({ client: 'Müller & Söhne Maschinenbau GmbH', dateText: '4. März 2027', facilitator: 'Dr. Jördis Kühn' });
    expect(summary.facts?.participants.map((group) => [group.label, group.names])).toEqual([
      ['Marketing', ['Anna Schäfer', 'Timo Weiß']],
      ['Sales', ['Gökhan Yılmaz', 'Birgit "Biggi" Lorenz']],
      ['Andere', ['Sven Ødegård (IT)', 'Leonie Brandt – Geschäftsführung']],
    ]);
    expect(summary.mission).toBe(loaded.session.mission);
    expect(summary.lanes?.map((lane) => lane.name)).toEqual(['Marketing', 'Die Naht: Übergabe MQL → SQL', 'Sales', 'Parkplatz 🅿️']);
    expect(summary.lanes?.[0]?.cards.map((c) => [c.title, c.leadText])).toEqual([
      ['Webinar-Anmeldungen landen erst nach 2 Wochen im CRM', 'Marketing'],
      ['Lead-Scoring-Modell von 2024 – kennt im Vertrieb niemand', 'Ungeklärt'],
    ]);
    // Caricatures and metrics show no lead: the board does not give them one.
    expect(summary.lanes?.[1]?.cards.map((c) => [c.kindText, c.leadText])).toEqual([
      ['Thema', 'Gemeinsam (Nahtstelle)'],
      ['Zerrbild', ''],
      ['Kennzahl', ''],
      ['Kennzahl', ''],
    ]);
    expect(summary.seams).toEqual([
      expect.objectContaining({
        title: 'Was ist ein "qualifizierter" Lead? Keine gemeinsame Definition',
        who: 'Leitung Marketing + Vertriebsleitung',
        cadence: 'alle 2 Wochen, Di 8:30',
        agreed: true,
      }),
    ]);
    expect(summary.actions?.map((a) => [a.text, a.owner, a.dueText, a.done])).toEqual([
      ['Scoring-Schwellen im Team vorstellen', 'Anna Schäfer', '18. März 2027', false],
      ['Alte Folien löschen', '', '', true],
    ]);
    // Moves oldest first, at Hamburg's wall-clock time, with the lanes' names.
    expect(summary.moves?.map((m) => [m.atText, m.from, m.to, m.reason])).toEqual([
      ['4. März 2027, 10:31 Uhr', 'Marketing', 'Sales', ''],
      ['4. März 2027, 10:33 Uhr', 'Sales', 'Die Naht: Übergabe MQL → SQL', 'Gehört beiden'],
      ['4. März 2027, 10:47 Uhr', 'Marketing', 'Parkplatz 🅿️', 'Erst nach der Messe klären'],
    ]);
    expect(summary.cards).toHaveLength(Object.keys(loaded.session.cards).length);
  });

  it('never shows hidden caricatures: only their number, in the section and in their lane', () => {
    const secret = card('c-secret', 'Sales only wants discounts', {
      kind: 'caricature',
      caricature: { view: 'marketingOnSales', truth: 'Secret truth', cleared: false },
      actions: [{ id: 'a', text: 'Secret action', owner: '', due: '', done: false }],
      moves: [{ fromLaneId: 'sales', toLaneId: 'marketing', at: '2027-03-04T09:00:00.000Z', reason: 'Secret reason' }],
      votes: { 'department:marketing': 3 },
    });
    const session = sessionWith({ marketing: [secret, card('t', 'Open topic')] }, { voting: { voters: 'departments', dots: 3, revealed: true } });

    const summary = buildSummary(session, en);
    expect(JSON.stringify(summary)).not.toMatch(/Secret|discounts/);
    expect(summary.caricatures).toEqual({ revealed: false, hiddenCount: 1, groups: [] });
    expect(summary.lanes?.[0]).toMatchObject({ hiddenCaricatures: 1, cards: [expect.objectContaining({ title: 'Open topic' })] });
    expect(summary.cards.map((c) => c.id)).toEqual(['t']);

    const revealed = buildSummary({ ...session, caricaturesRevealed: true }, en);
    expect(revealed.caricatures?.groups[0]?.items).toEqual([
      expect.objectContaining({ title: 'Sales only wants discounts', truth: 'Secret truth', cleared: false }),
    ]);
    expect(revealed.votes?.ranking).toEqual([expect.objectContaining({ title: 'Sales only wants discounts', dots: 3, rank: 1 })]);
  });

  it('shows no dots and no ranking while the votes are hidden', () => {
    const session = sessionWith(
      {
        marketing: [
          card('a', 'Alpha', { votes: { 'p-1': 2 } }),
          card('b', 'Beta', { votes: { 'p-1': 1, 'p-2': 1 } }),
          card('c', 'Gamma', { votes: { 'p-2': 1 } }),
        ],
      },
      { voting: { voters: 'participants', dots: 3, revealed: false } },
    );
    const withPeople = {
      ...session,
      details: {
        ...session.details,
        participants: [
          { id: 'p-1', name: 'Ann', department: 'marketing' as const },
          { id: 'p-2', name: 'Bo', department: 'sales' as const },
        ],
      },
    };

    const hidden = buildSummary(withPeople, en);
    expect(hidden.votes).toEqual({ revealed: false, ranking: [], rest: [] });
    expect(hidden.cards.map((c) => c.dots)).toEqual([null, null, null]);

    const shown = buildSummary({ ...withPeople, voting: { ...withPeople.voting, revealed: true } }, en);
    expect(shown.votes?.ranking.map((r) => [r.rank, r.title, r.dots])).toEqual([
      [1, 'Alpha', 2],
      [1, 'Beta', 2],
      [3, 'Gamma', 1],
    ]);
    expect(shown.cards.map((c) => c.dots)).toEqual([2, 2, 1]);
  });

  it('lists unresolved topics, seam topics without an agreed exchange, and metrics with and without a narrative', () => {
    const session = sessionWith({
      marketing: [
        card('u', 'Who owns webinars?', { lead: 'unresolved' }),
        card('m1', 'MQLs', {
          kind: 'metric',
          metric: { value: '40', target: '50', unit: '%', owner: 'marketing', narrative: 'Rising: the campaign works.' },
        }),
      ],
      seam: [
        card('j', 'Lead definition', { lead: 'joint' }),
        card('m2', 'Win rate', { kind: 'metric', metric: { value: '', target: '', unit: '', owner: null, narrative: '  ' } }),
      ],
      parking: [card('u2', 'Trade fair leads', { lead: 'unresolved' })],
    });
    const summary = buildSummary(session, en);
    expect(summary.glance?.unresolved).toEqual([
      { cardId: 'u', title: 'Who owns webinars?', laneName: 'Marketing' },
      { cardId: 'u2', title: 'Trade fair leads', laneName: 'parking' },
    ]);
    expect(summary.seams).toEqual([expect.objectContaining({ title: 'Lead definition', agreed: false })]);
    expect(summary.metrics?.withNarrative).toEqual([
      expect.objectContaining({ title: 'MQLs', figure: '40 % · Target 50 %', ownerText: 'Marketing' }),
    ]);
    expect(summary.metrics?.withoutNarrative).toEqual([expect.objectContaining({ title: 'Win rate', figure: '', ownerText: '' })]);
  });

  it('follows the session language, and uses the fallback only when the session has none', () => {
    const german = sessionWith({ seam: [card('a', 'Thema', { lead: 'joint' })] });
    const de = buildSummary({ ...german, details: { ...german.details, language: 'de' } }, en);
    expect([de.language, de.lanes?.[1]?.name, de.lanes?.[1]?.cards[0]?.leadText]).toEqual(['de', 'Nahtstelle', 'Gemeinsam (Nahtstelle)']);

    const unset = { ...german, details: { ...german.details, language: '' as const, title: '' } };
    expect(buildSummary(unset, { fallbackLanguage: 'de' })).toMatchObject({ language: 'de', title: 'Sitzung ohne Titel' });
    expect(buildSummary(unset, { fallbackLanguage: 'en' })).toMatchObject({
      language: 'en',
      title: 'Untitled session',
      lanes: expect.arrayContaining([expect.objectContaining({ name: 'Seam' })]),
    });
  });

  it('names a lane that was removed since a move as such, and keeps its id', () => {
    const moved = card('a', 'Moved', { moves: [{ fromLaneId: 'gone-lane', toLaneId: 'sales', at: '2027-03-04T09:00:00.000Z', reason: '' }] });
    const summary = buildSummary(sessionWith({ sales: [moved] }), en);
    expect(summary.moves).toEqual([
      expect.objectContaining({ fromLaneId: 'gone-lane', from: 'a removed lane', to: 'Sales', atText: '4 March 2027, 09:00' }),
    ]);
  });

  it('includes only the chosen sections, always in the same order', () => {
    const summary = buildSummary(sessionWith({}), { ...en, sections: ['moves', 'glance', 'facts'] });
    expect(summary.sections).toEqual(['facts', 'glance', 'moves']);
    expect([summary.lanes, summary.votes, summary.actions, summary.caricatures]).toEqual([null, null, null, null]);
    expect(buildSummary(sessionWith({}), en).sections).toEqual(summarySections);
  });

  it('drops only characters no document can hold', () => {
    expect(printable('Bell\u0007 tab\tline\r\nbreak \uD83D half 🚀 ß „q“ <b>')).toBe('Bell tab\tline\nbreak  half 🚀 ß „q“ <b>');
    const summary = buildSummary(sessionWith({ marketing: [card('a', 'A\u0000B\u001FC')] }), en);
    expect(summary.lanes?.[0]?.cards[0]?.title).toBe('ABC');
  });
});

describe('a summary in the client’s order', () => {
  it('puts the cover, "at a glance", the board and the actions first; the moves log is an appendix the client preset leaves out', () => {
    expect(summarySections.slice(0, 4)).toEqual(['facts', 'glance', 'board', 'actions']);
    expect(summarySections.at(-1)).toBe('moves');
    expect(presetSections.client).not.toContain('moves');
    expect(presetSections.full).toEqual(summarySections);
  });

  it('sorts the action items by due day, those without one last', () => {
    const action = (id: string, due: string, done = false) => ({ id, text: id, owner: '', due, done });
    const cards = [
      card('a', 'A', { actions: [action('late', '2027-06-01'), action('none', '')] }),
      card('b', 'B', { actions: [action('early', '2027-03-10', true), action('mid', '2027-04-01')] }),
    ];
    const summary = buildSummary(sessionWith({ marketing: cards }), en);
    expect(summary.actions?.map((a) => a.text)).toEqual(['early', 'mid', 'late', 'none']);
    // "At a glance" names the open ones due first.
    expect(summary.glance?.nextActions.map((a) => a.text)).toEqual(['mid', 'late', 'none']);
  });

  it('shows a lead only where it differs from the lane, and says "Led by" in English', () => {
    const cards = [card('m', 'Ours', { lead: 'marketing' }), card('j', 'Shared', { lead: 'joint' }), card('u', 'Open', { lead: 'unresolved' })];
    const lane = buildSummary(sessionWith({ marketing: cards }), en).lanes?.[0];
    expect(lane?.cards.map((c) => c.showLead)).toEqual([false, true, true]);
    expect(summaryTexts.en.lane.lead).toBe('Led by');
  });

  it('keeps the ranking to the top 10 and puts the rest in an appendix; a wide tie does not blow up the top 3', () => {
    const cards = Array.from({ length: 14 }, (_, i) => card(`c${i}`, `Card ${i}`, { votes: { 'p-1': 20 - i } }));
    const voting = { voting: { voters: 'participants', dots: 99, revealed: true } } as const;
    const base = sessionWith({ marketing: cards }, voting);
    const session = { ...base, details: { ...base.details, participants: [{ id: 'p-1', name: 'P', department: 'marketing' as const }] } };
    const summary = buildSummary(session, en);
    expect(summary.votes?.ranking.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(summary.votes?.rest.map((r) => r.rank)).toEqual([11, 12, 13, 14]);
    expect(summary.glance?.top.map((r) => r.title)).toEqual(['Card 0', 'Card 1', 'Card 2']);
    const tied = { ...session, cards: Object.fromEntries(Object.entries(session.cards).map(([id, c]) => [id, { ...c, votes: { 'p-1': 1 } }])) };
    expect(buildSummary(tied, en).glance?.top).toHaveLength(3);
  });

  it('tells the agenda as it went: done, where the room was, skipped, not reached', () => {
    const block = (id: string, skipped = false) => ({ id, kind: 'custom' as const, title: `Block ${id}`, prompt: null, minutes: 30, skipped });
    const session = sessionWith({}, { agenda: [block('1'), block('2', true), block('3'), block('4')], activeBlockId: '3' });
    expect(buildSummary(session, en).agenda?.map((item) => [item.title, item.stateText])).toEqual([
      ['Block 1', 'done'],
      ['Block 2', 'skipped'],
      ['Block 3', 'last worked on'],
      ['Block 4', 'not reached'],
    ]);
  });

  it('shows notes, why and tags with the cards unless asked not to, and the day of the export on the cover', () => {
    const noted = card('n', 'Noted', { notes: 'a note', why: 'the why', tags: ['t'] });
    const session = sessionWith({ marketing: [noted] });
    const withNotes = buildSummary(session, { ...en, exportedOn: '2027-03-05' });
    expect(withNotes.lanes?.[0]?.cards[0]).toMatchObject({ notes: 'a note', why: 'the why', tags: ['t'] });
    expect(withNotes.exportedText).toBe('5 March 2027');
    expect(buildSummary(session, { ...en, withNotes: false }).lanes?.[0]?.cards[0]).toMatchObject({ notes: '', why: '', tags: [] });
  });
});

describe('dates in a summary', () => {
  it('spells out days and times in the language, independent of the machine’s locale', () => {
    expect(spelledDay('2027-03-04', 'de')).toBe('4. März 2027');
    expect(spelledDay('2027-12-31', 'en')).toBe('31 December 2027');
    expect(spelledDay('', 'en')).toBe('');
    expect(momentFormatter('de', 'Europe/Berlin')('2027-07-01T22:05:00.000Z')).toBe('2. Juli 2027, 00:05 Uhr');
    expect(momentFormatter('en', 'America/New_York')('2027-07-01T22:05:00.000Z')).toBe('1 July 2027, 18:05');
    // An unknown zone falls back to UTC rather than failing the export.
    expect(momentFormatter('en', 'Nowhere/Atlantis')('2027-07-01T22:05:00.000Z')).toBe('1 July 2027, 22:05');
  });
});
