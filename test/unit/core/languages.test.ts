/** One locale→language rule for UI, menus, command line and summaries (core/languages.ts). */
import { describe, expect, it } from 'vitest';
import { languageOfLocale, languages } from '../../../core/languages';

describe('languageOfLocale', () => {
  it('reads German from any German locale or code, in any spelling', () => {
    for (const locale of ['de', 'DE', 'de-DE', 'de-AT', 'de_CH', 'de_DE.UTF-8', 'de@euro']) expect(languageOfLocale(locale), locale).toBe('de');
  });

  it('falls back to English for every other or missing locale', () => {
    for (const locale of ['en', 'en-US', 'fr-FR', 'C.UTF-8', 'POSIX', 'delta', '', undefined, null])
      expect(languageOfLocale(locale), String(locale)).toBe('en');
  });

  it('only ever answers one of the app’s languages', () => {
    expect(languages).toContain(languageOfLocale('xx'));
  });
});
