// What POST /api/articles calls. The app takes an `Ingest` function as a dependency: server.ts passes
// pipelineIngest (the pipeline's ingestSource: extract, save, re-link the stories it touches); tests
// also use extractAndSave (extract and save, no linking).
import { extractArticle } from '@parallax/analysis';
import { ingestSource } from '@parallax/pipeline';
import type { IngestRequest, IngestResponse } from '@parallax/schema';
import type { Store } from '@parallax/store';
import { allPages } from './paging.js';
import { HttpProblem } from './problem.js';

/** One source to ingest: exactly one of text, html or url, and a name to record (the body of POST /api/articles). */
export type IngestSource = IngestRequest;

export type Ingest = (source: IngestSource) => Promise<IngestResponse>;

export interface FetchOptions {
  /** Abort a URL fetch after this long (default 15 s). */
  timeoutMs?: number;
  /** Largest page accepted (default 20 MB). */
  maxBytes?: number;
}

/** The bytes of a URL, with its content type and final URL; fetch failures become 502/504 problems. */
export async function fetchSource(url: string, options: FetchOptions = {}): Promise<{ bytes: Uint8Array; contentType: string | null; finalUrl: string }> {
  const maxBytes = options.maxBytes ?? 20 * 1024 * 1024;
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs ?? 15_000), headers: { accept: 'text/html, text/plain;q=0.9, */*;q=0.5' } });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new HttpProblem(timedOut ? 504 : 502, timedOut ? 'Gateway Timeout' : 'Bad Gateway', timedOut ? `Fetching ${url} took too long.` : `Could not fetch ${url}: ${(error as Error).message}.`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new HttpProblem(502, 'Bad Gateway', `Fetching ${url} answered HTTP ${response.status}.`);
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new HttpProblem(413, 'Content Too Large', `${url} is ${declared} bytes, over the ${maxBytes}-byte limit for one article.`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new HttpProblem(413, 'Content Too Large', `${url} is over the ${maxBytes}-byte limit for one article.`);
    chunks.push(chunk);
  }
  return { bytes: Buffer.concat(chunks), contentType: response.headers.get('content-type'), finalUrl: response.url || url };
}

/** Extract one source with @parallax/analysis and save it in the store (no cross-article linking). */
export function extractAndSave(store: Store, options: FetchOptions = {}): Ingest {
  return async (source) => {
    let records;
    if (source.url !== undefined) {
      const page = await fetchSource(source.url, options);
      records = extractArticle({ bytes: page.bytes, name: source.url, sourcePath: source.sourcePath ?? source.url, sourceUrl: page.finalUrl, contentType: page.contentType });
    } else {
      const text = source.text ?? source.html ?? '';
      const name = source.sourcePath ?? 'the request body';
      records = extractArticle({ text, name, sourcePath: source.sourcePath ?? null, ...(source.html !== undefined ? { contentType: 'text/html' } : {}) });
    }
    const status = await store.saveArticle(records);
    return { status, article: records.article, quotes: records.quotes, claims: records.claims };
  };
}

/** What re-links stories after an ingest (the pipeline's Linker): given the new or changed article ids. */
export type Linker = (store: Store, touched: readonly string[]) => Promise<{ stories: number }>;

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
      ...(options.timeoutMs ? { fetch: { timeoutMs: options.timeoutMs } } : {}),
      ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
    });
    const id = records.article.id;
    const [article, quotes, claims] = await Promise.all([store.getArticle(id), allPages((p) => store.getQuotes({ ...p, articleId: id })), allPages((p) => store.getClaims({ ...p, articleId: id }))]);
    return { status, article: article ?? records.article, quotes, claims };
  };
}
