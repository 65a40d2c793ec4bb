// npm run bench -w @parallax/pipeline: end-to-end ingest (files on disk -> extraction on every core ->
// SQLite) of the BBC set replicated to N articles (default 100,000; PARALLAX_BENCH_ARTICLES), each copy
// varied so every id differs. Prints articles/s, peak RSS and the database size; the same into
// PostgreSQL when PARALLAX_PG_URL is set (PARALLAX_BENCH_SQLITE=0 skips the SQLite run); then the
// cross-article linking `parallax ingest` runs after the writes, over the whole SQLite collection, and
// the seed story added to it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@parallax/store';

const shared = process.env.PARALLAX_SHARED ?? fileURLToPath(new URL('../../../../shared', import.meta.url));
const bbc = join(shared, 'eval/bbc/bbc');
if (!existsSync(bbc)) {
  console.log(`BBC set not found at ${bbc} (set PARALLAX_SHARED): ingest bench skipped.`);
  process.exit(0);
}
const target = Number(process.env.PARALLAX_BENCH_ARTICLES ?? 100_000);
const texts: string[] = [];
for (const d of readdirSync(bbc).filter((d) => !d.includes('.')).sort()) for (const f of readdirSync(join(bbc, d)).sort()) texts.push(readFileSync(join(bbc, d, f), 'utf8'));

const work = join(tmpdir(), `parallax-ingest-bench-${process.pid}`);
const inputs = join(work, 'inputs');
mkdirSync(inputs, { recursive: true });
console.log(`Writing ${target.toLocaleString()} articles (the ${texts.length} BBC articles, varied) to ${inputs} ...`);
for (let i = 0; i < target; i++) {
  const t = texts[i % texts.length]!;
  const nl = t.indexOf('\n');
  // Vary the headline and the first paragraph so every copy is a distinct article.
  const varied = `${t.slice(0, nl)} (${i})\n\nEdition ${i}: reported from desk ${i % 97}.\n${t.slice(nl)}`;
  const dir = join(inputs, String(Math.floor(i / 1000)).padStart(3, '0'));
  if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${i}.txt`), varied);
}

/** Run a bench script in a child process: its own peak memory, as `parallax ingest` would use. */
function inChild<T>(script: string, args: string[]): T {
  const child = spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as T;
}
let sqliteIngestSeconds = 0;

async function run(label: string, url: string) {
  // The store exists (migrated) before the timed ingest, as it does for a CLI user's second run.
  await (await openStore(url)).close();
  const summary = inChild<{ added: number; failed: number; seconds: number; peakRss: number }>('./ingest-child.mjs', [url, inputs]);
  const { seconds, peakRss: peak } = summary;
  if (label === 'SQLite') sqliteIngestSeconds = seconds;
  const store = await openStore(url);
  await store.optimize();
  const stats = await store.stats();
  console.log(
    `${label}: ${summary.added.toLocaleString()} added, ${summary.failed} failed in ${seconds.toFixed(1)} s = ${(summary.added / seconds).toFixed(0)} articles/s end to end ` +
      `(target >= 1,000); peak RSS ${(peak / 1e6).toFixed(0)} MB (target < 1 GB; the ingest process's high-water mark: worker threads, writer thread and SQLite's caches included); ` +
      `database ${(stats.bytes / 1e6).toFixed(0)} MB for ${stats.quotes.toLocaleString()} quotes and ${stats.claims.toLocaleString()} claims`,
  );
  // Search at this size: 200 varied queries, p50 and p95 wall-clock latency.
  const words = ['government', 'minister said', 'election', 'market shares', 'film award', 'prime minister', 'economy growth', 'football', 'mobile phone', 'police', 'tax', 'music', 'oil prices', 'court', 'internet', 'champion', 'budget deficit', 'studio', 'labour party', 'security'];
  const filters: Array<Record<string, string>> = [{}, { type: 'quote' }, { type: 'claim' }, { type: 'article' }];
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await store.search({ q: `${words[i % words.length]}${i % 3 === 0 ? '' : ` ${words[(i * 7) % words.length]!.split(' ')[0]}`}`, ...filters[i % filters.length], limit: 20 });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label} search at ${stats.articles.toLocaleString()} articles, 200 queries: p50 ${times[100]!.toFixed(1)} ms, p95 ${times[190]!.toFixed(1)} ms (target p95 < 50 ms)`);
  await store.close();
}

try {
  if (process.env.PARALLAX_BENCH_SQLITE !== '0') await run('SQLite', join(work, 'bench.db'));
  else console.log('SQLite: PARALLAX_BENCH_SQLITE=0, skipped.');
  if (process.env.PARALLAX_PG_URL) await run('PostgreSQL', process.env.PARALLAX_PG_URL);
  else console.log('PostgreSQL: PARALLAX_PG_URL not set, skipped.');
  // Linking, which `parallax ingest` runs after the writes: the whole SQLite collection, then the seed
  // story added to it (re-linked in its neighbourhood).
  const db = join(work, 'bench.db');
  if (process.env.PARALLAX_BENCH_SQLITE !== '0' && existsSync(db)) {
    const all = inChild<{ articles: number; stories: number; seconds: number; peakRss: number }>('./link-child.mjs', [db, 'all']);
    console.log(
      `SQLite linking all ${all.articles.toLocaleString()} articles into ${all.stories.toLocaleString()} stories: ${all.seconds.toFixed(1)} s, peak RSS ${(all.peakRss / 1e6).toFixed(0)} MB; ` +
        `ingest and linking together: ${(all.articles / (sqliteIngestSeconds + all.seconds)).toFixed(0)} articles/s`,
    );
    const seeds = fileURLToPath(new URL('../../../corpus/putin-syria-2015-09', import.meta.url));
    const add = inChild<{ articles: number; stories: number; seconds: number; peakRss: number }>('./link-child.mjs', [db, 'add', seeds]);
    console.log(`SQLite adding the ${add.articles} seed articles to it, linked in their neighbourhood: ${add.seconds.toFixed(1)} s, peak RSS ${(add.peakRss / 1e6).toFixed(0)} MB`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
