// A small client for the Parallax HTTP API (apps/api/src/routes.ts). Every response is parsed with the
// schema package's zod schema for that route, so pages receive typed, checked records; an error response
// becomes an ApiError carrying the RFC 9457 problem details.
import {
  ArticleDetail,
  ArticleVersions,
  ClaimGroupDetail,
  EntityDetail,
  EntityPage,
  Problem,
  QuotePage,
  SearchResponse,
  StatementDetail,
  StoryDetail,
  StoryPage,
} from '@parallax/schema';
import type { z } from 'zod';

export type SearchType = 'article' | 'quote' | 'claim';

export interface SearchParams {
  q: string;
  type?: SearchType | undefined;
  story?: string | undefined;
  limit?: number | undefined;
}

/** An API call that did not answer with the expected record. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status of the API's answer; 502 when it did not answer or answered something unexpected. */
    readonly status: number,
    /** The problem details the API sent, when it sent some. */
    readonly problem: Problem | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  /** Base URL of the API, e.g. http://127.0.0.1:3001 (no trailing /api). */
  baseUrl: string;
  /** The fetch to use (SvelteKit's event.fetch in loads); the global fetch by default. */
  fetch?: typeof fetch;
  /** Give up after this many milliseconds (default 10 s). */
  timeoutMs?: number;
}

type Query = Record<string, string | number | undefined | null>;

export interface ApiClient {
  listStories(params?: { q?: string | undefined; limit?: number; cursor?: string | undefined }): Promise<StoryPage>;
  getStory(id: string): Promise<StoryDetail>;
  getArticle(id: string): Promise<ArticleDetail>;
  getArticleVersions(id: string): Promise<ArticleVersions>;
  getStatement(id: string): Promise<StatementDetail>;
  getClaimGroup(id: string): Promise<ClaimGroupDetail>;
  listEntities(params?: { q?: string | undefined; limit?: number; cursor?: string | undefined }): Promise<EntityPage>;
  getEntity(id: string): Promise<EntityDetail>;
  listQuotes(params: { speaker?: string; story?: string; limit?: number; cursor?: string | undefined }): Promise<QuotePage>;
  search(params: SearchParams): Promise<SearchResponse>;
}

/** The URL of an API path with its query (undefined, null and empty values left out). */
export function apiUrl(baseUrl: string, path: string, query: Query = {}): string {
  const url = new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  return url.href;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function get<S extends z.ZodType>(path: string, schema: S, query?: Query): Promise<z.output<S>> {
    const url = apiUrl(options.baseUrl, path, query);
    let res: Response;
    try {
      res = await doFetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (cause) {
      throw new ApiError(`The Parallax API at ${options.baseUrl} did not answer (${(cause as Error).message}).`, 502);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new ApiError(`The Parallax API answered ${path} with HTTP ${res.status} and a body that is not JSON.`, res.ok ? 502 : res.status);
    }
    if (!res.ok) {
      const problem = Problem.safeParse(body);
      const detail = problem.success ? (problem.data.detail ?? problem.data.title) : `HTTP ${res.status}`;
      throw new ApiError(detail, res.status, problem.success ? problem.data : null);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new ApiError(`The Parallax API answered ${path} with an unexpected shape (${first ? `${first.path.join('.')}: ${first.message}` : 'invalid'}).`, 502);
    }
    return parsed.data;
  }

  const id = (value: string) => encodeURIComponent(value);
  return {
    listStories: (p = {}) => get('api/stories', StoryPage, { q: p.q, limit: p.limit, cursor: p.cursor }),
    getStory: (storyId) => get(`api/stories/${id(storyId)}`, StoryDetail),
    getArticle: (articleId) => get(`api/articles/${id(articleId)}`, ArticleDetail),
    getArticleVersions: (articleId) => get(`api/articles/${id(articleId)}/versions`, ArticleVersions),
    getStatement: (statementId) => get(`api/statements/${id(statementId)}`, StatementDetail),
    getClaimGroup: (groupId) => get(`api/claim-groups/${id(groupId)}`, ClaimGroupDetail),
    listEntities: (p = {}) => get('api/entities', EntityPage, { q: p.q, limit: p.limit, cursor: p.cursor }),
    getEntity: (entityId) => get(`api/entities/${id(entityId)}`, EntityDetail),
    listQuotes: (p) => get('api/quotes', QuotePage, { speaker: p.speaker, story: p.story, limit: p.limit, cursor: p.cursor }),
    search: (p) => get('api/search', SearchResponse, { q: p.q, type: p.type, story: p.story, limit: p.limit }),
  };
}
