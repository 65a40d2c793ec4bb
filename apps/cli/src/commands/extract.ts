import { readFile, stat } from 'node:fs/promises';
import { BundleBuilder, DEFAULT_MAX_BYTES, SourceError, extractArticle, type ArticleExtraction } from '@parallax/analysis';
import { linkBundle } from '@parallax/linking';
import type { Bundle, InputError } from '@parallax/schema';
import { fetchSource, planInputs, type PlannedInput } from '@parallax/pipeline';
import { ExitCode, type Io } from '../io.js';
import { createProgress } from '../progress.js';
import { formatTable } from '../table.js';

export type ExtractFormat = 'json' | 'jsonl' | 'table';

export interface ExtractOptions {
  format: ExtractFormat;
  /** Largest input accepted, in bytes. */
  maxBytes?: number;
}

async function readInput(input: PlannedInput, io: Io, maxBytes: number): Promise<Uint8Array> {
  if (input.url) return (await fetchSource(input.url, { maxBytes })).bytes;
  if (input.path === null) return Buffer.from(await io.readStdin(), 'utf8');
  const info = await stat(input.path);
  // Refuse before reading: a 2 GB file must not be loaded to be rejected.
  if (info.size > maxBytes) throw new SourceError('too-large', input.name, `${input.name}: ${(info.size / 1e6).toFixed(1)} MB is over the ${(maxBytes / 1e6).toFixed(0)} MB limit. Split the file, or raise the limit with --max-bytes.`);
  return readFile(input.path);
}

function toInputError(input: string, error: unknown): InputError {
  if (error instanceof SourceError) return { input, code: error.code, message: error.message };
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR' || code === 'EACCES' || code === 'EPERM') return { input, code: 'unreadable', message: `${input}: cannot read (${code}). Check the path and its permissions.` };
  return { input, code: 'parse', message: `${input}: could not be analysed (${(error as Error).message}). Please report this with the file.` };
}

/** Extract every input; print the bundle (json), one record a line as it goes (jsonl), or a table. */
export async function extractCommand(args: string[], options: ExtractOptions, io: Io): Promise<number> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const plan = await planInputs(args);
  const builder = new BundleBuilder();
  const stream = options.format === 'jsonl';
  const emit = (type: string, record: object) => io.stdout(JSON.stringify({ type, ...record }) + '\n');
  const failures: InputError[] = [...plan.errors];
  const progress = createProgress(plan.inputs.length, 'extract');
  const seenOutlets = new Set<string>();
  for (const input of plan.inputs) {
    let extraction: ArticleExtraction;
    try {
      const bytes = await readInput(input, io, maxBytes);
      extraction = extractArticle({ bytes, name: input.name, sourcePath: input.path === null ? null : input.name, sourceUrl: input.url, hints: input.hints, maxBytes });
    } catch (error) {
      failures.push(toInputError(input.name, error));
      progress.tick(input.name);
      continue;
    }
    if (stream) {
      // Records go out as they are made: memory stays flat however many inputs there are.
      if (extraction.outlet && !seenOutlets.has(extraction.outlet.id)) {
        seenOutlets.add(extraction.outlet.id);
        emit('outlet', extraction.outlet);
      }
      emit('article', extraction.article);
      for (const q of extraction.quotes) emit('quote', q);
      for (const c of extraction.claims) emit('claim', c);
      for (const e of extraction.entities) emit('entity', e);
    } else builder.add(extraction);
    progress.tick(input.name);
  }
  progress.stop();
  for (const f of failures) {
    builder.fail(f);
    io.stderr(`parallax extract: ${f.message}\n`);
    if (stream) emit('error', f);
  }
  if (!stream) {
    // Cross-article linking: stories, statements, claim groups, one entity per person.
    const bundle: Bundle = linkBundle(builder.build());
    io.stdout(options.format === 'table' ? formatTable(bundle) : JSON.stringify(bundle, null, 2) + '\n');
  }
  const ok = plan.inputs.length - (failures.length - plan.errors.length);
  if (failures.length) io.stderr(`parallax extract: ${ok} input(s) extracted, ${failures.length} failed.\n`);
  if (plan.inputs.length === 0 && failures.length === 0) {
    io.stderr('parallax extract: no inputs found. Give files, directories, or - for standard input.\n');
    return ExitCode.usage;
  }
  return failures.length ? ExitCode.failed : ExitCode.ok;
}
