import { Article, hashHex, makeId, type Outlet } from '@parallax/schema';
import type { ArticleDraft } from './draft.js';
import { countWords } from './source/lines.js';
import { isWhiteSpace } from './text/chars.js';

/** An outlet name folded for identity: case, accents, punctuation, a leading "The" and spacing. */
export function normaliseOutletName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** The outlet id for a name: the same outlet under small spelling differences gets the same id. */
export function outletIdFor(name: string): string {
  return makeId('outlet', normaliseOutletName(name));
}

/**
 * An ArticleDraft to the schema's Article (and its Outlet when the draft names one): the body is the
 * paragraphs joined by blank lines, with each paragraph's span; ids are content hashes, so the same
 * draft always gives the same ids. The result passes Article.parse().
 */
export function buildArticle(draft: ArticleDraft): { article: Article; outlet: Outlet | null } {
  const paragraphs: Array<{ start: number; end: number }> = [];
  const texts: string[] = [];
  let length = 0;
  for (const p of draft.paragraphs) {
    // Most paragraphs arrive trimmed: trim() would copy each one all the same.
    const text = p.length > 0 && !isWhiteSpace(p.charCodeAt(0)) && !isWhiteSpace(p.charCodeAt(p.length - 1)) ? p : p.trim();
    if (text.length === 0) continue;
    if (length > 0) length += 2;
    paragraphs.push({ start: length, end: length + text.length });
    texts.push(text);
    length += text.length;
  }
  // One join gives a flat string; appending piece by piece built a rope that every later scan walked.
  const body = texts.join('\n\n');
  const outletName = draft.outletName?.trim() || null;
  const outlet: Outlet | null = outletName ? { id: outletIdFor(outletName), name: outletName, domain: draft.outletDomain } : null;
  const headline = draft.headline?.trim() || null;
  const article = Article.parse({
    id: makeId('article', outlet ? normaliseOutletName(outlet.name) : null, headline, hashHex(body)),
    sourcePath: draft.sourcePath,
    sourceUrl: draft.sourceUrl,
    format: draft.format,
    contentHash: hashHex(draft.sourceText),
    outletId: outlet?.id ?? null,
    headline,
    standfirst: draft.standfirst?.trim() || null,
    byline: draft.byline?.trim() || null,
    authors: draft.authors,
    dateline: draft.dateline,
    language: draft.language,
    publishedAt: draft.publishedAt,
    publishedAtSource: draft.publishedAt === null ? null : draft.publishedAtSource,
    body,
    paragraphs,
    captions: draft.captions,
    credits: draft.credits,
    boilerplate: draft.boilerplate,
    wordCount: countWords(body),
    storyId: null,
  });
  return { article, outlet };
}
