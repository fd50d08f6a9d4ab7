import { useId, type ClipboardEvent } from 'react';
import { DateField } from '../ui/DateField';
import { useTranslation } from 'react-i18next';
import { departments, sessionLanguages, type Department, type Participant, type SessionDetails } from '../../../core/model';
import { namesInPastedText, withRowsAfter } from '../../../core/participants';
import { Dialog } from '../ui/Dialog';
import { DeleteIcon, PlusIcon } from '../ui/icons';
import { useBoard } from '../store/board-store';
import { Choice, CommitText, useCommitDraft } from '../ui/fields';

type TextField = 'title' | 'client' | 'place' | 'facilitator';

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
  const fields: readonly ({ name: TextField; label: string; type?: undefined } | { name: 'date'; label: string; type: 'date' })[] = [
    { name: 'title', label: t('details.title') },
    { name: 'client', label: t('details.client') },
    { name: 'date', label: t('details.date'), type: 'date' },
    { name: 'place', label: t('details.place') },
    { name: 'facilitator', label: t('details.facilitator') },
  ];

  return (
    <Dialog
      title={t('details.heading')}
      onClose={onClose}
      className="dialog--wide"
      actions={
        <button type="button" className="tool-button tool-button--primary" onClick={onClose}>
          {t('details.done')}
        </button>
      }
    >
      <div className="form-grid">
        {fields.map((field) =>
          field.type === 'date' ? (
            <DateField key={field.name} label={field.label} value={details.date} onCommit={(date) => update({ date })} />
          ) : (
            <CommitText
              key={field.name}
              wrapped
              maxLength={null}
              label={field.label}
              value={details[field.name]}
              onCommit={(text) => update({ [field.name]: text.trim() })}
            />
          ),
        )}
        <Choice
          label={t('details.language')}
          value={details.language}
          options={sessionLanguages.map((language) => ({
            value: language,
            label: language === '' ? t('details.languageUnset') : t(`language.${language}`),
          }))}
          onChange={(language) => update({ language })}
        />
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
    </Dialog>
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
  // The name follows the document when undo changes it; spaces around it are not a change.
  const field = useCommitDraft({
    value: participant.name,
    onCommit: (name) => onChange({ ...participant, name: name.trim() }),
    isUnchanged: (name) => name.trim() === participant.name,
  });
  const name = field.draft;
  const displayName = participant.name || t('details.unnamed');
  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    const names = namesInPastedText(event.clipboardData.getData('text/plain'));
    // One name is typed as usual; a list is split into rows.
    if (names.length < 2) return;
    event.preventDefault();
    const [first = '', ...rest] = names;
    const empty = name.trim() === '';
    const ownName = empty ? first : name.trim();
    field.replace(ownName);
    props.onPasteNames(ownName, empty ? rest : names);
  };
  return (
    <li className="participant">
      <input
        aria-label={t('details.participantName')}
        autoFocus={participant.name === ''}
        aria-describedby={props.hintId}
        onPaste={paste}
        {...field.props}
        onKeyDown={(event) => {
          field.props.onKeyDown(event);
          // An empty row asks for a name first rather than piling up empty rows.
          if (event.key === 'Enter' && !event.nativeEvent.isComposing && name.trim() !== '') props.onNext();
        }}
      />
      <Choice
        hideLabel
        label={t('details.department')}
        value={participant.department}
        options={departments.map((department: Department) => ({ value: department, label: t(`details.${department}`) }))}
        onChange={(department) => onChange({ ...participant, department })}
      />
      <button type="button" className="icon-button" aria-label={t('details.removeParticipant', { name: displayName })} onClick={onRemove}>
        <DeleteIcon />
      </button>
    </li>
  );
}
