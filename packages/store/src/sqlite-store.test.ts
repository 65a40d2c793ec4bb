import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusRecords } from '../test/records.js';
import { openStore } from './open-store.js';
import { killedWriterConformance, storeConformance } from './store.conformance.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'parallax-store-'));
}

storeConformance('SQLite', async () => {
  const dir = tempDir();
  const store = await openStore(join(dir, 'test.db'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

killedWriterConformance('SQLite', async () => {
  const dir = tempDir();
  const url = join(dir, 'killed.db');
  const store = await openStore(url);
  return {
    store,
    url,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite file store', () => {
  it('runs in WAL mode so a second process reads while another writes', async () => {
    const dir = tempDir();
    try {
      const path = join(dir, 'shared.db');
      const writer = await openStore(path);
      const reader = await openStore(path);
      const records = corpusRecords();
      await writer.saveMany(records.slice(0, 2));
      // Both handles write and read the same file at once; busy_timeout makes the second writer wait.
      const [a, b, stats] = await Promise.all([writer.saveMany(records.slice(2)), reader.saveArticle(records[0]!), reader.stats()]);
      expect(a).toEqual(['added', 'added', 'added']);
      expect(b).toBe('unchanged');
      expect(stats.articles).toBeGreaterThanOrEqual(2);
      expect((await reader.stats()).articles).toBe(records.length);
      await writer.close();
      await reader.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
