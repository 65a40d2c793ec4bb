// Character classes the hot loops test one code unit at a time: an ASCII fast path, and a one-character
// Unicode-property regex only for the rare non-ASCII character.

const NON_ASCII_WORD = /^[\p{L}\p{N}]$/u;

/** Length of the letter or digit (\p{L}, \p{N}) at text[i]: 0 when there is none, 2 for an astral one. */
export function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    return cp > 0xffff && NON_ASCII_WORD.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  return NON_ASCII_WORD.test(text[i]!) ? 1 : 0;
}

/** Runs of letters and digits in text[from, to): what `text.match(/[\p{L}\p{N}]+/gu).length` counts, without the array. */
export function countWordRuns(text: string, from = 0, to = text.length): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; ) {
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
