// Records to the rows the store writes: validated against the schema, documents serialised. Pure (it
// imports no database driver), so a worker thread can prepare an article's rows while another thread
// writes: `import { prepareRecords } from '@parallax/store/rows'`. saveMany takes prepared records as
// they are and prepares plain ones itself.
import { Article, Claim, Entity, Outlet, Quote, type ArticleRecords } from '@parallax/schema';
import type { SqlValue } from './executor.js';

export type { SqlValue };

export const articleColumns = [
  'id', 'lineage', 'version', 'is_current', 'source_path', 'source_url', 'content_hash', 'outlet_id', 'story_id',
  'published_sort', 'published_date', 'headline', 'headline_sort', 'body', 'saved_at', 'doc',
] as const;
export const quoteColumns = ['id', 'article_id', 'span_start', 'span_end', 'kind', 'speaker_id', 'cluster_id', 'text', 'doc'] as const;
export const claimColumns = ['id', 'article_id', 'span_start', 'span_end', 'kind', 'cluster_id', 'text', 'doc'] as const;

/**
 * One article's records, validated, with its quote and claim rows built and its article document
 * serialised: all the per-article work of a save that does not depend on what is stored already.
 */
export interface PreparedRecords {
  prepared: true;
  article: Article;
  /** The article's JSON document (every field but body and storyId, which have columns of their own). */
  articleDoc: string;
  outlet: Outlet | null;
  entities: Entity[];
  /** Rows in quoteColumns order. */
  quoteRows: SqlValue[][];
  /** Rows in claimColumns order. */
  claimRows: SqlValue[][];
}

export function isPrepared(records: ArticleRecords | PreparedRecords): records is PreparedRecords {
  return (records as PreparedRecords).prepared === true;
}

/** Validate one article's records (each against its schema, each quote and claim against its article) and build its rows. */
export function prepareRecords(records: ArticleRecords): PreparedRecords {
  const article = Article.parse(records.article);
  const quotes = records.quotes.map((x) => Quote.parse(x));
  const claims = records.claims.map((x) => Claim.parse(x));
  for (const r of [...quotes, ...claims]) {
    if (r.articleId !== article.id) throw new Error(`${r.id} belongs to ${r.articleId}, not to ${article.id}`);
  }
  const { body: _body, storyId: _storyId, ...rest } = article;
  return {
    prepared: true,
    article,
    articleDoc: JSON.stringify(rest),
    outlet: records.outlet === null ? null : Outlet.parse(records.outlet),
    entities: records.entities.map((e) => Entity.parse(e)),
    quoteRows: quotes.map(quoteRow),
    claimRows: claims.map(claimRow),
  };
}

/** An article's row, given what the store decided: its lineage, version and save time. */
export function articleRow(a: Article, doc: string, lineage: string, version: number, savedAt: string): SqlValue[] {
  return [
    a.id, lineage, version, 1, a.sourcePath, a.sourceUrl, a.contentHash, a.outletId, a.storyId,
    a.publishedAt ?? '', a.publishedAt?.slice(0, 10) ?? null, a.headline, (a.headline ?? '').toLowerCase(), a.body, savedAt,
    doc,
  ];
}

function quoteRow(q: Quote): SqlValue[] {
  const { text, clusterId, ...rest } = q;
  return [q.id, q.articleId, q.span.start, q.span.end, q.kind, q.speaker?.entityId ?? null, clusterId, text, JSON.stringify(rest)];
}

function claimRow(c: Claim): SqlValue[] {
  const { text, clusterId, ...rest } = c;
  return [c.id, c.articleId, c.span.start, c.span.end, c.kind, clusterId, text, JSON.stringify(rest)];
}
