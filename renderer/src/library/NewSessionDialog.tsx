import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionTemplate } from '../../../core/api';
import { api } from '../api';
import { Dialog } from '../app/Dialog';
import { showOpened } from './open-session';

/** A new session: the few facts known up front; participants follow in the session details. */
const templateOptions: readonly SessionTemplate[] = ['workshop', 'blank'];

export function NewSessionDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [details, setDetails] = useState({ title: '', client: '', date: '', place: '' });
  // The method is why facilitators use the app, so its template is where a session starts.
  const [template, setTemplate] = useState<SessionTemplate>('workshop');
  const templateLabels = { workshop: t('newSession.workshop', { name: t('agenda.templateName') }), blank: t('newSession.blank') };
  const fields = [
    { name: 'title', label: t('details.title'), type: 'text' },
    { name: 'client', label: t('details.client'), type: 'text' },
    { name: 'date', label: t('details.date'), type: 'date' },
    { name: 'place', label: t('details.place'), type: 'text' },
  ] as const;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onClose();
    void showOpened(api.createSession({ ...details, title: details.title.trim() }, template));
  };

  return (
    <Dialog label={t('newSession.heading')} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <h2>{t('newSession.heading')}</h2>
        {fields.map((field, index) => (
          <label key={field.name}>
            {field.label}
            <input
              type={field.type}
              autoFocus={index === 0}
              value={details[field.name]}
              onChange={(event) => setDetails({ ...details, [field.name]: event.currentTarget.value })}
            />
          </label>
        ))}
        <fieldset>
          <legend>{t('newSession.startWith')}</legend>
          {templateOptions.map((option) => (
            <label key={option} className="checkbox">
              <input type="radio" name="template" checked={template === option} onChange={() => setTemplate(option)} />
              {templateLabels[option]}
            </label>
          ))}
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="tool-button" onClick={onClose}>
            {t('library.cancel')}
          </button>
          <button type="submit" className="tool-button tool-button--primary">
            {t('newSession.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
