// linkBundle: the whole cross-article stage over a bundle from extraction. linkStories: the same for the
// stories an ingest touched. Pure: a bundle in, a new bundle out (the input is not modified).
import { makeId, type Article, type Bundle, type Claim, type Entity, type Quote, type SpeakerRef, type Statement, type ClaimGroup, type Story } from '@parallax/schema';
import { groupClaims, type ClaimGroupOptions } from './claims.js';
import { medianDate } from './dates.js';
import { entityByAlias, resolveEntities, unitKey } from './entities.js';
import { groupStatements, type StatementOptions } from './statements.js';
import { buildCoverage, buildDigest, buildTimeline, type DigestOptions, type StoryParts } from './story-details.js';
import { clusterArticles, clusterDocuments, storyDocument, type StoryClusteringOptions, type StoryDocument } from './stories.js';
import { contentStems, Idf } from './text.js';

export interface LinkOptions {
  stories?: StoryClusteringOptions;
  statements?: StatementOptions;
  claims?: ClaimGroupOptions;
  digest?: DigestOptions;
  /** A known story for each article (a store's assignment, a gold grouping): skips clustering. */
  storyOf?: ReadonlyMap<string, string>;
  /**
   * Document frequencies over the collection's claims (claimIdf), when the bundle holds only part of it:
   * statements and claim groups then weigh words as they would in the whole collection.
   */
  claimIdf?: Idf;
}

/** The document frequencies statements and claim groups weigh words by: over claims' texts. */
export function claimIdf(claims: Iterable<Pick<Claim, 'text'>>): Idf {
  const idf = new Idf();
  for (const c of claims) addClaim(idf, c);
  return idf;
}

/** Count one claim into a claimIdf (a caller reading claims as a stream builds it claim by claim). */
export function addClaim(idf: Idf, claim: Pick<Claim, 'text'>): void {
  idf.add(contentStems(claim.text));
}

/** The Story id for a set of articles: a hash of their sorted ids. */
export const storyIdFor = (articleIds: readonly string[]): string => makeId('story', ...[...articleIds].sort());

/** Cluster all the bundle's articles into stories: article id -> story id. */
export function assignStories(articles: readonly Article[], options: StoryClusteringOptions = {}): Map<string, string> {
  const groups = clusterArticles(articles, options);
  const storyOf = new Map<string, string>();
  for (const g of groups) {
    const ids = g.map((i) => articles[i]!.id);
    const id = storyIdFor(ids);
    for (const a of ids) storyOf.set(a, id);
  }
  return storyOf;
}

/**
 * Link a bundle: entities resolved across articles, articles clustered into stories, quotes grouped into
 * statements, claims into claim groups, and each story's timeline, coverage and digest. Every article is
 * (re)clustered; use linkStories to re-link only what an ingest touched.
 */
export function linkBundle(bundle: Bundle, options: LinkOptions = {}): Bundle {
  const storyOf = options.storyOf ? new Map(options.storyOf) : assignStories(bundle.articles, options.stories);
  return linkWithStories(bundle, storyOf, null, options);
}

/**
 * Incremental linking for `parallax ingest`. `bundle` is a linked bundle to which new or changed articles
 * (with their quotes, claims and extraction entities) have been added, unlinked (storyId null). Each
 * touched article joins the existing story whose articles it is most like (clustered together with that
 * story's members), or starts its own; only the stories that gain or lose an article are rebuilt, with
 * new ids (a story id hashes its member ids); every other story, statement and claim group keeps its id
 * and records. Entities are re-resolved across the bundle (cheap, and a new article can add an alias).
 * Returns the new bundle and the ids of stories removed and written, so a store can replace just those.
 */
export function linkStories(bundle: Bundle, touchedArticleIds: readonly string[], options: LinkOptions = {}): { bundle: Bundle; removedStoryIds: string[]; storyIds: string[] } {
  const placed = placeTouched(
    bundle.articles.map((a) => ({ id: a.id, storyId: a.storyId, doc: storyDocument(a) })),
    bundle.stories,
    touchedArticleIds,
    options.stories,
  );
  const linked = linkWithStories(bundle, placed.storyOf, new Set(placed.storyIds), options);
  return { bundle: linked, removedStoryIds: placed.removedStoryIds, storyIds: placed.storyIds };
}

/** What placeTouched decided: every article's story, the stories to delete and the stories to (re)build. */
export interface Placement {
  storyOf: Map<string, string>;
  removedStoryIds: string[];
  storyIds: string[];
}

/**
 * linkStories' first half, on articles' term counts and dates alone (storyDocument: no text, quotes,
 * claims or entities, so a caller can hold a whole collection's articles): where the touched articles go. Each
 * touched article joins the stories of the untouched articles it clusters with (merging them when it
 * bridges two) or forms a new story with the other touched articles of its cluster; stories that lost an
 * article are rebuilt. Then linkAssigned builds the stories in `storyIds`, in one bundle or story by story.
 */
export function placeTouched(
  articles: ReadonlyArray<{ id: string; storyId: string | null; doc: StoryDocument }>,
  stories: ReadonlyArray<Pick<Story, 'id' | 'articleIds'>>,
  touchedArticleIds: readonly string[],
  options: StoryClusteringOptions = {},
): Placement {
  const touched = new Set(touchedArticleIds);
  const present = new Set(articles.map((a) => a.id));
  const members = new Map<string, string[]>();
  for (const a of articles)
    if (a.storyId && !touched.has(a.id)) {
      let list = members.get(a.storyId);
      if (!list) members.set(a.storyId, (list = []));
      list.push(a.id);
    }
  const storyOf = new Map<string, string>();
  for (const [s, ids] of members) for (const id of ids) storyOf.set(id, s);
  // Stories that lost an article (deleted, or re-extracted under the same id) are rebuilt.
  const removed = new Set<string>();
  for (const s of stories) if (s.articleIds.some((id) => touched.has(id) || !present.has(id))) removed.add(s.id);
  // Where do the touched articles go? Cluster them with every article (blocking keeps this near-linear):
  // a touched article joins the stories of the untouched articles it clusters with (merging them when it
  // bridges two), or forms a new story with the other touched articles of its cluster.
  const groups = clusterDocuments(articles.map((a) => a.doc), options);
  const uf = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (uf.has(r) && uf.get(r) !== r) r = uf.get(r)!;
    return r;
  };
  const join = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) uf.set(rb, ra);
  };
  // Keys: "s:<story id>" for existing stories, "a:<article id>" for touched articles.
  for (const g of groups) {
    const ids = g.map((i) => articles[i]!.id);
    const keys = [...new Set(ids.map((id) => (touched.has(id) ? `a:${id}` : storyOf.has(id) ? `s:${storyOf.get(id)}` : `a:${id}`)))];
    if (!ids.some((id) => touched.has(id))) continue;
    for (const k of keys) if (!uf.has(k)) uf.set(k, k);
    for (const k of keys.slice(1)) join(keys[0]!, k);
  }
  const merged = new Map<string, string[]>();
  for (const k of uf.keys()) {
    const r = find(k);
    let list = merged.get(r);
    if (!list) merged.set(r, (list = []));
    list.push(k);
  }
  for (const s of removed) if (!uf.has(`s:${s}`) && members.has(s)) merged.set(`s:${s}`, [`s:${s}`]);
  const rebuilt = new Set<string>();
  for (const keys of merged.values()) {
    const ids = keys.flatMap((k) => (k.startsWith('s:') ? (members.get(k.slice(2)) ?? []) : [k.slice(2)]));
    if (ids.length === 0) continue;
    for (const k of keys) if (k.startsWith('s:')) removed.add(k.slice(2));
    const id = storyIdFor(ids);
    for (const a of ids) storyOf.set(a, id);
    rebuilt.add(id);
  }
  // An unchanged membership hashes to the same id: nothing was removed then.
  for (const id of rebuilt) removed.delete(id);
  return { storyOf, removedStoryIds: [...removed].sort(), storyIds: [...rebuilt].sort() };
}

/**
 * linkStories' second half: entities, and the stories in `rebuild` with their statements, claim groups,
 * timeline, coverage and digest, for a bundle whose articles' stories `storyOf` gives (placeTouched's).
 * Every other story of the bundle keeps its records. The bundle may hold just the articles of some of
 * those stories (a store read story by story): each story needs all its articles, nothing more.
 */
export function linkAssigned(bundle: Bundle, storyOf: ReadonlyMap<string, string>, rebuild: ReadonlySet<string>, options: LinkOptions = {}): Bundle {
  const own = new Map<string, string>();
  for (const a of bundle.articles) {
    const s = storyOf.get(a.id);
    if (s) own.set(a.id, s);
  }
  return linkWithStories(bundle, own, new Set(rebuild), options);
}

function linkWithStories(bundle: Bundle, storyOf: Map<string, string>, only: Set<string> | null, options: LinkOptions): Bundle {
  // 1. Entities across articles, within stories.
  const { entities: resolved, remap } = resolveEntities(bundle, storyOf);
  const entityById = new Map(resolved.map((e) => [e.id, e]));
  const entitiesByArticle = new Map<string, Entity[]>();
  for (const e of resolved)
    for (const a of e.articleIds) {
      let list = entitiesByArticle.get(a);
      if (!list) entitiesByArticle.set(a, (list = []));
      list.push(e);
    }
  const relink = (articleId: string, ref: SpeakerRef | null): SpeakerRef | null => {
    if (!ref) return ref;
    if (ref.entityId) {
      const id = remap.get(unitKey(articleId, ref.entityId));
      const e = id ? entityById.get(id) : undefined;
      return e ? { ...ref, name: e.name, entityId: e.id } : ref;
    }
    // A description used as a name in this article ("the Russian president") that is an alias of one entity.
    const e = entityByAlias(entitiesByArticle.get(articleId) ?? [], articleId, ref.name);
    return e ? { ...ref, name: e.name, entityId: e.id } : ref;
  };
  const quotes: Quote[] = bundle.quotes.map((q) => ({ ...q, speaker: relink(q.articleId, q.speaker), via: relink(q.articleId, q.via) }));
  const claims: Claim[] = bundle.claims.map((c) => {
    if (!c.attribution) return { ...c };
    const r = relink(c.articleId, { name: c.attribution.name, entityId: c.attribution.entityId, mention: c.attribution.mention });
    return { ...c, attribution: { ...c.attribution, name: r!.name, entityId: r!.entityId } };
  });

  // 2. Per story: statements, claim groups, views.
  // One table of document frequencies, over the claims (the articles' checkable sentences), weighs the
  // stems of both quotes and claims.
  const idf = options.claimIdf ?? claimIdf(claims);
  const byStory = new Map<string, Article[]>();
  for (const a of bundle.articles) {
    const s = storyOf.get(a.id) ?? storyIdFor([a.id]);
    storyOf.set(a.id, s);
    let list = byStory.get(s);
    if (!list) byStory.set(s, (list = []));
    list.push(a);
  }
  const quotesByArticle = groupBy(quotes, (q) => q.articleId);
  const claimsByArticle = groupBy(claims, (c) => c.articleId);
  const outletOf = new Map(bundle.articles.map((a) => [a.id, a.outletId]));
  const oldStories = new Map(bundle.stories.map((s) => [s.id, s]));
  const keptStatements = new Map(bundle.statements.map((s) => [s.id, s]));
  const keptGroups = new Map(bundle.claimGroups.map((g) => [g.id, g]));

  const stories: Story[] = [];
  const statements: Statement[] = [];
  const claimGroups: ClaimGroup[] = [];
  const quoteCluster = new Map<string, string>();
  const claimCluster = new Map<string, string>();
  for (const [storyId, arts] of byStory) {
    const articleIds = arts.map((a) => a.id).sort();
    const old = oldStories.get(storyId);
    if (only && !only.has(storyId) && old) {
      // Untouched story: keep its records as they were.
      stories.push(old);
      for (const q of arts.flatMap((a) => quotesByArticle.get(a.id) ?? [])) if (q.clusterId) quoteCluster.set(q.id, q.clusterId);
      for (const c of arts.flatMap((a) => claimsByArticle.get(a.id) ?? [])) if (c.clusterId) claimCluster.set(c.id, c.clusterId);
      for (const id of new Set(arts.flatMap((a) => (quotesByArticle.get(a.id) ?? []).map((q) => q.clusterId)))) if (id && keptStatements.has(id)) statements.push(keptStatements.get(id)!);
      for (const id of new Set(arts.flatMap((a) => (claimsByArticle.get(a.id) ?? []).map((c) => c.clusterId)))) if (id && keptGroups.has(id)) claimGroups.push(keptGroups.get(id)!);
      continue;
    }
    const storyQuotes = arts.flatMap((a) => quotesByArticle.get(a.id) ?? []);
    const storyClaims = arts.flatMap((a) => claimsByArticle.get(a.id) ?? []);
    const bodyOf = new Map(arts.map((a) => [a.id, a.body]));
    const quoteById = new Map(storyQuotes.map((q) => [q.id, q]));
    const st = groupStatements(storyQuotes, entityById, idf, options.statements, (q) => sentenceAround(bodyOf.get(q.articleId) ?? '', q.span.start, q.span.end, q.text));
    for (const [qid, sid] of st.clusterOf) quoteCluster.set(qid, sid);
    for (const [qid, e] of st.speakerResolved) {
      const q = quoteById.get(qid)!;
      q.speaker = { ...q.speaker!, name: e.name, entityId: e.id };
      if (!e.articleIds.includes(q.articleId)) e.articleIds = [...e.articleIds, q.articleId].sort();
    }
    // Relative dates resolve against the article's day, or the story's median day when it has none.
    const storyDay = medianDate(arts.map((a) => a.publishedAt));
    const referenceDay = new Map(arts.map((a) => [a.id, a.publishedAt ? a.publishedAt.slice(0, 10) : storyDay]));
    const cg = groupClaims(storyClaims, { outletOf, referenceDay, statementOf: st.clusterOf, entities: entityById }, idf, options.claims);
    for (const [cid, gid] of cg.clusterOf) claimCluster.set(cid, gid);
    statements.push(...st.statements);
    claimGroups.push(...cg.groups);
    const parts: StoryParts = {
      articleIds,
      statements: st.statements,
      claimGroups: cg.groups,
      claims: new Map(storyClaims.map((c) => [c.id, c])),
      quotes: new Map(storyQuotes.map((q) => [q.id, q])),
      outletOf,
      referenceDay,
    };
    const days = arts.map((a) => a.publishedAt?.slice(0, 10)).filter((d): d is string => !!d).sort();
    stories.push({
      id: storyId,
      title: storyTitle(arts),
      articleIds,
      outletIds: [...new Set(arts.map((a) => a.outletId).filter((o): o is string => !!o))].sort(),
      firstDate: days[0] ?? null,
      lastDate: days[days.length - 1] ?? null,
      timeline: buildTimeline(parts),
      coverage: buildCoverage(parts),
      digest: buildDigest(parts, options.digest),
    });
  }

  return {
    ...bundle,
    articles: bundle.articles.map((a) => ({ ...a, storyId: storyOf.get(a.id)! })),
    entities: resolved,
    quotes: quotes.map((q) => ({ ...q, clusterId: quoteCluster.get(q.id) ?? null })),
    claims: claims.map((c) => ({ ...c, clusterId: claimCluster.get(c.id) ?? null })),
    statements: statements.sort((a, b) => a.id.localeCompare(b.id)),
    claimGroups: claimGroups.sort((a, b) => a.id.localeCompare(b.id)),
    stories: stories.sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** A story's title: the headline most like the others' (the first article's lead when none has one). */
function storyTitle(arts: readonly Article[]): string {
  const heads = arts.map((a) => a.headline).filter((h): h is string => !!h);
  if (heads.length > 0) {
    const sets = heads.map((h) => new Set(contentStems(h)));
    let best = 0;
    let bestScore = -1;
    sets.forEach((s, k) => {
      let sc = 0;
      for (const o of sets) for (const t of s) if (o !== s && o.has(t)) sc++;
      if (sc > bestScore) {
        best = k;
        bestScore = sc;
      }
    });
    return heads[best]!;
  }
  const lead = arts[0]!.body.split(/(?<=[.!?])\s/)[0] ?? '';
  return lead.length > 160 ? `${lead.slice(0, 159).replace(/\s+\S*$/, '')}…` : lead || 'Untitled story';
}

/** The sentence(s) around a span, without the span itself: the reporting words around a quote. */
export function sentenceAround(body: string, start: number, end: number, text: string): string {
  let s = start;
  while (s > 0 && !/[.!?]\s|\n/.test(body.slice(s - 2, s))) s--;
  let e = end;
  while (e < body.length && !/[.!?]["”’]?\s/.test(body.slice(e - 1, e + 2)) && body[e] !== '\n') e++;
  void text;
  return `${body.slice(s, start)} ${body.slice(end, Math.min(body.length, e + 1))}`;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(it);
  }
  return m;
}

export type { Entity };
