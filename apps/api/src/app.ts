import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express, type RequestHandler, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Problem } from '@parallax/schema';
import type { Store } from '@parallax/store';
import type { Logger } from 'pino';
import type { ZodType } from 'zod';
import type { Ingest, Remove } from './ingest.js';
import { HttpProblem } from './problem.js';
import { ResponseCache, etagOf, type CachedResponse } from './response-cache.js';
import { routes } from './routes.js';

/** What the app needs: the store, the ingest function, and its settings. server.ts builds these from the environment. */
export interface AppDeps {
  store: Store;
  /** Called by POST /api/articles: pipelineIngest in the server (extract, save, link). */
  ingest: Ingest;
  /** Called by DELETE /api/articles/:id: pipelineRemove in the server (delete, re-link the story it leaves). */
  remove: Remove;
  /** Bearer token for writes (POST, DELETE). Without one, writes answer 403. */
  token?: string | undefined;
  /** When true, reads need the token too. */
  protectReads?: boolean;
  /** Origins CORS allows ("*" for any); none: no CORS headers. */
  corsOrigins?: readonly string[];
  /** Largest request body accepted, e.g. "10mb". */
  bodyLimit?: string;
  /** Writes allowed per client IP per window. */
  writeRate?: { limit: number; windowMs: number };
  /** Trust X-Forwarded-* (behind a reverse proxy): client IPs for rate limiting come from it. */
  trustProxy?: boolean;
  /** How long GET responses are served from memory (0: never); any write through this app clears them. */
  cacheMs?: number;
  /** Structured request and error logs; nothing is logged without one. */
  logger?: Logger;
  version?: string;
}

function problemBody(status: number, title: string, instance: string, detail?: string, errors?: Problem['errors']): Problem {
  return { type: 'about:blank', title, status, instance, ...(detail ? { detail } : {}), ...(errors ? { errors } : {}) };
}

function parseInput(schema: ZodType | undefined, value: unknown, where: 'params' | 'query' | 'body'): unknown {
  if (!schema) return where === 'body' ? undefined : {};
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw HttpProblem.fromZod(where, parsed.error);
  return parsed.data;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Checks `Authorization: Bearer <token>` in constant time: both sides are hashed to 32 bytes first, so
 * neither the comparison nor a length check leaks how much of the token a guess got right.
 */
export function bearerGuard(token: string | undefined): RequestHandler {
  const expected = token ? sha256(token) : null;
  return (req, res, next) => {
    if (!expected) return next(new HttpProblem(403, 'Forbidden', 'Writes are disabled: the server has no PARALLAX_API_TOKEN configured.'));
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.get('authorization') ?? '');
    if (!match || !timingSafeEqual(sha256(match[1]!), expected)) {
      res.setHeader('www-authenticate', 'Bearer realm="parallax"');
      return next(new HttpProblem(401, 'Unauthorized', match ? 'The bearer token is not the configured one.' : 'This request needs an Authorization: Bearer <token> header.'));
    }
    next();
  };
}

const isWrite = (method: string) => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';

/** A thrown error as problem details, or null when it is unexpected (a 500). */
function knownProblem(error: unknown, bodyLimit: string): Omit<Problem, 'instance' | 'type'> | null {
  if (error instanceof HttpProblem) return { status: error.status, title: error.title, ...(error.detail ? { detail: error.detail } : {}), ...(error.errors ? { errors: error.errors } : {}) };
  if (!error || typeof error !== 'object') return null;
  const e = error as { type?: unknown; name?: unknown; code?: unknown; message?: unknown };
  if (e.type === 'entity.too.large') return { status: 413, title: 'Content Too Large', detail: `The request body is larger than the limit (${bodyLimit}).` };
  if (e.type === 'entity.parse.failed') return { status: 400, title: 'Invalid JSON', detail: 'The request body is not valid JSON.' };
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return { status: 415, title: 'Unsupported Media Type', detail: String(e.message) };
  if (e.name === 'InvalidCursorError') {
    return { status: 400, title: 'Invalid request', detail: 'The cursor is not one this list handed out.', errors: [{ path: 'query.cursor', message: String(e.message) }] };
  }
  // The analysis engine's SourceError: the input is not something it can read as an article.
  if (e.name === 'SourceError' && typeof e.code === 'string') {
    if (e.code === 'too-large') return { status: 413, title: 'Content Too Large', detail: String(e.message) };
    if (e.code === 'fetch') return { status: 502, title: 'Bad Gateway', detail: String(e.message) };
    return { status: 422, title: 'Unprocessable Content', detail: String(e.message) };
  }
  return null;
}

/** The Express application: security headers, CORS, logs, auth and rate limits on writes, the routes of routes.ts, problem-details errors. `server.ts` is what listens. */
export function createApp(deps: AppDeps): Express {
  const bodyLimit = deps.bodyLimit ?? '10mb';
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  if (deps.trustProxy) app.set('trust proxy', true);
  app.use(helmet());
  if (deps.corsOrigins?.length) {
    app.use(
      cors({
        origin: deps.corsOrigins.includes('*') ? '*' : [...deps.corsOrigins],
        methods: ['GET', 'HEAD', 'POST', 'DELETE'],
        allowedHeaders: ['authorization', 'content-type', 'if-none-match'],
        exposedHeaders: ['etag', 'ratelimit', 'ratelimit-policy', 'retry-after'],
        maxAge: 600,
      }),
    );
  }
  const { logger } = deps;
  if (logger) {
    app.use((req, res, next) => {
      const started = performance.now();
      const given = req.get('x-request-id');
      const id = given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      res.on('finish', () => {
        logger.info({ id, method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round((performance.now() - started) * 100) / 100 }, 'request');
      });
      next();
    });
  }
  // Clients may cache reads but must revalidate them (ETag / If-None-Match answers 304).
  app.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') res.setHeader('cache-control', 'no-cache');
    next();
  });
  // Writes: limited per client, then the token, then (only then) the body is read.
  const limiter = rateLimit({
    windowMs: deps.writeRate?.windowMs ?? 60_000,
    limit: deps.writeRate?.limit ?? 60,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next, options) => next(new HttpProblem(429, 'Too Many Requests', `At most ${options.limit} writes per ${Math.round(options.windowMs / 1000)} s from one client; retry later.`)),
  });
  const guard = bearerGuard(deps.token);
  app.use((req, res, next) => {
    if (isWrite(req.method)) return limiter(req, res, (error?: unknown) => (error ? next(error) : guard(req, res, next)));
    if (deps.protectReads && req.method !== 'OPTIONS') return guard(req, res, next);
    next();
  });
  app.use(express.json({ limit: bodyLimit }));

  // Every route comes from the table in routes.ts: its params, query and body are parsed with the
  // route's zod schemas (400 problem details naming the bad fields), then its handler runs. JSON bodies
  // are serialized once, given a strong ETag (If-None-Match answers 304), and GET responses are kept
  // in the response cache for cacheMs.
  const cache = new ResponseCache(deps.cacheMs ?? 0);
  const send = (res: Response, entry: CachedResponse) => {
    res.setHeader('etag', entry.etag);
    res.type('application/json').send(entry.body);
  };
  for (const route of routes) {
    const cacheable = route.method === 'get' && route.cache !== false && cache.ttlMs > 0;
    app[route.method](route.path, async (req, res) => {
      if (cacheable) {
        const hit = cache.get(req.originalUrl);
        if (hit) return send(res, hit);
      }
      const input = {
        params: parseInput(route.params, req.params, 'params'),
        query: parseInput(route.query, req.query, 'query'),
        body: parseInput(route.body, req.body, 'body'),
      };
      // The route's status, unless the handler chooses another (200 beside 201, 503).
      res.status(route.status ?? 200);
      const result = await route.handler(input, { deps, req, res });
      if (route.method !== 'get') cache.clear();
      if (res.headersSent) return;
      if (result === undefined) return void res.status(route.status ?? 204).end();
      const body = Buffer.from(JSON.stringify(result), 'utf8');
      send(res, cacheable && res.statusCode === 200 ? cache.set(req.originalUrl, body) : { body, etag: etagOf(body), expires: 0 });
    });
  }

  app.use((req, _res, next) => next(new HttpProblem(404, 'Not Found', `No route for ${req.method} ${req.path}.`)));

  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    const known = knownProblem(error, bodyLimit);
    if (!known) logger?.error({ err: error, method: req.method, url: req.originalUrl }, 'unexpected error');
    else if (known.status >= 500) logger?.warn({ method: req.method, url: req.originalUrl, status: known.status, detail: known.detail }, 'upstream problem');
    // Unexpected errors are logged server-side; clients get no stack trace and no message.
    const p = known ?? { status: 500, title: 'Internal Server Error', detail: 'Something went wrong on our side.' };
    const problem = problemBody(p.status, p.title, req.originalUrl, p.detail, p.errors);
    if (res.headersSent) return void res.end();
    res.setHeader('cache-control', 'no-store');
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  };
  app.use(onError);
  return app;
}
