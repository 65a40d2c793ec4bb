import { describe, expect, it } from 'vitest';
import { renderDocsPage } from './docs-page.js';
import { buildOpenApi } from './openapi.js';
import { routes } from './routes.js';

describe('renderDocsPage', () => {
  it('lists every operation with its parameters and links its schemas to their sections', () => {
    const html = renderDocsPage(buildOpenApi(routes, { version: '1.2.3' }));
    expect(html).toContain('<code>/api/stories/{id}</code>');
    expect(html).toContain('href="#schema-StoryDetail"');
    expect(html).toContain('id="schema-StoryDetail"');
    expect(html).toContain('<code>Authorization: Bearer &lt;token&gt;</code>');
  });

  it('escapes every text it takes from the document', () => {
    const html = renderDocsPage({
      openapi: '3.1.0',
      info: { title: '<script>alert(1)</script>', version: '1' },
      paths: { '/x': { get: { summary: '<img src=x onerror=alert(1)>', description: 'uses `a<b`', responses: { '200': { description: '"quoted"' } } } } },
    });
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<code>a&lt;b</code>');
  });
});
