// Verifies that the workspaces form no cycle. Edges come from package.json dependencies (every
// field: turbo orders tasks by all of them) and from actual imports between workspaces (by name or
// by relative path), so an undeclared import that closes a loop is caught too.
import { relative } from 'node:path';
import type { Check, Problem } from '../check.js';
import { cycleThrough, cyclicComponents } from '../graph.js';
import { resolveImport, targetWorkspace, toPosix, type Workspace } from '../repo.js';

interface Edge {
  file: string;
  line: number;
  how: string;
}

export const workspaceCycles: Check = {
  name: 'workspace-cycles',
  description: 'Workspaces must not depend on each other in a cycle (package.json dependencies and imports).',
  run(repo) {
    const edges = new Map<Workspace, Map<Workspace, Edge>>(repo.workspaces.map((w) => [w, new Map()]));
    for (const w of repo.workspaces) {
      for (const dep of w.dependencies) {
        const target = repo.byName.get(dep.name);
        if (target && target !== w) edges.get(w)!.set(target, { file: toPosix(relative(repo.root, w.manifestPath)), line: dep.line, how: `package.json ${dep.field}` });
      }
    }
    for (const file of repo.files) {
      for (const ref of file.imports) {
        const target = targetWorkspace(resolveImport(repo, file, ref.specifier));
        const out = edges.get(file.workspace)!;
        // An import is the more useful place to point at; it replaces a package.json edge.
        if (target && target !== file.workspace && (!out.has(target) || out.get(target)!.how.startsWith('package.json'))) {
          out.set(target, { file: file.rel, line: ref.line, how: `imports "${ref.specifier}"` });
        }
      }
    }
    const next = (w: Workspace) => edges.get(w)!.keys();
    const problems: Problem[] = [];
    for (const component of cyclicComponents(repo.workspaces, next)) {
      const cycle = cycleThrough(component[0]!, component, next);
      const first = edges.get(cycle[0]!)!.get(cycle[1]!)!;
      const steps = cycle.slice(0, -1).map((w, i) => {
        const edge = edges.get(w)!.get(cycle[i + 1]!)!;
        return `${w.name} -> ${cycle[i + 1]!.name} (${edge.file}:${edge.line} ${edge.how})`;
      });
      problems.push({ check: this.name, file: first.file, line: first.line, message: `workspace cycle ${cycle.map((w) => w.name).join(' -> ')}: ${steps.join('; ')}` });
    }
    return problems;
  },
};
