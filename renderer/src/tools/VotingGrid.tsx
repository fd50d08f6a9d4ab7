import type { TFunction } from 'i18next';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Card, Session } from '../../../core/model';
import { allowedDots, dotsLeft, dotsOn, isVotedOnByDefault, type Voter } from '../../../core/voting';
import { cardLabel, isHiddenCaricature } from '../board/card-text';
import { useBoard } from '../store/board-store';
import { voterName } from '../board/card-text';
import './voting-grid.css';

/**
 * Dot voting at the speed of a room: one grid, a row per voter and a column per card, so the
 * facilitator enters what the room calls out without choosing a voter first. A cell is one
 * voter's dots on one card: click, Enter, Space or + adds a dot, − or Backspace takes one back,
 * a digit sets the count; the arrow keys move between cells (one tab stop for the grid). When a
 * voter's last dot is placed, the focus goes down to the next voter: a pass through the room.
 * A dot beyond the budget is refused: the cell says so and a message says why. Topics only
 * unless "all cards" is on. docs/ARCHITECTURE.md, "Layers and arrows".
 */
export function VotingGrid({ voters }: { voters: readonly Voter[] }) {
  const { t } = useTranslation();
  const session = useBoard((s) => s.history.present);
  const [allCards, setAllCards] = useState(false);
  const [focus, setFocus] = useState({ row: 0, column: 0 });
  const [refused, setRefused] = useState<{ voterId: string; cardId: string } | null>(null);
  const [message, setMessage] = useState('');
  const table = useRef<HTMLTableElement>(null);
  const captionId = useId();
  const cards = useMemo(() => votableCards(session, allCards), [session, allCards]);
  const dots = session.voting.dots;

  const row = Math.min(focus.row, voters.length - 1);
  const column = Math.min(focus.column, cards.length - 1);

  /** Sets a voter's dots on a card; once the voter's dots are all placed, the next voter's row takes the focus. */
  const change = (voter: Voter, voterIndex: number, card: Card, wanted: number, columnIndex: number) => {
    const current = useBoard.getState().history.present;
    const fresh = current.cards[card.id];
    if (!fresh) return;
    const { dots: allowed, refusal } = allowedDots(current, fresh, voter.id, wanted);
    const name = voterName(voter, voterIndex, t);
    const title = cardLabel(fresh, isHiddenCaricature(current, fresh.id), t);
    if (allowed !== dotsOn(fresh, voter.id)) useBoard.getState().dispatch({ type: 'setVotes', cardId: fresh.id, voterId: voter.id, count: allowed });
    const after = useBoard.getState().history.present;
    if (refusal === 'noDotsLeft') {
      setRefused({ voterId: voter.id, cardId: fresh.id });
      setMessage(t('operations.voting.refused', { name, dots }));
    } else {
      setRefused(null);
      setMessage(t('operations.voting.set', { name, title, count: allowed, left: dotsLeft(after, voter.id), dots }));
      if (allowed > dotsOn(fresh, voter.id) && dotsLeft(after, voter.id) === 0 && voterIndex + 1 < voters.length)
        moveFocus(voterIndex + 1, columnIndex);
    }
  };

  const moveFocus = (nextRow: number, nextColumn: number) => {
    const r = Math.max(0, Math.min(voters.length - 1, nextRow));
    const c = Math.max(0, Math.min(cards.length - 1, nextColumn));
    setFocus({ row: r, column: c });
    table.current?.querySelector<HTMLElement>(`[data-cell="${r}:${c}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, voter: Voter, r: number, card: Card, c: number) => {
    const current = dotsOn(card, voter.id);
    const keys: Record<string, () => void> = {
      ArrowRight: () => moveFocus(r, c + 1),
      ArrowLeft: () => moveFocus(r, c - 1),
      ArrowDown: () => moveFocus(r + 1, c),
      ArrowUp: () => moveFocus(r - 1, c),
      Home: () => moveFocus(r, 0),
      End: () => moveFocus(r, cards.length - 1),
      '+': () => change(voter, r, card, current + 1, c),
      '-': () => change(voter, r, card, current - 1, c),
      Backspace: () => change(voter, r, card, current - 1, c),
      Delete: () => change(voter, r, card, current - 1, c),
    };
    const action = keys[event.key] ?? (/^[0-9]$/.test(event.key) ? () => change(voter, r, card, Number(event.key), c) : undefined);
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    action();
  };

  return (
    <div className="voting-grid-area">
      <div className="voting-grid-head">
        <p id={captionId} className="tools-label">
          {t('operations.voting.gridHint')}
        </p>
        <label className="choice">
          <input type="checkbox" checked={allCards} onChange={(event) => setAllCards(event.currentTarget.checked)} />
          {t('operations.voting.allCards')}
        </label>
      </div>
      {cards.length === 0 ? (
        <p className="voting-note">{t(allCards ? 'operations.voting.noCards' : 'operations.voting.noTopics')}</p>
      ) : (
        <div className="voting-grid-scroll">
          <table ref={table} className="voting-grid" aria-label={t('operations.voting.grid')} aria-describedby={captionId}>
            <thead>
              <tr>
                <th scope="col">{t('operations.voting.voter')}</th>
                {cards.map((card) => (
                  <th key={card.id} scope="col" className="voting-grid-card">
                    {cardLabel(card, isHiddenCaricature(session, card.id), t)}
                  </th>
                ))}
                <th scope="col">{t('operations.voting.left')}</th>
              </tr>
            </thead>
            <tbody>
              {voters.map((voter, r) => {
                const name = voterName(voter, r, t);
                const left = dotsLeft(session, voter.id);
                return (
                  <tr key={voter.id}>
                    <th scope="row" className={`voter--${voter.department}`}>
                      {name}
                    </th>
                    {cards.map((card, c) => {
                      const count = dotsOn(card, voter.id);
                      const isRefused = refused?.voterId === voter.id && refused.cardId === card.id;
                      return (
                        <td key={card.id}>
                          <button
                            type="button"
                            data-cell={`${r}:${c}`}
                            className={isRefused ? 'voting-cell voting-cell--refused' : left === 0 ? 'voting-cell voting-cell--spent' : 'voting-cell'}
                            tabIndex={r === row && c === column ? 0 : -1}
                            aria-label={cellLabel(t, name, cardLabel(card, isHiddenCaricature(session, card.id), t), count, left === 0)}
                            onFocus={() => setFocus({ row: r, column: c })}
                            onClick={() => change(voter, r, card, count + 1, c)}
                            onKeyDown={(event) => onKeyDown(event, voter, r, card, c)}
                          >
                            {count > 0 ? count : ''}
                          </button>
                        </td>
                      );
                    })}
                    <td className={left === 0 ? 'voting-left voting-left--spent' : 'voting-left'}>{t('operations.voting.leftOf', { left, dots })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className={refused ? 'voting-note voting-refusal' : 'voting-note'} role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}

function cellLabel(t: TFunction, name: string, title: string, count: number, spent: boolean): string {
  const label = t('operations.voting.cell', { name, title, count });
  return spent ? `${label} ${t('operations.voting.spent')}` : label;
}

/** The cards the grid offers, in board order: topics, or every card. */
function votableCards(session: Session, all: boolean): Card[] {
  return session.laneOrder.flatMap((laneId) =>
    (session.lanes[laneId]?.cardIds ?? []).flatMap((id) => {
      const card = session.cards[id];
      return card && (all || isVotedOnByDefault(card)) ? [card] : [];
    }),
  );
}
