import type { Quantity, QuantityQualifier } from '@parallax/schema';
import {
  ADJECTIVE_HINT,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  HYPHEN_MEASURES,
  MEASURE_SUFFIXES,
  MONTH_WORDS,
  NOT_UNIT,
  ONES,
  QUALIFIERS_BEFORE,
  SCALES,
  SCALE_SUFFIXES,
  TIME_WORDS,
  VAGUE_PLURALS,
} from './lexicon.js';
import { TAG_NUMBER, TAG_NUMBER_WORD, tokenize, WordSet, type Token } from './tokens.js';

/** A number read from tokens [start, end): its value and anything the token itself says about it. */
interface NumberRead {
  end: number;
  value: number;
  high: number | null;
  /** A qualifier implied by the words themselves ("hundreds of" is at-least). */
  implied: QuantityQualifier | null;
  /** A unit carried inside the token ("100km", "12-year-old", "four-and-a-half-year"). */
  unit: string | null;
  /** Currency carried inside the token or just after it. */
  currency: string | null;
  /** Spelled out in words (small spelled numbers need a counted noun to count as a quantity). */
  word: boolean;
  /** Written with a glued scale suffix (m, bn) or a scale word (million). */
  scaled: boolean;
  /** A plain integer of four digits with no separator: maybe a year. */
  yearLike: boolean;
}

/** Words after "100m" that make it a distance, not a hundred million. */
const METRE_EVENTS: ReadonlySet<string> = new Set([
  'hurdles', 'sprint', 'race', 'final', 'freestyle', 'butterfly', 'backstroke', 'breaststroke', 'relay', 'title', 'record',
  'gold', 'silver', 'bronze', 'heat', 'heats', 'medley', 'champion', 'dash', 'semi-final', 'event', 'high', 'tall', 'long',
  'deep', 'wide', 'away',
]);

const NUMERIC_CORE = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([a-z%]*)$/;

function tidy(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(12));
}

/** Whether s is ASCII digits only. */
function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

/** Reads a token that starts with a digit: "250,000", "4.5", "1.2bn", "10-20", "12-year-old". */
function readNumericToken(tok: Token): NumberRead | null {
  // Most number tokens are plain digits ("2015", "12"): read without the regex, as it would read them.
  if (isDigits(tok.lower)) {
    const value = Number(tok.lower);
    if (!Number.isFinite(value)) return null;
    return { end: 0, value, high: null, implied: null, unit: null, currency: null, word: false, scaled: false, yearLike: tok.lower.length === 4 };
  }
  const parts = tok.lower.includes('-') ? tok.lower.split('-') : [tok.lower];
  const m = NUMERIC_CORE.exec(parts[0] ?? '');
  if (!m) return null;
  const intPart = m[1] ?? '';
  const frac = m[2];
  const suffix = m[3] ?? '';
  let value = Number((intPart.includes(',') ? intPart.replaceAll(',', '') : intPart) + (frac !== undefined ? `.${frac}` : ''));
  if (!Number.isFinite(value)) return null;
  let unit: string | null = null;
  let scaled = false;
  if (suffix !== '') {
    const scale = SCALE_SUFFIXES.get(suffix);
    if (scale !== undefined) {
      value = tidy(value * scale);
      scaled = true;
    } else if (MEASURE_SUFFIXES.has(suffix) && !(suffix === 'g' && tok.text.endsWith('G'))) unit = suffix; // "3G" is a name
    else return null; // ordinals (4th), decades (1990s), times (3pm), codes (82a)
  }
  const yearLike = suffix === '' && frac === undefined && !intPart.includes(',') && intPart.length === 4;
  let high: number | null = null;
  if (parts.length > 1) {
    const second = parts[1] ?? '';
    const m2 = NUMERIC_CORE.exec(second);
    if (m2) {
      if (parts.length > 2 || (m2[3] ?? '') !== '') return null;
      if (yearLike) return null; // 2010-2015 is a span of years
      const h = Number((m2[1] ?? '').replace(/,/g, '') + (m2[2] !== undefined ? `.${m2[2]}` : ''));
      if (!(h > value)) return null; // "2-1" is a score, not a range
      high = h;
    } else if (HYPHEN_MEASURES.has(second)) {
      if (second !== 'strong') unit = second;
    } else return null;
  }
  return { end: 0, value, high, implied: null, unit, currency: null, word: false, scaled, yearLike: yearLike && high === null };
}

/**
 * The atoms readWordNumber reads past without stopping: a word outside these ends the number, and
 * readWordNumber looks past one only after one of these.
 */
const NUMBER_ATOMS: ReadonlySet<string> = new Set([...ONES.keys(), ...SCALES.keys(), 'dozen', 'a', 'an', 'half', 'point', 'and', 'several', 'few']);

/**
 * Atoms of spelled numbers: the hyphen-separated parts of tokens i, i+1, ... with their token index. They
 * stop after a token whose first atom is no NUMBER_ATOMS word: the number ends there at the latest ("one
 * of the" reads two atoms, not twelve), and each token read is read whole.
 */
function atomsFrom(tokens: readonly Token[], i: number, max: number): Array<{ atom: string; tok: number; last: boolean }> {
  const atoms: Array<{ atom: string; tok: number; last: boolean }> = [];
  for (let t = i; t < tokens.length && t < i + max; t++) {
    const tok = tokens[t];
    if (!tok || tok.kind !== 'word') break;
    if (!tok.lower.includes('-')) {
      atoms.push({ atom: tok.lower, tok: t, last: true });
      if (!NUMBER_ATOMS.has(tok.lower)) break;
      continue;
    }
    const parts = tok.lower.split('-');
    for (let p = 0; p < parts.length; p++) atoms.push({ atom: parts[p] ?? '', tok: t, last: p === parts.length - 1 });
    if (!NUMBER_ATOMS.has(parts[0] ?? '')) break;
  }
  return atoms;
}

function isNumberAtom(a: string): boolean {
  return ONES.has(a) || SCALES.has(a) || a === 'dozen';
}

/**
 * Reads a spelled number starting at token i: "two", "twenty-five", "two hundred and fifty thousand",
 * "a dozen", "half-a-dozen", "four-and-a-half-year", "hundreds of", "tens of thousands".
 */
function readWordNumber(tokens: readonly Token[], i: number): NumberRead | null {
  const first = tokens[i];
  if (!first || first.kind !== 'word') return null;
  const dash = first.lower.indexOf('-');
  const firstAtom = dash < 0 ? first.lower : first.lower.slice(0, dash);
  // Vague plurals: "hundreds of", "tens of thousands of", "hundreds of thousands".
  const vague = VAGUE_PLURALS.get(first.lower);
  if (vague !== undefined) {
    let value = vague * 2;
    let end = i + 1;
    const of = tokens[end];
    if (of?.lower !== 'of') return null;
    const next = tokens[end + 1];
    const nextScale = next ? (SCALES.get(next.lower) ?? (VAGUE_PLURALS.get(next.lower) ?? 0)) : 0;
    if (next && nextScale >= 1000 && (SCALES.has(next.lower) ? false : true)) {
      // "tens of thousands", "hundreds of millions"
      value = tidy(value * nextScale);
      end += 2;
      if (tokens[end]?.lower === 'of') end++;
    } else end += 1;
    if (first.lower === 'tens' && end === i + 2) return null; // "tens of" alone is not a number
    return { end, value, high: null, implied: 'at-least', unit: null, currency: null, word: true, scaled: true, yearLike: false };
  }
  if (!(isNumberAtom(firstAtom) || firstAtom === 'a' || firstAtom === 'an' || firstAtom === 'half' || firstAtom === 'several' || firstAtom === 'few')) return null;
  const atoms = atomsFrom(tokens, i, 12);
  let total = 0;
  let current = 0;
  let seen = false;
  let k = 0;
  let lastTok = i;
  let unit: string | null = null;
  let vagueMultiplier = 0; // "several hundred", "a few thousand"
  const at = (n: number): string => atoms[n]?.atom ?? '';
  if (at(0) === 'several' || (at(0) === 'a' && at(1) === 'few')) {
    k = at(0) === 'several' ? 1 : 2;
    if (!SCALES.has(at(k))) return null;
    vagueMultiplier = at(0) === 'several' ? 3 : 2;
  }
  for (; k < atoms.length; k++) {
    const a = at(k);
    const tokIndex = atoms[k]?.tok ?? i;
    const one = ONES.get(a);
    if (one !== undefined) {
      if (seen && current % 100 !== 0 && current % 10 === 0 && one >= 10) break; // "twenty thirty" is two numbers
      if (seen && current % 10 !== 0 && current < 100) break; // "five six"
      current += one;
      seen = true;
    } else if ((a === 'a' || a === 'an') && (SCALES.has(at(k + 1)) || at(k + 1) === 'dozen' || at(k + 1) === 'half')) {
      if (seen && at(k + 1) !== 'half') break;
      if (at(k + 1) === 'half') {
        if (!seen) break; // "a half" alone is not counted
        current += 0.5;
        k++;
        lastTok = atoms[k]?.tok ?? tokIndex;
        continue;
      }
      current = current === 0 ? 1 : current;
      seen = true;
    } else if (a === 'half' && !seen && (at(k + 1) === 'a' || at(k + 1) === 'an') && (at(k + 2) === 'dozen' || SCALES.has(at(k + 2)))) {
      const s = at(k + 2) === 'dozen' ? 12 : (SCALES.get(at(k + 2)) ?? 1);
      current = s / 2;
      seen = true;
      k += 2;
      lastTok = atoms[k]?.tok ?? tokIndex;
      continue;
    } else if (a === 'point' && seen && total === 0 && current < 1000 && (ONES.get(at(k + 1)) ?? 10) < 10) {
      // "one point three": spelled decimals, digit by digit
      let scale = 0.1;
      while ((ONES.get(at(k + 1)) ?? 10) < 10) {
        current += (ONES.get(at(k + 1)) ?? 0) * scale;
        scale /= 10;
        k++;
      }
      lastTok = atoms[k]?.tok ?? tokIndex;
      continue;
    } else if (a === 'and' && seen && (ONES.has(at(k + 1)) || ((at(k + 1) === 'a' || at(k + 1) === 'an') && at(k + 2) === 'half'))) {
      continue;
    } else if (a === 'dozen') {
      current = (current === 0 ? 1 : current) * 12;
      seen = true;
    } else if (SCALES.has(a) && (seen || vagueMultiplier > 0)) {
      const s = SCALES.get(a) ?? 1;
      if (s === 100) current = (current === 0 ? 1 : current) * 100;
      else {
        total += (current === 0 ? 1 : current) * s;
        current = 0;
      }
      seen = true;
    } else {
      // A hyphenated tail such as "-year" in "four-and-a-half-year" is the unit.
      const prev = atoms[k - 1];
      if (seen && prev && prev.tok === tokIndex && HYPHEN_MEASURES.has(a) && atoms[k]?.last) {
        if (a !== 'strong') unit = a;
        lastTok = tokIndex;
      } else if (seen && prev && prev.tok === tokIndex) return null; // "one-time", "two-thirds"
      break;
    }
    lastTok = tokIndex;
  }
  if (!seen) return null;
  // A hyphenated token must be read whole: "twenty-five" yes, "one-sided" no.
  const lastAtomRead = atoms.findLast((x) => x.tok === lastTok);
  if (lastAtomRead && !lastAtomRead.last) {
    const readAtoms = atoms.slice(0, k + 1).filter((x) => x.tok === lastTok).length;
    if (readAtoms < atoms.filter((x) => x.tok === lastTok).length) return null;
  }
  let value = tidy(total + current);
  let implied: QuantityQualifier | null = null;
  if (vagueMultiplier > 0) {
    value = tidy(value * vagueMultiplier);
    implied = 'at-least';
  }
  return { end: lastTok + 1, value, high: null, implied, unit, currency: null, word: true, scaled: total > 0 || current >= 100, yearLike: false };
}

function isCapWord(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && t.cap;
}

/** Whether the number at token i is part of a date, a time or a name rather than a count. */
function isNotACount(tokens: readonly Token[], i: number, endTok: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[endTok];
  const next2 = tokens[endTok + 1];
  if (next && (next.text === ':' || next.text === '/') && next2?.kind === 'number') return true; // 10:30, 15/09
  if (prev && (prev.text === '/' || prev.text === ':' || prev.text === '#')) return true;
  if (next && TIME_WORDS.has(next.lower)) return true;
  if (next && MONTH_WORDS.has(next.lower) && next.cap) return true; // 15 September
  if (next?.lower === 'of' && next2 && MONTH_WORDS.has(next2.lower) && next2.cap) return true;
  if (prev && MONTH_WORDS.has(prev.lower) && prev.cap) return true; // September 15
  if (prev?.text === '.' && MONTH_WORDS.has(tokens[i - 2]?.lower ?? '') && tokens[i - 2]?.cap) return true; // Sept. 15
  if (prev && (prev.lower === 'no' || prev.lower === 'number') && prev.kind === 'word') return true;
  if (prev?.text === '.' && tokens[i - 2]?.lower === 'no') return true;
  // "Resolution 2254", "Flight 17", "Boeing 737": a capitalised name word right before the number.
  if (isCapWord(prev) && prev && !NOT_UNIT.has(prev.lower) && !QUALIFIERS_BEFORE.has(prev.lower) && !CURRENCY_WORDS.has(prev.lower) && prev.lower !== 'us') {
    const before = tokens[i - 2];
    if (before && (before.kind === 'word' || before.text === ',')) return true;
  }
  return false;
}

/** The last words of the QUALIFIERS_BEFORE phrases: a phrase found before a number ends in one. */
const QUALIFIER_ENDS = new WordSet([...QUALIFIERS_BEFORE.keys()].map((p) => p.slice(p.lastIndexOf(' ') + 1)));

/** The qualifier written before token `start` (not reaching back past `limit`), with its first token. */
function qualifierBefore(tokens: readonly Token[], start: number, limit: number): { q: QuantityQualifier; from: number } | null {
  // Most numbers have no qualifier: the word right before tells, before any phrase is built.
  const before = tokens[start - 1];
  if (start - 1 < limit || !before || before.kind !== 'word' || !QUALIFIER_ENDS.holds(before)) return null;
  for (let len = 3; len >= 1; len--) {
    const from = start - len;
    if (from < limit) continue;
    let phrase = '';
    let ok = true;
    for (let t = from; t < start; t++) {
      const tok = tokens[t];
      if (!tok || tok.kind !== 'word') {
        ok = false;
        break;
      }
      phrase += (phrase === '' ? '' : ' ') + tok.lower;
    }
    if (!ok) continue;
    const q = QUALIFIERS_BEFORE.get(phrase);
    if (q !== undefined) {
      // "some of", "over the" cannot precede a number, so a phrase found here always qualifies it.
      return { q, from };
    }
  }
  return null;
}

/** Every word that can open a spelled number (one, two, ..., a, half, dozens, ...). */
const START_WORDS = new WordSet([...ONES.keys(), ...VAGUE_PLURALS.keys(), 'dozen', 'half', 'several', 'a', 'an']);

/**
 * The words tagged TAG_NUMBER_WORD for mayHoldQuantities: those that open a spelled number but "a" and
 * "an", and the scale words. "a" opens one only before a scale word, "dozen" or "half" ("a million", "a
 * dozen", "a half-dozen"); before any other word readWordNumber reads nothing.
 */
export const QUANTITY_CUES: readonly string[] = [...ONES.keys(), ...VAGUE_PLURALS.keys(), 'dozen', 'half', 'several', ...SCALES.keys()];

/**
 * False when tokens with these tags (a TokenScanner with QUANTITY_CUES) hold no quantity: with no number
 * and no number word, alone or as part of a hyphenated word ("twenty-five", "a few-hundred"),
 * quantitiesFromTokens finds nothing, and need not be run.
 */
export function mayHoldQuantities(tags: number): boolean {
  return (tags & (TAG_NUMBER | TAG_NUMBER_WORD)) !== 0;
}

/** Words that can open a spelled number, checked before any parsing ("a" only before a scale word). */
function mayStartNumber(tok: Token, next: Token | undefined): boolean {
  const l = tok.lower;
  if (START_WORDS.holds(tok)) {
    if (l !== 'a' && l !== 'an') return true;
    const n = next?.lower ?? '';
    return SCALES.has(n) || n === 'dozen' || n === 'few' || n.startsWith('half') || n.startsWith('dozen');
  }
  // A head that opens a number has three letters or more ("one-", "ten-"), and a word after it: a word of
  // under five characters has none, and need not be searched for a hyphen.
  if (l.length < 5) return false;
  const dash = l.indexOf('-');
  if (dash <= 0) return false;
  const head = l.slice(0, dash);
  return START_WORDS.has(head) && head !== 'a' && head !== 'an'; // "twenty-five", "half-a-dozen"
}

/** Reads a number (digits with an optional following scale word, or a spelled number) at token i. */
function readNumber(tokens: readonly Token[], i: number): NumberRead | null {
  const tok = tokens[i];
  if (!tok) return null;
  if (tok.kind === 'number') {
    const r = readNumericToken(tok);
    if (!r) return null;
    let end = i + 1;
    let value = r.value;
    let scaled = r.scaled;
    // "4 million", "1.5 billion", "250 thousand"
    while (!scaled || value < 1000) {
      const s = SCALES.get(tokens[end]?.lower ?? '');
      if (s === undefined) break;
      value = tidy(value * s);
      scaled = true;
      end++;
    }
    if (end === i + 1) {
      r.end = end;
      return r;
    }
    return {
      end,
      value,
      high: r.high !== null ? tidy((r.high * value) / r.value) : null,
      implied: r.implied,
      unit: r.unit,
      currency: r.currency,
      word: r.word,
      scaled,
      yearLike: false,
    };
  }
  return readWordNumber(tokens, i);
}

/** Nouns that are plural without ending in -s. */
const PLURALS: ReadonlySet<string> = new Set([
  'people', 'men', 'women', 'children', 'police', 'staff', 'personnel', 'cattle', 'sheep', 'fish', 'aircraft', 'feet',
  'teeth', 'mice', 'geese', 'livestock', 'crew', 'infantry', 'militia', 'data', 'media', 'deer', 'clergy',
]);

function looksCounted(w: Token): boolean {
  const l = w.lower;
  if (PLURALS.has(l)) return true;
  return l.length > 2 && l.endsWith('s') && !l.endsWith('ss') && !l.endsWith('ous') && !l.endsWith('is') && !l.endsWith("'s");
}

function unitWord(w: Token | undefined): boolean {
  return w !== undefined && w.kind === 'word' && !NOT_UNIT.has(w.lower) && !MONTH_WORDS.has(w.lower) && !ONES.has(w.lower) && !SCALES.has(w.lower) && w.lower.length <= 30;
}

/**
 * The counted noun or measure after token `j`: the first plural-looking word of the next few content
 * words ("two self-proclaimed separatist states" counts states), else the first word unless it only
 * describes ("6,500 people dead" counts people). Returns the unit and the token index after it.
 */
function unitAfter(tokens: readonly Token[], j: number): { unit: string; end: number } | null {
  let k = j;
  if (tokens[k]?.lower === 'of' && unitWord(tokens[k + 1])) k++;
  const w = tokens[k];
  if (!w || !unitWord(w)) return null;
  if ((w.lower === 'square' || w.lower === 'cubic' || w.lower === 'nautical') && unitWord(tokens[k + 1])) {
    return { unit: `${w.lower} ${tokens[k + 1]?.lower ?? ''}`, end: k + 2 };
  }
  for (let r = k; r < k + 4 && unitWord(tokens[r]); r++) {
    const t = tokens[r] as Token;
    if (looksCounted(t)) return { unit: t.cap ? t.text : t.lower, end: r + 1 };
    if (r > k && !t.cap && !ADJECTIVE_HINT.has(t.lower) && !/(?:ian|ese|ish|ive|ous|ful|ic|al|ed|ing|ist)$/.test(t.lower)) break;
  }
  const n = tokens[k + 1];
  if ((ADJECTIVE_HINT.has(w.lower) || /(?:ian|ese|ish|ive|ous|ful|ic|al|ed)$/.test(w.lower)) && unitWord(n) && n && !n.cap) {
    return { unit: n.lower, end: k + 2 };
  }
  return { unit: w.cap ? w.text : w.lower, end: k + 1 };
}

/**
 * Finds the quantities in text: numbers written in digits or words with their scale, currency,
 * percent, range, hedging qualifier and counted noun. Years, dates, times, ordinals and numbers that
 * are parts of names are left out. Spans are absolute: offset + index in text. Never throws.
 */
export function findQuantities(text: string, offset = 0): Quantity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  return quantitiesFromTokens(text, tokenize(text), offset);
}

/** findQuantities over tokens already made by tokenize(text). */
export function quantitiesFromTokens(text: string, tokens: readonly Token[], offset = 0): Quantity[] {
  const out: Quantity[] = [];
  let limit = 0; // first token a new quantity may use
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok || tok.kind === 'punct') continue;
    if (tok.kind === 'word' && !mayStartNumber(tok, tokens[i + 1])) continue;
    const read = readNumber(tokens, i);
    if (!read) continue;
    const q = buildQuantity(text, tokens, i, read, limit, offset);
    if (q) {
      out.push(q.quantity);
      limit = q.end;
      i = q.end - 1;
    } else if (read.word) i = Math.max(i, read.end - 1);
  }
  return out;
}

function buildQuantity(
  text: string,
  tokens: readonly Token[],
  i: number,
  read: NumberRead,
  limit: number,
  offset: number,
): { quantity: Quantity; end: number } | null {
  let startTok = i;
  let end = read.end;
  let value = read.value;
  let high = read.high;
  let currency = read.currency;
  let unit = read.unit;
  // Currency before: "$1.5 billion", "£3bn", "US$5m".
  const prev = tokens[i - 1];
  if (prev && i - 1 >= limit && prev.kind === 'punct' && CURRENCY_SYMBOLS.has(prev.text)) {
    currency = CURRENCY_SYMBOLS.get(prev.text) ?? null;
    startTok = i - 1;
    const p2 = tokens[i - 2];
    if (p2 && i - 2 >= limit && p2.end === prev.start && p2.kind === 'word' && /^[A-Z]{1,2}$/.test(p2.text)) startTok = i - 2;
  } else if (isNotACount(tokens, i, end)) return null;
  // A capitalised spelled number inside a sentence is a name: "Five Live", "the Six Nations", "Big Four".
  if (read.word && tokens[i]?.cap) {
    const p = tokens[i - 1];
    if (p && (p.kind !== 'punct' || p.text === ',' || p.text === '-')) return null;
  }
  // "m" after a bare number is more often metres than millions ("100m hurdles").
  if (currency === null && !read.word && /^\d+(?:\.\d+)?m$/.test(tokens[i]?.lower ?? '')) {
    const u = unitAfter(tokens, end);
    if (!u || METRE_EVENTS.has(u.unit)) {
      value = tidy(value / 1e6);
      unit = 'metres';
    }
  }
  const qual = qualifierBefore(tokens, startTok, limit);
  if (qual) startTok = qual.from;
  let qualifier: QuantityQualifier = read.high !== null ? 'range' : (read.implied ?? qual?.q ?? 'exact');
  if (read.implied !== null && qual !== null && qual.q !== 'exact') qualifier = qual.q;
  // Ranges: "between 10 and 20", "from 5 to 7", "10 to 20", "10 - 20", "two or three".
  if (high === null) {
    const joiner = tokens[end];
    const before = tokens[startTok - 1];
    const isBetween = before?.lower === 'between' && startTok - 1 >= limit;
    const isFrom = before?.lower === 'from' && startTok - 1 >= limit;
    const j = joiner?.lower ?? '';
    const okJoin = isBetween ? j === 'and' : j === 'to' || j === '-' || j === '–' || j === '—' || j === 'or';
    if (okJoin) {
      let k = end + 1;
      if (currency !== null && tokens[k]?.kind === 'punct' && CURRENCY_SYMBOLS.has(tokens[k]?.text ?? '')) k++;
      const second = readNumber(tokens, k);
      if (second && second.high === null && !second.yearLike && !(read.yearLike && second.value >= 1000)) {
        let lo = value;
        const hi = second.value;
        // "2 to 3 million": the scale of the second applies to the first.
        if (!read.scaled && second.scaled && hi >= 1000 && lo < hi / 100) {
          const scale = hi / (tokens[k]?.kind === 'number' ? (readNumericToken(tokens[k] as Token)?.value ?? 1) : 1);
          if (Number.isFinite(scale) && scale > 1) lo = tidy(lo * scale);
        }
        if (hi > lo) {
          value = lo;
          high = hi;
          end = second.end;
          if (unit === null) unit = second.unit;
          qualifier = 'range';
          if (isBetween || isFrom) startTok -= 1;
        }
      }
    }
  }
  if (read.yearLike && currency === null && qual === null && high === null) {
    // A bare four-digit integer is a year unless a scale, percent or counted noun says otherwise.
    const n = tokens[end];
    if (!(n && (n.text === '%' || n.lower === 'percent'))) {
      if (read.value >= 1000 && read.value <= 2100) return null;
    }
  }
  // Percent and currency words after the number.
  const n1 = tokens[end];
  const n2 = tokens[end + 1];
  if (n1 && (n1.text === '%' || n1.lower === 'percent' || n1.lower === 'pc')) {
    unit = 'percent';
    end++;
    if (n1.lower === 'percent' && tokens[end]?.lower === 'points') end++;
  } else if (n1?.lower === 'per' && n2?.lower === 'cent') {
    unit = 'percent';
    end += 2;
  } else if (n1?.lower === 'percentage' && n2?.lower === 'points') {
    unit = 'percentage points';
    end += 2;
  } else if (n1 && CURRENCY_WORDS.has(n1.lower)) {
    currency = CURRENCY_WORDS.get(n1.lower) ?? null;
    end++;
  } else if (n1?.lower === 'pounds' && n2?.lower === 'sterling') {
    currency = 'GBP';
    end += 2;
  } else if (n1?.lower === 'us' && n2 && (n2.lower === 'dollars' || n2.lower === 'dollar')) {
    currency = 'USD';
    end += 2;
  } else if (unit === null) {
    const u = unitAfter(tokens, end);
    if (u) {
      unit = u.unit;
      end = u.end;
    }
  }
  if (currency !== null) unit = currency;
  // A small spelled number with nothing counted ("one of the", "no one", "the two") is not a claim.
  if (read.word && unit === null && qual === null && read.implied === null && value < 100) return null;
  // "X or more", "X or so"
  if (tokens[end]?.lower === 'or' && high === null) {
    const w = tokens[end + 1]?.lower;
    if (w === 'more') {
      qualifier = 'at-least';
      end += 2;
    } else if (w === 'so') {
      qualifier = 'approximate';
      end += 2;
    }
  }
  const first = tokens[startTok];
  const last = tokens[end - 1];
  if (!first || !last) return null;
  const start = first.start;
  const stop = last.end;
  if (!Number.isFinite(value)) return null;
  return {
    quantity: {
      text: text.slice(start, stop),
      span: { start: offset + start, end: offset + stop },
      value,
      high: high !== null && Number.isFinite(high) ? high : null,
      qualifier,
      unit,
    },
    end,
  };
}
