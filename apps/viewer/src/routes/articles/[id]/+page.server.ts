import { apiFor, orError } from '$lib/server/client';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const api = apiFor(fetch);
  const [detail, versions] = await Promise.all([orError(api.getArticle(params.id), 'article'), api.getArticleVersions(params.id).catch(() => null)]);
  return { ...detail, versions: versions?.versions ?? [] };
};
