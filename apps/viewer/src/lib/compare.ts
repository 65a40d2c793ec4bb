// The compare view's URL: which articles are shown (?a=, two to five, in order) and which statement or
// quote is selected (?s= or ?q=). Every view and selection is a plain link, so it can be shared.

export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 5;

export interface CompareSelection {
  articleIds: string[];
  statementId: string | null;
  quoteId: string | null;
  /** Set when the requested articles had to be changed (too few, too many, not in the story). */
  notice: string | null;
}

/** Reads and corrects the compare parameters against the story's articles (in display order). */
export function readCompareParams(params: URLSearchParams, storyArticleIds: readonly string[]): CompareSelection {
  const requested = params.getAll('a').flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const known = [...new Set(requested.filter((id) => storyArticleIds.includes(id)))];
  let articleIds = known.slice(0, MAX_COLUMNS);
  let notice: string | null = null;
  if (requested.length > 0 && known.length < requested.length) notice = 'Some of the requested articles are not in this story and were left out.';
  if (known.length > MAX_COLUMNS) notice = `At most ${MAX_COLUMNS} articles fit side by side: showing the first ${MAX_COLUMNS}.`;
  if (articleIds.length < MIN_COLUMNS) {
    const fill = storyArticleIds.filter((id) => !articleIds.includes(id));
    const wanted = Math.min(Math.max(MIN_COLUMNS, requested.length === 0 ? 3 : MIN_COLUMNS), storyArticleIds.length);
    articleIds = [...articleIds, ...fill].slice(0, wanted);
    if (requested.length > 0) notice = `Choose at least ${MIN_COLUMNS} articles to compare.`;
  }
  const s = params.get('s');
  const q = params.get('q');
  return { articleIds, statementId: s && /^stm_[0-9a-f]{16}$/.test(s) ? s : null, quoteId: q && /^quo_[0-9a-f]{16}$/.test(q) ? q : null, notice };
}

/** The query string of a compare view. */
export function compareQuery(articleIds: readonly string[], selection: { statementId?: string | null; quoteId?: string | null } = {}): string {
  const p = new URLSearchParams();
  for (const id of articleIds) p.append('a', id);
  if (selection.statementId) p.set('s', selection.statementId);
  else if (selection.quoteId) p.set('q', selection.quoteId);
  return `?${p}`;
}
