import type { ResolvedDate } from '@parallax/schema';
import { addDays, addMonths, addWeeks, getDay, isValid, startOfISOWeek } from 'date-fns';
import { TAG_DATE_NUMBER, TAG_DATE_SHIFT, TAG_DATE_UNIT, TAG_DATE_WORD, tokenize, WordSet, type Token } from '../numbers/tokens.js';

// Date expressions in news text, resolved against the article's publication date.
//
// Choices (documented because the schema's precision has only day, month and year):
// - A weekday alone or with "on" ("Monday", "on Tuesday") is the most recent such day on or before the
//   article date; "last Wednesday" the most recent strictly before it; "next Friday" and "this Friday"
//   the first on or after (strictly after for "next").
// - "last week", "this week", "next week" resolve to the Monday that starts that ISO week, precision day.
// - "last month" and the like give the first of the month with precision month; years give 1 January
//   with precision year. Month-precision and year-precision dates are still full ISO dates (YYYY-MM-01).
// - A day or month without a year ("on 14 September", "in July") takes the article's year and counts as
//   relative, since it needs the article date; with no article date it stays unresolved (date null).

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7], ['august', 8],
  ['september', 9], ['october', 10], ['november', 11], ['december', 12], ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4],
  ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Month names that are also common words ("may", "march"): only dates next to a day, a year or a preposition. */
const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(['may', 'march', 'mar', 'jan', 'dec', 'sep', 'oct', 'nov', 'aug', 'jun', 'jul', 'apr', 'feb']);

const MONTH_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'since', 'until', 'till', 'by', 'during', 'early', 'late', 'mid', 'of', 'from', 'before', 'after', 'through', 'throughout', 'last', 'next', 'this', 'between',
]);

const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6],
]);

const DAY_WORDS: ReadonlyMap<string, number> = new Map([
  ['yesterday', -1], ['today', 0], ['tonight', 0], ['tomorrow', 1],
]);

const ORDINAL_DAY = /^(\d{1,2})(?:st|nd|rd|th)?$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** The article's calendar date from an ISO date or datetime (its first 10 characters), or null. */
export function parseArticleDate(articleDate: string | null | undefined): Date | null {
  if (typeof articleDate !== 'string') return null;
  const m = ISO_DAY.exec(articleDate.slice(0, 10));
  if (!m) return null;
  return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function makeDate(y: number, m: number, d: number): Date | null {
  if (!(y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const date = new Date(y, m - 1, d);
  if (!isValid(date) || date.getMonth() !== m - 1 || date.getDate() !== d) return null;
  date.setFullYear(y); // years below 100 would otherwise map to 19xx
  return date;
}

function iso(date: Date | null): string | null {
  if (!date || !isValid(date)) return null;
  const y = date.getFullYear();
  if (y < 1 || y > 9999) return null;
  const m = date.getMonth() + 1;
  const d = date.getDate();
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function dayDay(tok: Token | undefined): number | null {
  if (!tok || tok.kind !== 'number') return null;
  const m = ORDINAL_DAY.exec(tok.lower);
  if (!m) return null;
  const d = Number(m[1]);
  return d >= 1 && d <= 31 ? d : null;
}

function yearOf(tok: Token | undefined): number | null {
  if (!tok || tok.kind !== 'number' || tok.text.length !== 4) return null;
  const y = Number(tok.text);
  return Number.isInteger(y) && y >= 1000 && y <= 2199 ? y : null;
}

function monthOf(tok: Token | undefined): number | null {
  if (!tok || tok.kind !== 'word' || !tok.cap) return null;
  return MONTHS.get(tok.lower) ?? null;
}

/** Weekday on or before (or strictly before / on or after / strictly after) the reference date. */
function weekdayFrom(ref: Date, weekday: number, mode: 'on-or-before' | 'before' | 'on-or-after' | 'after'): Date {
  const diff = getDay(ref) - weekday;
  switch (mode) {
    case 'on-or-before':
      return addDays(ref, -((diff + 7) % 7));
    case 'before':
      return addDays(ref, -((diff + 7) % 7 || 7));
    case 'on-or-after':
      return addDays(ref, (7 - diff) % 7);
    case 'after':
      return addDays(ref, (7 - diff) % 7 || 7);
  }
}

/** Every word that can open a date expression; anything else is skipped with one set lookup. */
const TRIGGERS = new WordSet([
  ...MONTHS.keys(), ...WEEKDAYS.keys(), ...DAY_WORDS.keys(), 'last', 'this', 'next', 'a', 'an', 'one',
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'few', 'several',
  ...[...MONTHS.keys(), ...WEEKDAYS.keys(), ...DAY_WORDS.keys()].map((w) => `${w}'s`),
]);

/**
 * Words for mayHoldDates, with their tags. Of the TRIGGERS, a month, weekday or day word dates alone;
 * a number word, "a" or "few" only before a unit and "ago"; "last", "this" and "next" only before a
 * unit of time (a weekday after them is a trigger itself).
 */
export const DATE_CUES: ReadonlyArray<readonly [readonly string[], number]> = [
  [[...MONTHS.keys(), ...WEEKDAYS.keys(), ...DAY_WORDS.keys()].flatMap((w) => [w, `${w}'s`]), TAG_DATE_WORD],
  [['ago'], TAG_DATE_WORD],
  [['last', 'this', 'next'], TAG_DATE_SHIFT],
  [['night', 'week', 'weekend', 'month', 'year'], TAG_DATE_UNIT],
];

/**
 * False when tokens with these tags (a TokenScanner with DATE_CUES) hold no date: datesFromTokens would
 * find nothing, and need not be run. A number dates alone only as a year or an ISO date (four or ten
 * characters, TAG_DATE_NUMBER); any other needs a month or "ago" after it, each a TAG_DATE_WORD.
 */
export function mayHoldDates(tags: number): boolean {
  return (tags & (TAG_DATE_NUMBER | TAG_DATE_WORD)) !== 0 || ((tags & TAG_DATE_SHIFT) !== 0 && (tags & TAG_DATE_UNIT) !== 0);
}

interface Found {
  startTok: number;
  endTok: number;
  date: string | null;
  precision: ResolvedDate['precision'];
  relative: boolean;
}

/**
 * Finds date expressions in text and resolves them against the article date (an ISO date or datetime,
 * or null). Spans are absolute: offset + index in text. Never throws.
 */
export function findDates(text: string, offset = 0, articleDate: string | null = null): ResolvedDate[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  return datesFromTokens(text, tokenize(text), offset, articleDate);
}

/** findDates over tokens already made by tokenize(text); the article date may come parsed (parseArticleDate). */
export function datesFromTokens(text: string, tokens: readonly Token[], offset: number, articleDate: string | Date | null): ResolvedDate[] {
  const ref = articleDate instanceof Date ? articleDate : parseArticleDate(articleDate);
  const out: ResolvedDate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok || tok.kind === 'punct') continue;
    if (tok.kind === 'word' && !TRIGGERS.holds(tok)) continue;
    const f = tok.kind === 'number' ? matchNumberStart(tokens, i, ref) : matchWordStart(tokens, i, ref);
    if (!f) continue;
    // Take a leading "on" into the expression: "on 14 September", "on Tuesday".
    let s = f.startTok;
    if (tokens[s - 1]?.lower === 'on' && (out.length === 0 || (tokens[s - 1]?.start ?? 0) >= (out[out.length - 1]?.span.end ?? 0) - offset)) s -= 1;
    const a = tokens[s];
    const b = tokens[f.endTok - 1];
    if (!a || !b) continue;
    out.push({
      text: text.slice(a.start, b.end),
      span: { start: offset + a.start, end: offset + b.end },
      date: f.date,
      precision: f.precision,
      relative: f.relative,
    });
    i = f.endTok - 1;
  }
  return out;
}

function resolved(startTok: number, endTok: number, ymd: Ymd | null, precision: Found['precision'], relative: boolean): Found | null {
  if (ymd === null) return { startTok, endTok, date: null, precision, relative };
  // 1 January of a four-digit year (every year and "last year") is a valid date in any time zone: its ISO
  // form needs no Date object.
  const date = ymd.m === 1 && ymd.d === 1 && ymd.y >= 1000 && ymd.y <= 9999 ? `${ymd.y}-01-01` : iso(makeDate(ymd.y, ymd.m, ymd.d));
  if (date === null) return null; // 31 February
  return { startTok, endTok, date, precision, relative };
}

function skipDot(tokens: readonly Token[], j: number): number {
  return tokens[j]?.text === '.' ? j + 1 : j;
}

/** "15 September 2015", "14 September", "15th of September", "2015-09-15", "2011". */
function matchNumberStart(tokens: readonly Token[], i: number, ref: Date | null): Found | null {
  const tok = tokens[i];
  if (!tok) return null;
  const isoM = tok.text.length === 10 ? ISO_DAY.exec(tok.text) : null; // ISO_DAY reads ten characters
  if (isoM) return resolved(i, i + 1, { y: Number(isoM[1]), m: Number(isoM[2]), d: Number(isoM[3]) }, 'day', false);
  if (tokens[i + 2]?.lower === 'ago') {
    const n = SMALL.get(tok.text);
    if (n !== undefined) return agoDate(i, i + 3, n, tokens[i + 1]?.lower ?? '', ref);
  }
  // A day needs a month after it: the month, a map look-up, is read before the day, a regex.
  let j = i + 1;
  if (tokens[j]?.lower === 'of') j++;
  const m = monthOf(tokens[j]);
  const d = m !== null ? dayDay(tok) : null;
  if (d !== null && m !== null) {
    let end = skipDot(tokens, j + 1);
    if (end !== j + 1 && yearOf(tokens[end]) === null) end = j + 1; // keep a sentence-final dot out
    const afterComma = tokens[end]?.text === ',' ? end + 1 : end;
    const y = yearOf(tokens[end]) ?? (tokens[end]?.text === ',' ? yearOf(tokens[afterComma]) : null);
    if (y !== null) return resolved(i, (yearOf(tokens[end]) !== null ? end : afterComma) + 1, { y, m, d }, 'day', false);
    return resolved(i, j + 1, ref ? { y: ref.getFullYear(), m, d } : null, 'day', true);
  }
  const y = yearOf(tok);
  if (y !== null && tok.text.length === 4 && /^\d{4}$/.test(tok.text)) {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (prev && prev.kind === 'punct' && '$£€¥'.includes(prev.text)) return null;
    if (next && (next.text === '%' || next.lower === 'percent' || next.lower === 'million' || next.lower === 'billion')) return null;
    if (y < 1800 || y > 2100) return null;
    return resolved(i, i + 1, { y, m: 1, d: 1 }, 'year', false);
  }
  return null;
}

/** Weekdays, "yesterday", "last week", "Sept. 15, 2015", "September 15", "July 2015", "in July". */
function matchWordStart(tokens: readonly Token[], i: number, ref: Date | null): Found | null {
  const tok = tokens[i];
  if (!tok) return null;
  const lower = tok.lower.endsWith("'s") ? tok.lower.slice(0, -2) : tok.lower;
  const prevLower = tokens[i - 1]?.lower ?? '';
  // Weekdays, with "last", "next", "this".
  const wd = WEEKDAYS.get(lower);
  if (wd !== undefined && tok.cap) {
    let start = i;
    let mode: 'on-or-before' | 'before' | 'on-or-after' | 'after' = 'on-or-before';
    if (prevLower === 'last') {
      mode = 'before';
      start = i - 1;
    } else if (prevLower === 'next') {
      mode = 'after';
      start = i - 1;
    } else if (prevLower === 'this') {
      mode = 'on-or-after';
      start = i - 1;
    }
    const date = ref ? weekdayFrom(ref, wd, mode) : null;
    return { startTok: start, endTok: i + 1, date: iso(date), precision: 'day', relative: true };
  }
  const dw = DAY_WORDS.get(lower);
  if (dw !== undefined) {
    if (tokens[i + 1]?.lower === 'programme' || tokens[i + 1]?.lower === 'show') return null; // a title, not a date
    return { startTok: i, endTok: i + 1, date: ref ? iso(addDays(ref, dw)) : null, precision: 'day', relative: true };
  }
  if (lower === 'last' || lower === 'this' || lower === 'next') {
    const unit = tokens[i + 1]?.lower;
    const step = lower === 'last' ? -1 : lower === 'next' ? 1 : 0;
    if (unit === 'night' && lower !== 'next') {
      return { startTok: i, endTok: i + 2, date: ref ? iso(addDays(ref, lower === 'last' ? -1 : 0)) : null, precision: 'day', relative: true };
    }
    if (unit === 'week' || unit === 'weekend') {
      const date = ref ? startOfISOWeek(addWeeks(ref, step)) : null;
      return { startTok: i, endTok: i + 2, date: iso(date), precision: 'day', relative: true };
    }
    if (unit === 'month') {
      const date = ref ? addMonths(new Date(ref.getFullYear(), ref.getMonth(), 1), step) : null;
      return { startTok: i, endTok: i + 2, date: iso(date), precision: 'month', relative: true };
    }
    if (unit === 'year') {
      return resolved(i, i + 2, ref ? { y: ref.getFullYear() + step, m: 1, d: 1 } : null, 'year', true);
    }
    return null;
  }
  // "a week ago", "two days ago", "three weeks ago"
  if (tokens[i + 2]?.lower === 'ago') {
    const n = lower === 'a' || lower === 'an' || lower === 'one' ? 1 : (SMALL.get(lower) ?? null);
    const unit = tokens[i + 1]?.lower ?? '';
    if (n !== null) return agoDate(i, i + 3, n, unit, ref);
  }
  const m = monthOf(tok);
  if (m === null) return null;
  const isAbbrev = tok.lower.length <= 4 && tok.lower !== 'june' && tok.lower !== 'july' && tok.lower !== 'may';
  let j = i + 1;
  if (isAbbrev && tokens[j]?.text === '.') j++;
  const d = dayDay(tokens[j]);
  if (d !== null && tokens[j]?.kind === 'number' && (tokens[j]?.text.length ?? 0) <= 4) {
    // "Sept. 15, 2015", "September 15 2015", "September 15"
    const k = tokens[j + 1]?.text === ',' ? j + 2 : j + 1;
    const y = yearOf(tokens[k]);
    if (y !== null) return resolved(i, k + 1, { y, m, d }, 'day', false);
    return resolved(i, j + 1, ref ? { y: ref.getFullYear(), m, d } : null, 'day', true);
  }
  const y = yearOf(tokens[j]);
  if (y !== null) return resolved(i, j + 1, { y, m, d: 1 }, 'month', false); // "July 2015"
  // A bare month needs a preposition before it, and an abbreviation is never bare.
  if (isAbbrev && j === i + 1) return null;
  if (!MONTH_PREPOSITIONS.has(prevLower) && AMBIGUOUS_MONTHS.has(tok.lower)) return null;
  const end = isAbbrev && j > i + 1 ? j : i + 1;
  return resolved(i, end, ref ? { y: ref.getFullYear(), m, d: 1 } : null, 'month', true);
}

const SMALL: ReadonlyMap<string, number> = new Map([
  ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
  ['few', 3], ['several', 3], ['2', 2], ['3', 3], ['4', 4], ['5', 5], ['6', 6], ['7', 7], ['8', 8], ['9', 9], ['10', 10],
]);

function agoDate(startTok: number, endTok: number, n: number, unit: string, ref: Date | null): Found | null {
  const u = unit.endsWith('s') ? unit.slice(0, -1) : unit;
  if (u === 'day') return { startTok, endTok, date: ref ? iso(addDays(ref, -n)) : null, precision: 'day', relative: true };
  if (u === 'week') return { startTok, endTok, date: ref ? iso(addWeeks(ref, -n)) : null, precision: 'day', relative: true };
  if (u === 'month') {
    const date = ref ? addMonths(new Date(ref.getFullYear(), ref.getMonth(), 1), -n) : null;
    return { startTok, endTok, date: iso(date), precision: 'month', relative: true };
  }
  if (u === 'year') return resolved(startTok, endTok, ref ? { y: ref.getFullYear() - n, m: 1, d: 1 } : null, 'year', true);
  return null;
}
