import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyBundle } from '@parallax/schema';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import type { Io } from './io.js';

function capture(stdin = ''): Io & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t), readStdin: async () => stdin };
  return io;
}

describe('parallax', () => {
  it('lists its commands in --help', async () => {
    const io = capture();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out).toMatch(/validate/);
    expect(io.out).toMatch(/schema/);
  });

  it('exits 2 on an unknown command and says how to get help', async () => {
    const io = capture();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err).toMatch(/unknown command/);
    expect(io.err).toMatch(/parallax --help/);
  });

  it('validates bundles, naming the bad file and field, and still checks the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify(emptyBundle()));
    writeFileSync(bad, JSON.stringify({ ...emptyBundle(), quotes: [{ kind: 'rumour' }] }));
    const io = capture();
    expect(await main(['validate', bad, join(dir, 'missing.json'), good], io)).toBe(1);
    expect(io.err).toContain(`${bad}: quotes.0.kind:`);
    expect(io.err).toContain(`${join(dir, 'missing.json')}: cannot read`);
    expect(io.err).toContain(`${good}: valid bundle (0 articles, 0 quotes, 0 claims)`);
  });

  it('validates standard input', async () => {
    const io = capture(JSON.stringify(emptyBundle()));
    expect(await main(['validate', '-'], io)).toBe(0);
  });

  it('prints a record\'s JSON Schema', async () => {
    const io = capture();
    expect(await main(['schema', 'quote'], io)).toBe(0);
    expect(JSON.parse(io.out).properties.kind.enum).toEqual(['direct', 'partial', 'mixed', 'indirect']);
    const unknown = capture();
    expect(await main(['schema', 'nope'], unknown)).toBe(2);
    expect(unknown.err).toMatch(/Known records: bundle/);
  });

  it('refuses a zero or non-numeric limit with a usage error instead of ignoring it', async () => {
    for (const args of [['extract', '-', '--max-bytes', '0'], ['ingest', '-', '--timeout', '0'], ['ingest', '-', '--workers', 'two'], ['ingest', '-', '--batch-size', '0']]) {
      const io = capture();
      expect(await main(args, io)).toBe(2);
      expect(io.err).toMatch(/whole number of at least/);
    }
  });
});
