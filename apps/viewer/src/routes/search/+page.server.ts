import type { SearchType } from '$lib/server/api';
import { apiFor, orError } from '$lib/server/client';
import type { PageServerLoad } from './$types';

const TYPES: readonly SearchType[] = ['article', 'quote', 'claim'];

export const load: PageServerLoad = async ({ fetch, url }) => {
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 500);
  const typeParam = url.searchParams.get('type');
  const type = TYPES.find((t) => t === typeParam);
  const storyParam = url.searchParams.get('story');
  const story = storyParam && /^sty_[0-9a-f]{16}$/.test(storyParam) ? storyParam : undefined;
  if (!q) return { q, type: type ?? null, story: story ?? null, hits: [] };
  // Each hit names its article and its statement or claim group: one request for the whole page.
  const { hits } = await orError(apiFor(fetch).search({ q, type, story, limit: 50 }), 'search results');
  return { q, type: type ?? null, story: story ?? null, hits };
};
