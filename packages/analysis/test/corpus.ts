// Test helper: a schema-valid Article made directly from a corpus or eval text file, paragraphs split on
// blank lines (or single newlines), so quote tests do not depend on source cleaning.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Article, hashHex, makeId, type Article as ArticleT } from '@parallax/schema';

export const corpusDir = fileURLToPath(new URL('../../../corpus/putin-syria-2015-09/', import.meta.url));

export function articleFromText(text: string, publishedAt: string | null = null, name = 'test'): ArticleT {
  const paras = text.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);
  const body = paras.join('\n\n');
  const paragraphs: ArticleT['paragraphs'] = [];
  let at = 0;
  for (const p of paras) {
    paragraphs.push({ start: at, end: at + p.length });
    at += p.length + 2;
  }
  return Article.parse({
    id: makeId('article', name, hashHex(body)),
    sourcePath: name,
    sourceUrl: null,
    format: 'text',
    contentHash: hashHex(text),
    outletId: null,
    headline: null,
    standfirst: null,
    byline: null,
    authors: [],
    dateline: null,
    language: 'en',
    publishedAt,
    publishedAtSource: publishedAt ? 'manifest' : null,
    body,
    paragraphs,
    captions: [],
    credits: [],
    boilerplate: [],
    wordCount: body.split(/\s+/).filter(Boolean).length,
    storyId: null,
  });
}

export function corpusArticle(file: string, publishedAt: string | null = null): ArticleT {
  return articleFromText(readFileSync(corpusDir + file, 'utf8'), publishedAt, file);
}
