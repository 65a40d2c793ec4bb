import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Article } from '@parallax/schema';
import Database from 'better-sqlite3';
import { openStore, type Store } from '@parallax/store';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchSource } from './fetch.js';
import { ingestInputs, ingestSource, removeArticle } from './ingest.js';

const corpus = fileURLToPath(new URL('../../../corpus/putin-syria-2015-09', import.meta.url));
let store: Store;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-ingest-'));
  store = await openStore(join(dir, 'test.db'));
  await store.migrate();
  return () => store.close();
});

describe('ingestInputs', () => {
  it('ingests the seed story with every core, then adds nothing the second time', async () => {
    const progress: string[] = [];
    const first = await ingestInputs(store, [corpus], { onProgress: (p) => progress.push(`${p.done}/${p.total} ${p.status}`) });
    expect(first).toMatchObject({ total: 5, added: 5, unchanged: 0, updated: 0, failed: [] });
    expect(progress.at(-1)).toBe('5/5 extracted');
    const stats = await store.stats();
    expect(stats.articles).toBe(5);
    expect(stats.quotes).toBeGreaterThan(30);
    const second = await ingestInputs(store, [corpus]);
    expect(second).toMatchObject({ added: 0, unchanged: 5, updated: 0 });
    expect((await store.stats()).articleVersions).toBe(5);
    expect(await store.pending()).toEqual([]);
  });

  it('writes one batch at a time however slow the store, and loses none', async () => {
    // A store whose writes take a while (as a remote PostgreSQL's can): batches must queue, not pile up.
    let running = 0;
    let most = 0;
    const save = store.saveMany.bind(store);
    const slow: Store = Object.create(store, {
      saveMany: {
        value: async (...args: Parameters<Store['saveMany']>) => {
          most = Math.max(most, ++running);
          await new Promise((resolve) => setTimeout(resolve, 30));
          try {
            return await save(...args);
          } finally {
            running--;
          }
        },
      },
    });
    // Writes go through this store object (a PostgreSQL store has no writer thread).
    const summary = await ingestInputs(slow, [corpus], { batchSize: 1, workers: 2, writerThread: false });
    expect(summary).toMatchObject({ added: 5, failed: [] });
    expect(most).toBe(1);
    expect((await store.stats()).articles).toBe(5);
  });

  it('keeps a changed article as a new version beside the old one', async () => {
    const copy = join(dir, 'story');
    cpSync(corpus, copy, { recursive: true });
    await ingestInputs(store, [copy], { workers: 0 });
    const file = join(copy, '003_e86d819293a394bf.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Leave a comment', 'Correction: an earlier version misstated the base.'));
    const again = await ingestInputs(store, [copy], { workers: 0 });
    expect(again).toMatchObject({ added: 0, unchanged: 4, updated: 1 });
    const versions = await store.listVersions(file);
    expect(versions.map((v) => v.current)).toEqual([false, true]);
  });

  it('names every bad input and still ingests the rest', async () => {
    const mixed = join(dir, 'mixed');
    cpSync(join(corpus, '000_fbc55344481ad475.txt'), join(mixed, 'good.txt'));
    writeFileSync(join(mixed, 'empty.txt'), '   \n');
    writeFileSync(join(mixed, 'binary.bin'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    const summary = await ingestInputs(store, [mixed, join(dir, 'nope.txt')], { workers: 1 });
    expect(summary.added).toBe(1);
    expect(summary.failed.map((f) => [f.input.replace(dir, ''), f.code]).sort()).toEqual([
      ['/mixed/binary.bin', 'binary'],
      ['/mixed/empty.txt', 'empty'],
      ['/nope.txt', 'not-found'],
    ]);
    for (const f of summary.failed) expect(f.message).toContain(f.input);
    // The writer thread marked the failed inputs done in its journal, beside the stored one.
    expect(await store.pending()).toEqual([]);
  });

  it('writes a SQLite file from a writer thread: none of it on this thread, every record stored', async () => {
    let mainThreadSaves = 0;
    const save = store.saveMany.bind(store);
    const watched: Store = Object.create(store, {
      saveMany: { value: async (...args: Parameters<Store['saveMany']>) => (mainThreadSaves++, save(...args)) },
    });
    const summary = await ingestInputs(watched, [corpus], { batchSize: 2, workers: 2 });
    expect(summary).toMatchObject({ total: 5, added: 5, failed: [] });
    expect(mainThreadSaves).toBe(0);
    const stats = await store.stats();
    expect(stats).toMatchObject({ articles: 5, pendingInputs: 0 });
    expect(stats.quotes).toBeGreaterThan(30);
    // The seed articles' quotes are all there, each under its article.
    const { items } = await store.listArticles({ limit: 10 });
    for (const a of items) expect((await store.getQuotes({ articleId: a.id })).items.length).toBeGreaterThan(0);
  });

  it('stops with a clear error, not a hang, when the writer thread cannot open the store', async () => {
    const unreachable: Store = Object.create(store, { sqliteFile: { value: join(dir, 'no-such-dir', 'x.db') } });
    await expect(ingestInputs(unreachable, [corpus], { workers: 1 })).rejects.toThrow(/store writer thread (failed|stopped)/);
  });

  it('fails by name every input of a batch the writer thread could not store, and the next run stores them', async () => {
    // A trigger refuses one article, as a full disk or a locked file would refuse a transaction.
    const raw = new Database(store.sqliteFile!);
    raw.exec(`CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN new.source_path LIKE '%001_%' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    const summary = await ingestInputs(store, [corpus], { batchSize: 1, workers: 2 });
    expect(summary.added).toBe(4);
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]!.input).toContain('001_10204aad8015e45e.txt');
    expect(summary.failed[0]!.message).toMatch(/001_10204aad8015e45e\.txt: could not be stored \(refused by the test\)/);
    // Its transaction rolled back, journal mark included: the input is still pending, and resumes.
    expect(await store.pending()).toEqual([join(corpus, '001_10204aad8015e45e.txt')]);
    raw.exec('DROP TRIGGER refuse');
    raw.close();
    const again = await ingestInputs(store, [corpus], { workers: 2 });
    expect(again).toMatchObject({ added: 1, unchanged: 4, resumed: 1, failed: [] });
  });

  it('reports a broken story manifest by name and still ingests its files', async () => {
    const story = join(dir, 'story');
    cpSync(join(corpus, '004_87197f165af4f63c.txt'), join(story, '004.txt'));
    writeFileSync(join(story, 'manifest.json'), '{ "story": "x", "articles": [');
    const summary = await ingestInputs(store, [story], { workers: 0 });
    expect(summary.added).toBe(1);
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]).toMatchObject({ input: join(story, 'manifest.json'), code: 'parse' });
    expect(summary.failed[0]!.message).toMatch(/not JSON.*without outlet or date hints/);
  });

  it('finishes the inputs an interrupted run left pending', async () => {
    await store.recordPending([join(corpus, '001_10204aad8015e45e.txt')]);
    const summary = await ingestInputs(store, [join(corpus, '002_e35b04c16b54d2ab.txt')], { workers: 0 });
    expect(summary).toMatchObject({ added: 2, resumed: 1 });
    expect(await store.pending()).toEqual([]);
  });
});

describe('URLs', () => {
  let server: Server;
  let base: string;
  const page = readFileSync(join(corpus, '002_e35b04c16b54d2ab.txt'), 'utf8');
  const html = `<!doctype html><html lang="en"><head><meta charset="windows-1252"><title>Putin defends Syria support — The Daily Example</title><meta property="og:site_name" content="The Daily Example"><meta property="article:published_time" content="2015-09-15T12:00:00Z"></head><body><nav>Home | World</nav><article><h1>Putin defends Syria support</h1>${page
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('')}</article><footer>© The Daily Example</footer></body></html>`;
  // Windows-1252 bytes, with the charset only in the HTTP header.
  const cp1252 = Buffer.from(html.replace(/[“”’‘—]/g, (c) => ({ '“': '\u0093', '”': '\u0094', '’': '\u0092', '‘': '\u0091', '—': '\u0097' })[c]!), 'latin1');

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/article') return void res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' }).end(cp1252);
      if (req.url === '/moved') return void res.writeHead(301, { location: '/article' }).end();
      if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
      if (req.url === '/slow') return void setTimeout(() => res.end('late'), 3000);
      if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        return void res.end('x'.repeat(300_000));
      }
      res.writeHead(404).end('not here');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches a page through a redirect, decodes its charset and ingests it', async () => {
    const summary = await ingestInputs(store, [`${base}/moved`], { workers: 0 });
    expect(summary).toMatchObject({ added: 1, failed: [] });
    const { items } = await store.listArticles({});
    const article = Article.parse(items[0]);
    expect(article.sourceUrl).toBe(`${base}/article`);
    expect(article.headline).toMatch(/^Putin defends Syria support/);
    expect(article.body).toContain('“We support the government of Syria');
    expect(article.body).not.toContain('Home | World');
  });

  it('fails each bad URL with a clear reason: 404, redirect loop, timeout, size limit', async () => {
    const summary = await ingestInputs(store, [`${base}/missing`, `${base}/loop`, `${base}/slow`, `${base}/big`], { workers: 0, fetch: { timeoutMs: 500, maxRedirects: 3 }, maxBytes: 100_000 });
    const reasons = Object.fromEntries(summary.failed.map((f) => [f.input.replace(base, ''), f.message]));
    expect(reasons['/missing']).toMatch(/answered 404/);
    expect(reasons['/loop']).toMatch(/more than 3 redirects/);
    expect(reasons['/slow']).toMatch(/no answer within 0.5 s/);
    expect(reasons['/big']).toMatch(/over the 0 MB limit|over the .* limit/);
    expect(summary.failed.every((f) => f.code === 'fetch')).toBe(true);
  });

  it('refuses non-http schemes', async () => {
    await expect(fetchSource('file:///etc/passwd')).rejects.toThrow(/only http and https/);
  });
});

describe('ingestSource', () => {
  it('ingests text from a request, then reports it unchanged', async () => {
    const text = readFileSync(join(corpus, '004_87197f165af4f63c.txt'), 'utf8');
    const first = await ingestSource(store, { text, sourcePath: 'api-upload.txt' });
    expect(first.status).toBe('added');
    expect(first.records.quotes.some((q) => q.via?.name === 'RIA Novosti')).toBe(true);
    expect((await ingestSource(store, { text, sourcePath: 'api-upload.txt' })).status).toBe('unchanged');
  });
});

describe('ingest with cross-article linking', () => {
  it('stores the seed story, its statements and one entity per person, re-linking only what is touched', async () => {
    const { linkTouched } = await import('./link.js');
    const summary = await ingestInputs(store, [join(corpus, '000_fbc55344481ad475.txt'), join(corpus, '001_10204aad8015e45e.txt'), join(corpus, '002_e35b04c16b54d2ab.txt')], { workers: 0, link: linkTouched });
    expect(summary.relinkedStories).toBe(1);
    const more = await ingestInputs(store, [corpus], { workers: 0, link: linkTouched });
    expect(more).toMatchObject({ added: 2, unchanged: 3, relinkedStories: 1 });
    const { items: stories } = await store.listStories({});
    expect(stories).toHaveLength(1);
    expect(stories[0]!.articleIds).toHaveLength(5);
    const { items: statements } = await store.listStatements({ story: stories[0]!.id });
    const refugees = statements.find((s) => /refugees/.test(s.text))!;
    expect(refugees.articleIds.length).toBeGreaterThanOrEqual(4);
    // Canonical entities only, and every Putin quote found under his one id.
    const { items: entities } = await store.listEntities({ limit: 200 });
    const putin = entities.filter((e) => e.name === 'Vladimir Putin');
    expect(putin).toHaveLength(1);
    const byPutin = await store.getQuotes({ speaker: putin[0]!.id, limit: 200 });
    expect(new Set(byPutin.items.map((q) => q.articleId)).size).toBe(5);
    expect(byPutin.items.some((q) => q.clusterId === refugees.id)).toBe(true);
    // Nothing new: nothing re-linked.
    expect((await ingestInputs(store, [corpus], { workers: 0, link: linkTouched })).relinkedStories).toBe(0);
  });

  it('links next time what a run left unlinked (killed, or failing, while it linked)', async () => {
    const { linkTouched } = await import('./link.js');
    const dying = async () => {
      throw new Error('killed while linking');
    };
    await expect(ingestInputs(store, [corpus], { workers: 0, link: dying })).rejects.toThrow(/killed while linking/);
    expect(await store.unlinkedArticleIds()).toHaveLength(5);
    // Nothing new to ingest: the articles left in no story are linked all the same.
    const next = await ingestInputs(store, [corpus], { workers: 0, link: linkTouched });
    expect(next).toMatchObject({ added: 0, unchanged: 5, relinkedStories: 1 });
    expect(await store.unlinkedArticleIds()).toEqual([]);
    expect((await store.listStories({})).items[0]!.articleIds).toHaveLength(5);
    expect((await ingestInputs(store, [corpus], { workers: 0, link: linkTouched })).relinkedStories).toBe(0);
  });

  it('deleting an article re-links its story: no statement or claim group lists it any more', async () => {
    const { linkTouched } = await import('./link.js');
    await ingestInputs(store, [corpus], { workers: 0, link: linkTouched });
    const [story] = (await store.listStories({})).items;
    const gone = story!.articleIds[0]!;
    const goneQuotes = new Set((await store.getQuotes({ articleId: gone, limit: 200 })).items.map((q) => q.id));
    expect((await store.listStatements({ story: story!.id })).items.some((s) => s.articleIds.includes(gone))).toBe(true);
    expect(await removeArticle(store, gone, { link: linkTouched })).toBe(true);
    expect(await removeArticle(store, gone, { link: linkTouched })).toBe(false);
    const stories = (await store.listStories({})).items;
    expect(stories.flatMap((s) => s.articleIds).sort()).toEqual(story!.articleIds.filter((id) => id !== gone).sort());
    const statements = (await store.listStatements({ limit: 500 })).items;
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      expect(s.articleIds).not.toContain(gone);
      expect(s.quoteIds.some((id) => goneQuotes.has(id))).toBe(false);
    }
    for (const g of (await store.listClaimGroups({ limit: 500 })).items) expect(g.articleIds).not.toContain(gone);
    // Statements the remaining outlets share are still linked (the refugee counterfactual among them).
    expect(statements.some((s) => /refugees/.test(s.text) && s.articleIds.length >= 2)).toBe(true);
  });

  const bbc = fileURLToPath(new URL('../../../../shared/eval/bbc/bbc', import.meta.url));
  it.skipIf(!existsSync(bbc))('links a few new articles into a large collection from their neighbourhood, never reading the whole store', async () => {
    const { linkTouched, neighbourhoodLinker } = await import('./link.js');
    // A collection of 300 BBC articles (every category) and three of the seed story, linked whole.
    const background = join(dir, 'bbc');
    mkdirSync(background);
    for (const cat of readdirSync(bbc).filter((d) => !d.includes('.')))
      for (const f of readdirSync(join(bbc, cat)).sort().slice(0, 60)) cpSync(join(bbc, cat, f), join(background, `${cat}-${f}`));
    const seeds = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
    await ingestInputs(store, [background, ...seeds.slice(0, 3).map((f) => join(corpus, f))], { workers: 1, link: linkTouched });
    const before = new Map((await store.listStories({ limit: 1000 })).items.map((s) => [s.id, s]));
    const seedStory = [...before.values()].find((s) => s.articleIds.length === 3 && /Putin|Syria/.test(s.title))!;
    expect(seedStory).toBeDefined();

    // The other two seed articles, linked in their neighbourhood (the collection is small, so forced here).
    const exports: Array<number | 'all'> = [];
    const exportBundle = store.exportBundle.bind(store);
    vi.spyOn(store, 'exportBundle').mockImplementation(async (scope) => (exports.push(scope ? scope.articleIds.length : 'all'), exportBundle(scope)));
    const linker = neighbourhoodLinker({ wholeUpTo: 0 });
    const more = await ingestInputs(store, [corpus], { workers: 1, link: linker });
    expect(more).toMatchObject({ added: 2, unchanged: 3, relinkedStories: 1 });
    expect(exports).toHaveLength(1);
    expect(exports[0]).not.toBe('all');
    expect(exports[0]).toBeLessThan(120); // the two, 2 × 25 related articles and their stories' other articles, of 305

    // The two joined the seed story; every other story kept its id and members.
    const after = (await store.listStories({ limit: 1000 })).items;
    const story = after.find((s) => seedStory.articleIds.every((id) => s.articleIds.includes(id)))!;
    expect(story.articleIds).toHaveLength(5);
    expect(await store.getStory(seedStory.id)).toBeNull();
    expect(after.filter((s) => s.id !== story.id).map((s) => s.id).sort()).toEqual([...before.keys()].filter((id) => id !== seedStory.id).sort());
    // Its statements and entities as whole linking gives them (the test above): the refugee statement in
    // four or more outlets, one Putin with quotes in all five articles.
    const { items: statements } = await store.listStatements({ story: story.id });
    expect(statements.find((s) => /refugees/.test(s.text))!.articleIds.length).toBeGreaterThanOrEqual(4);
    const storyQuotes = (await store.getQuotes({ story: story.id, limit: 1000 })).items;
    const putin = new Set(storyQuotes.filter((q) => q.speaker?.name === 'Vladimir Putin').map((q) => q.speaker!.entityId));
    expect(putin.size).toBe(1);
    expect((await store.getEntity([...putin][0]!))?.name).toBe('Vladimir Putin');
    const byPutin = await store.getQuotes({ speaker: [...putin][0]!, limit: 200 });
    // (He is one person across stories too: BBC articles quote him under the same id.)
    expect(new Set(byPutin.items.map((q) => q.articleId).filter((id) => story.articleIds.includes(id))).size).toBe(5);

    // Deleting one re-links that story alone, again from its neighbourhood.
    const gone = story.articleIds[0]!;
    expect(await removeArticle(store, gone, { link: linker })).toBe(true);
    expect(exports.slice(1).every((e) => e !== 'all')).toBe(true);
    const left = (await store.listStories({ limit: 1000 })).items;
    const rest = story.articleIds.filter((id) => id !== gone).sort();
    expect(left.find((s) => s.articleIds.includes(rest[0]!))!.articleIds.sort()).toEqual(rest);
    expect(left).toHaveLength(after.length);
  }, 120_000); // 4 s alone; CI runs every workspace's tests at once on two cores

  it.skipIf(!existsSync(bbc))('links a whole collection story batch by story batch exactly as in one piece', async () => {
    const { neighbourhoodLinker } = await import('./link.js');
    const inputs = join(dir, 'mixed');
    mkdirSync(inputs);
    for (const cat of readdirSync(bbc).filter((d) => !d.includes('.')))
      for (const f of readdirSync(join(bbc, cat)).sort().slice(0, 40)) cpSync(join(bbc, cat, f), join(inputs, `${cat}-${f}`));
    for (const f of readdirSync(corpus)) cpSync(join(corpus, f), join(inputs, f));
    const linked = async (storyBatch: number) => {
      const s = await openStore(join(dir, `batch-${storyBatch}.db`));
      const exports: Array<number | 'all'> = [];
      const exportBundle = s.exportBundle.bind(s);
      vi.spyOn(s, 'exportBundle').mockImplementation(async (scope) => (exports.push(scope ? scope.articleIds.length : 'all'), exportBundle(scope)));
      const progress: Array<{ done: number; total: number }> = [];
      const summary = await ingestInputs(s, [inputs], { workers: 1, link: neighbourhoodLinker({ storyBatch }), onLinkProgress: (p) => progress.push(p) });
      vi.restoreAllMocks();
      // Progress in stories built, from none to all of them, never backwards.
      expect(progress[0]).toEqual({ done: 0, total: summary.relinkedStories });
      expect(progress.at(-1)).toEqual({ done: summary.relinkedStories, total: summary.relinkedStories });
      for (let k = 1; k < progress.length; k++) expect(progress[k]!.done).toBeGreaterThan(progress[k - 1]!.done);
      const b = await s.exportBundle();
      await s.close();
      return { b, exports, progress };
    };
    const one = await linked(100_000);
    const many = await linked(50);
    expect(one.exports).toHaveLength(1);
    expect(many.exports.length).toBeGreaterThan(4);
    expect(many.progress.length).toBe(many.exports.length + 1);
    expect(many.exports.every((n) => n !== 'all' && n <= 50 + 5)).toBe(true);
    expect(many.b.stories.length).toBeGreaterThan(100);
    expect(many.b.stories.find((s) => s.articleIds.length === 5 && /Putin/.test(s.title))).toBeDefined();
    // The same records, to the id.
    for (const k of ['stories', 'statements', 'claimGroups', 'entities', 'articles', 'quotes', 'claims'] as const) expect(many.b[k]).toEqual(one.b[k]);
  }, 120_000);
});
