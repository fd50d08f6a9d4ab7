/** A session's summary: the one model every export format renders. docs/summaries.md, "The model (`core/summary.ts`)". */
import type { AgendaBlock } from './agenda';
import {
  leadOfLane,
  type CardColour,
  type CardKind,
  type CaricatureView,
  type Department,
  type Lane,
  type Lead,
  type Metric,
  type Session,
  type Side,
} from './model';
import {
  spelledDay,
  glanceActions,
  glanceTop,
  momentFormatter,
  rankingTop,
  summarySections,
  type AgendaState,
  type GlanceCounts,
  summaryText,
  type SummaryLanguage,
  type SummarySection,
  type SummaryText,
} from './summary-text';
import { ranking } from './voting';

export const summaryFormat = 'nahtstelle-summary';
/** The JSON export's version; raise it when the model changes in a way a reader would notice. */
export const summaryVersion = 2;

export interface SummaryOptions {
  /** The language when the session has none set (`details.language` ''): usually the UI language. */
  readonly fallbackLanguage: SummaryLanguage;
  /** The sections to include, in any order; all when not given. */
  readonly sections?: readonly SummarySection[];
  /** IANA time zone for the times of moves; the machine's when not given. */
  readonly timeZone?: string;
  /** Whether the cards' notes, why and tags are shown with them in the lanes; yes when not given. */
  readonly withNotes?: boolean;
  /** The day of the export (YYYY-MM-DD) for the cover; none when not given. */
  readonly exportedOn?: string;
}

export interface Summary {
  readonly format: typeof summaryFormat;
  readonly version: typeof summaryVersion;
  readonly language: SummaryLanguage;
  readonly sessionId: string;
  /** The session's title, or "Untitled session" in the summary's language. */
  readonly title: string;
  /** The workshop day spelled out, or ''. */
  readonly dateText: string;
  /** The day of the export spelled out, or ''. */
  readonly exportedText: string;
  /** Whether the lanes show each card's notes, why and tags. */
  readonly withNotes: boolean;
  /** The included sections, in the order they are shown. */
  readonly sections: readonly SummarySection[];
  /** Each section is null when it is not included. */
  readonly facts: SummaryFacts | null;
  /** The mission as written ('' while none is agreed): part of "at a glance". */
  readonly mission: string | null;
  readonly glance: GlanceSummary | null;
  readonly lanes: readonly SummaryLane[] | null;
  readonly seams: readonly SeamAgreement[] | null;
  readonly caricatures: CaricatureSummary | null;
  readonly metrics: MetricSummary | null;
  readonly votes: VoteSummary | null;
  /** Sorted by due day (none last), then in board order. */
  readonly actions: readonly ActionSummary[] | null;
  readonly agenda: readonly AgendaItem[] | null;
  readonly moves: readonly MoveSummary[] | null;
  /** Every card that may be shown, in board order, with every field: the card table (CSV). */
  readonly cards: readonly SummaryCard[];
}

export interface SummaryFacts {
  readonly title: string;
  readonly client: string;
  /** YYYY-MM-DD or '' */
  readonly date: string;
  readonly dateText: string;
  readonly place: string;
  readonly facilitator: string;
  /** Departments with at least one participant, in the order marketing, sales, other. */
  readonly participants: readonly ParticipantGroup[];
}

export interface ParticipantGroup {
  readonly department: Department;
  readonly label: string;
  readonly names: readonly string[];
}

/** The page "at a glance": the mission is `Summary.mission`. */
export interface GlanceSummary {
  readonly counts: GlanceCounts;
  /** The top places by dots; empty while the votes are hidden. */
  readonly top: readonly RankedItem[];
  readonly votesRevealed: boolean;
  readonly unresolved: readonly CardReference[];
  /** The open action items due first. */
  readonly nextActions: readonly ActionSummary[];
}

export interface AgendaItem {
  readonly id: string;
  readonly title: string;
  readonly minutes: number;
  readonly minutesText: string;
  readonly state: AgendaState;
  readonly stateText: string;
}

export interface CardReference {
  readonly cardId: string;
  readonly title: string;
  readonly laneName: string;
}

export interface SummaryLane {
  readonly id: string;
  readonly kind: Lane['kind'];
  readonly name: string;
  readonly cards: readonly LaneCard[];
  /** Caricatures in this lane that are not shown because the caricatures are still hidden. */
  readonly hiddenCaricatures: number;
}

export interface LaneCard {
  readonly cardId: string;
  readonly title: string;
  readonly kind: CardKind;
  readonly kindText: string;
  /** Topics only: who leads; null for caricatures and metrics (the board shows no lead for them). */
  readonly lead: Lead | null;
  readonly leadText: string;
  /** Whether the lead is worth saying: it differs from the lane's own ("Marketing" in Marketing is not). */
  readonly showLead: boolean;
  /** '' and [] when the summary is without notes. */
  readonly notes: string;
  readonly why: string;
  readonly tags: readonly string[];
  /** Dots, or null while the votes are hidden. */
  readonly dots: number | null;
}

export interface SeamAgreement extends CardReference {
  readonly who: string;
  readonly cadence: string;
  readonly decisions: string;
  /** Whether anything of the exchange is recorded yet. */
  readonly agreed: boolean;
}

export interface CaricatureSummary {
  readonly revealed: boolean;
  /** Caricatures left out because they are not revealed yet. */
  readonly hiddenCount: number;
  /** Revealed caricatures, grouped by whose picture they are. */
  readonly groups: readonly CaricatureGroup[];
}

export interface CaricatureGroup {
  readonly view: CaricatureView;
  readonly label: string;
  readonly items: readonly CaricatureItem[];
}

export interface CaricatureItem extends CardReference {
  readonly truth: string;
  readonly cleared: boolean;
}

export interface MetricSummary {
  readonly withNarrative: readonly MetricItem[];
  readonly withoutNarrative: readonly MetricItem[];
}

export interface MetricItem extends CardReference {
  readonly value: string;
  readonly target: string;
  readonly unit: string;
  readonly owner: Side | null;
  readonly ownerText: string;
  /** "31 % SQL-Quote · Ziel 40 % SQL-Quote", or '' when neither value nor target is given. */
  readonly figure: string;
  readonly narrative: string;
}

export interface VoteSummary {
  readonly revealed: boolean;
  /** The top `rankingTop` places (ties at the edge included); empty while the votes are hidden. */
  readonly ranking: readonly RankedItem[];
  /** The places after those: an appendix. */
  readonly rest: readonly RankedItem[];
}

export interface RankedItem extends CardReference {
  readonly rank: number;
  readonly dots: number;
}

export interface ActionSummary {
  readonly actionId: string;
  readonly cardId: string;
  readonly cardTitle: string;
  readonly text: string;
  readonly owner: string;
  /** YYYY-MM-DD or '' */
  readonly due: string;
  readonly dueText: string;
  readonly done: boolean;
}

export interface MoveSummary {
  readonly cardId: string;
  readonly cardTitle: string;
  readonly fromLaneId: string;
  readonly toLaneId: string;
  /** The lane's name, or "a removed lane" when it is gone (its id stays in fromLaneId/toLaneId). */
  readonly from: string;
  readonly to: string;
  /** ISO 8601 */
  readonly at: string;
  readonly atText: string;
  readonly reason: string;
}

/** A card with every field the board keeps, worded; kind-specific parts only for their kind (as the board shows them). */
export interface SummaryCard {
  readonly id: string;
  readonly laneId: string;
  readonly laneName: string;
  /** 1-based position in its lane. */
  readonly position: number;
  readonly title: string;
  readonly kind: CardKind;
  readonly kindText: string;
  readonly lead: Lead | null;
  readonly leadText: string;
  readonly notes: string;
  readonly why: string;
  readonly colour: CardColour | null;
  readonly colourText: string;
  readonly tags: readonly string[];
  readonly exchange: { readonly who: string; readonly cadence: string; readonly decisions: string } | null;
  readonly caricature: { readonly view: CaricatureView; readonly viewText: string; readonly truth: string; readonly cleared: boolean } | null;
  readonly metric: Omit<MetricItem, keyof CardReference> | null;
  readonly actions: readonly ActionSummary[];
  /** Dots from the current voters; null while the votes are hidden. */
  readonly dots: number | null;
  readonly moves: readonly MoveSummary[];
}

const departmentOrder: readonly Department[] = ['marketing', 'sales', 'other'];

/** The summary of `session`, in its language (or the fallback), with the chosen sections. */
export function buildSummary(session: Session, options: SummaryOptions): Summary {
  const language: SummaryLanguage = session.details.language || options.fallbackLanguage;
  const text = summaryText(language);
  const wanted = new Set(options.sections ?? summarySections);
  const sections = summarySections.filter((section) => wanted.has(section));
  const include = (section: SummarySection): boolean => wanted.has(section);
  const moment = momentFormatter(language, options.timeZone);
  const withNotes = options.withNotes ?? true;

  const laneNames = new Map<string, string>();
  for (const [id, lane] of Object.entries(session.lanes)) laneNames.set(id, summaryLaneName(lane, text));
  const nameOfLane = (id: string): string => laneNames.get(id) ?? text.removedLane;
  const hidden = (kind: CardKind): boolean => kind === 'caricature' && !session.caricaturesRevealed;

  const cards: SummaryCard[] = [];
  const lanes: SummaryLane[] = [];
  let hiddenCount = 0;
  for (const laneId of session.laneOrder) {
    const lane = session.lanes[laneId];
    if (!lane) continue;
    const name = nameOfLane(laneId);
    const laneCards: LaneCard[] = [];
    let hiddenHere = 0;
    for (const cardId of lane.cardIds) {
      const card = session.cards[cardId];
      if (!card) continue;
      if (hidden(card.kind)) {
        hiddenHere++;
        continue;
      }
      const title = printable(card.title);
      const lead = card.kind === 'topic' ? card.lead : null;
      const leadText = lead === null ? '' : text.leads[lead];
      laneCards.push({
        cardId,
        title,
        kind: card.kind,
        kindText: text.kinds[card.kind],
        lead,
        leadText,
        showLead: lead !== null && (lead !== leadOfLane(lane.kind) || lead === 'unresolved'),
        notes: withNotes ? printable(card.notes) : '',
        why: withNotes ? printable(card.why) : '',
        tags: withNotes ? card.tags.map(printable) : [],
        dots: null,
      });
      const ref = { cardId, title, laneName: name };
      const metric = card.kind === 'metric' ? metricItem(card.metric, ref, text) : null;
      cards.push({
        id: cardId,
        laneId,
        laneName: name,
        position: laneCards.length + hiddenHere,
        title,
        kind: card.kind,
        kindText: text.kinds[card.kind],
        lead,
        leadText,
        notes: printable(card.notes),
        why: printable(card.why),
        colour: card.colour,
        colourText: card.colour === null ? '' : text.colours[card.colour],
        tags: card.tags.map(printable),
        exchange:
          card.kind === 'topic'
            ? { who: printable(card.exchange.who), cadence: printable(card.exchange.cadence), decisions: printable(card.exchange.decisions) }
            : null,
        caricature:
          card.kind === 'caricature'
            ? {
                view: card.caricature.view,
                viewText: text.views[card.caricature.view],
                truth: printable(card.caricature.truth),
                cleared: card.caricature.cleared,
              }
            : null,
        metric: metric && {
          value: metric.value,
          target: metric.target,
          unit: metric.unit,
          owner: metric.owner,
          ownerText: metric.ownerText,
          figure: metric.figure,
          narrative: metric.narrative,
        },
        actions: card.actions.map((action) => ({
          actionId: action.id,
          cardId,
          cardTitle: title,
          text: printable(action.text),
          owner: printable(action.owner),
          due: action.due,
          dueText: spelledDay(action.due, language),
          done: action.done,
        })),
        dots: null,
        moves: card.moves.map((move) => ({
          cardId,
          cardTitle: title,
          fromLaneId: move.fromLaneId,
          toLaneId: move.toLaneId,
          from: nameOfLane(move.fromLaneId),
          to: nameOfLane(move.toLaneId),
          at: move.at,
          atText: moment(move.at),
          reason: printable(move.reason),
        })),
      });
    }
    hiddenCount += hiddenHere;
    lanes.push({ id: laneId, kind: lane.kind, name, cards: laneCards, hiddenCaricatures: hiddenHere });
  }

  const shown = new Map(cards.map((card) => [card.id, card]));
  const ranked = session.voting.revealed ? ranking(session) : [];
  const voteRanking = rerank(
    ranked.flatMap((entry) => {
      const card = shown.get(entry.card.id);
      return card ? [{ card, dots: entry.dots }] : [];
    }),
  );
  if (session.voting.revealed) {
    const dotsById = new Map(voteRanking.map((entry) => [entry.cardId, entry.dots]));
    for (let i = 0; i < cards.length; i++) {
      const card = cards[i];
      if (card) cards[i] = { ...card, dots: dotsById.get(card.id) ?? 0 };
    }
    for (let i = 0; i < lanes.length; i++) {
      const lane = lanes[i];
      if (lane) lanes[i] = { ...lane, cards: lane.cards.map((card) => ({ ...card, dots: dotsById.get(card.cardId) ?? 0 })) };
    }
  }
  const actions = byDueDay(cards.flatMap((card) => card.actions));
  const unresolved = cards.filter((card) => card.lead === 'unresolved');

  const ref = (card: SummaryCard): CardReference => ({ cardId: card.id, title: card.title, laneName: card.laneName });
  const metricItems = cards.flatMap((card) => (card.metric ? [{ ...ref(card), ...card.metric }] : []));
  const title = printable(session.details.title).trim() || text.untitled;
  const dateText = spelledDay(session.details.date, language);

  return {
    format: summaryFormat,
    version: summaryVersion,
    language,
    sessionId: session.id,
    title,
    dateText,
    exportedText: options.exportedOn ? spelledDay(options.exportedOn, language) : '',
    withNotes,
    sections,
    facts: include('facts') ? facts(session, text, dateText) : null,
    mission: include('glance') ? printable(session.mission) : null,
    glance: include('glance')
      ? {
          counts: {
            cards: cards.length + hiddenCount,
            topics: cards.filter((card) => card.kind === 'topic').length,
            caricatures: cards.filter((card) => card.kind === 'caricature').length + hiddenCount,
            metrics: cards.filter((card) => card.kind === 'metric').length,
            actions: actions.length,
            openActions: actions.filter((action) => !action.done).length,
          },
          top: topPlaces(voteRanking, glanceTop),
          votesRevealed: session.voting.revealed,
          unresolved: unresolved.map(ref),
          nextActions: actions.filter((action) => !action.done).slice(0, glanceActions),
        }
      : null,
    lanes: include('lanes') ? lanes : null,
    seams: include('seams')
      ? cards.flatMap((card) => {
          if (card.lead !== 'joint' || !card.exchange) return [];
          const { who, cadence, decisions } = card.exchange;
          return [{ ...ref(card), who, cadence, decisions, agreed: [who, cadence, decisions].some((part) => part.trim() !== '') }];
        })
      : null,
    caricatures: include('caricatures') ? caricatureSummary(cards, session.caricaturesRevealed, hiddenCount, text) : null,
    metrics: include('metrics')
      ? {
          withNarrative: metricItems.filter((m) => m.narrative.trim() !== ''),
          withoutNarrative: metricItems.filter((m) => m.narrative.trim() === ''),
        }
      : null,
    votes: include('votes')
      ? {
          revealed: session.voting.revealed,
          ranking: topPlaces(voteRanking, rankingTop),
          rest: voteRanking.slice(topPlaces(voteRanking, rankingTop).length),
        }
      : null,
    actions: include('actions') ? actions : null,
    agenda: include('agenda') ? agendaItems(session.agenda, session.activeBlockId, text) : null,
    moves: include('moves') ? chronological(cards.flatMap((card) => card.moves)) : null,
    cards,
  };
}

/** A lane's name: the facilitator's, or the default of its kind in the summary's language. */
export function summaryLaneName(lane: Pick<Lane, 'kind' | 'title'>, text: SummaryText): string {
  const own = lane.title === null ? '' : printable(lane.title).trim();
  return own || text.lanes[lane.kind];
}

/**
 * Text without the characters no document format can hold: C0 controls except tab and line
 * break (a carriage return becomes a line break), DEL, the non-characters U+FFFE/U+FFFF, and
 * surrogate halves without their partner. Everything else — emoji, umlauts, quotes — stays.
 */
export function printable(text: string): string {
  // Fast path: almost every text is clean.
  if (!unprintable.test(text)) return text;
  return text.replace(/\r\n?/g, '\n').replace(unprintableAll, '');
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const unprintable = /[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unprintableAll = new RegExp(unprintable.source, 'g');

function facts(session: Session, text: SummaryText, dateText: string): SummaryFacts {
  const { details } = session;
  const participants = departmentOrder.flatMap((department) => {
    const names = details.participants.filter((p) => p.department === department).map((p) => printable(p.name).trim() || text.facts.unnamed);
    return names.length > 0 ? [{ department, label: text.departments[department], names }] : [];
  });
  return {
    title: printable(details.title),
    client: printable(details.client),
    date: details.date,
    dateText,
    place: printable(details.place),
    facilitator: printable(details.facilitator),
    participants,
  };
}

function metricItem(metric: Metric, ref: CardReference, text: SummaryText): MetricItem {
  const value = printable(metric.value).trim();
  const target = printable(metric.target).trim();
  const unit = printable(metric.unit).trim();
  const withUnit = (number: string): string => (unit ? `${number} ${unit}` : number);
  const parts = [value && withUnit(value), target && `${text.metrics.target} ${withUnit(target)}`].filter(Boolean);
  return {
    ...ref,
    value,
    target,
    unit,
    owner: metric.owner,
    ownerText: metric.owner === null ? '' : text.sides[metric.owner],
    figure: parts.join(' · '),
    narrative: printable(metric.narrative),
  };
}

function caricatureSummary(cards: readonly SummaryCard[], revealed: boolean, hiddenCount: number, text: SummaryText): CaricatureSummary {
  const views: readonly CaricatureView[] = ['marketingOnSales', 'salesOnMarketing'];
  const groups = views.flatMap((view) => {
    const items = cards.flatMap((card) =>
      card.caricature?.view === view
        ? [{ cardId: card.id, title: card.title, laneName: card.laneName, truth: card.caricature.truth, cleared: card.caricature.cleared }]
        : [],
    );
    return items.length > 0 ? [{ view, label: text.views[view], items }] : [];
  });
  return { revealed, hiddenCount, groups };
}

/** The ranking of the cards that may be shown, ranked again so no hidden card leaves a gap. */
function rerank(entries: readonly { readonly card: SummaryCard; readonly dots: number }[]): RankedItem[] {
  let rank = 0;
  return entries.map((entry, index) => {
    if (index === 0 || entry.dots !== entries[index - 1]?.dots) rank = index + 1;
    return { cardId: entry.card.id, title: entry.card.title, laneName: entry.card.laneName, rank, dots: entry.dots };
  });
}

/**
 * The first `count` places, and whoever shares the last of them (a tie is not cut in two) — unless
 * the tie is so wide that "the top" would no longer be short: then `count` entries, in board order.
 */
function topPlaces(ranking: readonly RankedItem[], count: number): RankedItem[] {
  const edge = ranking[count - 1];
  if (!edge) return [...ranking];
  const withTies = ranking.filter((entry, index) => index < count || entry.rank === edge.rank);
  return withTies.length <= count + 2 ? withTies : ranking.slice(0, count);
}

/** Action items by due day, those without one last; the same day keeps board order (a stable sort). */
function byDueDay(actions: readonly ActionSummary[]): ActionSummary[] {
  const key = (action: ActionSummary): string => action.due || '9999-99-99';
  return [...actions].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * The agenda as the workshop went: blocks before the active one are done (unless skipped), the
 * active one is where the room was last, later ones were not reached. No active block (the agenda
 * never started, or the facilitator went back to the start): nothing is claimed as done.
 */
function agendaItems(blocks: readonly AgendaBlock[], activeBlockId: string | null, text: SummaryText): AgendaItem[] {
  const activeIndex = blocks.findIndex((block) => block.id === activeBlockId);
  return blocks.map((block, index) => {
    const state: AgendaState = block.skipped
      ? 'skipped'
      : activeIndex < 0 || index > activeIndex
        ? 'open'
        : index === activeIndex
          ? 'current'
          : 'done';
    return {
      id: block.id,
      title: printable(block.title ?? '').trim() || text.agenda.kinds[block.kind],
      minutes: block.minutes,
      minutesText: text.agenda.minutesText(block.minutes),
      state,
      stateText: text.agenda.states[state],
    };
  });
}

/** Moves oldest first; moves at the same time keep board order (the sort is stable). */
function chronological(moves: MoveSummary[]): MoveSummary[] {
  const time = (move: MoveSummary): number => {
    const parsed = Date.parse(move.at);
    return Number.isNaN(parsed) ? 0 : parsed;
  };
  return moves
    .map((move) => ({ move, at: time(move) }))
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.move);
}
