// Verifies that no app (apps/*) imports or depends on another app. A type or function two apps need
// belongs in a package (record shapes in @parallax/schema).
import { manifestProblem, type Check, type Problem } from '../check.js';
import { resolveImport, targetWorkspace } from '../repo.js';

export const appImportsApp: Check = {
  name: 'app-imports-app',
  description: 'An app (apps/*) must not import or depend on another app.',
  run(repo) {
    const problems: Problem[] = [];
    for (const workspace of repo.workspaces.filter((w) => w.kind === 'app')) {
      for (const dep of workspace.dependencies) {
        const target = repo.byName.get(dep.name);
        if (target?.kind === 'app' && target !== workspace) {
          problems.push(manifestProblem(this.name, repo, workspace, dep.line, `app ${workspace.name} depends on app ${target.name} (${dep.field}); apps must not depend on each other`));
        }
      }
      for (const file of workspace.files) {
        for (const ref of file.imports) {
          const target = targetWorkspace(resolveImport(repo, file, ref.specifier));
          if (target?.kind === 'app' && target !== workspace) {
            problems.push({ check: this.name, file: file.rel, line: ref.line, message: `app ${workspace.name} imports app ${target.name} ("${ref.specifier}"); move what both need into a package` });
          }
        }
      }
    }
    return problems;
  },
};
