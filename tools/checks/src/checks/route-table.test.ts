import { Article, Health, Id } from '@parallax/schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadRoutes, type DocRoute } from '../docs/api-doc.js';
import { schemaGroups } from '../docs/schema-doc.js';
import { SchemaNames } from '../docs/zod-doc.js';
import { routeTableProblems } from './route-table.js';

const names = new SchemaNames(schemaGroups().flatMap((g) => g.schemas));
const problemsOf = (routes: DocRoute[]) => routeTableProblems(routes, names, (r) => routes.indexOf(r) + 1).map((p) => `${p.line}: ${p.message}`);

describe('route-table', () => {
  it('flags duplicates, undeclared or extra path parameters, non-object query and undescribed fields', () => {
    const routes: DocRoute[] = [
      { method: 'get', path: '/api/articles/:id', summary: 'One article.', response: Article },
      { method: 'get', path: '/api/articles/:id', summary: 'Again.', params: z.object({ id: Id.describe('The article id.'), extra: z.string().describe('x') }), response: Article },
      { method: 'get', path: '/api/search', summary: 'Search.', query: z.string(), response: z.object({ hits: z.array(z.string()) }) },
      { method: 'post', path: '/api/things', summary: '', body: z.object({ name: z.string() }).describe('A thing.'), response: Health },
    ];
    expect(problemsOf(routes)).toEqual([
      '1: GET /api/articles/:id: path parameter :id is not in its params schema, so it is neither validated nor documented',
      '2: GET /api/articles/:id: declared twice',
      '2: GET /api/articles/:id: params schema declares "extra", which its path does not have',
      '3: GET /api/search: query must be an object schema (z.object)',
      '3: GET /api/search: response schema has no description (.describe()) and is not a named record of the schema package',
      '3: GET /api/search: response field "hits" has no description (.describe())',
      '4: POST /api/things: has no summary',
      '4: POST /api/things: body field "name" has no description (.describe())',
    ]);
  });

  it('passes the route table of the API', async () => {
    expect(problemsOf(await loadRoutes())).toEqual([]);
  });
});
