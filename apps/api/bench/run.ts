// `npm run bench -w @parallax/api`: load on loopback with autocannon against a real server process (the
// same server.ts, in a child process) on a SQLite store seeded from corpus/. Prints requests per second,
// latency percentiles and errors for GET /api/stories/:id and for search, with the response cache on
// (the default configuration) and off (every request reads the store). Targets (issue 6): stories/:id
// >= 3,000 req/s with p99 < 50 ms, and no errors.
//   --duration S     seconds per endpoint (default 10)
//   --connections N  concurrent connections (default 16)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openStore } from '@parallax/store';
import autocannon from 'autocannon';
import { seedStore } from '../test/seed.js';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '16' } } });
const duration = Number(values.duration);
const connections = Number(values.connections);
const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function startServer(db: string, extraEnv: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@parallax/source', join(appDir, 'src/server.ts')], {
    cwd: appDir,
    env: { ...process.env, PARALLAX_DB: db, PARALLAX_API_PORT: '0', PARALLAX_API_HOST: '127.0.0.1', PARALLAX_LOG_LEVEL: 'info', ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const base = await new Promise<string>((done, fail) => {
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as { port?: number; address?: string };
      if (entry.port) done(`http://${entry.address}:${entry.port}`);
    });
  });
  // Keep reading the request logs (the server writes one JSON line per request) so its pipe never fills.
  child.stdout!.resume();
  return { child, base };
}

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
}

async function load(name: string, base: string, paths: string[]): Promise<Figures> {
  const result = await autocannon({
    url: base,
    connections,
    duration,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'parallax-api-bench-'));
const db = join(dir, 'bench.db');
const store = await openStore(db);
const { articles } = await seedStore(store);
const story = (await store.listStories({ limit: 1 })).items[0];
await store.close();
if (!story) throw new Error('the seeded store has no story');

async function run(label: string, env: Record<string, string>): Promise<Figures[]> {
  const { child, base } = await startServer(db, env);
  try {
    const warm = await fetch(`${base}/api/stories/${story!.id}`);
    if (warm.status !== 200) throw new Error(`GET /api/stories/:id answered ${warm.status}`);
    await load('warm-up', base, [`/api/stories/${story!.id}`]);
    const queries = ['putin', 'syria refugees', 'military equipment', 'islamic state', 'russia coalition'].map((q) => `/api/search?q=${encodeURIComponent(q)}`);
    return [await load(`GET /api/stories/:id ${label}`, base, [`/api/stories/${story!.id}`]), await load(`GET /api/search ${label}`, base, queries)];
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
  }
}

try {
  const figures = [...(await run('(cache)', {})), ...(await run('(no cache)', { PARALLAX_API_CACHE_MS: '0' }))];
  console.log(`\nparallax api on SQLite (${articles} corpus articles, 1 story), ${connections} connections, ${duration} s per endpoint, one server process\n`);
  console.log('endpoint                             req/s    p50 ms  p99 ms  requests  errors  non-2xx');
  for (const f of figures) {
    console.log(`${f.name.padEnd(33)} ${f.rps.toFixed(0).padStart(7)}  ${String(f.p50).padStart(6)}  ${String(f.p99).padStart(6)}  ${String(f.requests).padStart(8)}  ${String(f.errors).padStart(6)}  ${String(f.non2xx).padStart(7)}`);
  }
  const story1 = figures[0]!;
  const ok = story1.rps >= 3000 && story1.p99 < 50 && figures.every((f) => f.errors === 0 && f.non2xx === 0);
  console.log(`\ntarget GET /api/stories/:id (default configuration) >= 3000 req/s, p99 < 50 ms, 0 errors: ${ok ? 'met' : 'NOT met'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
