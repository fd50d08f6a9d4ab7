import { Fragment, memo, type ReactNode } from 'react';
import type { MetricItem, RankedItem, Summary } from '../../../core/summary';
import { summaryText, type SummarySection, type SummaryText } from '../../../core/summary-text';

/**
 * The summary as the exported files hold it, laid out with React from the one summary model
 * (core/summary.ts) — the same parts, in the same order and words, as the HTML and PDF
 * (core/export/html.ts). Not the exported HTML itself: that carries an inline <style>, which the
 * app's Content-Security-Policy forbids. Its words are the summary's, in the session's language;
 * `lang` tells screen readers to speak them so.
 */
export const SummaryPreview = memo(function SummaryPreview({ summary }: { summary: Summary }) {
  const text = summaryText(summary.language);
  const subtitle = [text.summary, summary.dateText].filter(Boolean).join(' · ');
  return (
    <article className="summary" lang={summary.language}>
      <header className="summary-header">
        <h3 className="summary-title">{summary.title}</h3>
        <p className="summary-subtitle">{subtitle}</p>
        {/* The facts are the cover, as in the files. */}
        <Facts summary={summary} text={text} />
      </header>
      {summary.sections
        // The board picture is printed at export; the dialog says so beside the preview.
        .filter((section) => section !== 'facts' && section !== 'board')
        .flatMap((section) => [
          ...(section === 'moves' ? [<RankingAppendix key="ranking-appendix" summary={summary} text={text} />] : []),
          <SummarySectionView key={section} summary={summary} section={section} />,
        ])}
      {!summary.sections.includes('moves') && <RankingAppendix summary={summary} text={text} />}
    </article>
  );
});

/**
 * One section. It draws only its own part of the summary (each part is named as its section), so
 * it is skipped while that part is the same object: switching another section on or off, with the
 * summary built once for all sections (`summaryWithSections`), re-renders nothing else.
 */
const SummarySectionView = memo(
  function SummarySectionView({ summary, section }: { summary: Summary; section: SummarySection }) {
    const text = summaryText(summary.language);
    return (
      <section className={`summary-section summary-section--${section}`}>
        <h4>{text.sections[section]}</h4>
        <SectionBody summary={summary} section={section} text={text} />
      </section>
    );
  },
  (before, after) =>
    before.section === after.section &&
    before.summary.language === after.summary.language &&
    partOf(before.summary, before.section) === partOf(after.summary, after.section),
);

/** The part of the summary a section draws; the board picture is made at export, so its section has none. */
function partOf(summary: Summary, section: SummarySection): unknown {
  if (section === 'board') return null;
  if (section === 'glance') return [summary.glance, summary.mission];
  if (section === 'votes' || section === 'lanes') return [summary[section], summary.withNotes];
  return summary[section];
}

function SectionBody({ summary, section, text }: { summary: Summary; section: SummarySection; text: SummaryText }): ReactNode {
  switch (section) {
    case 'facts':
      return null;
    case 'glance':
      return <Glance summary={summary} text={text} />;
    case 'board':
      return null;
    case 'agenda':
      return <Agenda summary={summary} text={text} />;
    case 'lanes':
      return <Lanes summary={summary} text={text} />;
    case 'seams':
      return <Seams summary={summary} text={text} />;
    case 'caricatures':
      return <Caricatures summary={summary} text={text} />;
    case 'metrics':
      return <Metrics summary={summary} text={text} />;
    case 'votes':
      return <Votes summary={summary} text={text} />;
    case 'actions':
      return <Actions summary={summary} text={text} />;
    case 'moves':
      return <Moves summary={summary} text={text} />;
  }
}

type Part = { summary: Summary; text: SummaryText };

function Note({ children, flag = false }: { children: ReactNode; flag?: boolean }) {
  return <p className={flag ? 'summary-flag' : 'summary-muted'}>{children}</p>;
}

/** "Label: value", the label set off in bold, as in the exported files. */
function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <span className="summary-detail">
      <span className="summary-label">{`${label}:`}</span> <span className="summary-multiline">{children}</span>
    </span>
  );
}

function Facts({ summary, text }: Part) {
  const facts = summary.facts;
  if (!facts) return null;
  const fields: readonly (readonly [string, string])[] = [
    [text.facts.client, facts.client],
    [text.facts.date, facts.dateText],
    [text.facts.place, facts.place],
    [text.facts.facilitator, facts.facilitator],
    [text.facts.exported, summary.exportedText],
  ];
  return (
    <dl className="summary-facts">
      {fields
        .filter(([, value]) => value.trim())
        .map(([label, value]) => (
          <div key={label} className="summary-fact">
            <dt>{label}</dt>
            <dd className="summary-multiline">{value}</dd>
          </div>
        ))}
      <div className="summary-fact">
        <dt>{text.facts.participants}</dt>
        <dd>
          {facts.participants.length === 0 ? (
            text.facts.noParticipants
          ) : (
            <ul>
              {facts.participants.map((group) => (
                <li key={group.department}>
                  <span className="summary-label">{`${group.label}:`}</span> {group.names.join(', ')}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}

function Lanes({ summary, text }: Part) {
  return (
    <>
      {(summary.lanes ?? []).map((lane) => (
        <div key={lane.id} className={`summary-lane summary-lane--${lane.kind}`}>
          <h5>{lane.name}</h5>
          {lane.cards.length > 0 && (
            <ul>
              {lane.cards.map((card) => (
                <li key={card.cardId}>
                  {card.kind !== 'topic' && <span className="summary-kind">{card.kindText}</span>} {card.title}
                  {card.showLead && (
                    <span className={card.lead === 'unresolved' ? 'summary-lead summary-lead--unresolved' : 'summary-lead'}>
                      {` — ${text.lane.lead}: ${card.leadText}`}
                    </span>
                  )}
                  {card.dots ? <span className="summary-lead">{` (${text.votes.dots(card.dots)})`}</span> : null}
                  {card.why.trim() && <Labelled label={text.card.why}>{card.why}</Labelled>}
                  {card.notes.trim() && <Labelled label={text.card.notes}>{card.notes}</Labelled>}
                  {card.tags.length > 0 && <Labelled label={text.card.tags}>{card.tags.join(', ')}</Labelled>}
                </li>
              ))}
            </ul>
          )}
          {lane.cards.length === 0 && lane.hiddenCaricatures === 0 && <Note>{text.lane.empty}</Note>}
          {lane.hiddenCaricatures > 0 && <Note>{text.lane.hiddenCaricatures(lane.hiddenCaricatures)}</Note>}
        </div>
      ))}
    </>
  );
}

function Seams({ summary, text }: Part) {
  const seams = summary.seams ?? [];
  if (seams.length === 0) return <Note>{text.seams.none}</Note>;
  return (
    <>
      {seams.map((seam) => {
        const parts = [
          [text.seams.who, seam.who],
          [text.seams.cadence, seam.cadence],
          [text.seams.decisions, seam.decisions],
        ] as const;
        const told = parts.filter(([, value]) => value.trim());
        return (
          <div key={seam.cardId} className="summary-item">
            <h5>{seam.title}</h5>
            {!seam.agreed && <Note flag>{text.seams.notAgreed}</Note>}
            {told.length > 0 && (
              <ul>
                {told.map(([label, value]) => (
                  <li key={label}>
                    <Labelled label={label}>{value}</Labelled>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </>
  );
}

function Caricatures({ summary, text }: Part) {
  const caricatures = summary.caricatures;
  if (!caricatures) return null;
  return (
    <>
      {caricatures.hiddenCount > 0 && <Note>{text.caricatures.hidden(caricatures.hiddenCount)}</Note>}
      {caricatures.hiddenCount === 0 && caricatures.groups.length === 0 && <Note>{text.caricatures.none}</Note>}
      {caricatures.groups.map((group) => (
        <div key={group.view} className="summary-item">
          <h5>{group.label}</h5>
          <ul>
            {group.items.map((item) => (
              <li key={item.cardId}>
                <strong>{item.title}</strong>
                {' — '}
                <span className={item.cleared ? 'summary-ok' : 'summary-flag'}>
                  {item.cleared ? text.caricatures.cleared : text.caricatures.notCleared}
                </span>
                {item.truth.trim() ? (
                  <Labelled label={text.caricatures.truth}>{item.truth}</Labelled>
                ) : (
                  <span className="summary-detail summary-muted">{text.caricatures.noTruth}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function Metrics({ summary, text }: Part) {
  const metrics = summary.metrics;
  if (!metrics) return null;
  if (metrics.withNarrative.length + metrics.withoutNarrative.length === 0) return <Note>{text.metrics.none}</Note>;
  const groups = [
    { told: true, head: text.metrics.withNarrative, items: metrics.withNarrative, empty: text.metrics.none },
    { told: false, head: text.metrics.withoutNarrative, items: metrics.withoutNarrative, empty: text.metrics.allTold },
  ];
  return (
    <>
      {groups.map(({ told, head, items, empty }) => (
        <Fragment key={head}>
          <h5>{head}</h5>
          {items.length === 0 ? (
            <Note>{empty}</Note>
          ) : (
            <ul>
              {items.map((metric) => (
                <Metric key={metric.cardId} metric={metric} text={text} told={told} />
              ))}
            </ul>
          )}
        </Fragment>
      ))}
    </>
  );
}

function Metric({ metric, text, told }: { metric: MetricItem; text: SummaryText; told: boolean }) {
  const facts = [metric.figure, metric.ownerText && `${text.metrics.owner}: ${metric.ownerText}`].filter(Boolean);
  return (
    <li>
      <strong>{metric.title}</strong>
      {facts.map((fact) => ` — ${fact}`).join('')}
      {told ? (
        <Labelled label={text.metrics.narrative}>{metric.narrative}</Labelled>
      ) : (
        <span className="summary-detail summary-flag">{text.metrics.noNarrative}</span>
      )}
    </li>
  );
}

function Votes({ summary, text }: Part) {
  const votes = summary.votes;
  if (!votes) return null;
  if (!votes.revealed) return <Note>{text.votes.hidden}</Note>;
  if (votes.ranking.length === 0) return <Note>{text.votes.none}</Note>;
  return <RankingTable ranking={votes.ranking} text={text} />;
}

/** The places after the top 10: an appendix, as in the files. */
function RankingAppendix({ summary, text }: Part) {
  const rest = summary.votes?.rest ?? [];
  if (rest.length === 0) return null;
  return (
    <section className="summary-section summary-section--ranking-appendix">
      <h4>{text.appendix.ranking}</h4>
      <RankingTable ranking={rest} text={text} />
    </section>
  );
}

function RankingTable({ ranking, text }: { ranking: readonly RankedItem[]; text: SummaryText }) {
  const columns: readonly Column<RankedItem>[] = [
    { head: text.votes.rank, cell: (entry) => entry.rank },
    { head: text.columns.title, cell: (entry) => entry.title },
    { head: text.columns.lane, cell: (entry) => entry.laneName },
    { head: text.columns.dots, cell: (entry) => text.votes.dots(entry.dots), className: () => 'summary-nowrap' },
  ];
  return <Table rows={ranking} rowKey={(entry) => entry.cardId} columns={columns} />;
}

/** One column of a summary table: its heading, and each row's cell and the cell's class. */
interface Column<Row> {
  readonly head: string;
  readonly cell: (row: Row) => ReactNode;
  readonly className?: (row: Row) => string | undefined;
}

function Table<Row>({ rows, rowKey, columns }: { rows: readonly Row[]; rowKey: (row: Row) => string; columns: readonly Column<Row>[] }) {
  return (
    <table className="summary-table">
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col">
              {column.head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column, index) => (
              <td key={index} className={column.className?.(row)}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Actions({ summary, text }: Part) {
  const actions = summary.actions ?? [];
  if (actions.length === 0) return <Note>{text.actions.none}</Note>;
  const columns: readonly Column<(typeof actions)[number]>[] = [
    { head: text.actionColumns.action, cell: (action) => action.text, className: () => 'summary-multiline' },
    { head: text.actionColumns.owner, cell: (action) => action.owner.trim() || text.actions.noOwner },
    { head: text.actionColumns.due, cell: (action) => action.dueText || text.actions.noDue, className: () => 'summary-nowrap' },
    {
      head: text.actionColumns.status,
      cell: (action) => (action.done ? text.actions.done : text.actions.open),
      className: (action) => (action.done ? 'summary-ok summary-nowrap' : 'summary-nowrap'),
    },
    { head: text.actionColumns.card, cell: (action) => action.cardTitle },
  ];
  return <Table rows={actions} rowKey={(action) => action.actionId} columns={columns} />;
}

function Glance({ summary, text }: Part) {
  const glance = summary.glance;
  if (!glance) return null;
  const mission = (summary.mission ?? '').trim();
  return (
    <>
      <h5>{text.mission.label}</h5>
      {mission ? <blockquote className="summary-mission summary-multiline">{mission}</blockquote> : <Note>{text.mission.none}</Note>}
      <p className="summary-counts">{text.glance.counts(glance.counts)}</p>
      {glance.top.length > 0 && (
        <>
          <h5>{text.glance.top}</h5>
          <ol>
            {glance.top.map((entry) => (
              <li key={entry.cardId}>
                {entry.title} <span className="summary-lead">{`(${text.votes.dots(entry.dots)})`}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      <h5>{text.glance.unresolved}</h5>
      {glance.unresolved.length === 0 ? (
        <Note>{text.glance.noUnresolved}</Note>
      ) : (
        <ul>
          {glance.unresolved.map((card) => (
            <li key={card.cardId}>
              <span className="summary-flag">{card.title}</span> <span className="summary-lead">{`(${card.laneName})`}</span>
            </li>
          ))}
        </ul>
      )}
      <h5>{text.glance.nextActions}</h5>
      {glance.nextActions.length === 0 ? (
        <Note>{text.glance.noNextActions}</Note>
      ) : (
        <ul>
          {glance.nextActions.map((action) => (
            <li key={action.actionId}>
              {action.text}
              {[action.owner.trim(), action.dueText].some(Boolean) && (
                <span className="summary-lead">{` — ${[action.owner.trim(), action.dueText].filter(Boolean).join(', ')}`}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Agenda({ summary, text }: Part) {
  const agenda = summary.agenda ?? [];
  if (agenda.length === 0) return <Note>{text.agenda.none}</Note>;
  const columns: readonly Column<(typeof agenda)[number]>[] = [
    { head: text.agenda.block, cell: (item) => item.title },
    { head: text.agenda.minutes, cell: (item) => item.minutesText, className: () => 'summary-nowrap' },
    { head: text.agenda.state, cell: (item) => item.stateText, className: (item) => (item.state === 'skipped' ? 'summary-flag' : undefined) },
  ];
  return <Table rows={agenda} rowKey={(item) => item.id} columns={columns} />;
}

function Moves({ summary, text }: Part) {
  const moves = summary.moves ?? [];
  if (moves.length === 0) return <Note>{text.moves.none}</Note>;
  return (
    <ul>
      {moves.map((move, index) => (
        // A card can move twice within the same minute: its id and time are not unique, the order is.
        <li key={index}>
          {`${move.atText} — `}
          <strong>{move.cardTitle}</strong>
          {`: ${move.from} → ${move.to}`}
          {move.reason.trim() ? (
            <Labelled label={text.moves.reason}>{move.reason}</Labelled>
          ) : (
            <span className="summary-detail summary-muted">{text.moves.noReason}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
