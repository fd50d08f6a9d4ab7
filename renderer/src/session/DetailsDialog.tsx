import { useId, useState, type ClipboardEvent } from 'react';
import { DateField } from '../ui/DateField';
import { useTranslation } from 'react-i18next';
import { departments, sessionLanguages, type Department, type Participant, type SessionDetails } from '../../../core/model';
import { namesInPastedText, withRowsAfter } from '../../../core/participants';
import { Dialog } from '../ui/Dialog';
import { DeleteIcon, PlusIcon } from '../ui/icons';
import { useBoard } from '../store/board-store';
import { useDraft } from '../store/drafts';

type TextField = 'title' | 'client' | 'date' | 'place' | 'facilitator';

/**
 * The session's facts. Each field is saved when the facilitator leaves it, as one undoable change,
 * so typing a name does not fill the undo history letter by letter. Participants are entered fast:
 * Enter adds the next row on the same side, a pasted list becomes rows (core/participants.ts).
 */
export function DetailsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const details = useBoard((s) => s.history.present.details);
  const update = (change: Partial<SessionDetails>) => useBoard.getState().dispatch({ type: 'updateDetails', details: change });
  const hintId = useId();
  // Read at the time of the change: a name just committed on Enter is already in the document.
  const participantsNow = () => useBoard.getState().history.present.details.participants;
  const addRowsAfter = (afterId: string | null, names: readonly string[]) =>
    update({ participants: withRowsAfter(participantsNow(), afterId, names, () => crypto.randomUUID()) });
  const fields: readonly { name: TextField; label: string; type?: 'date' }[] = [
    { name: 'title', label: t('details.title') },
    { name: 'client', label: t('details.client') },
    { name: 'date', label: t('details.date'), type: 'date' },
    { name: 'place', label: t('details.place') },
    { name: 'facilitator', label: t('details.facilitator') },
  ];

  return (
    <Dialog label={t('details.heading')} onClose={onClose} className="dialog--wide">
      <div className="form">
        <h2>{t('details.heading')}</h2>
        <div className="form-grid">
          {fields.map((field) => (
            field.type === 'date' ? (
              <DateField key={field.name} label={field.label} value={details.date} onCommit={(date) => update({ date })} />
            ) : (
              <DetailField key={field.name} {...field} value={details[field.name]} onCommit={update} />
            )
          ))}
          <label>
            {t('details.language')}
            <select
              value={details.language}
              onChange={(event) => update({ language: sessionLanguages.find((l) => l === event.currentTarget.value) ?? '' })}
            >
              {sessionLanguages.map((language) => (
                <option key={language} value={language}>
                  {language === '' ? t('details.languageUnset') : t(`language.${language}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset>
          <legend>{t('details.participants')}</legend>
          <p id={hintId} className="form-hint">
            {t('messages.participants.hint')}
          </p>
          <ul className="participants">
            {details.participants.map((participant) => (
              <ParticipantRow
                key={participant.id}
                participant={participant}
                hintId={hintId}
                onChange={(next) => update({ participants: participantsNow().map((p) => (p.id === next.id ? next : p)) })}
                onRemove={() => update({ participants: participantsNow().filter((p) => p.id !== participant.id) })}
                onNext={() => addRowsAfter(participant.id, [''])}
                onPasteNames={(ownName, names) => {
                  const named = participantsNow().map((p) => (p.id === participant.id ? { ...p, name: ownName } : p));
                  update({ participants: withRowsAfter(named, participant.id, names, () => crypto.randomUUID()) });
                }}
              />
            ))}
          </ul>
          <button type="button" className="tool-button" onClick={() => addRowsAfter(null, [''])}>
            <PlusIcon />
            {t('details.addParticipant')}
          </button>
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="tool-button tool-button--primary" onClick={onClose}>
            {t('details.done')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

function DetailField(props: { name: TextField; label: string; value: string; onCommit: (change: Partial<SessionDetails>) => void; type?: 'date' }) {
  const [draft, setDraft] = useState(props.value);
  const pending = useDraft();
  const commit = () => {
    pending.done();
    if (draft !== props.value) props.onCommit({ [props.name]: draft.trim() });
  };
  return (
    <label>
      {props.label}
      <input
        type={props.type ?? 'text'}
        value={draft}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setDraft(next);
          if (next === props.value) pending.done();
          else pending.update(() => props.onCommit({ [props.name]: next.trim() }));
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </label>
  );
}

function ParticipantRow(props: {
  participant: Participant;
  hintId: string;
  onChange: (next: Participant) => void;
  onRemove: () => void;
  /** Enter: the next row, on this row's side. */
  onNext: () => void;
  /** A list pasted: this row's name, and the names for new rows after it — one change. */
  onPasteNames: (ownName: string, names: readonly string[]) => void;
}) {
  const { participant, onChange, onRemove } = props;
  const { t } = useTranslation();
  const [name, setName] = useState(participant.name);
  const pending = useDraft();
  const commitName = () => {
    pending.done();
    if (name.trim() !== participant.name) onChange({ ...participant, name: name.trim() });
  };
  const displayName = participant.name || t('details.unnamed');
  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    const names = namesInPastedText(event.clipboardData.getData('text/plain'));
    // One name is typed as usual; a list is split into rows.
    if (names.length < 2) return;
    event.preventDefault();
    const [first = '', ...rest] = names;
    const empty = name.trim() === '';
    const ownName = empty ? first : name.trim();
    pending.done();
    setName(ownName);
    props.onPasteNames(ownName, empty ? rest : names);
  };
  return (
    <li className="participant">
      <input
        aria-label={t('details.participantName')}
        value={name}
        autoFocus={participant.name === ''}
        aria-describedby={props.hintId}
        onPaste={paste}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setName(next);
          if (next.trim() === participant.name) pending.done();
          else pending.update(() => onChange({ ...participant, name: next.trim() }));
        }}
        onBlur={commitName}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
          event.preventDefault();
          commitName();
          // An empty row asks for a name first rather than piling up empty rows.
          if (name.trim() !== '') props.onNext();
        }}
      />
      <select
        aria-label={t('details.department')}
        value={participant.department}
        onChange={(event) => onChange({ ...participant, department: departments.find((d) => d === event.currentTarget.value) ?? 'other' })}
      >
        {departments.map((department: Department) => (
          <option key={department} value={department}>
            {t(`details.${department}`)}
          </option>
        ))}
      </select>
      <button type="button" className="icon-button" aria-label={t('details.removeParticipant', { name: displayName })} onClick={onRemove}>
        <DeleteIcon />
      </button>
    </li>
  );
}
