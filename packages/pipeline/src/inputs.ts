// Turns inputs into sources to extract: files as given, directories walked recursively (a story
// manifest.json supplies hints for the files it lists), http(s) URLs, "-" for standard input.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { StoryManifest, type InputError } from '@parallax/schema';
import type { SourceHints } from '@parallax/analysis';

export interface PlannedInput {
  /** The path or URL as the user gave it (or as found under a directory they gave), or "-". */
  name: string;
  /** A file to read, or null for standard input and URLs. */
  path: string | null;
  /** An http(s) URL to fetch, else null. */
  url: string | null;
  hints: SourceHints;
}

export const isUrl = (arg: string) => /^https?:\/\//i.test(arg);

export interface InputPlan {
  inputs: PlannedInput[];
  errors: InputError[];
}

const MANIFEST = 'manifest.json';
/** Files in a directory that are never articles. */
const SKIP = /^(?:\.|manifest\.json$|README(?:\.md)?$|LICEN[CS]E|SOURCE_COMMIT$)/i;

async function manifestHints(dir: string): Promise<Map<string, SourceHints>> {
  const hints = new Map<string, SourceHints>();
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST), 'utf8');
  } catch {
    return hints;
  }
  const parsed = StoryManifest.safeParse(JSON.parse(text));
  if (!parsed.success) return hints;
  for (const entry of parsed.data.articles) hints.set(entry.file, { outlet: entry.outlet, publishedAt: entry.publishedAt, publishedAtSource: 'manifest' });
  return hints;
}

async function walk(dir: string, shown: string, out: PlannedInput[]): Promise<void> {
  const hints = await manifestHints(dir);
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (SKIP.test(entry.name)) continue;
    const full = join(dir, entry.name);
    const name = join(shown, entry.name);
    if (entry.isDirectory()) await walk(full, name, out);
    else if (entry.isFile()) out.push({ name, path: full, url: null, hints: hints.get(entry.name) ?? {} });
  }
}

/** Expand inputs in order; an input that cannot be opened becomes an error naming it, the rest go on. */
export async function planInputs(args: readonly string[]): Promise<InputPlan> {
  const inputs: PlannedInput[] = [];
  const errors: InputError[] = [];
  for (const arg of args) {
    if (arg === '-') {
      inputs.push({ name: '-', path: null, url: null, hints: {} });
      continue;
    }
    if (isUrl(arg)) {
      inputs.push({ name: arg, path: null, url: arg, hints: { sourceUrl: arg } });
      continue;
    }
    try {
      const info = await stat(arg);
      if (info.isDirectory()) await walk(arg, arg, inputs);
      else {
        const hints = (await manifestHints(dirname(resolve(arg)))).get(basename(arg)) ?? {};
        inputs.push({ name: arg, path: arg, url: null, hints });
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push({
        input: arg,
        code: code === 'ENOENT' ? 'not-found' : 'unreadable',
        message: code === 'ENOENT' ? `${arg}: no such file or directory. Check the path (relative to ${process.cwd()}).` : `${arg}: cannot open (${code ?? (error as Error).message}). Check its permissions.`,
      });
    }
  }
  return { inputs, errors };
}
