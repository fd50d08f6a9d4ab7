/**
 * Sessions for the export tests and the export bench: a rich board of any size (every card kind,
 * seam exchanges, actions, moves, votes) and a hostile one (markup, formula injection, very long
 * text, emoji, quotes, umlauts, control characters).
 */
import { createDemoSession } from '../../../core/demo';
import { createSession, newCard, type Card, type Lane, type Participant, type Session } from '../../../core/model';

const participants: Participant[] = Array.from({ length: 12 }, (_, i) => ({
  id: `p-${i + 1}`,
  name: `Teilnehmerin ${i + 1}`,
  department: (['marketing', 'sales', 'other'] as const)[i % 3] ?? 'other',
}));

/**
 * `count` cards over the three lanes and a parking lane: every third a metric (every other of those
 * with a narrative), every seventh a caricature, the rest topics (some unresolved, the seam's with
 * an exchange); every fifth card has two action items and a move with a reason; dots everywhere.
 * Caricatures and votes are revealed, so every card appears in every format.
 */
export function richSession(count: number): Session {
  const demo = createDemoSession(count);
  const lanes = {
    ...demo.lanes,
    parking: { id: 'parking', kind: 'extra' as const, title: 'Parkplatz', cardIds: [] as string[] },
  };
  const cards: Record<string, Card> = {};
  let index = 0;
  for (const laneId of demo.laneOrder) {
    for (const id of demo.lanes[laneId]?.cardIds ?? []) {
      const base = demo.cards[id];
      if (!base) continue;
      index++;
      const kind = index % 3 === 0 ? 'metric' : index % 7 === 0 ? 'caricature' : 'topic';
      const lead = kind !== 'topic' ? base.lead : index % 11 === 0 ? 'unresolved' : base.lead;
      cards[id] = {
        ...base,
        title: `${base.title}: Übergabe der Leads an den Außendienst klären`,
        kind,
        lead,
        notes: index % 4 === 0 ? `Notiz zu ${base.title}\nzweite Zeile` : '',
        why: index % 6 === 0 ? 'Damit Kund:innen schneller Antworten bekommen' : '',
        colour: index % 5 === 0 ? 'blue' : null,
        tags: index % 2 === 0 ? ['CRM', 'Q3'] : [],
        exchange: laneId === 'seam' ? { who: 'Leitung Marketing + Vertrieb', cadence: 'alle 2 Wochen', decisions: 'Marketing: MQL\nVertrieb: SQL' } : base.exchange,
        caricature: { view: index % 2 === 0 ? 'marketingOnSales' : 'salesOnMarketing', truth: index % 14 === 0 ? 'Stimmt so nicht: beide wollen dasselbe.' : '', cleared: index % 14 === 0 },
        metric: { value: String(index % 90), target: '80', unit: '%', owner: 'joint', narrative: index % 6 === 0 ? 'Steigt sie, arbeiten wir an denselben Kunden.' : '' },
        actions:
          index % 5 === 0
            ? [
                { id: `a-${index}-1`, text: `Aufgabe zu Karte ${index}`, owner: 'Anna', due: '2027-04-01', done: false },
                { id: `a-${index}-2`, text: 'Nachfassen', owner: '', due: '', done: true },
              ]
            : [],
        moves: index % 5 === 0 ? [{ fromLaneId: 'marketing', toLaneId: laneId, at: `2027-03-04T09:${String(index % 60).padStart(2, '0')}:00.000Z`, reason: 'Gehört hierher' }] : [],
        votes: index % 3 === 0 ? { [`p-${(index % 12) + 1}`]: 1 + (index % 3) } : {},
      };
    }
  }
  return {
    ...demo,
    id: '5f0c2a9e-7d41-4b8e-9a52-1c3e6f8b2d47',
    details: {
      title: 'Jahresplanung Übergabe Marketing → Vertrieb',
      client: 'Müller & Söhne GmbH',
      date: '2027-03-04',
      place: 'Köln, Raum 4.12',
      facilitator: 'Jana Krüger',
      participants,
      language: 'de',
    },
    mission: 'Wir gewinnen gemeinsam Kund:innen, die bleiben.',
    caricaturesRevealed: true,
    voting: { voters: 'participants', dots: 99, revealed: true },
    laneOrder: [...demo.laneOrder, 'parking'],
    lanes,
    cards,
  };
}

/** A card with every field at its default plus `fields`. */
export function card(id: string, title: string, fields: Partial<Card> = {}): Card {
  return { ...newCard(id, title, fields.kind ?? 'topic', 'marketing'), ...fields };
}

/** A session with the method's lanes holding the given cards (by lane id), plus `fields`. */
export function sessionWith(cardsByLane: Readonly<Record<string, readonly Card[]>>, fields: Partial<Session> = {}): Session {
  const base = createSession('s-1', { title: 'Kick-off', language: 'en' });
  const lanes: Record<string, Lane> = { ...base.lanes };
  const laneOrder = [...base.laneOrder];
  const cards: Record<string, Card> = {};
  for (const [laneId, laneCards] of Object.entries(cardsByLane)) {
    if (!lanes[laneId]) {
      lanes[laneId] = { id: laneId, kind: 'extra', title: laneId, cardIds: [] };
      laneOrder.push(laneId);
    }
    const lane = lanes[laneId];
    if (lane) lanes[laneId] = { ...lane, cardIds: laneCards.map((c) => c.id) };
    for (const c of laneCards) cards[c.id] = c;
  }
  return { ...base, laneOrder, lanes, cards, ...fields };
}

/** Text that would break a format that does not escape, quote or neutralise it. */
export const hostile = {
  script: '<script>window.__pwned = 1</script>',
  image: '<img src="https://example.invalid/x.png" onerror="window.__pwned = 2">',
  hyperlink: '=HYPERLINK("http://x","y")',
  plus: '+SUM(A1:A9)',
  minus: '-2+3',
  at: '@cmd',
  markdown: '**not bold** _nor this_ [link](http://evil.invalid) `code` ~~gone~~ # hash | pipe &amp; &lt;b&gt;',
  listLike: '1. not a list',
  dashLike: '- not a bullet',
  quoteLike: '> not a quote',
  emoji: 'Launch 🚀 👩🏽‍💻 team ✔️',
  quotes: `"double" „deutsch“ 'single' «guillemets» ‚einfach‘`,
  german: 'Straße, Größe, Übergabe: ÄÖÜ äöü ß ẞ',
  long: `${'Wort '.repeat(99)}Ende!`,
} as const;

/**
 * A session whose every text is hostile: markup, formula injection, Markdown, emoji, quotes,
 * umlauts, the longest title the format allows, 5,000-character notes, a control character and a
 * lone surrogate half (which `printable` drops). Caricatures and votes revealed.
 */
export function hostileSession(): Session {
  const titles = Object.values(hostile);
  const marketing = titles.slice(0, 7).map((title, i) =>
    card(`m-${i}`, title, {
      notes: i === 0 ? `${'Notiz '.repeat(833)}`.slice(0, 5000) : `Zeile 1 ${hostile.script}\n\n   ${hostile.hyperlink}\n- ${hostile.german}`,
      why: hostile.minus,
      tags: [hostile.at, 'ß'],
      actions: [{ id: `a-${i}`, text: i === 1 ? hostile.hyperlink : `Aufgabe ${hostile.emoji}`, owner: hostile.quotes, due: '2027-04-01', done: i % 2 === 0 }],
      moves: [{ fromLaneId: 'sales', toLaneId: 'marketing', at: '2027-03-04T09:31:02.000Z', reason: `${hostile.script} weil „darum“` }],
      votes: { 'p-1': i + 1 },
    }),
  );
  const seam = [
    card('s-0', hostile.quotes, { lead: 'joint', exchange: { who: hostile.image, cadence: hostile.plus, decisions: `${hostile.markdown}\n${hostile.listLike}` } }),
    card('s-1', hostile.emoji, { kind: 'metric', metric: { value: '-5', target: '=1+1', unit: '<%>', owner: 'joint', narrative: `${hostile.script}\n${hostile.german}` } }),
    card('s-2', hostile.german, { kind: 'metric', metric: { value: '3', target: '', unit: '', owner: null, narrative: '' } }),
  ];
  const sales = [
    card('x-0', hostile.long, { kind: 'caricature', caricature: { view: 'salesOnMarketing', truth: `${hostile.hyperlink}\n${hostile.emoji}`, cleared: true } }),
    card('x-1', `Bell\u0007 and half \uD83D surrogate ${hostile.dashLike}`, { lead: 'unresolved' }),
    card('x-2', hostile.quoteLike, { lead: 'unresolved', notes: '\tTab first' }),
  ];
  const base = sessionWith({ marketing, seam, sales, [hostile.image]: [card('e-0', hostile.listLike, { lead: 'unresolved' })] });
  return {
    ...base,
    details: {
      ...base.details,
      title: `${hostile.script} ${hostile.german}`,
      client: hostile.hyperlink,
      place: `${hostile.quotes}\n${hostile.markdown}`,
      facilitator: hostile.emoji,
      participants: [
        { id: 'p-1', name: hostile.script, department: 'marketing' },
        { id: 'p-2', name: hostile.quotes, department: 'sales' },
      ],
      language: 'de',
    },
    mission: `${hostile.script}\n${hostile.hyperlink} & ${hostile.quotes}\n${hostile.listLike}`,
    caricaturesRevealed: true,
    voting: { voters: 'participants', dots: 99, revealed: true },
  };
}
