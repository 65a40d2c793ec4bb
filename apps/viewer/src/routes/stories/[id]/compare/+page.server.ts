import { error } from '@sveltejs/kit';
import { readCompareParams } from '$lib/compare';
import { apiFor, orError } from '$lib/server/client';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params, url }) => {
  const api = apiFor(fetch);
  const detail = await orError(api.getStory(params.id), 'story');
  const ordered = [...detail.articles].sort((a, b) => (a.publishedAt ?? '9999').localeCompare(b.publishedAt ?? '9999') || detail.story.articleIds.indexOf(a.id) - detail.story.articleIds.indexOf(b.id));
  const selection = readCompareParams(url.searchParams, ordered.map((a) => a.id));
  const columns = await Promise.all(selection.articleIds.map((id) => orError(api.getArticle(id), 'article')));

  // The selection: a statement, or a quote (its statement when it has one).
  let statementId = selection.statementId;
  let quoteId = selection.quoteId;
  if (!statementId && quoteId) {
    const quote = columns.flatMap((c) => c.quotes).find((q) => q.id === quoteId);
    if (!quote) error(404, `Quote ${quoteId} is not in the articles shown.`);
    statementId = quote.clusterId;
  }
  const statement = statementId ? await orError(api.getStatement(statementId), 'statement') : null;
  if (statement) quoteId = null;

  return {
    story: detail.story,
    articles: ordered,
    outlets: detail.outlets,
    entities: detail.entities,
    columns,
    statement,
    quoteId,
    notice: selection.notice,
  };
};
