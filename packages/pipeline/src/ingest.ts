// Ingest: inputs -> extraction on every core -> store, in batches, then re-linking of the stories the
// new articles touch. Idempotent (the store keeps one copy of an unchanged article and a new version of
// a changed one) and resumable (a journal of pending inputs in the store: a run killed midway leaves
// whole articles only, and the next run finishes the inputs it had not done).
import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_MAX_BYTES, SourceError, extractArticle, formatBytes, type ArticleExtraction } from '@parallax/analysis';
import type { IngestRequest, InputError } from '@parallax/schema';
import type { ArticleRecords, SaveStatus, Store } from '@parallax/store';
import { fetchSource, type FetchOptions } from './fetch.js';
import { isUrl, planInputs, type PlannedInput } from './inputs.js';
import { ExtractPool } from './pool.js';
import { StoreWriter, StoreWriteError } from './writer.js';

/**
 * Re-link the stories that the given (new or changed) articles belong to, or may now join. `onProgress`,
 * when given, hears how many of the stories to build are built, as they are.
 */
export type Linker = (store: Store, touchedArticleIds: readonly string[], onProgress?: (p: LinkProgress) => void) => Promise<{ stories: number }>;

/** Linking's progress: stories built of those to build. */
export interface LinkProgress {
  done: number;
  total: number;
}

export interface IngestProgress {
  done: number;
  total: number;
  input: string;
  /** extracted: read and analysed (written with its batch); failed: refused, with a reason in the summary. */
  status: 'extracted' | 'failed';
}

export interface IngestOptions {
  /** Worker threads for extraction (default: every core). 0 extracts on the main thread. */
  workers?: number;
  fetch?: FetchOptions;
  /** Largest input accepted, in bytes (default 20 MB). */
  maxBytes?: number;
  /**
   * Articles written per transaction batch (default 2,000 with a writer thread, else 1,000). At 100,000
   * stored articles a batch dirties a page of each random-key index per row, so a commit rewrites most of
   * those indexes whatever its size: bigger batches share the cost. Measured at 100,000 BBC articles:
   * written on the main thread, 500: 626/s, 1,000: 724/s, 2,000: 715/s and over 1 GB of memory; from a
   * writer thread, with rows prepared in the workers, 1,000: 1,011/s (721 MB), 2,000: 1,166/s (828 MB).
   */
  batchSize?: number;
  onProgress?: (p: IngestProgress) => void;
  /** Linking's progress, after the writes (a whole collection's takes minutes at 100,000 articles). */
  onLinkProgress?: (p: LinkProgress) => void;
  /**
   * Write from a thread of its own (default: true for a SQLite file when extracting in workers). The
   * workers post records straight to it, and batches are written while extraction goes on; on the main
   * thread, a SQLite write blocks the thread that feeds the workers, and they stood idle for it.
   */
  writerThread?: boolean;
  /** Standard input, for the "-" input. */
  readStdin?: () => Promise<Uint8Array>;
  /**
   * Cross-article linking after the writes, of the new and changed articles and of any current article
   * an earlier run left in no story; omitted, no stories are re-linked.
   */
  link?: Linker;
}

export interface IngestSummary {
  total: number;
  added: number;
  unchanged: number;
  updated: number;
  failed: InputError[];
  /** Inputs left pending by an earlier, interrupted run and finished by this one. */
  resumed: number;
  relinkedStories: number;
  seconds: number;
}

export function toInputError(input: string, error: unknown): InputError {
  if (error instanceof StoreWriteError) return { input, code: 'store', message: `${input}: could not be stored (${error.message}). Check the disk and the database file, then ingest again: the journal resumes what was not stored.` };
  if (error instanceof SourceError) return { input, code: error.code, message: error.message.includes(input) ? error.message : `${input}: ${error.message}` };
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { input, code: 'not-found', message: `${input}: no such file. Check the path.` };
  if (code === 'EISDIR' || code === 'EACCES' || code === 'EPERM') return { input, code: 'unreadable', message: `${input}: cannot read (${code}). Check the path and its permissions.` };
  return { input, code: 'parse', message: `${input}: could not be processed (${(error as Error).message}). Please report this with the file.` };
}

/** Read one planned input: fetch a URL, read standard input, or read a file (refused by size before reading). */
export async function readInput(input: PlannedInput, options: Pick<IngestOptions, 'fetch' | 'readStdin'>, maxBytes: number): Promise<{ bytes: Uint8Array; contentType: string | null; url: string | null }> {
  if (input.url) {
    const fetched = await fetchSource(input.url, { maxBytes, ...options.fetch });
    return { bytes: fetched.bytes, contentType: fetched.contentType, url: fetched.url };
  }
  if (input.path === null) {
    if (!options.readStdin) throw new SourceError('unreadable', '-', 'standard input is not available here.');
    return { bytes: await options.readStdin(), contentType: null, url: null };
  }
  const info = await stat(input.path);
  if (info.size > maxBytes) throw tooLarge(input.name, info.size, maxBytes);
  return { bytes: await readFile(input.path), contentType: null, url: null };
}

function tooLarge(name: string, size: number, maxBytes: number): SourceError {
  return new SourceError('too-large', name, `${name}: ${formatBytes(size)} is over the ${formatBytes(maxBytes)} limit. Split the file, or raise the limit (--max-bytes).`);
}

/** Ingest files, directories (recursively), URLs and "-" into the store. */
export async function ingestInputs(store: Store, args: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const workers = options.workers ?? undefined;
  const writerFile = workers !== 0 && options.writerThread !== false ? store.sqliteFile : null;
  const batchSize = options.batchSize ?? (writerFile !== null ? 2000 : 1000);

  // Inputs an interrupted run left pending come first, then the ones given now.
  const leftover = (await store.pending()).filter((name) => !args.includes(name));
  const planned = await planInputs([...leftover, ...args]);
  // A leftover input may also lie under a directory given now: plan it once.
  const seen = new Set<string>();
  const plan = { errors: planned.errors, inputs: planned.inputs.filter((i) => i.name === '-' || (!seen.has(i.name) && seen.add(i.name))) };
  const resumable = plan.inputs.filter((i) => i.name !== '-').map((i) => i.name);
  await store.recordPending(resumable);

  const summary: IngestSummary = { total: plan.inputs.length + plan.errors.length, added: 0, unchanged: 0, updated: 0, failed: [...plan.errors], resumed: 0, relinkedStories: 0, seconds: 0 };
  const leftoverSet = new Set(leftover);
  summary.resumed = plan.inputs.filter((i) => leftoverSet.has(i.name) || [...leftoverSet].some((l) => i.name.startsWith(l + '/'))).length;
  await store.markDone(plan.errors.map((e) => e.input));

  const writer = writerFile !== null ? new StoreWriter(writerFile, batchSize) : null;
  if (writer) await writer.ready();
  const pool = workers === 0 ? null : new ExtractPool(workers, { tooLarge: (job, size) => tooLarge(job.name, size, maxBytes), ...(writer ? { sink: () => writer.connect() } : {}) });
  const touched: string[] = [];
  let done = 0;
  let batch: Array<{ input: PlannedInput; records: ArticleRecords }> = [];

  const report = (input: string, status: IngestProgress['status']) => options.onProgress?.({ done: ++done, total: plan.inputs.length, input, status });

  const write = async (items: typeof batch) => {
    // One transaction per batch, journal included: a kill leaves whole batches and a journal that agrees.
    // The store keeps one copy of an article that several inputs of the batch yield ('duplicate').
    const saved = await store.saveMany(items.map((i) => i.records), { inputs: items.map((i) => i.input.name).filter((n) => n !== '-') });
    for (let k = 0; k < items.length; k++) {
      const raw = saved[k];
      const status: SaveStatus = raw === 'added' || raw === 'updated' ? raw : 'unchanged';
      summary[status]++;
      if (status !== 'unchanged') touched.push(items[k]!.records.article.id);
    }
  };
  // One batch is written at a time. While it is written, extraction goes on and fills the next batch; an
  // input that finds that batch full waits for the write, holding its in-flight slot, so reading stops too.
  // Memory holds two batches and the inputs in flight, however slow the store (an asynchronous store
  // such as PostgreSQL once had dozens of batches waiting on its write lock).
  let writing: Promise<void> | null = null;
  const flush = async (whatever = false) => {
    while (writing) await writing;
    if (batch.length === 0 || (!whatever && batch.length < batchSize)) return;
    const items = batch;
    batch = [];
    writing = write(items).finally(() => (writing = null));
    await writing;
  };

  const fail = async (input: PlannedInput, error: unknown) => {
    summary.failed.push(toInputError(input.name, error));
    // With a writer thread, it marks the input in its next transaction: this thread writing too would
    // wait on the writer's lock.
    if (input.name !== '-') {
      if (writer) writer.markDone([input.name]);
      else await store.markDone(input.name);
    }
    report(input.name, 'failed');
  };

  // What a worker is given: a file to read itself, or the bytes of a URL or standard input read here.
  const isFile = (input: PlannedInput): input is PlannedInput & { path: string } => input.path !== null && !input.url;
  const fileJob = (input: PlannedInput & { path: string }) => ({
    name: input.name, hints: input.hints, maxBytes, path: input.path, sourcePath: input.name, sourceUrl: input.hints.sourceUrl ?? null, contentType: null,
  });
  const readJob = async (input: PlannedInput) => {
    const { bytes, contentType, url } = await readInput(input, options, maxBytes);
    return { name: input.name, hints: input.hints, maxBytes, bytes, sourcePath: input.path === null ? null : input.name, sourceUrl: url ?? input.hints.sourceUrl ?? null, contentType };
  };

  // With a writer thread: the worker posts the records to it, and its save settles later.
  let nextRef = 0;
  const saves = new Set<Promise<void>>();
  const own = writer?.connect();
  const forward = async (input: PlannedInput): Promise<void> => {
    const ref = nextRef++;
    const saved = writer!.expect(ref);
    // If extraction fails the save is cancelled and never awaited; a writer that died already rejected it.
    saved.catch(() => {});
    try {
      if (isFile(input)) {
        // A file: the worker reads it and posts the records to the writer.
        writer!.sized(ref, await pool!.forward({ ...fileJob(input), ref, input: input.name }));
      } else {
        // A URL or standard input: read here, extracted in a worker, then posted to the writer from here.
        own!.postMessage({ ref, input: input.name, records: await pool!.extract(await readJob(input)) });
      }
    } catch (error) {
      writer!.cancel(ref);
      await fail(input, error);
      return;
    }
    report(input.name, 'extracted');
    const p = saved.then(
      ({ articleId, status }) => {
        const s: SaveStatus = status === 'added' || status === 'updated' ? status : 'unchanged';
        summary[s]++;
        if (s !== 'unchanged') touched.push(articleId);
      },
      (error: unknown) => void summary.failed.push(toInputError(input.name, error)),
    );
    saves.add(p);
    void p.finally(() => saves.delete(p));
  };

  const process = async (input: PlannedInput): Promise<void> => {
    if (writer) return forward(input);
    let extraction: ArticleExtraction;
    try {
      if (pool && isFile(input)) {
        // A file: the worker reads it.
        extraction = await pool.extract(fileJob(input));
      } else {
        const job = await readJob(input);
        extraction = pool ? await pool.extract(job) : extractArticle(job);
      }
    } catch (error) {
      await fail(input, error);
      return;
    }
    batch.push({ input, records: extraction });
    report(input.name, 'extracted');
    if (batch.length >= batchSize) await flush();
  };

  try {
    // Keep every worker fed, but never read far ahead of what the workers can take (memory stays flat).
    const inFlight = new Set<Promise<void>>();
    // (Deeper queues were measured: two batches in flight made the main thread's heap and GC grow and the
    // ingest slower, 505 against 626 articles/s at 100,000.)
    const limit = pool ? pool.size * pool.depth * 2 : 2;
    for (const input of plan.inputs) {
      const p = process(input).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= limit) await Promise.race(inFlight);
      // The writer may fall behind by two batches; then extraction waits for it (memory stays flat).
      while (writer && (writer.unsaved > 2 * batchSize || writer.unsavedBytes > 2 * writer.batchBytes)) await writer.nextSave();
    }
    await Promise.all(inFlight);
    await flush(true);
    if (writer) {
      // A writer that failed has failed every save it owed, by input: the summary says so.
      await writer.flush().catch(() => {});
      await Promise.all(saves);
    }
  } finally {
    await pool?.close();
    own?.close();
    await writer?.close();
  }
  if (options.link) {
    // With the new and changed articles, any left unlinked by an earlier run (killed while it linked, or
    // run without linking): the next run finishes the job.
    const seen = new Set(touched);
    const all = [...touched, ...(await store.unlinkedArticleIds()).filter((id) => !seen.has(id))];
    if (all.length) summary.relinkedStories = (await options.link(store, all, options.onLinkProgress)).stories;
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** One source given in memory or by URL: the API's IngestRequest. */
export type SingleSource = IngestRequest;

export interface SingleIngestResult {
  status: SaveStatus;
  records: ArticleRecords;
}

/** Ingest one source given in memory or by URL (the API's POST /api/articles). Throws SourceError for bad input. */
export async function ingestSource(store: Store, source: SingleSource, options: Pick<IngestOptions, 'fetch' | 'maxBytes' | 'link'> = {}): Promise<SingleIngestResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const name = source.url ?? source.sourcePath ?? 'request body';
  let extraction: ArticleExtraction;
  if (source.url) {
    if (!isUrl(source.url)) throw new SourceError('fetch', source.url, `${source.url}: only http and https URLs can be fetched.`);
    const fetched = await fetchSource(source.url, { maxBytes, ...options.fetch });
    extraction = extractArticle({ bytes: fetched.bytes, name, sourcePath: source.sourcePath ?? null, sourceUrl: fetched.url, contentType: fetched.contentType, maxBytes });
  } else {
    const text = source.html ?? source.text ?? '';
    extraction = extractArticle({ text, name, sourcePath: source.sourcePath ?? null, contentType: source.html !== undefined ? 'text/html' : 'text/plain', maxBytes });
  }
  const status = await store.saveArticle(extraction);
  if (options.link && status !== 'unchanged') await options.link(store, [extraction.article.id]);
  return { status, records: extraction };
}

/**
 * Delete one article version (the API's DELETE /api/articles/:id) and, with a linker, re-link what it
 * leaves behind: the other articles of its story (their statements and claim groups listed its quotes and
 * claims) and the earlier version that becomes current again. False when no such article is stored.
 */
export async function removeArticle(store: Store, id: string, options: Pick<IngestOptions, 'link'> = {}): Promise<boolean> {
  const article = await store.getArticle(id);
  if (!article) return false;
  const story = article.storyId ? await store.getStory(article.storyId) : null;
  if (!(await store.deleteArticle(id))) return false;
  if (!options.link) return true;
  const touched = new Set((story?.articleIds ?? []).filter((a) => a !== id));
  const source = article.sourceUrl ?? article.sourcePath;
  if (source) for (const v of await store.listVersions(source)) if (v.current) touched.add(v.articleId);
  if (touched.size) await options.link(store, [...touched]);
  return true;
}
