// Sentence boundaries with offsets, in one linear pass. A full stop ends a sentence unless it closes a
// known abbreviation ("Mr.", "Sept.", "U.S."), an initial ("J. Smith") or a decimal; a closing quote
// mark or bracket right after the terminator stays in the sentence it ends.
import type { Span } from '@parallax/schema';
import { CharScanner } from './chars.js';

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms mx dr prof sr jr st mt ft gen lt col maj capt cmdr cdr adm sgt cpl pvt gov sen rep rev hon pres supt insp det ' +
    'sens reps govs gens amb atty rt messrs mme mlle brig lieut cmdt ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'no nos vol vols fig figs p pp ed eds est approx dept univ assn bros co corp inc ltd plc llc vs v etc al ' +
    'e.g i.e a.m p.m u.s u.k u.n e.u d.c n.y l.a a.d b.c ph.d'
  ).split(' '),
);

/** Abbreviations that are also common words ("he sat.", "said no."): abbreviations only when capitalised ("Sat.", "No. 10"). */
const CAPITALISED_ONLY = new Set(['no', 'nos', 'sat', 'sun', 'wed', 'mon', 'est', 'ed', 'eds', 'det', 'fig', 'figs', 'co', 'mar', 'jan', 'st', 'mt', 'ft', 'rep', 'gen', 'col', 'pres', 'vol', 'dept', 'hon', 'rt', 'amb']);

/** ' ’ - joining the letter after them to the word before ("isn't", "U-2"). */
const isWordJoiner = (c: number) => c === 39 || c === 0x2019 || c === 45;

const COUNTRY_INITIALS = new Set(['u.s', 'u.k', 'u.n', 'e.u']);
/** Closed-class words that open sentences: after "U.S." they mark a new sentence, any other capitalised word does not. */
const SENTENCE_OPENERS = new Set(
  (
    'the a an he she it they we i you his her its their our my this that these those there here but and or so yet if when while as after ' +
    'before since because although though however meanwhile in on at for with by from to of during despite still then also now instead ' +
    'yet what who why how where some many most all both each no not one two three'
  ).split(' '),
);

/** The letters of the word starting at `start`, lower-cased. */
function wordAt(text: string, start: number): string {
  let i = start;
  while (i < text.length && (isUpper(text.charCodeAt(i)) || isLower(text.charCodeAt(i)))) i++;
  return text.slice(start, i).toLowerCase();
}

const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
const isLower = (c: number) => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
/** Closing quote marks and brackets that belong to the sentence they follow: " ” ’ ' » ) ] */
const isCloser = (c: number) => c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 0xbb || c === 41 || c === 93;
/** . ! ? */
const isStop = (c: number) => c === 46 || c === 33 || c === 63;

/** Characters in the longest of ABBREVIATIONS. */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((w) => w.length));

/**
 * The word ending right before `end` (letters, digits and inner dots), lower-cased; '' when it is longer
 * than any abbreviation (which all the tests on it then fail), so most sentence ends copy no word.
 */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (isUpper(c) || isLower(c) || isDigit(c) || c === 46) i--;
    else break;
  }
  return end - i > LONGEST_ABBREVIATION ? '' : text.slice(i, end).toLowerCase();
}

/** A line break or a terminator (. ! ? …): the only characters where a sentence may end. */
const BREAK = /[\n.!?\u2026]/g;

/** Split `text[from, to)` into sentence spans (absolute offsets), trimmed of surrounding white space. */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  return split(text, from, to, new CharScanner(text, BREAK));
}

/** splitSentences with the text's break scanner, which articleSentences shares between paragraphs. */
function split(text: string, from: number, to: number, breaks: CharScanner): Span[] {
  const out: Span[] = [];
  let start = from;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = from; i < to; i++) {
    // Other characters are neither a paragraph break nor a terminator: skip to the next one that is (a
    // regex scan, in native code).
    i = breaks.next(i);
    if (i >= to) break;
    const ch = text.charCodeAt(i);
    // A line break ends a sentence (a blank line between paragraphs, or a line of a list or a poem).
    if (ch === 10) {
      push(i);
      start = i + 1;
      continue;
    }
    // Absorb runs of terminators and the closers that follow them.
    let j = i + 1;
    while (j < to && isStop(text.charCodeAt(j))) j++;
    while (j < to && isCloser(text.charCodeAt(j))) j++;
    if (j < to && !isSpace(text.charCodeAt(j))) {
      i = j - 1;
      continue; // "U.S.-led", "3.5", "Yahoo!News"
    }
    // Find the next non-space character.
    let k = j;
    while (k < to && isSpace(text.charCodeAt(k))) k++;
    if (k >= to) break;
    const next = text.charCodeAt(k);
    if (ch === 46) {
      // Lower-case next word: not a new sentence ("Sept. 15" is handled by digits below too).
      if (isLower(next)) { i = j - 1; continue; }
      const word = wordBefore(text, i);
      if (isDigit(next) && ABBREVIATIONS.has(word)) { i = j - 1; continue; }
      if (ABBREVIATIONS.has(word) && (isUpper(text.charCodeAt(i - word.length)) || !CAPITALISED_ONLY.has(word)) && !['u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'etc', 'a.m', 'p.m', 'inc', 'ltd', 'co', 'corp', 'plc', 'llc', 'jr', 'sr'].includes(word)) {
        i = j - 1;
        continue; // "Mr. Putin", "Capt. Jeff Davis"
      }
      // "U.S. President", "U.N. Security Council": a country's initials mostly modify the capitalised word
      // after them; they end the sentence only before a word that opens one ("... the U.S. He met ...").
      if (COUNTRY_INITIALS.has(word) && !SENTENCE_OPENERS.has(wordAt(text, k))) { i = j - 1; continue; }
      // A capital letter standing alone before the stop is an initial ("John F. Kennedy"). A digit is not
      // ("losing 6-3 6-1. Defending champion ..."), nor the end of a contraction ("who isn't. Kenteris ...").
      if (word.length === 1 && isUpper(text.charCodeAt(i - 1)) && !(i >= 2 && isWordJoiner(text.charCodeAt(i - 2)))) { i = j - 1; continue; }
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(to);
  return out;
}

/** The sentences of an article's body, paragraph by paragraph (the whole body when it has no paragraphs). */
export function articleSentences(article: { body: string; paragraphs: readonly Span[] }): Span[] {
  const { body, paragraphs } = article;
  if (paragraphs.length === 0) return splitSentences(body);
  const out: Span[] = [];
  const breaks = new CharScanner(body, BREAK);
  let last = 0;
  for (const p of paragraphs) {
    // Paragraph spans from outside (Article JSON) are clamped into the body and kept in order.
    const from = Math.max(last, Math.min(p.start, body.length));
    const to = Math.max(from, Math.min(p.end, body.length));
    for (const s of split(body, from, to, breaks)) out.push(s);
    last = to;
  }
  return out;
}

export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;

/** The words of `text[from, to)` with absolute offsets. */
export function words(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null && m.index < to) {
    const end = Math.min(m.index + m[0].length, to);
    out.push({ text: text.slice(m.index, end), start: m.index, end });
  }
  return out;
}

/** Number of words in a string. */
export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}
