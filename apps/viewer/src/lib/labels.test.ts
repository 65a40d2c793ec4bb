import { describe, expect, it } from 'vitest';
import { articleLetters, articleSource, formatDate, formatRange, safeHref } from './labels.js';

describe('labels', () => {
  it('names an article by outlet, else by its file', () => {
    const outlets = [{ id: 'out_3d137c9bfef969b1', name: 'Al Jazeera America' }];
    expect(articleSource({ id: 'a', outletId: 'out_3d137c9bfef969b1', headline: null, sourcePath: 'x.txt' }, outlets)).toBe('Al Jazeera America');
    expect(articleSource({ id: 'a', outletId: null, headline: null, sourcePath: 'corpus/putin-syria-2015-09/000_fbc55344481ad475.txt' }, outlets)).toBe('Unnamed outlet (000_fbc55344481ad475)');
  });
  it('only links http(s) URLs', () => {
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
  });
  it('formats dates in UTC and letters articles', () => {
    expect(formatDate('2015-09-15')).toBe('15 Sept 2015');
    expect(formatDate('2015-09-15T23:30:00-05:00')).toBe('16 Sept 2015');
    expect(formatRange('2015-09-14', '2015-09-15')).toBe('14 Sept 2015 – 15 Sept 2015');
    expect(formatDate(null)).toBe('undated');
    expect([...articleLetters(['x', 'y']).values()]).toEqual(['A', 'B']);
  });
});
