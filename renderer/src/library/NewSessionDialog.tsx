import '../session/workshop.css';
import { DateField } from '../ui/DateField';
import { todayAsDay } from '../ui/date-format';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorOf, type AgendaTemplate, type SessionTemplate } from '../../../core/api';
import { sortedTemplates } from '../../../core/templates';
import { api } from '../api';
import { CancelAndSubmit, Dialog } from '../ui/Dialog';
import { DeleteIcon } from '../ui/icons';
import { useBoard } from '../store/board-store';
import { openSession } from '../store/session-lifecycle';

const workshop: SessionTemplate = 'workshop';
const blank: SessionTemplate = 'blank';
const ownTemplate = (id: string): SessionTemplate => ({ kind: 'own', id });

function sameTemplate(a: SessionTemplate, b: SessionTemplate): boolean {
  return typeof a === 'string' || typeof b === 'string' ? a === b : a.id === b.id;
}

/**
 * A new session: the few facts known up front (participants follow in the session details), and
 * what it starts with — the built-in workshop template, one of the facilitator's own templates,
 * or a blank board.
 */
export function NewSessionDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  // Most sessions are set up on the day itself; the date is still a field to change.
  const [details, setDetails] = useState(() => ({ title: '', client: '', date: todayAsDay(), place: '' }));
  // The method is why facilitators use the app, so its template is where a session starts.
  const [template, setTemplate] = useState<SessionTemplate>(workshop);
  const [ownTemplates, setOwnTemplates] = useState<readonly AgendaTemplate[]>([]);
  /** The failed call, shown as every failure is (ui/ErrorDetails.tsx). */
  const [problem, setProblem] = useState<{ readonly error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = [
    { name: 'title', label: t('details.title'), type: 'text' },
    { name: 'client', label: t('details.client'), type: 'text' },
    { name: 'date', label: t('details.date'), type: 'date' },
    { name: 'place', label: t('details.place'), type: 'text' },
  ] as const;

  const showTemplates = (templates: readonly AgendaTemplate[]) => {
    setOwnTemplates(templates);
    // A template deleted meanwhile is no choice any more.
    setTemplate((current) => (typeof current === 'string' || templates.some((own) => own.id === current.id) ? current : workshop));
  };
  const loadTemplates = async () => {
    try {
      showTemplates(await api.listTemplates());
    } catch (error) {
      setProblem({ error });
    }
  };
  useEffect(() => {
    let open = true;
    api.listTemplates().then(
      (templates) => {
        if (open) setOwnTemplates(templates);
      },
      (error: unknown) => {
        if (open) setProblem({ error });
      },
    );
    return () => {
      open = false;
    };
  }, [t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      // The workshop is held in the language the app speaks now, unless changed in the details later.
      const language = i18n.language === 'de' ? 'de' : 'en';
      const opened = await api.createSession({ ...details, title: details.title.trim(), language }, template);
      onClose();
      useBoard.getState().dismissProblem();
      openSession(opened);
    } catch (error) {
      // Stay in the dialog: the facilitator picks again (a template deleted elsewhere, say).
      setBusy(false);
      setProblem({ error });
      if (apiErrorOf(error)?.code === 'templateNotFound') await loadTemplates();
    }
  };

  const removeTemplate = async (own: AgendaTemplate) => {
    try {
      await api.deleteTemplate(own.id);
      setProblem(null);
    } catch (error) {
      setProblem({ error });
    }
    await loadTemplates();
  };

  return (
    <Dialog
      title={t('newSession.heading')}
      onClose={onClose}
      className="dialog--wide"
      problem={problem}
      onSubmit={(event) => void submit(event)}
      actions={<CancelAndSubmit cancelLabel={t('library.cancel')} submitLabel={t('newSession.create')} onCancel={onClose} disabled={busy} />}
    >
      <div className="form-grid">
        {fields.map((field, index) =>
          field.type === 'date' ? (
            <DateField
              key={field.name}
              label={field.label}
              value={details.date}
              onCommit={(date) => setDetails((current) => ({ ...current, date }))}
            />
          ) : (
            <label key={field.name}>
              {field.label}
              <input
                type={field.type}
                autoFocus={index === 0}
                value={details[field.name]}
                onChange={(event) => setDetails({ ...details, [field.name]: event.currentTarget.value })}
              />
            </label>
          ),
        )}
      </div>
      <fieldset>
        <legend>{t('newSession.startWith')}</legend>
        <TemplateOption
          checked={template === workshop}
          onChoose={() => setTemplate(workshop)}
          label={t('newSession.workshop', { name: t('agenda.templateName') })}
        />
        {sortedTemplates(ownTemplates, i18n.language).map((own) => (
          <OwnTemplateOption
            key={own.id}
            template={own}
            checked={sameTemplate(template, ownTemplate(own.id))}
            onChoose={() => setTemplate(ownTemplate(own.id))}
            onDelete={() => void removeTemplate(own)}
          />
        ))}
        <TemplateOption checked={template === blank} onChoose={() => setTemplate(blank)} label={t('newSession.blank')} />
      </fieldset>
    </Dialog>
  );
}

function TemplateOption({ checked, onChoose, label }: { checked: boolean; onChoose: () => void; label: string }) {
  return (
    <label className="checkbox">
      <input type="radio" name="template" checked={checked} onChange={onChoose} />
      {label}
    </label>
  );
}

/** An own template: chosen like the others; deleting it asks first, in place. */
function OwnTemplateOption(props: { template: AgendaTemplate; checked: boolean; onChoose: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  const { template } = props;
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const minutes = template.blocks.reduce((sum, block) => sum + block.minutes, 0);
  const label = t('newSession.ownTemplate', { name: template.name, count: template.blocks.length, minutes });

  if (confirming) {
    return (
      <div className="template-option template-option--confirm" role="group" aria-label={t('newSession.confirmDelete', { name: template.name })}>
        <span>{t('newSession.confirmDelete', { name: template.name })}</span>
        <button type="button" className="tool-button tool-button--danger" autoFocus onClick={props.onDelete}>
          {t('newSession.confirm')}
        </button>
        <button
          type="button"
          className="tool-button"
          onClick={() => {
            setConfirming(false);
            // Back to where the facilitator was.
            requestAnimationFrame(() => deleteButton.current?.focus());
          }}
        >
          {t('newSession.keep')}
        </button>
      </div>
    );
  }
  return (
    <div className="template-option">
      <TemplateOption checked={props.checked} onChoose={props.onChoose} label={label} />
      <button
        ref={deleteButton}
        type="button"
        className="icon-button"
        aria-label={t('newSession.deleteTemplate', { name: template.name })}
        onClick={() => setConfirming(true)}
      >
        <DeleteIcon />
      </button>
    </div>
  );
}
