// The one behaviour every Store must have, run against each backend by sqlite-store.test.ts and
// pg-store.test.ts. Records are made from the seed corpus text (test/records.ts).
import { Bundle, makeId, type Claim, type ClaimGroup, type Entity, type Quote, type Statement, type Story } from '@parallax/schema';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimsOf, corpusRecords, quotesOf, recordsFromText } from '../test/records.js';
import { InvalidCursorError } from './cursor.js';
import { prepareRecords } from './rows.js';
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

/** The same article (same clean text, so the same id) reached through another input whose bytes differ. */
function elsewhere(r: ArticleRecords, sourcePath: string | null, contentHash: string): ArticleRecords {
  return { ...r, article: { ...r.article, sourcePath, contentHash } };
}

const hash = (c: string) => c.repeat(16);

/**
 * Batches of every kind one after another: new articles, duplicates within a batch, changed versions
 * (new ids), changed source bytes of one article (updated in place), two versions of one source in one
 * batch, deletes, a quote id already stored given again under another article (an upsert). Returns what
 * should be current and what should have left the search index. Used by the conformance suite and by the
 * SQLite FTS5 integrity test.
 */
export async function mixedBatches(store: Store, records: readonly ArticleRecords[]): Promise<{ current: ArticleRecords[]; gone: string[]; stale: string[] }> {
  const [r0, r1, r2, r3, r4] = records as [ArticleRecords, ArticleRecords, ArticleRecords, ArticleRecords, ArticleRecords];
  expect(await store.saveMany([r0, elsewhere(r0, 'mirror/putin-syria.txt', hash('f')), r1, r2])).toEqual(['added', 'duplicate', 'added', 'added']);

  const v2 = revised(r0, 'Correction: an earlier version mentioned zeppelins.');
  const r1b = elsewhere(r1, r1.article.sourcePath, hash('e'));
  expect(await store.saveMany([v2, r1b, r3, elsewhere(r3, null, hash('d')), r4, v2])).toEqual(['updated', 'updated', 'added', 'duplicate', 'added', 'duplicate']);

  expect(await store.deleteArticle(v2.article.id)).toBe(true); // r0 is current again
  expect(await store.deleteArticle(r2.article.id)).toBe(true);

  const v3 = revised(r4, 'Update: this story now mentions narwhals.');
  const v4 = revised(r4, 'Update: this story now mentions walruses.');
  expect(await store.saveMany([r2, v3, v4, r0, v4])).toEqual(['added', 'updated', 'updated', 'unchanged', 'duplicate']);

  // A quote id already stored (one of r1's) given again under another article: upserted in place.
  const moved = r1.quotes[0]!;
  const v5 = revised(r3, 'Update: a later edition added a line.');
  const taken = v5.quotes.find((q) => q.kind === 'direct') ?? v5.quotes[0]!;
  const v5b: ArticleRecords = { ...v5, quotes: v5.quotes.map((q) => (q === taken ? { ...q, id: moved.id } : q)) };
  expect(await store.saveMany([v5b])).toEqual(['updated']);
  const r1after: ArticleRecords = { ...r1b, quotes: r1.quotes.filter((q) => q.id !== moved.id) };
  return { current: [r0, r1after, r2, v5b, v4], gone: ['zeppelins', 'narwhals'], stale: [r3.article.id, r4.article.id, v3.article.id] };
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

    it('stores records prepared on another thread exactly as it stores plain ones', async () => {
      // prepareRecords is what ingest's extraction workers run; the batch mixes prepared and plain items.
      const mixed = records.map((r, i) => (i % 2 === 0 ? prepareRecords(r) : r));
      expect(await store.saveMany(mixed)).toEqual(records.map(() => 'added'));
      expect(await store.saveMany(records.map(prepareRecords))).toEqual(records.map(() => 'unchanged'));
      for (const r of records) {
        expect(await store.getArticle(r.article.id)).toEqual(r.article);
        const quotes = (await store.getQuotes({ articleId: r.article.id, limit: 200 })).items;
        expect(quotes).toEqual([...r.quotes].sort((a, b) => a.span.start - b.span.start || a.id.localeCompare(b.id)));
        const claims = (await store.getClaims({ articleId: r.article.id, limit: 200 })).items;
        expect(claims.map((c) => c.id).sort()).toEqual(r.claims.map((c) => c.id).sort());
      }
      // Preparing validates: a quote of another article is refused before any store sees it.
      const bad = records[1]!;
      expect(() => prepareRecords({ ...bad, quotes: [...bad.quotes, { ...records[0]!.quotes[0]! }] })).toThrow(/belongs to/);
      // Prepared rows are indexed for search like any others.
      const word = /\p{L}{6,}/u.exec(records[0]!.quotes[0]!.text)![0];
      const hits = await store.search({ q: word, type: 'quote', limit: 50 });
      expect(hits.some((h) => h.id === records[0]!.quotes[0]!.id)).toBe(true);
    });

    it('never leaves half an article: a batch with one invalid record stores nothing', async () => {
      const bad = records[1]!;
      const broken = { ...bad, quotes: [...bad.quotes, { ...records[0]!.quotes[0]! }] };
      await expect(store.saveMany([records[0]!, broken])).rejects.toThrow(/belongs to/);
      expect((await store.stats()).articleVersions).toBe(0);
      expect((await store.stats()).quotes).toBe(0);
    });

    it('stores an article reached through two inputs in one batch once, then searches and exports it', async () => {
      const [first] = records as [ArticleRecords];
      const copy = elsewhere(first, 'mirror/copy-of-first.txt', hash('a'));
      expect(await store.saveMany([first, ...records.slice(1), copy])).toEqual([...records.map(() => 'added'), 'duplicate']);
      // The first input's records are the stored ones.
      expect(await store.getArticle(first.article.id)).toEqual(first.article);
      expect((await store.listVersions(first.article.id)).map((v) => [v.sourcePath, v.version, v.current])).toEqual([[first.article.sourcePath, 1, true]]);
      expect(await store.listVersions('mirror/copy-of-first.txt')).toEqual([]);
      const stats = await store.stats();
      expect(stats).toMatchObject({ articles: records.length, articleVersions: records.length, quotes: records.reduce((n, r) => n + r.quotes.length, 0) });
      const hits = await store.search({ q: 'Putin', limit: 100 });
      expect(hits.length).toBeGreaterThan(0);
      expect(new Set(hits.map((h) => `${h.type}:${h.id}`)).size).toBe(hits.length);
      expect(hits.some((h) => h.articleId === first.article.id)).toBe(true);
      const bundle = Bundle.parse(await store.exportBundle());
      expect(bundle.articles.map((a) => a.id).sort()).toEqual(records.map((r) => r.article.id).sort());
      expect(bundle.quotes).toHaveLength(stats.quotes);
      // Saved again, both inputs are one stored article.
      expect(await store.saveMany([copy, first])).toEqual(['updated', 'duplicate']);
      expect((await store.getArticle(first.article.id))?.contentHash).toBe(hash('a'));
    });

    it('keeps one current version when one batch holds two versions of one source', async () => {
      const [first] = records as [ArticleRecords];
      const a = revised(first, 'Update: first correction.');
      const b = revised(first, 'Update: second correction.');
      expect(await store.saveMany([first, a, b])).toEqual(['added', 'updated', 'updated']);
      const versions = await store.listVersions(first.article.sourcePath!);
      expect(versions.map((v) => [v.articleId, v.version, v.current])).toEqual([
        [first.article.id, 1, false],
        [a.article.id, 2, false],
        [b.article.id, 3, true],
      ]);
      expect((await store.stats()).articles).toBe(1);
      // The first version comes back in a batch that also changes its source again: one current row still.
      const c = revised(first, 'Update: third correction.');
      expect(await store.saveMany([c, first])).toEqual(['updated', 'updated']);
      expect((await store.listVersions(first.article.id)).filter((v) => v.current).map((v) => v.articleId)).toEqual([first.article.id]);
    });

    it('keeps search and export whole after mixed batches of new, duplicate, changed and deleted articles', async () => {
      const { current, gone, stale } = await mixedBatches(store, records);
      const currentIds = new Set(current.map((r) => r.article.id));
      const listed = await allPages((cursor) => store.listArticles({ limit: 2, cursor }));
      expect(new Set(listed.map((a) => a.id))).toEqual(currentIds);
      for (const r of current) {
        const quotes = (await store.getQuotes({ articleId: r.article.id, limit: 200 })).items;
        expect(new Set(quotes.map((q) => q.id))).toEqual(new Set(r.quotes.map((q) => q.id)));
        for (const q of quotes) expect((await store.getArticle(r.article.id))?.body.slice(q.span.start, q.span.end)).toBe(q.text);
      }
      for (const word of gone) expect(await store.search({ q: word })).toEqual([]);
      const walruses = await store.search({ q: 'walruses' });
      expect(walruses.map((h) => [h.type, h.articleId])).toEqual([['article', current[4]!.article.id]]);
      for (const q of ['Putin', 'Russia Syria', 'refugees', 'Assad']) {
        const hits = await store.search({ q, limit: 100 });
        expect(new Set(hits.map((h) => `${h.type}:${h.id}`)).size).toBe(hits.length);
        for (const h of hits) {
          expect(currentIds.has(h.articleId)).toBe(true);
          expect(stale).not.toContain(h.articleId);
        }
      }
      // The upserted quote answers a search for its new text, under its new article only.
      const moved = current[3]!.quotes.find((q) => current[1]!.quotes.every((o) => o.id !== q.id) && records[1]!.quotes.some((o) => o.id === q.id))!;
      const words = moved.text.split(/\W+/).filter((w) => w.length > 3).slice(0, 4).join(' ');
      const found = await store.search({ q: words, type: 'quote', limit: 100 });
      expect(found.filter((h) => h.id === moved.id).map((h) => h.articleId)).toEqual([current[3]!.article.id]);
      const bundle = Bundle.parse(await store.exportBundle());
      expect(new Set(bundle.articles.map((a) => a.id))).toEqual(currentIds);
      expect(bundle.quotes.length).toBe(current.reduce((n, r) => n + r.quotes.length, 0));
      await store.optimize();
      expect((await store.search({ q: 'walruses' })).length).toBe(1);
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

    it('points quotes and claims at the linker\'s canonical entities, in documents and indexed columns', async () => {
      // Records as the extractor leaves them: two names for Putin, one quote relayed by a news agency, one
      // attributed claim.
      const ria = makeId('entity', 'organisation', 'RIA');
      const un = makeId('entity', 'organisation', 'UN');
      const putinIds = new Set(records.flatMap((r) => r.entities).filter((e) => /Putin/.test(e.name)).map((e) => e.id));
      expect(putinIds.size).toBe(2);
      const isPutin = (q: Quote) => q.speaker?.entityId != null && putinIds.has(q.speaker.entityId);
      const relayed = records.flatMap((r) => r.quotes).find(isPutin)!;
      const attributed = records.flatMap((r) => r.claims)[0]!;
      const input = records.map((r) => ({
        ...r,
        quotes: r.quotes.map((q): Quote => (q.id === relayed.id ? { ...q, via: { name: 'RIA', entityId: ria, mention: null } } : q)),
        claims: r.claims.map((c): Claim => (c.id === attributed.id ? { ...c, kind: 'attributed', attribution: { name: 'U.N.', entityId: un, mention: null } } : c)),
      }));
      await store.saveMany(input);
      const quotes = input.flatMap((r) => r.quotes);
      const claims = input.flatMap((r) => r.claims);
      const putinQuotes = quotes.filter(isPutin);
      const unattributed = quotes.find((q) => q.speaker === null)!;
      const other = quotes.find((q) => q.speaker !== null && !isPutin(q))!;
      const another = quotes.find((q) => q.speaker !== null && !isPutin(q) && q.speaker.entityId !== other.speaker!.entityId)!;
      expect(putinQuotes.length).toBeGreaterThan(2);
      expect([unattributed, other, another].every(Boolean)).toBe(true);

      const canonical: Entity = {
        id: makeId('entity', 'person', 'Vladimir Putin'),
        kind: 'person',
        name: 'Vladimir Putin',
        aliases: ['Putin', 'President Vladimir Putin'],
        roles: ['Russian president'],
        articleIds: [...new Set(putinQuotes.map((q) => q.articleId))].sort(),
      };
      const agency: Entity = { id: makeId('entity', 'organisation', 'RIA Novosti'), kind: 'organisation', name: 'RIA Novosti', aliases: ['RIA'], roles: [], articleIds: [relayed.articleId] };
      const cluster = makeId('statement', 'canonical');
      await store.saveLinks([], {
        stories: [],
        statements: [],
        claimGroups: [],
        clusters: {
          quotes: [
            ...putinQuotes.map((q) => ({ id: q.id, clusterId: q.id === relayed.id ? cluster : null, speakerEntityId: canonical.id, speakerName: canonical.name })),
            { id: relayed.id, clusterId: cluster, speakerEntityId: canonical.id, speakerName: canonical.name, viaEntityId: agency.id, viaName: agency.name },
            { id: unattributed.id, clusterId: null, speakerEntityId: canonical.id, speakerName: canonical.name, viaEntityId: agency.id },
            { id: other.id, clusterId: cluster },
            { id: another.id, clusterId: null, speakerEntityId: null, speakerName: null },
          ],
          claims: [
            { id: attributed.id, clusterId: null, attributionEntityId: makeId('entity', 'organisation', 'United Nations'), attributionName: 'United Nations' },
            { id: claims[1]!.id, clusterId: null, attributionEntityId: un, attributionName: 'U.N.' },
          ],
        },
        replaceEntities: [canonical, agency],
        removedEntityIds: [...putinIds],
      });

      // The speaker column: filters and search follow the canonical id.
      const byCanonical = await allPages((cursor) => store.getQuotes({ speaker: canonical.id, limit: 5, cursor }));
      expect(byCanonical.map((q) => q.id).sort()).toEqual(putinQuotes.map((q) => q.id).sort());
      for (const id of putinIds) expect((await store.getQuotes({ speaker: id })).items).toEqual([]);
      const hits = await store.search({ q: 'Russia', speaker: canonical.id });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h) => putinQuotes.some((q) => q.id === h.id))).toBe(true);
      // The documents: entity id and name set, the mention in the text kept.
      const stored = new Map((await allPages((cursor) => store.getQuotes({ cursor, limit: 100 }))).map((q) => [q.id, q]));
      for (const q of putinQuotes) {
        expect(stored.get(q.id)?.speaker).toEqual({ name: 'Vladimir Putin', entityId: canonical.id, mention: q.speaker!.mention });
      }
      expect(stored.get(relayed.id)).toEqual({ ...relayed, speaker: { ...relayed.speaker!, name: canonical.name, entityId: canonical.id }, via: { name: 'RIA Novosti', entityId: agency.id, mention: null }, clusterId: cluster });
      // A null speaker or via stays null; absent fields are unchanged; a null id clears the reference.
      expect(stored.get(unattributed.id)).toEqual(unattributed);
      expect(stored.get(other.id)).toEqual({ ...other, clusterId: cluster });
      expect(stored.get(another.id)?.speaker).toEqual({ ...another.speaker!, entityId: null });
      expect((await store.getQuotes({ speaker: another.speaker!.entityId! })).items.map((q) => q.id)).not.toContain(another.id);
      const storedClaims = new Map((await store.getClaims({ limit: 100 })).items.map((c) => [c.id, c]));
      expect(storedClaims.get(attributed.id)?.attribution).toEqual({ name: 'United Nations', entityId: makeId('entity', 'organisation', 'United Nations'), mention: null });
      expect(storedClaims.get(claims[1]!.id)).toEqual(claims[1]);
      // Entities: the merged-away ids are gone, the canonical ones are exactly as given (not merged).
      for (const id of putinIds) expect(await store.getEntity(id)).toBeNull();
      expect(await store.getEntity(canonical.id)).toEqual(canonical);
      expect(await store.getEntity(agency.id)).toEqual(agency);
      const listed = await allPages((cursor) => store.listEntities({ limit: 2, cursor }));
      expect(listed.some((e) => putinIds.has(e.id))).toBe(false);
      expect(listed.filter((e) => e.name === 'Vladimir Putin')).toEqual([canonical]);
      // Replacing again replaces: fewer aliases stay fewer.
      await store.saveLinks([], { stories: [], statements: [], claimGroups: [], replaceEntities: [{ ...canonical, aliases: ['Putin'] }] });
      expect((await store.getEntity(canonical.id))?.aliases).toEqual(['Putin']);
      // What was written exports as a valid bundle.
      const bundle = Bundle.parse(await store.exportBundle());
      expect(bundle.quotes.filter((q) => q.speaker?.entityId === canonical.id)).toHaveLength(putinQuotes.length);
    });

    it('rejects bad assignments before writing anything', async () => {
      await store.saveMany(records);
      const q = records[0]!.quotes.find((x) => x.speaker)!;
      await expect(store.saveLinks([], { stories: [], statements: [], claimGroups: [], clusters: { quotes: [{ id: q.id, clusterId: null, speakerName: '' }] } })).rejects.toThrow();
      await expect(
        store.saveLinks([], { stories: [], statements: [], claimGroups: [], removedEntityIds: ['Putin'], clusters: { quotes: [{ id: q.id, clusterId: null, speakerEntityId: null }] } }),
      ).rejects.toThrow();
      expect((await store.getQuotes({ articleId: q.articleId, limit: 200 })).items.find((x) => x.id === q.id)).toEqual(q);
    });

    it('re-points the quotes of hundreds of articles in one call (several batched statements)', async () => {
      const many = Array.from({ length: 300 }, (_, i) => recordsFromText(`Dispatch ${i}\n\n${records[i % records.length]!.article.body}\n\nFiled ${i}.`, { sourcePath: `bulk/${i}.txt` }));
      await store.saveMany(many);
      const target = makeId('entity', 'person', 'Speaker Canonical');
      const all = many.flatMap((r) => r.quotes);
      expect(all.length).toBeGreaterThan(2000); // beyond one statement's rows
      await store.saveLinks([], {
        stories: [],
        statements: [],
        claimGroups: [],
        clusters: { quotes: all.map((q) => ({ id: q.id, clusterId: null, speakerEntityId: target, speakerName: 'Speaker Canonical' })) },
      });
      const updated = await allPages((cursor) => store.getQuotes({ speaker: target, limit: 1000, cursor }));
      expect(updated.map((q) => q.id).sort()).toEqual(all.filter((q) => q.speaker).map((q) => q.id).sort());
      expect(updated.every((q) => q.speaker?.name === 'Speaker Canonical')).toBe(true);
      const unattributed = (await allPages((cursor) => store.getQuotes({ cursor, limit: 1000 }))).filter((q) => q.speaker === null);
      expect(unattributed).toHaveLength(all.filter((q) => q.speaker === null).length);
    }, 60_000);

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

    it('reads a neighbourhood of the collection: related articles, a random sample, a scoped bundle', async () => {
      await store.saveMany(records);
      const { story, statement, group } = linksOf(records);
      const [inStory, outside] = [records.slice(0, 3), records.slice(3)];
      await store.saveLinks([], { stories: [{ ...story, articleIds: inStory.map((r) => r.article.id) }], statements: [statement], claimGroups: [group] });

      // Related: ranked by the words an article shares with the query; any word may match.
      const related = await store.relatedArticles({ terms: ['Assad', 'refugees', 'zeppelin'], limit: 10 });
      expect(related.length).toBeGreaterThan(0);
      for (const r of related) expect(records.find((x) => x.article.id === r.id)!.article.body).toMatch(/Assad|refugee/);
      const mentions = (id: string) => records.find((r) => r.article.id === id)!.article.body.match(/Assad|refugee/g)!.length;
      expect(mentions(related[0]!.id)).toBeGreaterThanOrEqual(mentions(related.at(-1)!.id));
      expect(related.find((r) => r.id === inStory[0]!.article.id)?.storyId ?? story.id).toBe(story.id);
      // Query syntax is never passed through: operators are words or nothing.
      expect(await store.relatedArticles({ terms: ['"', '*', '(', ')'], limit: 5 })).toEqual([]);
      await expect(store.relatedArticles({ terms: ['"OR', 'NEAR(', 'AND*'], limit: 5 })).resolves.toBeInstanceOf(Array);
      // A date window keeps the articles of those days and the undated ones.
      const dated = records.filter((r) => r.article.publishedAt);
      const windowed = await store.relatedArticles({ terms: ['Putin'], from: '2001-01-01', to: '2001-12-31', limit: 10 });
      expect(windowed.every((r) => !dated.some((d) => d.article.id === r.id))).toBe(true);

      expect(await store.unlinkedArticleIds()).toEqual(outside.map((r) => r.article.id));
      const sample = await store.sampleArticles(3);
      expect(sample).toHaveLength(3);
      expect(new Set(sample.map((a) => a.id)).size).toBe(3);

      // Scoped export: two articles of the story and one outside it, with what hangs off them.
      const ids = [inStory[0]!.article.id, inStory[1]!.article.id, outside[0]!.article.id];
      const scoped = Bundle.parse(await store.exportBundle({ articleIds: [...ids, makeId('article', 'absent')] }));
      expect(scoped.articles.map((a) => a.id).sort()).toEqual([...ids].sort());
      expect(new Set(scoped.quotes.map((q) => q.articleId))).toEqual(new Set(ids.filter((id) => records.find((r) => r.article.id === id)!.quotes.length > 0)));
      expect(scoped.quotes.length).toBe(ids.reduce((n, id) => n + records.find((r) => r.article.id === id)!.quotes.length, 0));
      expect(scoped.claims.length).toBe(ids.reduce((n, id) => n + records.find((r) => r.article.id === id)!.claims.length, 0));
      expect(scoped.stories.map((s) => s.id)).toEqual([story.id]);
      expect(scoped.statements.map((s) => s.id)).toEqual([statement.id]);
      expect(scoped.claimGroups.map((g) => g.id)).toEqual([group.id]);
      const referenced = new Set(scoped.quotes.flatMap((q) => [q.speaker?.entityId, q.via?.entityId]).filter((e): e is string => !!e));
      expect(new Set(scoped.entities.map((e) => e.id))).toEqual(referenced);
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

    it('names each hit’s article (headline, outlet, source) and gives a quote its statement, in the hit itself', async () => {
      await store.saveMany(records);
      const { story, statement } = linksOf(records);
      await store.saveLinks([], { stories: [story], statements: [statement], claimGroups: [], clusters: { quotes: statement.quoteIds.map((id) => ({ id, clusterId: statement.id })), claims: [] } });
      const hits = await store.search({ q: 'Russia', limit: 100 });
      expect(new Set(hits.map((h) => h.type))).toEqual(new Set(['article', 'quote', 'claim']));
      for (const h of hits) {
        const r = records.find((x) => x.article.id === h.articleId)!;
        expect(h.headline).toBe(r.article.headline);
        expect(h.outletName).toBe(r.outlet?.name ?? null);
        expect(h.source).toBe(r.article.sourceUrl ?? r.article.sourcePath);
        expect(h.clusterId).toBe(h.type === 'quote' && statement.quoteIds.includes(h.id) ? statement.id : null);
      }
      const linked = await store.search({ q: records.flatMap((r) => r.quotes).find((q) => q.id === statement.quoteIds[0])!.text.split(/\s+/).slice(0, 6).join(' '), type: 'quote' });
      expect(linked.some((h) => h.clusterId === statement.id)).toBe(true);
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

    it('deleting the last article of a story drops the story with its statements and claim groups', async () => {
      const pair = records.slice(0, 2);
      await store.saveMany(pair);
      const { story, statement, group } = linksOf(pair);
      await store.saveLinks([], { stories: [story], statements: [statement], claimGroups: [group] });
      await store.deleteArticle(pair[0]!.article.id);
      expect((await store.getStory(story.id))?.articleIds).toEqual([pair[1]!.article.id]);
      expect((await store.listStatements()).items.map((s) => s.id)).toEqual([statement.id]);
      await store.deleteArticle(pair[1]!.article.id);
      expect(await store.getStory(story.id)).toBeNull();
      expect((await store.listStatements()).items).toEqual([]);
      expect((await store.listClaimGroups()).items).toEqual([]);
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
      const some: string[] = [];
      for await (const r of store.exportRecords(['articles', 'stories'])) some.push(r.kind);
      expect(some).toEqual([...bundle.articles.map(() => 'articles'), 'stories']);

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

    it('marks a batch of inputs done in the same transaction as its articles', async () => {
      const inputs = records.map((r) => r.article.sourcePath!);
      await store.recordPending(inputs);
      expect(await store.saveMany(records.slice(0, 3), { inputs: inputs.slice(0, 3) })).toEqual(['added', 'added', 'added']);
      expect(await store.pending()).toEqual(inputs.slice(3));
      await store.markDone(inputs.slice(3));
      expect(await store.pending()).toEqual([]);
      // A batch that fails stores nothing and leaves its inputs pending.
      await store.recordPending([inputs[4]!]);
      const bad = { ...records[4]!, article: { ...records[4]!.article, id: 'not an id' } } as unknown as ArticleRecords;
      await expect(store.saveMany([bad], { inputs: [inputs[4]!] })).rejects.toThrow();
      expect(await store.pending()).toEqual([inputs[4]]);
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
