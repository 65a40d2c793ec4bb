// parallax search / stats / export / import: the store from the command line.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Bundle, SearchQuery, emptyBundle, toJsonLdGraph, type SearchHit } from '@parallax/schema';
import type { BundleRecord } from '@parallax/store';
import { ExitCode, type Io } from '../io.js';
import { describeStore, storeUrl, withStore } from '../store.js';

export interface SearchOptions {
  db?: string;
  json?: boolean;
  type?: string;
  story?: string;
  outlet?: string;
  speaker?: string;
  from?: string;
  to?: string;
  limit?: string;
}

export async function searchCommand(words: string[], options: SearchOptions, io: Io): Promise<number> {
  const parsed = SearchQuery.safeParse({ q: words.join(' '), type: options.type, story: options.story, outlet: options.outlet, speaker: options.speaker, from: options.from, to: options.to, limit: options.limit });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) io.stderr(`parallax search: --${issue.path.join('.')}: ${issue.message}\n`);
    return ExitCode.usage;
  }
  const hits: SearchHit[] = await withStore(options.db, (store) => store.search(parsed.data));
  if (options.json) io.stdout(JSON.stringify({ hits }, null, 2) + '\n');
  else if (hits.length === 0) io.stderr(`no results for "${parsed.data.q}"\n`);
  else for (const h of hits) io.stdout(`${h.type.padEnd(7)} ${h.score.toFixed(2).padStart(6)}  ${h.snippet.replace(/\s+/g, ' ').replace(/\[\[/g, '\x1b[1m').replace(/\]\]/g, '\x1b[0m')}\n        ${h.id}  (article ${h.articleId})\n`);
  return ExitCode.ok;
}

export async function statsCommand(options: { db?: string; json?: boolean }, io: Io): Promise<number> {
  const stats = await withStore(options.db, (store) => store.stats());
  if (options.json) io.stdout(JSON.stringify(stats, null, 2) + '\n');
  else {
    io.stdout(`store: ${describeStore(storeUrl(options.db))}\n`);
    for (const [k, v] of Object.entries(stats)) io.stdout(`  ${k.padEnd(15)} ${k === 'bytes' ? `${(v / 1e6).toFixed(2)} MB` : v}\n`);
  }
  return ExitCode.ok;
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One CSV table per record kind would need several files; CSV export is the quotes and claims, the rows people put in spreadsheets. */
const CSV_COLUMNS = ['kind', 'id', 'articleId', 'speakerOrSource', 'quoteKind', 'text', 'start', 'end', 'clusterId'] as const;

export async function exportCommand(options: { db?: string; format: 'json' | 'jsonl' | 'jsonld' | 'csv' }, io: Io): Promise<number> {
  return withStore(options.db, async (store) => {
    if (options.format === 'jsonl' || options.format === 'csv') {
      // Streamed record by record: memory stays flat for any collection size.
      if (options.format === 'csv') io.stdout(CSV_COLUMNS.join(',') + '\n');
      for await (const r of store.exportRecords() as AsyncIterable<BundleRecord>) {
        if (options.format === 'jsonl') io.stdout(JSON.stringify({ type: r.kind, ...r.record }) + '\n');
        else if (r.kind === 'quotes') io.stdout([ 'quote', r.record.id, r.record.articleId, r.record.speaker?.name, r.record.kind, r.record.text, r.record.span.start, r.record.span.end, r.record.clusterId ].map(csvCell).join(',') + '\n');
        else if (r.kind === 'claims') io.stdout([ 'claim', r.record.id, r.record.articleId, r.record.attribution?.name, r.record.kind, r.record.text, r.record.span.start, r.record.span.end, r.record.clusterId ].map(csvCell).join(',') + '\n');
      }
      return ExitCode.ok;
    }
    const bundle = await store.exportBundle();
    io.stdout(JSON.stringify(options.format === 'jsonld' ? toJsonLdGraph(bundle) : bundle, null, 2) + '\n');
    return ExitCode.ok;
  });
}

const COLLECTIONS = ['outlets', 'articles', 'entities', 'quotes', 'claims', 'statements', 'claimGroups', 'stories'] as const;

/** Read a bundle written by export (json) or a jsonl export, and store it. */
export async function importCommand(file: string, options: { db?: string; json?: boolean }, io: Io): Promise<number> {
  let bundle: Bundle;
  try {
    if (file.endsWith('.jsonl')) {
      const b = emptyBundle() as Record<string, unknown[]> & Bundle;
      const types: Record<string, (typeof COLLECTIONS)[number]> = { outlet: 'outlets', article: 'articles', entity: 'entities', quote: 'quotes', claim: 'claims', statement: 'statements', claimGroup: 'claimGroups', story: 'stories' };
      for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
        if (!line.trim()) continue;
        const { type, ...record } = JSON.parse(line) as { type: string };
        const key = (COLLECTIONS as readonly string[]).includes(type) ? (type as (typeof COLLECTIONS)[number]) : types[type];
        if (key) (b[key] as unknown[]).push(record);
      }
      bundle = Bundle.parse(b);
    } else bundle = Bundle.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
    if (issues) for (const i of issues.slice(0, 10)) io.stderr(`${file}: ${i.path.join('.')}: ${i.message}\n`);
    else io.stderr(`${file}: cannot import (${(error as Error).message}). Give a file written by parallax export.\n`);
    return ExitCode.failed;
  }
  const result = await withStore(options.db, (store) => store.importBundle(bundle));
  if (options.json) io.stdout(JSON.stringify(result) + '\n');
  else io.stderr(`parallax import: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged\n`);
  return ExitCode.ok;
}
