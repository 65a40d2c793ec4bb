// What a check is and what it reports.
import { relative } from 'node:path';
import { toPosix, type Repo, type Workspace } from './repo.js';

export interface Problem {
  /** The check that found it. */
  check: string;
  /** Path relative to the repo root, forward slashes. */
  file: string;
  /** 1-based line. */
  line: number;
  message: string;
}

export interface Check {
  /** kebab-case, same as the file name under src/checks/. */
  name: string;
  /** One line: what the check verifies. */
  description: string;
  run(repo: Repo): Problem[] | Promise<Problem[]>;
}

/** A problem located in a workspace's package.json. */
export function manifestProblem(check: string, repo: Repo, workspace: Workspace, line: number, message: string): Problem {
  return { check, file: toPosix(relative(repo.root, workspace.manifestPath)), line, message };
}

/** `path:line: message`, the format editors and CI annotate. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message} [${p.check}]`;
}
