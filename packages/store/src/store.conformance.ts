// The one behaviour every Store must have, run against each backend by sqlite-store.test.ts and
// pg-store.test.ts. Records are made from the seed corpus text (test/records.ts).
import { Bundle, makeId, type ClaimGroup, type Statement, type Story } from '@parallax/schema';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimsOf, corpusRecords, quotesOf, recordsFromText } from '../test/records.js';
import { InvalidCursorError } from './cursor.js';
import type { ArticleRecords, Store } from './store.js';

export interface StoreHandle {
  store: Store;
  /** Close the store and remove what it stored. */
  cleanup(): Promise<void>;
}

/** Same records with a changed source text (a correction appended): a new version of the same source. */
function revised(r: ArticleRecords, note: string): ArticleRecords {
  const text = `${r.article.headline ?? ''}\n\n${r.article.body}\n\n${note}`;
  const next = recordsFromText(text, { sourcePath: r.article.sourcePath, sourceUrl: r.article.sourceUrl, outlet: r.outlet?.name ?? null, publishedAt: r.article.publishedAt });
  return next;
}

async function allPages<T>(fetch: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = await fetch(cursor);
    out.push(...page.items);
    if (page.nextCursor === null) return out;
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

/** Links over the corpus: one story, a statement of two Putin quotes, a group of two numeric claims. */
function linksOf(records: ArticleRecords[]): { story: Story; statement: Statement; group: ClaimGroup } {
  const articleIds = records.map((r) => r.article.id);
  const putin = records.flatMap((r) => r.quotes.filter((q) => q.speaker?.name === 'Putin')).slice(0, 2);
  const claims = records.flatMap((r) => r.claims.slice(0, 1)).slice(0, 2);
  if (putin.length < 2 || claims.length < 2) throw new Error('corpus records lack two Putin quotes or two claims');
  const [q0, q1] = putin as [(typeof putin)[0], (typeof putin)[0]];
  const statement: Statement = {
    id: makeId('statement', ...putin.map((q) => q.id).sort()),
    speakerEntityId: q0.speaker?.entityId ?? null,
    speakerName: 'Putin',
    text: q0.text,
    referenceQuoteId: q0.id,
    quoteIds: putin.map((q) => q.id),
    articleIds: [...new Set(putin.map((q) => q.articleId))],
    variants: [{ quoteId: q1.id, articleId: q1.articleId, similarity: 0.5, ops: [] }],
  };
  const group: ClaimGroup = {
    id: makeId('claimGroup', ...claims.map((c) => c.id).sort()),
    text: claims[0]?.text ?? '',
    claimIds: claims.map((c) => c.id),
    articleIds: [...new Set(claims.map((c) => c.articleId))],
    outletIds: [],
    corroboration: 2,
    status: 'corroborated',
    conflicts: [],
  };
  const story: Story = {
    id: makeId('story', ...[...articleIds].sort()),
    title: 'Putin defends Russia\'s military support for Syria',
    articleIds,
    outletIds: [...new Set(records.flatMap((r) => (r.outlet ? [r.outlet.id] : [])))],
    firstDate: '2015-09-15',
    lastDate: '2015-09-15',
    timeline: [],
    coverage: [{ kind: 'statement', id: statement.id, label: statement.text.slice(0, 40), articleIds: statement.articleIds }],
    digest: [],
  };
  return { story, statement, group };
}

export function storeConformance(name: string, open: () => Promise<StoreHandle>): void {
  describe(`${name} store conformance`, () => {
    let handle: StoreHandle;
    let store: Store;
    const records = corpusRecords();

    beforeEach(async () => {
      handle = await open();
      store = handle.store;
    });
    afterEach(async () => {
      await handle.cleanup();
    });

    it('migrates once: a second migrate applies nothing', async () => {
      expect(await store.migrate()).toEqual([]);
    });

    it('adds each article once and reports the same input as unchanged', async () => {
      expect(await store.saveMany(records)).toEqual(records.map(() => 'added'));
      for (const r of records) expect(await store.saveArticle(r)).toBe('unchanged');
      const stats = await store.stats();
      expect(stats).toMatchObject({
        articles: records.length,
        articleVersions: records.length,
        quotes: records.reduce((n, r) => n + r.quotes.length, 0),
        claims: records.reduce((n, r) => n + r.claims.length, 0),
        outlets: 1,
      });
      expect(stats.bytes).toBeGreaterThan(0);
    });

    it('returns articles, quotes and claims exactly as saved, spans into the stored body', async () => {
      await store.saveMany(records);
      for (const r of records) {
        const article = await store.getArticle(r.article.id);
        expect(article).toEqual(r.article);
        const quotes = (await store.getQuotes({ articleId: r.article.id, limit: 200 })).items;
        expect(quotes).toEqual([...r.quotes].sort((a, b) => a.span.start - b.span.start || a.id.localeCompare(b.id)));
        for (const q of quotes) expect(article?.body.slice(q.span.start, q.span.end)).toBe(q.text);
        const claims = (await store.getClaims({ articleId: r.article.id, limit: 200 })).items;
        expect(new Set(claims.map((c) => c.id))).toEqual(new Set(r.claims.map((c) => c.id)));
      }
      expect(await store.getArticle('art_0000000000000000')).toBeNull();
      expect(await store.getArticles([records[1]!.article.id, 'art_0000000000000000', records[0]!.article.id])).toEqual([records[1]!.article, records[0]!.article]);
    });

    it('keeps a changed article from the same source as a new current version beside the old one', async () => {
      await store.saveMany(records);
      const first = records[0]!;
      const next = revised(first, 'This article was updated to correct the spelling of a name.');
      expect(next.article.id).not.toBe(first.article.id);
      expect(await store.saveArticle(next)).toBe('updated');
      expect(await store.saveArticle(next)).toBe('unchanged');

      const versions = await store.listVersions(first.article.sourcePath!);
      expect(versions.map((v) => [v.articleId, v.version, v.current])).toEqual([
        [first.article.id, 1, false],
        [next.article.id, 2, true],
      ]);
      expect(await store.listVersions(first.article.id)).toEqual(versions);
      // The old version stays readable; lists and search see only the current one.
      expect(await store.getArticle(first.article.id)).toEqual(first.article);
      const listed = await allPages((cursor) => store.listArticles({ limit: 2, cursor }));
      expect(listed.map((a) => a.id).sort()).toEqual([next.article.id, ...records.slice(1).map((r) => r.article.id)].sort());
      const quotesByAnyone = await allPages((cursor) => store.getQuotes({ cursor, limit: 7 }));
      expect(quotesByAnyone.some((q) => q.articleId === first.article.id)).toBe(false);
      expect((await store.stats()).articleVersions).toBe(records.length + 1);
    });

    it('treats the same sourceUrl as the same source, and the same clean text from a changed source as an update in place', async () => {
      const base = records[2]!;
      const a = { ...base, article: { ...base.article, sourceUrl: 'https://example.org/putin-syria', sourcePath: 'a.txt' } };
      expect(await store.saveArticle(a)).toBe('added');
      const b = revised(a, 'Correction: an earlier version misstated a date.');
      const moved = { ...b, article: { ...b.article, sourcePath: 'b.txt' } };
      expect(await store.saveArticle(moved)).toBe('updated');
      // Same id (clean text unchanged) but the source bytes differ: still one row, a new version number.
      const rehashed = { ...moved, article: { ...moved.article, contentHash: 'ffffffffffffffff' } };
      expect(await store.saveArticle(rehashed)).toBe('updated');
      const versions = await store.listVersions('https://example.org/putin-syria');
      expect(versions.map((v) => [v.version, v.current])).toEqual([
        [1, false],
        [3, true],
      ]);
      expect((await store.getArticle(moved.article.id))?.contentHash).toBe('ffffffffffffffff');
    });

    it('never leaves half an article: a batch with one invalid record stores nothing', async () => {
      const bad = records[1]!;
      const broken = { ...bad, quotes: [...bad.quotes, { ...records[0]!.quotes[0]! }] };
      await expect(store.saveMany([records[0]!, broken])).rejects.toThrow(/belongs to/);
      expect((await store.stats()).articleVersions).toBe(0);
      expect((await store.stats()).quotes).toBe(0);
    });

    it('merges entities by id across articles', async () => {
      await store.saveMany(records);
      const putinId = records.flatMap((r) => r.entities).find((e) => e.name === 'Putin')?.id;
      expect(putinId).toBeDefined();
      const withPutin = records.filter((r) => r.entities.some((e) => e.id === putinId)).map((r) => r.article.id);
      expect(withPutin.length).toBeGreaterThan(1);
      const putin = await store.getEntity(putinId!);
      expect(putin?.articleIds.sort()).toEqual(withPutin.sort());
      await store.saveLinks([], {
        stories: [],
        statements: [],
        claimGroups: [],
        entities: [{ ...putin!, name: 'Vladimir Putin', aliases: ['Mr Putin'], roles: ['Russian president'], articleIds: [] }],
      });
      const merged = await store.getEntity(putinId!);
      expect(merged).toMatchObject({ name: 'Vladimir Putin', roles: ['Russian president'] });
      expect(merged?.aliases.sort()).toEqual(['Mr Putin', 'Putin']);
      expect(merged?.articleIds.sort()).toEqual(withPutin.sort());
      const listed = await allPages((cursor) => store.listEntities({ limit: 2, cursor }));
      expect(listed.length).toBe((await store.stats()).entities);
    });

    it('replaces the cross-article records of a story atomically and sets cluster ids', async () => {
      await store.saveMany(records);
      const { story, statement, group } = linksOf(records);
      await store.saveLinks([], { stories: [story], statements: [statement], claimGroups: [group] });
      expect(await store.getStory(story.id)).toEqual(story);
      expect(await store.getStatement(statement.id)).toEqual(statement);
      expect(await store.getClaimGroup(group.id)).toEqual(group);
      expect((await store.getArticle(records[3]!.article.id))?.storyId).toBe(story.id);
      const clustered = await store.getQuotes({ clusterId: statement.id });
      expect(clustered.items.map((q) => q.id).sort()).toEqual([...statement.quoteIds].sort());
      expect((await store.getClaims({ clusterId: group.id })).items.every((c) => c.clusterId === group.id)).toBe(true);
      expect((await store.listStatements({ story: story.id })).items.map((s) => s.id)).toEqual([statement.id]);
      expect((await store.listClaimGroups({ story: story.id, status: 'corroborated' })).items.map((g) => g.id)).toEqual([group.id]);
      expect((await store.listArticles({ story: story.id })).items).toHaveLength(records.length);

      // Re-link: the story splits; the old story, statement and clusters are gone.
      const smaller: Story = { ...story, id: makeId('story', 'smaller'), articleIds: records.slice(0, 2).map((r) => r.article.id), coverage: [] };
      await store.saveLinks([story.id], { stories: [smaller], statements: [], claimGroups: [] });
      expect(await store.getStory(story.id)).toBeNull();
      expect(await store.getStatement(statement.id)).toBeNull();
      expect((await store.getQuotes({ clusterId: statement.id })).items).toEqual([]);
      expect((await store.getArticle(records[3]!.article.id))?.storyId).toBeNull();
      expect((await store.getArticle(records[0]!.article.id))?.storyId).toBe(smaller.id);
      expect((await store.listStories()).items.map((s) => s.id)).toEqual([smaller.id]);
      await store.saveLinks('all', { stories: [], statements: [], claimGroups: [] });
      expect((await store.stats()).stories).toBe(0);
    });

    it('pages articles in a stable order with filters and rejects a tampered cursor', async () => {
      await store.saveMany(records);
      for (const sort of ['published', '-published', 'headline'] as const) {
        const paged = await allPages((cursor) => store.listArticles({ sort, limit: 2, cursor }));
        expect(paged.map((a) => a.id).sort()).toEqual(records.map((r) => r.article.id).sort());
        const whole = (await store.listArticles({ sort, limit: 50 })).items;
        expect(paged.map((a) => a.id)).toEqual(whole.map((a) => a.id));
      }
      const dated = records.filter((r) => r.article.publishedAt !== null);
      expect(dated.length).toBeGreaterThan(0);
      const first = (await store.listArticles({ sort: '-published' })).items[0];
      expect(first?.publishedAt).toBe('2015-09-15');
      expect((await store.listArticles({ from: '2015-09-15', to: '2015-09-15' })).items.map((a) => a.id)).toEqual(dated.map((r) => r.article.id));
      expect((await store.listArticles({ from: '2015-09-16' })).items).toEqual([]);
      const outlet = records.find((r) => r.outlet)!.outlet!;
      expect((await store.listArticles({ outlet: outlet.id })).items.map((a) => a.outletId)).toEqual([outlet.id]);
      expect(await store.getOutlet(outlet.id)).toEqual(outlet);
      await expect(store.listArticles({ cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError);
    });

    it('filters and pages quotes by speaker, kind, story and outlet', async () => {
      await store.saveMany(records);
      const all = records.flatMap((r) => r.quotes);
      const paged = await allPages((cursor) => store.getQuotes({ limit: 4, cursor }));
      expect(paged).toHaveLength(all.length);
      expect(new Set(paged.map((q) => q.id)).size).toBe(all.length);
      const speaker = all.find((q) => q.speaker?.name === 'Putin')!.speaker!.entityId!;
      const bySpeaker = await allPages((cursor) => store.getQuotes({ speaker, limit: 3, cursor }));
      expect(bySpeaker.map((q) => q.id).sort()).toEqual(all.filter((q) => q.speaker?.entityId === speaker).map((q) => q.id).sort());
      const indirect = (await store.getQuotes({ kind: 'indirect', limit: 200 })).items;
      expect(indirect.length).toBe(all.filter((q) => q.kind === 'indirect').length);
      const outlet = records.find((r) => r.outlet)!;
      expect((await store.getQuotes({ outlet: outlet.outlet!.id, limit: 200 })).items.map((q) => q.id).sort()).toEqual(outlet.quotes.map((q) => q.id).sort());
      const { story } = linksOf(records);
      expect((await store.getQuotes({ story: story.id })).items).toEqual([]);
    });

    it('searches articles, quotes and claims with ranking, [[highlights]] and filters', async () => {
      await store.saveMany(records);
      const hits = await store.search({ q: 'Assad coalition' });
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) {
        expect(h.snippet).toMatch(/\[\[[^\]]+\]\]/);
        const article = records.find((r) => r.article.id === h.articleId)!.article;
        const text = `${article.headline ?? ''} ${h.span ? article.body.slice(h.span.start, h.span.end) : article.body}`.toLowerCase();
        expect(text).toContain('assad');
        expect(text).toContain('coalition');
      }
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
      const mixed = await store.search({ q: 'Russia', limit: 100 });
      expect(new Set(mixed.map((h) => h.type))).toEqual(new Set(['article', 'quote', 'claim']));
      // Ranking: the article that names Russia most often in its headline and body comes before one that names it least.
      const articleHits = mixed.filter((h) => h.type === 'article');
      const mentions = (id: string) => records.find((r) => r.article.id === id)!.article.body.split(/Russia/).length - 1;
      expect(mentions(articleHits[0]!.id)).toBeGreaterThanOrEqual(mentions(articleHits.at(-1)!.id));

      const quotes = await store.search({ q: 'extremists', type: 'quote' });
      expect(quotes.length).toBeGreaterThan(0);
      expect(quotes.every((h) => h.type === 'quote' && h.span !== null)).toBe(true);
      const speaker = records.flatMap((r) => r.quotes).find((q) => q.speaker?.name === 'Putin')!.speaker!.entityId!;
      const bySpeaker = await store.search({ q: 'Russia', speaker });
      expect(bySpeaker.length).toBeGreaterThan(0);
      const putinQuoteIds = new Set(records.flatMap((r) => r.quotes).filter((q) => q.speaker?.entityId === speaker).map((q) => q.id));
      expect(bySpeaker.every((h) => h.type === 'quote' && putinQuoteIds.has(h.id))).toBe(true);

      const dated = records.find((r) => r.article.publishedAt)!.article;
      const inDate = await store.search({ q: 'Putin', from: '2015-09-15', to: '2015-09-15' });
      expect(inDate.length).toBeGreaterThan(0);
      expect(inDate.every((h) => h.articleId === dated.id)).toBe(true);
      expect(await store.search({ q: 'Putin', story: makeId('story', 'none') })).toEqual([]);
      expect((await store.search({ q: 'Putin', limit: 3 })).length).toBe(3);
      // Stemming: "defended" in the text, "defend" in the query.
      expect((await store.search({ q: 'defend', type: 'article' })).length).toBeGreaterThan(0);
    });

    it('still finds everything after optimize()', async () => {
      await store.saveMany(records);
      const before = await store.search({ q: 'Putin Assad', limit: 50 });
      await store.optimize();
      expect(await store.search({ q: 'Putin Assad', limit: 50 })).toEqual(before);
    });

    it('never throws on search syntax typed by a user', async () => {
      await store.saveMany(records);
      for (const q of ['"Putin', 'Putin AND (', '*', 'NEAR(Putin Assad', 'body:Putin', '-Assad', 'Putin"s', "Assad's", '(((', 'OR', '^Putin', 'Put*', '\u0000Putin', 'a'.repeat(600)]) {
        await expect(store.search({ q })).resolves.toBeInstanceOf(Array);
      }
      expect(await store.search({ q: '***' })).toEqual([]);
      expect((await store.search({ q: '"Putin' })).length).toBeGreaterThan(0);
    });

    it('deletes an article with its records and makes the previous version current again', async () => {
      await store.saveMany(records);
      const first = records[0]!;
      const next = revised(first, 'Updated with a correction.');
      await store.saveArticle(next);
      expect(await store.deleteArticle(next.article.id)).toBe(true);
      expect(await store.deleteArticle(next.article.id)).toBe(false);
      expect(await store.getArticle(next.article.id)).toBeNull();
      expect((await store.listVersions(first.article.id)).map((v) => [v.articleId, v.current])).toEqual([[first.article.id, true]]);
      const third = records[2]!;
      await store.deleteArticle(third.article.id);
      expect((await store.getQuotes({ articleId: third.article.id })).items).toEqual([]);
      expect((await store.search({ q: 'Jamous' })).some((h) => h.articleId === third.article.id)).toBe(false);
      const entity = third.entities[0]!;
      expect((await store.getEntity(entity.id))?.articleIds ?? []).not.toContain(third.article.id);
      const stats = await store.stats();
      expect(stats.articles).toBe(records.length - 1);
      expect(stats.quotes).toBe(records.filter((r) => r !== third).reduce((n, r) => n + r.quotes.length, 0));
    });

    it('exports a schema-valid bundle that imports into an empty store unchanged', async () => {
      await store.saveMany(records);
      const { story, statement, group } = linksOf(records);
      await store.saveLinks([], { stories: [story], statements: [statement], claimGroups: [group] });
      const bundle = Bundle.parse(await store.exportBundle());
      expect(bundle.articles).toHaveLength(records.length);
      expect(bundle.stories).toEqual([story]);
      let streamed = 0;
      for await (const r of store.exportRecords()) if (r.kind === 'quotes') streamed++;
      expect(streamed).toBe(bundle.quotes.length);

      const before = await store.stats();
      await handle.cleanup();
      handle = await open();
      store = handle.store;
      expect(await store.importBundle(bundle)).toEqual({ added: records.length, unchanged: 0, updated: 0 });
      const after = await store.stats();
      expect({ ...after, bytes: 0 }).toEqual({ ...before, bytes: 0 });
      const again = Bundle.parse(await store.exportBundle());
      const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(again.articles)).toEqual(byId(bundle.articles));
      expect(byId(again.quotes)).toEqual(byId(bundle.quotes));
      expect(byId(again.entities)).toEqual(byId(bundle.entities));
      expect(again.statements).toEqual(bundle.statements);
      expect(await store.importBundle(bundle)).toEqual({ added: 0, unchanged: records.length, updated: 0 });
    });

    it('keeps an ingest journal so a killed run can be finished', async () => {
      const inputs = records.map((r) => r.article.sourcePath!);
      await store.recordPending(inputs);
      expect(await store.pending()).toEqual(inputs);
      await store.markDone(inputs[1]!);
      expect(await store.saveArticle(records[0]!, { input: inputs[0]! })).toBe('added');
      expect(await store.pending()).toEqual([inputs[2], inputs[3], inputs[4]]);
      expect((await store.stats()).pendingInputs).toBe(3);
      await store.recordPending([inputs[0]!]);
      expect(await store.pending()).toEqual([inputs[0], inputs[2], inputs[3], inputs[4]]);
    });

    it('serialises concurrent writers on one store', async () => {
      const variants = records.map((r, i) => revised(r, `Variant ${i}.`));
      const results = await Promise.all([...records, ...variants].map((r) => store.saveArticle(r)));
      expect(results.filter((s) => s === 'added').length + results.filter((s) => s === 'updated').length).toBe(records.length * 2);
      expect((await store.stats()).articles).toBe(records.length);
    });
  });
}


/**
 * A writer process killed with SIGKILL in the middle of its work leaves whole articles only, each with
 * its journal entry done in the same transaction, while another connection reads the whole time.
 */
export function killedWriterConformance(name: string, open: () => Promise<StoreHandle & { url: string; schema?: string }>): void {
  describe(`${name} store with a killed writer process`, () => {
    it('keeps only whole articles and a journal that agrees with them', async () => {
      const handle = await open();
      const { store } = handle;
      try {
        const script = join(dirname(fileURLToPath(import.meta.url)), '../test/writer-process.ts');
        const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@parallax/source', script, handle.url, ...(handle.schema ? [handle.schema] : [])], {
          cwd: dirname(script),
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let saved = 0;
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
        await new Promise<void>((resolve, reject) => {
          child.stdout.on('data', (d: Buffer) => {
            saved = Number(d.toString().trim().split('\n').at(-1));
            if (saved >= 40) resolve();
          });
          child.on('exit', () => reject(new Error(`writer exited early: ${stderr}`)));
        });
        // Read while the writer writes.
        const during = await store.listArticles({ limit: 10 });
        expect(during.items.length).toBeGreaterThan(0);
        child.kill('SIGKILL');
        await exited;

        const articles = [];
        let cursor: string | undefined;
        do {
          const page = await store.listArticles({ limit: 200, cursor });
          articles.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(articles.length).toBeGreaterThanOrEqual(40);
        for (const a of articles) {
          const quotes = await store.getQuotes({ articleId: a.id, limit: 200 });
          const claims = await store.getClaims({ articleId: a.id, limit: 200 });
          expect(quotes.items.length).toBe(quotesOf(a.id, a.body).quotes.length);
          expect(claims.items.length).toBe(claimsOf(a.id, a.body).length);
        }
        const pending = new Set(await store.pending());
        expect(pending.size).toBe(2000 - articles.length);
        for (const a of articles) expect(pending.has(a.sourcePath!)).toBe(false);
      } finally {
        await handle.cleanup();
      }
    }, 60_000);
  });
}
