// Verifies that the generated references (docs/schema.md, docs/api.md) are committed and current:
// each is generated afresh from the schema package and the API's route table and compared with the
// file on disk. A stale file is reported at its first differing line.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Check, Problem } from '../check.js';
import { generatedDocs } from '../generate-docs.js';
import { toPosix } from '../repo.js';

export const DOCS_COMMAND = 'npm run docs -w @parallax/tools';

/** The problem with a generated file, if any: missing, or stale from its first differing line. */
export function compareGenerated(file: string, actual: string | null, expected: string): Omit<Problem, 'check'> | null {
  if (actual === null) return { file, line: 1, message: `${file} is missing; run \`${DOCS_COMMAND}\` and commit it` };
  if (actual === expected) return null;
  const a = actual.split('\n');
  const e = expected.split('\n');
  let line = 0;
  while (line < a.length && line < e.length && a[line] === e[line]) line++;
  const want = e[line] === undefined ? '(end of file)' : JSON.stringify(e[line]!.slice(0, 120));
  return { file, line: line + 1, message: `${file} is stale (expected ${want}); run \`${DOCS_COMMAND}\` and commit the result` };
}

export const docsCurrent: Check = {
  name: 'docs-current',
  description: 'docs/schema.md and docs/api.md must equal what the generators produce now.',
  async run(repo) {
    const problems: Problem[] = [];
    for (const doc of generatedDocs) {
      const path = join(repo.root, 'docs', doc.file);
      const actual = existsSync(path) ? readFileSync(path, 'utf8') : null;
      const problem = compareGenerated(toPosix(relative(repo.root, path)), actual, await doc.generate());
      if (problem) problems.push({ check: this.name, ...problem });
    }
    return problems;
  },
};
