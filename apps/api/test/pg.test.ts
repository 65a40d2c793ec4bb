// The API suite on PostgreSQL, when PARALLAX_PG_URL names a server (.ci/run starts one): each store in
// a schema of its own, dropped afterwards. Skipped with a message otherwise (and failing when CI is set).
import pg from 'pg';
import { openStore } from '@parallax/store';
import { describe, expect, it } from 'vitest';
import { apiSuite } from './api-suite.js';

const url = process.env.PARALLAX_PG_URL;
let counter = 0;

async function dropSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

if (!url) {
  const message = 'PARALLAX_PG_URL is not set: API tests on PostgreSQL skipped (.ci/run starts a throwaway server and sets it)';
  if (process.env.CI) {
    describe('API on PostgreSQL', () => {
      it('needs PARALLAX_PG_URL in CI', () => expect.fail(message));
    });
  } else {
    console.warn(message);
    describe.skip('API on PostgreSQL', () => {
      it('runs against PARALLAX_PG_URL', () => {});
    });
  }
} else {
  const pgUrl = url;
  apiSuite('PostgreSQL', async () => {
    const schema = `px_api_test_${process.pid}_${++counter}`;
    await dropSchema(pgUrl, schema);
    const store = await openStore(pgUrl, { schema, max: 4 });
    let closed = false;
    return {
      store,
      cleanup: async () => {
        if (closed) return;
        closed = true;
        await store.close();
        await dropSchema(pgUrl, schema);
      },
    };
  });
}
