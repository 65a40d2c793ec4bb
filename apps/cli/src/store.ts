// Which store a command uses: --db, else PARALLAX_DB, else ./parallax.db (SQLite); postgres:// URLs
// open PostgreSQL.
import { openStore, type Store } from '@parallax/store';

export function storeUrl(db: string | undefined): string {
  return db ?? process.env.PARALLAX_DB ?? './parallax.db';
}

/** Open the store, run the command, always close. */
export async function withStore<T>(db: string | undefined, run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeUrl(db));
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/** A store URL fit for messages: a PostgreSQL password is hidden. */
export const describeStore = (url: string) => url.replace(/(postgres(?:ql)?:\/\/[^:/@]+:)[^@]+@/, '$1***@');
