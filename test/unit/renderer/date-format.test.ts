import { describe, expect, it } from 'vitest';
import { dateStyleOf, dayForField, parseDay } from '../../../renderer/src/ui/date-format';

describe('days in the UI language', () => {
  it('shows a stored day as TT.MM.JJJJ in German and as YYYY-MM-DD in English', () => {
    expect(dayForField('2027-03-04', dateStyleOf('de'))).toBe('04.03.2027');
    expect(dayForField('2027-03-04', dateStyleOf('de-DE'))).toBe('04.03.2027');
    expect(dayForField('2027-03-04', dateStyleOf('en'))).toBe('2027-03-04');
    expect(dayForField('', 'de')).toBe('');
  });

  it('reads German days, short forms and two-digit years included', () => {
    expect(parseDay('04.03.2027', 'de')).toBe('2027-03-04');
    expect(parseDay(' 4.3.2027 ', 'de')).toBe('2027-03-04');
    expect(parseDay('04.03.27', 'de')).toBe('2027-03-04');
    expect(parseDay('29.02.2028', 'de')).toBe('2028-02-29');
  });

  it('reads ISO days in every language, and an empty field as no day', () => {
    expect(parseDay('2027-03-04', 'de')).toBe('2027-03-04');
    expect(parseDay('2027-3-4', 'iso')).toBe('2027-03-04');
    expect(parseDay('', 'de')).toBe('');
    expect(parseDay('   ', 'iso')).toBe('');
  });

  it('refuses what is no real day', () => {
    for (const text of ['31.02.2027', '29.02.2027', '00.01.2027', '12.13.2027', '4/3/2027', 'morgen', '2027-02-30', '04.03.2027x']) {
      expect(parseDay(text, 'de'), text).toBeNull();
    }
    expect(parseDay('04.03.2027', 'iso')).toBeNull();
  });

  it('gives back the same day after showing it, in both languages', () => {
    for (const day of ['2027-01-01', '2027-12-31', '2028-02-29', '1999-07-15']) {
      expect(parseDay(dayForField(day, 'de'), 'de')).toBe(day);
      expect(parseDay(dayForField(day, 'iso'), 'iso')).toBe(day);
    }
  });
});
