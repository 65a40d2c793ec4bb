import { apiFor, orError } from '$lib/server/client';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url }) => {
  const q = url.searchParams.get('q')?.trim() ?? '';
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const page = await orError(apiFor(fetch).listStories({ q: q || undefined, cursor, limit: 50 }), 'stories');
  return { q, stories: page.items, nextCursor: page.nextCursor };
};
