import { apiFor, orError } from '$lib/server/client';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const detail = await orError(apiFor(fetch).getStory(params.id), 'story');
  // Articles in publication order (undated last), so letters read oldest to newest.
  const articles = [...detail.articles].sort((a, b) => (a.publishedAt ?? '9999').localeCompare(b.publishedAt ?? '9999') || detail.story.articleIds.indexOf(a.id) - detail.story.articleIds.indexOf(b.id));
  return { ...detail, articles };
};
