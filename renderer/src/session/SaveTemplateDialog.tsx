import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaTemplate } from '../../../core/api';
import { templateBlocksOf, templateLimits, templateNamed } from '../../../core/templates';
import { api } from '../api';
import { CancelAndSubmit, Dialog } from '../ui/Dialog';
import { useBoard } from '../store/board-store';

/** Names the current agenda and saves it as an own template (main keeps it); says when a name replaces one. */
export function SaveTemplateDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (template: AgendaTemplate) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [existing, setExisting] = useState<readonly AgendaTemplate[]>([]);
  /** The failed call, shown as every failure is (ui/ErrorDetails.tsx). */
  const [problem, setProblem] = useState<{ readonly error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = useId();

  useEffect(() => {
    let current = true;
    api.listTemplates().then(
      (templates) => current && setExisting(templates),
      // Only the "replaces" hint depends on the list: saving still works without it.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  const replaces = name.trim() !== '' && templateNamed(existing, name) !== undefined;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || name.trim() === '') return;
    setBusy(true);
    try {
      const saved = await api.saveTemplate(name, templateBlocksOf(useBoard.getState().history.present.agenda));
      onSaved(saved);
    } catch (error) {
      setBusy(false);
      setProblem({ error });
    }
  };

  return (
    <Dialog
      title={t('workshop.template.heading')}
      onClose={onClose}
      problem={problem}
      onSubmit={(event) => void save(event)}
      actions={
        <CancelAndSubmit
          cancelLabel={t('workshop.template.cancel')}
          submitLabel={t('workshop.template.save')}
          onCancel={onClose}
          disabled={busy || name.trim() === ''}
        />
      }
    >
      <p>{t('workshop.template.intro')}</p>
      <label>
        {t('workshop.template.name')}
        <input
          type="text"
          autoFocus
          required
          maxLength={templateLimits.nameLength}
          value={name}
          aria-describedby={replaces ? hintId : undefined}
          onChange={(event) => setName(event.currentTarget.value)}
        />
      </label>
      {replaces && (
        <p id={hintId} className="tool-hint">
          {t('workshop.template.replaces')}
        </p>
      )}
    </Dialog>
  );
}
