// Property-based checks of the input layer: random and adversarial text never makes it throw anything
// but a SourceError, every draft builds a schema-valid Article, and plain-text parsing loses no text.
import { Article } from '@parallax/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../article.js';
import type { ArticleDraft } from '../draft.js';
import { decodeSource } from './decode.js';
import { SourceError } from './errors.js';
import { parseHtml } from './html.js';
import { parseSource } from './index.js';
import { parsePlainText } from './plain-text.js';

// Pieces of real article furniture, mixed with random text, to reach the interesting branches.
const pieces = [
  'By Jane Doe and John Roe', 'MOSCOW (AP) \u2014 ', 'Read more:', 'Sign up for our weekly newsletter', 'Leave a comment',
  '(Mikhail Klimentyev/Kremlin Pool Photo via AP)', 'Alexey Kudenko / Host Photo Agency / Getty Images', 'Al Jazeera and Reuters',
  'Find Al Jazeera America on your TV', '\u201cWe will continue,\u201d Putin said.', '"', '\u201c', '\u00ab', '`', 'on Sept. 15, 2015',
  'Published 15 September 2015', '\n', '\n\n', ' ', '.', '?', 'Russian President Vladimir Putin attends a meeting in Dushanbe Tuesday',
  '\u00a0', '\ufeff', '\ud83d\ude00', '\ud800', '<p>', '</div>', '{', '}', '[', ']', '(', ')', '/', '|', '\u2014', '\r\n',
];
const articleText = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 40 })), { maxLength: 40 })
  .map((xs) => xs.join(''));

function letters(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]/gu)) n++;
  return n;
}

function kept(d: ArticleDraft): string {
  return [d.headline, d.standfirst, d.byline, ...d.paragraphs, ...d.captions.map((c) => `${c.text} ${c.credit ?? ''}`), ...d.credits, ...d.boilerplate.map((b) => b.text)].join(' ');
}

function onlySourceErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SourceError);
  }
}

describe('input layer properties', () => {
  it('parsePlainText never throws, loses no text, and builds a valid Article', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const d = parsePlainText(text, { sourcePath: 'x.txt' });
        expect(letters(kept(d))).toBeGreaterThanOrEqual(letters(text));
        for (const p of d.paragraphs) expect(p).toBe(p.trim());
        const { article } = buildArticle(d);
        expect(Article.safeParse(article).success).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('parseSource and parseHtml throw nothing but SourceError on random text and tag soup', () => {
    const soup = fc
      .array(fc.oneof(fc.constantFrom('<div>', '</div>', '<p>', '<figure><figcaption>', '</figcaption>', '<script>', '</script>', '<!--', '-->', '<meta charset="x">', '<html lang="zz">', '<br>', '<h1>', '<a href="javascript:x">', '<svg>', '&amp;', '&#0;'), articleText), { maxLength: 30 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.oneof(articleText, soup), (text) => {
        onlySourceErrors(() => {
          const d = parseSource({ text, name: 'x', sourcePath: null });
          expect(Article.safeParse(buildArticle(d).article).success).toBe(true);
        });
        onlySourceErrors(() => parseHtml(text, { sourcePath: 'x.html' }));
      }),
      { numRuns: 15000 },
    );
  });

  it('decodeSource throws nothing but SourceError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        onlySourceErrors(() => {
          const { text } = decodeSource(bytes, 'random.bin');
          expect(typeof text).toBe('string');
        });
      }),
      { numRuns: 20000 },
    );
  });
});
