// User search text to plain terms. Whatever is typed (quotes, operators, `*`, parentheses, NEAR, column
// filters) becomes a list of words, so neither FTS5 nor tsquery ever sees syntax from a user.

const wordPattern = /[\p{L}\p{N}]+/gu;
const maxTerms = 32;

/** The words of a query, lower-cased, deduplicated, in order (at most 32). */
export function searchTerms(q: string): string[] {
  const seen = new Set<string>();
  for (const match of q.normalize('NFC').matchAll(wordPattern)) {
    const word = match[0].toLowerCase();
    if (!seen.has(word)) seen.add(word);
    if (seen.size >= maxTerms) break;
  }
  return [...seen];
}

/** An FTS5 MATCH expression: every term as a quoted string, all required (implicit AND). */
export function fts5Query(terms: readonly string[]): string {
  // Terms hold only letters and digits, so wrapping them in double quotes is always a valid string.
  return terms.map((t) => `"${t}"`).join(' ');
}

/** An FTS5 MATCH expression for any of the terms (OR), each a quoted string. */
export function fts5AnyQuery(terms: readonly string[]): string {
  return terms.map((t) => `"${t}"`).join(' OR ');
}
