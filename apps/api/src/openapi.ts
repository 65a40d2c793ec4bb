// The OpenAPI 3.1 document of the API, generated from the route table and the schema package's zod
// schemas (z.toJSONSchema), so there is no second, hand-written description to drift. Every schema the
// schema package exports becomes a component (output mode: what clients receive) and responses refer to
// them; request bodies and parameters are inlined in input mode (defaulted fields optional).
import * as schemaModule from '@parallax/schema';
import { z } from 'zod';
import type { RouteSpec } from './routes.js';

type Json = Record<string, unknown>;

/** Statuses every write answers besides its own (auth, body size, rate limit). */
const WRITE_ERRORS = [
  { status: 401, description: 'No bearer token, or not the configured one.' },
  { status: 403, description: 'Writes are disabled: the server has no token configured.' },
  { status: 413, description: 'The request body is larger than the configured limit.' },
  { status: 429, description: 'Too many writes from this client; retry after the time in the RateLimit headers.' },
] as const;

const COMPONENT = '#/components/schemas/';

/** `/api/stories/:id` -> `/api/stories/{id}`; `/*path` -> `/{path}`. */
export function openApiPath(path: string): string {
  return path.replace(/[:*](\w+)/g, '{$1}');
}

/** `get /api/stories/:id` -> `getStoriesById`. */
export function operationId(route: Pick<RouteSpec, 'method' | 'path'>): string {
  const words = route.path
    .split('/')
    .filter((part) => part && part !== 'api')
    .map((part) => (/^[:*]/.test(part) ? `by-${part.slice(1)}` : part))
    .join('-')
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean);
  return route.method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

function isZod(value: unknown): value is z.ZodType {
  return value instanceof z.ZodType;
}

function strip(schema: Json): Json {
  const { $id: _id, $schema: _schema, ...rest } = schema;
  return rest;
}

const jsonSchemaOptions = { target: 'draft-2020-12', unrepresentable: 'any' } as const;

/** Inline JSON Schema of a request part (input mode). */
function inputSchema(schema: z.ZodType): Json {
  return strip(z.toJSONSchema(schema, { ...jsonSchemaOptions, io: 'input' }) as Json);
}

function describe(schema: z.ZodType): string | undefined {
  return z.globalRegistry.get(schema)?.description;
}

export interface OpenApiInfo {
  version: string;
  title?: string;
  description?: string;
}

/** The OpenAPI 3.1 document for a route table. */
export function buildOpenApi(routes: readonly RouteSpec[], info: OpenApiInfo): Json {
  // One registry built here (not the global one): every schema the package exports, by its export name,
  // then each route's response under a name of its own when the package does not name it.
  const registry = z.registry<{ id: string }>();
  const names = new Map<z.ZodType, string>();
  for (const [name, value] of Object.entries(schemaModule)) {
    if (!isZod(value) || names.has(value)) continue;
    names.set(value, name);
    registry.add(value, { id: name });
  }
  for (const route of routes) {
    if (route.status === 204 || names.has(route.response)) continue;
    const id = `${operationId(route)[0]!.toUpperCase()}${operationId(route).slice(1)}Response`;
    names.set(route.response, id);
    registry.add(route.response, { id });
  }
  const generated = z.toJSONSchema(registry, { ...jsonSchemaOptions, io: 'output', uri: (id) => `${COMPONENT}${id}` }) as { schemas: Record<string, Json> };
  const schemas = Object.fromEntries(Object.entries(generated.schemas).map(([id, s]) => [id, strip(s)]).sort(([a], [b]) => (a as string).localeCompare(b as string)));

  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: `${COMPONENT}Problem` } } } });
  const paths: Record<string, Record<string, Json>> = {};
  const tags = new Set<string>();
  for (const route of routes) {
    route.tags?.forEach((t) => tags.add(t));
    const parameters: Json[] = [];
    for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
      if (!schema) continue;
      const object = inputSchema(schema) as { properties?: Record<string, Json>; required?: string[] };
      for (const [name, property] of Object.entries(object.properties ?? {})) {
        const { description, ...rest } = property;
        parameters.push({ name, in: where, required: where === 'path' || (object.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest });
      }
    }
    const status = String(route.status ?? 200);
    const produces = route.produces ?? 'application/json';
    const responses: Record<string, Json> = {
      [status]:
        status === '204'
          ? { description: describe(route.response) ?? 'No content.' }
          : { description: describe(route.response) ?? route.summary, content: { [produces]: { schema: { $ref: `${COMPONENT}${names.get(route.response)}` } } } },
    };
    for (const extra of route.otherStatuses ?? []) responses[String(extra.status)] = { description: extra.description, content: { [produces]: { schema: { $ref: `${COMPONENT}${names.get(route.response)}` } } } };
    if (route.method === 'get' && status !== '204') responses['304'] = { description: 'Not Modified: the If-None-Match header names the current ETag.' };
    if (route.params || route.query || route.body) responses['400'] = problem('A parameter or the body is invalid; `errors` names each bad field.');
    for (const e of route.errors ?? []) responses[String(e.status)] = problem(e.description);
    const write = route.method !== 'get';
    if (write) for (const e of WRITE_ERRORS) responses[String(e.status)] ??= problem(e.description);
    responses['500'] = problem('Something went wrong on the server (no details are sent).');
    const operation: Json = {
      operationId: operationId(route),
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      ...(route.tags?.length ? { tags: [...route.tags] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, ...(describe(route.body) ? { description: describe(route.body) } : {}), content: { 'application/json': { schema: inputSchema(route.body) } } } } : {}),
      responses,
      ...(write ? { security: [{ bearer: [] }] } : {}),
    };
    (paths[openApiPath(route.path)] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: info.title ?? 'Parallax API',
      version: info.version,
      description:
        info.description ??
        'Parallax compares how news outlets cover the same story. Reads are open; writes (POST, DELETE) need `Authorization: Bearer <token>`. Errors are RFC 9457 problem details. Lists page with `?cursor=` and `?limit=` and answer `{items, nextCursor}`.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [...tags].map((name) => ({ name })),
    paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The token in PARALLAX_API_TOKEN.' } } },
  };
}
