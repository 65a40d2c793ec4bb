import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Quantity } from '@parallax/schema';
import { describe, expect, it } from 'vitest';
import { findQuantities, mayHoldQuantities, QUANTITY_CUES } from './quantities.js';
import { TAG_NUMBER_WORD, WordTags } from './tokens.js';
import { expectSoundGate } from '../../test/gates.js';
import { evalDir } from '../../test/shared.js';

const corpusDir = fileURLToPath(new URL('../../../../corpus/putin-syria-2015-09/', import.meta.url));
const bbcDir = evalDir('bbc', 'bbc');
const corpusFile = (prefix: string): string => {
  const name = readdirSync(corpusDir).find((f) => f.startsWith(prefix));
  return readFileSync(corpusDir + (name ?? ''), 'utf8');
};
/** The sentence-sized piece of text that holds needle, read from the file. */
const around = (text: string, needle: string): { text: string; at: number } => {
  const i = text.indexOf(needle);
  expect(i).toBeGreaterThanOrEqual(0);
  const start = Math.max(text.lastIndexOf('\n', i) + 1, 0);
  const nl = text.indexOf('\n', i);
  return { text: text.slice(start, nl < 0 ? text.length : nl), at: start };
};
const brief = (q: Quantity) => [q.text.replace(/\s+/g, ' '), q.value, q.high, q.qualifier, q.unit];

describe('findQuantities on the seed corpus', () => {
  it('reads "more than 250,000 people" and the population figures, not the year', () => {
    const file = corpusFile('002_');
    const { text, at } = around(file, 'more than 250,000 people');
    const qs = findQuantities(text, at);
    expect(qs.map(brief)).toEqual([
      ['more than 250,000 people', 250000, null, 'more-than', 'people'],
      ['more than 4 million Syrians', 4000000, null, 'more-than', 'Syrians'],
      ['about 22 million', 22000000, null, 'approximate', null],
    ]);
    for (const q of qs) expect(file.slice(q.span.start, q.span.end)).toBe(q.text);
  });

  it('reads "about half-a-dozen tanks" as 6, approximate', () => {
    const { text } = around(corpusFile('001_'), 'half-a-dozen');
    expect(findQuantities(text).map(brief)).toEqual([['about half-a-dozen tanks', 6, null, 'approximate', 'tanks']]);
  });

  it('reads "about 100 miles" and a spelled-out hyphenated duration', () => {
    expect(findQuantities(around(corpusFile('003_'), '100 miles').text).map(brief)).toEqual([['about 100 miles', 100, null, 'approximate', 'miles']]);
    const war = findQuantities(around(corpusFile('000_'), 'four-and-a-half-year').text);
    expect(war.map(brief)).toEqual([['four-and-a-half-year', 4.5, null, 'exact', 'year']]);
  });

  it('leaves names, years and "one of the" alone', () => {
    const c004 = corpusFile('004_');
    expect(findQuantities(around(c004, 'BTR-82a').text)).toEqual([]);
    expect(findQuantities(around(corpusFile('003_'), 'one of the concerns').text)).toEqual([]);
    const ukraine = findQuantities(around(corpusFile('002_'), 'Cold War').text);
    expect(ukraine.map((q) => q.unit)).toEqual(['people', 'states']); // "two self-proclaimed separatist states", not the Cold War
    expect(findQuantities(around(corpusFile('001_'), 'began in 2011').text)).toEqual([]);
  });

  it('returns schema-valid records with absolute spans on every seed article', () => {
    for (const f of readdirSync(corpusDir).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(corpusDir + f, 'utf8');
      for (const q of findQuantities(text, 7)) {
        expect(Quantity.parse(q)).toEqual(q);
        expect(text.slice(q.span.start - 7, q.span.end - 7)).toBe(q.text);
      }
    }
  });
});

describe.skipIf(!existsSync(bbcDir))('findQuantities on BBC sentences', () => {
  const read = (p: string) => readFileSync(`${bbcDir}/${p}`, 'utf8');

  it('reads currencies, decimals and percent', () => {
    const text = read('politics/001.txt');
    expect(findQuantities(around(text, 'rise by £1,400').text).map(brief)).toContainEqual(['£1,400', 1400, null, 'exact', 'GBP']);
    const last = findQuantities(around(text, '90% of average').text).map(brief);
    expect(last).toContainEqual(['90%', 90, null, 'exact', 'percent']);
    expect(last).toContainEqual(['£102.80', 102.8, null, 'exact', 'GBP']);
    expect(last).toContainEqual(['six weeks', 6, null, 'exact', 'weeks']);
  });

  it('reads ranges and scaled money, and skips year spans', () => {
    const hits: unknown[] = [];
    for (const topic of ['business', 'tech']) {
      for (const f of readdirSync(`${bbcDir}/${topic}`)) {
        const text = read(`${topic}/${f}`);
        if (text.includes('between 6,000 and 7,000 jobs')) hits.push(...findQuantities(around(text, 'between 6,000 and 7,000 jobs').text).map(brief));
        if (text.includes('almost 11% between 2003 and 2004')) hits.push(...findQuantities(around(text, 'almost 11% between 2003').text).map(brief));
        if (text.includes('about 10 million euros')) hits.push(...findQuantities(around(text, 'about 10 million euros').text).map(brief));
      }
    }
    expect(hits).toContainEqual(['between 6,000 and 7,000 jobs', 6000, 7000, 'range', 'jobs']);
    expect(hits).toContainEqual(['$5bn', 5e9, null, 'exact', 'USD']);
    expect(hits).toContainEqual(['almost 11%', 11, null, 'approximate', 'percent']);
    expect(hits.some((h) => (h as unknown[])[1] === 2003)).toBe(false);
    expect(hits).toContainEqual(['about 10 million euros', 1e7, null, 'approximate', 'EUR']);
    expect(hits).toContainEqual(['US$13 million', 1.3e7, null, 'exact', 'USD']);
  });

  it('reads spelled decimals and tells metres from millions', () => {
    const smoking = read('politics/050.txt');
    expect(findQuantities(around(smoking, 'one point three per cent').text).map(brief)).toContainEqual(['one point three per cent', 1.3, null, 'exact', 'percent']);
    const jump = read('sport/020.txt');
    expect(findQuantities(around(jump, 'landed 17.30m').text).map(brief)).toEqual([['17.30m', 17.3, null, 'exact', 'metres']]);
  });

  it('does not count names that hold numbers ("Five Live", "3G") or "last year" as a unit', () => {
    const seen = { five: 0, g3: 0, last: 0 };
    let present = 0; // files that hold the traps, so the test cannot pass on absent data
    for (const topic of ['sport', 'tech', 'entertainment']) {
      for (const f of readdirSync(`${bbcDir}/${topic}`)) {
        const text = read(`${topic}/${f}`);
        if (text.includes('Five Live') || text.includes('3G') || /\d last year/.test(text)) present++;
        for (const q of findQuantities(text)) {
          const after = text.slice(q.span.end, q.span.end + 12);
          if (/^ Live/.test(after) && /^Five$/.test(q.text)) seen.five++;
          if (q.text === '3G') seen.g3++;
          if (q.unit === 'year' && text.slice(q.span.start, q.span.end).endsWith('last year')) seen.last++;
        }
      }
    }
    expect(present).toBeGreaterThan(10);
    expect(seen).toEqual({ five: 0, g3: 0, last: 0 });
  });

  it('keeps every span true to the text across a whole topic folder', () => {
    let n = 0;
    for (const f of readdirSync(`${bbcDir}/business`)) {
      const text = read(`business/${f}`);
      for (const q of findQuantities(text)) {
        expect(text.slice(q.span.start, q.span.end)).toBe(q.text);
        expect(Number.isFinite(q.value)).toBe(true);
        if (q.high !== null) expect(q.high).toBeGreaterThan(q.value);
        n++;
      }
    }
    expect(n).toBeGreaterThan(1000);
  });
});

describe('findQuantities robustness', () => {
  it('never throws and keeps spans inside the text on random unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.nat(1000), (s, off) => {
        for (const q of findQuantities(s, off)) {
          expect(q.span.start).toBeGreaterThanOrEqual(off);
          expect(q.span.end).toBeLessThanOrEqual(off + s.length);
          expect(s.slice(q.span.start - off, q.span.end - off)).toBe(q.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on number-heavy adversarial text', () => {
    const pieces = ['1', ',', '000', '.', '5', ' ', '-', 'bn', 'million', 'more than', 'between', 'and', 'half-a-', 'dozen', '£', '$', '%', 'one', 'of', 'the'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), (parts) => {
        const s = parts.join('');
        for (const q of findQuantities(s)) expect(s.slice(q.span.start, q.span.end)).toBe(q.text);
      }),
      { numRuns: 300 },
    );
  });

  it('mayHoldQuantities is false only for text in which findQuantities finds nothing', () => {
    const cues = new WordTags([[QUANTITY_CUES, TAG_NUMBER_WORD]]);
    // Number phrases and near misses, so that a phrase often stands alone among words that are no cue.
    const pieces = ['a hundred', 'A Thousand', 'a dozen', 'an eighth', 'a half', 'a few', 'a few million', 'a halfway house', 'half-a-dozen', 'a half-dozen', 'a few-hundred', 'so-called', 'Twenty-Five', 'one-time', 'a dozen-strong', 'hundreds of', 'tens of thousands', 'twenty-five', 'one-sided', 'several', 'two', 'Five', 'a', 'an', 'of', '-', 'and', 'year', 'people', 'the', 'said', '£', '%', 'per cent', 'point', 'm'];
    expectSoundGate(pieces, cues, mayHoldQuantities, (s) => findQuantities(s).length > 0, 3000);
  });

  it('handles a huge single line in linear time', () => {
    const s = '1,'.repeat(200_000) + ' more than 5 '.repeat(50_000);
    const qs = findQuantities(s);
    expect(qs.length).toBeGreaterThan(0);
  });
});
