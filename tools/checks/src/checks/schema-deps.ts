// Verifies that the schema package depends on nothing but zod: its package.json runtime dependency
// fields (dependencies, peerDependencies, optionalDependencies) and the imports of its shipped
// source (src/, tests excluded). Node builtins count too: the package must run in a browser. Tests
// and build scripts may use devDependencies.
import { manifestProblem, type Check, type Problem } from '../check.js';
import { resolveImport } from '../repo.js';

export const SCHEMA_PACKAGE = '@parallax/schema';
export const SCHEMA_ALLOWED_DEPENDENCIES: readonly string[] = ['zod'];

export const schemaDeps: Check = {
  name: 'schema-deps',
  description: `${SCHEMA_PACKAGE} must depend on nothing but ${SCHEMA_ALLOWED_DEPENDENCIES.join(', ')}.`,
  run(repo) {
    const schema = repo.byName.get(SCHEMA_PACKAGE);
    if (!schema) return [];
    const allowed = SCHEMA_ALLOWED_DEPENDENCIES.join(', ');
    const problems: Problem[] = [];
    for (const dep of schema.dependencies) {
      if (dep.field !== 'devDependencies' && !SCHEMA_ALLOWED_DEPENDENCIES.includes(dep.name)) {
        problems.push(manifestProblem(this.name, repo, schema, dep.line, `${SCHEMA_PACKAGE} declares ${dep.name} in ${dep.field}; the schema package may depend only on ${allowed}`));
      }
    }
    for (const file of schema.files) {
      if (file.isTest || !file.rel.startsWith(`${schema.rel}/src/`)) continue;
      for (const ref of file.imports) {
        const target = resolveImport(repo, file, ref.specifier);
        const bad =
          target.kind === 'builtin' ||
          target.kind === 'virtual' ||
          (target.kind === 'package' && target.packageName !== SCHEMA_PACKAGE && !SCHEMA_ALLOWED_DEPENDENCIES.includes(target.packageName)) ||
          (target.kind === 'relative' && target.workspace !== schema);
        if (bad) problems.push({ check: this.name, file: file.rel, line: ref.line, message: `${SCHEMA_PACKAGE} imports "${ref.specifier}"; its source may import only ${allowed} and its own files` });
      }
    }
    return problems;
  },
};
