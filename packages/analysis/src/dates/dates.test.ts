import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { ResolvedDate } from '@parallax/schema';
import { describe, expect, it } from 'vitest';
import { DATE_CUES, findDates, mayHoldDates, parseArticleDate } from './dates.js';
import { WordTags } from '../numbers/tokens.js';
import { expectSoundGate } from '../../test/gates.js';
import { evalDir } from '../../test/shared.js';

const corpusDir = fileURLToPath(new URL('../../../../corpus/putin-syria-2015-09/', import.meta.url));
const corpusFile = (prefix: string): string => {
  const name = readdirSync(corpusDir).find((f) => f.startsWith(prefix));
  return readFileSync(corpusDir + (name ?? ''), 'utf8');
};
const basilDir = evalDir('basil', 'articles');
const brief = (d: ResolvedDate) => [d.text.replace(/\s+/g, ' '), d.date, d.precision, d.relative];
const tuesday = '2015-09-15'; // the date of the seed story, a Tuesday

describe('findDates on the seed corpus', () => {
  it('resolves weekdays against the article date (002 is dated Tuesday 2015-09-15)', () => {
    const text = corpusFile('002_');
    const found = findDates(text, 0, tuesday).map(brief);
    expect(found).toContainEqual(['on Sept. 15, 2015', '2015-09-15', 'day', false]);
    expect(found).toContainEqual(['on Tuesday', '2015-09-15', 'day', true]);
    expect(found).toContainEqual(['last Wednesday', '2015-09-09', 'day', true]);
    expect(found).toContainEqual(['Monday', '2015-09-14', 'day', true]);
    expect(found).toContainEqual(['2011', '2011-01-01', 'year', false]);
    expect(found).toContainEqual(['July', '2015-07-01', 'month', true]);
    expect(found).toContainEqual(['this month', '2015-09-01', 'month', true]);
    expect(found).toContainEqual(['this week', '2015-09-14', 'day', true]);
  });

  it('takes the year of a day without one from the article date', () => {
    const found = findDates(corpusFile('000_'), 0, tuesday).map(brief);
    expect(found).toEqual([
      ['on 15 September', '2015-09-15', 'day', true],
      ['On 14 September', '2015-09-14', 'day', true],
    ]);
  });

  it('"The Pentagon on Monday said" resolves to 2015-09-14; "last week" to the Monday starting it', () => {
    expect(findDates(corpusFile('001_'), 0, '2015-09-15T10:00:00Z').map(brief)).toContainEqual(['on Monday', '2015-09-14', 'day', true]);
    expect(findDates(corpusFile('004_'), 0, '2015-09-06').map(brief)).toEqual([
      ['today', '2015-09-06', 'day', true],
      ['Last week', '2015-08-24', 'day', true],
      ['on Friday', '2015-09-04', 'day', true],
      ['on Friday', '2015-09-04', 'day', true],
    ]);
  });

  it('leaves relative dates unresolved without an article date, and keeps spans absolute', () => {
    const text = corpusFile('003_');
    const found = findDates(text, 100, null);
    expect(found.length).toBeGreaterThan(3);
    for (const d of found) {
      expect(ResolvedDate.parse(d)).toEqual(d);
      expect(d.date).toBeNull();
      expect(d.relative).toBe(true);
      expect(text.slice(d.span.start - 100, d.span.end - 100)).toBe(d.text);
    }
  });

  it('does not read the name May or a quantity as a date', () => {
    expect(findDates('The Shadow Secretary of State for the Family, Theresa May, said: "These plans were announced."', 0, tuesday)).toEqual([]);
    expect(findDates('It may rain; a march on 2,000 homes cost $2015.', 0, tuesday)).toEqual([]);
  });
});

describe.skipIf(!existsSync(basilDir))('findDates on BASIL articles', () => {
  it('resolves "today" in a 2015 article and finds the election year', () => {
    const dir = `${basilDir}/2015`;
    const file = readdirSync(dir).sort()[0] ?? '';
    const art = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as { date: string; 'body-paragraphs': string[][] };
    const text = art['body-paragraphs'].map((p) => p.join(' ')).join('\n\n');
    const found = findDates(text, 0, art.date);
    for (const d of found) expect(text.slice(d.span.start, d.span.end)).toBe(d.text);
    if (text.includes('announcement today')) expect(found.map(brief)).toContainEqual(['today', art.date.slice(0, 10), 'day', true]);
    if (text.includes('for 2016')) expect(found.map(brief)).toContainEqual(['2016', '2016-01-01', 'year', false]);
  });
});

describe('findDates robustness', () => {
  it('mayHoldDates is false only for text in which findDates finds nothing', () => {
    const cues = new WordTags(DATE_CUES);
    // Date phrases and near misses, so that a phrase often stands alone among words that are no cue.
    const pieces = ['two days ago', 'a week ago', 'a few years ago', 'several months ago', 'last week', 'this year', 'Next month', 'last night', 'this weekend', 'last time', 'next', 'Monday', "Monday's", 'on Sept. 15', 'in May', 'may', 'March', 'yesterday', 'Today programme', 'a week', 'one year', 'the', 'said', 'on', ',', '.', '2015', '15', '15th', '1999s', '12345', '2015-09-15', '2015-9-15', '10', '3', '1,000', '$2015', '2,015', '0000'];
    expectSoundGate(pieces, cues, mayHoldDates, (s) => findDates(s, 0, '2015-09-15').length > 0, 3000);
  });

  it('parses article dates defensively', () => {
    expect(parseArticleDate('2015-09-15T10:00:00Z')?.getDate()).toBe(15);
    expect(parseArticleDate('2015-02-30')).toBeNull();
    expect(parseArticleDate('not a date')).toBeNull();
    expect(parseArticleDate(null)).toBeNull();
  });

  it('never throws on random text and date-like fragments', () => {
    const pieces = ['on', 'last', 'next', 'Monday', 'Sept', '.', '15', ',', '2015', '31', 'February', 'May', 'week', 'ago', 'two', ' ', '0000', '9999-99-99'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.constantFrom(null, '2015-09-15', '0001-01-01', '9999-12-31', 'junk'), (parts, date) => {
        const s = parts.join(' ');
        for (const d of findDates(s, 0, date)) {
          expect(ResolvedDate.safeParse(d).success).toBe(true);
          expect(s.slice(d.span.start, d.span.end)).toBe(d.text);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        for (const d of findDates(s, 3, '2015-09-15')) expect(s.slice(d.span.start - 3, d.span.end - 3)).toBe(d.text);
      }),
      { numRuns: 300 },
    );
  });
});
