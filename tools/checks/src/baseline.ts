// Accepted problems in this repository, each with the reason and who should resolve it. A check
// that flags code outside tools/ cannot fix it; listing it here keeps lint green while the problem
// stays visible. An entry that no longer matches anything is printed as a note (not a failure: the
// owner of the excused code may fix it before this list is edited), so the list only shrinks. Prefer fixing the code, or an inline `// parallax-ignore <check>: <reason>` comment on
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

// Empty: every problem these checks found so far has been fixed in the code.
export const baseline: readonly BaselineEntry[] = [];

const IGNORE = /parallax-ignore\s+([\w-]+(?:\s*,\s*[\w-]+)*)\s*:\s*\S/;

/** Whether line `line` (1-based) of `text`, or the line above it, excuses `check`. */
export function ignoredInline(text: string, line: number, check: string): boolean {
  const lines = text.split('\n');
  return [lines[line - 1], lines[line - 2]].some((l) => {
    const m = l === undefined ? null : IGNORE.exec(l);
    return m !== null && m[1]!.split(',').map((s) => s.trim()).includes(check);
  });
}

/** The problems `entries` do not excuse, and the entries that excused nothing (to be removed). */
export function applyBaseline(problems: Problem[], entries: readonly BaselineEntry[]): { kept: Problem[]; unused: BaselineEntry[] } {
  const used = new Set<BaselineEntry>();
  const kept = problems.filter((p) => {
    const entry = entries.find((e) => e.check === p.check && e.file === p.file && p.message.includes(e.contains));
    if (entry) used.add(entry);
    return !entry;
  });
  return { kept, unused: entries.filter((e) => !used.has(e)) };
}
