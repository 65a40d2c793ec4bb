// What POST and DELETE /api/articles call. The app takes `Ingest` and `Remove` functions as dependencies:
// server.ts and the tests pass pipelineIngest and pipelineRemove (the pipeline's ingestSource: extract, save, and with a linker re-link the
// stories the article touches).
import { ingestSource, removeArticle, type Linker } from '@parallax/pipeline';
import type { IngestRequest, IngestResponse } from '@parallax/schema';
import type { Store } from '@parallax/store';
import { allPages } from './paging.js';

/** One source to ingest: exactly one of text, html or url, and a name to record (the body of POST /api/articles). */
export type IngestSource = IngestRequest;

export type Ingest = (source: IngestSource) => Promise<IngestResponse>;

/** What DELETE /api/articles/:id calls: false when no such article is stored. */
export type Remove = (articleId: string) => Promise<boolean>;

export interface FetchOptions {
  /** Abort a URL fetch after this long (default 15 s). */
  timeoutMs?: number;
  /** Largest page accepted (default 20 MB). */
  maxBytes?: number;
  /** Fetch URLs on loopback and private networks too (default false: public addresses only, so a client cannot make the server reach its internal network). */
  allowPrivateUrls?: boolean;
}

/**
 * Ingest through @parallax/pipeline's ingestSource: extract, save, and (with `link`) re-link the stories
 * the article touches. The answer is read back from the store, so after linking it carries the article's
 * story and its quotes' statements.
 */
export function pipelineIngest(store: Store, options: FetchOptions & { link?: Linker | undefined } = {}): Ingest {
  return async (source) => {
    const single = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined)) as { text?: string; html?: string; url?: string; sourcePath?: string };
    const { status, records } = await ingestSource(store, single, {
      ...(options.link ? { link: options.link } : {}),
      fetch: { publicOnly: !options.allowPrivateUrls, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) },
      ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
    });
    const id = records.article.id;
    const [article, quotes, claims] = await Promise.all([store.getArticle(id), allPages((p) => store.getQuotes({ ...p, articleId: id })), allPages((p) => store.getClaims({ ...p, articleId: id }))]);
    return { status, article: article ?? records.article, quotes, claims };
  };
}

/** Delete through @parallax/pipeline's removeArticle: with `link`, the story the article leaves is re-linked. */
export function pipelineRemove(store: Store, options: { link?: Linker | undefined } = {}): Remove {
  return (id) => removeArticle(store, id, options.link ? { link: options.link } : {});
}
