// Store benchmark: insert 100,000 varied articles (BBC News texts from ../shared/eval/bbc, each reused
// with rotated paragraphs and a unique line so every id differs) with their quotes and claims, then time
// 200 varied searches. SQLite always; PostgreSQL too when PARALLAX_PG_URL is set. Prints figures.
//   npm run bench -w @parallax/store [-- --articles 20000] [--keep] [--db file.db (reuse a kept database)]
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore } from '../src/open-store.js';
import type { ArticleRecords, Store } from '../src/store.js';
import { recordsFromText } from '../test/records.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const total = Number(flag('--articles') ?? 100_000);
const keep = args.includes('--keep');
const batchSize = 1000;
const queryCount = 200;

const shared = process.env.PARALLAX_SHARED ?? resolve(fileURLToPath(new URL('../../../../shared', import.meta.url)));
const bbcDir = join(shared, 'eval/bbc/bbc');

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Source {
  topic: string;
  file: string;
  headline: string;
  paragraphs: string[];
}

function loadBbc(): Source[] {
  const out: Source[] = [];
  for (const topic of readdirSync(bbcDir).filter((t) => !t.includes('.')).sort()) {
    for (const file of readdirSync(join(bbcDir, topic)).filter((f) => f.endsWith('.txt')).sort()) {
      // The BBC files are Latin-1.
      const text = readFileSync(join(bbcDir, topic, file), 'latin1');
      const [headline = '', ...rest] = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
      if (rest.length > 0) out.push({ topic, file, headline, paragraphs: rest });
    }
  }
  return out;
}

const outlets = ['BBC News', 'The Daily Ledger', 'Morning Courier', 'Northern Post', 'City Gazette', 'Evening Standard-Bearer', 'Coastal Times', 'The Observer Review', 'Metro Wire', 'Union Herald', 'Capital Dispatch', 'Valley Tribune'];
const day0 = Date.UTC(2004, 0, 1);

/** The k-th varied article: paragraphs rotated, a unique closing line, an outlet and a date. */
function variant(sources: Source[], k: number): ArticleRecords {
  const s = sources[k % sources.length] as Source;
  const round = Math.floor(k / sources.length);
  const shift = round % s.paragraphs.length;
  const paras = [...s.paragraphs.slice(shift), ...s.paragraphs.slice(0, shift)];
  const text = `${s.headline}\n\n${paras.join('\n\n')}\n\nFiled by desk ${k % 97} for edition ${k}.`;
  const date = new Date(day0 + ((k * 7919) % 730) * 86_400_000).toISOString().slice(0, 10);
  return recordsFromText(text, { sourcePath: `bbc/${s.topic}/${s.file}#${k}`, outlet: outlets[k % outlets.length] as string, publishedAt: date });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function bench(label: string, store: Store, sources: Source[]): Promise<void> {
  const existing = (await store.stats()).articles;
  if (existing >= total) {
    console.log(`\n${label}: ${existing.toLocaleString('en')} articles already stored, search only`);
    await searchBench(store, sources);
    return;
  }
  console.log(`\n${label}: inserting ${total.toLocaleString('en')} articles in batches of ${batchSize}`);
  let insertMs = 0;
  let generateMs = 0;
  let quotes = 0;
  let claims = 0;
  const wall = performance.now();
  let insertCpu = 0;
  for (let start = 0; start < total; start += batchSize) {
    const g = performance.now();
    const batch = Array.from({ length: Math.min(batchSize, total - start) }, (_, i) => variant(sources, start + i));
    generateMs += performance.now() - g;
    for (const r of batch) (quotes += r.quotes.length), (claims += r.claims.length);
    const t = performance.now();
    const c = process.cpuUsage();
    const statuses = await store.saveMany(batch);
    const used = process.cpuUsage(c);
    insertCpu += (used.user + used.system) / 1000;
    insertMs += performance.now() - t;
    if (statuses.some((x) => x !== 'added')) throw new Error('a varied article was not new');
    if ((start / batchSize) % 20 === 19) process.stderr.write(`  ${(start + batch.length).toLocaleString('en')} articles, ${((start + batch.length) / (insertMs / 1000)).toFixed(0)}/s\n`);
  }
  const o = performance.now();
  await store.optimize();
  const optimizeMs = performance.now() - o;
  const stats = await store.stats();
  console.log(`  stored: ${stats.articles} articles, ${stats.quotes} quotes (${quotes} given), ${stats.claims} claims (${claims} given), ${stats.outlets} outlets, ${stats.entities} entities`);
  console.log(`  insert: ${(total / (insertMs / 1000)).toFixed(0)} articles/s wall clock, ${(total / (insertCpu / 1000)).toFixed(0)} articles per CPU-second of this process (store time ${(insertMs / 1000).toFixed(1)} s; record generation ${(generateMs / 1000).toFixed(1)} s; wall ${((performance.now() - wall) / 1000).toFixed(1)} s)`);
  console.log(`  optimize() after the load: ${(optimizeMs / 1000).toFixed(1)} s`);
  console.log(`  database size: ${mb(stats.bytes)} (${(stats.bytes / total / 1024).toFixed(1)} KB per article with its records)`);
  console.log(`  peak RSS so far: ${mb(process.resourceUsage().maxRSS * 1024)}`);

  await searchBench(store, sources);
}

async function searchBench(store: Store, sources: Source[]): Promise<void> {
  // 200 varied queries: words from random articles, one to three terms, some with filters.
  const rand = mulberry32(42);
  const queries: Array<Parameters<Store['search']>[0]> = [];
  while (queries.length < queryCount) {
    const s = sources[Math.floor(rand() * sources.length)] as Source;
    const words = `${s.headline} ${s.paragraphs.join(' ')}`.split(/[^A-Za-z]+/).filter((w) => w.length >= 5);
    if (words.length === 0) continue;
    const n = 1 + Math.floor(rand() * 3);
    const q = Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' ');
    const i = queries.length;
    const query: Parameters<Store['search']>[0] = { q, limit: 20 };
    if (i % 4 === 1) query.type = (['article', 'quote', 'claim'] as const)[i % 3];
    if (i % 5 === 2) query.outlet = (await store.listOutlets())[i % outlets.length]?.id;
    if (i % 7 === 3) Object.assign(query, { from: '2004-06-01', to: '2004-12-31' });
    queries.push(query);
  }
  for (const q of queries.slice(0, 10)) await store.search(q); // warm the caches
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const timed: Array<{ ms: number; q: (typeof queries)[number] }> = [];
  let hits = 0;
  let empty = 0;
  for (const q of queries) {
    const t = performance.now();
    const c = process.cpuUsage();
    const found = await store.search(q);
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpuTimes.push((used.user + used.system) / 1000);
    timed.push({ ms: performance.now() - t, q });
    hits += found.length;
    if (found.length === 0) empty++;
  }
  times.sort((a, b) => a - b);
  console.log(
    `  search (${queryCount} queries at ${total.toLocaleString('en')} articles): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${(times.at(-1) ?? 0).toFixed(1)} ms; ${(hits / queryCount).toFixed(1)} hits per query, ${empty} with none`,
  );
  cpuTimes.sort((a, b) => a - b);
  console.log(`  search CPU time of this process per query: p50 ${percentile(cpuTimes, 50).toFixed(1)} ms, p95 ${percentile(cpuTimes, 95).toFixed(1)} ms (load-independent for SQLite, which runs in-process)`);
  console.log(`  load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  timed.sort((a, b) => b.ms - a.ms);
  console.log(`  slowest: ${timed.slice(0, 3).map((t) => `${t.ms.toFixed(0)} ms ${JSON.stringify(t.q)}`).join('; ')}`);
  console.log(`  peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

async function main(): Promise<void> {
  if (!existsSync(bbcDir)) {
    console.log(`store bench skipped: ${bbcDir} is absent (set PARALLAX_SHARED to the shared folder)`);
    return;
  }
  const sources = loadBbc();
  console.log(`store bench: ${sources.length} BBC articles as sources, ${total.toLocaleString('en')} varied articles per backend`);

  const given = flag('--db');
  const dir = given ? dirname(resolve(given)) : mkdtempSync(join(tmpdir(), 'parallax-store-bench-'));
  const path = given ? resolve(given) : join(dir, 'bench.db');
  const sqlite = await openStore(path);
  try {
    await bench(`SQLite (${path})`, sqlite, sources);
  } finally {
    await sqlite.close();
    if (!keep && !given) rmSync(dir, { recursive: true, force: true });
  }

  const url = process.env.PARALLAX_PG_URL;
  if (!url) {
    console.log('\nPostgreSQL: skipped (PARALLAX_PG_URL is not set)');
    return;
  }
  const schema = 'px_store_bench';
  const drop = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  };
  if (!keep) await drop(); // with --keep, a kept schema is reused (search only)
  const pgStore = await openStore(url, { schema });
  try {
    await bench('PostgreSQL', pgStore, sources);
  } finally {
    await pgStore.close();
    if (!keep) await drop();
  }
}

await main();
