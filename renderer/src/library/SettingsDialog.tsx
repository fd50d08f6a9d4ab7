import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { themes, type Theme } from '../../../core/api';
import { api } from '../api';
import { Dialog } from '../ui/Dialog';
import { Choice } from '../ui/fields';
import { applyTheme, useApp } from '../store/app-store';
import { useBoard } from '../store/board-store';
import { playTimerTone } from '../session/timer-sound';

const themeLabels = {
  system: 'settings.themeSystem',
  light: 'settings.themeLight',
  dark: 'settings.themeDark',
  contrast: 'settings.themeContrast',
} as const;

/** Theme and sessions folder; the language switch sits in the header, where it is needed live. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const preferences = useApp((s) => s.preferences);
  const [moveSessions, setMoveSessions] = useState(true);

  const chooseTheme = (theme: Theme) => {
    useApp.getState().setPreferences({ ...preferences, theme });
    applyTheme(theme);
    api.setTheme(theme).catch((error: unknown) => useBoard.getState().reportProblem(error));
  };

  const chooseTimerSound = (on: boolean) => {
    useApp.getState().setPreferences({ ...preferences, timerSound: on });
    api.setTimerSound(on).catch((error: unknown) => useBoard.getState().reportProblem(error));
  };

  const changeFolder = async () => {
    try {
      const next = await api.chooseSessionsFolder(moveSessions);
      if (next) useApp.getState().setPreferences(next);
    } catch (error) {
      useBoard.getState().reportProblem(error);
    }
  };

  return (
    <Dialog
      title={t('settings.heading')}
      onClose={onClose}
      actions={
        <button type="button" className="tool-button tool-button--primary" onClick={onClose}>
          {t('settings.done')}
        </button>
      }
    >
      <Choice
        label={t('settings.theme')}
        value={preferences.theme}
        options={themes.map((theme) => ({ value: theme, label: t(themeLabels[theme]) }))}
        onChange={chooseTheme}
      />
      <fieldset>
        <legend>{t('workshop.timer.label')}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={preferences.timerSound} onChange={(event) => chooseTimerSound(event.currentTarget.checked)} />
          {t('workshop.settings.timerSound')}
        </label>
        <button type="button" className="tool-button" onClick={playTimerTone}>
          {t('workshop.settings.tryTimerSound')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('settings.sessionsFolder')}</legend>
        <p className="folder-path">{preferences.sessionsFolder}</p>
        <label className="checkbox">
          <input type="checkbox" checked={moveSessions} onChange={(event) => setMoveSessions(event.currentTarget.checked)} />
          {t('settings.moveSessions')}
        </label>
        <button type="button" className="tool-button" onClick={() => void changeFolder()}>
          {t('settings.changeFolder')}
        </button>
      </fieldset>
    </Dialog>
  );
}
