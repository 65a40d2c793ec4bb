import type { ResolvedDate } from '@parallax/schema';
import { describe, expect, it } from 'vitest';
import { alignWords } from './alignment.js';
import { quantitiesAgree } from './claims.js';
import { effectiveDay, medianDate } from './dates.js';
import { averageLink } from './stories.js';
import { contentStems, softContainment } from './text.js';

const date = (text: string, d: string | null = null): ResolvedDate => ({ text, span: { start: 0, end: text.length }, date: d, precision: 'day', relative: true });

describe('effectiveDay', () => {
  it('resolves weekdays and day-month dates against a reference day (2015-09-15 was a Tuesday)', () => {
    expect(effectiveDay(date('Monday'), '2015-09-15')).toBe('2015-09-14');
    expect(effectiveDay(date('on Tuesday'), '2015-09-15')).toBe('2015-09-15');
    expect(effectiveDay(date('On 14 September'), '2015-09-15')).toBe('2015-09-14');
    expect(effectiveDay(date('Sept. 14'), '2015-09-15')).toBe('2015-09-14');
    expect(effectiveDay(date('last Wednesday'), '2015-09-15')).toBe('2015-09-09');
    expect(effectiveDay(date('Monday', '2015-09-14'), null)).toBe('2015-09-14');
    expect(effectiveDay(date('Monday'), null)).toBeNull();
    expect(medianDate(['2015-09-15', null, '2015-09-13', '2015-09-20'])).toBe('2015-09-15');
  });
});

describe('alignWords', () => {
  it('marks what a variant kept, changed, added and dropped', () => {
    const ops = alignWords('We give technical-military support to Damascus', 'We give military support to Syria now');
    expect(ops.map((o) => o.op)).toEqual(expect.arrayContaining(['equal', 'replace']));
    expect(ops.filter((o) => o.op !== 'insert').map((o) => o.reference).join(' ')).toContain('Damascus');
    expect(ops.some((o) => o.variant.includes('Syria'))).toBe(true);
  });
});

describe('similarity pieces', () => {
  it('softContainment folds inflection and near forms', () => {
    const a = contentStems('Russia supported the Syrian regime');
    const b = contentStems('support for Syria by Russia');
    expect(softContainment(a, b, () => 1)).toBeGreaterThan(0.6);
    expect(softContainment(contentStems('the price of oil fell'), b, () => 1)).toBe(0);
  });

  it('quantitiesAgree allows hedged numbers some slack, exact ones none', () => {
    const q = (value: number, qualifier: 'exact' | 'approximate' | 'more-than') => ({ text: '', span: { start: 0, end: 0 }, value, high: null, qualifier, unit: 'people' });
    expect(quantitiesAgree(q(250000, 'more-than'), q(240000, 'approximate'))).toBe(true);
    expect(quantitiesAgree(q(250000, 'exact'), q(200000, 'exact'))).toBe(false);
  });

  it('averageLink merges a tight group and keeps a weakly attached item apart', () => {
    const edges = new Map([
      [0, new Map([[1, 0.9], [2, 0.8]])],
      [1, new Map([[2, 0.85]])],
      [2, new Map([[3, 0.3]])],
    ]);
    expect(averageLink(4, edges, 0.25)).toEqual([[0, 1, 2], [3]]);
  });
});
