// Verifies that the files inside each workspace import each other without cycles. Only imports that
// run at load time count: `import type` is erased and `import()` is lazy, so neither can leave a
// module half-initialised.
import type { Check, Problem } from '../check.js';
import { cycleThrough, cyclicComponents } from '../graph.js';
import { resolveFile, resolveImport, type SourceInfo } from '../repo.js';

export const fileCycles: Check = {
  name: 'file-cycles',
  description: 'Files within a workspace must not import each other in a cycle (value imports only).',
  run(repo) {
    const problems: Problem[] = [];
    for (const workspace of repo.workspaces) {
      const byPath = new Map(workspace.files.map((f) => [f.path, f]));
      const edges = new Map<SourceInfo, Map<SourceInfo, number>>();
      for (const file of workspace.files) {
        const out = new Map<SourceInfo, number>();
        for (const ref of file.imports) {
          if (ref.typeOnly || ref.dynamic) continue;
          const target = resolveImport(repo, file, ref.specifier);
          if (target.kind !== 'relative' || target.workspace !== workspace) continue;
          const path = resolveFile(target.path, (p) => byPath.has(p));
          const to = path ? byPath.get(path) : undefined;
          if (to && !out.has(to)) out.set(to, ref.line);
        }
        edges.set(file, out);
      }
      const next = (f: SourceInfo) => edges.get(f)!.keys();
      for (const component of cyclicComponents(workspace.files, next)) {
        const cycle = cycleThrough(component[0]!, component, next);
        problems.push({
          check: this.name,
          file: cycle[0]!.rel,
          line: edges.get(cycle[0]!)!.get(cycle[1]!)!,
          message: `import cycle in ${workspace.name}: ${cycle.map((f) => f.rel.slice(workspace.rel.length + 1)).join(' -> ')}`,
        });
      }
    }
    return problems;
  },
};
