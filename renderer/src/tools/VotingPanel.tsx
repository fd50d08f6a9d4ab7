import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cardLimits, type CardId, type Session } from '../../../core/model';
import { dotsByVoter, ranking, votersOf, type Voter } from '../../../core/voting';
import { ConfirmButton } from '../ui/Dialog';
import { RadioGroup } from '../ui/fields';
import { MinusIcon, PlusIcon } from '../ui/icons';
import { cardLabel, isHiddenCaricature, voterName } from '../board/card-text';
import { laneName } from '../board/lane-name';
import { useBoard, type BoardState } from '../store/board-store';
import { useWorkshopUi } from '../store/workshop-store';
import { VotingGrid } from './VotingGrid';
import { useRoomText } from '../i18n/room-text';

const voterModes = ['participants', 'departments', 'phones'] as const;

const voterModeText = { participants: 'tools.voting.byParticipants', departments: 'tools.voting.byDepartments' } as const;

/**
 * The voters of the open session, as a stable array: a new one only when the mode or the
 * participants change (or, voting by phone, the cards), so the panel does not re-render for every other change.
 */
let votersCache: { readonly session: Session; readonly voters: Voter[] } | null = null;
function selectVoters(state: BoardState): Voter[] {
  const session = state.history.present;
  const cached = votersCache?.session;
  // Voting by phone, the voters are the phones that have placed a dot: they change with the cards.
  const sameVoters =
    cached?.voting.voters === session.voting.voters &&
    cached.details.participants === session.details.participants &&
    (session.voting.voters !== 'phones' || cached.cards === session.cards);
  if (sameVoters && votersCache) return votersCache.voters;
  votersCache = { session, voters: votersOf(session) };
  return votersCache.voters;
}

/**
 * Dot voting: who votes (people or departments), how many dots each, who is placing dots now
 * (the cards show their dot buttons for that voter), and the totals — hidden until revealed,
 * then as a ranking large enough for the back of the room. Every change is an undoable operation.
 * The grid (VotingGrid.tsx) is the fast way: every voter's dots entered without choosing a voter.
 */
export function VotingPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const roomT = useRoomText();
  const headingId = useId();
  const voting = useBoard((s) => s.history.present.voting);
  const cards = useBoard((s) => s.history.present.cards);
  const voterId = useWorkshopUi((s) => s.voterId);
  const voters = useBoard(selectVoters);
  const used = useMemo(() => dotsByVoter(cards), [cards]);
  const totalDots = useMemo(() => [...used.values()].reduce((sum, n) => sum + n, 0), [used]);
  const dispatch = useBoard.getState().dispatch;
  const setVoter = useWorkshopUi.getState().setVoter;

  // A voter who no longer votes (mode switched, participant removed) stops placing dots.
  useEffect(() => {
    if (voterId !== null && !voters.some((v) => v.id === voterId)) setVoter(null);
  }, [voterId, voters, setVoter]);

  const currentIndex = voters.findIndex((v) => v.id === voterId);
  const current = voters[currentIndex];
  const leftOf = (voter: Voter) => Math.max(0, voting.dots - (used.get(voter.id) ?? 0));
  const byParticipants = voting.voters === 'participants';
  const byPhones = voting.voters === 'phones';

  return (
    <section id={id} className="voting-panel" aria-labelledby={headingId}>
      <div className="voting-head">
        <h2 id={headingId} className="tools-heading">
          {t('tools.voting.region')}
        </h2>
        <RadioGroup
          className="voting-mode"
          optionClassName="choice"
          label={t('tools.voting.voters')}
          name={`${headingId}-voters`}
          options={voterModes}
          value={voting.voters}
          onChange={(mode) => dispatch({ type: 'setVoting', changes: { voters: mode } })}
          optionText={(mode) => (mode === 'phones' ? roomT('voting.byPhones') : t(voterModeText[mode]))}
          before={
            <span className="tools-label" aria-hidden="true">
              {t('tools.voting.voters')}
            </span>
          }
        />
        <DotsStepper dots={voting.dots} mode={voting.voters} />
        <TotalsActions revealed={voting.revealed} totalDots={totalDots} />
        <button type="button" className="tool-button voting-close" onClick={onClose}>
          {t('tools.voting.close')}
        </button>
      </div>

      {byPhones ? (
        // Phones place their own dots (core/room.ts): the facilitator sees how many voted, not for whom.
        <div className="voting-row">
          <p className="voting-note">{roomT('voting.phonesNote')}</p>
          <p className="voting-note" role="status" aria-live="polite">
            {roomT('voting.phonesVoted', { count: voters.length })}
          </p>
        </div>
      ) : byParticipants && voters.length === 0 ? (
        <p className="voting-note">
          {t('tools.voting.noParticipants')}{' '}
          <button type="button" className="tool-button" onClick={() => dispatch({ type: 'setVoting', changes: { voters: 'departments' } })}>
            {t('tools.voting.useDepartments')}
          </button>
        </p>
      ) : (
        <>
          {/* While a voter places dots on the cards, the board is the task: the grid makes room for it. */}
          {!current && <VotingGrid voters={voters} />}
          <div className="voting-row">
            <div className="voting-voters" role="group" aria-label={t('tools.voting.currentVoter')}>
              <span className="tools-label" aria-hidden="true">
                {t('tools.voting.currentVoter')}
              </span>
              {voters.map((voter, index) => (
                <button
                  key={voter.id}
                  type="button"
                  className={`tool-button voter voter--${voter.department}`}
                  aria-pressed={voter.id === voterId}
                  onClick={() => setVoter(voter.id === voterId ? null : voter.id)}
                >
                  {t('tools.voting.voterDots', { name: voterName(voter, index, t), left: leftOf(voter), dots: voting.dots })}
                </button>
              ))}
            </div>
            <div className="voting-current">
              <p className="voting-note" role="status" aria-live="polite">
                {current
                  ? t('tools.voting.placing', { name: voterName(current, currentIndex, t), left: leftOf(current), dots: voting.dots })
                  : t('tools.voting.chooseVoter')}
              </p>
              {current && (
                <button type="button" className="tool-button" onClick={() => setVoter(null)}>
                  {t('tools.voting.stopPlacing')}
                </button>
              )}
            </div>
          </div>
        </>
      )}

      {voting.revealed ? <Ranking /> : <p className="voting-note">{t('tools.voting.hidden')}</p>}
    </section>
  );
}

const dotsLabel = { participants: 'tools.voting.dotsPerParticipant', departments: 'tools.voting.dotsPerDepartment' } as const;

function DotsStepper({ dots, mode }: { dots: number; mode: (typeof voterModes)[number] }) {
  const { t } = useTranslation();
  const roomT = useRoomText();
  const labelId = useId();
  const set = (next: number) => useBoard.getState().dispatch({ type: 'setVoting', changes: { dots: next } });
  return (
    <div className="dots-stepper" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="tools-label">
        {mode === 'phones' ? roomT('voting.dotsPerPhone') : t(dotsLabel[mode])}
      </span>
      <button
        type="button"
        className="icon-button stepper-button"
        aria-label={t('tools.voting.fewerDots')}
        disabled={dots <= 1}
        onClick={() => set(dots - 1)}
      >
        <MinusIcon />
      </button>
      <output className="dots-value" aria-live="polite">
        {dots}
      </output>
      <button
        type="button"
        className="icon-button stepper-button"
        aria-label={t('tools.voting.moreDots')}
        disabled={dots >= cardLimits.dots}
        onClick={() => set(dots + 1)}
      >
        <PlusIcon />
      </button>
    </div>
  );
}

/** Reveal or hide the totals, and clear every vote after a confirmation. */
function TotalsActions({ revealed, totalDots }: { revealed: boolean; totalDots: number }) {
  const { t } = useTranslation();
  const dispatch = useBoard.getState().dispatch;
  return (
    <div className="voting-actions">
      <button
        type="button"
        className="tool-button tool-button--primary"
        onClick={() => dispatch({ type: 'setVoting', changes: { revealed: !revealed } })}
      >
        {t(revealed ? 'tools.voting.hide' : 'tools.voting.reveal')}
      </button>
      <ConfirmButton
        label={t('tools.voting.clear')}
        disabled={totalDots === 0}
        question={t('tools.voting.confirmClear', { count: totalDots })}
        hint={t('tools.voting.confirmClearHint')}
        cancelLabel={t('tools.voting.cancel')}
        confirmLabel={t('tools.voting.confirm')}
        onConfirm={() => dispatch({ type: 'clearVotes' })}
      />
    </div>
  );
}

/** The ranking, for the projector: rank, title (never a hidden caricature's), dots and the lane the card stands in. */
function Ranking() {
  const { t } = useTranslation();
  const headingId = useId();
  const session = useBoard((s) => s.history.present);
  const ranked = useMemo(() => ranking(session), [session]);
  const laneNames = useMemo(() => {
    const names = new Map<CardId, string>();
    for (const laneId of session.laneOrder) {
      const lane = session.lanes[laneId];
      if (lane) for (const cardId of lane.cardIds) names.set(cardId, laneName(lane, t));
    }
    return names;
  }, [session, t]);
  return (
    <div className="ranking">
      <h3 id={headingId} className="tools-heading">
        {t('tools.voting.ranking')}
      </h3>
      {ranked.length === 0 ? (
        <p className="voting-note">{t('tools.voting.noDots')}</p>
      ) : (
        <ol className="ranking-list" aria-labelledby={headingId}>
          {ranked.map(({ card, dots, rank }) => (
            <li key={card.id} className="ranking-entry">
              <span className="ranking-rank">{rank}.</span>
              <span className="ranking-title">{cardLabel(card, isHiddenCaricature(session, card.id), t)}</span>
              <span className="ranking-dots">{t('tools.voting.dots', { count: dots })}</span>
              <span className="ranking-lane">{laneNames.get(card.id)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
