// Verifies the API's route table (apps/api/src/routes.ts), from which app.ts registers routes and
// the API reference is generated: no two routes share a method and path; every `:param` of a path
// is declared in the route's params schema and nothing else is; params and query are object
// schemas; every field of params, query, body and an object response has a description, and so
// does a response that is not a named record of the schema package. Problems point at the route's
// `path:` line.
import { relative } from 'node:path';
import type { Check, Problem } from '../check.js';
import { loadRoutes, pathParams, routeTitle, type DocRoute } from '../docs/api-doc.js';
import { schemaGroups } from '../docs/schema-doc.js';
import { defOf, SchemaNames, unwrap, type AnyZod } from '../docs/zod-doc.js';
import { routeTablePath } from '../paths.js';
import { toPosix } from '../repo.js';

/** Problems of a route table; `lineOf` finds the line of a route's path in the source. */
export function routeTableProblems(routes: DocRoute[], names: SchemaNames, lineOf: (route: DocRoute) => number): Array<{ line: number; message: string }> {
  const out: Array<{ line: number; message: string }> = [];
  const seen = new Set<string>();
  for (const route of routes) {
    const title = routeTitle(route);
    const line = lineOf(route);
    const say = (message: string) => out.push({ line, message: `${title}: ${message}` });
    if (seen.has(title)) say('declared twice');
    seen.add(title);
    if (!route.summary?.trim()) say('has no summary');
    const inPath = pathParams(route.path);
    for (const [part, schema] of [['params', route.params], ['query', route.query]] as const) {
      if (schema && defOf(unwrap(schema).inner).type !== 'object') say(`${part} must be an object schema (z.object)`);
    }
    const declared = route.params ? Object.keys((defOf(unwrap(route.params).inner).shape ?? {}) as object) : [];
    for (const name of inPath.filter((n) => !declared.includes(n))) say(`path parameter :${name} is not in its params schema, so it is neither validated nor documented`);
    for (const name of declared.filter((n) => !inPath.includes(n))) say(`params schema declares "${name}", which its path does not have`);
    for (const [part, schema] of [['params', route.params], ['query', route.query], ['body', route.body], ['response', route.response]] as const) {
      if (!schema) continue;
      const { inner, description } = unwrap(schema);
      if (part === 'response' || part === 'body') {
        if (!description && !names.nameOf(inner)) say(`${part} schema has no description (.describe()) and is not a named record of the schema package`);
      }
      if (defOf(inner).type !== 'object' || names.nameOf(inner)) continue; // named records are checked where they are defined
      for (const [key, field] of Object.entries(defOf(inner).shape as Record<string, AnyZod>)) {
        if (!unwrap(field).description) say(`${part} field "${key}" has no description (.describe())`);
      }
    }
  }
  return out;
}

export const routeTable: Check = {
  name: 'route-table',
  description: "The API's route table is consistent and described: unique routes, path parameters declared, every field described.",
  async run(repo) {
    const file = toPosix(relative(repo.root, routeTablePath));
    const source = repo.files.find((f) => f.path === routeTablePath)?.text ?? '';
    const lines = source.split('\n');
    const lineOf = (route: DocRoute) => {
      const i = lines.findIndex((l) => l.includes(`'${route.path}'`) || l.includes(`"${route.path}"`) || l.includes(`\`${route.path}\``));
      return i + 1 || 1;
    };
    const names = new SchemaNames(schemaGroups().flatMap((g) => g.schemas));
    const problems: Problem[] = [];
    for (const p of routeTableProblems(await loadRoutes(), names, lineOf)) problems.push({ check: this.name, file, ...p });
    return problems;
  },
};
