// Verifies that no package (packages/*) depends on an app (apps/*): neither an import, by name or
// by relative path, nor a package.json dependency. Apps sit on top of packages, never under them.
import { manifestProblem, type Check, type Problem } from '../check.js';
import { resolveImport, targetWorkspace } from '../repo.js';

export const packageImportsApp: Check = {
  name: 'package-imports-app',
  description: 'A package (packages/*) must not import or depend on an app (apps/*).',
  run(repo) {
    const problems: Problem[] = [];
    for (const workspace of repo.workspaces.filter((w) => w.kind === 'package')) {
      for (const dep of workspace.dependencies) {
        const target = repo.byName.get(dep.name);
        if (target?.kind === 'app') {
          problems.push(manifestProblem(this.name, repo, workspace, dep.line, `package ${workspace.name} depends on app ${target.name} (${dep.field}); packages must not depend on apps`));
        }
      }
      for (const file of workspace.files) {
        for (const ref of file.imports) {
          const target = targetWorkspace(resolveImport(repo, file, ref.specifier));
          if (target?.kind === 'app') {
            problems.push({ check: this.name, file: file.rel, line: ref.line, message: `package ${workspace.name} imports app ${target.name} ("${ref.specifier}"); move what both need into a package` });
          }
        }
      }
    }
    return problems;
  },
};
