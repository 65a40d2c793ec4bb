// Accuracy of the HTML input layer against ../shared/eval: the Zyte article-extraction benchmark
// (human-annotated bodies: token precision/recall/F1) and Mozilla Readability's test pages (their
// expected extraction and metadata). Also the throughput of parseHtml and parsePlainText.
// Run alone with `npx tsx eval/html.ts [sharedDir]`, or through eval/run.ts as evalHtml(sharedDir).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { decodeSource } from '../src/source/decode.js';
import { parseHtml } from '../src/source/html.js';
import { parsePlainText } from '../src/source/plain-text.js';

interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

function tokens(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) bag.set(m[0], (bag.get(m[0]) ?? 0) + 1);
  return bag;
}

/** Bag-of-tokens precision, recall and F1 of a system text against a reference text. */
export function tokenPrf(system: string, reference: string): Prf {
  const s = tokens(system);
  const r = tokens(reference);
  let common = 0;
  let ns = 0;
  let nr = 0;
  for (const [t, c] of s) {
    ns += c;
    common += Math.min(c, r.get(t) ?? 0);
  }
  for (const c of r.values()) nr += c;
  if (ns === 0 && nr === 0) return { precision: 1, recall: 1, f1: 1 };
  const precision = ns === 0 ? 0 : common / ns;
  const recall = nr === 0 ? 0 : common / nr;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** CPU time of this process in ms: on a shared machine, wall time measures the neighbours too. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function bodyOf(html: string, name: string, url: string | null): { body: string; ms: number; cpu: number; ok: boolean; error?: string } {
  const t0 = performance.now();
  const c0 = cpuMs();
  try {
    const d = parseHtml(html, { sourcePath: name, sourceUrl: url });
    return { body: d.paragraphs.join('\n\n'), ms: performance.now() - t0, cpu: cpuMs() - c0, ok: true };
  } catch (err) {
    return { body: '', ms: performance.now() - t0, cpu: cpuMs() - c0, ok: false, error: (err as Error).message };
  }
}

function evalZyte(dir: string): void {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const scores: Prf[] = [];
  let bytes = 0;
  let ms = 0;
  let cpu = 0;
  let failed = 0;
  const worst: Array<[string, number]> = [];
  const bodies: string[] = [];
  for (const [id, gold] of Object.entries(truth)) {
    const file = join(dir, 'html', `${id}.html.gz`);
    if (!existsSync(file)) continue;
    const raw = new Uint8Array(gunzipSync(readFileSync(file)));
    const { text } = decodeSource(raw, file, { html: true });
    bytes += raw.length;
    const r = bodyOf(text, id, gold.url);
    ms += r.ms;
    cpu += r.cpu;
    if (!r.ok) failed++;
    const s = tokenPrf(r.body, gold.articleBody);
    scores.push(s);
    worst.push([`${id.slice(0, 10)} ${gold.url.slice(0, 70)}`, s.f1]);
    bodies.push(gold.articleBody);
  }
  console.log(`zyte: ${scores.length} pages, ${failed} failed`);
  console.log(`  body tokens  precision ${pct(mean(scores.map((s) => s.precision)))}  recall ${pct(mean(scores.map((s) => s.recall)))}  F1 ${pct(mean(scores.map((s) => s.f1)))}  (mean over pages)`);
  console.log(`  parseHtml throughput: ${(bytes / 1e6 / (cpu / 1000)).toFixed(2)} MB per CPU second, ${(bytes / 1e6 / (ms / 1000)).toFixed(2)} MB/s wall (${(bytes / 1e6).toFixed(1)} MB of HTML)`);
  worst.sort((a, b) => a[1] - b[1]);
  console.log(`  lowest F1: ${worst.slice(0, 5).map(([n, f]) => `${pct(f)} ${n}`).join('\n             ')}`);

  // parsePlainText over the human bodies as plain text (the same pages, as text), a few rounds.
  for (const b of bodies) parsePlainText(b, { sourcePath: null }); // warm-up: compile before timing
  let textBytes = 0;
  const t0 = performance.now();
  const c0 = cpuMs();
  for (let round = 0; round < 5; round++) {
    for (const b of bodies) {
      parsePlainText(b, { sourcePath: null });
      textBytes += b.length;
    }
  }
  const textMs = performance.now() - t0;
  const textCpu = cpuMs() - c0;
  console.log(`  parsePlainText throughput: ${(textBytes / 1e6 / (textCpu / 1000)).toFixed(2)} MB per CPU second, ${(textBytes / 1e6 / (textMs / 1000)).toFixed(2)} MB/s wall (${(textBytes / 1e6).toFixed(1)} M chars: the human bodies as plain text, 5 rounds)`);
}

function htmlText(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`) as unknown as { document: { body: { textContent: string | null } } };
  return document.body.textContent ?? '';
}

function norm(s: string | null | undefined): string {
  return (s ?? '').toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim();
}

function evalReadability(dir: string): void {
  const cases = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'source.html')));
  const scores: Prf[] = [];
  const fields = { title: [0, 0], byline: [0, 0], siteName: [0, 0], lang: [0, 0], publishedTime: [0, 0] } as Record<string, [number, number]>;
  let failed = 0;
  for (const c of cases) {
    const raw = new Uint8Array(readFileSync(join(dir, c, 'source.html')));
    const { text } = decodeSource(raw, c, { html: true });
    const expected = htmlText(readFileSync(join(dir, c, 'expected.html'), 'utf8'));
    const meta = JSON.parse(readFileSync(join(dir, c, 'expected-metadata.json'), 'utf8')) as Record<string, string | null>;
    let draft: ReturnType<typeof parseHtml> | null = null;
    try {
      draft = parseHtml(text, { sourcePath: c });
    } catch {
      failed++;
    }
    scores.push(tokenPrf(draft ? draft.paragraphs.join('\n\n') : '', expected));
    const ours: Record<string, string | null> = {
      title: draft?.headline ?? null,
      byline: draft?.byline ?? null,
      siteName: draft?.outletName ?? null,
      lang: draft?.language ?? null,
      publishedTime: draft?.publishedAt ?? null,
    };
    for (const f of Object.keys(fields)) {
      const want = meta[f];
      if (!want) continue;
      fields[f]![1]++;
      const got = ours[f] ?? null;
      let agree = norm(got) === norm(want);
      if (f === 'lang') agree = norm(got).split('-')[0] === norm(want).split('-')[0];
      if (f === 'publishedTime') agree = got !== null && got.slice(0, 10) === want.slice(0, 10);
      if (f === 'byline' && !agree && got) agree = norm(want).includes(norm(got)) || norm(got).includes(norm(want));
      if (agree) fields[f]![0]++;
    }
  }
  console.log(`readability: ${cases.length} pages, ${failed} failed`);
  console.log(`  body tokens vs expected  precision ${pct(mean(scores.map((s) => s.precision)))}  recall ${pct(mean(scores.map((s) => s.recall)))}  F1 ${pct(mean(scores.map((s) => s.f1)))}`);
  console.log(`  metadata agreement (of pages where expected is set): ${Object.entries(fields).map(([f, [a, n]]) => `${f} ${a}/${n}`).join(', ')}`);
}

/** Prints the HTML input layer's figures on sharedDir/eval/{zyte,readability}; skips what is absent. */
export async function evalHtml(sharedDir: string): Promise<void> {
  const zyte = join(sharedDir, 'eval', 'zyte');
  const readability = join(sharedDir, 'eval', 'readability');
  if (existsSync(join(zyte, 'ground-truth.json'))) evalZyte(zyte);
  else console.log(`zyte: skipped (${zyte} not found)`);
  if (existsSync(readability)) evalReadability(readability);
  else console.log(`readability: skipped (${readability} not found)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const shared = process.argv[2] ?? resolve(fileURLToPath(import.meta.url), '../../../../../shared');
  await evalHtml(shared);
}
