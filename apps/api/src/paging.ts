// Pages of a list the store cannot filter itself (stories by title words, entities by name): walk the
// store's own pages from the caller's cursor, keep what matches, and stop when the page is full. When a
// store page holds more matches than still fit, it is read again up to the last match that fits, so the
// cursor handed back points right after it and the next request resumes there. A page may come back short
// (with a nextCursor) when `maxScan` rows were looked at without filling it: rare matches never make one
// request scan the whole table.
import type { Page, PageQuery } from '@parallax/store';

export async function filteredPage<T>(
  fetch: (query: PageQuery) => Promise<Page<T>>,
  keep: (item: T) => boolean,
  query: { limit: number; cursor?: string | undefined },
  maxScan = 5_000,
): Promise<Page<T>> {
  const items: T[] = [];
  let cursor = query.cursor;
  let scanned = 0;
  for (;;) {
    const want = query.limit - items.length;
    const page = await fetch({ limit: Math.max(want, 100), cursor });
    scanned += page.items.length;
    const matched: number[] = [];
    page.items.forEach((item, i) => keep(item) && matched.push(i));
    if (matched.length > want) {
      // The page holds more matches than fit: read it again up to the last one that fits, so the
      // store's cursor points right after it.
      const upTo = matched[want - 1]! + 1;
      const exact = await fetch({ limit: upTo, cursor });
      for (const i of matched.slice(0, want)) items.push(page.items[i]!);
      return { items, nextCursor: exact.nextCursor };
    }
    for (const i of matched) items.push(page.items[i]!);
    if (!page.nextCursor) return { items, nextCursor: null };
    cursor = page.nextCursor;
    if (items.length >= query.limit || scanned >= maxScan) return { items, nextCursor: cursor };
  }
}

/** Every item of a paged store list (for lists bounded by one story or one record). */
export async function allPages<T>(fetch: (query: PageQuery) => Promise<Page<T>>, pageSize = 500): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch({ limit: pageSize, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Lower-cased words of a filter text. */
export function filterWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** True when every word occurs in one of the texts (case-insensitive substring match). */
export function matchesWords(words: readonly string[], texts: ReadonlyArray<string | null>): boolean {
  const hay = texts.filter((t): t is string => t !== null).join('\n').toLowerCase();
  return words.every((w) => hay.includes(w));
}
