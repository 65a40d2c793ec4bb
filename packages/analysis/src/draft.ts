import type { Boilerplate, Caption, DateSource, SourceFormat } from '@parallax/schema';

/**
 * What source parsing (plain text, HTML, Article JSON) hands to the rest of the engine: the article's
 * parts before ids and spans exist. `buildArticle` turns it into the schema's Article, whose body is the
 * paragraphs joined by blank lines.
 */
export interface ArticleDraft {
  format: SourceFormat;
  sourcePath: string | null;
  sourceUrl: string | null;
  /** The decoded source text, hashed into Article.contentHash. */
  sourceText: string;
  headline: string | null;
  standfirst: string | null;
  byline: string | null;
  authors: string[];
  dateline: string | null;
  language: string | null;
  publishedAt: string | null;
  publishedAtSource: DateSource | null;
  outletName: string | null;
  outletDomain: string | null;
  /** The clean body, one string per paragraph, in order. */
  paragraphs: string[];
  captions: Caption[];
  credits: string[];
  boilerplate: Boilerplate[];
}

/** What a caller may know about a source from outside it (a corpus manifest, a fetched URL). */
export interface SourceHints {
  outlet?: string | null;
  publishedAt?: string | null;
  /** Where publishedAt came from when given; defaults to "manifest". */
  publishedAtSource?: DateSource;
  sourceUrl?: string | null;
}
