import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from './tokens.js';

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
});
