// The server backend: PostgreSQL through a pg Pool, tsvector columns with GIN indexes for search.
import pg from 'pg';
import type { SearchHit } from '@parallax/schema';
import { chunks, type Executor, type Queryer, type SqlValue } from './executor.js';
import { postgresMigrations } from './migrations.js';
import { SqlStore, windowFor, type Dialect, type SearchFilters } from './sql-store.js';

const numbered = new Map<string, string>();

/** `?` placeholders to `$1, $2, ...` (our SQL never holds a literal `?`). */
function toPg(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    let i = 0;
    out = sql.replace(/\?/g, () => `$${++i}`);
    numbered.set(sql, out);
  }
  return out;
}

class PgQueryer implements Queryer {
  constructor(protected readonly target: pg.Pool | pg.PoolClient) {}

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.target.query(toPg(sql), params as SqlValue[])).rows as T[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.target.query(toPg(sql), params as SqlValue[])).rowCount ?? 0;
  }

  async insertMany(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[], tail = ''): Promise<void> {
    // Multi-row VALUES, kept under PostgreSQL's 65,535 parameters per statement.
    const per = Math.max(1, Math.min(1000, Math.floor(60_000 / columns.length)));
    for (const part of chunks(rows, per)) {
      let n = 0;
      const values = part.map(() => `(${columns.map(() => `$${++n}`).join(', ')})`).join(', ');
      await this.target.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ${tail}`, part.flat() as SqlValue[]);
    }
  }
}

class PgExecutor extends PgQueryer implements Executor {
  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  async tx<T>(fn: (q: Queryer) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new PgQueryer(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

const headlineOptions = 'StartSel="[[", StopSel="]]", MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "';

async function searchPg(q: Queryer, type: SearchHit['type'], f: SearchFilters): Promise<SearchHit[]> {
  const text = f.terms.join(' ');
  const where = ['a.is_current = 1'];
  const params: SqlValue[] = [text];
  if (f.story) (where.push('a.story_id = ?'), params.push(f.story));
  if (f.outlet) (where.push('a.outlet_id = ?'), params.push(f.outlet));
  if (f.from) (where.push('a.published_date >= ?'), params.push(f.from));
  if (f.to) (where.push('a.published_date <= ?'), params.push(f.to));
  // Three stages, so each costly step touches as few rows as it can: the newest windowFor(f) matching
  // seqs (no text read: projecting tsv or the body here would detoast every match), ts_rank over those,
  // ts_headline for the rows kept.
  let sql: string;
  if (type === 'article') {
    sql = `WITH q AS (SELECT plainto_tsquery('english', ?) AS query),
      candidates AS (SELECT a.seq FROM articles a, q WHERE a.tsv @@ q.query AND ${where.join(' AND ')} ORDER BY a.seq DESC LIMIT ${windowFor(f)}),
      hits AS (SELECT a.seq, a.id, ts_rank(a.tsv, q.query) AS score FROM candidates c JOIN articles a ON a.seq = c.seq, q ORDER BY score DESC, a.id LIMIT ?)
      SELECT h.id, h.id AS article_id, NULL::int AS s, NULL::int AS e, h.score,
        ts_headline('english', coalesce(a.headline, '') || E'\n\n' || a.body, q.query, ?) AS snippet
      FROM hits h JOIN articles a ON a.seq = h.seq, q ORDER BY h.score DESC, h.id`;
  } else {
    const t = type === 'quote' ? 'quotes' : 'claims';
    if (type === 'quote' && f.speaker) (where.push('r.speaker_id = ?'), params.push(f.speaker));
    sql = `WITH q AS (SELECT plainto_tsquery('english', ?) AS query),
      candidates AS (SELECT r.seq FROM ${t} r JOIN articles a ON a.id = r.article_id, q WHERE r.tsv @@ q.query AND ${where.join(' AND ')} ORDER BY r.seq DESC LIMIT ${windowFor(f)}),
      hits AS (SELECT r.seq, r.id, ts_rank(r.tsv, q.query) AS score FROM candidates c JOIN ${t} r ON r.seq = c.seq, q ORDER BY score DESC, r.id LIMIT ?)
      SELECT h.id, r.article_id, r.span_start AS s, r.span_end AS e, h.score, ts_headline('english', r.text, q.query, ?) AS snippet
      FROM hits h JOIN ${t} r ON r.seq = h.seq, q ORDER BY h.score DESC, h.id`;
  }
  const rows = await q.all<{ id: string; article_id: string; s: number | null; e: number | null; snippet: string; score: number }>(sql, [
    ...params,
    f.limit,
    headlineOptions,
  ]);
  return rows.map((r) => ({
    type,
    id: r.id,
    articleId: r.article_id,
    snippet: r.snippet,
    score: Number(r.score),
    span: r.s === null || r.e === null ? null : { start: r.s, end: r.e },
  }));
}

const schemaName = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PgStoreOptions {
  /** Keep the tables in this schema (created when missing), e.g. one per test run. */
  schema?: string;
  max?: number;
}

/** A store on a PostgreSQL server. Call migrate() before use (openStore does). */
export function openPgStore(url: string, options: PgStoreOptions = {}): SqlStore {
  const schema = options.schema;
  if (schema !== undefined && !schemaName.test(schema)) throw new RangeError(`bad schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // Set at connection start-up, so no query ever runs before it.
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const dialect: Dialect = {
    kind: 'postgres',
    migrations: postgresMigrations,
    // One migrating process at a time; the lock ends with the transaction.
    lockMigrations: async (q) => {
      await q.all('SELECT pg_advisory_xact_lock(7350215)');
      if (schema !== undefined) await q.run(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    },
    // Article writes read then write by source: one writer at a time keeps versions consistent.
    lockWrites: async (q) => void (await q.all('SELECT pg_advisory_xact_lock(7350216)')),
    search: searchPg,
    // jsonb_set is strict: a SQL NULL value would null the whole document, so it becomes JSON null.
    jsonSet: (doc, sets) =>
      sets.reduce((inner, [path, value]) => `jsonb_set(${inner}, '{${path.join(',')}}', coalesce(to_jsonb(${value}::text), 'null'::jsonb))`, doc),
    jsonIsObject: (doc, key) => `jsonb_typeof(${doc} -> '${key}') = 'object'`,
    jsonRows: (columns) => `(SELECT ${columns.map((c, i) => `e ->> ${i} AS ${c}`).join(', ')} FROM jsonb_array_elements(?::jsonb) AS e)`,
    optimize: async (q) => void (await q.run('ANALYZE')),
    sizeBytes: async (q) => {
      const [r] = await q.all<{ n: string }>('SELECT pg_database_size(current_database()) AS n');
      return Number(r?.n ?? 0);
    },
  };
  return new SqlStore(new PgExecutor(pool), dialect);
}
