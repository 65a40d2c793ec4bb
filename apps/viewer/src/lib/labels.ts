// How articles and outlets are named on screen. Many articles do not name their outlet, so an article
// falls back to its headline or its file name, and within a story each gets a stable letter.

interface ArticleLike {
  id: string;
  outletId: string | null;
  headline: string | null;
  sourcePath: string | null;
  sourceUrl?: string | null;
  publishedAt?: string | null;
}
interface OutletLike {
  id: string;
  name: string;
}

/** The last part of a path or URL, without its extension. */
export function baseName(path: string): string {
  const last = path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
  return last.replace(/\.(txt|html?|json)$/i, '');
}

/** The outlet's name, or null when the article names none. */
export function outletName(article: ArticleLike, outlets: readonly OutletLike[]): string | null {
  return article.outletId ? (outlets.find((o) => o.id === article.outletId)?.name ?? null) : null;
}

/** A short name for an article: its outlet, else "Unnamed outlet" with its file name. */
export function articleSource(article: ArticleLike, outlets: readonly OutletLike[]): string {
  const outlet = outletName(article, outlets);
  if (outlet) return outlet;
  const from = article.sourceUrl ?? article.sourcePath;
  return from ? `Unnamed outlet (${baseName(from)})` : 'Unnamed outlet';
}

/** The article's title: its headline, else its source name. */
export function articleTitle(article: ArticleLike, outlets: readonly OutletLike[]): string {
  return article.headline ?? articleSource(article, outlets);
}

/** Letters A, B, C ... for a story's articles in the given order, so columns and matrix rows can be told apart. */
export function articleLetters(articleIds: readonly string[]): Map<string, string> {
  return new Map(articleIds.map((id, i) => [id, i < 26 ? String.fromCharCode(65 + i) : `A${i - 25}`]));
}

/** A date or instant for display: "15 Sep 2015" (in UTC, so the server and the browser agree). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return 'undated';
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) return value;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** A date range: "15 Sep 2015", or "14 – 16 Sep 2015". */
export function formatRange(first: string | null, last: string | null): string {
  if (!first && !last) return 'undated';
  if (!first || !last || first === last) return formatDate(first ?? last);
  return `${formatDate(first)} – ${formatDate(last)}`;
}

/** An http(s) URL safe to link to, or null (javascript:, data: and anything unparsable are not links). */
export function safeHref(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** "1 article", "5 articles". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
