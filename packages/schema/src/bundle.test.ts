import { describe, expect, expectTypeOf, it } from 'vitest';
import { seedBundle } from '../test/fixtures/seed-bundle.js';
import { Article, Bundle, Claim, Quote, Span, emptyBundle, type Bundle as BundleType } from './index.js';

describe('Bundle', () => {
  it('accepts a real bundle whose spans index into the clean body', () => {
    const bundle = Bundle.parse(seedBundle());
    const article = bundle.articles[0]!;
    for (const record of [...bundle.quotes, ...bundle.claims]) {
      expect(article.body.slice(record.span.start, record.span.end)).toBe(record.text);
    }
    expect(article.body.slice(bundle.quotes[0]!.speaker!.mention!.span.start, bundle.quotes[0]!.speaker!.mention!.span.end)).toBe('Putin');
    expect(article.body.slice(bundle.quotes[0]!.cue!.span.start, bundle.quotes[0]!.cue!.span.end)).toBe('said');
  });

  it('gives the same ids on every run', () => {
    expect(seedBundle().quotes[0]!.id).toBe(seedBundle().quotes[0]!.id);
    expect(seedBundle().articles[0]!.id).toMatch(/^art_[0-9a-f]{16}$/);
  });

  it('rejects a quote of an unknown kind, a backwards span and a malformed id, naming the field', () => {
    const quote = seedBundle().quotes[0]!;
    const bad = Quote.safeParse({ ...quote, kind: 'rumour' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['kind']);
    const backwards = Span.safeParse({ start: 10, end: 3 });
    expect(backwards.success).toBe(false);
    expect(backwards.error!.issues[0]!.path).toEqual(['end']);
    expect(Claim.safeParse({ ...seedBundle().claims[0]!, id: 'claim-1' }).success).toBe(false);
  });

  it('rejects an article with a date that is not ISO 8601', () => {
    const article = seedBundle().articles[0]!;
    expect(Article.safeParse({ ...article, publishedAt: 'Tuesday' }).success).toBe(false);
    expect(Article.safeParse({ ...article, publishedAt: '2015-09-15T10:00:00Z' }).success).toBe(true);
  });

  it('infers types that consumers can rely on', () => {
    expectTypeOf<BundleType['quotes'][number]['kind']>().toEqualTypeOf<'direct' | 'partial' | 'mixed' | 'indirect'>();
    expectTypeOf<BundleType['quotes'][number]['speaker']>().toEqualTypeOf<{ name: string; entityId: string | null; mention: { text: string; span: { start: number; end: number } } | null } | null>();
    expectTypeOf(emptyBundle()).toEqualTypeOf<BundleType>();
  });
});
