import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '@parallax/analysis';
import { Bundle } from '@parallax/schema';
import { openStore } from '@parallax/store';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { main } from '../main.js';

const corpus = fileURLToPath(new URL('../../../../corpus/putin-syria-2015-09', import.meta.url));
const cliEntry = fileURLToPath(new URL('../../test/run-cli.ts', import.meta.url));
const tsxLoader = createRequire(import.meta.url).resolve('tsx');

function capture(): Io & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t), readStdin: async () => '' };
  return io;
}

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-cli-store-'));
  db = join(dir, 'parallax.db');
});

describe('parallax ingest, search, stats, export, import', () => {
  it('ingests the corpus, is idempotent, and reports with --json', async () => {
    const first = capture();
    expect(await main(['ingest', corpus, '--db', db, '--json'], first)).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ total: 5, added: 5, failed: [] });
    const second = capture();
    expect(await main(['ingest', corpus, '--db', db], second)).toBe(0);
    expect(second.err).toMatch(/0 added, 0 updated, 5 unchanged, 0 failed/);
  });

  it('searches with highlighted snippets and filters by type', async () => {
    await main(['ingest', corpus, '--db', db], capture());
    const io = capture();
    expect(await main(['search', 'refugees', '--type', 'quote', '--db', db, '--json'], io)).toBe(0);
    const { hits } = JSON.parse(io.out) as { hits: Array<{ type: string; snippet: string }> };
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.type === 'quote')).toBe(true);
    expect(hits[0]!.snippet).toMatch(/\[\[refugees?\]\]/i);
    const bad = capture();
    expect(await main(['search', 'x', '--from', 'yesterday', '--db', db], bad)).toBe(2);
    expect(bad.err).toMatch(/--from/);
  });

  it('exports a valid bundle, JSON-LD and CSV, and imports it into another store', async () => {
    await main(['ingest', corpus, '--db', db], capture());
    const json = capture();
    await main(['export', '--db', db], json);
    const bundle = Bundle.parse(JSON.parse(json.out));
    expect(bundle.articles).toHaveLength(5);
    const ld = capture();
    await main(['export', '--format', 'jsonld', '--db', db], ld);
    expect(JSON.parse(ld.out)['@graph'].some((n: { '@type': string }) => n['@type'] === 'Quotation')).toBe(true);
    const csv = capture();
    await main(['export', '--format', 'csv', '--db', db], csv);
    expect(csv.out.split('\n')[0]).toBe('kind,id,articleId,speakerOrSource,quoteKind,text,start,end,clusterId');
    expect(csv.out).toMatch(/\nquote,quo_[0-9a-f]{16},art_[0-9a-f]{16},Vladimir Putin,direct,/);
    const file = join(dir, 'bundle.json');
    writeFileSync(file, json.out);
    const other = join(dir, 'other.db');
    const imported = capture();
    expect(await main(['import', file, '--db', other, '--json'], imported)).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ added: 5 });
    const stats = capture();
    await main(['stats', '--db', other, '--json'], stats);
    expect(JSON.parse(stats.out)).toMatchObject({ articles: 5, quotes: bundle.quotes.length });
  });

  it('leaves a consistent store when a real ingest process is killed, and the next run finishes the job', async () => {
    // 240 distinct articles: the seed texts, each varied so their ids differ.
    const inputs = join(dir, 'inputs');
    mkdirSync(inputs);
    const seeds = readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(corpus, f), 'utf8'));
    // The variation goes at the top: a line at the end of a page may be set aside with its related links.
    for (let i = 0; i < 240; i++) writeFileSync(join(inputs, `a${String(i).padStart(3, '0')}.txt`), `The agency said ${i + 10} more people arrived on Monday, officials in the region said.\n\n${seeds[i % seeds.length]}`);

    const child = spawn(process.execPath, ['--conditions=@parallax/source', '--import', tsxLoader, cliEntry, 'ingest', inputs, '--db', db, '--workers', '1', '--batch-size', '20'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal ? null : _code)));
    // Kill it once some, but not all, articles are stored.
    const watcher = await openStore(db);
    let stored = 0;
    for (let t = 0; t < 600; t++) {
      stored = (await watcher.stats()).articles;
      if (stored > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    expect(await exited, stderr).toBeNull();
    expect(stored).toBeGreaterThan(0);

    const afterKill = await watcher.stats();
    expect(afterKill.articles).toBeLessThan(240);
    expect(afterKill.pendingInputs).toBeGreaterThan(0);
    // Every stored article is whole: its quotes and claims are all there.
    const { items } = await watcher.listArticles({ limit: 200 });
    for (const article of items.slice(0, 20)) {
      const fresh = extractArticle({ bytes: readFileSync(article.sourcePath!), name: article.sourcePath!, sourcePath: article.sourcePath });
      const stored = await watcher.getQuotes({ articleId: article.id, limit: 200 });
      expect(stored.items.map((q) => q.id).sort()).toEqual(fresh.quotes.map((q) => q.id).sort());
    }
    await watcher.close();

    // The next run, with no inputs of its own, finishes the interrupted one.
    const io = capture();
    expect(await main(['ingest', inputs, '--db', db, '--json'], io)).toBe(0);
    const summary = JSON.parse(io.out);
    expect(summary.failed).toEqual([]);
    expect(summary.added + summary.unchanged).toBe(240);
    const end = capture();
    await main(['stats', '--db', db, '--json'], end);
    expect(JSON.parse(end.out)).toMatchObject({ articles: 240, articleVersions: 240, pendingInputs: 0 });
  }, 120_000);
});
