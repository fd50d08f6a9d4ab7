/** The app's languages and how a locale maps onto them, one source for UI, menus, CLI and summaries. docs/ARCHITECTURE.md, "Layers and arrows". */

export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];

/** The language of a locale or language code ("de-AT", "de_DE.UTF-8", "en"): German for any German one, else English. */
export function languageOfLocale(locale: string | undefined | null): Language {
  const primary = (locale ?? '').split(/[-_.@]/)[0]?.toLowerCase();
  return languages.find((language) => language === primary) ?? 'en';
}
