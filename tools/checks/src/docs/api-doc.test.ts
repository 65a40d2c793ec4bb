import { Id, QuoteListQuery, QuotePage } from '@parallax/schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateApiDoc, loadRoutes, pathParams, routeTitle } from './api-doc.js';
import { defOf, unwrap, type AnyZod } from './zod-doc.js';

const routes = await loadRoutes();
const doc = await generateApiDoc(routes);

function section(title: string): string {
  const start = doc.indexOf(`\n### ${title}\n`);
  expect(start, `no section for ${title}`).toBeGreaterThan(0);
  const end = doc.indexOf('\n### ', start + 5);
  return doc.slice(start, end < 0 ? undefined : end);
}

describe('API reference', () => {
  it('reads the route table of the API', () => {
    const titles = routes.map(routeTitle);
    expect(titles).toEqual(expect.arrayContaining(['GET /api/health', 'GET /api/ready', 'GET /api/schema', 'GET /api/schema/:name']));
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('documents every route: summary, each path and query parameter, body and response with field descriptions', () => {
    for (const route of routes) {
      const text = section(routeTitle(route));
      expect(text).toContain(route.summary.replace(/</g, '&lt;'));
      expect(doc).toContain(`| ${route.method.toUpperCase()} | [\`${route.path}\`]`);
      for (const name of pathParams(route.path)) expect(text, `${routeTitle(route)} :${name}`).toContain(`| \`${name}\` |`);
      for (const part of [route.query, route.body, route.response]) {
        const inner = part && unwrap(part).inner;
        if (!inner || defOf(inner).type !== 'object') continue;
        for (const [key, field] of Object.entries(defOf(inner).shape as Record<string, AnyZod>)) {
          const row = text.split('\n').find((l) => l.startsWith(`| \`${key}\` |`));
          expect(row, `${routeTitle(route)} ${key}`).toBeDefined();
          const description = unwrap(field).description;
          if (description) expect(row).toContain(description.slice(0, 30).replace(/</g, '&lt;'));
        }
      }
      expect(text).toMatch(/\*\*Response \d{3}\*\* \(application\/json\)/);
    }
  });

  it('links schema package types to the schema reference, describes inline ones, lists errors', async () => {
    const text = await generateApiDoc([
      { method: 'get', path: '/api/quotes', summary: 'List quotes.', query: QuoteListQuery, response: QuotePage },
      {
        method: 'get',
        path: '/api/things/:id',
        summary: 'One thing.',
        params: z.object({ id: Id.describe('The thing.') }),
        response: z.record(z.string(), z.unknown()).describe('Whatever it is.'),
        errors: [{ status: 404, description: 'No such thing.' }],
      },
    ]);
    expect(text).toContain('| GET | [`/api/quotes`](#get-apiquotes) | List quotes. |');
    expect(text).toContain(`**Response 200** (application/json): [QuotePage](schema.md#quotepage). ${QuotePage.description}`);
    expect(text).toMatch(/\| `kind` \| \[QuoteKind\]\(schema\.md#quotekind\) \| no \| no \|/);
    expect(text).toContain('| `id` | [Id](schema.md#id) | yes | no | The thing. |');
    expect(text).toContain('Record&lt;string, unknown&gt;. Whatever it is.');
    expect(text).toContain('| 400 | A parameter or the body is invalid');
    expect(text).toContain('| 404 | No such thing. |');
  });

  it('finds path parameters in Express paths', () => {
    expect(pathParams('/api/stories/:id/articles/:articleId')).toEqual(['id', 'articleId']);
    expect(pathParams('/files/*path')).toEqual(['path']);
  });
});
