// The writer thread of a bulk ingest into SQLite: owns a connection of its own to the store's file and
// writes batches while the extraction workers go on extracting. better-sqlite3 blocks the thread that
// writes; here that is this thread, not the one that feeds the workers. The extraction workers post
// their records straight to this thread (each holds a port), so article text crosses threads once.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '@parallax/store';

const { file, batchSize, batchBytes } = workerData;
const store = await openStore(file, { migrate: false });

/** Records waiting for the next batch: { ref, input, records }. */
let batch = [];
let bytes = 0;
/** Inputs to mark done with the next batch (inputs that failed before reaching a store). */
let done = [];
let writing = Promise.resolve();
/** Records received so far, and a wait for a count of them (a flush waits for every forwarded record). */
let received = 0;
let waiting = null;

function write(items, inputs) {
  writing = writing.then(async () => {
    try {
      const statuses = await store.saveMany(items.map((i) => i.records), { inputs: [...items.map((i) => i.input).filter((n) => n !== '-'), ...inputs] });
      parentPort.postMessage({ type: 'saved', items: items.map((i, k) => ({ ref: i.ref, articleId: i.records.article.id, status: statuses[k] })) });
    } catch (error) {
      // A failed transaction stores none of the batch: every input in it is reported failed, by name.
      parentPort.postMessage({ type: 'failed', refs: items.map((i) => i.ref), message: error?.message ?? String(error) });
    }
  });
  return writing;
}

function take() {
  const items = batch;
  const inputs = done;
  batch = [];
  done = [];
  bytes = 0;
  return { items, inputs };
}

function accept(message) {
  received++;
  batch.push(message);
  bytes += message.size ?? 0;
  if (waiting && received >= waiting.count) waiting.resolve();
  // A batch is so many articles, or fewer long ones: memory follows the text held, not the count.
  if (batch.length >= batchSize || bytes >= batchBytes) {
    const { items, inputs } = take();
    void write(items, inputs);
  }
}

parentPort.on('message', async (message) => {
  if (message.type === 'connect') message.port.on('message', accept);
  else if (message.type === 'done') done.push(...message.inputs);
  else if (message.type === 'flush') {
    // Records travel on the workers' ports, the flush on this one: wait until all of them are here.
    if (received < message.expected) await new Promise((resolve) => (waiting = { count: message.expected, resolve }));
    waiting = null;
    const { items, inputs } = take();
    if (items.length || inputs.length) await write(items, inputs);
    else await writing;
    parentPort.postMessage({ type: 'flushed' });
  } else if (message.type === 'close') {
    await writing;
    await store.close();
    parentPort.postMessage({ type: 'closed' });
  }
});
parentPort.postMessage({ type: 'ready' });
