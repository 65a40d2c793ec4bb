// A worker thread of the extraction pool: runs the pure engine on one source at a time. Plain
// JavaScript importing the built @parallax/analysis, so it runs the same under tests and in production.
import { parentPort } from 'node:worker_threads';
import { extractArticle, SourceError } from '@parallax/analysis';

parentPort.on('message', (job) => {
  try {
    const result = extractArticle({ bytes: job.bytes, name: job.name, sourcePath: job.sourcePath, sourceUrl: job.sourceUrl, contentType: job.contentType, hints: job.hints, maxBytes: job.maxBytes });
    parentPort.postMessage({ id: job.id, ok: true, result });
  } catch (error) {
    const sourceError = error instanceof SourceError;
    parentPort.postMessage({
      id: job.id,
      ok: false,
      error: sourceError
        ? { code: error.code, message: error.message }
        : { code: 'parse', message: `${job.name}: could not be analysed (${error?.message ?? error}). Please report this with the file.` },
    });
  }
});
