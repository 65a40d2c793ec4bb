// Linking in a process of its own (the built packages, plain node), so the bench reports its own peak
// memory (getrusage's high-water mark). Prints one JSON line.
// Usage: node bench/link-child.mjs <store url> all          link every current article, as `parallax ingest`
//                                                          does after writing a collection from scratch
//        node bench/link-child.mjs <store url> add <dir>    ingest <dir> with linking into the store
import { openStore } from '@parallax/store';
import { ingestInputs, linkTouched } from '@parallax/pipeline';

const [url, mode, dir] = process.argv.slice(2);
const store = await openStore(url);
const t0 = performance.now();
let articles = 0;
let stories = 0;
if (mode === 'all') {
  const ids = [];
  for await (const r of store.exportRecords(['articles'])) ids.push(r.record.id);
  articles = ids.length;
  stories = (await linkTouched(store, ids)).stories;
} else {
  const summary = await ingestInputs(store, [dir], { link: linkTouched });
  articles = summary.added + summary.updated;
  stories = summary.relinkedStories;
}
const seconds = (performance.now() - t0) / 1000;
await store.close();
console.log(JSON.stringify({ articles, stories, seconds, peakRss: process.resourceUsage().maxRSS * 1024 }));
