// A one-pass word tokenizer shared by the number, date and claim extractors. Hand-written rather than a
// regex so it is linear by construction and touches each character once.

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
}

const nonAsciiWord = /[\p{L}\p{N}\p{M}]/u;

function isWordCode(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
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
  const tokens: Token[] = [];
  const n = Math.min(to, text.length);
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c <= 32 || (c >= 127 && isSpaceCode(c))) {
      i++;
      continue;
    }
    const start = i;
    if (c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : isWordCode(c, text, i)) {
      let ascii = c < 128;
      let hasUpper = c >= 65 && c <= 90;
      i++;
      for (;;) {
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d < 128) {
            if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57)) i++;
            else if (d >= 65 && d <= 90) {
              hasUpper = true;
              i++;
            } else break;
          } else if (isWordCode(d, text, i)) {
            ascii = false;
            i++;
          } else break;
        }
        if (i + 1 < n && isJoiner(text.charCodeAt(i)) && isWordCode(text.charCodeAt(i + 1), text, i + 1)) {
          if (text.charCodeAt(i) === 0x2019) ascii = false;
          i += 2;
          if (!hasUpper) {
            const d = text.charCodeAt(i - 1);
            if (d >= 65 && d <= 90) hasUpper = true;
          }
          if (text.charCodeAt(i - 1) >= 128) ascii = false;
          continue;
        }
        break;
      }
      const t = text.slice(start, i);
      const isDigit = c >= 48 && c <= 57;
      const cap = isDigit ? false : c < 128 ? c >= 65 && c <= 90 : (t[0] ?? '') !== (t[0] ?? '').toLowerCase();
      const lower = ascii ? (hasUpper ? t.toLowerCase() : t) : lowerOf(t);
      tokens.push({ start: start - from, end: i - from, text: t, lower, kind: isDigit ? 'number' : 'word', cap });
    } else {
      // Keep a surrogate pair together so slices never split a character.
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      const t = text.slice(start, i);
      tokens.push({ start: start - from, end: i - from, text: t, lower: t, kind: 'punct', cap: false });
    }
  }
  return tokens;
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

function wordKey(w: string): number {
  return ((w.length & 31) << 10) | ((w.charCodeAt(0) & 31) << 5) | (w.charCodeAt(w.length - 1) & 31);
}
