import type { Span } from '@parallax/schema';

// A one-pass sentence splitter for news prose. A line break always ends a sentence (bodies keep one
// paragraph a line or a blank line between paragraphs). Otherwise . ! ? … end one when followed by
// optional closing quotes or brackets, white space, and something that can start a sentence. A dot
// after a title ("Mr.", "Capt."), an initial ("J."), or a month before a day ("Sept. 15") never ends a
// sentence; after an acronym ("U.S.", "U.N.") or "Inc." it does only before a word that commonly opens
// one ("U.S. officials" goes on; "... in the U.S. The next day" ends).

const TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'gen', 'capt', 'col', 'lt', 'sgt', 'maj', 'adm', 'gov', 'sen', 'rep', 'rev', 'st',
  'hon', 'pres', 'supt', 'insp', 'cmdr', 'cdr', 'cpl', 'pvt', 'fr', 'messrs', 'mme', 'mlle', 'brig', 'lieut', 'cmdt',
  'vs', 'v', 'no', 'nos', 'fig', 'approx', 'est', 'dept', 'univ', 'assn', 'bros', 'op', 'vol', 'pp', 'ed', 'eds', 'ft', 'mt',
  'e.g', 'i.e', 'cf', 'al', 'ca', 'c', 'sens', 'reps', 'govs', 'gens', 'reps', 'amb', 'atty', 'rt',
]);

const MONTH_ABBR: ReadonlySet<string> = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** Abbreviations that may also end a sentence. */
const MAYBE_END: ReadonlySet<string> = new Set(['inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'etc', 'plc', 'llc', 'bros']);

const STARTERS: ReadonlySet<string> = new Set(
  ('the a an he she it they we i you but and this that these those in on at mr mrs ms there his her their its as if when ' +
    'while after before however meanwhile yet so for our my your what who why how some many most one two no not its ' +
    'since during despite although though both all another each earlier later last next then still also').split(' '),
);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0xfeff;
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85;
}

function isClosing(c: number): boolean {
  // " ' ” ’ » ) ]
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 41 || c === 93 || c === 0x203a;
}

function isOpening(c: number): boolean {
  // " ' “ ‘ « ( [ ` „
  return c === 34 || c === 39 || c === 0x201c || c === 0x2018 || c === 0xab || c === 40 || c === 91 || c === 96 || c === 0x201e || c === 0x2039;
}

function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = text[i] ?? '';
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 191;
}

/** The word (letters and inner dots) that ends just before index dot. */
function wordBefore(text: string, dot: number): string {
  let j = dot;
  while (j > 0 && dot - j < 24) {
    const c = text.charCodeAt(j - 1);
    if (isLetter(c) || (c === 46 && j - 1 > 0 && isLetter(text.charCodeAt(j - 2)))) j--;
    else break;
  }
  return text.slice(j, dot);
}

/** The word that starts at index i (letters only), lower-cased. */
function wordAt(text: string, i: number): string {
  let j = i;
  while (j < text.length && j - i < 24 && isLetter(text.charCodeAt(j))) j++;
  return text.slice(i, j).toLowerCase();
}

function pushTrimmed(text: string, out: Span[], start: number, end: number, offset: number): void {
  let s = start;
  let e = end;
  while (s < e && (isSpace(text.charCodeAt(s)) || isBreak(text.charCodeAt(s)))) s++;
  while (e > s && (isSpace(text.charCodeAt(e - 1)) || isBreak(text.charCodeAt(e - 1)))) e--;
  if (e > s) out.push({ start: offset + s, end: offset + e });
}

/** Whether the dot at index i (followed by space, then text at next) ends a sentence. */
function dotEnds(text: string, i: number, next: number): boolean {
  const word = wordBefore(text, i);
  const lower = word.toLowerCase();
  const nextCode = text.charCodeAt(next);
  if (word.length === 0) return true;
  if (TITLES.has(lower)) return false;
  if (MONTH_ABBR.has(lower) && isDigit(nextCode)) return false;
  const initial = word.length === 1 && isUpperAt(word, 0);
  const acronym = word.includes('.');
  if (initial || acronym || MAYBE_END.has(lower) || MONTH_ABBR.has(lower)) {
    if (isOpening(nextCode)) return true;
    if (initial && !acronym) return false; // "J. Smith"
    return STARTERS.has(wordAt(text, next));
  }
  return true;
}

/**
 * Splits text into sentence spans (trimmed, absolute: offset + index). Linear, one pass; never throws.
 */
export function splitSentences(text: string, offset = 0): Span[] {
  const out: Span[] = [];
  if (typeof text !== 'string') return out;
  const n = text.length;
  let start = 0;
  // Jump between candidate characters with a native single-class search instead of a per-character loop.
  const candidates = /[.!?\n\r\u2026\u2028\u2029\u0085]/g;
  for (let i = 0; i < n; i++) {
    candidates.lastIndex = i;
    const found = candidates.exec(text);
    if (found === null) break;
    i = found.index;
    const c = text.charCodeAt(i);
    if (isBreak(c)) {
      pushTrimmed(text, out, start, i, offset);
      start = i + 1;
      continue;
    }
    // Run of terminal marks ("...", "?!") and closing quotes or brackets.
    let j = i + 1;
    while (j < n && (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 33 || text.charCodeAt(j) === 63 || text.charCodeAt(j) === 0x2026)) j++;
    while (j < n && isClosing(text.charCodeAt(j))) j++;
    if (j >= n) break;
    const cj = text.charCodeAt(j);
    if (!isSpace(cj) && !isBreak(cj)) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    if (k >= n || isBreak(text.charCodeAt(k))) {
      pushTrimmed(text, out, start, j, offset);
      start = j;
      i = k - 1;
      continue;
    }
    const ck = text.charCodeAt(k);
    const canStart = isUpperAt(text, k) || isDigit(ck) || isOpening(ck);
    let ends = canStart;
    if (ends && c === 46 && j === i + 1) ends = dotEnds(text, i, k);
    if (ends) {
      pushTrimmed(text, out, start, j, offset);
      start = k;
    }
    i = k - 1;
  }
  pushTrimmed(text, out, start, n, offset);
  return out;
}
