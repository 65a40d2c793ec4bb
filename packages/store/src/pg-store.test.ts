// The conformance suite against a real PostgreSQL server named by PARALLAX_PG_URL (.ci/run starts one).
// Each test gets its own schema, dropped afterwards, so runs never see each other's rows.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import { killedWriterConformance, storeConformance } from './store.conformance.js';

const url = process.env.PARALLAX_PG_URL;
let counter = 0;

if (!url) {
  const message = 'PARALLAX_PG_URL is not set: PostgreSQL store tests skipped (.ci/run starts a throwaway server and sets it)';
  if (process.env.CI) {
    describe('PostgreSQL store', () => {
      it('needs PARALLAX_PG_URL in CI', () => {
        expect.fail(message);
      });
    });
  } else {
    console.warn(message);
    describe.skip('PostgreSQL store', () => {
      it('runs against PARALLAX_PG_URL', () => {});
    });
  }
} else {
  const pgUrl = url;
  async function dropSchema(schema: string): Promise<void> {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  }

  storeConformance('PostgreSQL', async () => {
    const schema = `px_test_${process.pid}_${++counter}`;
    await dropSchema(schema);
    const store = await openStore(pgUrl, { schema, max: 4 });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });

  killedWriterConformance('PostgreSQL', async () => {
    const schema = `px_test_${process.pid}_killed`;
    await dropSchema(schema);
    const store = await openStore(pgUrl, { schema, max: 2 });
    return {
      store,
      url: pgUrl,
      schema,
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });

  describe('PostgreSQL store', () => {
    it('migrates concurrently from several clients without applying a migration twice', async () => {
      const schema = `px_test_${process.pid}_migrate`;
      await dropSchema(schema);
      try {
        const stores = await Promise.all([1, 2, 3].map(() => openStore(pgUrl, { schema, migrate: false, max: 2 })));
        const applied = await Promise.all(stores.map((s) => s.migrate()));
        expect(applied.flat().sort()).toEqual([1, 2, 5]);
        await Promise.all(stores.map((s) => s.close()));
      } finally {
        await dropSchema(schema);
      }
    });
  });
}
