// Generates docs/api.md from the API's route table (apps/api/src/routes.ts, imported as code: it is
// side-effect free by contract) and the schema package: every route with its method, path, summary,
// path and query parameters, request body and response, with the field descriptions the zod schemas
// carry. Types the schema package names link to their section of docs/schema.md.
import { pathToFileURL } from 'node:url';
import { routeTablePath } from '../paths.js';
import { GENERATED_NOTE, schemaGroups } from './schema-doc.js';
import { defOf, fieldRows, fieldTable, githubAnchor, isZodSchema, mdText, SchemaNames, typeText, unwrap, type AnyZod } from './zod-doc.js';

/** The parts of a route spec the reference reads (the route table's RouteSpec, structurally). */
export interface DocRoute {
  method: string;
  path: string;
  summary: string;
  description?: string;
  tags?: readonly string[];
  params?: AnyZod;
  query?: AnyZod;
  body?: AnyZod;
  response: AnyZod;
  status?: number;
  errors?: ReadonlyArray<{ status: number; description: string }>;
}

/** The route table, loaded from the API's source. */
export async function loadRoutes(path = routeTablePath): Promise<DocRoute[]> {
  const module = (await import(pathToFileURL(path).href)) as { routes?: unknown };
  if (!Array.isArray(module.routes)) throw new Error(`${path} must export \`routes\`, an array of route specs`);
  return module.routes.map((r: DocRoute, i) => {
    if (typeof r.method !== 'string' || typeof r.path !== 'string' || !isZodSchema(r.response)) throw new Error(`${path}: route ${i} needs method, path and a zod response schema`);
    return r;
  });
}

/** "GET /api/schema/:name" */
export function routeTitle(route: DocRoute): string {
  return `${route.method.toUpperCase()} ${route.path}`;
}

/** Path parameters of an Express path, in order. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/[:*](\w+)/g)].map((m) => m[1]!);
}

function schemaBlock(label: string, schema: AnyZod, names: SchemaNames, io: string): string[] {
  const { inner, description } = unwrap(schema);
  const out = [`**${label}** (${io}): ${typeText(schema, names)}${description ? `. ${mdText(description)}` : ''}`];
  if (defOf(inner).type === 'object') {
    const rows = fieldRows(inner, names);
    if (rows.length > 0) out.push('', fieldTable(rows));
  }
  return out;
}

function routeSection(route: DocRoute, names: SchemaNames): string {
  const out = [`### ${routeTitle(route)}`, '', mdText(route.summary)];
  if (route.description) out.push('', mdText(route.description));
  if (route.tags?.length) out.push('', `Tags: ${route.tags.map((t) => `\`${t}\``).join(', ')}`);
  const declared = pathParams(route.path);
  if (route.params) {
    out.push('', '**Path parameters**', '', fieldTable(fieldRows(unwrap(route.params).inner, names), 'Parameter'));
  } else if (declared.length > 0) {
    out.push('', '**Path parameters**', '', fieldTable(declared.map((name) => ({ name, type: 'string', required: 'yes', nullable: false, description: '' })), 'Parameter'));
  }
  if (route.query) out.push('', '**Query parameters**', '', fieldTable(fieldRows(unwrap(route.query).inner, names), 'Parameter'));
  if (route.body) out.push('', ...schemaBlock('Request body', route.body, names, 'application/json'));
  out.push('', ...schemaBlock(`Response ${route.status ?? 200}`, route.response, names, 'application/json'));
  const errors = [
    ...(route.params || route.query || route.body ? [{ status: 400, description: 'A parameter or the body is invalid; `errors` names each bad field.' }] : []),
    ...(route.errors ?? []),
  ];
  if (errors.length > 0) {
    out.push('', '**Errors** (application/problem+json, [Problem](schema.md#problem))', '', '| Status | When |', '|---|---|');
    for (const e of errors) out.push(`| ${e.status} | ${mdText(e.description).replace(/\|/g, '\\|')} |`);
  }
  return out.join('\n');
}

/** The whole docs/api.md text. */
export async function generateApiDoc(routes?: DocRoute[]): Promise<string> {
  const table = routes ?? (await loadRoutes());
  const names = new SchemaNames(
    schemaGroups().flatMap((g) => g.schemas),
    'schema.md',
  );
  const out = [
    '# Parallax API reference',
    '',
    `Every route of the HTTP API (\`apps/api\`), from its route table (\`apps/api/src/routes.ts\`) and the zod schemas of \`@parallax/schema\`. ${GENERATED_NOTE}`,
    '',
    'Requests are validated against these schemas: a bad parameter or body gets `400` with RFC 9457 problem details (`application/problem+json`, see [Problem](schema.md#problem)) naming each bad field; unknown routes get `404`, oversized bodies `413`. Types link to the [schema reference](schema.md).',
    '',
    '## Routes',
    '',
    '| Method | Path | Summary |',
    '|---|---|---|',
    ...table.map((r) => `| ${r.method.toUpperCase()} | [\`${r.path}\`](#${githubAnchor(routeTitle(r))}) | ${mdText(r.summary).replace(/\|/g, '\\|')} |`),
  ];
  for (const route of table) out.push('', routeSection(route, names));
  return `${out.join('\n')}\n`;
}
