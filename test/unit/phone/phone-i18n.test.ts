/** The phone app's two dictionaries and its choice of language (renderer/phone/i18n.ts). */
import { describe, expect, it } from 'vitest';
import { dictionaries, pickLanguage, plural, translator } from '../../../renderer/phone/i18n';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('the phone app’s words', () => {
  it('has every text in German and English, none empty, with the same placeholders', () => {
    const { de, en } = dictionaries;
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [key, english] of Object.entries(en)) {
      const german = de[key as keyof typeof de];
      expect(english.trim(), key).not.toBe('');
      expect(german.trim(), key).not.toBe('');
      expect(placeholders(german), key).toEqual(placeholders(english));
    }
  });

  it('speaks German to a German phone and English to any other, and keeps a stored choice', () => {
    expect(pickLanguage(undefined, ['de-DE', 'en-US'])).toBe('de');
    expect(pickLanguage(undefined, ['de-AT'])).toBe('de');
    expect(pickLanguage(undefined, ['fr-FR', 'de-CH'])).toBe('de');
    expect(pickLanguage(undefined, ['fr-FR'])).toBe('en');
    expect(pickLanguage(undefined, [])).toBe('en');
    expect(pickLanguage('en', ['de-DE'])).toBe('en');
    expect(pickLanguage('xx', ['de-DE'])).toBe('de');
  });

  it('fills placeholders and counts in the language’s plural forms', () => {
    const t = translator('de');
    expect(t('status_refused', { reason: t('refusal_paused') })).toBe('Nicht angenommen: die Moderation hat die Handys pausiert.');
    expect(plural(t, 'de', 'dotsLeft', 1)).toBe('Noch 1 Punkt');
    expect(plural(t, 'de', 'dotsLeft', 0)).toBe('Noch 0 Punkte');
    expect(plural(translator('en'), 'en', 'dots', 2)).toBe('2 dots');
  });
});
