import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../core/api';
import { languageOfLocale } from '../../../core/languages';
import { de } from './de';
import { en } from './en';
import * as room from './features/room';

/**
 * The phones' text (features/room.ts) is under `room` at run time but outside the key type that
 * `t` checks: a hundred keys more there make tsc give up ("excessively deep"). It is read through
 * `useRoomText` (room-text.ts), typed by its own small key union.
 */
export const resources = {
  de: { translation: { ...de, room: room.de } },
  en: { translation: { ...en, room: room.en } },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

/** The UI language for a system locale: German for any German locale, English otherwise. */
export function languageForLocale(locale: string): Language {
  return languageOfLocale(locale);
}

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
    // Our keys are dotted paths in one namespace. Saying so spares i18next its guess, on every
    // t() call, whether a key is natural-language text (a regex test per call; ≈ 7 ms of the
    // first render in a profile of a 1,000-card board, docs/performance.md).
    keySeparator: '.',
    nsSeparator: false,
  });
  return i18next;
}
