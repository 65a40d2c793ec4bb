// A pool of worker threads that run the extraction engine. Each worker holds a few jobs queued in its
// port, so it keeps extracting while the main thread is busy writing a batch to the store; a job given
// as a file path is read by the worker itself, so file I/O stays off the main thread too.
import { availableParallelism } from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import { SourceError, type ArticleExtraction, type SourceInput } from '@parallax/analysis';

/**
 * One source for a worker: the engine's SourceInput given as bytes, or as a file path that the worker
 * reads (refused by size before reading). Text never crosses the thread boundary.
 */
export type ExtractJob = Omit<SourceInput, 'text' | 'bytes'> & ({ bytes: Uint8Array; path?: undefined } | { path: string; bytes?: undefined });

/** A job whose records go straight to the pool's sink (a store writer thread) under `ref`, with its input's name. */
export type ForwardJob = ExtractJob & { ref: number; input: string };

/** What a worker reports for a job that failed. */
export type WorkerFailure =
  | { kind: 'source'; code: SourceError['code']; message: string }
  /** A file larger than the job's limit, refused before reading. */
  | { kind: 'too-large'; size: number }
  /** A file-system error (errno code such as ENOENT) or an engine bug. */
  | { kind: 'error'; code: string | undefined; message: string };

interface Pending {
  job: ExtractJob;
  resolve: (r: ArticleExtraction | number) => void;
  reject: (e: Error) => void;
}

const workerUrl = new URL('../worker/extract-worker.mjs', import.meta.url);

/** Jobs queued in each worker's port: enough to cover a batch write on the main thread, few enough to share work out evenly. */
const DEFAULT_DEPTH = 8;

export class ExtractPool {
  private readonly queue: number[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly assigned = new Map<Worker, Set<number>>();
  private nextId = 0;

  readonly depth: number;
  private readonly sink: (() => MessagePort) | null;
  private readonly tooLarge: (job: ExtractJob, size: number) => Error;

  constructor(
    readonly size = Math.max(1, availableParallelism()),
    options: {
      /** Jobs a worker may hold at once (default 8). */
      depth?: number;
      /** Turns a too-large report into the caller's error (the size limit's wording is the caller's). */
      tooLarge?: (job: ExtractJob, size: number) => Error;
      /** A port per worker to post forwarded records to (see forward()); called again for a respawned worker. */
      sink?: () => MessagePort;
    } = {},
  ) {
    this.depth = options.depth ?? DEFAULT_DEPTH;
    this.sink = options.sink ?? null;
    this.tooLarge = options.tooLarge ?? ((job, size) => new SourceError('too-large', job.name, `${job.name}: ${size} bytes is over the limit.`));
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    // Workers run the built engine: drop flags like --conditions=@parallax/source that point at TypeScript.
    const worker = new Worker(workerUrl, { execArgv: [] });
    this.assigned.set(worker, new Set());
    if (this.sink) {
      const port = this.sink();
      worker.postMessage({ type: 'sink', port }, [port]);
    }
    worker.on('message', (msg: { id: number; ok: true; result: ArticleExtraction } | { id: number; ok: true; forwarded: number } | { id: number; ok: false; failure: WorkerFailure }) => {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      this.assigned.get(worker)?.delete(msg.id);
      if (p) {
        if (msg.ok) p.resolve('forwarded' in msg ? msg.forwarded : msg.result);
        else p.reject(this.errorOf(p.job, msg.failure));
      }
      this.pump();
    });
    worker.on('error', (error) => {
      // A crashed worker fails the job it was running; the jobs queued behind it go to a fresh worker.
      const ids = [...(this.assigned.get(worker) ?? [])];
      this.assigned.delete(worker);
      const [running, ...queued] = ids;
      if (running !== undefined) {
        this.pending.get(running)?.reject(new Error(`extraction worker crashed: ${error.message}`));
        this.pending.delete(running);
      }
      this.queue.unshift(...queued);
      this.spawn();
      this.pump();
    });
  }

  private errorOf(job: ExtractJob, failure: WorkerFailure): Error {
    if (failure.kind === 'source') return new SourceError(failure.code, job.name, failure.message);
    if (failure.kind === 'too-large') return this.tooLarge(job, failure.size);
    // Keep the errno code, so the caller maps ENOENT and EACCES as it does for its own reads.
    return Object.assign(new Error(failure.message), { code: failure.code });
  }

  private pump(): void {
    while (this.queue.length) {
      // The least loaded worker with room.
      let best: Worker | null = null;
      let load = this.depth;
      for (const [w, ids] of this.assigned) {
        if (ids.size < load) {
          best = w;
          load = ids.size;
        }
      }
      if (!best) return;
      const id = this.queue.shift()!;
      const p = this.pending.get(id)!;
      this.assigned.get(best)!.add(id);
      best.postMessage({ ...p.job, id });
    }
  }

  /** Extract one source in a worker. Rejects with a SourceError for bad input, an errno error for an unreadable file. */
  extract(job: ExtractJob): Promise<ArticleExtraction> {
    return this.run(job) as Promise<ArticleExtraction>;
  }

  /**
   * Extract one source in a worker that posts the records to the sink under job.ref instead of back to
   * this thread; resolves once they are posted, with about how many bytes of text they hold. Rejects as
   * extract() does.
   */
  forward(job: ForwardJob): Promise<number> {
    if (!this.sink) return Promise.reject(new Error('ExtractPool.forward needs a sink'));
    return this.run(job) as Promise<number>;
  }

  private run(job: ExtractJob): Promise<ArticleExtraction | number> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { job, resolve, reject });
      this.queue.push(id);
      this.pump();
    });
  }

  /** Jobs queued or running. */
  get load(): number {
    return this.pending.size;
  }

  async close(): Promise<void> {
    await Promise.all([...this.assigned.keys()].map((w) => w.terminate()));
  }
}
