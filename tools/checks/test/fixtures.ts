// Helpers for the check tests: the fixture workspaces under test/fixtures/<case>/ and their problems.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Check, Problem } from '../src/check.js';
import { loadRepo } from '../src/repo.js';

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function fixture(name: string): string {
  return join(fixturesDir, name);
}

/** Runs one check on one fixture; problems as "file:line" keys with their messages. */
export async function problemsOf(check: Check, name: string): Promise<Problem[]> {
  const problems = await check.run(loadRepo(fixture(name)));
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

export function where(problems: Problem[]): string[] {
  return problems.map((p) => `${p.file}:${p.line}`);
}
