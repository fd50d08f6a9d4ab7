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
        exchange:
          laneId === 'seam'
            ? { who: 'Leitung Marketing + Vertrieb', cadence: 'alle 2 Wochen', decisions: 'Marketing: MQL\nVertrieb: SQL' }
            : base.exchange,
        caricature: {
          view: index % 2 === 0 ? 'marketingOnSales' : 'salesOnMarketing',
          truth: index % 14 === 0 ? 'Stimmt so nicht: beide wollen dasselbe.' : '',
          cleared: index % 14 === 0,
        },
        metric: {
          value: String(index % 90),
          target: '80',
          unit: '%',
          owner: 'joint',
          narrative: index % 6 === 0 ? 'Steigt sie, arbeiten wir an denselben Kunden.' : '',
        },
        actions:
          index % 5 === 0
            ? [
                { id: `a-${index}-1`, text: `Aufgabe zu Karte ${index}`, owner: 'Anna', due: '2027-04-01', done: false },
                { id: `a-${index}-2`, text: 'Nachfassen', owner: '', due: '', done: true },
              ]
            : [],
        moves:
          index % 5 === 0
            ? [
                {
                  fromLaneId: 'marketing',
                  toLaneId: laneId,
                  at: `2027-03-04T09:${String(index % 60).padStart(2, '0')}:00.000Z`,
                  reason: 'Gehört hierher',
                },
              ]
            : [],
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
      actions: [
        { id: `a-${i}`, text: i === 1 ? hostile.hyperlink : `Aufgabe ${hostile.emoji}`, owner: hostile.quotes, due: '2027-04-01', done: i % 2 === 0 },
      ],
      moves: [{ fromLaneId: 'sales', toLaneId: 'marketing', at: '2027-03-04T09:31:02.000Z', reason: `${hostile.script} weil „darum“` }],
      votes: { 'p-1': i + 1 },
    }),
  );
  const seam = [
    card('s-0', hostile.quotes, {
      lead: 'joint',
      exchange: { who: hostile.image, cadence: hostile.plus, decisions: `${hostile.markdown}\n${hostile.listLike}` },
    }),
    card('s-1', hostile.emoji, {
      kind: 'metric',
      metric: { value: '-5', target: '=1+1', unit: '<%>', owner: 'joint', narrative: `${hostile.script}\n${hostile.german}` },
    }),
    card('s-2', hostile.german, { kind: 'metric', metric: { value: '3', target: '', unit: '', owner: null, narrative: '' } }),
  ];
  const sales = [
    card('x-0', hostile.long, {
      kind: 'caricature',
      caricature: { view: 'salesOnMarketing', truth: `${hostile.hyperlink}\n${hostile.emoji}`, cleared: true },
    }),
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

const longTitles = [
  'Übergabe der Messekontakte aus der Hannover Messe an den Außendienst innerhalb von 48 Stunden',
  'Gemeinsame Definition eines vertriebsreifen Leads (MQL → SQL) mit Schwellenwerten im CRM',
  'Rückmeldung des Vertriebs an das Marketing, warum ein Lead verloren wurde 📉',
  'Kampagnenplanung für das Frühjahrsgeschäft mit den Key-Accounts abstimmen 🚀',
  'Preisfreigaben über 50.000 € beschleunigen: Geschäftsführung entlasten',
  'Webinar-Teilnehmer:innen automatisch dem zuständigen Gebietsverkaufsleiter zuordnen',
  'Wettbewerbsbeobachtung: Schäfer & Kollegen GmbH unterbietet uns in Süddeutschland',
  'Produktdatenblätter veraltet – Außendienst druckt eigene Versionen 🖨️',
  'Newsletter-Abmeldungen steigen nach jeder Preisaktion – Ursachenanalyse gemeinsam',
];
const owners = ['Anna Schäfer', 'Gökhan Yılmaz', 'Birgit „Biggi“ Lorenz', 'Sven Ødegård', 'Leonie Brandt-Müllerschön', ''];

/**
 * The session of issue 14: what a large real workshop leaves — 72 cards over the three lanes and
 * a parking lane, long German titles with emoji, 500-character notes, why and tags on many cards,
 * 44 action items with owners and due days (some done, some without a day), metrics with and
 * without narratives, revealed caricatures, a seam with agreements, votes revealed, an agenda
 * that was partly done and partly skipped, and moves. Deterministic.
 */
export function consultantSession(): Session {
  const base = richSession(72);
  const laneIds = ['marketing', 'seam', 'sales', 'parking'];
  const cards: Record<string, Card> = {};
  const lanes: Record<string, Lane> = { ...base.lanes };
  let actionsLeft = 44;
  let index = 0;
  for (const laneId of laneIds) {
    const lane = base.lanes[laneId];
    if (!lane) continue;
    for (const id of lane.cardIds) {
      const old = base.cards[id];
      if (!old) continue;
      index++;
      const title = `${longTitles[index % longTitles.length] ?? ''} (${index})`;
      const actionCount = actionsLeft > 0 && index % 3 !== 1 ? Math.min(actionsLeft, index % 2 === 0 ? 1 : 2) : 0;
      actionsLeft -= actionCount;
      cards[id] = {
        ...old,
        title,
        notes:
          index % 2 === 0
            ? `${'Gesprächsnotiz: Der Außendienst berichtet, dass Kund:innen die Übergabe als holprig erleben. '.repeat(6)}`.slice(0, 500)
            : old.notes,
        why: index % 3 === 0 ? 'Funktion: Leads priorisieren · Auftrag: Kund:innen schneller und verlässlicher helfen' : old.why,
        tags: index % 4 === 0 ? ['CRM', 'Übergabe', '🚀 Q3'] : old.tags,
        actions: Array.from({ length: actionCount }, (_, a) => ({
          id: `act-${index}-${a}`,
          text:
            a === 0
              ? `Vorschlag zur Übergaberegel für Karte ${index} ausarbeiten und im Jour fixe vorstellen`
              : 'Ergebnis an alle Gebietsverkaufsleiter:innen verteilen 📧',
          owner: owners[(index + a) % owners.length] ?? '',
          due: (index + a) % 7 === 0 ? '' : `2027-0${3 + ((index + a) % 6)}-${String(1 + ((index * 3 + a) % 28)).padStart(2, '0')}`,
          done: (index + a) % 5 === 0,
        })),
        votes: index % 2 === 0 ? { 'p-1': ((index * 7) % 5) + 1, 'p-2': (index % 3) + 1 } : {},
      };
    }
  }
  return {
    ...base,
    details: {
      ...base.details,
      title: 'Marketing × Vertrieb: Nahtstellen-Workshop Frühjahr 2027 – Übergaben, Kennzahlen & gemeinsamer Auftrag 🤝',
      client: 'Müller & Söhne Maschinenbau GmbH',
      place: 'Hamburg, Speicherstadt\nRaum „Elbe“, 3. OG',
      facilitator: 'Dr. Jördis Kühn',
    },
    mission:
      'Wir gewinnen gemeinsam Kund:innen, die bleiben – Marketing weckt Vertrauen, der Vertrieb hält das Versprechen, und beide messen sich an derselben Zahl.',
    agenda: [
      { id: 'b-1', kind: 'lead', title: null, prompt: null, minutes: 45, skipped: false },
      { id: 'b-2', kind: 'caricatures', title: null, prompt: null, minutes: 45, skipped: false },
      { id: 'b-3', kind: 'mission', title: null, prompt: null, minutes: 60, skipped: false },
      { id: 'b-4', kind: 'metrics', title: null, prompt: null, minutes: 40, skipped: true },
      { id: 'b-5', kind: 'custom', title: 'Nächste Schritte und Verantwortliche', prompt: null, minutes: 30, skipped: false },
    ],
    activeBlockId: 'b-3',
    lanes,
    cards,
  };
}
