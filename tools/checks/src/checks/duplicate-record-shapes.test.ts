import { describe, expect, it } from 'vitest';
import { fixture, problemsOf, where } from '../../test/fixtures.js';
import { loadRepo } from '../repo.js';
import { readSchemaShapes } from '../schema-shapes.js';
import { duplicateRecordShapes, matchShape } from './duplicate-record-shapes.js';

describe('duplicate-record-shapes', () => {
  it('reads the schema keys from z.object literals, spreads, omit and extend', () => {
    const repo = loadRepo(fixture('duplicate-record-shapes'));
    const shapes = readSchemaShapes(repo.byName.get('@parallax/schema')!.files);
    expect(Object.fromEntries(shapes.map((s) => [s.name, s.keys]))).toEqual({
      Span: ['start', 'end'],
      Article: ['id', 'headline', 'byline', 'body', 'publishedAt'],
      Quote: ['id', 'articleId', 'text', 'span', 'speaker'],
      ArticleSummary: ['id', 'headline', 'byline', 'publishedAt', 'quoteCount'],
    });
  });

  it('flags interfaces, type literals, intersections and z.objects that repeat a record', async () => {
    const problems = await problemsOf(duplicateRecordShapes, 'duplicate-record-shapes');
    expect(where(problems)).toEqual(['apps/web/src/types.ts:4', 'apps/web/src/types.ts:13', 'apps/web/src/types.ts:23', 'apps/web/src/types.ts:26']);
    expect(problems.map((p) => p.message.split(' from ')[0])).toEqual([
      'interface ArticleCopy declares the same fields as Article',
      'type QuoteRow declares 83% of the fields of Quote',
      'type Summary declares the same fields as ArticleSummary',
      'z.object declares the same fields as Quote',
    ]);
    expect(problems[0]!.message).toContain("import type { Article } from '@parallax/schema'");
  });

  it('applies the thresholds: 3 fields to call an equal set a copy, 4 shared and 80% overlap otherwise', () => {
    const shapes = [{ name: 'R', keys: ['a', 'b', 'c', 'd', 'e'], file: 'r.ts', line: 1 }, { name: 'S', keys: ['x', 'y'], file: 's.ts', line: 1 }];
    expect(matchShape(['a', 'b', 'c', 'd', 'e'], shapes)?.shape.name).toBe('R');
    expect(matchShape(['a', 'b', 'c', 'd', 'e', 'f'], shapes)?.overlap).toBeCloseTo(5 / 6);
    expect(matchShape(['a', 'b', 'c', 'd'], shapes)?.overlap).toBe(0.8);
    expect(matchShape(['a', 'b', 'c', 'd', 'f', 'g'], shapes)).toBeNull();
    expect(matchShape(['x', 'y'], shapes)).toBeNull();
  });

  it('passes the clean fixture', async () => {
    expect(await problemsOf(duplicateRecordShapes, 'clean')).toEqual([]);
  });
});
