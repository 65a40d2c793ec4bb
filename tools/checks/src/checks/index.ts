// The architecture checks, in the order the runner reports them. Add a new check here.
import type { Check } from '../check.js';
import { appImportsApp } from './app-imports-app.js';
import { duplicateRecordShapes } from './duplicate-record-shapes.js';
import { fileCycles } from './file-cycles.js';
import { packageImportsApp } from './package-imports-app.js';
import { schemaDeps } from './schema-deps.js';
import { undeclaredDeps } from './undeclared-deps.js';
import { workspaceCycles } from './workspace-cycles.js';
import { workspaceInternals } from './workspace-internals.js';

export const architectureChecks: readonly Check[] = [
  packageImportsApp,
  appImportsApp,
  workspaceInternals,
  workspaceCycles,
  fileCycles,
  schemaDeps,
  duplicateRecordShapes,
  undeclaredDeps,
];
