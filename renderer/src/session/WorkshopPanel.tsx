import './workshop.css';
import { useEffect, useId, useState } from 'react';
import { api } from '../api';
import { ChevronIcon, EditIcon } from '../ui/icons';
import { DisclosureButton } from '../ui/buttons';
import { useApp } from '../store/app-store';
import { useTranslation } from 'react-i18next';
import { useBenchRenderCount } from '../ui/render-count';
import { useBoard } from '../store/board-store';
import { AgendaBar } from './AgendaBar';
import { AgendaDialog } from './AgendaDialog';
import { BlockTimer } from './BlockTimer';
import { BlockTools, MissionLine } from './BlockTools';
import { SaveTemplateDialog } from './SaveTemplateDialog';

type Dialog = 'edit' | 'template' | null;
const saveTemplateDialog: Dialog = 'template';

/**
 * The workshop, above the board and kept compact so the board keeps most of the projector: the
 * agenda with the active block marked, then that block's prompt, tool and countdown. Editing the
 * agenda (and saving it as a template, from the editor) is one click away but out of the room's sight.
 */
export function WorkshopPanel() {
  useBenchRenderCount('WorkshopPanel');
  const { t } = useTranslation();
  const hasAgenda = useBoard((s) => s.history.present.agenda.length > 0);
  const block = useBoard((s) => s.history.present.agenda.find((b) => b.id === s.history.present.activeBlockId));
  const expanded = useApp((s) => s.preferences.workshopPanelExpanded);
  const detailsId = useId();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  useEffect(() => {
    if (savedAs === null) return;
    const timeout = setTimeout(() => setSavedAs(null), 8000);
    return () => clearTimeout(timeout);
  }, [savedAs]);

  return (
    <section className="workshop" aria-label={t('workshop.panel')}>
      <div className="workshop-bar">
        <AgendaBar />
        <div className="workshop-actions">
          {block && !expanded && <BlockTimer key={block.id} block={block} compact />}
          {block && (
            <DisclosureButton expanded={expanded} controls={detailsId} onClick={() => setPanelExpanded(!expanded)}>
              <ChevronIcon up={expanded} />
              <span className="tool-label">{expanded ? t('layout.collapsePanel') : t('layout.expandPanel')}</span>
            </DisclosureButton>
          )}
          <button type="button" className="tool-button" onClick={() => setDialog('edit')}>
            <EditIcon />
            <span className="tool-label">{hasAgenda ? t('workshop.editAgenda') : t('workshop.planAgenda')}</span>
          </button>
          <span className="workshop-saved" role="status">
            {savedAs !== null && t('workshop.template.saved', { name: savedAs })}
          </span>
        </div>
      </div>
      {(expanded || !block) && <ActiveBlock id={detailsId} />}
      {dialog === 'edit' && <AgendaDialog onClose={() => setDialog(null)} onSaveTemplate={() => setDialog(saveTemplateDialog)} />}
      {dialog === 'template' && (
        <SaveTemplateDialog
          onClose={() => setDialog(null)}
          onSaved={(template) => {
            setDialog(null);
            setSavedAs(template.name);
          }}
        />
      )}
    </section>
  );
}

/** The active block's prompt, tool and timer; before the agenda starts, the agreed mission if there is one. */
function ActiveBlock({ id }: { id: string }) {
  useBenchRenderCount('ActiveBlock');
  const block = useBoard((s) => s.history.present.agenda.find((b) => b.id === s.history.present.activeBlockId));
  if (!block) {
    return (
      <div className="workshop-mission">
        <MissionLine />
      </div>
    );
  }
  return (
    <div id={id} className="workshop-active">
      <div className="workshop-active-main">
        <BlockTools key={block.id} block={block} />
        {block.kind !== 'mission' && <MissionLine />}
      </div>
      <BlockTimer key={block.id} block={block} />
    </div>
  );
}

/** Compact or expanded, remembered by main for the next session and the next start. */
function setPanelExpanded(expanded: boolean): void {
  const { preferences, setPreferences } = useApp.getState();
  setPreferences({ ...preferences, workshopPanelExpanded: expanded });
  api.setWorkshopPanelExpanded(expanded).catch((error: unknown) => useBoard.getState().reportProblem(error));
}
