// The API's route table: every route as data (method, path, summary, zod schemas of its params,
// query, body and response, and its handler). app.ts registers and validates from it; the API
// reference (docs/api.md, `npm run docs -w @parallax/tools`) and the OpenAPI document
// (openapi.ts, GET /api/openapi.json) are generated from it, so a route exists in one place only.
// Keep this module free of side effects: the generators import it. Request and response shapes come
// from @parallax/schema; only shapes no other program needs are defined here.
import type { Request, Response } from 'express';
import {
  ArticleDetail,
  ArticleListQuery,
  ArticlePage,
  ArticleVersions,
  ClaimGroupDetail,
  ClaimGroupListQuery,
  ClaimGroupPage,
  ClaimListQuery,
  ClaimPage,
  EntityDetail,
  EntityListQuery,
  EntityPage,
  Health,
  IdParams,
  IngestRequest,
  IngestResponse,
  QuoteListQuery,
  QuotePage,
  Ready,
  SCHEMA_VERSION,
  SearchQuery,
  SearchResponse,
  StatementDetail,
  StoryDetail,
  StoryListQuery,
  StoryPage,
  jsonSchemaModels,
  toJsonSchema,
  type JsonSchemaName,
} from '@parallax/schema';
import { z } from 'zod';
import type { AppDeps } from './app.js';
import { renderDocsPage } from './docs-page.js';
import { buildOpenApi } from './openapi.js';
import { HttpProblem } from './problem.js';
import { allPages, filteredPage, filterWords, matchesWords } from './paging.js';
import { claimGroupDetail, entityDetail, statementDetail, storyDetail, summariseStories } from './views.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a handler gets besides its validated input. */
export interface RouteContext {
  deps: AppDeps;
  req: Request;
  res: Response;
}

/** The validated (parsed, defaults applied) request parts. */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

type EmptyObject = z.ZodObject<{}>;

/** An error response a route documents: every error body is a Problem (RFC 9457). */
export interface RouteError {
  status: number;
  /** When it happens. */
  description: string;
}

export interface RouteSpec<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  method: HttpMethod;
  /** Express path syntax: `/api/articles/:id`; named wildcards only (`/*path`). */
  path: `/${string}`;
  /** One line, imperative or descriptive: shown in the route index and as the OpenAPI summary. */
  summary: string;
  /** Longer notes (pagination, errors, caching), when the summary is not enough. */
  description?: string;
  /** Groups routes in the reference (and OpenAPI tags). */
  tags?: readonly string[];
  /** Path parameters, an object schema keyed by the `:name`s of `path`. */
  params?: P;
  /** Query parameters, an object schema; unknown parameters are dropped. */
  query?: Q;
  /** JSON request body. */
  body?: B;
  /** The success response body. */
  response: R;
  /** Success status; 200 unless set (204 when the handler returns nothing). A handler may set another with ctx.res.status() before returning. */
  status?: number;
  /** Other success statuses a handler sets itself (same body shape), e.g. 200 beside 201. */
  otherStatuses?: readonly RouteError[];
  /** Whether GET responses may be served from the app's response cache (default true; false for live state). */
  cache?: boolean;
  /** Media type of the success response; application/json unless set (the handler then writes it itself). */
  produces?: 'application/json' | 'text/html';
  /** Error statuses this route answers on purpose (besides 400 for invalid input), as problem details. */
  errors?: readonly RouteError[];
  /** Returns the response body (app.ts sends it as JSON), or writes to ctx.res itself and returns undefined. */
  handler(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>, ctx: RouteContext): z.output<R> | undefined | Promise<z.output<R> | undefined>;
}

/** Types one route: params, query and body reach the handler parsed, and its return value is checked against `response`. */
export function defineRoute<P extends z.ZodType = EmptyObject, Q extends z.ZodType = EmptyObject, B extends z.ZodType = z.ZodUndefined, R extends z.ZodType = z.ZodType>(
  spec: RouteSpec<P, Q, B, R>,
): RouteSpec<P, Q, B, R> {
  return spec;
}

// Shapes only this API has and the schema package does not define.
const SchemaIndex = z
  .object({
    schemaVersion: z.int().describe('Version of the Parallax schema the API serves.'),
    records: z.array(z.string()).describe('The record names, each served at GET /api/schema/:name.'),
  })
  .describe('Response of GET /api/schema: the records that have a JSON Schema.');

const SchemaParams = z
  .object({
    name: z.string().min(1).describe('A record name listed by GET /api/schema, e.g. "quote"; a trailing ".json" is accepted.'),
  })
  .describe('Path parameters of GET /api/schema/:name.');

const JsonSchemaDocument = z
  .record(z.string(), z.unknown())
  .describe('A JSON Schema (draft 2020-12) document describing the record as consumers receive it (output mode).');

const OpenApiDocument = z.record(z.string(), z.unknown()).describe('The OpenAPI 3.1 document of this API, generated from the route table and the schema package.');
const HtmlPage = z.string().describe('A self-contained HTML page (no scripts, nothing fetched from elsewhere).');
const NoContent = z.void().describe('No content.');

const health = (ctx: RouteContext): Health => ({ status: 'ok', version: ctx.deps.version ?? '0.1.0' });

function notFound(kind: string, id: string): never {
  throw new HttpProblem(404, 'Not Found', `No ${kind} has id "${id}".`);
}

const notFoundError = (kind: string): RouteError => ({ status: 404, description: `No ${kind} has that id.` });

/** The OpenAPI document and docs page are made once per route table and version. */
const generated = new Map<string, { openapi: Record<string, unknown>; html: string }>();
function documents(version: string): { openapi: Record<string, unknown>; html: string } {
  let docs = generated.get(version);
  if (!docs) {
    const openapi = buildOpenApi(routes, { version });
    docs = { openapi, html: renderDocsPage(openapi) };
    generated.set(version, docs);
  }
  return docs;
}

/** Every route of the API, in the order they are registered and documented. */
export const routes: readonly RouteSpec[] = [
  defineRoute({
    method: 'get',
    path: '/api/health',
    summary: 'Liveness: the process is up and answering.',
    tags: ['service'],
    response: Health,
    cache: false,
    handler: (_input, ctx) => health(ctx),
  }),
  defineRoute({
    method: 'get',
    path: '/api/ready',
    summary: 'Readiness: the store answers, so the service can serve requests.',
    description: 'Answers 503 with status "unavailable" when the store does not answer.',
    tags: ['service'],
    response: Ready,
    cache: false,
    otherStatuses: [{ status: 503, description: 'The store does not answer.' }],
    handler: async (_input, ctx) => {
      const { store } = ctx.deps;
      let articles: number | null = null;
      try {
        articles = (await store.stats()).articles;
      } catch (error) {
        ctx.deps.logger?.error({ err: error }, 'readiness check: the store does not answer');
      }
      const body: Ready = { status: articles === null ? 'unavailable' : 'ok', version: ctx.deps.version ?? '0.1.0', store: store.kind, articles };
      ctx.res.setHeader('cache-control', 'no-store');
      if (articles === null) ctx.res.status(503);
      return body;
    },
  }),

  // ---- stories ----
  defineRoute({
    method: 'get',
    path: '/api/stories',
    summary: 'List stories with their outlets, dates and counts.',
    description: 'Ordered by id (stable for paging); `q` keeps the stories whose title has every word.',
    tags: ['stories'],
    query: StoryListQuery,
    response: StoryPage,
    errors: [{ status: 400, description: 'A parameter is invalid, or the cursor is not one this list handed out.' }],
    handler: async ({ query }, ctx) => {
      const { store } = ctx.deps;
      const words = query.q ? filterWords(query.q) : [];
      const page = await filteredPage((p) => store.listStories(p), (s) => matchesWords(words, [s.title]), query);
      return { items: await summariseStories(store, page.items), nextCursor: page.nextCursor };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/stories/:id',
    summary: 'Get one story: coverage matrix, timeline, digest, articles, outlets, people, statements and claim groups.',
    tags: ['stories'],
    params: IdParams,
    response: StoryDetail,
    errors: [notFoundError('story')],
    handler: async ({ params }, ctx) => {
      const story = (await ctx.deps.store.getStory(params.id)) ?? notFound('story', params.id);
      return storyDetail(ctx.deps.store, story);
    },
  }),

  // ---- articles ----
  defineRoute({
    method: 'get',
    path: '/api/articles',
    summary: 'List current articles, filtered by story, outlet and publication date, sorted.',
    tags: ['articles'],
    query: ArticleListQuery,
    response: ArticlePage,
    errors: [{ status: 400, description: 'A parameter is invalid, or the cursor is not one this list handed out.' }],
    handler: ({ query }, ctx) => ctx.deps.store.listArticles(query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/articles/:id',
    summary: 'Get one article with its body, outlet, and its quotes and claims as spans of the body.',
    tags: ['articles'],
    params: IdParams,
    response: ArticleDetail,
    errors: [notFoundError('article')],
    handler: async ({ params }, ctx) => {
      const { store } = ctx.deps;
      const article = (await store.getArticle(params.id)) ?? notFound('article', params.id);
      const [outlet, quotes, claims] = await Promise.all([
        article.outletId ? store.getOutlet(article.outletId) : Promise.resolve(null),
        allPages((p) => store.getQuotes({ ...p, articleId: article.id })),
        allPages((p) => store.getClaims({ ...p, articleId: article.id })),
      ]);
      return { article, outlet, quotes, claims };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/articles/:id/versions',
    summary: "List every stored version of an article's lineage (same source path or URL), oldest first.",
    tags: ['articles'],
    params: IdParams,
    response: ArticleVersions,
    errors: [notFoundError('article')],
    handler: async ({ params }, ctx) => {
      const { store } = ctx.deps;
      if (!(await store.getArticle(params.id))) notFound('article', params.id);
      const [first, ...rest] = await store.listVersions(params.id);
      if (!first) notFound('article', params.id);
      return { articleId: params.id, versions: [first, ...rest] };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/articles',
    summary: 'Ingest one article from text, HTML or a URL: extract it, link it and store it.',
    description:
      'Needs `Authorization: Bearer <token>`. Answers 201 when the article is new, 200 when it was already stored (unchanged) or is a new version of a stored one (updated).',
    tags: ['articles'],
    body: IngestRequest,
    response: IngestResponse,
    status: 201,
    otherStatuses: [{ status: 200, description: 'The article was already stored (status "unchanged") or replaced an older version (status "updated").' }],
    errors: [
      { status: 422, description: 'The source cannot be read as an article (empty, not text, or not an article).' },
      { status: 413, description: 'The source (a fetched page) is over the size limit for one article.' },
      { status: 502, description: 'The URL could not be fetched: unreachable, an error answer, too many redirects, or no answer in time.' },
    ],
    handler: async ({ body }, ctx) => {
      const result = await ctx.deps.ingest(body);
      ctx.res.status(result.status === 'added' ? 201 : 200);
      return result;
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/articles/:id',
    summary: 'Delete one article version with its quotes and claims; the previous version becomes current, and the story it leaves is re-linked.',
    description: 'Needs `Authorization: Bearer <token>`.',
    tags: ['articles'],
    params: IdParams,
    response: NoContent,
    status: 204,
    errors: [notFoundError('article')],
    handler: async ({ params }, ctx) => {
      if (!(await ctx.deps.remove(params.id))) notFound('article', params.id);
      return undefined;
    },
  }),

  // ---- quotes, statements ----
  defineRoute({
    method: 'get',
    path: '/api/quotes',
    summary: 'List quotes of current articles by speaker, story, outlet and kind.',
    description: 'Article by article, in body order.',
    tags: ['quotes'],
    query: QuoteListQuery,
    response: QuotePage,
    errors: [{ status: 400, description: 'A parameter is invalid, or the cursor is not one this list handed out.' }],
    handler: ({ query }, ctx) => ctx.deps.store.getQuotes(query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/statements/:id',
    summary: "Get one statement: every outlet's rendering, their quotes and articles, and the word alignment.",
    tags: ['quotes'],
    params: IdParams,
    response: StatementDetail,
    errors: [notFoundError('statement')],
    handler: async ({ params }, ctx) => {
      const statement = (await ctx.deps.store.getStatement(params.id)) ?? notFound('statement', params.id);
      return statementDetail(ctx.deps.store, statement);
    },
  }),

  // ---- claims ----
  defineRoute({
    method: 'get',
    path: '/api/claims',
    summary: 'List claims of current articles by story, outlet, article, kind and claim group.',
    description: 'Article by article, in body order. Filter claim groups by status with GET /api/claim-groups.',
    tags: ['claims'],
    query: ClaimListQuery,
    response: ClaimPage,
    errors: [{ status: 400, description: 'A parameter is invalid, or the cursor is not one this list handed out.' }],
    handler: ({ query }, ctx) =>
      ctx.deps.store.getClaims({ story: query.story, outlet: query.outlet, articleId: query.article, kind: query.kind, clusterId: query.group, limit: query.limit, cursor: query.cursor }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/claim-groups',
    summary: 'List claim groups by story and status (corroborated, contested, single-source).',
    tags: ['claims'],
    query: ClaimGroupListQuery,
    response: ClaimGroupPage,
    errors: [{ status: 400, description: 'A parameter is invalid, or the cursor is not one this list handed out.' }],
    handler: ({ query }, ctx) => ctx.deps.store.listClaimGroups(query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/claim-groups/:id',
    summary: 'Get one claim group with its claims side by side, their articles and outlets.',
    tags: ['claims'],
    params: IdParams,
    response: ClaimGroupDetail,
    errors: [notFoundError('claim group')],
    handler: async ({ params }, ctx) => {
      const group = (await ctx.deps.store.getClaimGroup(params.id)) ?? notFound('claim group', params.id);
      return claimGroupDetail(ctx.deps.store, group);
    },
  }),

  // ---- entities ----
  defineRoute({
    method: 'get',
    path: '/api/entities',
    summary: 'List people, organisations and groups by name, filtered by name words and kind.',
    tags: ['entities'],
    query: EntityListQuery,
    response: EntityPage,
    errors: [{ status: 400, description: 'A parameter is invalid, or the cursor is not one this list handed out.' }],
    handler: async ({ query }, ctx) => {
      const { store } = ctx.deps;
      if (!query.q && !query.kind) return store.listEntities(query);
      const words = query.q ? filterWords(query.q) : [];
      return filteredPage((p) => store.listEntities(p), (e) => (!query.kind || e.kind === query.kind) && matchesWords(words, [e.name, ...e.aliases, ...e.roles]), query);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/entities/:id',
    summary: 'Get one entity with everything it said across stories: quotes, statements, articles and stories.',
    tags: ['entities'],
    params: IdParams,
    response: EntityDetail,
    errors: [notFoundError('entity')],
    handler: async ({ params }, ctx) => {
      const entity = (await ctx.deps.store.getEntity(params.id)) ?? notFound('entity', params.id);
      return entityDetail(ctx.deps.store, entity);
    },
  }),

  // ---- search ----
  defineRoute({
    method: 'get',
    path: '/api/search',
    summary: 'Full-text search over current articles, quotes and claims, best first.',
    description: 'Every word of `q` is required; matched words are wrapped in [[ and ]] in each snippet.',
    tags: ['search'],
    query: SearchQuery,
    response: SearchResponse,
    handler: async ({ query }, ctx) => ({ hits: await ctx.deps.store.search(query) }),
  }),

  // ---- schema and documentation ----
  defineRoute({
    method: 'get',
    path: '/api/schema',
    summary: 'List the records that have a JSON Schema.',
    tags: ['schema'],
    response: SchemaIndex,
    handler: () => ({ schemaVersion: SCHEMA_VERSION, records: Object.keys(jsonSchemaModels) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/schema/:name',
    summary: "Get one record's JSON Schema.",
    tags: ['schema'],
    params: SchemaParams,
    response: JsonSchemaDocument,
    errors: [{ status: 404, description: 'No record has that name.' }],
    handler: ({ params }) => {
      const name = params.name.replace(/\.json$/, '');
      if (!Object.hasOwn(jsonSchemaModels, name)) throw new HttpProblem(404, 'Not Found', `No record named "${name}". GET /api/schema lists them.`);
      return toJsonSchema(name as JsonSchemaName);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/openapi.json',
    summary: 'The OpenAPI 3.1 document of this API.',
    tags: ['schema'],
    response: OpenApiDocument,
    handler: (_input, ctx) => documents(ctx.deps.version ?? '0.1.0').openapi,
  }),
  defineRoute({
    method: 'get',
    path: '/api/docs',
    summary: 'Browsable API documentation (HTML), rendered from the OpenAPI document.',
    tags: ['schema'],
    response: HtmlPage,
    produces: 'text/html',
    handler: (_input, ctx) => {
      ctx.res.type('html').send(documents(ctx.deps.version ?? '0.1.0').html);
      return undefined;
    },
  }),
];

