/** Dates as the facilitator reads them, in the UI language. docs/ARCHITECTURE.md, "The control window". */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formatter(language, 'dateTime').format(date);
}

export function formatTime(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formatter(language, 'time').format(date);
}

/**
 * Builds the first formatter ahead of use: Chromium's first Intl.DateTimeFormat loads ICU data (about
 * 50 ms here), which the app does while main reads the session instead of on the way to the first paint.
 */
export function prepareDateFormats(language: string): void {
  formatter(language, 'time');
}

const formatOptions = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language and kind: the save status re-renders with each save. */
function formatter(language: string, kind: keyof typeof formatOptions): Intl.DateTimeFormat {
  const key = `${language} ${kind}`;
  let built = formatters.get(key);
  if (!built) {
    built = new Intl.DateTimeFormat(language, formatOptions[kind]);
    formatters.set(key, built);
  }
  return built;
}

/** A workshop day (YYYY-MM-DD) without shifting it through time zones. */
export function formatDayMedium(day: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return '';
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
