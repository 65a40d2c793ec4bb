// The main thread's handle on the writer thread of a bulk ingest into SQLite (worker/write-worker.mjs).
// Extraction workers post their records to the writer through ports this handle makes; the writer saves
// them in batches, each in one transaction with its journal marks, and reports each input's status here.
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { BatchSaveStatus } from '@parallax/store';

const workerUrl = new URL('../worker/write-worker.mjs', import.meta.url);

/** Bytes of text (bodies, documents, row strings) a batch may hold: 2,000 BBC articles hold about 23 MB. */
export const DEFAULT_BATCH_BYTES = 48_000_000;

/** A batch the writer thread could not store: none of it was stored, journal marks included. */
export class StoreWriteError extends Error {}

export interface SavedItem {
  articleId: string;
  status: BatchSaveStatus;
}

type WriterMessage =
  | { type: 'ready' | 'flushed' | 'closed' }
  | { type: 'saved'; items: Array<{ ref: number; articleId: string; status: BatchSaveStatus }> }
  | { type: 'failed'; refs: number[]; message: string };

interface Waiter {
  resolve: (item: SavedItem) => void;
  reject: (error: Error) => void;
}

export class StoreWriter {
  private readonly worker: Worker;
  private readonly waiters = new Map<number, Waiter>();
  private readonly events = new Map<string, Array<() => void>>();
  private failure: Error | null = null;
  /** Text forwarded and not yet saved, by ref. */
  private readonly sizes = new Map<number, number>();
  private bytes = 0;
  /** Records forwarded to the writer whose save has not been reported yet. */
  private forwarded = 0;
  private settled = 0;
  private progress: Array<() => void> = [];

  constructor(
    file: string,
    batchSize: number,
    /** Text a batch may hold before it is written, whatever its count. */
    readonly batchBytes = DEFAULT_BATCH_BYTES,
  ) {
    this.worker = new Worker(workerUrl, { workerData: { file, batchSize, batchBytes }, execArgv: [] });
    this.worker.on('message', (m: WriterMessage) => this.onMessage(m));
    const die = (error: Error) => {
      this.failure = error;
      for (const w of this.waiters.values()) w.reject(error);
      this.waiters.clear();
      for (const list of this.events.values()) for (const f of list) f();
      this.events.clear();
      this.wake();
    };
    this.worker.on('error', (error) => die(new StoreWriteError(`the store writer thread failed: ${error.message}`)));
    this.worker.on('exit', (code) => die(new StoreWriteError(`the store writer thread stopped (exit code ${code})`)));
  }

  private onMessage(m: WriterMessage): void {
    if (m.type === 'saved') {
      for (const item of m.items) this.settle(item.ref, (w) => w.resolve({ articleId: item.articleId, status: item.status }));
    } else if (m.type === 'failed') {
      const error = new StoreWriteError(m.message);
      for (const ref of m.refs) this.settle(ref, (w) => w.reject(error));
    } else {
      const list = this.events.get(m.type) ?? [];
      this.events.delete(m.type);
      for (const f of list) f();
    }
  }

  private settle(ref: number, f: (w: Waiter) => void): void {
    const w = this.waiters.get(ref);
    if (!w) return;
    this.waiters.delete(ref);
    this.settled++;
    this.bytes -= this.sizes.get(ref) ?? 0;
    this.sizes.delete(ref);
    f(w);
    this.wake();
  }

  private wake(): void {
    const list = this.progress;
    this.progress = [];
    for (const f of list) f();
  }

  private once(type: 'ready' | 'flushed' | 'closed', send?: () => void): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const list = this.events.get(type) ?? [];
      list.push(() => (this.failure && type !== 'closed' ? reject(this.failure) : resolve()));
      this.events.set(type, list);
      send?.();
    });
  }

  /** Resolves once the writer has opened the store. */
  ready(): Promise<void> {
    return this.once('ready');
  }

  /** A port for one extraction worker to post { ref, input, records } messages to the writer. */
  connect(): MessagePort {
    const { port1, port2 } = new MessageChannel();
    this.worker.postMessage({ type: 'connect', port: port1 }, [port1]);
    return port2;
  }

  /** The save of the record a worker forwards under `ref`: its status, or an error naming why it failed. */
  expect(ref: number): Promise<SavedItem> {
    if (this.failure) return Promise.reject(this.failure);
    this.forwarded++;
    return new Promise((resolve, reject) => this.waiters.set(ref, { resolve, reject }));
  }

  /** The size of what a worker forwarded under `ref` (what pool.forward resolved with). */
  sized(ref: number, size: number): void {
    if (!this.waiters.has(ref)) return;
    this.sizes.set(ref, size);
    this.bytes += size;
  }

  /** Text forwarded and not yet saved. */
  get unsavedBytes(): number {
    return this.failure ? 0 : this.bytes;
  }

  /** A forwarded record that never reached the writer (its extraction failed): stop waiting for it. */
  cancel(ref: number): void {
    if (this.waiters.delete(ref)) this.forwarded--;
  }

  /** Saves still to come (none once the writer has failed: every waiting save was failed with it). */
  get unsaved(): number {
    return this.failure ? 0 : this.forwarded - this.settled;
  }

  /** Resolves when some save is reported (or the writer fails). */
  nextSave(): Promise<void> {
    if (this.failure) return Promise.resolve();
    return new Promise((resolve) => this.progress.push(resolve));
  }

  /** Inputs to mark done in the journal with the next batch (inputs that failed before any store). */
  markDone(inputs: readonly string[]): void {
    if (inputs.length) this.worker.postMessage({ type: 'done', inputs });
  }

  /** Write what is left, once all `expected` forwarded records have arrived. */
  flush(): Promise<void> {
    return this.once('flushed', () => this.worker.postMessage({ type: 'flush', expected: this.forwarded }));
  }

  async close(): Promise<void> {
    if (!this.failure) await this.once('closed', () => this.worker.postMessage({ type: 'close' })).catch(() => {});
    await this.worker.terminate();
  }
}
