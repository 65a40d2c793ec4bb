import { describe, expect, it } from 'vitest';
import { guessLanguage } from './common.js';
import { countWords } from './lines.js';

// Texts built from English words, other scripts, the spaces countWords knows (ASCII and not), astral
// characters and lone surrogates: what the UTF-8 readings of guessLanguage and countWords must treat as
// the UTF-16 code units they stand for.
const PIECES = ['the', 'and', 'said', 'have', 'this', 'Minister', 'x', 'ABC', '42', ' ', '  ', '\t', '\n\n', '\r\n', '\u00a0', '\u2009', '\u202f', '\u3000', '\u2003', '\u000b', '\u00e9t\u00e9', 'caf\u00e9', '\u00a3', '\u20ac5', '\u201cthe\u201d', '\u041f\u0443\u0442\u0438\u043d', '\u4e2d\u6587', '\u{1F600}', 'a\u{1D400}b', '\ud800', 'the\udc00', 'x\ud83d', '\ufffd', '.', ',', '-'];

function texts(count: number, seed: number): string[] {
  const random = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const length = [3, 40, 70, 400, 3500][k % 5]!;
    let t = '';
    while (t.length < length) t += PIECES[random(PIECES.length)]! + (random(2) === 0 ? ' ' : '');
    out.push(t);
  }
  return out;
}

/** guessLanguage as it was written first, on code units (charCodeAt). */
function guessLanguageByUnits(paragraphs: readonly string[]): string | null {
  const stop = new Set(['the', 'and', 'of', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'was', 'with', 'said', 'as', 'it', 'by', 'has', 'have', 'he', 'his', 'from', 'at', 'be', 'are', 'not', 'but', 'its', 'were', 'this', 'an']);
  let words = 0;
  let hits = 0;
  let seen = 0;
  for (const p of paragraphs) {
    const n = Math.min(p.length, 3000 - seen);
    let start = -1;
    for (let i = 0; i <= n; i++) {
      const c = i < n ? p.charCodeAt(i) | 0x20 : 0;
      if (c >= 0x61 && c <= 0x7a) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        words++;
        if (stop.has(p.slice(start, i).toLowerCase())) hits++;
        start = -1;
      }
    }
    seen += n;
    if (seen >= 3000 || words >= 150) break;
  }
  if (words < 20) return null;
  return hits / words > 0.15 ? 'en' : null;
}

/** countWords's definition: a word starts where a non-space follows a space or the start. */
function countWordsByUnits(text: string): number {
  let n = 0;
  let afterSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x3000;
    if (afterSpace && !space) n++;
    afterSpace = space;
  }
  return n;
}

describe('guessLanguage', () => {
  it('reads English from the share of common words, up to 3,000 characters', () => {
    expect(guessLanguage(['The minister said that the talks were over and that the deal was with the banks, as it has been for the last year.'])).toBe('en');
    expect(guessLanguage(['Der Minister sagte, dass die Gespräche beendet seien und dass das Abkommen bei den Banken liege, wie seit einem Jahr.'])).toBeNull();
    expect(guessLanguage(['Too short to tell.'])).toBeNull();
    // The sample ends 3,000 characters in, inside a paragraph: what follows does not count.
    const opening = `${'the '.repeat(20)}${'.'.repeat(2900)}`;
    expect(guessLanguage([opening, 'xxxx '.repeat(200)])).toBe('en');
    expect(guessLanguage([opening, `\u00e9${'xxxx '.repeat(200)}`])).toBe('en');
    expect(guessLanguage([opening.slice(0, 1000), 'xxxx '.repeat(200)])).toBeNull();
  });

  it('gives what reading the code units gives, whatever the text holds', () => {
    const all = texts(400, 11);
    for (let k = 0; k + 4 <= all.length; k += 4) {
      const paragraphs = all.slice(k, k + 4);
      expect(guessLanguage(paragraphs)).toBe(guessLanguageByUnits(paragraphs));
    }
    // The hit share in the sample, on either side of the threshold: the same answer on mixed texts.
    const english = texts(200, 5).map((t) => `the and said ${t}`);
    for (let k = 0; k < english.length; k += 2) expect(guessLanguage(english.slice(k, k + 2))).toBe(guessLanguageByUnits(english.slice(k, k + 2)));
  });
});

describe('countWords', () => {
  it('counts the words of long and short texts as the code units define them', () => {
    for (const t of texts(500, 3)) {
      expect(countWords(t)).toBe(countWordsByUnits(t));
      expect(countWords(t, 7)).toBe(Math.min(7, countWordsByUnits(t)));
    }
  });

  it('counts plain prose four bytes at a time as one byte at a time, word and space at every offset', () => {
    // Runs of printable ASCII are read four bytes at a time; a space, a line break, a control character
    // or a character outside ASCII anywhere in the four sends them to the byte loop.
    const words = ['The', 'minister', 'said', 'a', 'deal', 'was', 'x', 'close,', 'ABCD', 'A\u007fB', 'tab\tto', '\u00a3300m', 'no\u00a0break', 'end.\n\nNext', '(c)'];
    for (let shift = 0; shift < 8; shift++) {
      for (let k = 0; k < words.length; k++) {
        const t = `${' '.repeat(shift)}${[...words.slice(k), ...words.slice(0, k)].join(k % 3 === 0 ? '  ' : ' ')} ${'word '.repeat(15 + k)}`;
        expect(countWords(t)).toBe(countWordsByUnits(t));
        expect(countWords(t.trimEnd() + '\u2009')).toBe(countWordsByUnits(t.trimEnd() + '\u2009'));
      }
    }
  });

  it('answers every cap asked of the text it read last, in any order, as a fresh count does', () => {
    // countWords remembers the last text; long texts are read only up to the cap asked, so a larger cap
    // asked next must read them again.
    for (const t of texts(500, 5)) {
      const total = countWordsByUnits(t);
      for (const cap of [7, 3, 1000, 0, 13, Infinity, 2, 60]) expect(countWords(t, cap)).toBe(Math.min(cap, total));
    }
  });
});
