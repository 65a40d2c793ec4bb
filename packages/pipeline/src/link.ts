// The linker an ingest runs: re-link only the stories the new or changed articles touch, and write their
// stories, statements, claim groups, cluster ids and canonical entities to the store.
//
// A small collection, or an ingest that touches a large part of one, is re-linked whole: the linker
// clusters every article (blocking keeps that near-linear) and is exact. A few articles into a large
// collection are re-linked in their neighbourhood: the store's full-text index names the articles most
// like each touched one (within a month of it: further apart, the date discount keeps any pair under the
// story threshold), the stories those are in are read whole, and only that is linked, with term weights
// from a random sample of the collection. Before, adding five articles to 20,000 read the whole
// collection into memory: 50 s and 1.8 GB.
import { addClaim, collectionIdf, Idf, linkAssigned, mergeEntity, linkStories, placeTouched, storyDocument, storyQueryWords, type StoryDocument } from '@parallax/linking';
import type { Bundle } from '@parallax/schema';
import type { LinkRecords, Store } from '@parallax/store';
import type { Linker, LinkProgress } from './ingest.js';

export interface NeighbourhoodOptions {
  /** Collections of at most this many current articles are re-linked whole. */
  wholeUpTo?: number;
  /** An ingest touching at least this share of the collection re-links it whole. */
  wholeShare?: number;
  /** Articles sampled for the collection's word frequencies. */
  sample?: number;
  /** Related articles looked up for each touched one. */
  related?: number;
  /** Words of each touched article in that look-up. */
  queryWords?: number;
  /** Re-linking the whole collection builds its stories reading about this many articles at a time. */
  storyBatch?: number;
}

const DEFAULTS: Required<NeighbourhoodOptions> = { wholeUpTo: 2_000, wholeShare: 0.1, sample: 1_000, related: 25, queryWords: 10, storyBatch: 2_000 };
/** Days either side of a touched article's date within which related articles are looked for. */
const WINDOW_DAYS = 30;

/** A Linker with these neighbourhood settings (linkTouched uses the defaults). */
export function neighbourhoodLinker(options: NeighbourhoodOptions = {}): Linker {
  const o = { ...DEFAULTS, ...options };
  return async (store, touched, onProgress) => {
    const { articles } = await store.stats();
    if (articles <= o.wholeUpTo || touched.length >= articles * o.wholeShare) {
      // The whole collection: exact, and the cheaper way when most of it changed anyway.
      return linkCollection(store, touched, o.storyBatch, onProgress);
    }
    const idf = collectionIdf(await store.sampleArticles(Math.min(o.sample, 1000)));
    const scope = new Set<string>();
    const stories = new Set<string>();
    const present = await store.getArticles(touched);
    for (const a of present) {
      scope.add(a.id);
      if (a.storyId) stories.add(a.storyId);
      const day = a.publishedAt ? Date.parse(a.publishedAt.slice(0, 10) + 'T00:00:00Z') : NaN;
      const around = (days: number) => new Date(day + days * 86_400_000).toISOString().slice(0, 10);
      const related = await store.relatedArticles({
        terms: storyQueryWords(a, idf, o.queryWords),
        limit: o.related,
        ...(Number.isNaN(day) ? {} : { from: around(-WINDOW_DAYS), to: around(WINDOW_DAYS) }),
      });
      for (const r of related) {
        scope.add(r.id);
        if (r.storyId) stories.add(r.storyId);
      }
      // A new version leaves its old version's story: that story is rebuilt too.
      const source = a.sourceUrl ?? a.sourcePath;
      if (source) {
        const older = (await store.listVersions(a.id)).filter((v) => !v.current).map((v) => v.articleId);
        for (const v of await store.getArticles(older)) if (v.storyId) stories.add(v.storyId);
      }
    }
    // Every story the neighbourhood touches is read whole: a story is rebuilt from all its articles.
    for (const id of stories) for (const a of (await store.getStory(id))?.articleIds ?? []) scope.add(a);
    const bundle = await store.exportBundle({ articleIds: [...scope] });
    const { bundle: linked, removedStoryIds, storyIds } = linkStories(bundle, touched, { stories: { idf, collectionSize: articles } });
    await writeLinks(store, bundle, linked, storyIds, removedStoryIds);
    onProgress?.({ done: storyIds.length, total: storyIds.length });
    return { stories: storyIds.length };
  };
}

/** Re-link the stories that the touched articles join or leave; everything else stays as stored. */
export const linkTouched: Linker = neighbourhoodLinker();

/**
 * The whole collection, in memory that does not hold it: every article's term counts and date (not its
 * text or records) decide where the touched articles go; then the stories to rebuild are read, linked and
 * written a batch of about `batch` articles at a time (each story whole, in one batch), with the word
 * frequencies of all the collection's claims, so the result is the same whatever the batch.
 */
async function linkCollection(store: Store, touched: readonly string[], batch: number, onProgress?: (p: LinkProgress) => void): Promise<{ stories: number }> {
  const articles: Array<{ id: string; storyId: string | null; doc: StoryDocument }> = [];
  const stories: Array<{ id: string; articleIds: string[] }> = [];
  const claims = new Idf();
  for await (const r of store.exportRecords(['articles', 'claims', 'stories'])) {
    if (r.kind === 'articles') articles.push({ id: r.record.id, storyId: r.record.storyId, doc: storyDocument(r.record) });
    else if (r.kind === 'claims') addClaim(claims, r.record);
    else if (r.kind === 'stories') stories.push({ id: r.record.id, articleIds: r.record.articleIds });
  }
  const { storyOf, removedStoryIds, storyIds } = placeTouched(articles, stories, touched);
  const rebuild = new Set(storyIds);
  const members = new Map<string, string[]>();
  for (const a of articles) {
    const s = storyOf.get(a.id);
    if (s === undefined || !rebuild.has(s)) continue;
    let list = members.get(s);
    if (!list) members.set(s, (list = []));
    list.push(a.id);
  }
  articles.length = 0;
  const removed = new Set(removedStoryIds);
  let built = 0;
  onProgress?.({ done: 0, total: storyIds.length });
  let ids: string[] = [];
  let part = new Set<string>();
  const write = async () => {
    if (part.size === 0) return;
    const bundle = await store.exportBundle({ articleIds: ids });
    const linked = linkAssigned(bundle, storyOf, part, { claimIdf: claims });
    // The stories these articles were in go (those rebuilt under the same id are written again).
    const old = bundle.stories.map((s) => s.id);
    for (const id of old) removed.delete(id);
    await writeLinks(store, bundle, linked, [...part], old.filter((id) => !part.has(id)));
    built += part.size;
    onProgress?.({ done: built, total: storyIds.length });
    ids = [];
    part = new Set();
  };
  for (const id of storyIds) {
    const list = members.get(id) ?? [];
    if (ids.length > 0 && ids.length + list.length > batch) await write();
    ids.push(...list);
    part.add(id);
  }
  await write();
  // Stories left with no article at all (every one deleted).
  if (removed.size) await store.saveLinks([...removed], { stories: [], statements: [], claimGroups: [] });
  return { stories: storyIds.length };
}

/** Write what the linker made of `input`: the stories `storyIds` (replacing `removedStoryIds`), their statements, claim groups, clusters and entities. */
async function writeLinks(store: Store, input: Bundle, linked: Bundle, storyIds: readonly string[], removedStoryIds: readonly string[]): Promise<void> {
  const keep = new Set(storyIds);
  const stories = linked.stories.filter((s) => keep.has(s.id));
  const inScope = new Set(stories.flatMap((s) => s.articleIds));
  const firstIn = (ids: readonly string[]) => ids.length > 0 && inScope.has(ids[0]!);
  const canonical = new Set(linked.entities.map((e) => e.id));
  // A canonical entity may already be stored for articles this bundle does not hold (its records did not
  // refer to it): united with that record, not replacing it.
  const loaded = new Set(input.entities.map((e) => e.id));
  const stored = new Map((await store.getEntities(linked.entities.filter((e) => !loaded.has(e.id)).map((e) => e.id))).map((e) => [e.id, e]));
  const entities = linked.entities.map((e) => (stored.has(e.id) ? mergeEntity(e, stored.get(e.id)!) : e));
  const links: LinkRecords = {
    stories,
    statements: linked.statements.filter((s) => firstIn(s.articleIds)),
    claimGroups: linked.claimGroups.filter((g) => firstIn(g.articleIds)),
    // The bundle's entities carry every article they are stored with, inside the bundle or not: the
    // linker's entities do too, so writing them whole loses nothing outside a neighbourhood.
    replaceEntities: entities,
    removedEntityIds: input.entities.filter((e) => !canonical.has(e.id)).map((e) => e.id),
    clusters: {
      quotes: linked.quotes
        .filter((q) => inScope.has(q.articleId))
        .map((q) => ({ id: q.id, clusterId: q.clusterId, speakerEntityId: q.speaker?.entityId ?? null, viaEntityId: q.via?.entityId ?? null, ...(q.speaker ? { speakerName: q.speaker.name } : {}) })),
      claims: linked.claims
        .filter((c) => inScope.has(c.articleId))
        .map((c) => ({ id: c.id, clusterId: c.clusterId, attributionEntityId: c.attribution?.entityId ?? null, ...(c.attribution ? { attributionName: c.attribution.name } : {}) })),
    },
  };
  await store.saveLinks([...removedStoryIds, ...storyIds], links);
}
