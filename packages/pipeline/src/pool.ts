// A pool of worker threads that run the extraction engine, one job per worker at a time, so extraction
// uses every core while the main thread reads files and writes to the store.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SourceError, type ArticleExtraction, type SourceInput } from '@parallax/analysis';

/** One source for a worker: the engine's SourceInput, given as bytes (text never crosses the thread boundary). */
export type ExtractJob = Omit<SourceInput, 'text' | 'bytes'> & { bytes: Uint8Array };

interface Pending {
  /** The input's name, for the errors of its job. */
  name: string;
  resolve: (r: ArticleExtraction) => void;
  reject: (e: Error) => void;
}

const workerUrl = new URL('../worker/extract-worker.mjs', import.meta.url);

export class ExtractPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ job: ExtractJob; id: number }> = [];
  private readonly pending = new Map<number, Pending>();
  private readonly busy = new Map<Worker, number>();
  private readonly workers: Worker[] = [];
  private nextId = 0;

  constructor(readonly size = Math.max(1, availableParallelism())) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    // Workers run the built engine: drop flags like --conditions=@parallax/source that point at TypeScript.
    const worker = new Worker(workerUrl, { execArgv: [] });
    worker.on('message', (msg: { id: number; ok: boolean; result?: ArticleExtraction; error?: { code: SourceError['code']; message: string } }) => {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      this.busy.delete(worker);
      if (p) {
        if (msg.ok) p.resolve(msg.result!);
        else p.reject(new SourceError(msg.error!.code, p.name, msg.error!.message));
      }
      this.idle.push(worker);
      this.pump();
    });
    worker.on('error', (error) => {
      // A crashed worker fails its job only; a fresh worker takes its place.
      const id = this.busy.get(worker);
      this.busy.delete(worker);
      if (id !== undefined) {
        this.pending.get(id)?.reject(new Error(`extraction worker crashed: ${error.message}`));
        this.pending.delete(id);
      }
      const i = this.workers.indexOf(worker);
      if (i >= 0) this.workers.splice(i, 1);
      this.spawn();
      this.pump();
    });
    this.workers.push(worker);
    this.idle.push(worker);
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const { job, id } = this.queue.shift()!;
      this.busy.set(worker, id);
      worker.postMessage({ ...job, id });
    }
  }

  /** Extract one source in a worker. Rejects with a SourceError for bad input. */
  extract(job: ExtractJob): Promise<ArticleExtraction> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { name: job.name, resolve, reject });
      this.queue.push({ job, id });
      this.pump();
    });
  }

  /** Jobs queued or running. */
  get load(): number {
    return this.queue.length + this.busy.size;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
