import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, apiUrl, createApiClient } from './api.js';

// A real HTTP server answering like the API does: the client is exercised over the network, with the
// schema package's parsing, not with a fake fetch.
const story = {
  id: 'sty_44a632104ad3a520',
  title: 'Putin defends Russian military equipment in Syria as necessary',
  articleIds: ['art_5fc29856447f3b14', 'art_f75dd656d43e7409'],
  outletIds: ['out_3d137c9bfef969b1'],
  firstDate: '2015-09-15',
  lastDate: '2015-09-15',
  outlets: [{ id: 'out_3d137c9bfef969b1', name: 'Al Jazeera America', domain: null }],
  counts: { articles: 2, outlets: 1, statements: 7, claimGroups: 46, timelineEvents: 11 },
};
const requests: string[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, body: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (url.pathname === '/api/stories') return send(200, { items: [story], nextCursor: null });
    if (url.pathname === '/api/statements/stm_0000000000000000')
      return send(404, { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No statement has id "stm_0000000000000000".' }, 'application/problem+json');
    if (url.pathname === '/api/search') return send(200, { hits: [{ type: 'quote', id: 'quo_0c9a167060e820f9', articleId: 'art_3f454329492e8b87', snippet: 'Syrian [[refugees]]', score: 'high', span: null }] });
    if (url.pathname === '/api/entities/ent_0000000000000000') return send(500, '<html>oops</html>', 'text/html');
    send(404, { type: 'about:blank', title: 'Not Found', status: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createApiClient', () => {
  it('parses a story page with the schema package and sends the query', async () => {
    const api = createApiClient({ baseUrl });
    const page = await api.listStories({ q: 'syria putin', limit: 10 });
    expect(page.items[0]!.title).toBe(story.title);
    expect(page.items[0]!.counts.statements).toBe(7);
    expect(requests.at(-1)).toBe('/api/stories?q=syria+putin&limit=10');
  });

  it('turns problem details into an ApiError with the status and detail', async () => {
    const api = createApiClient({ baseUrl });
    const err = await api.getStatement('stm_0000000000000000').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(404);
    expect((err as ApiError).message).toBe('No statement has id "stm_0000000000000000".');
    expect((err as ApiError).problem?.title).toBe('Not Found');
  });

  it('rejects a response that does not match the schema', async () => {
    const err = await createApiClient({ baseUrl }).search({ q: 'refugees' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(502);
    expect((err as ApiError).message).toMatch(/hits\.0\.score/);
  });

  it('reports a non-JSON error body and an API that does not answer', async () => {
    const html = await createApiClient({ baseUrl }).getEntity('ent_0000000000000000').catch((e: unknown) => e);
    expect((html as ApiError).status).toBe(500);
    const down = await createApiClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 2000 }).getStory('sty_44a632104ad3a520').catch((e: unknown) => e);
    expect(down).toBeInstanceOf(ApiError);
    expect((down as ApiError).status).toBe(502);
  });

  it('escapes ids in paths', () => {
    expect(apiUrl('http://h:1/', 'api/x', { a: 'b c', n: undefined, e: '' })).toBe('http://h:1/api/x?a=b+c');
    expect(apiUrl('http://h:1/prefix', 'api/articles/a%2F..')).toBe('http://h:1/prefix/api/articles/a%2F..');
  });
});
