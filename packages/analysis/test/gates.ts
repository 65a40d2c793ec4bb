// The claim readers run only on sentences whose tags open their gate (mayHoldDates, mayHoldQuantities,
// mayHoldAttribution). A gate must be sound: closed, the reader would have found nothing. Checked on
// random joins of phrases and near misses, so that a phrase often stands alone among words that are no cue.
import fc from 'fast-check';
import { expect } from 'vitest';
import { TokenScanner, type WordTags } from '../src/numbers/tokens.js';

/** Asserts that `finds` finds nothing in any join of `pieces` whose tags keep `gate` closed (and that over 100 were tried). */
export function expectSoundGate(pieces: readonly string[], cues: WordTags, gate: (tags: number) => boolean, finds: (s: string) => boolean, numRuns: number): void {
  let skipped = 0;
  const scanner = new TokenScanner(cues);
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), (parts) => {
      const s = parts.join(' ');
      scanner.scan(s, 0, s.length);
      if (gate(scanner.tags)) return;
      skipped++;
      expect(finds(s), s).toBe(false);
    }),
    { numRuns },
  );
  expect(skipped).toBeGreaterThan(100);
}
