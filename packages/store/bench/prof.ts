import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { openStore } from '../src/open-store.js';
import { recordsFromText } from '../test/records.js';
const dir = '/work/shared/eval/bbc/bbc/business';
const texts = readdirSync(dir).map(f => readFileSync(dir + '/' + f, 'latin1'));
const recs = Array.from({ length: 3000 }, (_, k) => recordsFromText(texts[k % texts.length] + `\n\nEdition ${k}.`, { sourcePath: 'x' + k, outlet: 'O' + (k % 12), publishedAt: '2004-01-02' }));
rmSync('/tmp/prof.db', { force: true }); rmSync('/tmp/prof.db-wal', { force: true });
const store = await openStore('/tmp/prof.db');
const ex = (store as any).db;
const times = new Map<string, number>();
for (const m of ['all', 'run', 'insertMany']) {
  const orig = ex[m].bind(ex);
  ex[m] = async (...a: any[]) => { const t = performance.now(); const r = await orig(...a); const k = m + ' ' + String(a[0]).slice(0, 40).replace(/\s+/g, ' '); times.set(k, (times.get(k) ?? 0) + performance.now() - t); return r; };
}
const t = performance.now();
for (let i = 0; i < recs.length; i += 1000) await store.saveMany(recs.slice(i, i + 1000));
console.log('saveMany per article ms', ((performance.now() - t) / recs.length).toFixed(3));
[...times].sort((a, b) => b[1] - a[1]).slice(0, 12).forEach(([k, v]) => console.log(v.toFixed(0).padStart(6), 'ms', k));
await store.close();
