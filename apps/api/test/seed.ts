// Seeds a real store from the corpus, as `parallax ingest` would: every file of every story directory is
// extracted by @parallax/analysis (with its manifest.json hints), saved, then the whole store is linked
// by @parallax/linking (stories, statements, claim groups) and the links saved. Used by the tests and the
// benchmark.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle, type SourceHints } from '@parallax/analysis';
import { linkBundle } from '@parallax/linking';
import { StoryManifest } from '@parallax/schema';
import type { Store } from '@parallax/store';

export const corpusDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../corpus');
export const seedStoryDir = join(corpusDir, 'putin-syria-2015-09');

export interface CorpusFile {
  /** Path relative to the repository root, recorded as the article's sourcePath. */
  sourcePath: string;
  text: string;
  hints: SourceHints;
}

/** The article files of one story directory, with the hints its manifest gives (as apps/cli's inputs do). */
export function storyFiles(dir: string): CorpusFile[] {
  const hints = new Map<string, SourceHints>();
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = StoryManifest.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
    for (const entry of manifest.articles) hints.set(entry.file, { outlet: entry.outlet, publishedAt: entry.publishedAt, publishedAtSource: 'manifest' });
  }
  return readdirSync(dir)
    .filter((name) => !/^(?:\.|manifest\.json$|README)/i.test(name))
    .sort()
    .map((name) => ({ sourcePath: `corpus/${dir.split('/').pop()}/${name}`, text: readFileSync(join(dir, name), 'utf8'), hints: hints.get(name) ?? {} }));
}

/** Extract and save every file of the story directories under corpus/, then link everything. */
export async function seedStore(store: Store, dirs: readonly string[] = [seedStoryDir]): Promise<{ articles: number }> {
  let articles = 0;
  for (const dir of dirs) {
    for (const file of storyFiles(dir)) {
      const records = extractArticle({ text: file.text, name: file.sourcePath, sourcePath: file.sourcePath, hints: file.hints });
      await store.saveArticle(records);
      articles++;
    }
  }
  await linkStore(store);
  return { articles };
}

/** Link every stored article again and replace all cross-article records. */
export async function linkStore(store: Store): Promise<void> {
  const linked = linkBundle(await store.exportBundle());
  await store.saveLinks('all', { stories: linked.stories, statements: linked.statements, claimGroups: linked.claimGroups, entities: linked.entities });
}
