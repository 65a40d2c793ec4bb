import { Article, Caption, DateSource, Boilerplate, DateOrDateTime } from '@parallax/schema';
import { z } from 'zod';
import type { ArticleDraft, SourceHints } from '../draft.js';
import { dateFromHints, domainOf, guessLanguage } from './common.js';
import { describeInput, SourceError } from './errors.js';

export interface JsonOptions {
  sourcePath: string | null;
  sourceUrl?: string | null;
  hints?: SourceHints;
  /** The input's name for messages (defaults to sourcePath). */
  name?: string;
}

/**
 * What an Article JSON input may hold: a whole Article as the schema defines it, or any part of one
 * with at least a non-empty body. Ids, spans and counts are recomputed, so they are not required;
 * `outlet` (a name) is accepted because an outlet id means nothing outside its bundle.
 */
const ArticleInput = z.object({
  body: z.string().refine((s) => /\S/.test(s), { message: 'body must hold the article text' }),
  sourceUrl: z.string().nullable().optional(),
  headline: z.string().nullable().optional(),
  standfirst: z.string().nullable().optional(),
  byline: z.string().nullable().optional(),
  authors: z.array(z.string()).optional(),
  dateline: z.string().nullable().optional(),
  language: z.string().nullable().optional(),
  publishedAt: DateOrDateTime.nullable().optional(),
  publishedAtSource: DateSource.nullable().optional(),
  outlet: z.string().nullable().optional(),
  outletName: z.string().nullable().optional(),
  paragraphs: z.array(z.object({ start: z.int().min(0), end: z.int().min(0) })).optional(),
  captions: z.array(Caption).optional(),
  credits: z.array(z.string()).optional(),
  boilerplate: z.array(Boilerplate).optional(),
});

function paragraphsOf(body: string, spans: ReadonlyArray<{ start: number; end: number }> | undefined): string[] {
  if (spans && spans.length > 0 && spans.every((s) => s.start <= s.end && s.end <= body.length)) {
    const out = spans.map((s) => body.slice(s.start, s.end).trim()).filter((p) => p.length > 0);
    if (out.length > 0) return out;
  }
  return body
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Whether a parsed JSON value is an object that looks like an Article (has a string body). */
export function isArticleJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'body' in value;
}

/**
 * An Article JSON document (the schema's Article, or a partial one with at least a body) to an
 * ArticleDraft. Throws SourceError 'parse' for text that is not JSON and 'invalid' naming the bad
 * fields.
 */
export function parseArticleJson(text: string, options: JsonOptions): ArticleDraft {
  const name = options.name ?? options.sourcePath ?? '-';
  const input = describeInput(name);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new SourceError('parse', name, `${input} is not valid JSON (${(err as Error).message}). Fix the JSON, or give the article as plain text.`);
  }
  const parsed = ArticleInput.safeParse(value);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => (i.path.length > 0 ? i.path.join('.') : '(document)')))];
    const detail = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(document)'}: ${i.message}`)
      .join('; ');
    throw new SourceError('invalid', name, `${input} is not an Article: bad field${fields.length > 1 ? 's' : ''} ${fields.join(', ')} (${detail}). An Article JSON needs at least a "body" string.`);
  }
  const a = parsed.data;
  // A whole Article keeps its own sourcePath only when the caller has none.
  const full = Article.safeParse(value);
  const sourceUrl = a.sourceUrl ?? options.sourceUrl ?? options.hints?.sourceUrl ?? null;
  const paragraphs = paragraphsOf(a.body, a.paragraphs);
  const hinted = dateFromHints(options.hints);
  const publishedAt = a.publishedAt ?? hinted?.publishedAt ?? null;
  const publishedAtSource = publishedAt === null ? null : a.publishedAt ? (a.publishedAtSource ?? 'metadata') : (hinted?.publishedAtSource ?? null);
  const outletName = options.hints?.outlet?.trim() || a.outletName?.trim() || a.outlet?.trim() || null;
  return {
    format: 'json',
    sourcePath: options.sourcePath ?? (full.success ? full.data.sourcePath : null),
    sourceUrl,
    sourceText: text,
    headline: a.headline ?? null,
    standfirst: a.standfirst ?? null,
    byline: a.byline ?? null,
    authors: a.authors ?? [],
    dateline: a.dateline ?? null,
    language: a.language ?? guessLanguage(paragraphs),
    publishedAt,
    publishedAtSource,
    outletName,
    outletDomain: domainOf(sourceUrl),
    paragraphs,
    captions: a.captions ?? [],
    credits: a.credits ?? [],
    boilerplate: a.boilerplate ?? [],
  };
}
