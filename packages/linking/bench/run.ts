// npm run bench -w @parallax/linking: link 10,000 articles and print the CPU time (process.cpuUsage, as
// the machine is shared). The articles are the BBC News set (2,225), BASIL (240) and the AllSides
// excerpts, each extracted once with extractArticle; to reach 10,000 and to give the linker stories of
// several outlets, each source text is also re-published by other "outlets" a day or two apart with one
// paragraph dropped, the way syndicated copy differs. Skips cleanly when ../shared/eval is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { BundleBuilder, extractArticle } from '@parallax/analysis';
import { Bundle } from '@parallax/schema';
import { linkBundle } from '../src/index.js';

const SHARED = `${process.env.PARALLAX_SHARED ?? new URL('../../../../shared', import.meta.url).pathname}/eval/`;
const TARGET = Number(process.env.LINK_BENCH_ARTICLES ?? 10_000);

interface Source {
  text: string;
  date: string;
}

function sources(): Source[] {
  const out: Source[] = [];
  const bbc = SHARED + 'bbc/bbc/';
  if (existsSync(bbc))
    for (const topic of readdirSync(bbc).sort()) {
      if (!existsSync(bbc + topic) || topic.includes('.')) continue;
      for (const f of readdirSync(bbc + topic).sort()) {
        const k = out.length;
        out.push({ text: readFileSync(bbc + topic + '/' + f, 'latin1'), date: new Date(Date.UTC(2005, 0, 1) + (k % 365) * 86_400_000).toISOString().slice(0, 10) });
      }
    }
  const basil = SHARED + 'basil/clusters.jsonl';
  if (existsSync(basil))
    for (const line of readFileSync(basil, 'utf8').trim().split('\n'))
      for (const a of (JSON.parse(line) as { articles: { title: string; text: string; date: string }[] }).articles) out.push({ text: `${a.title}\n\n${a.text}`, date: a.date });
  const allsides = SHARED + 'allsides/headline_11_2021-10-19_crawled_all.jsonl';
  if (existsSync(allsides))
    for (const line of readFileSync(allsides, 'utf8').trim().split('\n')) {
      const row = JSON.parse(line) as { date?: string; news: Record<string, { newsTitle?: string; newBody?: string[] | string }> };
      for (const side of Object.values(row.news ?? {})) {
        const body = Array.isArray(side.newBody) ? side.newBody.join('\n\n') : (side.newBody ?? '');
        if (body.length > 200) out.push({ text: `${side.newsTitle ?? ''}\n\n${body}`, date: /^\d{4}-\d\d-\d\d/.test(row.date ?? '') ? row.date!.slice(0, 10) : '2021-10-19' });
      }
    }
  return out;
}

function variant(s: Source, copy: number): { text: string; date: string } {
  if (copy === 0) return s;
  const paras = s.text.split(/\n\s*\n/);
  if (paras.length > 3) paras.splice(1 + (copy % (paras.length - 1)), 1);
  const day = new Date(Date.parse(s.date + 'T00:00:00Z') + copy * 86_400_000).toISOString().slice(0, 10);
  return { text: paras.join('\n\n'), date: day };
}

const base = sources();
if (base.length === 0) {
  console.log('link bench: skipped (no ../shared/eval)');
} else {
  const builder = new BundleBuilder();
  let n = 0;
  const x0 = process.cpuUsage();
  for (let copy = 0; n < TARGET && copy < 20; copy++)
    for (let i = 0; i < base.length && n < TARGET; i++) {
      const v = variant(base[i]!, copy);
      try {
        if (builder.add(extractArticle({ name: `bench/${copy}/${i}`, sourcePath: null, text: v.text, hints: { outlet: `Outlet ${copy + 1}`, publishedAt: v.date } }))) n++;
      } catch {
        /* an empty excerpt: skipped */
      }
    }
  const x1 = process.cpuUsage(x0);
  const bundle = builder.build();
  console.log(`link bench: ${bundle.articles.length} articles, ${bundle.quotes.length} quotes, ${bundle.claims.length} claims, ${bundle.entities.length} entities (extraction CPU ${((x1.user + x1.system) / 1e6).toFixed(1)} s, not counted)`);
  const t0 = process.cpuUsage();
  const w0 = performance.now();
  const linked = linkBundle(bundle);
  const t1 = process.cpuUsage(t0);
  const wall = (performance.now() - w0) / 1000;
  const cpu = (t1.user + t1.system) / 1e6;
  console.log(`  linkBundle: ${cpu.toFixed(2)} s CPU (${wall.toFixed(2)} s wall) -> ${linked.stories.length} stories, ${linked.statements.length} statements, ${linked.claimGroups.length} claim groups, ${linked.entities.length} entities`);
  console.log(`  target: 10,000 articles in under 60 s: ${bundle.articles.length >= 10_000 && cpu < 60 ? 'met' : 'NOT met'}`);
  const v0 = process.cpuUsage();
  Bundle.parse(linked);
  const v1 = process.cpuUsage(v0);
  console.log(`  schema validation of the linked bundle: ${((v1.user + v1.system) / 1e6).toFixed(2)} s CPU (not counted)`);
}
