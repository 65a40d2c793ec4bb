// The server backend: PostgreSQL through a pg Pool, tsvector columns with GIN indexes for search.
import pg from 'pg';
import type { SearchHit } from '@parallax/schema';
import { chunks, marks, type Executor, type Queryer, type SqlValue } from './executor.js';
import { postgresMigrations } from './migrations.js';
import { SqlStore, windowFor, type Dialect, type RankedHit, type SearchFilters } from './sql-store.js';

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

const searchTables = { article: 'articles', quote: 'quotes', claim: 'claims' } as const;

/**
 * The newest seq of a table, its oldest, and the planner's estimate of the share of its rows that hold the
 * query's rarest word (pg_stats keeps the 1,000 most common lexemes of each tsv column with their
 * frequencies; a word not among them is rarer than the least common one listed). Null without statistics.
 */
async function seqRange(q: Queryer, table: string, text: string): Promise<{ hi: number; lo: number; share: number | null } | null> {
  const [r] = await q.all<{ hi: string | null; lo: string | null; share: number | null }>(
    `SELECT (SELECT max(seq) FROM ${table}) AS hi, (SELECT min(seq) FROM ${table}) AS lo,
      (SELECT min(coalesce(s.freq, p.most_common_elem_freqs[array_length(p.most_common_elems::text::text[], 1) + 1]))
        FROM pg_stats p CROSS JOIN unnest(tsvector_to_array(to_tsvector('english', ?))) AS l(lexeme)
        LEFT JOIN unnest(p.most_common_elems::text::text[], p.most_common_elem_freqs) AS s(elem, freq) ON s.elem = l.lexeme
        WHERE p.schemaname = current_schema() AND p.tablename = '${table}' AND p.attname = 'tsv') AS share`,
    [text],
  );
  if (!r || r.hi === null || r.lo === null) return null;
  return { hi: Number(r.hi), lo: Number(r.lo), share: r.share === null ? null : Number(r.share) };
}

/**
 * The seqs of the newest `need` matches that pass the filters, newest first.
 *
 * A GIN index returns matches in no useful order, so ranking "the newest N" the obvious way (bitmap scan,
 * sort by seq, limit) reads the row of every match: 32,000 rows and 32,000 article look-ups for
 * "government" in 1.1 million claims at 100,000 articles (400 ms). Instead the search reads the newest
 * slice of the table expected to hold the window (from the word's frequency in the planner's
 * statistics, with a margin), which PostgreSQL answers by ANDing the GIN bitmap with a primary-key range,
 * so only the slice's matches are read; when the slice falls short, the next older slice is sized from
 * the matches seen so far. The result is the same set the one-query form gives.
 */
export async function newestMatches(q: Queryer, type: SearchHit['type'], f: SearchFilters, text: string, need: number): Promise<number[]> {
  const where = ['a.is_current = 1'];
  const params: SqlValue[] = [text];
  if (f.story) (where.push('a.story_id = ?'), params.push(f.story));
  if (f.outlet) (where.push('a.outlet_id = ?'), params.push(f.outlet));
  if (f.from) (where.push('a.published_date >= ?'), params.push(f.from));
  if (f.to) (where.push('a.published_date <= ?'), params.push(f.to));
  if (type === 'quote' && f.speaker) (where.push('r.speaker_id = ?'), params.push(f.speaker));
  const table = searchTables[type];
  const from = type === 'article' ? 'articles a' : `${table} r JOIN articles a ON a.id = r.article_id`;
  const seq = type === 'article' ? 'a.seq' : 'r.seq';
  const tsv = type === 'article' ? 'a.tsv' : 'r.tsv';
  // "seq + 0": sorting the slice's few matches is cheap; walking the primary key backwards and testing
  // every row against the query (the plan a plain ORDER BY seq invites under a LIMIT) is not.
  const slice = async (above: number | null, upTo: number | null, limit: number): Promise<number[]> => {
    const range: string[] = [];
    const values: SqlValue[] = [];
    if (above !== null) (range.push(`${seq} > ?`), values.push(above));
    if (upTo !== null) (range.push(`${seq} <= ?`), values.push(upTo));
    const sql = `SELECT ${seq} AS seq FROM ${from} WHERE ${tsv} @@ plainto_tsquery('english', ?) AND ${[...where, ...range].join(' AND ')}
       ORDER BY ${seq} + 0 DESC LIMIT ?`;
    const rows = await q.all<{ seq: string }>(sql, [...params, ...values, limit]);
    return rows.map((r) => Number(r.seq));
  };
  // Story and speaker filters keep few rows: the planner starts from them, in one query.
  if (f.story || f.speaker) return slice(null, null, need);
  const range = await seqRange(q, table, text);
  if (range === null) return [];
  if (range.share === null) return slice(null, null, need);
  const found: number[] = [];
  let upTo: number | null = null; // the first slice is open upwards: rows stored meanwhile count too
  let top = range.hi;
  let size = Math.ceil(((need / Math.max(range.share, 1e-6)) * 3) / 2);
  for (;;) {
    const above = top - size;
    const last = above < range.lo;
    const rows = await slice(last ? null : above, upTo, need - found.length);
    found.push(...rows);
    if (last || found.length >= need) return found;
    // The next slice, sized from the density of matches seen so far (eight times larger when none).
    const seen = range.hi - above;
    size = found.length > 0 ? Math.ceil((((need - found.length) * seen) / found.length) * 1.5) : size * 8;
    upTo = above;
    top = above;
  }
}

async function searchPg(db: Executor, q: Queryer, type: SearchHit['type'], f: SearchFilters): Promise<RankedHit[]> {
  const text = f.terms.join(' ');
  // Three stages, so each costly step touches as few rows as it can: the newest windowFor(f) matching
  // seqs (no text read), ts_rank over those, and (in snippetsPg) ts_headline for the hits the store keeps.
  const table = searchTables[type];
  const columns = type === 'article' ? 'r.id AS article_id, NULL::int AS s, NULL::int AS e' : 'r.article_id, r.span_start AS s, r.span_end AS e';
  type Row = { id: string; article_id: string; s: number | null; e: number | null; score: number };
  const rows = await db.tx(async (t): Promise<Row[]> => {
    // For these statements only: random_page_cost 1.1 (the usual value for SSDs or a cached database)
    // instead of 4, and no parallel workers. At 4 the planner prefers walking the slice through the primary
    // key and testing every row against the query (each test reads the row's vector, 2.3 kB for an
    // article) to ANDing the GIN bitmap with the key range: 217 ms against 18 ms for "music" in the
    // newest 38,500 articles, 185 ms against 30 for "government" in the newest 112,000 quotes. Workers
    // cost more to start than these statements take, and the three record types already run at once.
    await t.all("SELECT set_config('random_page_cost', '1.1', true), set_config('max_parallel_workers_per_gather', '0', true)");
    const seqs = await newestMatches(t, type, f, text, windowFor(f));
    if (seqs.length === 0) return [];
    return t.all<Row>(
      `SELECT r.id, ${columns}, ts_rank(r.tsv, plainto_tsquery('english', ?)) AS score
       FROM ${table} r WHERE r.seq = ANY(?::bigint[]) ORDER BY score DESC, r.id LIMIT ?`,
      [text, `{${seqs.join(',')}}`, f.limit],
    );
  });
  return rows.map((r) => ({
    type,
    id: r.id,
    articleId: r.article_id,
    snippet: '',
    score: Number(r.score),
    span: r.s === null || r.e === null ? null : { start: r.s, end: r.e },
  }));
}

/** ts_headline (which parses the whole text) for the hits kept, one query per record type. */
async function snippetsPg(q: Queryer, hits: RankedHit[], terms: string[]): Promise<RankedHit[]> {
  const text = terms.join(' ');
  const snippets = new Map<string, string>();
  await Promise.all(
    (Object.keys(searchTables) as Array<SearchHit['type']>).map(async (type) => {
      const ids = hits.filter((h) => h.type === type).map((h) => h.id);
      if (ids.length === 0) return;
      const document = type === 'article' ? `coalesce(r.headline, '') || E'\\n\\n' || r.body` : 'r.text';
      for (const r of await q.all<{ id: string; snippet: string }>(
        `SELECT r.id, ts_headline('english', ${document}, plainto_tsquery('english', ?), ?) AS snippet FROM ${searchTables[type]} r WHERE r.id IN (${marks(ids.length)})`,
        [text, headlineOptions, ...ids],
      )) {
        snippets.set(`${type} ${r.id}`, r.snippet);
      }
    }),
  );
  return hits.map((h) => ({ ...h, snippet: snippets.get(`${h.type} ${h.id}`) ?? '' }));
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
  const executor = new PgExecutor(pool);
  const dialect: Dialect = {
    kind: 'postgres',
    file: null,
    migrations: postgresMigrations,
    // One migrating process at a time; the lock ends with the transaction.
    lockMigrations: async (q) => {
      await q.all('SELECT pg_advisory_xact_lock(7350215)');
      if (schema !== undefined) await q.run(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    },
    // Article writes read then write by source: one writer at a time keeps versions consistent.
    lockWrites: async (q) => void (await q.all('SELECT pg_advisory_xact_lock(7350216)')),
    search: (q, type, f) => searchPg(executor, q, type, f),
    // Terms hold only letters and digits: joined by | they are a valid tsquery (stop words drop out).
    related: (q, terms, where, params, limit) =>
      q.all(
        `SELECT a.id, a.story_id FROM articles a, to_tsquery('english', ?) AS query
         WHERE a.tsv @@ query AND a.is_current = 1${where} ORDER BY ts_rank(a.tsv, query) DESC, a.id LIMIT ?`,
        [terms.join(' | '), ...params, limit],
      ),
    snippets: snippetsPg,
    indexedBy: () => '',
    // jsonb_set is strict: a SQL NULL value would null the whole document, so it becomes JSON null.
    jsonSet: (doc, sets) =>
      sets.reduce((inner, [path, value]) => `jsonb_set(${inner}, '{${path.join(',')}}', coalesce(to_jsonb(${value}::text), 'null'::jsonb))`, doc),
    jsonIsObject: (doc, key) => `jsonb_typeof(${doc} -> '${key}') = 'object'`,
    jsonRows: (columns) => `(SELECT ${columns.map((c, i) => `e ->> ${i} AS ${c}`).join(', ')} FROM jsonb_array_elements(?::jsonb) AS e)`,
    // After a bulk load: planner statistics (search sizes its slices from them), and the GIN indexes'
    // pending lists merged into the indexes (every search otherwise scans up to 4 MB of unsorted entries).
    optimize: async (q) => {
      await q.run('ANALYZE');
      for (const index of ['articles_tsv', 'quotes_tsv', 'claims_tsv']) await q.all(`SELECT gin_clean_pending_list('${index}'::regclass)`);
    },
    sizeBytes: async (q) => {
      const [r] = await q.all<{ n: string }>('SELECT pg_database_size(current_database()) AS n');
      return Number(r?.n ?? 0);
    },
  };
  return new SqlStore(executor, dialect);
}
