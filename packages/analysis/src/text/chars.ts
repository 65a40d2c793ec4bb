// Character classes the hot loops test one code unit at a time: an ASCII fast path, and a one-character
// Unicode-property regex only for the rare non-ASCII character.

const NON_ASCII_WORD = /^[\p{L}\p{N}]$/u;
const NON_ASCII_LETTER = /^\p{L}$/u;

/** Whether the code unit is an ASCII letter or digit. */
export const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Length of the letter or digit (\p{L}, \p{N}) at text[i]: 0 when there is none, 2 for an astral one. */
export function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiAlnum(c) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    return cp > 0xffff && NON_ASCII_WORD.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  return NON_ASCII_WORD.test(text[i]!) ? 1 : 0;
}

/** Whether text[i] is a letter (\p{L}), one code unit read alone (a surrogate half is not). */
export function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : NON_ASCII_LETTER.test(text[i]!);
}

/**
 * Runs of letters and digits in text[from, to): what `text.match(/[\p{L}\p{N}]+/gu).length` counts, without
 * the array. With a `limit` the count stops there: `countWordRuns(t, a, b, 4) < 4` asks "fewer than four
 * words?" without reading the rest of a long span.
 */
export function countWordRuns(text: string, from = 0, to = text.length, limit = Infinity): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to && n < limit; ) {
    const w = wordCharAt(text, i);
    if (w === 0) {
      inWord = false;
      i++;
    } else {
      if (!inWord) n++;
      inWord = true;
      i += w;
    }
  }
  return n;
}

/** Whether the code unit is white space as the regex class \s defines it (the ECMAScript WhiteSpace and LineTerminator sets). */
export function isWhiteSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The offset of the last white space (\s) in text, -1 when there is none. */
export function lastSpace(text: string): number {
  let i = text.length - 1;
  while (i >= 0 && !isWhiteSpace(text.charCodeAt(i))) i--;
  return i;
}

/**
 * The offsets where a one-character pattern (a global regex of one character class) matches in a text,
 * one at a time: `next(i)` is the first match at or after i, text.length for none. A regex scan runs in
 * native code, about three times faster than a charCodeAt loop. Each scan is remembered (no match in
 * [from, at)), so callers that ask range by range (paragraphs, each from its own start) read the text
 * between two matches once, not each range to the end of the text.
 */
export class CharScanner {
  private from = 0;
  private at = -1;
  constructor(
    private readonly text: string,
    private readonly pattern: RegExp,
  ) {}

  next(i: number): number {
    if (i >= this.from && i <= this.at) return this.at;
    this.pattern.lastIndex = i;
    this.from = i;
    this.at = this.pattern.test(this.text) ? this.pattern.lastIndex - 1 : this.text.length;
    return this.at;
  }
}

// The engine is built without DOM or Node typings (it must run anywhere); TextEncoder is a global of
// every JavaScript runtime we target, so declare the little we use.
declare const TextEncoder: { new (): { encodeInto(source: string, destination: Uint8Array): { read: number; written: number } } };

const ENCODER = new TextEncoder();
let utf8Buffer = new Uint8Array(16384);
/** utf8Buffer seen as int32s, four bytes each (its length is kept a multiple of four). */
let utf8Quads = new Int32Array(utf8Buffer.buffer);

/**
 * The text as UTF-8, in a buffer shared by every caller: valid until the next call. Loops that only
 * test characters against ASCII (and a few known others) read these bytes for a few instructions
 * each, where charCodeAt costs some twenty (it dispatches on the string's representation at every
 * call); the native encoder copies ASCII text at memory speed. A lone surrogate comes out as U+FFFD.
 */
export function utf8Bytes(text: string): Uint8Array {
  // Three bytes at most for each UTF-16 code unit.
  if (utf8Buffer.length < text.length * 3) {
    utf8Buffer = new Uint8Array((text.length * 3 + 3) & ~3);
    utf8Quads = new Int32Array(utf8Buffer.buffer);
  }
  return utf8Buffer.subarray(0, encodeUtf8Into(text, utf8Buffer));
}

/** Writes the text's UTF-8 bytes into `into` (three bytes a code unit fit) with the native encoder; returns how many. */
export function encodeUtf8Into(text: string, into: Uint8Array): number {
  return ENCODER.encodeInto(text, into).written;
}

/**
 * The bytes utf8Bytes gave last, four at a time: quad q holds bytes 4q to 4q + 3, in the platform's byte
 * order (see LITTLE_ENDIAN). Valid, like those bytes, until the next call of utf8Bytes; the quads past
 * the bytes' end hold stale bytes.
 */
export function utf8BytesAsQuads(): Int32Array {
  return utf8Quads;
}

/** Whether an int32 view of bytes puts the first byte in the lowest eight bits (every platform we target). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
