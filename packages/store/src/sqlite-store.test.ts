import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { corpusRecords } from '../test/records.js';
import { openStore } from './open-store.js';
import { killedWriterConformance, mixedBatches, storeConformance } from './store.conformance.js';

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

/** FTS5's own checks of each full-text index: its structure, and (rank 1) that it matches the table's rows. */
function ftsIntegrity(path: string): void {
  const db = new Database(path);
  try {
    for (const t of ['articles_fts', 'quotes_fts', 'claims_fts']) {
      db.prepare(`INSERT INTO ${t} (${t}) VALUES ('integrity-check')`).run();
      db.prepare(`INSERT INTO ${t} (${t}, rank) VALUES ('integrity-check', 1)`).run();
    }
  } finally {
    db.close();
  }
}

describe('SQLite full-text indexes', () => {
  it('pass FTS5 integrity-check after mixed batches (new, duplicate, changed versions, deletes, upserts) and optimize', async () => {
    const dir = tempDir();
    try {
      const path = join(dir, 'fts.db');
      const store = await openStore(path);
      const records = corpusRecords();
      await mixedBatches(store, records);
      ftsIntegrity(path);
      await store.optimize();
      ftsIntegrity(path);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('integrity-check catches an index entry with no row (so a passing check means something)', async () => {
    const dir = tempDir();
    try {
      const path = join(dir, 'broken.db');
      const store = await openStore(path);
      await store.saveMany(corpusRecords());
      await store.close();
      const db = new Database(path);
      db.prepare("INSERT INTO quotes_fts (rowid, text) VALUES (999999, 'an entry the quotes table does not hold')").run();
      db.close();
      expect(() => ftsIntegrity(path)).toThrow(/malformed|corrupt/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
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
