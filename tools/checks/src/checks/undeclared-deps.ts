// Verifies that every package a workspace imports is declared in that workspace's package.json
// (any dependency field), so nothing leans on npm hoisting. The root package.json's dependencies
// are the shared toolchain (vitest, typescript, turbo, @types/node) and count for every workspace.
// A type-only import is also satisfied by the matching @types package.
import type { Check, Problem } from '../check.js';
import { resolveImport } from '../repo.js';

/** "@scope/name" -> "@types/scope__name", "name" -> "@types/name". */
export function typesPackageFor(name: string): string {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

export const undeclaredDeps: Check = {
  name: 'undeclared-deps',
  description: "A workspace must declare every package it imports in its own package.json.",
  run(repo) {
    const shared = new Set<string>();
    for (const field of ['dependencies', 'devDependencies'] as const) for (const name of Object.keys(repo.rootManifest[field] ?? {})) shared.add(name);
    const problems: Problem[] = [];
    for (const workspace of repo.workspaces) {
      const declared = new Set([...workspace.dependencies.map((d) => d.name), ...shared, workspace.name]);
      for (const file of workspace.files) {
        for (const ref of file.imports) {
          const target = resolveImport(repo, file, ref.specifier);
          if (target.kind !== 'package' || declared.has(target.packageName)) continue;
          if (ref.typeOnly && declared.has(typesPackageFor(target.packageName))) continue;
          problems.push({ check: this.name, file: file.rel, line: ref.line, message: `imports "${ref.specifier}" but ${workspace.name} does not declare ${target.packageName} in its package.json` });
        }
      }
    }
    return problems;
  },
};
