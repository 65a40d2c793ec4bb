// One ingest in a process of its own, as `parallax ingest` runs it (the built packages, plain node), so
// the bench reports that process's own peak memory: getrusage's high-water mark over every thread, not
// a sample, and not the bench's (which holds the corpus text and runs under tsx).
// Usage: node bench/ingest-child.mjs <store url> <inputs dir>; prints one JSON line.
import { openStore } from '@parallax/store';
import { ingestInputs } from '@parallax/pipeline';

const [url, inputs] = process.argv.slice(2);
const store = await openStore(url);
const t0 = performance.now();
const summary = await ingestInputs(store, [inputs]);
const seconds = (performance.now() - t0) / 1000;
await store.close();
console.log(JSON.stringify({ added: summary.added, failed: summary.failed.length, seconds, peakRss: process.resourceUsage().maxRSS * 1024 }));
