import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixture, fixturesDir } from '../test/fixtures.js';
import { ignoredInline } from './baseline.js';
import { formatProblem } from './check.js';
import { architectureChecks } from './checks/index.js';
import { repoRoot, toolsDir } from './paths.js';
import { runChecks, runRepoChecks } from './run-checks.js';
import { readdirSync } from 'node:fs';

const run = promisify(execFile);
const tsx = join(repoRoot, 'node_modules/.bin/tsx');

describe('runChecks', () => {
  it('passes the clean fixture with every check', async () => {
    expect((await runChecks(fixture('clean'))).map(formatProblem)).toEqual([]);
  });

  it('finds something in every violation fixture, and every check catches something somewhere', async () => {
    const caught = new Set<string>();
    for (const name of readdirSync(fixturesDir).filter((n) => n !== 'clean')) {
      const problems = await runChecks(fixture(name));
      expect(problems.map((p) => p.check), name).toContain(name);
      for (const p of problems) caught.add(p.check);
    }
    expect([...caught].sort()).toEqual(architectureChecks.map((c) => c.name).sort());
  });

  // Its speed is printed by the runner (`npm run lint`), not asserted: a timed test flakes under load.
  it('passes on this repository, architecture and docs', async () => {
    const problems = await runRepoChecks();
    expect(problems.map(formatProblem), 'fix these, or run `npm run docs -w @parallax/tools` for stale docs').toEqual([]);
  }, 120_000); // about 2 s alone; turbo runs every workspace's tests at once on two cores
});

describe('exceptions', () => {
  it('drops problems excused inline with a reason or by the baseline, and notes baseline entries that match nothing', async () => {
    expect(ignoredInline('// parallax-ignore file-cycles, schema-deps: lazy registry\nimport x from "y";\n', 2, 'file-cycles')).toBe(true);
    expect(ignoredInline('// parallax-ignore file-cycles:\nimport x from "y";\n', 2, 'file-cycles')).toBe(false);
    expect(ignoredInline('import x from "y"; // parallax-ignore undeclared-deps: vendored\n', 1, 'file-cycles')).toBe(false);
    const unused: string[] = [];
    const problems = await runChecks(
      fixture('file-cycles'),
      architectureChecks,
      [
        { check: 'file-cycles', file: 'packages/engine/src/a.ts', contains: 'src/a.ts -> src/b.ts', reason: 'test' },
        { check: 'file-cycles', file: 'packages/engine/src/gone.ts', contains: 'gone', reason: 'test' },
      ],
      (e) => unused.push(e.file),
    );
    expect(problems).toEqual([]);
    expect(unused).toEqual(['packages/engine/src/gone.ts']);
  });
});

describe('the runner', () => {
  it('prints path:line: message for each problem and exits 1', async () => {
    const failure = await run(tsx, ['--conditions=@parallax/source', 'src/run-checks.ts', '--root', fixture('file-cycles')], { cwd: toolsDir }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failure && failure.code).toBe(1);
    expect(failure.stderr).toContain('packages/engine/src/a.ts:1: import cycle in @parallax/engine: src/a.ts -> src/b.ts -> src/nested/c.ts -> src/a.ts [file-cycles]');
  });

  it('exits 0 on a clean tree, from any working directory', async () => {
    const ok = await run(tsx, ['--conditions=@parallax/source', join(toolsDir, 'src/run-checks.ts'), '--root', fixture('clean')], { cwd: '/' });
    expect(ok.stderr).toMatch(/checks: \d+ checks passed/);
  });
});
