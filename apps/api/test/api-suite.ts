// The API's behaviour against a real store seeded from corpus/ (extracted by @parallax/analysis, linked by
// @parallax/linking), run by sqlite.test.ts and pg.test.ts. Every response body is also checked against
// the OpenAPI document the API serves (openapi-check.ts).
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ArticleDetail,
  ArticlePage,
  ClaimGroupDetail,
  ClaimGroupPage,
  ClaimPage,
  EntityDetail,
  EntityPage,
  IngestResponse,
  Problem,
  QuotePage,
  Ready,
  SearchResponse,
  StatementDetail,
  StoryDetail,
  StoryPage,
  type Article,
  type Entity,
  type Story,
} from '@parallax/schema';
import type { Store } from '@parallax/store';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppDeps } from '../src/app.js';
import { pipelineIngest, pipelineRemove } from '../src/ingest.js';
import { OpenApiChecker } from './openapi-check.js';
import { linkStore, seedStore, storyFiles, seedStoryDir } from './seed.js';

/** A linker for the pipeline: re-link everything (what the pipeline's incremental linker does for less). */
const relinkAll = async (store: Store) => {
  await linkStore(store);
  return { stories: (await store.stats()).stories };
};

export interface StoreHandle {
  store: Store;
  cleanup(): Promise<void>;
}

const TOKEN = 'test-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };

function problemOf(res: request.Response): Problem {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = Problem.parse(JSON.parse(res.text));
  expect(problem.status).toBe(res.status);
  expect(res.text).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames
  return problem;
}

/** Every page of a list, following nextCursor. */
async function walk<T>(app: ReturnType<typeof createApp>, path: string, limit: number): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: request.Response = await request(app).get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`).expect(200);
    items.push(...(res.body.items as T[]));
    cursor = res.body.nextCursor;
    pages++;
    expect(pages).toBeLessThan(500);
  } while (cursor);
  return { items, pages };
}

export function apiSuite(name: string, open: () => Promise<StoreHandle>): void {
  describe(`API on ${name}, seeded from corpus/`, () => {
    let handle: StoreHandle;
    let app: ReturnType<typeof createApp>;
    let checker: OpenApiChecker;
    let story: Story;
    let articles: Article[];

    /** GET that checks the response against the OpenAPI document. */
    const get = async (path: string, status = 200) => {
      const res = await request(app).get(path);
      expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(status);
      checker.check('get', path, res);
      return res;
    };

    beforeAll(async () => {
      handle = await open();
      await seedStore(handle.store);
      app = createApp({ store: handle.store, ingest: pipelineIngest(handle.store), remove: pipelineRemove(handle.store), token: TOKEN, corsOrigins: ['https://viewer.example'] });
      checker = await OpenApiChecker.load(app);
      story = (await handle.store.listStories({ limit: 1 })).items[0]!;
      articles = (await handle.store.listArticles({ limit: 100 })).items;
    }, 120_000);
    afterAll(async () => handle?.cleanup());

    it('answers health and readiness', async () => {
      expect((await get('/api/health')).body.status).toBe('ok');
      const ready = Ready.parse((await get('/api/ready')).body);
      expect(ready).toMatchObject({ status: 'ok', store: handle.store.kind, articles: 5 });
    });

    it('lists stories with outlets, dates and counts, filtered by title words', async () => {
      const page = StoryPage.parse((await get('/api/stories')).body);
      expect(page.items).toHaveLength(1);
      const s = page.items[0]!;
      expect(s.counts.articles).toBe(5);
      expect(s.outlets.map((o) => o.name)).toContain('Al Jazeera America');
      expect(s.counts.statements + s.counts.claimGroups).toBe(story.coverage.length);
      expect(s.firstDate).toBe('2015-09-15');
      const word = story.title.split(/\s+/).find((w) => w.length > 4)!;
      expect(StoryPage.parse((await get(`/api/stories?q=${encodeURIComponent(word.toUpperCase())}`)).body).items).toHaveLength(1);
      expect(StoryPage.parse((await get('/api/stories?q=zzzunheardof')).body)).toEqual({ items: [], nextCursor: null });
    });

    it('gives a story with coverage, timeline, digest, articles without bodies, people, statements and claim groups', async () => {
      const detail = StoryDetail.parse((await get(`/api/stories/${story.id}`)).body);
      expect(detail.articles.map((a) => a.id).sort()).toEqual([...story.articleIds].sort());
      for (const a of detail.articles) expect(a).not.toHaveProperty('body');
      const rows = new Set(detail.story.coverage.map((r) => r.id));
      for (const s of detail.statements) expect(rows.has(s.id)).toBe(true);
      for (const g of detail.claimGroups) expect(rows.has(g.id)).toBe(true);
      expect(detail.statements.length + detail.claimGroups.length).toBe(detail.story.coverage.length);
      expect(detail.entities.map((e) => e.name)).toContain('Vladimir Putin');
      expect(detail.story.timeline.length).toBeGreaterThan(0);
      expect(detail.story.digest.length).toBeGreaterThan(0);
    });

    it('answers 404 for an unknown id and 400 naming a malformed one', async () => {
      expect(problemOf(await get('/api/stories/sty_0000000000000000', 404)).detail).toMatch(/sty_0000000000000000/);
      const bad = problemOf(await get('/api/stories/not-an-id', 400));
      expect(bad.errors?.map((e) => e.path)).toEqual(['params.id']);
      for (const path of ['/api/articles/art_0000000000000000', '/api/articles/art_0000000000000000/versions', '/api/statements/stm_0000000000000000', '/api/claim-groups/cgr_0000000000000000', '/api/entities/ent_0000000000000000']) {
        expect(problemOf(await get(path, 404)).title).toBe('Not Found');
      }
      expect(problemOf(await get('/api/nothing/here', 404)).instance).toBe('/api/nothing/here');
    });

    it('lists articles with filters, sorts and cursor pagination', async () => {
      const all = await walk<Article>(app, '/api/articles?sort=headline', 2);
      expect(all.pages).toBe(3);
      expect(all.items).toHaveLength(5);
      const headlines = all.items.map((a) => (a.headline ?? '').toLowerCase());
      expect(headlines).toEqual([...headlines].sort());
      const aja = articles.find((a) => a.outletId)!;
      const byOutlet = ArticlePage.parse((await get(`/api/articles?outlet=${aja.outletId}`)).body);
      expect(byOutlet.items.map((a) => a.id)).toEqual([aja.id]);
      const dated = articles.filter((a) => a.publishedAt?.startsWith('2015-09-15'));
      expect(dated.length).toBeGreaterThan(0);
      expect(ArticlePage.parse((await get('/api/articles?from=2015-09-15&to=2015-09-15')).body).items.map((a) => a.id).sort()).toEqual(dated.map((a) => a.id).sort());
      expect(ArticlePage.parse((await get(`/api/articles?story=${story.id}&limit=200`)).body).items).toHaveLength(5);
      const bad = problemOf(await get('/api/articles?limit=0&sort=sideways&from=yesterday', 400));
      expect(bad.errors?.map((e) => e.path).sort()).toEqual(['query.from', 'query.limit', 'query.sort']);
      const tampered = problemOf(await get('/api/articles?cursor=bm90LWEtY3Vyc29y', 400));
      expect(tampered.errors?.[0]?.path).toBe('query.cursor');
    });

    it('gives an article with its body, outlet, and quotes and claims as spans of the body', async () => {
      for (const a of articles) {
        const detail = ArticleDetail.parse((await get(`/api/articles/${a.id}`)).body);
        expect(detail.article.body.length).toBeGreaterThan(500);
        expect(detail.outlet?.id ?? null).toBe(a.outletId);
        for (const q of detail.quotes) expect(detail.article.body.slice(q.span.start, q.span.end)).toBe(q.text);
        for (const c of detail.claims) expect(detail.article.body.slice(c.span.start, c.span.end)).toBe(c.text);
        expect(detail.quotes.length + detail.claims.length).toBeGreaterThan(0);
      }
      const versions = (await get(`/api/articles/${articles[0]!.id}/versions`)).body;
      expect(versions.versions).toHaveLength(1);
      expect(versions.versions[0]).toMatchObject({ articleId: articles[0]!.id, version: 1, current: true });
    });

    it('lists quotes by speaker, story, outlet and kind, and every page of them', async () => {
      const putin = (await handle.store.listEntities({ limit: 1000 })).items.find((e) => e.name === 'Vladimir Putin')!;
      const byPutin = QuotePage.parse((await get(`/api/quotes?speaker=${putin.id}&limit=200`)).body);
      expect(byPutin.items.length).toBeGreaterThan(3);
      for (const q of byPutin.items) expect(q.speaker?.entityId).toBe(putin.id);
      const direct = QuotePage.parse((await get(`/api/quotes?story=${story.id}&kind=direct&limit=200`)).body);
      expect(direct.items.length).toBeGreaterThan(0);
      for (const q of direct.items) expect(q.kind).toBe('direct');
      const all = await walk<{ id: string }>(app, `/api/quotes?story=${story.id}`, 7);
      expect(new Set(all.items.map((q) => q.id)).size).toBe(all.items.length);
      expect(all.items.length).toBe((await handle.store.stats()).quotes);
      expect(problemOf(await get('/api/quotes?kind=shouted', 400)).errors?.[0]?.path).toBe('query.kind');
    });

    it('gives a statement with its variants, their quotes and articles, and the word alignment', async () => {
      const statements = (await handle.store.listStatements({ story: story.id, limit: 100 })).items;
      const multi = statements.find((s) => s.variants.length > 0);
      expect(multi).toBeDefined();
      const detail = StatementDetail.parse((await get(`/api/statements/${multi!.id}`)).body);
      expect(detail.quotes.map((q) => q.id)).toEqual(multi!.quoteIds);
      expect(new Set(detail.articles.map((a) => a.id))).toEqual(new Set(multi!.articleIds));
      for (const v of detail.statement.variants) {
        expect(v.ops.length).toBeGreaterThan(0);
        expect(detail.quotes.some((q) => q.id === v.quoteId)).toBe(true);
      }
      if (detail.statement.speakerEntityId) expect(detail.speaker?.id).toBe(detail.statement.speakerEntityId);
    });

    it('lists claim groups by status and gives one with its claims side by side', async () => {
      const all = ClaimGroupPage.parse((await get(`/api/claim-groups?story=${story.id}&limit=200`)).body).items;
      expect(all.length).toBe(story.coverage.filter((r) => r.kind === 'claim-group').length);
      for (const status of ['corroborated', 'contested', 'single-source'] as const) {
        const some = ClaimGroupPage.parse((await get(`/api/claim-groups?status=${status}&limit=200`)).body).items;
        for (const g of some) expect(g.status).toBe(status);
        expect(some.length).toBe(all.filter((g) => g.status === status).length);
      }
      expect(problemOf(await get('/api/claim-groups?status=maybe', 400)).errors?.[0]?.path).toBe('query.status');
      const group = [...all].sort((a, b) => b.claimIds.length - a.claimIds.length)[0]!;
      const detail = ClaimGroupDetail.parse((await get(`/api/claim-groups/${group.id}`)).body);
      expect(detail.claims.map((c) => c.id)).toEqual(group.claimIds);
      expect(new Set(detail.articles.map((a) => a.id))).toEqual(new Set(group.articleIds));
      const claims = ClaimPage.parse((await get(`/api/claims?group=${group.id}&limit=200`)).body).items;
      expect(claims.map((c) => c.id).sort()).toEqual([...group.claimIds].sort());
      const ofArticle = ClaimPage.parse((await get(`/api/claims?article=${articles[0]!.id}&limit=200`)).body).items;
      for (const c of ofArticle) expect(c.articleId).toBe(articles[0]!.id);
    });

    it('lists entities filtered by name words and kind, every page, and gives everything one said', async () => {
      const everyone = (await walk<Entity>(app, '/api/entities', 3)).items;
      expect(everyone.length).toBe((await handle.store.stats()).entities);
      // Filtered pages: the filter runs over the store's pages, and walking every page finds each match once.
      const people = await walk<Entity>(app, '/api/entities?kind=person', 2);
      expect(people.items.map((e) => e.id)).toEqual(everyone.filter((e) => e.kind === 'person').map((e) => e.id));
      const found = EntityPage.parse((await get('/api/entities?q=putin')).body).items;
      expect(found.map((e) => e.name)).toContain('Vladimir Putin');
      for (const e of found) expect([e.name, ...e.aliases, ...e.roles].join(' ').toLowerCase()).toContain('putin');
      const putin = found.find((e) => e.name === 'Vladimir Putin')!;
      const detail = EntityDetail.parse((await get(`/api/entities/${putin.id}`)).body);
      expect(detail.quotes.length).toBeGreaterThan(3);
      for (const q of detail.quotes) expect(q.speaker?.entityId).toBe(putin.id);
      expect(detail.moreQuotes).toBe(false);
      expect(detail.stories.map((s) => s.id)).toEqual([story.id]);
      for (const s of detail.statements) expect(s.speakerEntityId).toBe(putin.id);
      expect(new Set(detail.articles.map((a) => a.id))).toEqual(new Set(detail.quotes.map((q) => q.articleId)));
    });

    it('searches articles, quotes and claims', async () => {
      const res = SearchResponse.parse((await get('/api/search?q=refugees')).body);
      expect(res.hits.length).toBeGreaterThan(0);
      for (const h of res.hits) expect(h.snippet.toLowerCase()).toMatch(/\[\[refugee/);
      const quotes = SearchResponse.parse((await get('/api/search?q=Syria&type=quote&limit=5')).body);
      expect(quotes.hits.length).toBeGreaterThan(0);
      expect(quotes.hits.length).toBeLessThanOrEqual(5);
      for (const h of quotes.hits) expect(h.type).toBe('quote');
      expect(problemOf(await get('/api/search', 400)).errors?.[0]?.path).toBe('query.q');
    });

    it('sends strong ETags and answers If-None-Match with 304', async () => {
      const first = await get(`/api/stories/${story.id}`);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[0-9a-f]+-[\w-]+"$/);
      expect(first.headers['cache-control']).toBe('no-cache');
      const again = await request(app).get(`/api/stories/${story.id}`).set('if-none-match', etag).expect(304);
      expect(again.text ?? '').toBe('');
      await request(app).get(`/api/stories/${story.id}`).set('if-none-match', '"other"').expect(200);
    });

    it('sets security headers and CORS for the configured origins only', async () => {
      const res = await request(app).get('/api/health').set('origin', 'https://viewer.example');
      expect(res.headers['access-control-allow-origin']).toBe('https://viewer.example');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(res.headers['x-powered-by']).toBeUndefined();
      const other = await request(app).get('/api/health').set('origin', 'https://elsewhere.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await request(app).options('/api/articles').set('origin', 'https://viewer.example').set('access-control-request-method', 'POST').expect(204);
      expect(preflight.headers['access-control-allow-headers']).toMatch(/authorization/);
    });

    it('serves the JSON Schema of each record from the schema package', async () => {
      const index = (await get('/api/schema')).body as { records: string[] };
      expect(index.records).toContain('quote');
      expect((await get('/api/schema/quote.json')).body.properties.kind.enum).toEqual(['direct', 'partial', 'mixed', 'indirect']);
      expect(problemOf(await get('/api/schema/nope', 404)).detail).toMatch(/GET \/api\/schema/);
      // Names every object inherits are not records either.
      for (const name of ['toString', 'constructor', '__proto__']) expect(problemOf(await get(`/api/schema/${name}`, 404)).status).toBe(404);
    });

    it('serves an OpenAPI 3.1 document that validates, covers every route, and a docs page with nothing from elsewhere', async () => {
      const doc = (await get('/api/openapi.json')).body;
      await checker.expectValid(doc);
      const docs = await request(app).get('/api/docs').expect(200).expect('content-type', /text\/html/);
      expect(docs.text).not.toMatch(/<script/i);
      expect(docs.text).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
      for (const path of Object.keys(doc.paths)) expect(docs.text).toContain(`<code>${path}</code>`);
    });
  });

  describe(`API writes on ${name}`, () => {
    let handle: StoreHandle;
    let source: Server;
    let base: string;
    const files = storyFiles(seedStoryDir);
    const make = (deps: Partial<AppDeps> = {}) => createApp({ store: handle.store, ingest: pipelineIngest(handle.store, { allowPrivateUrls: true }), remove: pipelineRemove(handle.store), token: TOKEN, ...deps });

    beforeAll(async () => {
      handle = await open();
      // A local web server standing in for a news site, for ingest by URL.
      source = createServer((req, res) => {
        if (req.url === '/article.html') {
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.end(`<!doctype html><html><head><title>Putin in Dushanbe</title><meta property="og:site_name" content="The Test Post"></head><body><article><h1>Putin defends aid to Syria</h1>${files[2]!.text
            .split(/\n\s*\n/)
            .map((p) => `<p>${p.replace(/[<&]/g, ' ')}</p>`)
            .join('')}</article></body></html>`);
        } else {
          res.statusCode = 404;
          res.end('gone');
        }
      });
      source.listen(0, '127.0.0.1');
      await once(source, 'listening');
      base = `http://127.0.0.1:${(source.address() as AddressInfo).port}`;
    }, 60_000);
    afterAll(async () => {
      source?.close();
      await handle?.cleanup();
    });

    it('needs the bearer token for writes, and refuses writes when none is configured', async () => {
      const app = make();
      const body = { text: files[0]!.text };
      expect(problemOf(await request(app).post('/api/articles').send(body).expect(401)).detail).toMatch(/Authorization/);
      const wrong = await request(app).post('/api/articles').set('authorization', 'Bearer nope').send(body).expect(401);
      expect(wrong.headers['www-authenticate']).toMatch(/^Bearer/);
      await request(app).delete('/api/articles/art_0000000000000000').expect(401);
      const closed = createApp({ store: handle.store, ingest: pipelineIngest(handle.store), remove: pipelineRemove(handle.store) });
      expect(problemOf(await request(closed).post('/api/articles').set(auth).send(body).expect(403)).detail).toMatch(/PARALLAX_API_TOKEN/);
      // Reads stay open unless configured otherwise.
      await request(app).get('/api/articles').expect(200);
      await request(make({ protectReads: true })).get('/api/articles').expect(401);
      await request(make({ protectReads: true })).get('/api/articles').set(auth).expect(200);
    });

    it('ingests text (201 added, 200 unchanged, 200 updated as a new version) and deletes (204)', async () => {
      const app = make();
      const checker = await OpenApiChecker.load(app);
      const body = { text: files[1]!.text, sourcePath: 'uploads/aja.txt' };
      const added = await request(app).post('/api/articles').set(auth).send(body).expect(201);
      checker.check('post', '/api/articles', added);
      const first = IngestResponse.parse(added.body);
      expect(first.status).toBe('added');
      expect(first.quotes.length).toBeGreaterThan(0);
      for (const q of first.quotes) expect(first.article.body.slice(q.span.start, q.span.end)).toBe(q.text);
      const again = await request(app).post('/api/articles').set(auth).send(body).expect(200);
      expect(IngestResponse.parse(again.body)).toMatchObject({ status: 'unchanged', article: { id: first.article.id } });
      const changed = await request(app).post('/api/articles').set(auth).send({ ...body, text: `${body.text}\n\nThis story has been updated with a correction.` }).expect(200);
      const second = IngestResponse.parse(changed.body);
      expect(second.status).toBe('updated');
      const listed = await request(app).get(`/api/articles/${second.article.id}/versions`).expect(200);
      checker.check('get', `/api/articles/${second.article.id}/versions`, listed);
      const versions = listed.body;
      expect(versions.versions.map((v: { articleId: string; current: boolean }) => [v.articleId, v.current])).toEqual([
        [first.article.id, false],
        [second.article.id, true],
      ]);
      const deleted = await request(app).delete(`/api/articles/${second.article.id}`).set(auth).expect(204);
      expect(deleted.text).toBe('');
      await request(app).get(`/api/articles/${second.article.id}`).expect(404);
      // The earlier version is current again.
      expect((await request(app).get(`/api/articles/${first.article.id}/versions`).expect(200)).body.versions).toMatchObject([{ articleId: first.article.id, current: true }]);
      problemOf(await request(app).delete(`/api/articles/${second.article.id}`).set(auth).expect(404));
    });

    it('ingests HTML and a URL, and names what is wrong with a bad request', async () => {
      const app = make();
      const html = await request(app).post('/api/articles').set(auth).send({ html: `<html><body><h1>Putin speaks</h1><p>${files[3]!.text.replace(/[<&]/g, ' ')}</p></body></html>` }).expect(201);
      expect(IngestResponse.parse(html.body).article.format).toBe('html');
      // By default the server fetches public addresses only: this local test server is refused.
      const guarded = createApp({ store: handle.store, ingest: pipelineIngest(handle.store), remove: pipelineRemove(handle.store), token: TOKEN });
      expect(problemOf(await request(guarded).post('/api/articles').set(auth).send({ url: `${base}/article.html` }).expect(502)).detail).toMatch(/not a public address/);
      const byUrl = IngestResponse.parse((await request(app).post('/api/articles').set(auth).send({ url: `${base}/article.html` }).expect(201)).body);
      // A fetched page has its URL, not a path (as with parallax ingest).
      expect(byUrl.article).toMatchObject({ sourceUrl: `${base}/article.html`, sourcePath: null });
      expect(byUrl.article.headline).toMatch(/Putin/);
      const flat = (t: string) => t.replace(/\s+/g, ' ');
      // The story paragraphs came through; the photo caption that opens the file is set aside.
      expect(flat(byUrl.article.body)).toContain('Putin on Tuesday defended Russia’s military support for Syria');
      expect(byUrl.article.captions.length).toBeGreaterThan(0);
      expect(problemOf(await request(app).post('/api/articles').set(auth).send({ url: `${base}/missing` }).expect(502)).detail).toMatch(/404/);
      const two = problemOf(await request(app).post('/api/articles').set(auth).send({ text: 'a', url: `${base}/x` }).expect(400));
      expect(two.errors?.[0]?.message).toMatch(/exactly one of text, html or url/);
      const badUrl = problemOf(await request(app).post('/api/articles').set(auth).send({ url: 'ftp://example.org/a' }).expect(400));
      expect(badUrl.errors?.map((e) => e.path)).toContain('body.url');
      expect(problemOf(await request(app).post('/api/articles').set(auth).send({ text: '   \n  ' }).expect(422)).detail).toMatch(/empty/);
      expect(problemOf(await request(app).post('/api/articles').set(auth).set('content-type', 'application/json').send('{"text": ').expect(400)).title).toBe('Invalid JSON');
    });

    it('ingests through the pipeline, which links each new article into its story', async () => {
      const linked = await open();
      try {
        const app = createApp({ store: linked.store, ingest: pipelineIngest(linked.store, { link: relinkAll, allowPrivateUrls: true }), remove: pipelineRemove(linked.store, { link: relinkAll }), token: TOKEN });
        const checker = await OpenApiChecker.load(app);
        const results = [];
        for (const file of files) {
          const res = await request(app).post('/api/articles').set(auth).send({ text: file.text, sourcePath: file.sourcePath }).expect(201);
          checker.check('post', '/api/articles', res);
          results.push(IngestResponse.parse(res.body));
        }
        const stories = StoryPage.parse((await request(app).get('/api/stories').expect(200)).body).items;
        expect(stories).toHaveLength(1);
        expect([...stories[0]!.articleIds].sort()).toEqual(results.map((r) => r.article.id).sort());
        // The last answer is read back after linking: it names its story.
        expect(results.at(-1)!.article.storyId).toBe(stories[0]!.id);
        // Quotes now point at their statements.
        const details = await Promise.all(results.map(async (r) => ArticleDetail.parse((await request(app).get(`/api/articles/${r.article.id}`).expect(200)).body)));
        const clustered = details.flatMap((d) => d.quotes.filter((q) => q.clusterId !== null));
        expect(clustered.length).toBeGreaterThan(0);
        for (const q of clustered) expect((await request(app).get(`/api/statements/${q.clusterId}`).expect(200)).body.statement.quoteIds).toContain(q.id);
        const again = await request(app).post('/api/articles').set(auth).send({ text: files[0]!.text, sourcePath: files[0]!.sourcePath }).expect(200);
        expect(IngestResponse.parse(again.body).status).toBe('unchanged');
        expect(problemOf(await request(app).post('/api/articles').set(auth).send({ url: `${base}/missing` }).expect(502)).detail).toMatch(/404/);
        // A deleted article leaves its story, and no statement lists it any more.
        const gone = results[0]!.article.id;
        await request(app).delete(`/api/articles/${gone}`).set(auth).expect(204);
        const after = StoryPage.parse((await request(app).get('/api/stories').expect(200)).body).items;
        expect(after.flatMap((s) => s.articleIds)).not.toContain(gone);
        const statements = [];
        for (const story of after) statements.push(...StoryDetail.parse((await request(app).get(`/api/stories/${story.id}`).expect(200)).body).statements);
        expect(statements.length).toBeGreaterThan(0);
        for (const s of statements) expect(s.articleIds).not.toContain(gone);
      } finally {
        await linked.cleanup();
      }
    }, 60_000);

    it('answers an oversized body with 413 and limits writes per client with 429', async () => {
      const small = make({ bodyLimit: '1kb' });
      expect(problemOf(await request(small).post('/api/articles').set(auth).send({ text: 'x'.repeat(5000) }).expect(413)).title).toBe('Content Too Large');
      const limited = make({ writeRate: { limit: 2, windowMs: 60_000 } });
      await request(limited).delete('/api/articles/art_0000000000000001').set(auth).expect(404);
      await request(limited).delete('/api/articles/art_0000000000000001').set(auth).expect(404);
      const third = await request(limited).delete('/api/articles/art_0000000000000001').set(auth).expect(429);
      expect(problemOf(third).title).toBe('Too Many Requests');
      expect(third.headers.ratelimit).toBeDefined();
      // Reads are not limited.
      for (let i = 0; i < 3; i++) await request(limited).get('/api/health').expect(200);
    });

    it('serves cached reads until a write clears them', async () => {
      const app = make({ cacheMs: 60_000 });
      const added = IngestResponse.parse((await request(app).post('/api/articles').set(auth).send({ text: files[4]!.text, sourcePath: 'uploads/four.txt' })).body);
      const before = (await request(app).get(`/api/articles/${added.article.id}`).expect(200)).headers.etag;
      expect((await request(app).get(`/api/articles/${added.article.id}`).expect(200)).headers.etag).toBe(before);
      await request(app).delete(`/api/articles/${added.article.id}`).set(auth).expect(204);
      await request(app).get(`/api/articles/${added.article.id}`).expect(404);
    });

    it('answers 500 without details and readiness 503 when the store is gone', async () => {
      const gone = await open();
      const app = createApp({ store: gone.store, ingest: pipelineIngest(gone.store), remove: pipelineRemove(gone.store) });
      await gone.cleanup();
      const res = await request(app).get('/api/articles').expect(500);
      expect(problemOf(res)).toMatchObject({ title: 'Internal Server Error', detail: 'Something went wrong on our side.' });
      expect(Ready.parse((await request(app).get('/api/ready').expect(503)).body)).toMatchObject({ status: 'unavailable', articles: null });
    });
  });
}
