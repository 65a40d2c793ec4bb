import { BundleBuilder, DEFAULT_MAX_BYTES, extractArticle, type ArticleExtraction } from '@parallax/analysis';
import { linkBundle } from '@parallax/linking';
import type { Bundle, InputError } from '@parallax/schema';
import { planInputs, readInput, toInputError } from '@parallax/pipeline';
import { ExitCode, type Io } from '../io.js';
import { createProgress } from '../progress.js';
import { formatTable } from '../table.js';

export type ExtractFormat = 'json' | 'jsonl' | 'table';

export interface ExtractOptions {
  format: ExtractFormat;
  /** Largest input accepted, in bytes. */
  maxBytes?: number;
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
      const { bytes, contentType, url } = await readInput(input, { readStdin: async () => Buffer.from(await io.readStdin(), 'utf8') }, maxBytes);
      extraction = extractArticle({ bytes, name: input.name, sourcePath: input.path === null ? null : input.name, sourceUrl: url, contentType, hints: input.hints, maxBytes });
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
