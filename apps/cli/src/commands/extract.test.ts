import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bundle } from '@parallax/schema';
import { describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { main } from '../main.js';

const corpus = fileURLToPath(new URL('../../../../corpus/putin-syria-2015-09', import.meta.url));

function capture(stdin = ''): Io & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t), readStdin: async () => stdin };
  return io;
}

describe('parallax extract', () => {
  it('prints a schema-valid bundle for the seed story, with manifest hints applied', async () => {
    const io = capture();
    expect(await main(['extract', corpus], io)).toBe(0);
    const bundle = Bundle.parse(JSON.parse(io.out));
    expect(bundle.articles).toHaveLength(5);
    expect(bundle.errors).toEqual([]);
    for (const a of bundle.articles) expect(a.sourcePath).toMatch(/putin-syria-2015-09\/00\d_[0-9a-f]{16}\.txt$/);
    const aj = bundle.articles.find((a) => a.sourcePath!.includes('001_'))!;
    expect(bundle.outlets.find((o) => o.id === aj.outletId)?.name).toBe('Al Jazeera America');
    expect(bundle.articles.find((a) => a.sourcePath!.includes('002_'))!.publishedAt).toBe('2015-09-15');
    // Every quote and claim indexes into its article's body; every speaker with an id has an entity.
    const bodies = new Map(bundle.articles.map((a) => [a.id, a.body]));
    for (const r of [...bundle.quotes, ...bundle.claims]) expect(bodies.get(r.articleId)!.slice(r.span.start, r.span.end)).toBe(r.text);
    const entityIds = new Set(bundle.entities.map((e) => e.id));
    for (const q of bundle.quotes) if (q.speaker?.entityId) expect(entityIds.has(q.speaker.entityId)).toBe(true);
    expect(bundle.entities.find((e) => e.name === 'Vladimir Putin')?.articleIds.length).toBe(5);
  });

  it('gives the same ids on every run', async () => {
    const a = capture();
    const b = capture();
    await main(['extract', corpus], a);
    await main(['extract', corpus], b);
    expect(a.out).toBe(b.out);
  });

  it('names each bad input, still extracts the good ones and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-extract-'));
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'good.txt'), '“We will stay,” said Ann Lee, the mayor.\n\nThe city has 250,000 residents, according to the census.');
    const io = capture();
    const code = await main(['extract', dir, join(dir, 'missing.txt'), '--max-bytes', '100000'], io);
    expect(code).toBe(1);
    const bundle = Bundle.parse(JSON.parse(io.out));
    expect(bundle.articles.map((a) => a.sourcePath)).toEqual([join(dir, 'good.txt')]);
    expect(bundle.quotes[0]).toMatchObject({ text: 'We will stay,', speaker: { name: 'Ann Lee' } });
    expect(bundle.errors.map((e) => [e.input.replace(dir, ''), e.code]).sort()).toEqual([
      ['/empty.txt', 'empty'],
      ['/image.png', 'binary'],
      ['/missing.txt', 'not-found'],
    ]);
    expect(io.err).toContain(join(dir, 'image.png'));
    expect(io.err).toMatch(/1 input\(s\) extracted, 3 failed/);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-extract-'));
    writeFileSync(join(dir, 'huge.txt'), 'word '.repeat(30_000));
    const io = capture();
    expect(await main(['extract', join(dir, 'huge.txt'), '--max-bytes', '1000'], io)).toBe(1);
    expect(io.err).toMatch(/over the .* limit.*--max-bytes/);
  });

  it('reads standard input and streams jsonl records', async () => {
    const io = capture('“Dialogue is essential,” Kremlin spokesman Dmitry Peskov said on Tuesday.');
    expect(await main(['extract', '-', '--format', 'jsonl'], io)).toBe(0);
    const records = io.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => r.type)).toContain('article');
    const quote = records.find((r) => r.type === 'quote');
    expect(quote).toMatchObject({ text: 'Dialogue is essential,', speaker: { name: 'Dmitry Peskov' } });
    expect(records.find((r) => r.type === 'article').sourcePath).toBeNull();
  });

  it('prints a table for people', async () => {
    const io = capture();
    expect(await main(['extract', join(corpus, '003_e86d819293a394bf.txt'), '--format', 'table'], io)).toBe(0);
    expect(io.out).toMatch(/Jeff Davis\s+direct\s+We have seen indications/);
  });

  it('rejects an unknown format with a usage error', async () => {
    const io = capture();
    expect(await main(['extract', corpus, '--format', 'xml'], io)).toBe(2);
    expect(io.err).toMatch(/Allowed choices are json, jsonl, table/);
  });
});
