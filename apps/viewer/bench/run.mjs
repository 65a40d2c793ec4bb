// `npm run bench -w @parallax/viewer`: figures for the story page (issue 7 targets: server render p95
// < 100 ms for the seed story, JavaScript < 100 KB gzipped). Seeds a temporary SQLite store from corpus/
// with the built CLI, starts the built API and the built viewer as child processes, then
//  1. requests /stories/:id sequentially (after a warm-up) and prints latency percentiles, with the API's
//     response cache off (every render reads the store) and on (the API's default);
//  2. sums the gzipped size of every script the page loads (Kit's boot imports and modulepreloads).
//   --requests N   timed requests per configuration (default 300)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '300' } } });
const requests = Number(values.requests);
const viewerDir = fileURLToPath(new URL('..', import.meta.url));
const repo = join(viewerDir, '../..');
const cli = join(repo, 'apps/cli/bin/parallax.js');
const apiServer = join(repo, 'apps/api/dist/server.js');
const viewerServer = join(viewerDir, 'build/index.js');
for (const f of [cli, apiServer, viewerServer]) if (!existsSync(f)) throw new Error(`${f} is missing: run npm run build first`);

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function start(script, env, probe) {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    try {
      if ((await fetch(probe)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`${probe} did not come up`);
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function timeRenders(url) {
  for (let i = 0; i < 20; i++) await (await fetch(url)).text();
  const times = [];
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    const res = await fetch(url);
    if (res.ok) await res.text();
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}: ${(await res.text()).match(/<p>([^<]*)<\/p>/)?.[1] ?? ''}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), max: times.at(-1) };
}

/** Every script the page loads in Chromium (the real set: boot imports, route nodes, their chunks). */
async function pageScripts(url) {
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    const bodies = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') bodies.push(res.body().catch(() => Buffer.alloc(0)));
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    const html = await page.content();
    const files = await Promise.all(bodies);
    const raw = files.reduce((n, b) => n + b.length, 0);
    const gzip = files.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    const inline = [...html.matchAll(/<script(?![^>]*src)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
    return { files: files.length, raw, gzip, inlineGzip: gzipSync(Buffer.from(inline)).length };
  } finally {
    await browser.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'parallax-viewer-bench-'));
const children = [];
try {
  const db = join(dir, 'store.db');
  const seed = spawnSync(process.execPath, [cli, 'ingest', join(repo, 'corpus'), '--db', db], { encoding: 'utf8', cwd: repo });
  if (seed.status !== 0) throw new Error(`parallax ingest failed:\n${seed.stderr}`);
  console.log(`viewer bench: ${requests} sequential requests per configuration, node ${process.version}`);
  for (const [label, cacheMs] of [['API cache off', '0'], ['API cache on (default 1 s)', '1000']]) {
    const [apiPort, webPort] = [await freePort(), await freePort()];
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const api = await start(apiServer, { PARALLAX_DB: db, PARALLAX_API_PORT: String(apiPort), PARALLAX_API_CACHE_MS: cacheMs, PARALLAX_LOG_LEVEL: 'warn' }, `${apiUrl}/api/health`);
    children.push(api);
    const base = `http://127.0.0.1:${webPort}`;
    const web = await start(viewerServer, { PORT: String(webPort), HOST: '127.0.0.1', PARALLAX_API_URL: apiUrl }, base);
    children.push(web);
    const { items } = await (await fetch(`${apiUrl}/api/stories`)).json();
    const story = items.sort((a, b) => b.articleIds.length - a.articleIds.length)[0];
    if (!story) throw new Error('no story in the store');
    const url = `${base}/stories/${story.id}`;
    const t = await timeRenders(url);
    console.log(`story page render (${label}), ${story.id} (${story.articleIds.length} articles): p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms, max ${t.max.toFixed(1)} ms  (target p95 < 100 ms)`);
    if (cacheMs === '0') {
      const js = await pageScripts(url);
      if (!js) console.log('story page JavaScript: skipped (no Chromium at CHROMIUM_PATH or /usr/bin/chromium)');
      else console.log(`story page JavaScript: ${js.files} files, ${(js.raw / 1024).toFixed(1)} KB raw, ${(js.gzip / 1024).toFixed(1)} KB gzipped (+ ${(js.inlineGzip / 1024).toFixed(1)} KB inline boot script with page data, gzipped)  (target < 100 KB)`);
      const compare = await pageScripts(`${base}/stories/${story.id}/compare`);
      if (compare) console.log(`compare page JavaScript: ${compare.files} files, ${(compare.gzip / 1024).toFixed(1)} KB gzipped`);
    }
    // Wait for both to exit: a draining server would otherwise answer the next run's health probe on a reused port.
    await Promise.all(children.splice(0).map((c) => new Promise((resolve) => (c.once('exit', resolve), c.kill('SIGTERM')))));
  }
} finally {
  for (const c of children) c.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
