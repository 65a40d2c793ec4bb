// Dates in claims resolved against a story when the article's own date is unknown. The extractor resolves
// "Monday" against the article's publication date; an article with no date leaves it null. Articles of
// one story are published within days of each other, so the story's dated articles give a reference day
// (their median) for the undated ones, and weekday names and day-month dates resolve against it the way
// a reader would: "Monday" is the last Monday on or before the reference day, "14 September" takes the
// reference year.
import type { ResolvedDate } from '@parallax/schema';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const iso = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
const dayOf = (date: string): number => Math.round(Date.parse(date.slice(0, 10) + 'T00:00:00Z') / 86_400_000);

/** The median of the given ISO dates, as an ISO date, or null when there are none. */
export function medianDate(dates: readonly (string | null)[]): string | null {
  const days = dates.filter((d): d is string => !!d).map(dayOf).filter((d) => !Number.isNaN(d)).sort((a, b) => a - b);
  if (days.length === 0) return null;
  return iso(days[(days.length - 1) >> 1]!);
}

/**
 * The calendar day a claim's date expression refers to, at day precision: the extractor's date when it
 * resolved one, else the expression resolved against `reference` (an ISO date), else null.
 */
export function effectiveDay(d: ResolvedDate, reference: string | null): string | null {
  if (d.date && d.precision === 'day') return d.date;
  if (d.date || !reference) return null;
  const text = d.text.toLowerCase();
  const ref = dayOf(reference);
  if (/\btoday\b/.test(text)) return iso(ref);
  if (/\byesterday\b/.test(text)) return iso(ref - 1);
  const wd = WEEKDAYS.findIndex((w) => new RegExp(`\\b${w}\\b`).test(text));
  if (wd >= 0) {
    const refWd = new Date(ref * 86_400_000).getUTCDay();
    let back = (refWd - wd + 7) % 7;
    if (/\blast\b/.test(text) && back === 0) back = 7;
    return iso(ref - back);
  }
  const m = /(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3})[a-z]*\.?|([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b/.exec(text);
  if (m) {
    const day = Number(m[1] ?? m[4]);
    const month = MONTHS.indexOf((m[2] ?? m[3])!);
    if (month < 0 || day < 1 || day > 31) return null;
    const year = Number(reference.slice(0, 4));
    let t = Date.UTC(year, month, day) / 86_400_000;
    if (t - ref > 60) t = Date.UTC(year - 1, month, day) / 86_400_000;
    return iso(t);
  }
  return null;
}
