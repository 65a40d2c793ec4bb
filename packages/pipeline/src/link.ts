// The linker an ingest runs: re-link only the stories the new or changed articles touch, and write their
// stories, statements, claim groups, cluster ids and canonical entities to the store.
import { linkStories } from '@parallax/linking';
import type { LinkRecords, Store } from '@parallax/store';
import type { Linker } from './ingest.js';

export const linkTouched: Linker = async (store: Store, touched: readonly string[]) => {
  // The linker decides story membership against the whole collection (with blocking, so near-linear).
  const bundle = await store.exportBundle();
  const { bundle: linked, removedStoryIds, storyIds } = linkStories(bundle, touched);
  const keep = new Set(storyIds);
  const stories = linked.stories.filter((s) => keep.has(s.id));
  const inScope = new Set(stories.flatMap((s) => s.articleIds));
  const firstIn = (ids: readonly string[]) => ids.length > 0 && inScope.has(ids[0]!);
  const canonical = new Set(linked.entities.map((e) => e.id));
  const links: LinkRecords = {
    stories,
    statements: linked.statements.filter((s) => firstIn(s.articleIds)),
    claimGroups: linked.claimGroups.filter((g) => firstIn(g.articleIds)),
    replaceEntities: linked.entities,
    removedEntityIds: bundle.entities.filter((e) => !canonical.has(e.id)).map((e) => e.id),
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
  return { stories: storyIds.length };
};
