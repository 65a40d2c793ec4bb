// Verifies that a workspace reaches another workspace only through its public entry: the package
// name, or a subpath its package.json `exports` declares (e.g. @parallax/schema/json-schema/*).
// Flags deep paths (@parallax/x/src/...) and relative paths into another workspace
// (../../packages/x/src/...), which skip the build, the exports map and the package boundary.
import { relative } from 'node:path';
import type { Check, Problem } from '../check.js';
import { resolveImport, toPosix, type Workspace } from '../repo.js';

/** Whether `subpath` ("" for the bare name) is public under the package's `exports` field. */
export function isExported(workspace: Workspace, subpath: string): boolean {
  const exportsField = workspace.manifest.exports;
  if (exportsField === undefined) return subpath === ''; // no exports map: only the main entry is public
  const key = subpath === '' ? '.' : `./${subpath}`;
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) return key === '.';
  const map = exportsField as Record<string, unknown>;
  const keys = Object.keys(map);
  if (!keys.some((k) => k.startsWith('.'))) return key === '.'; // a conditions object describes "." only
  if (key in map) return map[key] !== null;
  // Subpath patterns: "./json-schema/*" matches "./json-schema/bundle.json"; the longest prefix wins.
  const pattern = keys
    .filter((k) => k.includes('*'))
    .filter((k) => {
      const [before, after] = k.split('*') as [string, string];
      return key.startsWith(before) && key.endsWith(after) && key.length >= before.length + after.length;
    })
    .sort((a, b) => b.indexOf('*') - a.indexOf('*'))[0];
  return pattern !== undefined && map[pattern] !== null;
}

function exportsList(workspace: Workspace): string {
  const e = workspace.manifest.exports;
  if (e && typeof e === 'object' && !Array.isArray(e) && Object.keys(e).some((k) => k.startsWith('.'))) {
    return Object.keys(e).map((k) => (k === '.' ? workspace.name : `${workspace.name}/${k.slice(2)}`)).join(', ');
  }
  return workspace.name;
}

export const workspaceInternals: Check = {
  name: 'workspace-internals',
  description: "A workspace must import another workspace by its package name or a declared `exports` subpath, never its internals.",
  run(repo) {
    const problems: Problem[] = [];
    for (const file of repo.files) {
      for (const ref of file.imports) {
        const target = resolveImport(repo, file, ref.specifier);
        if (target.kind === 'relative' && target.workspace && target.workspace !== file.workspace) {
          const inside = toPosix(relative(repo.root, target.path));
          problems.push({
            check: this.name,
            file: file.rel,
            line: ref.line,
            message: `"${ref.specifier}" reaches into ${target.workspace.name} (${inside}) by relative path; import it by name: ${exportsList(target.workspace)}`,
          });
        } else if (target.kind === 'package' && target.workspace && target.workspace !== file.workspace && !isExported(target.workspace, target.subpath)) {
          problems.push({
            check: this.name,
            file: file.rel,
            line: ref.line,
            message: `"${ref.specifier}" imports internals of ${target.workspace.name}: "./${target.subpath}" is not in its package.json exports; use ${exportsList(target.workspace)}`,
          });
        }
      }
    }
    return problems;
  },
};
