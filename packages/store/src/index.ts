// @parallax/store: one storage interface for Parallax records, on SQLite (embedded default) or PostgreSQL.
export type * from './store.js';
export { openStore, isPostgresUrl, defaultSqlitePath } from './open-store.js';
export { openSqliteStore } from './sqlite-store.js';
export { openPgStore, type PgStoreOptions } from './pg-store.js';
export { InvalidCursorError } from './cursor.js';
export { searchTerms } from './search-terms.js';
export { mergeEntity } from './sql-store.js';
export { prepareRecords, type PreparedRecords } from './rows.js';
