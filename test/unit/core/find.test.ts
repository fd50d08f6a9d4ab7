import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allTags, isFiltering, matchesFilter, needsAttention, noFilter, type CardFilter } from '../../../core/find';
import { cardKinds, leads, newCard, type Card } from '../../../core/model';

function card(changes: Partial<Card> = {}): Card {
  return { ...newCard('c1', 'Product launch', 'topic', 'marketing'), ...changes };
}

const filter = (changes: Partial<CardFilter>): CardFilter => ({ ...noFilter, ...changes });

describe('isFiltering', () => {
  it('is false for no filter and for blank text, true as soon as anything is chosen', () => {
    expect(isFiltering(noFilter)).toBe(false);
    expect(isFiltering(filter({ text: '  \n ' }))).toBe(false);
    expect(isFiltering(filter({ text: 'launch' }))).toBe(true);
    expect(isFiltering(filter({ kind: 'metric' }))).toBe(true);
    expect(isFiltering(filter({ lead: 'unresolved' }))).toBe(true);
    expect(isFiltering(filter({ tag: 'Q3' }))).toBe(true);
    expect(isFiltering(filter({ needsAttention: true }))).toBe(true);
  });
});

describe('matchesFilter: text', () => {
  it('finds words in the title regardless of case, and needs every word', () => {
    const c = card({ title: 'Pricing model for the new product' });
    expect(matchesFilter(c, filter({ text: 'PRICING' }), true)).toBe(true);
    expect(matchesFilter(c, filter({ text: 'product pricing' }), true)).toBe(true);
    expect(matchesFilter(c, filter({ text: 'pricing discount' }), true)).toBe(false);
    expect(matchesFilter(c, filter({ text: '   model   ' }), true)).toBe(true);
  });

  it('looks into notes, why, tags, actions and the kind-specific texts, not only the title', () => {
    const texts: [string, Partial<Card>][] = [
      ['notes', { notes: 'Ask the trade fair team' }],
      ['why', { why: 'Customers find us at the fair' }],
      ['tag', { tags: ['Fairs 2027'] }],
      ['action text', { actions: [{ id: 'a1', text: 'Book the fair stand', owner: 'Jana', due: '', done: false }] }],
      ['action owner', { actions: [{ id: 'a1', text: 'Book', owner: 'Fairweather', due: '', done: false }] }],
      ['exchange who', { exchange: { who: 'Fair leads', cadence: '', decisions: '' } }],
      ['exchange cadence', { exchange: { who: '', cadence: 'after every fair', decisions: '' } }],
      ['exchange decisions', { exchange: { who: '', cadence: '', decisions: 'Sales picks the fair' } }],
      ['caricature truth', { caricature: { view: 'marketingOnSales', truth: 'They go to every fair', cleared: false } }],
      ['metric value', { metric: { value: 'fair 40', target: '', unit: '', owner: null, narrative: '' } }],
      ['metric target', { metric: { value: '', target: 'fair 50', unit: '', owner: null, narrative: '' } }],
      ['metric unit', { metric: { value: '', target: '', unit: 'fairs', owner: null, narrative: '' } }],
      ['metric narrative', { metric: { value: '', target: '', unit: '', owner: null, narrative: 'The fair brings leads' } }],
    ];
    for (const [where, changes] of texts) {
      expect({ where, found: matchesFilter(card({ title: 'Topic', ...changes }), filter({ text: 'fair' }), true) }).toEqual({ where, found: true });
    }
    expect(matchesFilter(card({ title: 'Topic' }), filter({ text: 'fair' }), true)).toBe(false);
  });

  it('does not match words spread across two fields as one phrase, but each word may come from another field', () => {
    const c = card({ title: 'Launch', notes: 'Budget' });
    expect(matchesFilter(c, filter({ text: 'launch budget' }), true)).toBe(true);
    expect(matchesFilter(c, filter({ text: 'launchbudget' }), true)).toBe(false);
  });
});

describe('matchesFilter: kind, lead, tag, needs attention', () => {
  it('keeps only cards of the chosen kind and lead', () => {
    const metric = card({ kind: 'metric', lead: 'sales' });
    expect(matchesFilter(metric, filter({ kind: 'metric' }), true)).toBe(true);
    expect(matchesFilter(metric, filter({ kind: 'topic' }), true)).toBe(false);
    expect(matchesFilter(metric, filter({ lead: 'sales' }), true)).toBe(true);
    expect(matchesFilter(metric, filter({ lead: 'unresolved' }), true)).toBe(false);
    expect(matchesFilter(metric, filter({ kind: 'metric', lead: 'marketing' }), true)).toBe(false);
  });

  it('matches a tag regardless of case, only as a whole tag', () => {
    const c = card({ tags: ['Trade fair', 'Q3'] });
    expect(matchesFilter(c, filter({ tag: 'q3' }), true)).toBe(true);
    expect(matchesFilter(c, filter({ tag: 'TRADE FAIR' }), true)).toBe(true);
    expect(matchesFilter(c, filter({ tag: 'Trade' }), true)).toBe(false);
    expect(matchesFilter(card(), filter({ tag: 'Q3' }), true)).toBe(false);
  });

  it('combines text with the other filters', () => {
    const c = card({ title: 'Lead scoring', lead: 'joint', tags: ['CRM'] });
    expect(matchesFilter(c, filter({ text: 'scoring', lead: 'joint', tag: 'crm' }), true)).toBe(true);
    expect(matchesFilter(c, filter({ text: 'scoring', lead: 'sales' }), true)).toBe(false);
    expect(matchesFilter(c, filter({ text: 'pricing', lead: 'joint' }), true)).toBe(false);
  });

  it('with needsAttention keeps only cards the room still has to settle', () => {
    const onlyAttention = filter({ needsAttention: true });
    expect(matchesFilter(card({ lead: 'unresolved' }), onlyAttention, true)).toBe(true);
    expect(matchesFilter(card({ lead: 'joint' }), onlyAttention, true)).toBe(false);
  });
});

describe('needsAttention', () => {
  it('flags unresolved topics, metrics without a narrative and caricatures not cleared', () => {
    expect(needsAttention(card({ kind: 'topic', lead: 'unresolved' }))).toBe(true);
    expect(needsAttention(card({ kind: 'topic', lead: 'marketing' }))).toBe(false);

    const metric = card({ kind: 'metric', lead: 'sales' });
    expect(needsAttention(metric)).toBe(true);
    expect(needsAttention({ ...metric, metric: { ...metric.metric, narrative: '   ' } })).toBe(true);
    expect(needsAttention({ ...metric, metric: { ...metric.metric, narrative: 'Fewer leads, but better ones' } })).toBe(false);

    const caricature = card({ kind: 'caricature' });
    expect(needsAttention(caricature)).toBe(true);
    expect(needsAttention({ ...caricature, caricature: { ...caricature.caricature, cleared: true } })).toBe(false);
  });

  it('judges a metric or caricature by its own state, not by its lead', () => {
    const metric = card({ kind: 'metric', lead: 'unresolved', metric: { value: '4', target: '5', unit: '', owner: null, narrative: 'Told' } });
    expect(needsAttention(metric)).toBe(false);
  });
});

describe('allTags', () => {
  it('lists every tag once, ignoring case (the first spelling wins), sorted', () => {
    const cards = [card({ tags: ['Q3', 'trade fair'] }), card({ tags: ['CRM', 'q3'] }), card({ tags: [] })];
    expect(allTags(cards, true)).toEqual(['CRM', 'Q3', 'trade fair']);
    expect(allTags([], true)).toEqual([]);
  });
});

const arbitraryCard: fc.Arbitrary<Card> = fc
  .record({
    title: fc.string({ minLength: 1, maxLength: 12 }),
    notes: fc.string({ maxLength: 12 }),
    kind: fc.constantFrom(...cardKinds),
    lead: fc.constantFrom(...leads),
    tags: fc.array(fc.constantFrom('Q3', 'q3', 'CRM', 'Messe'), { maxLength: 3 }),
    cleared: fc.boolean(),
    narrative: fc.constantFrom('', 'story'),
  })
  .map(({ title, notes, kind, lead, tags, cleared, narrative }) => {
    const base = newCard('c', title, kind, 'marketing');
    return { ...base, notes, lead, tags, caricature: { ...base.caricature, cleared }, metric: { ...base.metric, narrative } };
  });

const arbitraryFilter: fc.Arbitrary<CardFilter> = fc.record({
  text: fc.oneof(fc.constant(''), fc.string({ maxLength: 4 })),
  kind: fc.option(fc.constantFrom(...cardKinds), { nil: null }),
  lead: fc.option(fc.constantFrom(...leads), { nil: null }),
  tag: fc.option(fc.constantFrom('Q3', 'crm', 'none'), { nil: null }),
  needsAttention: fc.boolean(),
});

describe('matchesFilter (properties)', () => {
  it('every card matches when nothing is being looked for', () => {
    fc.assert(fc.property(arbitraryCard, (c) => matchesFilter(c, noFilter, true)));
  });

  it('a card matching a filter matches each part of it alone: the parts narrow, never widen', () => {
    fc.assert(
      fc.property(arbitraryCard, arbitraryFilter, (c, f) => {
        if (!matchesFilter(c, f, true)) return;
        expect(matchesFilter(c, filter({ text: f.text }), true)).toBe(true);
        expect(matchesFilter(c, filter({ kind: f.kind }), true)).toBe(true);
        expect(matchesFilter(c, filter({ lead: f.lead }), true)).toBe(true);
        expect(matchesFilter(c, filter({ tag: f.tag }), true)).toBe(true);
        expect(matchesFilter(c, filter({ needsAttention: f.needsAttention }), true)).toBe(true);
      }),
    );
  });

  it('a card always finds itself by its own title', () => {
    fc.assert(fc.property(arbitraryCard, (c) => matchesFilter(c, filter({ text: c.title }), true)));
  });

  it('the tag filter matches exactly the cards that carry one of allTags', () => {
    fc.assert(
      fc.property(fc.array(arbitraryCard, { maxLength: 6 }), (cards) => {
        for (const tag of allTags(cards, true)) expect(cards.some((c) => matchesFilter(c, filter({ tag }), true))).toBe(true);
      }),
    );
  });
});

describe('hidden caricatures', () => {
  it('never match words while hidden, so Find cannot give away what they say; they do once revealed', () => {
    const hidden = { ...newCard('c', 'Die vom Vertrieb wollen nur Rabatte', 'caricature', 'marketing') };
    expect(matchesFilter(hidden, filter({ text: 'rabatte' }), false)).toBe(false);
    expect(matchesFilter(hidden, filter({ text: 'rabatte' }), true)).toBe(true);
    // Filtering by kind alone reveals nothing and still finds them.
    expect(matchesFilter(hidden, filter({ kind: 'caricature' }), false)).toBe(true);
  });

  it('keep their tags out of the tag list and out of a tag filter while hidden', () => {
    const hidden = { ...newCard('c', 'Zerrbild', 'caricature', 'marketing'), tags: ['lazy-sales'] };
    expect(allTags([hidden], false)).toEqual([]);
    expect(matchesFilter(hidden, filter({ tag: 'lazy-sales' }), false)).toBe(false);
    expect(allTags([hidden], true)).toEqual(['lazy-sales']);
    expect(matchesFilter(hidden, filter({ tag: 'lazy-sales' }), true)).toBe(true);
  });
});
