// The seed story, extracted the way `parallax extract corpus/putin-syria-2015-09` does it (manifest hints
// for outlet and date), for tests and evals.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BundleBuilder, extractArticle } from '@parallax/analysis';
import { StoryManifest, type Bundle } from '@parallax/schema';

export const SEED_DIR = fileURLToPath(new URL('../../../corpus/putin-syria-2015-09/', import.meta.url));

/** The seed story as an unlinked bundle, with the file name of each article id. */
export function seedBundle(): { bundle: Bundle; fileOf: Map<string, string> } {
  const manifest = StoryManifest.parse(JSON.parse(readFileSync(SEED_DIR + 'manifest.json', 'utf8')));
  const builder = new BundleBuilder();
  const fileOf = new Map<string, string>();
  for (const entry of manifest.articles) {
    const path = SEED_DIR + entry.file;
    if (!existsSync(path)) continue;
    const x = extractArticle({ name: entry.file, sourcePath: entry.file, bytes: readFileSync(path), hints: { outlet: entry.outlet, publishedAt: entry.publishedAt, publishedAtSource: 'manifest' } });
    builder.add(x);
    fileOf.set(x.article.id, entry.file);
  }
  return { bundle: builder.build(), fileOf };
}
