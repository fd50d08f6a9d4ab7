import { AudienceButton } from '../audience/AudienceButton';
import { PresentButtons } from '../present/PresentationBar';
import { ariaKeyShortcuts } from '../ui/shortcut-keys';
import { DisclosureButton } from '../ui/buttons';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { laneLimits } from '../../../core/model';
import { useBoard } from '../store/board-store';
import { FindBar } from './FindBar';
import { DotsIcon, InboxIcon, LaneIcon, PhoneIcon, SearchIcon } from '../ui/icons';
import { focusLaneTools } from '../board/lane-focus';
import { useTools } from '../store/tools-store';
import { VotingPanel } from './VotingPanel';
import { PhonesPanel } from '../room/PhonesPanel';
import { InboxPanel, useInboxCount } from '../room/InboxPanel';
import { useRoom } from '../store/room-store';
import { useRoomText } from '../i18n/room-text';
import './tools.css';

/**
 * Find, dot voting and lane tools, between the workshop panel and the board: a row of toggles,
 * and below it whichever tool is open. Each toggle names what it opens (aria-expanded).
 */
export function BoardTools({ lead }: { lead?: ReactNode }) {
  const { t } = useTranslation();
  const findId = useId();
  const votingId = useId();
  const findOpen = useTools((s) => s.findOpen);
  const votingOpen = useTools((s) => s.votingOpen);
  const findButton = useRef<HTMLButtonElement>(null);
  const votingButton = useRef<HTMLButtonElement>(null);
  const roomT = useRoomText();
  const phonesId = useId();
  const inboxId = useId();
  const [phonesOpen, setPhonesOpen] = useState(false);
  const [inboxOpen, setInboxOpen] = useState(false);
  const phonesButton = useRef<HTMLButtonElement>(null);
  const inboxButton = useRef<HTMLButtonElement>(null);
  const phonesOn = useRoom((s) => s.room.on);
  const joined = useRoom((s) => (s.room.on ? s.room.participants.length : 0));
  const inboxCount = useInboxCount();

  const closeFind = () => {
    useTools.getState().closeFind();
    findButton.current?.focus();
  };
  const closeVoting = () => {
    useTools.getState().setVotingOpen(false);
    votingButton.current?.focus();
  };

  return (
    <div className="board-tools" role="group" aria-label={t('tools.label')}>
      <div className="tools-row">
        {lead}
        <DisclosureButton
          ref={findButton}
          expanded={findOpen}
          controls={findId}
          aria-keyshortcuts={ariaKeyShortcuts('find')}
          onClick={() => (findOpen ? closeFind() : useTools.getState().openFind())}
        >
          <SearchIcon />
          <span className="tool-label">{t('tools.find.button')}</span>
        </DisclosureButton>
        <DisclosureButton
          ref={votingButton}
          expanded={votingOpen}
          controls={votingId}
          onClick={() => (votingOpen ? closeVoting() : useTools.getState().setVotingOpen(true))}
        >
          <DotsIcon />
          <span className="tool-label">{t('tools.voting.button')}</span>
        </DisclosureButton>
        <AddLane />
        <div className="present-tools">
          <DisclosureButton ref={phonesButton} expanded={phonesOpen} controls={phonesId} onClick={() => setPhonesOpen(!phonesOpen)}>
            <PhoneIcon />
            <span className="tool-label">{roomT('button')}</span>
            {phonesOn && <span className="tool-badge">{roomT('badge', { count: joined })}</span>}
          </DisclosureButton>
          {(phonesOn || inboxCount > 0) && (
            <DisclosureButton ref={inboxButton} expanded={inboxOpen} controls={inboxId} onClick={() => setInboxOpen(!inboxOpen)}>
              <InboxIcon />
              <span className="tool-label">{roomT('inbox.button')}</span>
              <span className="tool-badge">{inboxCount}</span>
            </DisclosureButton>
          )}
          <PresentButtons />
          <AudienceButton />
        </div>
      </div>
      {findOpen && <FindBar id={findId} onClose={closeFind} />}
      {votingOpen && <VotingPanel id={votingId} onClose={closeVoting} />}
      {phonesOpen && (
        <PhonesPanel
          id={phonesId}
          onClose={() => {
            setPhonesOpen(false);
            phonesButton.current?.focus();
          }}
        />
      )}
      {inboxOpen && (phonesOn || inboxCount > 0) && (
        <InboxPanel
          id={inboxId}
          onClose={() => {
            setInboxOpen(false);
            inboxButton.current?.focus();
          }}
        />
      )}
    </div>
  );
}

/** "Add lane": a small inline form, the name suggested ("Parking lot") and selected for typing over. */
function AddLane() {
  const { t } = useTranslation();
  const formId = useId();
  const hintId = useId();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const full = useBoard((s) => s.history.present.laneOrder.length >= laneLimits.lanes);

  const open = () => {
    if (full) return;
    setName(t('tools.lanes.defaultName'));
    setAdding(true);
  };
  const close = () => {
    setAdding(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    const laneId = crypto.randomUUID();
    useBoard.getState().dispatch({ type: 'addLane', laneId, title: name });
    setAdding(false);
    // The new lane is at the board's end: its header tools take the focus and scroll it into view.
    requestAnimationFrame(() => focusLaneTools(laneId));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="tool-button"
        aria-expanded={adding}
        aria-controls={adding ? formId : undefined}
        aria-disabled={full || undefined}
        aria-describedby={full ? hintId : undefined}
        onClick={() => (adding ? close() : open())}
      >
        <LaneIcon />
        <span className="tool-label">{t('tools.lanes.add')}</span>
      </button>
      {full && (
        <span id={hintId} className="tools-hint">
          {t('tools.lanes.limit', { count: laneLimits.lanes })}
        </span>
      )}
      {adding && (
        <form id={formId} className="add-lane" onSubmit={submit} onKeyDown={onKeyDown}>
          <label className="add-lane-label">
            {t('tools.lanes.addLabel')}
            <input
              className="tools-input"
              value={name}
              maxLength={laneLimits.titleLength}
              autoFocus
              onFocus={(event) => event.currentTarget.select()}
              onChange={(event) => setName(event.currentTarget.value)}
            />
          </label>
          <button type="submit" className="tool-button tool-button--primary" disabled={name.trim() === ''}>
            {t('tools.lanes.create')}
          </button>
          <button type="button" className="tool-button" onClick={close}>
            {t('tools.lanes.cancel')}
          </button>
        </form>
      )}
    </>
  );
}
