import type { SearchType } from '$lib/server/api';
import { articleSource } from '$lib/labels';
import { apiFor, orError } from '$lib/server/client';
import type { PageServerLoad } from './$types';

const TYPES: readonly SearchType[] = ['article', 'quote', 'claim'];

export const load: PageServerLoad = async ({ fetch, url }) => {
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 500);
  const typeParam = url.searchParams.get('type');
  const type = TYPES.find((t) => t === typeParam);
  const storyParam = url.searchParams.get('story');
  const story = storyParam && /^sty_[0-9a-f]{16}$/.test(storyParam) ? storyParam : undefined;
  if (!q) return { q, type: type ?? null, story: story ?? null, hits: [], articles: {} as Record<string, { title: string; source: string }> };
  const api = apiFor(fetch);
  const { hits } = await orError(api.search({ q, type, story, limit: 50 }), 'search results');
  // Name each hit's article: one request per distinct article (search hits carry only ids).
  const ids = [...new Set(hits.map((h) => h.articleId))];
  const details = await Promise.all(ids.map((id) => api.getArticle(id).catch(() => null)));
  const articles: Record<string, { title: string; source: string; clusters: Record<string, string | null> }> = {};
  for (const d of details) {
    if (!d) continue;
    const clusters: Record<string, string | null> = {};
    for (const c of d.claims) clusters[c.id] = c.clusterId;
    for (const qu of d.quotes) clusters[qu.id] = qu.clusterId;
    articles[d.article.id] = { title: d.article.headline ?? '', source: articleSource(d.article, d.outlet ? [d.outlet] : []), clusters };
  }
  return { q, type: type ?? null, story: story ?? null, hits, articles };
};
