// A one-pass word tokenizer shared by the number, date and claim extractors. Hand-written rather than a
// regex so it is linear by construction and touches each character once.
import { encodeUtf8Into, isAsciiAlnum } from '../text/chars.js';

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  /** Offset of the first character in the tokenized string (not yet shifted by any caller offset). */
  start: number;
  end: number;
  text: string;
  /** Lower-cased text, with the typographic apostrophe folded to "'". */
  lower: string;
  /** number: starts with an ASCII digit; word: starts with a letter; punct: a single other character. */
  kind: TokenKind;
  /** Whether the first character is an upper-case letter. */
  cap: boolean;
  /**
   * The WordSet bitmap key of `lower` (its length, first and last character), made while it was read:
   * WordSet.holds tests a token with it instead of reading the characters of `lower` again.
   */
  key: number;
}

const nonAsciiWord = /[\p{L}\p{N}\p{M}]/u;

function isWordCode(c: number, text: string, i: number): boolean {
  if (c < 128) return isAsciiAlnum(c);
  if (c >= 0xd800 && c <= 0xdbff) return false; // astral characters (emoji, rare scripts) count as punctuation
  return nonAsciiWord.test(text[i] ?? '');
}

export function isSpaceCode(c: number): boolean {
  return c <= 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff || c === 0x202f;
}

/** Characters that may join two runs of letters or digits into one token: 250,000 4.5 half-a-dozen U.S Putin's */
function isJoiner(c: number): boolean {
  return c === 46 || c === 44 || c === 39 || c === 0x2019 || c === 45;
}

function lowerOf(t: string): string {
  const l = t.toLowerCase();
  return l.includes('\u2019') ? l.replaceAll('\u2019', "'") : l;
}

/**
 * Splits text into word, number and punctuation tokens. A word or number is a run of letters and digits
 * that may contain single joiners (. , ' ’ -) between two such characters, so "250,000", "1.2bn",
 * "half-a-dozen", "U.S" and "BTR-82a" are one token each; any other non-space character is a token alone.
 * With `from` and `to`, tokenizes text[from, to) exactly as text.slice(from, to), offsets counted from
 * `from`: a caller that holds the whole body reads it in place, which is cheaper per character than
 * reading a slice of it.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const scanner = new TokenScanner(null);
  scanner.scan(text, from, to);
  return scanner.tokens(text, from);
}

// How a token's lower-case text is made from its text (the low bits of its flags in TokenScanner).
// LOWER_FOLD also marks a token whose key is made from its lower-case text, not while it is scanned.
const LOWER_SAME = 0; // no upper-case letter and no typographic apostrophe: the text itself
const LOWER_ASCII = 1; // ASCII with an upper-case letter: toLowerCase
const LOWER_FOLD = 2; // not ASCII: lowerOf (toLowerCase and the apostrophe folded)
const LOWER_MASK = 3;
const FLAG_NUMBER = 4;
const FLAG_PUNCT = 8;

/**
 * How TokenScanner.scan reads each UTF-8 byte: 0 white space (ASCII 0-32), 1 lower-case letter or digit,
 * 2 upper-case letter, 3 a joiner (. , ' -), 4 any other ASCII character (a punctuation token), 5 a byte
 * of a character beyond ASCII (read as a character of the text, see scan).
 */
const BYTE_CLASS = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  BYTE_CLASS[c] = c >= 128 ? 5 : c <= 32 ? 0 : (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? 1 : c >= 65 && c <= 90 ? 2 : isJoiner(c) ? 3 : 4;
}

/**
 * The UTF-8 bytes that encodeInto writes for the code unit text[k] of a text encoded from `base`: 1-3
 * for a character of one code unit; 3 for a lone surrogate (written as U+FFFD); a surrogate pair is
 * four bytes, counted 3 for its first unit and 1 for its second. Summed over text[base, i), the offset
 * of text[i]'s bytes (inside a pair, that of the pair's last byte, never an ASCII byte).
 */
function unitBytes(text: string, k: number, base: number): number {
  const u = text.charCodeAt(k);
  if (u < 0x80) return 1;
  if (u < 0x800) return 2;
  if (u >= 0xdc00 && u <= 0xdfff && k > base) {
    const h = text.charCodeAt(k - 1);
    if (h >= 0xd800 && h <= 0xdbff) return 1;
  }
  return 3;
}

/** Largest byte buffer a TokenScanner keeps between texts (a BBC body needs some 7 KB). */
const RETAINED_BYTES = 1 << 20;

/**
 * Tokenizes one span at a time in two steps: scan() reads the characters, counts the words and ORs
 * their tags, and keeps only each token's bounds and flags in a reused array; tokens() builds the Token
 * objects of the last scan. The claims read the tags first and build tokens only for a sentence some
 * reader will open: a third of the BBC sentences have no number, date, source or quote and need none.
 * A word's lower-case string is built in scan() only when its bitmap key is one of the tagger's.
 *
 * scan() reads the text's UTF-8 bytes (one native encode, in the scanner's own buffer) through
 * BYTE_CLASS: fewer instructions an ASCII character than charCodeAt, which dispatches on the string's
 * representation at every call (scan alone: 931 M against 880 M instr, 16 passes over 300 BBC bodies). A byte index
 * and a code-unit index move in step; a character beyond ASCII is read and tested in the text, as a
 * code unit, exactly as an ASCII-free tokenizer would. The text is encoded once, from the first span
 * scanned to its end, and kept (with the place the last scan stopped) until a scan of another text or
 * of a span before that place: a caller that scans a body's sentences in order reads it once.
 */
export class TokenScanner {
  /** Word and number tokens of the last scan (all but punctuation). */
  words = 0;
  /** The tags (WordTags) of every word of the last scan and of each part of a hyphenated one, ORed, with TAG_NUMBER and TAG_DATE_NUMBER. */
  tags = 0;
  private count = 0;
  /** start, end, flags and bitmap key of each token of the last scan. */
  private bounds = new Int32Array(4 * 128);
  /** The text whose UTF-8 bytes (from code unit `base` on) `bytes` holds; '' for none. */
  private text = '';
  private base = 0;
  private bytes = new Uint8Array(1024);
  /** A code unit of the text and the offset of its bytes in `bytes`: where the next scan starts walking. */
  private unit = 0;
  private byte = 0;

  constructor(private readonly tagger: WordTags | null) {}

  /** Forgets the text the last scans read: a scanner kept between calls keeps its buffers, not a body. */
  release(): void {
    this.text = '';
    // Nor a huge body's bytes: the buffer is three bytes a code unit of the longest text read.
    if (this.bytes.length > RETAINED_BYTES) this.bytes = new Uint8Array(1024);
  }

  /** Reads text[from, to), as text.slice(from, to) would be read. */
  scan(text: string, from: number, to: number): void {
    const tagger = this.tagger;
    let count = 0;
    let words = 0;
    let tags = 0;
    const n = Math.min(to, text.length);
    let b = this.bounds;
    let i = from;
    let p = 0;
    if (i < n) {
      if (text !== this.text || i < this.unit) {
        // Encode text[i, end): three bytes at most for each code unit.
        const rest = i === 0 ? text : text.slice(i);
        if (this.bytes.length < rest.length * 3) this.bytes = new Uint8Array(rest.length * 3);
        encodeUtf8Into(rest, this.bytes);
        this.text = text;
        this.base = i;
        this.unit = i;
        this.byte = 0;
      }
      // Walk from where the last scan stopped (the gap between two sentences is short).
      p = this.byte;
      for (let k = this.unit; k < i; k++) {
        const u = text.charCodeAt(k);
        p += u < 128 ? 1 : unitBytes(text, k, this.base);
      }
    }
    const bytes = this.bytes;
    const base = this.base;
    while (i < n) {
      const k = BYTE_CLASS[bytes[p]!]!;
      if (k === 0) {
        i++;
        p++;
        continue;
      }
      const start = i;
      let flags: number;
      let key: number;
      // The first character: an ASCII byte is the character itself; beyond ASCII, the code unit is read.
      const c = k === 5 ? text.charCodeAt(i) : bytes[p]!;
      if (k === 5 && isSpaceCode(c)) {
        p += unitBytes(text, i, base);
        i++;
        continue;
      }
      if (k === 1 || k === 2 || (k === 5 && isWordCode(c, text, i))) {
        const p0 = p;
        let ascii = k !== 5;
        let hasUpper = k === 2;
        let hyphen = false;
        p += k === 5 ? unitBytes(text, i, base) : 1;
        i++;
        // Each character is read once: d is the one that ended the run (text[i] while i < n), and the
        // joiner test and the character after a joiner reuse what was read.
        let d = 0;
        for (;;) {
          while (i < n) {
            const e = BYTE_CLASS[bytes[p]!]!;
            if (e === 1) {
              i++;
              p++;
            } else if (e === 2) {
              hasUpper = true;
              i++;
              p++;
            } else if (e === 5) {
              d = text.charCodeAt(i);
              if (!isWordCode(d, text, i)) break;
              ascii = false;
              p += unitBytes(text, i, base);
              i++;
            } else {
              d = bytes[p]!;
              break;
            }
          }
          if (i + 1 < n && isJoiner(d)) {
            // The character after the joiner: ASCII, or read in the text.
            const q = p + (d < 128 ? 1 : 3);
            const e = BYTE_CLASS[bytes[q]!]!;
            if (e === 1 || e === 2 || (e === 5 && isWordCode(text.charCodeAt(i + 1), text, i + 1))) {
              if (d === 0x2019) ascii = false;
              else if (d === 45) hyphen = true;
              if (e === 2) hasUpper = true;
              else if (e === 5) ascii = false;
              p = q + (e === 5 ? unitBytes(text, i + 1, base) : 1);
              i += 2;
              continue;
            }
          }
          break;
        }
        const isDigit = c >= 48 && c <= 57;
        flags = (isDigit ? FLAG_NUMBER : 0) | (ascii ? (hasUpper ? LOWER_ASCII : LOWER_SAME) : LOWER_FOLD);
        // An ASCII word's bitmap key comes from the characters just read (the key folds case).
        key = ascii ? keyOf(i - start, c, bytes[p - 1]!) : 0;
        words++;
        if (isDigit) tags |= i - start === 4 || i - start === 10 ? TAG_NUMBER | TAG_DATE_NUMBER : TAG_NUMBER;
        else if (tagger !== null) {
          // The lower-case string is built only when the key is one of the tagger's words'. (mayTag is
          // tested here as well as in asciiTags: most words fail it, and V8 does not inline the call; without
          // this test the claims stage ran 4% more instructions.)
          if (ascii) {
            if (tagger.mayTag(key)) tags |= asciiTags(tagger, text, start, i, key, flags, bytes, p0);
          } else tags |= tagger.of(lowerOf(text.slice(start, i)));
          if (hyphen) tags |= partTags(tagger, text, start, i, flags);
        }
      } else {
        // Keep a surrogate pair together so slices never split a character.
        if (k === 5) {
          const two = c >= 0xd800 && c <= 0xdbff && i + 1 < n;
          p += unitBytes(text, i, base);
          if (two) p += unitBytes(text, i + 1, base);
          i += two ? 2 : 1;
        } else {
          i++;
          p++;
        }
        flags = FLAG_PUNCT;
        key = i - start === 1 ? keyOf(1, c, c) : keyOf(2, c, text.charCodeAt(i - 1));
      }
      if (4 * count + 4 > b.length) {
        const grown = new Int32Array(b.length * 2);
        grown.set(b);
        this.bounds = b = grown;
      }
      b[4 * count] = start;
      b[4 * count + 1] = i;
      b[4 * count + 2] = flags;
      b[4 * count + 3] = key;
      count++;
    }
    if (i > from) {
      this.unit = i;
      this.byte = p;
    }
    this.count = count;
    this.words = words;
    this.tags = tags;
  }

  /**
   * The tokens of the last scan, which read `text` from `from` (given again rather than kept, so that a
   * scanner kept between calls holds no text).
   */
  tokens(text: string, from: number): Token[] {
    const { count, bounds } = this;
    const tokens: Token[] = [];
    for (let k = 0; k < count; k++) {
      const start = bounds[4 * k]!;
      const end = bounds[4 * k + 1]!;
      const flags = bounds[4 * k + 2]!;
      const key = bounds[4 * k + 3]!;
      if ((flags & FLAG_PUNCT) !== 0) {
        const c = text.charCodeAt(start);
        const t = c < 128 ? (ASCII_CHARS[c] as string) : text.slice(start, end);
        tokens.push({ start: start - from, end: end - from, text: t, lower: t, kind: 'punct', cap: false, key });
        continue;
      }
      const t = text.slice(start, end);
      const c = text.charCodeAt(start);
      const isDigit = (flags & FLAG_NUMBER) !== 0;
      const cap = isDigit ? false : c < 128 ? c >= 65 && c <= 90 : (t[0] ?? '') !== (t[0] ?? '').toLowerCase();
      const lower = lowerText(t, flags);
      const kind = isDigit ? 'number' : 'word';
      tokens.push({ start: start - from, end: end - from, text: t, lower, kind, cap, key: (flags & LOWER_MASK) === LOWER_FOLD ? wordKey(lower) : key });
    }
    return tokens;
  }
}

/**
 * The tags of the ASCII word text[from, to) with this bitmap key and these flags. Its second and
 * second-last characters are read only for a key that passed mayTag (from its UTF-8 bytes, which start at
 * bytes[at], when the caller has them), and its lower-case string is built only when they pass too.
 */
function asciiTags(tagger: WordTags, text: string, from: number, to: number, key: number, flags: number, bytes: Uint8Array | null, at: number): number {
  if (!tagger.mayTag(key)) return 0;
  const one = to - from === 1;
  const second = bytes !== null ? bytes[one ? at : at + 1]! : text.charCodeAt(one ? from : from + 1);
  const penult = bytes !== null ? bytes[at + (one ? 0 : to - from - 2)]! : text.charCodeAt(one ? from : to - 2);
  if (!tagger.mayTagMix(key, second, penult)) return 0;
  return tagger.ofKeyed(lowerText(text.slice(from, to), flags), key);
}

/**
 * The tags of the parts of the hyphenated word text[from, to), as its lower-case text splits at "-"
 * ("twenty" and "five" of "twenty-five", "few" and "hundred" of "few-hundred"): a spelled number may
 * start or go on inside such a word, and most hyphenated words ("so-called", "pro-Russian") have none.
 */
function partTags(tagger: WordTags, text: string, from: number, to: number, flags: number): number {
  let tags = 0;
  if ((flags & LOWER_MASK) === LOWER_FOLD) {
    for (const part of lowerOf(text.slice(from, to)).split('-')) tags |= tagger.of(part);
    return tags;
  }
  let k = from;
  for (let j = from; j < to; j++) {
    if (text.charCodeAt(j) !== 45) continue;
    tags |= asciiTags(tagger, text, k, j, keyOf(j - k, text.charCodeAt(k), text.charCodeAt(j - 1)), flags, null, 0);
    k = j + 1;
  }
  return tags | asciiTags(tagger, text, k, to, keyOf(to - k, text.charCodeAt(k), text.charCodeAt(to - 1)), flags, null, 0);
}

/** The one-character strings of the ASCII codes: an ASCII punctuation token's text, without a slice. */
const ASCII_CHARS = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/** The lower-case text of a word or number token with these flags. */
function lowerText(t: string, flags: number): string {
  const how = flags & LOWER_MASK;
  return how === LOWER_SAME ? t : how === LOWER_ASCII ? t.toLowerCase() : lowerOf(t);
}

/**
 * A set of lower-case words with a cheap pre-check (a bitmap over length, first and last letter), so the
 * common case, a word not in the set, costs three array reads and no string hashing.
 */
export class WordSet {
  private readonly words: ReadonlySet<string>;
  private readonly bitmap = new Uint8Array(1 << 15);

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const w of this.words) if (w.length > 0) this.bitmap[wordKey(w)] = 1;
  }

  has(word: string): boolean {
    return word.length > 0 && this.bitmap[wordKey(word)] === 1 && this.words.has(word);
  }

  /** has(t.lower), with the key the token was given when read. */
  holds(t: Token): boolean {
    return this.bitmap[t.key] === 1 && this.words.has(t.lower);
  }

  /**
   * False when no case of `word` can be in the set: the bitmap alone, before any lower-casing (its key
   * folds ASCII case; a word that opens or ends outside ASCII always passes).
   */
  mayHold(word: string): boolean {
    const n = word.length;
    if (n === 0) return false;
    return word.charCodeAt(0) >= 128 || word.charCodeAt(n - 1) >= 128 || this.bitmap[wordKey(word)] === 1;
  }
}

/**
 * Tags of TokenScanner.scan, one bit each. The tokenizer sets the first itself; the others are what
 * the claim readers start from, given to words by the WordTags each reader's module lists.
 */
/** A token that starts with a digit. */
export const TAG_NUMBER = 1;
/** A token that starts with a digit and has four or ten characters: a year ("2015") or an ISO date ("2015-09-15") may be one. */
export const TAG_DATE_NUMBER = 2;
/** A word that can open or scale a spelled number ("two", "dozens", "half", "million"). */
export const TAG_NUMBER_WORD = 4;
/** A word that dates on its own: a month, a weekday, "yesterday", "ago". */
export const TAG_DATE_WORD = 8;
/** "last", "this", "next": a date before a unit of time. */
export const TAG_DATE_SHIFT = 16;
/** "week", "month", ...: a date after "last", "this" or "next". */
export const TAG_DATE_UNIT = 32;
/** A speech verb or "according": a sentence that may credit a source. */
export const TAG_SOURCE_CUE = 64;
/** A word an opinion needs ("should", "think", "my"). */
export const TAG_OPINION = 128;

/**
 * Lower-case words with tags (bits), with the bitmap pre-check of WordSet: most words cost three array
 * reads. A word listed twice has the union of its tags.
 */
export class WordTags {
  private readonly tags = new Map<string, number>();
  private readonly bitmap = new Uint8Array(1 << 15);
  /**
   * For each bitmap key, a mask of the mixOf bits of its words. Of the words whose key passes (one in
   * seven in BBC text), most are not listed ("have", "with", "there" for the claim cues): the mask tells
   * 9 in 10 of those from two more characters, before their lower-case string is built and hashed.
   */
  private readonly mixes = new Int32Array(1 << 15);

  constructor(entries: Iterable<readonly [words: Iterable<string>, tag: number]>) {
    for (const [words, tag] of entries) {
      for (const w of words) {
        if (w.length === 0) continue;
        this.tags.set(w, (this.tags.get(w) ?? 0) | tag);
        this.bitmap[wordKey(w)] = 1;
        const one = w.length === 1;
        this.mixes[wordKey(w)]! |= 1 << mixOf(w.charCodeAt(one ? 0 : 1), w.charCodeAt(one ? 0 : w.length - 2));
      }
    }
  }

  /** The tags of a lower-case word, 0 for none. */
  of(word: string): number {
    return word.length > 0 ? this.ofKeyed(word, wordKey(word)) : 0;
  }

  /** False when no word with this wordKey has tags: of() would give 0. */
  mayTag(key: number): boolean {
    return this.bitmap[key] === 1;
  }

  /**
   * False when no word with this wordKey and these second and second-last character codes (the first for
   * a one-character word) has tags; for an ASCII word, whose codes fold case.
   */
  mayTagMix(key: number, second: number, penult: number): boolean {
    return ((this.mixes[key]! >>> mixOf(second, penult)) & 1) === 1;
  }

  /** of(word), given the word's wordKey. */
  ofKeyed(word: string, key: number): number {
    return this.bitmap[key] === 1 ? (this.tags.get(word) ?? 0) : 0;
  }
}

function wordKey(w: string): number {
  return keyOf(w.length, w.charCodeAt(0), w.charCodeAt(w.length - 1));
}

/** A bit (0-31) mixed from a word's second and second-last character codes; it folds ASCII case (a letter's two cases differ by 32). */
function mixOf(second: number, penult: number): number {
  return (second * 5 + penult * 3) & 31;
}

/** The bitmap key of a word of this length, first and last character code. */
function keyOf(length: number, first: number, last: number): number {
  return ((length & 31) << 10) | ((first & 31) << 5) | (last & 31);
}
