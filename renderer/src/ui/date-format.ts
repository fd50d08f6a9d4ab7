/** Calendar days (stored as YYYY-MM-DD) shown and typed in the UI language. docs/ARCHITECTURE.md, "The control window". */

export type DateStyle = 'de' | 'iso';

/** The style of a UI language ('de', 'de-DE', 'en', …). */
export function dateStyleOf(language: string): DateStyle {
  return language.toLowerCase().startsWith('de') ? 'de' : 'iso';
}

/** A stored day as the UI shows it; anything that is not a stored day is shown as it is. */
export function dayForField(day: string, style: DateStyle): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match || style === 'iso') return day;
  return `${match[3]}.${match[2]}.${match[1]}`;
}

/**
 * What was typed, as a stored day: '' for an empty field, null when it is no real day. ISO
 * (2027-03-04) is understood in every language; German also takes 4.3.2027 and 04.03.27.
 */
export function parseDay(text: string, style: DateStyle): string | null {
  const typed = text.trim();
  if (typed === '') return '';
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const german = style === 'de' ? /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(typed) : null;
  if (german) {
    const year = german[3]?.length === 2 ? 2000 + Number(german[3]) : Number(german[3]);
    return validDay(year, Number(german[2]), Number(german[1]));
  }
  return null;
}

function validDay(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The facilitator's today (local calendar) as a stored day: a new session's default date. */
export function todayAsDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
