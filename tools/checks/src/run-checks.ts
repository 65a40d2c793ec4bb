// The runner behind `npm run lint -w @parallax/tools`: loads the monorepo once, runs every
// architecture check and the docs staleness check, prints `path:line: message` per problem and
// exits 1 when there is any. `--root <dir>` checks another tree (used on the test fixtures).
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyBaseline, baseline as repoBaseline, ignoredInline, type BaselineEntry } from './baseline.js';
import { formatProblem, type Check, type Problem } from './check.js';
import { architectureChecks } from './checks/index.js';
import { repoRoot, toolsDir } from './paths.js';
import { loadRepo, toPosix } from './repo.js';

/**
 * Runs `checks` on the tree at `root`; problems sorted by file and line. Problems excused by an
 * inline `parallax-ignore <check>: <reason>` comment are dropped, and so are those `baseline` lists.
 */
export async function runChecks(
  root: string,
  checks: readonly Check[] = architectureChecks,
  baseline: readonly BaselineEntry[] = [],
  onUnused: (entry: BaselineEntry) => void = () => {},
): Promise<Problem[]> {
  const repo = loadRepo(root);
  const problems: Problem[] = [];
  for (const check of checks) problems.push(...(await check.run(repo)));
  const texts = new Map<string, string>();
  const textOf = (file: string) => {
    if (!texts.has(file)) texts.set(file, repo.files.find((f) => f.rel === file)?.text ?? readFileSync(join(repo.root, file), 'utf8'));
    return texts.get(file)!;
  };
  const excused = problems.filter((p) => !ignoredInline(textOf(p.file), p.line, p.check));
  const { kept, unused } = applyBaseline(excused, baseline);
  unused.forEach(onUnused);
  return kept.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.check.localeCompare(b.check));
}

/** Everything `npm run lint` checks on this repository: architecture, docs, with its baseline. */
export async function runRepoChecks(onUnused?: (entry: BaselineEntry) => void): Promise<Problem[]> {
  const { docsCurrent } = await import('./checks/docs-current.js');
  const { routeTable } = await import('./checks/route-table.js');
  return runChecks(repoRoot, [...architectureChecks, routeTable, docsCurrent], repoBaseline, onUnused);
}

async function main(argv: string[]): Promise<number> {
  const rootFlag = argv.indexOf('--root');
  const root = rootFlag >= 0 && argv[rootFlag + 1] ? resolve(argv[rootFlag + 1]!) : repoRoot;
  const started = performance.now();
  // The route table, the docs and the baseline belong to this repository: other trees get the
  // architecture checks.
  const note = (e: BaselineEntry) =>
    console.error(`${toPosix(relative(process.cwd(), join(toolsDir, 'src/baseline.ts')))}: note: the baseline entry for ${e.file} (${e.check}) matches nothing any more; remove it`);
  const problems = root === repoRoot ? await runRepoChecks(note) : await runChecks(root);
  const count = architectureChecks.length + (root === repoRoot ? 2 : 0);
  for (const p of problems) console.error(formatProblem(p));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(problems.length === 0 ? `checks: ${count} checks passed in ${seconds}s` : `checks: ${problems.length} problem(s) in ${seconds}s`);
  return problems.length === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
