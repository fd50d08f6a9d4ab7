/** The phone in the room: the board, writing topics and caricatures, placing dots. docs/ARCHITECTURE.md, "Phones in the room". */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Department } from '../../core/model';
import { roomLimits } from '../../core/room-protocol';
import type { PhoneBoard, PhoneCard, PhonePersonal } from '../../core/room-view';
import type { PhoneClient } from './client';
import { plural, type Language, type TextKey, type Translate } from './i18n';
import type { OutboxEntry } from './outbox';
import type { PhoneState } from './state';
import type { Drafts } from './storage';

type Tab = 'board' | 'write' | 'dots';
const tabs: readonly Tab[] = ['board', 'write', 'dots'];

interface Props {
  readonly client: PhoneClient;
  readonly state: PhoneState;
  readonly t: Translate;
  readonly language: Language;
}

export function RoomScreen({ client, state, t, language }: Props) {
  const [tab, setTab] = useState<Tab>('write');
  const { board, personal } = state;
  const voting = personal?.dots != null;
  const caricatures = personal?.can.caricatures === true;
  // When the facilitator opens voting or the caricatures, the phone goes there by itself (not on
  // the first view after a join or reload: the participant is where they were).
  const openedRef = useRef<{ voting: boolean; caricatures: boolean } | null>(null);
  useEffect(() => {
    if (!personal) return;
    const before = openedRef.current;
    if (before && voting && !before.voting) setTab('dots');
    else if (before && caricatures && !before.caricatures) setTab('write');
    openedRef.current = { voting, caricatures };
  }, [personal, voting, caricatures]);
  return (
    <>
      <main class="room" id="room-content">
        {tab === 'board' && <BoardView board={board} t={t} language={language} />}
        {tab === 'write' && <WriteView client={client} state={state} t={t} />}
        {tab === 'dots' && <DotsView client={client} state={state} t={t} language={language} />}
      </main>
      <nav class="tabs" aria-label={t('sections')}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            class={`tab${name === 'dots' && voting ? ' attention' : ''}`}
            aria-current={tab === name ? 'page' : undefined}
            onClick={() => setTab(name)}
          >
            {t(`tab_${name}`)}
          </button>
        ))}
      </nav>
    </>
  );
}

function BoardView({ board, t, language }: { board: PhoneBoard | null; t: Translate; language: Language }) {
  if (!board) return <p class="big">{t('waitingForBoard')}</p>;
  return (
    <div class="board">
      <h1>{board.sessionTitle || t('appTitle')}</h1>
      <p class="block">{board.block ? t('nowBlock', { block: board.block.title ?? t(`block_${board.block.kind}`) }) : t('notStarted')}</p>
      <section class="mission" aria-labelledby="mission-heading">
        <h2 id="mission-heading">{t('missionHeading')}</h2>
        <p>{board.mission.trim() || t('noMission')}</p>
      </section>
      {board.lanes.map((lane) => {
        const title = lane.title ?? t(`lane_${lane.kind}`);
        return (
          <section key={lane.id} class={`lane lane-${lane.kind}`} aria-label={title}>
            <h2>{title}</h2>
            {lane.cards.length === 0 ? (
              <p class="hint">{t('emptyLane')}</p>
            ) : (
              <ul class="cards">
                {lane.cards.map((card) => (
                  <li key={card.id} class={`card card-${card.kind}`}>
                    {card.kind !== 'topic' && <span class="kind">{t(`kind_${card.kind}`)}</span>}
                    <span class="title">{card.title}</span>
                    {board.votesRevealed && card.dots !== undefined && <span class="total">{plural(t, language, 'dots', card.dots)}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

const otherSide: Readonly<Record<Department, TextKey>> = { marketing: 'side_sales', sales: 'side_marketing', other: 'side_other' };

function WriteView({ client, state, t }: { client: PhoneClient; state: PhoneState; t: Translate }) {
  const { personal, board } = state;
  const drafts = client.getDrafts();
  const side = state.credentials?.side ?? 'other';
  const paused = personal !== null && !personal.can.topics;
  const caricatureBlock = board?.block?.kind === 'caricatures' && !board.caricaturesRevealed;
  const showCaricatures = personal?.can.caricatures === true || (paused && caricatureBlock && side !== 'other');
  const setDrafts = (change: Partial<Drafts>) => client.setDrafts({ ...client.getDrafts(), ...change });
  const sent = state.outbox.filter((entry) => entry.command.type !== 'vote').reverse();
  return (
    <div class="write">
      {paused && (
        <p class="notice" role="status">
          {t('paused')}
        </p>
      )}
      {sent.length > 0 && <SentList entries={sent} client={client} t={t} />}
      {personal && personal.mine.length > 0 && <MineList personal={personal} paused={paused} client={client} drafts={drafts} t={t} />}
      {caricatureBlock && side === 'other' && <p class="hint">{t('caricatureOnlySides')}</p>}
      {showCaricatures && (
        <Compose
          id="caricature"
          heading={t('caricatureHeading')}
          label={t('caricatureLabel')}
          hint={t('caricatureHint', { other: t(otherSide[side]) })}
          value={drafts.caricature}
          disabled={paused}
          t={t}
          onInput={(caricature) => setDrafts({ caricature })}
          onSend={(title) => {
            setDrafts({ caricature: '' });
            client.submit({ type: 'addCaricature', title });
          }}
        />
      )}
      <Compose
        id="topic"
        heading={t('topicHeading')}
        label={t('topicLabel')}
        hint={t('topicHint')}
        value={drafts.topic}
        disabled={paused}
        t={t}
        onInput={(topic) => setDrafts({ topic })}
        onSend={(title) => {
          setDrafts({ topic: '' });
          client.submit({ type: 'addTopic', title });
        }}
      />
    </div>
  );
}

interface ComposeProps {
  readonly id: string;
  readonly heading: string;
  readonly label: string;
  readonly hint: string;
  readonly value: string;
  readonly disabled: boolean;
  readonly t: Translate;
  onInput(value: string): void;
  onSend(title: string): void;
}

function Compose({ id, heading, label, hint, value, disabled, t, onInput, onSend }: ComposeProps) {
  const send = () => {
    if (disabled || value.trim() === '') return;
    onSend(value.trim());
  };
  return (
    <section class="compose" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p class="hint" id={`${id}-hint`}>
        {disabled ? t('paused') : hint}
      </p>
      <label class="visually-hidden" for={`${id}-text`}>
        {label}
      </label>
      <textarea
        id={`${id}-text`}
        rows={3}
        maxLength={roomLimits.titleLength}
        value={value}
        enterkeyhint="send"
        aria-describedby={`${id}-hint`}
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={(event) => {
          // A card's title is one line: Enter sends.
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            send();
          }
        }}
      />
      <button type="button" class="primary" disabled={disabled || value.trim() === ''} onClick={send}>
        {t('send')}
      </button>
    </section>
  );
}

function SentList({ entries, client, t }: { entries: readonly OutboxEntry[]; client: PhoneClient; t: Translate }) {
  return (
    <section class="sent" aria-labelledby="sent-heading">
      <h2 id="sent-heading">{t('sentHeading')}</h2>
      <ul aria-live="polite">
        {entries.map((entry) => {
          const title = 'title' in entry.command ? entry.command.title : '';
          const takesBack = (entry.status === 'refused' || entry.status === 'undelivered') && entry.command.type !== 'withdrawCaricature';
          return (
            <li key={entry.id} class={`entry status-${entry.status}`}>
              <span class="what">
                {t(`command_${entry.command.type}`)}
                {title && `: ${title}`}
              </span>
              <span class="status">
                {entry.status === 'refused'
                  ? t('status_refused', { reason: t(`refusal_${entry.refusal ?? 'failed'}`) })
                  : t(`status_${entry.status}`)}
              </span>
              {takesBack && (
                <button type="button" class="secondary" onClick={() => client.takeBack(entry.id)}>
                  {t('useAgain')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function MineList({
  personal,
  paused,
  client,
  drafts,
  t,
}: {
  personal: PhonePersonal;
  paused: boolean;
  client: PhoneClient;
  drafts: Drafts;
  t: Translate;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const setEdit = (cardId: string, text: string | null) => {
    const others = Object.entries(client.getDrafts().edits).filter(([id]) => id !== cardId);
    const edits = Object.fromEntries(text === null ? others : [...others, [cardId, text]]);
    client.setDrafts({ ...client.getDrafts(), edits });
  };
  return (
    <section class="mine" aria-labelledby="mine-heading">
      <h2 id="mine-heading">{t('mineHeading')}</h2>
      <ul>
        {personal.mine.map((card) => {
          const editing = drafts.edits[card.id];
          if (editing !== undefined) {
            const save = () => {
              if (editing.trim() === '') return;
              setEdit(card.id, null);
              client.submit({ type: 'editCaricature', cardId: card.id, title: editing.trim() });
            };
            return (
              <li key={card.id} class="mine-card editing">
                <label for={`edit-${card.id}`}>{t('editLabel', { title: card.title })}</label>
                <textarea
                  id={`edit-${card.id}`}
                  rows={3}
                  maxLength={roomLimits.titleLength}
                  value={editing}
                  enterkeyhint="done"
                  onInput={(event) => setEdit(card.id, event.currentTarget.value)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
                      event.preventDefault();
                      save();
                    }
                  }}
                />
                <div class="row">
                  <button type="button" class="secondary" onClick={() => setEdit(card.id, null)}>
                    {t('cancel')}
                  </button>
                  <button type="button" class="primary" disabled={paused || editing.trim() === ''} onClick={save}>
                    {t('save')}
                  </button>
                </div>
              </li>
            );
          }
          return (
            <li key={card.id} class="mine-card">
              <span class="title">{card.title}</span>
              <div class="row">
                <button
                  type="button"
                  class="secondary"
                  disabled={paused}
                  aria-label={t('editLabel', { title: card.title })}
                  onClick={() => setEdit(card.id, card.title)}
                >
                  {t('edit')}
                </button>
                {confirming === card.id ? (
                  <button
                    type="button"
                    class="danger"
                    disabled={paused}
                    onClick={() => {
                      setConfirming(null);
                      client.submit({ type: 'withdrawCaricature', cardId: card.id });
                    }}
                  >
                    {t('withdrawConfirm')}
                  </button>
                ) : (
                  <button
                    type="button"
                    class="secondary"
                    disabled={paused}
                    aria-label={t('withdrawLabel', { title: card.title })}
                    onClick={() => setConfirming(card.id)}
                  >
                    {t('withdraw')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function DotsView({ client, state, t, language }: Props) {
  const { board, personal } = state;
  const dots = personal?.dots ?? null;
  const connected = state.connection === 'connected';
  const topics: PhoneCard[] = board ? board.lanes.flatMap((lane) => lane.cards.filter((card) => card.kind === 'topic')) : [];
  const pending = new Set(
    state.outbox.flatMap((entry) =>
      entry.command.type === 'vote' && (entry.status === 'sent' || entry.status === 'waiting') ? [entry.command.cardId] : [],
    ),
  );
  if (!dots) {
    return (
      <div class="dots">
        <h2>{t('dotsHeading')}</h2>
        <p class="notice">{personal && !personal.can.topics ? t('paused') : t('votingNotOpen')}</p>
        {board?.votesRevealed && <BoardTotals topics={topics} t={t} language={language} />}
      </div>
    );
  }
  return (
    <div class="dots">
      <h2>{t('dotsHeading')}</h2>
      {state.voteRefusal && (
        <p class="problem" role="alert">
          {t('dotRefused', { reason: t(`refusal_${state.voteRefusal}`) })}
        </p>
      )}
      {topics.length === 0 && <p class="hint">{t('noTopics')}</p>}
      <ul class="votes">
        {topics.map((card) => {
          const mine = dots.mine[card.id] ?? 0;
          const busy = pending.has(card.id);
          return (
            <li key={card.id} class="vote">
              <span class="title">{card.title}</span>
              <span class="mine-dots">{t('yourDots', { n: mine })}</span>
              {board?.votesRevealed && card.dots !== undefined && <span class="total">{plural(t, language, 'dots', card.dots)}</span>}
              <div class="row">
                <button
                  type="button"
                  class="round"
                  disabled={!connected || busy || mine === 0}
                  aria-label={t('removeDot', { title: card.title })}
                  onClick={() => client.submit({ type: 'vote', cardId: card.id, delta: -1 })}
                >
                  {t('minus')}
                </button>
                <button
                  type="button"
                  class="round primary"
                  disabled={!connected || busy || dots.left === 0}
                  aria-label={t('addDot', { title: card.title })}
                  onClick={() => client.submit({ type: 'vote', cardId: card.id, delta: 1 })}
                >
                  {t('plus')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <p class="left big" role="status">
        {plural(t, language, 'dotsLeft', dots.left)}
      </p>
    </div>
  );
}

function BoardTotals({ topics, t, language }: { topics: readonly PhoneCard[]; t: Translate; language: Language }) {
  return (
    <ul class="votes">
      {topics.map((card) => (
        <li key={card.id} class="vote">
          <span class="title">{card.title}</span>
          {card.dots !== undefined && <span class="total">{plural(t, language, 'dots', card.dots)}</span>}
        </li>
      ))}
    </ul>
  );
}
