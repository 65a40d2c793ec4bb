// A worker thread of the extraction pool: runs the pure engine on one source at a time. Plain
// JavaScript importing the built @parallax/analysis, so it runs the same under tests and in production.
// A job given as a path is read here (refused by size first), keeping file I/O off the main thread.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { extractArticle, SourceError } from '@parallax/analysis';
import { prepareRecords } from '@parallax/store/rows';

/** The file's bytes, or its size when over the limit. */
function readLimited(path, maxBytes) {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > maxBytes) return { size };
    return { bytes: readFileSync(fd) };
  } finally {
    closeSync(fd);
  }
}

// Extraction is the work that can wait: the thread that writes to the store is the one that cannot, and
// with every core extracting it got only its share of a core. On Linux a nice value belongs to a thread,
// and 0 names the calling one: this lowers this worker only. Elsewhere it may not apply; that is harmless.
try {
  if (process.env.PARALLAX_NICE !== '0') setPriority(0, 10);
} catch {
  // Not permitted or not supported: run at normal priority.
}

/** About how many bytes of text prepared records hold: the body, the documents and the rows' strings. */
function sizeOf(records) {
  let n = records.article.body.length + records.articleDoc.length;
  for (const rows of [records.quoteRows, records.claimRows]) for (const row of rows) for (const v of row) if (typeof v === 'string') n += v.length;
  return n;
}

/** Where forwarded records go (a store writer thread's port), once the pool sends one. */
let sink = null;

parentPort.on('message', (job) => {
  if (job.type === 'sink') {
    sink = job.port;
    return;
  }
  try {
    let bytes = job.bytes;
    if (bytes === undefined) {
      const read = readLimited(job.path, job.maxBytes);
      if (read.bytes === undefined) {
        parentPort.postMessage({ id: job.id, ok: false, failure: { kind: 'too-large', size: read.size } });
        return;
      }
      bytes = read.bytes;
    }
    const result = extractArticle({ bytes, name: job.name, sourcePath: job.sourcePath, sourceUrl: job.sourceUrl, contentType: job.contentType, hints: job.hints, maxBytes: job.maxBytes });
    if (job.ref !== undefined && sink) {
      // Straight to the writer, as rows: the records cross threads once, the main thread never holds them,
      // and validation and serialisation happen here, not on the one thread that writes.
      const records = prepareRecords(result);
      const size = sizeOf(records);
      sink.postMessage({ ref: job.ref, input: job.input, records, size });
      parentPort.postMessage({ id: job.id, ok: true, forwarded: size });
    } else parentPort.postMessage({ id: job.id, ok: true, result });
  } catch (error) {
    const failure =
      error instanceof SourceError
        ? { kind: 'source', code: error.code, message: error.message }
        : typeof error?.code === 'string' && typeof error?.syscall === 'string'
          ? { kind: 'error', code: error.code, message: error.message }
          : { kind: 'source', code: 'parse', message: `${job.name}: could not be analysed (${error?.message ?? error}). Please report this with the file.` };
    parentPort.postMessage({ id: job.id, ok: false, failure });
  }
});
