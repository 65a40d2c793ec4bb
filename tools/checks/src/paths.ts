// Paths of the monorepo, resolved from this file so the tools work from any working directory.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** tools/checks/ */
export const toolsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The monorepo root (two levels above tools/checks). */
export const repoRoot = resolve(toolsDir, '../..');
/** Where the generated references live. */
export const docsDir = resolve(repoRoot, 'docs');
/** The API's route table, read by the API reference generator. */
export const routeTablePath = resolve(repoRoot, 'apps/api/src/routes.ts');
/** The schema package's sources, read by the schema reference and the record-shape check. */
export const schemaSrcDir = resolve(repoRoot, 'packages/schema/src');
