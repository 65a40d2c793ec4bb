// `npm run docs -w @parallax/tools`: writes docs/schema.md and docs/api.md from the schema package
// and the API's route table. checks/docs-current.ts fails lint and tests when they are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateApiDoc } from './docs/api-doc.js';
import { generateSchemaDoc } from './docs/schema-doc.js';
import { docsDir, repoRoot } from './paths.js';

/** Every generated document: file name under docs/ and how to make it. */
export const generatedDocs: ReadonlyArray<{ file: string; generate: () => string | Promise<string> }> = [
  { file: 'schema.md', generate: () => generateSchemaDoc() },
  { file: 'api.md', generate: () => generateApiDoc() },
];

export async function writeDocs(dir = docsDir): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const doc of generatedDocs) {
    const path = join(dir, doc.file);
    writeFileSync(path, await doc.generate());
    written.push(path);
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const path of await writeDocs()) console.error(`wrote ${relative(repoRoot, path)}`);
}
