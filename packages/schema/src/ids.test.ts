import { describe, expect, it } from 'vitest';
import { hashHex, idPattern, makeId } from './index.js';

describe('ids', () => {
  it('are stable, prefixed and distinct for distinct parts', () => {
    const a = makeId('quote', 'art_0000000000000001', 12, 'We give technical-military support');
    expect(a).toMatch(idPattern);
    expect(a.startsWith('quo_')).toBe(true);
    expect(makeId('quote', 'art_0000000000000001', 12, 'We give technical-military support')).toBe(a);
    expect(makeId('quote', 'art_0000000000000001', 13, 'We give technical-military support')).not.toBe(a);
    // Part boundaries matter: ("ab", "c") and ("a", "bc") are different records.
    expect(makeId('claim', 'ab', 'c')).not.toBe(makeId('claim', 'a', 'bc'));
  });

  it('spread over 100,000 distinct texts without a collision', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(hashHex(`article ${i} body`));
    expect(seen.size).toBe(100_000);
  });
});
