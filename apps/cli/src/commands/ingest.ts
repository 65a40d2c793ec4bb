import { ingestInputs, linkTouched, type IngestSummary, type Linker } from '@parallax/pipeline';
import { ExitCode, type Io } from '../io.js';
import { createProgress } from '../progress.js';
import { describeStore, storeUrl, withStore } from '../store.js';

export interface IngestCommandOptions {
  db?: string;
  json?: boolean;
  workers?: number;
  maxBytes?: number;
  timeout?: number;
  batchSize?: number;
  link?: Linker;
}

/** parallax ingest: extract, link and store; a summary for people on stderr, or --json on stdout. */
export async function ingestCommand(inputs: string[], options: IngestCommandOptions, io: Io): Promise<number> {
  const url = storeUrl(options.db);
  let progress: ReturnType<typeof createProgress> | null = null;
  let linking: ReturnType<typeof createProgress> | null = null;
  let linked = 0;
  const summary: IngestSummary = await withStore(options.db, (store) =>
    ingestInputs(store, inputs, {
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
      ...(options.timeout ? { fetch: { timeoutMs: options.timeout * 1000 } } : {}),
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      // Cross-article linking of the stories the new articles touch.
      link: options.link ?? linkTouched,
      readStdin: async () => Buffer.from(await io.readStdin(), 'utf8'),
      onProgress: (p) => {
        progress ??= createProgress(p.total, 'ingest');
        progress.tick(p.input);
      },
      // Linking a whole collection takes minutes at 100,000 articles: a bar of its own, in stories.
      onLinkProgress: (p) => {
        if (!linking) {
          (progress as ReturnType<typeof createProgress> | null)?.stop();
          progress = null;
          linking = createProgress(p.total, 'link');
        }
        linking.tick('', p.done - linked);
        linked = p.done;
      },
    }),
  );
  (progress as ReturnType<typeof createProgress> | null)?.stop();
  (linking as ReturnType<typeof createProgress> | null)?.stop();
  for (const f of summary.failed) io.stderr(`parallax ingest: ${f.message}\n`);
  if (options.json) io.stdout(JSON.stringify(summary, null, 2) + '\n');
  else {
    const rate = summary.total / Math.max(summary.seconds, 0.001);
    io.stderr(
      `parallax ingest: ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed.length} failed` +
        `${summary.resumed ? ` (${summary.resumed} resumed from an interrupted run)` : ''}; ${summary.relinkedStories} stories re-linked; ` +
        `${summary.seconds.toFixed(1)} s (${rate.toFixed(0)} inputs/s) into ${describeStore(url)}\n`,
    );
  }
  if (summary.total === 0) {
    io.stderr('parallax ingest: no inputs found. Give files, directories, URLs, or - for standard input.\n');
    return ExitCode.usage;
  }
  return summary.failed.length ? ExitCode.failed : ExitCode.ok;
}
