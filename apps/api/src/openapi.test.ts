import { describe, expect, it } from 'vitest';
import { buildOpenApi, openApiPath, operationId } from './openapi.js';
import { routes } from './routes.js';

describe('the OpenAPI document', () => {
  const doc = buildOpenApi(routes, { version: '9.9.9' }) as {
    paths: Record<string, Record<string, { operationId: string; parameters?: Array<{ name: string; in: string; required: boolean }>; responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>; security?: unknown }>>;
    components: { schemas: Record<string, unknown> };
  };

  it('has every route of the table once, with unique operation ids', () => {
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    expect(ops.sort()).toEqual(routes.map((r) => `${r.method} ${openApiPath(r.path)}`).sort());
    const ids = routes.map(operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationId({ method: 'get', path: '/api/stories/:id' })).toBe('getStoriesById');
  });

  it('refers to the schema package records as components and marks writes as needing the token', () => {
    const story = doc.paths['/api/stories/{id}']!.get!;
    expect(story.responses['200']!.content!['application/json']!.schema.$ref).toBe('#/components/schemas/StoryDetail');
    expect(story.responses['404']!.content!['application/problem+json']!.schema.$ref).toBe('#/components/schemas/Problem');
    expect(story.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(doc.components.schemas).toHaveProperty('Article');
    expect(doc.paths['/api/articles']!.post!.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/articles']!.post!.responses).toHaveProperty('429');
    expect(doc.paths['/api/articles']!.get!.security).toBeUndefined();
  });
});
