// Accepted problems in this repository, each with the reason and who should resolve it. A check
// that flags code outside tools/ cannot fix it; listing it here keeps lint green while the problem
// stays visible. An entry that no longer matches anything is itself reported, so the list only
// shrinks. Prefer fixing the code, or an inline `// parallax-ignore <check>: <reason>` comment on
// (or just above) the reported line, kept next to the code it excuses.
import type { Problem } from './check.js';

export interface BaselineEntry {
  check: string;
  /** Repo-relative path of the reported file. */
  file: string;
  /** A piece of the message that identifies the problem (line numbers move; names do not). */
  contains: string;
  reason: string;
}

export const baseline: readonly BaselineEntry[] = [
  {
    check: 'duplicate-record-shapes',
    file: 'packages/store/src/store.ts',
    contains: 'interface ArticleRecords declares 80% of the fields of ArticleDetail',
    reason:
      'The store input (article, outlet, quotes, claims, entities) is ArticleDetail plus entities. For the store owner: write it as ArticleDetail & { entities: Entity[] } or excuse it with an inline parallax-ignore comment, then drop this entry.',
  },
];

const IGNORE = /parallax-ignore\s+([\w-]+(?:\s*,\s*[\w-]+)*)\s*:\s*\S/;

/** Whether line `line` (1-based) of `text`, or the line above it, excuses `check`. */
export function ignoredInline(text: string, line: number, check: string): boolean {
  const lines = text.split('\n');
  return [lines[line - 1], lines[line - 2]].some((l) => {
    const m = l === undefined ? null : IGNORE.exec(l);
    return m !== null && m[1]!.split(',').map((s) => s.trim()).includes(check);
  });
}

/** Problems not excused by `entries`, plus one problem per entry that excused nothing. */
export function applyBaseline(problems: Problem[], entries: readonly BaselineEntry[], baselineFile: string): Problem[] {
  const used = new Set<BaselineEntry>();
  const kept = problems.filter((p) => {
    const entry = entries.find((e) => e.check === p.check && e.file === p.file && p.message.includes(e.contains));
    if (entry) used.add(entry);
    return !entry;
  });
  for (const entry of entries) {
    if (!used.has(entry)) kept.push({ check: 'baseline', file: baselineFile, line: 1, message: `baseline entry for ${entry.file} (${entry.check}: "${entry.contains}") matches no problem any more; remove it` });
  }
  return kept;
}
