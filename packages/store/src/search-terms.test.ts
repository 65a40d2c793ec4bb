import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../test/records.js';
import { fts5Query, searchTerms } from './search-terms.js';

describe('searchTerms', () => {
  it('reduces FTS5 and tsquery syntax to plain words', () => {
    expect(searchTerms('"Putin AND (Assad OR -coalition*) NEAR(a b) body:Russia ^x')).toEqual([
      'putin', 'and', 'assad', 'or', 'coalition', 'near', 'a', 'b', 'body', 'russia', 'x',
    ]);
    expect(searchTerms('*** ((( "" ')).toEqual([]);
    expect(searchTerms("Assad's regime")).toEqual(['assad', 's', 'regime']);
  });

  it('keeps letters and digits of any script and drops duplicates', () => {
    expect(searchTerms('Путин putin PUTIN 250,000 Üsküdar')).toEqual(['путин', 'putin', '250', '000', 'üsküdar']);
  });

  it('caps a pasted paragraph at 32 terms, each quoted for FTS5', () => {
    const text = readFileSync(join(corpusDir, '000_fbc55344481ad475.txt'), 'utf8');
    const terms = searchTerms(text);
    expect(terms).toHaveLength(32);
    const query = fts5Query(terms);
    expect(query.split(' ')).toHaveLength(32);
    for (const part of query.split(' ')) expect(part).toMatch(/^"[\p{L}\p{N}]+"$/u);
  });
});
