import { readFileSync } from 'node:fs';
import { Article } from '@parallax/schema';
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../article.js';
import { SourceError } from './errors.js';
import { parseArticleJson } from './json.js';
import { parsePlainText } from './plain-text.js';

const seed = readFileSync(new URL('../../../../corpus/putin-syria-2015-09/002_e35b04c16b54d2ab.txt', import.meta.url), 'utf8');

describe('parseArticleJson', () => {
  it('round-trips a whole Article: same body, paragraphs, captions and date', () => {
    const { article } = buildArticle(parsePlainText(seed, { sourcePath: '002.txt' }));
    const d = parseArticleJson(JSON.stringify(article), { sourcePath: '002.json' });
    expect(d.format).toBe('json');
    expect(d.paragraphs.join('\n\n')).toBe(article.body);
    expect(d.captions).toEqual(article.captions);
    expect(d.publishedAt).toBe('2015-09-15');
    expect(d.publishedAtSource).toBe('caption');
    expect(Article.parse(buildArticle(d).article).body).toBe(article.body);
  });

  it('accepts a partial article with just a body (and an outlet name)', () => {
    const d = parseArticleJson(JSON.stringify({ body: 'First paragraph.\n\nSecond paragraph.', outlet: 'Riverside Gazette', headline: 'A title' }), { sourcePath: 'p.json' });
    expect(d.paragraphs).toEqual(['First paragraph.', 'Second paragraph.']);
    expect(d.outletName).toBe('Riverside Gazette');
    expect(d.headline).toBe('A title');
  });

  it("throws 'invalid' naming the bad fields, and 'parse' for broken JSON", () => {
    const bad = (text: string): SourceError => {
      try {
        parseArticleJson(text, { sourcePath: 'bad.json' });
      } catch (err) {
        if (err instanceof SourceError) return err;
      }
      throw new Error('expected a SourceError');
    };
    const e = bad(JSON.stringify({ body: 'Text.', headline: 3, publishedAt: 'yesterday' }));
    expect(e.code).toBe('invalid');
    expect(e.message).toContain('bad.json');
    expect(e.message).toContain('headline');
    expect(e.message).toContain('publishedAt');
    expect(bad(JSON.stringify({ headline: 'No body' })).message).toContain('body');
    expect(bad('{"body": "x"').code).toBe('parse');
  });
});
