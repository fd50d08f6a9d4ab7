import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { Dialog } from '../app/Dialog';
import { showOpened } from './open-session';

/** A new session: the few facts known up front; participants follow in the session details. */
export function NewSessionDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [details, setDetails] = useState({ title: '', client: '', date: '', place: '' });
  const fields = [
    { name: 'title', label: t('details.title'), type: 'text' },
    { name: 'client', label: t('details.client'), type: 'text' },
    { name: 'date', label: t('details.date'), type: 'date' },
    { name: 'place', label: t('details.place'), type: 'text' },
  ] as const;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onClose();
    void showOpened(api.createSession({ ...details, title: details.title.trim() }));
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
