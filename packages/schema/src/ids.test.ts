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

  it('never change between versions: stored records and re-ingests depend on them', () => {
    expect(hashHex('Putin defends Russia')).toBe('5a767ed8013ad3f4');
    expect(hashHex('')).toBe('ebb6c22867a2a8ee');
    expect(hashHex('\u00e9\u{1F600}')).toBe('4b5956b2522cd3aa');
    expect(makeId('quote', 'art_0000000000000001', 12, null)).toBe('quo_d1fd7c80ed31bf38');
  });

  it('hash the parts as the hash of their joined key (U+001F between parts, U+0000 for null)', () => {
    const cases: Array<Array<string | number | null>> = [[], [''], ['a'], [null, null], ['art_1', 0, 17], ['Пу́тин', 3.5, null, '\u{1F600}'], ['x\u001fy', '']];
    // Numbers: the digits of a non-negative int32 are mixed in without String(); any other number is String(p).
    for (const x of [0, -0, 1, 9, 10, 99, 100, 101, 999_999, 1_000_000, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53, 1e21, -1, -17, 0.5, 1e-7, NaN, Infinity, -Infinity]) {
      cases.push([x], ['art_0000000000000001', x, x + 1]);
    }
    for (const parts of cases) {
      const key = parts.map((p) => (p === null ? '\u0000' : String(p))).join('\u001f');
      expect(makeId('claim', ...parts)).toBe(`clm_${hashHex(key)}`);
    }
  });

  it('spread over 100,000 distinct texts without a collision', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(hashHex(`article ${i} body`));
    expect(seen.size).toBe(100_000);
  });
});
