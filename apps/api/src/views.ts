// What the detail routes answer, assembled from store reads: each function takes the store and a record
// and returns the schema package's response shape. No HTTP here; routes.ts maps "not found" to 404.
import type {
  Article,
  ArticleSummary,
  ClaimGroup,
  ClaimGroupDetail,
  Entity,
  EntityDetail,
  Outlet,
  Quote,
  Statement,
  StatementDetail,
  Story,
  StoryDetail,
  StorySummary,
} from '@parallax/schema';
import type { Store } from '@parallax/store';
import { allPages } from './paging.js';

/** An article without body and paragraph spans. */
export function summariseArticle(article: Article): ArticleSummary {
  const { body: _body, paragraphs: _paragraphs, ...summary } = article;
  return summary;
}

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

/** The outlets with these ids, in the order given (unknown ids are left out). */
export async function outletsById(store: Store, ids: readonly string[]): Promise<Outlet[]> {
  const found = await Promise.all(unique(ids).map((id) => store.getOutlet(id)));
  return found.filter((o): o is Outlet => o !== null);
}

/** A story as lists show it: no coverage matrix, timeline or digest, but its outlets and counts. */
export function summariseStory(story: Story, outlets: ReadonlyMap<string, Outlet>): StorySummary {
  return {
    id: story.id,
    title: story.title,
    articleIds: story.articleIds,
    outletIds: story.outletIds,
    firstDate: story.firstDate,
    lastDate: story.lastDate,
    outlets: story.outletIds.flatMap((id) => outlets.get(id) ?? []).sort((a, b) => a.name.localeCompare(b.name)),
    counts: {
      articles: story.articleIds.length,
      outlets: story.outletIds.length,
      statements: story.coverage.filter((r) => r.kind === 'statement').length,
      claimGroups: story.coverage.filter((r) => r.kind === 'claim-group').length,
      timelineEvents: story.timeline.length,
    },
  };
}

/** Summaries of several stories, reading each outlet once. */
export async function summariseStories(store: Store, stories: readonly Story[]): Promise<StorySummary[]> {
  const outlets = await outletsById(store, stories.flatMap((s) => s.outletIds));
  const byId = new Map(outlets.map((o) => [o.id, o]));
  return stories.map((s) => summariseStory(s, byId));
}

/** The speakers of some quotes, as entities. */
async function speakersOf(store: Store, quotes: readonly Quote[]): Promise<Entity[]> {
  const ids = unique(quotes.flatMap((q) => [q.speaker?.entityId ?? [], q.via?.entityId ?? []].flat()));
  return store.getEntities(ids);
}

export async function storyDetail(store: Store, story: Story): Promise<StoryDetail> {
  const [articles, outlets, statements, claimGroups, quotes] = await Promise.all([
    store.getArticles(story.articleIds),
    outletsById(store, story.outletIds),
    allPages((page) => store.listStatements({ ...page, story: story.id })),
    allPages((page) => store.listClaimGroups({ ...page, story: story.id })),
    allPages((page) => store.getQuotes({ ...page, story: story.id })),
  ]);
  const entities = await speakersOf(store, quotes);
  return {
    story,
    articles: articles.map(summariseArticle),
    outlets: outlets.sort((a, b) => a.name.localeCompare(b.name)),
    entities: entities.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    statements,
    claimGroups,
  };
}

async function articlesAndOutlets(store: Store, articleIds: readonly string[]): Promise<{ articles: ArticleSummary[]; outlets: Outlet[] }> {
  const articles = await store.getArticles(unique(articleIds));
  const outlets = await outletsById(store, articles.flatMap((a) => a.outletId ?? []));
  return { articles: articles.map(summariseArticle), outlets };
}

/** Records of some ids, in the order of the ids (missing ones left out). */
function inOrder<T extends { id: string }>(ids: readonly string[], records: readonly T[]): T[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function statementDetail(store: Store, statement: Statement): Promise<StatementDetail> {
  // A statement's quotes carry its id as clusterId; one read per article keeps this bounded.
  const quotes = (await Promise.all(unique(statement.articleIds).map((articleId) => allPages((page) => store.getQuotes({ ...page, articleId, clusterId: statement.id })))))
    .flat();
  const [{ articles, outlets }, speaker] = await Promise.all([
    articlesAndOutlets(store, statement.articleIds),
    statement.speakerEntityId ? store.getEntity(statement.speakerEntityId) : Promise.resolve(null),
  ]);
  return { statement, speaker, quotes: inOrder(statement.quoteIds, quotes), articles, outlets };
}

export async function claimGroupDetail(store: Store, group: ClaimGroup): Promise<ClaimGroupDetail> {
  const claims = (await Promise.all(unique(group.articleIds).map((articleId) => allPages((page) => store.getClaims({ ...page, articleId, clusterId: group.id }))))).flat();
  const { articles, outlets } = await articlesAndOutlets(store, group.articleIds);
  return { claimGroup: group, claims: inOrder(group.claimIds, claims), articles, outlets };
}

/** How many of an entity's quotes EntityDetail lists. */
export const ENTITY_QUOTES = 500;

export async function entityDetail(store: Store, entity: Entity): Promise<EntityDetail> {
  const [page, statements] = await Promise.all([
    store.getQuotes({ speaker: entity.id, limit: ENTITY_QUOTES }),
    allPages((p) => store.listStatements({ ...p, speaker: entity.id })),
  ]);
  const articles = await store.getArticles(unique(page.items.map((q) => q.articleId)));
  const storyIds = unique(articles.flatMap((a) => a.storyId ?? []));
  const stories = (await Promise.all(storyIds.map((id) => store.getStory(id)))).filter((s): s is Story => s !== null);
  return {
    entity,
    quotes: page.items,
    moreQuotes: page.nextCursor !== null,
    statements,
    articles: articles.map(summariseArticle),
    stories: await summariseStories(store, stories),
  };
}
