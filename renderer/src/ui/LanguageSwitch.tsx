import { useTranslation } from 'react-i18next';
import { languages } from '../../../core/api';
import { api } from '../api';
import { useApp } from '../store/app-store';
import { useBoard } from '../store/board-store';

const followSystem = 'system';

/** Language choice: follow the system (the default) or a fixed language; remembered by main. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const systemLanguage = useApp((s) => s.systemLanguage);
  const choice = useApp((s) => s.preferences.language);

  const choose = (value: string) => {
    const next = languages.find((l) => l === value) ?? null;
    const { preferences, setPreferences } = useApp.getState();
    setPreferences({ ...preferences, language: next });
    void i18n.changeLanguage(next ?? systemLanguage);
    api.setLanguage(next).catch((error: unknown) => useBoard.getState().reportProblem(error));
  };

  return (
    <label className="language-switch">
      <span>{t('actions.language')}</span>
      <select value={choice ?? followSystem} onChange={(event) => choose(event.currentTarget.value)}>
        <option value={followSystem}>{t('language.system', { language: t(`language.${systemLanguage}`) })}</option>
        {languages.map((language) => (
          <option key={language} value={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
