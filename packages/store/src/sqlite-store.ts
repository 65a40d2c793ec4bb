// The embedded backend: one SQLite file in WAL mode (readers never wait for the writer; other processes
// wait up to busy_timeout for the write lock), FTS5 for search. better-sqlite3 is synchronous: the
// executor wraps it in promises and runs one transaction at a time.
import { realpathSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { SearchHit } from '@parallax/schema';
import { marks, Mutex, type Executor, type Queryer, type SqlValue } from './executor.js';
import { sqliteMigrations } from './migrations.js';
import { fts5AnyQuery, fts5Query } from './search-terms.js';
import { SqlStore, windowFor, type Dialect, type RankedHit, type SearchFilters } from './sql-store.js';

// One mutex per database file in this process. better-sqlite3 waits for a lock by blocking the thread, so
// a second handle on the same file must never start a transaction while the first one's is open across
// an await: it would block the very thread that has to finish the first. Other processes wait on
// busy_timeout instead.
const fileMutexes = new Map<string, Mutex>();

function mutexFor(path: string): Mutex {
  if (path === ':memory:' || path === '') return new Mutex();
  const key = realpathSync(path);
  let m = fileMutexes.get(key);
  if (!m) {
    m = new Mutex();
    fileMutexes.set(key, m);
  }
  return m;
}

class SqliteExecutor implements Executor {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly db: Database.Database,
    private readonly mutex: Mutex,
  ) {}

  private prepare(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.prepare(sql).all(...params) as T[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.prepare(sql).run(...params).changes;
  }

  async insertMany(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[], tail = ''): Promise<void> {
    if (rows.length === 0) return;
    const s = this.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ${tail}`);
    for (const row of rows) s.run(...row);
  }

  tx<T>(fn: (q: Queryer) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      // IMMEDIATE takes the write lock up front, so two processes never deadlock upgrading a read lock.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.mutex.run(async () => {
      if (this.db.open) this.db.close();
    });
  }
}

const snippetWords = 24;

async function searchSqlite(q: Queryer, type: SearchHit['type'], f: SearchFilters): Promise<RankedHit[]> {
  const match = fts5Query(f.terms);
  const where = ['a.is_current = 1'];
  const params: SqlValue[] = [match];
  if (f.story) (where.push('a.story_id = ?'), params.push(f.story));
  if (f.outlet) (where.push('a.outlet_id = ?'), params.push(f.outlet));
  if (f.from) (where.push('a.published_date >= ?'), params.push(f.from));
  if (f.to) (where.push('a.published_date <= ?'), params.push(f.to));
  const fts = type === 'article' ? 'articles_fts' : type === 'quote' ? 'quotes_fts' : 'claims_fts';
  // Phase 1: the newest searchWindow matches that pass the filters (FTS5 walks rowids in descending order
  // and stops), ranked by bm25 (the headline weighs three times the body); the best are kept.
  // Outlet and date filters keep many rows: the full-text index drives (CROSS JOIN fixes SQLite's join
  // order), or the planner walks a whole outlet seeking the index per article (0.7 s at 100,000). Story and
  // speaker filters keep few: let the planner start from them.
  const join = f.story || f.speaker ? 'JOIN' : 'CROSS JOIN';
  let sql: string;
  if (type === 'article') {
    sql = `SELECT * FROM (
        SELECT ${fts}.rowid AS seq, a.id AS id, a.id AS article_id, NULL AS s, NULL AS e, bm25(${fts}, 3.0, 1.0) AS rank
        FROM ${fts} ${join} articles a ON a.seq = ${fts}.rowid
        WHERE ${fts} MATCH ? AND ${where.join(' AND ')} ORDER BY ${fts}.rowid DESC LIMIT ${windowFor(f)}
      ) ORDER BY rank LIMIT ?`;
  } else {
    const t = type === 'quote' ? 'quotes' : 'claims';
    if (type === 'quote' && f.speaker) (where.push('r.speaker_id = ?'), params.push(f.speaker));
    sql = `SELECT * FROM (
        SELECT ${fts}.rowid AS seq, r.id AS id, r.article_id AS article_id, r.span_start AS s, r.span_end AS e, bm25(${fts}) AS rank
        FROM ${fts} ${join} ${t} r ON r.seq = ${fts}.rowid ${join} articles a ON a.id = r.article_id
        WHERE ${fts} MATCH ? AND ${where.join(' AND ')} ORDER BY ${fts}.rowid DESC LIMIT ${windowFor(f)}
      ) ORDER BY rank LIMIT ?`;
  }
  const rows = await q.all<{ seq: number; id: string; article_id: string; s: number | null; e: number | null; rank: number }>(sql, [...params, f.limit]);
  if (rows.length === 0) return [];
  // Phase 2: snippets for the kept rows only (snippet() re-reads and re-tokenises the text).
  const snippets = new Map<number, string>();
  const column = type === 'article' ? -1 : 0;
  for (const r of await q.all<{ seq: number; snippet: string }>(
    `SELECT rowid AS seq, snippet(${fts}, ${column}, '[[', ']]', '…', ${snippetWords}) AS snippet FROM ${fts} WHERE ${fts} MATCH ? AND rowid IN (${marks(rows.length)})`,
    [match, ...rows.map((r) => r.seq)],
  )) {
    snippets.set(r.seq, r.snippet);
  }
  return rows.map((r) => ({
    type,
    id: r.id,
    articleId: r.article_id,
    snippet: snippets.get(r.seq) ?? '',
    score: -r.rank,
    span: r.s === null || r.e === null ? null : { start: r.s, end: r.e },
  }));
}

/** A store in one SQLite file (or ':memory:'). Call migrate() before use (openStore does). */
export function openSqliteStore(path: string): SqlStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 10000');
  // NORMAL is durable up to the last checkpoint and never leaves a half-written transaction.
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  // A batch of articles writes thousands of pages: checkpoint every 10,000 pages (40 MB) rather than the
  // default 1,000, so a checkpoint (a copy into the database file and two fsyncs) comes every few batches,
  // not after every one, and the index pages they share are copied once (measured: 4% less main-thread
  // time per stored article). The WAL file is cut back to 64 MB after each checkpoint.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('journal_size_limit = 67108864');
  const dialect: Dialect = {
    kind: 'sqlite',
    file: path === ':memory:' || path === '' ? null : realpathSync(path),
    migrations: sqliteMigrations,
    // BEGIN IMMEDIATE already holds the database's one write lock.
    lockMigrations: async () => {},
    lockWrites: async () => {},
    search: searchSqlite,
    // The full-text index drives (CROSS JOIN): every match is ranked, the date filter read per match.
    related: (q, terms, where, params, limit) =>
      q.all(
        `SELECT a.id, a.story_id FROM articles_fts CROSS JOIN articles a ON a.seq = articles_fts.rowid
         WHERE articles_fts MATCH ? AND a.is_current = 1${where} ORDER BY bm25(articles_fts, 3.0, 1.0) LIMIT ?`,
        [fts5AnyQuery(terms), ...params, limit],
      ),
    indexedBy: (index) => ` INDEXED BY ${index}`,
    indexNew: async (q, table, afterSeq) => {
      const columns = table === 'articles' ? 'headline, body' : 'text';
      await q.run(`INSERT INTO ${table}_fts (rowid, ${columns}) SELECT seq, ${columns} FROM ${table} WHERE seq > ?`, [afterSeq]);
    },
    jsonSet: (doc, sets) => `json_set(${doc}, ${sets.map(([path, value]) => `'$.${path.join('.')}', ${value}`).join(', ')})`,
    jsonIsObject: (doc, key) => `json_type(${doc}, '$.${key}') = 'object'`,
    jsonRows: (columns) => `(SELECT ${columns.map((c, i) => `value ->> ${i} AS ${c}`).join(', ')} FROM json_each(?))`,
    optimize: async (q) => {
      for (const t of ['articles', 'quotes', 'claims']) await q.run(`INSERT INTO ${t}_fts (${t}_fts) VALUES ('optimize')`);
      await q.run('ANALYZE');
    },
    compact: async () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    sizeBytes: async (q) => {
      if (path === ':memory:' || path === '') {
        const [r] = await q.all<{ n: number }>('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()');
        return r?.n ?? 0;
      }
      const size = (p: string) => statSync(p, { throwIfNoEntry: false })?.size ?? 0;
      return size(path) + size(`${path}-wal`);
    },
  };
  return new SqlStore(new SqliteExecutor(db, mutexFor(path)), dialect);
}
