import { openPgStore, type PgStoreOptions } from './pg-store.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

export const defaultSqlitePath = './parallax.db';

/** True for URLs that name a PostgreSQL server. */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Open the store a URL names: postgres:// or postgresql:// is a PostgreSQL server, anything else a SQLite
 * file path (default ./parallax.db, ':memory:' for a throwaway). Migrations are applied unless
 * options.migrate is false.
 */
export async function openStore(url: string | undefined, options: { migrate?: boolean } & PgStoreOptions = {}): Promise<Store> {
  const { migrate = true, ...pgOptions } = options;
  const store = isPostgresUrl(url) ? openPgStore(url, pgOptions) : openSqliteStore(url === undefined || url === '' ? defaultSqlitePath : url);
  if (migrate) {
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}
