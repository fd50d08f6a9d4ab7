import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../../core/api';
import { api } from '../api';
import { useBoard } from '../store/board-store';

const followSystem = 'system';

/** Language choice: follow the system (the default) or a fixed language; remembered by main. */
export function LanguageSwitch({ systemLanguage, initialChoice }: { systemLanguage: Language; initialChoice: Language | null }) {
  const { t, i18n } = useTranslation();
  const [choice, setChoice] = useState<Language | null>(initialChoice);

  const choose = (value: string) => {
    const next = languages.find((l) => l === value) ?? null;
    setChoice(next);
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
