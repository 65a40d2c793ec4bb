import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Article, Claim, Entity, Quote } from '@parallax/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../test/corpus.js';
import { BundleBuilder } from './bundle.js';
import { analyseArticle, extractArticle } from './extract-article.js';
import { SourceError } from './source/index.js';

const sharedEval = process.env.PARALLAX_SHARED ? join(process.env.PARALLAX_SHARED, 'eval') : fileURLToPath(new URL('../../../../shared/eval', import.meta.url));

/** Run the engine and check every invariant a consumer relies on. */
function checkExtraction(text: string) {
  let result;
  try {
    result = extractArticle({ text, name: 'prop', sourcePath: 'prop' });
  } catch (error) {
    // Bad input is allowed to be refused, but only as a SourceError with a message naming it.
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toMatch(/prop|standard input/);
    return;
  }
  const { article, quotes, claims, entities } = result;
  Article.parse(article);
  const n = article.body.length;
  for (const q of quotes) {
    Quote.parse(q);
    expect(q.span.end).toBeLessThanOrEqual(n);
    expect(article.body.slice(q.span.start, q.span.end)).toBe(q.text);
  }
  for (const c of claims) {
    Claim.parse(c);
    expect(c.span.end).toBeLessThanOrEqual(n);
    expect(article.body.slice(c.span.start, c.span.end)).toBe(c.text);
  }
  for (const e of entities) Entity.parse(e);
}

// Text made of the pieces that stress the engine: quote marks of every kind, cue words, names,
// titles, numbers, dates, punctuation, blank lines and random unicode.
const pieces = fc.constantFrom('“', '”', '"', '‘', '’', "'", '«', '»', '„', '`', ' said ', ' says ', ' told reporters ', ' according to ', 'Mr ', 'Putin', ' he ', 'Dr. ', 'U.S. officials', ', ', '. ', ': ', '\n\n', '\n', '250,000', 'half-a-dozen', 'Monday', 'on Sept. 15, 2015', '(AP)', 'Getty Images', 'Sign up for our newsletter', '—', '…', '[the coalition]', '<p>', '</p>', '<script>', '{', '}');
const adversarial = fc.array(fc.oneof(pieces, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 120 }).map((a) => a.join(''));

describe('extractArticle', () => {
  it('never throws anything but a SourceError, and returns valid records, on adversarial text', () => {
    fc.assert(fc.property(adversarial, checkExtraction), { numRuns: 400 });
  });

  it('holds the same on random unicode of any shape', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), checkExtraction), { numRuns: 300 });
  });

  it('copes with a huge single line of unbalanced quotes', () => {
    // ~1 MB with no newline and 80,000 quote marks: quadratic work would hit the test timeout.
    checkExtraction('“He said ” and “she said '.repeat(40_000));
  });

  it('copes with a huge run-on sentence of attributions', () => {
    // ~0.8 MB each with no full stop: every attribution in one "sentence". Reading the rest of the sentence
    // once per attribution took 40 s and 15 s here; each read is now bounded, so the work stays linear.
    const cases: Array<[string, Array<[string, string | null, string]>]> = [
      ['“It is fine,” he said, adding that “more” was needed, and Brown, who said he agreed, told reporters that ', [['It is fine,', null, 'said']]],
      ['Asked whether polls show Trump leading, records show voters think he will win, according to officials, ', [['Asked whether polls show Trump leading', 'officials', 'according to']]],
      ['Smith said that the plan, which critics believe is flawed, would work, while Jones said it would not, ', [['the plan, which critics believe is flawed', 'Smith', 'said'], ['it would not', 'Jones', 'said']]],
    ];
    for (const [unit, first] of cases) {
      const text = unit.repeat(8_000);
      const { quotes } = extractArticle({ text, name: 'run-on', sourcePath: null });
      // Still read, not dropped: the first attributions come out with their text, speaker and cue.
      first.forEach(([start, speaker, cue], k) => {
        expect(quotes[k]?.text.startsWith(start), start).toBe(true);
        expect(quotes[k]?.speaker?.name ?? null).toBe(speaker);
        expect(quotes[k]?.cue?.text).toBe(cue);
      });
      checkExtraction(text);
    }
  }, 30_000);

  it('gives the same ids for the same input, and different ids for a changed one', () => {
    const text = readFileSync(corpusDir + '003_e86d819293a394bf.txt', 'utf8');
    const a = extractArticle({ text, name: 'a', sourcePath: 'a' });
    const b = extractArticle({ text, name: 'a', sourcePath: 'a' });
    expect(b.article.id).toBe(a.article.id);
    expect(b.quotes.map((q) => q.id)).toEqual(a.quotes.map((q) => q.id));
    const changed = extractArticle({ text: text.replace('Monday', 'Sunday'), name: 'a', sourcePath: 'a' });
    expect(changed.article.id).not.toBe(a.article.id);
  });

  it('links speakers to entities with ids, one entity per person across the article', () => {
    const text = readFileSync(corpusDir + '000_fbc55344481ad475.txt', 'utf8');
    const { quotes, entities } = extractArticle({ text, name: '000', sourcePath: '000' });
    const putin = entities.find((e) => e.name === 'Vladimir Putin')!;
    expect(putin.kind).toBe('person');
    expect(putin.aliases).toEqual(expect.arrayContaining(['Putin', 'He']));
    const byPutin = quotes.filter((q) => q.speaker?.entityId === putin.id);
    expect(byPutin.length).toBeGreaterThanOrEqual(5);
  });

  it('re-analyses an existing Article the same way', () => {
    const text = readFileSync(corpusDir + '004_87197f165af4f63c.txt', 'utf8');
    const first = extractArticle({ text, name: '004', sourcePath: '004' });
    const again = analyseArticle(first.article, first.outlet);
    expect(again.quotes.map((q) => q.id)).toEqual(first.quotes.map((q) => q.id));
  });
});

describe('BundleBuilder', () => {
  it('merges entities across articles and skips an article added twice', () => {
    const builder = new BundleBuilder();
    for (const f of ['000_fbc55344481ad475.txt', '002_e35b04c16b54d2ab.txt', '000_fbc55344481ad475.txt']) {
      builder.add(extractArticle({ text: readFileSync(corpusDir + f, 'utf8'), name: f, sourcePath: f }));
    }
    const bundle = builder.build();
    expect(bundle.articles).toHaveLength(2);
    const putin = bundle.entities.filter((e) => e.name === 'Vladimir Putin');
    expect(putin).toHaveLength(1);
    expect(putin[0]!.articleIds).toHaveLength(2);
  });
});

describe.skipIf(!existsSync(sharedEval))('extractArticle on real text at volume', () => {
  it('never throws and returns valid records on every PolNeAR and BBC article', () => {
    const files: string[] = [];
    for (const split of ['train', 'dev']) {
      const dir = join(sharedEval, 'polnear/data', split, 'text');
      for (const f of readdirSync(dir)) files.push(join(dir, f));
    }
    const bbc = join(sharedEval, 'bbc/bbc');
    for (const d of readdirSync(bbc).filter((d) => !d.includes('.'))) for (const f of readdirSync(join(bbc, d))) files.push(join(bbc, d, f));
    expect(files.length).toBeGreaterThan(3000);
    for (const f of files) checkExtraction(readFileSync(f, 'utf8'));
  }, 600_000);
});
