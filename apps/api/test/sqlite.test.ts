// The API suite on the embedded store: a fresh SQLite file per store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@parallax/store';
import { afterAll } from 'vitest';
import { apiSuite } from './api-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-api-test-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

apiSuite('SQLite', async () => {
  const store = await openStore(join(dir, `store-${++counter}.db`));
  let closed = false;
  return {
    store,
    cleanup: async () => {
      if (closed) return;
      closed = true;
      await store.close();
    },
  };
});
