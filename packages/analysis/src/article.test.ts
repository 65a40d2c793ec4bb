import { readdirSync, readFileSync } from 'node:fs';
import { Article, hashHex, Outlet } from '@parallax/schema';
import { describe, expect, it } from 'vitest';
import { buildArticle, outletIdFor } from './article.js';
import { parsePlainText } from './source/plain-text.js';

const dir = new URL('../../../corpus/putin-syria-2015-09/', import.meta.url);
const seeds = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

describe('buildArticle', () => {
  it('builds a valid Article from every seed, with paragraph spans into the body', () => {
    for (const file of seeds) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const draft = parsePlainText(text, { sourcePath: file });
      const { article } = buildArticle(draft);
      expect(Article.parse(article)).toEqual(article);
      expect(article.body).toBe(draft.paragraphs.join('\n\n'));
      expect(article.paragraphs.map((s) => article.body.slice(s.start, s.end))).toEqual(draft.paragraphs);
      expect(article.contentHash).toBe(hashHex(text));
      expect(article.wordCount).toBe(article.body.split(/\s+/).length);
      expect(article.storyId).toBeNull();
      expect(article.sourcePath).toBe(file);
    }
  });

  it('gives the same ids for the same input and different ids for different bodies', () => {
    const texts = seeds.map((f) => readFileSync(new URL(f, dir), 'utf8'));
    const ids = texts.map((t) => buildArticle(parsePlainText(t, { sourcePath: null })).article.id);
    expect(texts.map((t) => buildArticle(parsePlainText(t, { sourcePath: 'elsewhere.txt' })).article.id)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('makes the outlet record from the draft, with an id stable across spellings', () => {
    const text = readFileSync(new URL(seeds[1]!, dir), 'utf8');
    const { article, outlet } = buildArticle(parsePlainText(text, { sourcePath: null }));
    expect(outlet).not.toBeNull();
    expect(Outlet.parse(outlet)).toEqual(outlet);
    expect(outlet!.name).toBe('Al Jazeera America');
    expect(article.outletId).toBe(outlet!.id);
    expect(outletIdFor('AL JAZEERA  America')).toBe(outlet!.id);
    expect(outletIdFor('The Guardian')).toBe(outletIdFor('Guardian'));
    expect(buildArticle(parsePlainText(readFileSync(new URL(seeds[0]!, dir), 'utf8'), { sourcePath: null })).outlet).toBeNull();
  });
});
