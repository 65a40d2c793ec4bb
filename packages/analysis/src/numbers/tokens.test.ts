import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TAG_DATE_NUMBER, TAG_NUMBER, TokenScanner, tokenize, WordSet, WordTags } from './tokens.js';

describe('tokenize', () => {
  it('reads text[from, to) in place exactly as the slice', () => {
    const pieces = ['250,000', '1.2bn', 'half-a-dozen', 'U.S.', "Putin's", 'Putin’s', '“', '”', '£', '😀', 'É', 'Straße', ' ', '\u00a0', '-', '.', ',', 'a', 'B', '7'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.nat(200), fc.nat(200), (parts, a, b) => {
        const text = parts.join('');
        const from = Math.min(a, b, text.length);
        const to = Math.min(Math.max(a, b), text.length + 5);
        expect(tokenize(text, from, to)).toEqual(tokenize(text.slice(from, to)));
      }),
      { numRuns: 500 },
    );
  });

  it('scans the words and tags of the tokens it builds later, without building them first', () => {
    // The tags are read before any token is built (a word's lower-case text only for a bitmap hit):
    // they must be what the built tokens' words give, looked up one by one.
    const tagger = new WordTags([
      [['said', 'says', 'according', 'twenty', 'may', 'straße', "putin's"], 64],
      [['march', 'last', 'u.s'], 8],
    ]);
    const pieces = ['said', 'Said', 'SAYS', 'According', 'twenty-five', 'So-Said', 'last-ditch', 'Straße-May', 'twenty-year', 'May', 'Straße', "Putin's", 'Putin’s', 'March', 'U.S', 'Sand', 'sold', 'lust', 'Mary', '250,000', '1.2bn', '2015', '2015-09-15', '“', '.', ',', ' ', '\u00a0', 'É', '😀', '-'];
    const scanner = new TokenScanner(tagger);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.nat(200), fc.nat(200), (parts, a, b) => {
        const text = parts.join(' ');
        const from = Math.min(a, b, text.length);
        const to = Math.min(Math.max(a, b), text.length + 5);
        scanner.scan(text, from, to);
        const tokens = tokenize(text, from, to);
        expect(scanner.tokens(text, from)).toEqual(tokens);
        let tags = 0;
        for (const t of tokens) {
          if (t.kind === 'number') tags |= t.text.length === 4 || t.text.length === 10 ? TAG_NUMBER | TAG_DATE_NUMBER : TAG_NUMBER;
          else if (t.kind === 'word') tags |= tagger.of(t.lower);
          if (t.kind === 'word' && t.lower.includes('-')) for (const part of t.lower.split('-')) tags |= tagger.of(part); // and each part of a hyphenated word
        }
        expect(scanner.tags).toBe(tags);
        expect(scanner.words).toBe(tokens.filter((t) => t.kind !== 'punct').length);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('TokenScanner.scan', () => {
  it('reads the spans of one text one after another (in order, with gaps, overlapping or back) as each slice alone', () => {
    // scan() keeps the text's UTF-8 bytes and where it stopped: a span must be read the same wherever the
    // last one ended, also when a span starts or ends inside a surrogate pair or next to a lone surrogate.
    const tagger = new WordTags([[['said', 'twenty', 'five', 'straße', "putin's"], 64], [['week', 'u.s', 'é'], 8]]);
    const pieces = ['250,000', 'half-a-dozen', 'U.S.', 'Putin’s', "Putin's", 'don’t', '“', '£', '😀', '\ud83d', '\ude00', 'É', 'Straße', 'é-', '-é', ' ', '\u00a0', '\u2009', '-', '.', ',', 'a', 'B', '7', 'said', 'twenty-five', 'week', '中文', '\x7f'];
    const scanner = new TokenScanner(tagger);
    const alone = new TokenScanner(tagger);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 50 }), fc.array(fc.tuple(fc.nat(300), fc.nat(40)), { maxLength: 8 }), (parts, spans) => {
        const text = parts.join('');
        for (const [at, length] of spans) {
          const from = Math.min(at, text.length);
          scanner.scan(text, from, from + length);
          const slice = text.slice(from, from + length);
          alone.scan(slice, 0, slice.length);
          alone.release();
          expect(scanner.tokens(text, from)).toEqual(alone.tokens(slice, 0));
          expect([scanner.words, scanner.tags]).toEqual([alone.words, alone.tags]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('WordSet.holds', () => {
  it('is has(t.lower) for every token: the key a token is given is that of its lower-case text', () => {
    const pieces = ['Said', 'twenty-FIVE', 'May', 'Straße', 'Putin’s', "Putin's", 'U.S', 'É', 'Éric', '1.2BN', '250,000', '“', '£', '😀', '.', ',', '-', 'a', 'B', '7'];
    const listed = new WordSet(tokenize(pieces.join(' ')).map((t) => t.lower));
    const some = new WordSet(['said', 'may', 'u.s', 'b']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, ' ', ''), { maxLength: 30 }), (parts) => {
        for (const t of tokenize(parts.join(''))) {
          expect(listed.holds(t)).toBe(listed.has(t.lower));
          expect(some.holds(t)).toBe(some.has(t.lower));
        }
      }),
      { numRuns: 500 },
    );
  });
});
