/**
 * The Phones panel: switch the room on at an address (the firewall explained before the first bind),
 * the QR code, address, code and joined count, the participants, and the facilitator's controls.
 * docs/ARCHITECTURE.md, "Phones in the room".
 */
import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useRoomText, type RoomText } from '../i18n/room-text';
import type { RoomMember, RoomState } from '../../../core/api';
import type { RoomAddress } from '../../../core/network';
import { formatJoinCode } from '../../../core/room-join';
import { api } from '../api';
import { useRoom } from '../store/room-store';
import { ConfirmButton, Dialog } from '../ui/Dialog';
import { ErrorMessage } from '../ui/ErrorDetails';
import { Choice } from '../ui/fields';
import { QrCode } from '../ui/QrCode';
import './room.css';

/** After this long with nobody joined, the panel lists what usually keeps phones out. */
export const checklistAfterMs = 60_000;

/** The operating system asks about its firewall at the first bind of an app run: we explain it once per run, before. */
let firewallExplained = false;

/** For tests: a new app run. */
export function forgetFirewallExplained(): void {
  firewallExplained = false;
}

export function PhonesPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useRoomText();
  const headingId = useId();
  const on = useRoom((s) => s.room.on);
  const heading = useRef<HTMLHeadingElement>(null);
  // Switching on or off replaces the button that was pressed: the focus stays in the panel.
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) heading.current?.focus();
  }, [on]);
  return (
    <section id={id} className="phones-panel" aria-labelledby={headingId}>
      <div className="phones-head">
        <h2 id={headingId} ref={heading} tabIndex={-1} className="tools-heading">
          {t('region')}
        </h2>
        <button type="button" className="tool-button phones-close" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {on ? <RoomOn /> : <RoomOff />}
    </section>
  );
}

type Addresses = { readonly addresses: readonly RoomAddress[]; readonly preselected: string | null };

function addressText(address: RoomAddress, t: RoomText): string {
  const key = address.virtual ? 'addressVirtual' : address.likely ? 'addressLikely' : 'addressOption';
  return t(key, { name: address.name, address: address.address });
}

/** Off: which address, then "Switch phones on" (after the firewall's explanation, the first time). */
function RoomOff() {
  const t = useRoomText();
  const [choice, setChoice] = useState<Addresses | null>(null);
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<{ readonly error: unknown } | null>(null);
  const [starting, setStarting] = useState(false);
  const [explaining, setExplaining] = useState(false);

  const look = () => {
    setProblem(null);
    find();
  };
  const find = () => {
    api.listRoomAddresses().then(
      (found) => {
        setChoice(found);
        setAddress((current) =>
          found.addresses.some((a) => a.address === current) ? current : (found.preselected ?? found.addresses[0]?.address ?? ''),
        );
      },
      (error: unknown) => setProblem({ error }),
    );
  };
  // Once, when the panel opens while the phones are off; "Look again" asks anew.
  useEffect(find, []);

  const start = () => {
    setExplaining(false);
    firewallExplained = true;
    setStarting(true);
    setProblem(null);
    api.startRoom(address).then(
      (room) => useRoom.getState().setRoom(room),
      (error: unknown) => {
        setStarting(false);
        setProblem({ error });
      },
    );
  };

  const addresses = choice?.addresses ?? [];
  return (
    <div className="phones-off">
      <p className="phones-note">{t('intro')}</p>
      {choice && addresses.length === 0 ? (
        <p className="phones-note" role="alert">
          {t('noAddresses')}
        </p>
      ) : (
        <Choice
          className="phones-address"
          label={t('address')}
          value={address}
          options={addresses.map((a) => ({ value: a.address, label: addressText(a, t) }))}
          onChange={setAddress}
        />
      )}
      <div className="phones-row">
        <button type="button" className="tool-button" onClick={look}>
          {t('lookAgain')}
        </button>
        <button
          type="button"
          className="tool-button tool-button--primary"
          disabled={address === '' || starting}
          onClick={() => (firewallExplained ? start() : setExplaining(true))}
        >
          {starting ? t('starting') : t('switchOn')}
        </button>
      </div>
      {problem && (
        <div className="phones-problem" role="alert">
          <ErrorMessage error={problem.error} />
        </div>
      )}
      {explaining && <FirewallExplanation onCancel={() => setExplaining(false)} onConfirm={start} />}
    </div>
  );
}

function FirewallExplanation({ onCancel, onConfirm }: { onCancel: () => void; onConfirm: () => void }) {
  const t = useRoomText();
  return (
    <Dialog
      title={t('firewall.heading')}
      onClose={onCancel}
      plain
      actions={
        <>
          <button type="button" className="tool-button" onClick={onCancel}>
            {t('firewall.cancel')}
          </button>
          <button type="button" className="tool-button tool-button--primary" onClick={onConfirm}>
            {t('firewall.confirm')}
          </button>
        </>
      }
    >
      <p>{t('firewall.intro')}</p>
      <ul className="phones-list">
        <li>{t('firewall.windows')}</li>
        <li>{t('firewall.mac')}</li>
      </ul>
      <p>{t('firewall.after')}</p>
    </Dialog>
  );
}

/** A call to main that changes the room; its answer is the room's new state, its failure shown in the panel. */
function useRoomCall(): [(call: () => Promise<RoomState>) => void, { readonly error: unknown } | null] {
  const [problem, setProblem] = useState<{ readonly error: unknown } | null>(null);
  const run = useCallback((call: () => Promise<RoomState>) => {
    setProblem(null);
    call().then(
      (room) => useRoom.getState().setRoom(room),
      (error: unknown) => setProblem({ error }),
    );
  }, []);
  return [run, problem];
}

function RoomOn() {
  const t = useRoomText();
  const room = useRoom((s) => s.room);
  const paused = useRoom((s) => s.paused);
  const showJoin = useRoom((s) => s.showJoin);
  const [call, problem] = useRoomCall();
  const remove = useCallback((id: string) => call(() => api.removeRoomParticipant(id)), [call]);
  const [newCodeSaid, setNewCodeSaid] = useState(false);
  if (!room.on) return null;
  const joined = room.participants.length;

  return (
    <div className="phones-on">
      <div className="phones-join">
        {room.joining ? (
          <QrCode className="phones-qr" text={room.joinUrl} label={t('join.qr')} pixelsPerModule={5} />
        ) : (
          <p className="phones-note">{t('join.closed')}</p>
        )}
        <div className="phones-join-text">
          <dl className="phones-facts">
            <dt>{t('join.address')}</dt>
            <dd className="phones-url">{room.url}</dd>
            <dt>{t('join.code')}</dt>
            <dd className="phones-code">{formatJoinCode(room.code)}</dd>
          </dl>
          <p className="phones-joined" role="status">
            {t('join.joined', { count: joined })}
          </p>
          <label className="choice">
            <input type="checkbox" checked={showJoin} onChange={(event) => useRoom.getState().setShowJoin(event.currentTarget.checked)} />
            {t('join.showOnProjector')}
          </label>
        </div>
      </div>

      <div className="phones-controls">
        <div className="phones-row" role="group" aria-label={t('actions.label')}>
          <button type="button" className="tool-button" onClick={() => call(() => api.setRoomJoining(!room.joining))}>
            {t(room.joining ? 'actions.closeJoining' : 'actions.openJoining')}
          </button>
          <button
            type="button"
            className="tool-button"
            onClick={() => {
              setNewCodeSaid(true);
              call(() => api.newRoomCode());
            }}
          >
            {t('actions.newCode')}
          </button>
          <button type="button" className="tool-button" aria-pressed={paused} onClick={() => useRoom.getState().setPaused(!paused)}>
            {t(paused ? 'actions.resume' : 'actions.pause')}
          </button>
          <ConfirmButton
            label={t('actions.end')}
            question={t('actions.confirmEnd')}
            hint={t('actions.confirmEndHint')}
            cancelLabel={t('actions.cancel')}
            confirmLabel={t('actions.confirmEndButton')}
            onConfirm={() => call(() => api.endRoom())}
          />
          <button type="button" className="tool-button" onClick={() => call(() => api.stopRoom().then((): RoomState => ({ on: false })))}>
            {t('switchOff')}
          </button>
        </div>
        <p className="phones-note" role="status">
          {paused ? t('actions.paused') : newCodeSaid ? t('actions.newCodeDone') : t('on', { address: room.address })}
        </p>
        {problem && (
          <div className="phones-problem" role="alert">
            <ErrorMessage error={problem.error} />
          </div>
        )}
        {joined === 0 && <Checklist url={room.url} />}
      </div>

      <Participants participants={room.participants} onRemove={remove} />
    </div>
  );
}

/** Whether `ms` have passed since `since` (null: not started), by a timer (fake in tests). */
export function useElapsed(since: number | null, ms: number): boolean {
  const [passedFor, setPassedFor] = useState<number | null>(null);
  useEffect(() => {
    if (since === null) return;
    const timer = setTimeout(() => setPassedFor(since), Math.max(0, since + ms - Date.now()));
    return () => clearTimeout(timer);
  }, [since, ms]);
  return since !== null && passedFor === since;
}

/** What usually keeps phones out, once nobody has joined for a minute. */
function Checklist({ url }: { url: string }) {
  const t = useRoomText();
  const headingId = useId();
  const startedAt = useRoom((s) => s.startedAt);
  if (!useElapsed(startedAt, checklistAfterMs)) return null;
  return (
    <section className="phones-checklist" aria-labelledby={headingId}>
      <h3 id={headingId} className="phones-subheading">
        {t('checklist.heading')}
      </h3>
      <ul className="phones-list">
        <li>{t('checklist.sameWifi')}</li>
        <li>{t('checklist.guest')}</li>
        <li>{t('checklist.android')}</li>
        <li>{t('checklist.firewall')}</li>
        <li>{t('checklist.typed', { url })}</li>
      </ul>
    </section>
  );
}

function Participants({ participants, onRemove }: { participants: readonly RoomMember[]; onRemove: (id: string) => void }) {
  const t = useRoomText();
  const headingId = useId();
  return (
    <section className="phones-participants" aria-labelledby={headingId}>
      <h3 id={headingId} className="phones-subheading">
        {t('participants.heading')}
      </h3>
      {participants.length === 0 ? (
        <p className="phones-note">{t('participants.none')}</p>
      ) : (
        <ul className="participant-list" aria-labelledby={headingId}>
          {participants.map((participant) => (
            <ParticipantRow key={participant.id} participant={participant} onRemove={onRemove} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One phone. Memoised by what it shows: the room's state arrives anew with every submission, and only changed rows render. */
const ParticipantRow = memo(
  function ParticipantRow({ participant, onRemove }: { participant: RoomMember; onRemove: (id: string) => void }) {
    const t = useRoomText();
    const name = participant.name.trim() || t('participants.anonymous');
    return (
      <li className="participant">
        <span className="participant-name">{name}</span>
        <span className={`participant-side participant-side--${participant.side}`}>{t(`participants.side.${participant.side}`)}</span>
        <span className={participant.online ? 'participant-state participant-state--online' : 'participant-state'}>
          {t(participant.online ? 'participants.online' : 'participants.offline')}
        </span>
        <span className="participant-count">{t('participants.submissions', { count: participant.submissions })}</span>
        <ConfirmButton
          label={t('participants.remove', { name })}
          question={t('participants.confirmRemove', { name })}
          hint={t('participants.confirmRemoveHint')}
          cancelLabel={t('participants.cancel')}
          confirmLabel={t('participants.confirmRemoveButton')}
          onConfirm={() => onRemove(participant.id)}
        />
      </li>
    );
  },
  (before, after) =>
    before.onRemove === after.onRemove &&
    before.participant.id === after.participant.id &&
    before.participant.name === after.participant.name &&
    before.participant.side === after.participant.side &&
    before.participant.online === after.participant.online &&
    before.participant.submissions === after.participant.submissions,
);
