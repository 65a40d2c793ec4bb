// The API's route table: every route as data (method, path, summary, zod schemas of its params,
// query, body and response, and its handler). app.ts registers and validates from it; the API
// reference (docs/api.md, `npm run docs -w @parallax/tools`) and later the OpenAPI document are
// generated from it, so a route exists in one place only. Keep this module free of side effects:
// the generators import it.
import type { Request, Response } from 'express';
import { Health, SCHEMA_VERSION, jsonSchemaModels, toJsonSchema, type JsonSchemaName } from '@parallax/schema';
import { z } from 'zod';
import type { AppOptions } from './app.js';
import { HttpProblem } from './problem.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a handler gets besides its validated input. */
export interface RouteContext {
  options: AppOptions;
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
  /** Success status; 200 unless set (204 when the handler returns nothing). */
  status?: number;
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

const health = (ctx: RouteContext): Health => ({ status: 'ok', version: ctx.options.version ?? '0.1.0' });

/** Every route of the API, in the order they are registered and documented. */
export const routes: readonly RouteSpec[] = [
  defineRoute({
    method: 'get',
    path: '/api/health',
    summary: 'Liveness: the process is up and answering.',
    tags: ['service'],
    response: Health,
    handler: (_input, ctx) => health(ctx),
  }),
  defineRoute({
    method: 'get',
    path: '/api/ready',
    summary: 'Readiness: the service can serve requests.',
    tags: ['service'],
    response: Health,
    handler: (_input, ctx) => health(ctx),
  }),
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
      if (!(name in jsonSchemaModels)) throw new HttpProblem(404, 'Not Found', `No record named "${name}". GET /api/schema lists them.`);
      return toJsonSchema(name as JsonSchemaName);
    },
  }),
];
