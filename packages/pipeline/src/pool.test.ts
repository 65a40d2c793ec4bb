import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceError } from '@parallax/analysis';
import { describe, expect, it } from 'vitest';
import { ExtractPool } from './pool.js';

const corpus = fileURLToPath(new URL('../../../corpus/putin-syria-2015-09', import.meta.url));
const seeds = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();

const fileJob = (path: string, maxBytes = 1_000_000) => ({ path, name: path, sourcePath: path, sourceUrl: null, contentType: null, hints: {}, maxBytes });

describe('ExtractPool', () => {
  it('reads files in the workers and extracts every seed, many jobs queued per worker', async () => {
    const pool = new ExtractPool(2, { depth: 4 });
    try {
      const results = await Promise.all(seeds.map((f) => pool.extract(fileJob(join(corpus, f)))));
      expect(results.map((r) => r.article.sourcePath)).toEqual(seeds.map((f) => join(corpus, f)));
      // The Putin quotes of the seeds come back whole, speaker resolved.
      expect(results.flatMap((r) => r.quotes).filter((q) => q.speaker?.name === 'Vladimir Putin').length).toBeGreaterThan(5);
      expect(pool.load).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('refuses a file over the limit before reading it, in the caller’s words, and maps file-system errors by errno', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-pool-'));
    cpSync(join(corpus, seeds[0]!), join(dir, 'big.txt'));
    writeFileSync(join(dir, 'binary.bin'), Buffer.from([0, 1, 2, 0, 0, 255]));
    const pool = new ExtractPool(1, { tooLarge: (job, size) => new SourceError('too-large', job.name, `${job.name}: ${size} bytes, too many`) });
    try {
      const outcome = (p: Promise<unknown>) => p.then(() => 'ok', (e: Error & { code?: string }) => `${e instanceof SourceError ? 'source' : 'fs'}:${e.code}:${e.message}`);
      const [big, missing, binary, good] = await Promise.all([
        outcome(pool.extract(fileJob(join(dir, 'big.txt'), 100))),
        outcome(pool.extract(fileJob(join(dir, 'gone.txt')))),
        outcome(pool.extract(fileJob(join(dir, 'binary.bin')))),
        outcome(pool.extract(fileJob(join(corpus, seeds[1]!)))),
      ]);
      expect(big).toMatch(/^source:too-large:.*big\.txt: \d{4,} bytes, too many$/);
      expect(missing).toMatch(/^fs:ENOENT:/);
      expect(binary).toMatch(/^source:binary:.*binary\.bin/);
      expect(good).toBe('ok');
    } finally {
      await pool.close();
    }
  });
});
