// The store's logic, written once over the Executor surface. The backends (sqlite-store.ts, pg-store.ts)
// supply the connection, migrations, full-text search and size; everything else is shared SQL that both
// SQLite 3.35+ and PostgreSQL accept (ON CONFLICT ... excluded, row values, UPDATE ... FROM).
import { z } from 'zod';
import {
  Article,
  ArticleListQuery,
  Bundle,
  Claim,
  ClaimGroup,
  Entity,
  Id,
  Outlet,
  Quote,
  SCHEMA_VERSION,
  SearchQuery,
  Statement,
  Story,
  type SearchHit,
} from '@parallax/schema';
import { decodeCursor, encodeCursor } from './cursor.js';
import { chunks, marks, type Executor, type Queryer, type SqlValue } from './executor.js';
import { searchTerms } from './search-terms.js';
import { articleColumns, articleRow, claimColumns, isPrepared, prepareRecords, quoteColumns, type PreparedRecords } from './rows.js';
import type { Migration } from './migrations.js';
import type {
  ArticleRecords,
  ArticleVersion,
  BatchSaveStatus,
  BundleRecord,
  ClaimAssignment,
  ClaimFilter,
  ClaimGroupFilter,
  LinkRecords,
  LinkScope,
  Page,
  PageQuery,
  QuoteAssignment,
  QuoteFilter,
  RelatedQuery,
  SaveStatus,
  StatementFilter,
  Store,
  StoreStats,
} from './store.js';

const inChunk = 500;
const exportPage = 1000;

type Row = Record<string, unknown>;

/** A JSON document column: text in SQLite, already parsed jsonb in PostgreSQL. */
function doc<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

const str = (v: unknown): string => String(v);
const num = (v: unknown): number => Number(v);

function articleFromRow(row: Row): Article {
  const d = doc<Omit<Article, 'body' | 'storyId'>>(row.doc);
  return { ...d, body: str(row.body), storyId: (row.story_id as string | null) ?? null };
}

// Quote and claim documents leave out text and clusterId: the columns hold them (text once, for search).
function quoteFromRow(row: Row): Quote {
  return { ...doc<Omit<Quote, 'text' | 'clusterId'>>(row.doc), text: str(row.text), clusterId: (row.cluster_id as string | null) ?? null };
}

function claimFromRow(row: Row): Claim {
  return { ...doc<Omit<Claim, 'text' | 'clusterId'>>(row.doc), text: str(row.text), clusterId: (row.cluster_id as string | null) ?? null };
}

// Map.groupBy needs Node 21.
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** Merge two versions of one entity: the fullest name wins, the rest is unioned. */
export function mergeEntity(old: Entity, next: Entity): Entity {
  const name = next.name.length > old.name.length ? next.name : old.name;
  const aliases = union(old.aliases, next.aliases).concat([old.name, next.name]).filter((a) => a !== name);
  return {
    id: old.id,
    kind: old.kind === 'unknown' ? next.kind : old.kind,
    name,
    aliases: [...new Set(aliases)],
    roles: union(old.roles, next.roles),
    articleIds: union(old.articleIds, next.articleIds),
  };
}

/** One record per id, the last one given (a multi-row upsert must not touch one row twice). */
function lastById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((x) => [x.id, x])).values()];
}

// saveLinks' assignments, checked before anything is written.
const QuoteAssignmentInput = z.object({
  id: Id,
  clusterId: Id.nullable(),
  speakerEntityId: Id.nullable().optional(),
  speakerName: z.string().min(1).nullable().optional(),
  viaEntityId: Id.nullable().optional(),
  viaName: z.string().min(1).nullable().optional(),
});
const ClaimAssignmentInput = z.object({
  id: Id,
  clusterId: Id.nullable(),
  attributionEntityId: Id.nullable().optional(),
  attributionName: z.string().min(1).nullable().optional(),
});

/** One settable reference inside a quote or claim document, and the indexed column that mirrors it. */
interface RefField<A> {
  key: keyof A & string;
  object: string;
  field: 'entityId' | 'name';
  column?: string;
}

const quoteRefs: Array<RefField<QuoteAssignment>> = [
  { key: 'speakerEntityId', object: 'speaker', field: 'entityId', column: 'speaker_id' },
  { key: 'speakerName', object: 'speaker', field: 'name' },
  { key: 'viaEntityId', object: 'via', field: 'entityId' },
  { key: 'viaName', object: 'via', field: 'name' },
];
const claimRefs: Array<RefField<ClaimAssignment>> = [
  { key: 'attributionEntityId', object: 'attribution', field: 'entityId' },
  { key: 'attributionName', object: 'attribution', field: 'name' },
];

function pageLimit(limit: number | undefined, fallback = 50): number {
  const n = limit ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new RangeError(`limit must be an integer from 1 to 1000, got ${n}`);
  return n;
}

function pageOf<T>(rows: Row[], limit: number, map: (r: Row) => T, key: (r: Row) => Array<string | number>): Page<T> {
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(map), nextCursor: more && last ? encodeCursor(key(last)) : null };
}

interface ArticleState {
  id: string;
  lineage: string;
  version: number;
  isCurrent: boolean;
  contentHash: string;
  sourcePath: string | null;
  sourceUrl: string | null;
}

function stateFromRow(r: Row): ArticleState {
  return {
    id: str(r.id),
    lineage: str(r.lineage),
    version: num(r.version),
    isCurrent: num(r.is_current) === 1,
    contentHash: str(r.content_hash),
    sourcePath: (r.source_path as string | null) ?? null,
    sourceUrl: (r.source_url as string | null) ?? null,
  };
}

/**
 * Ranking every match of a very common word costs a bm25 or ts_rank per match (160 ms for "people" in
 * 36,000 of 100,000 articles). Both backends rank at most this many matches of one kind, the most recently
 * stored ones after the filters: exact below it, the best of the newest above it. At 100,000 articles the
 * bench's 200 queries on PostgreSQL gave p95 61-70 ms with 3,000, 47 ms with 1,500 and 38-40 ms with 1,000
 * (before hits named their articles, which costs a few ms more); SQLite 28.6 ms with 3,000.
 */
export const searchWindow = 1000;
/**
 * With an outlet or date filter, matches that fail it are walked too (12 for every one kept, for one outlet
 * in twelve), so the window shrinks to keep the walk short.
 */
export const filteredSearchWindow = 600;

/** How many of the newest matches a search ranks, given its filters. */
export function windowFor(f: Pick<SearchFilters, 'outlet' | 'from' | 'to' | 'story' | 'speaker'>): number {
  if (f.story || f.speaker) return searchWindow; // selective: the planner starts from the filter
  return f.outlet || f.from || f.to ? filteredSearchWindow : searchWindow;
}

export interface SearchFilters {
  terms: string[];
  type: SearchQuery['type'];
  story: string | undefined;
  outlet: string | undefined;
  speaker: string | undefined;
  from: string | undefined;
  to: string | undefined;
  limit: number;
}

/** A hit as a backend's full-text search ranks it, before the store adds what it shows of the article. */
export type RankedHit = Omit<SearchHit, 'headline' | 'outletName' | 'source' | 'clusterId'>;

/** What each backend supplies. */
export interface Dialect {
  kind: 'sqlite' | 'postgres';
  /** The SQLite file (null for PostgreSQL and ':memory:'). */
  file: string | null;
  migrations: Migration[];
  /** Serialise concurrent migrate() calls from several processes (inside the migration transaction). */
  lockMigrations(q: Queryer): Promise<void>;
  /** Serialise writers across connections and processes (inside each write transaction). */
  lockWrites(q: Queryer): Promise<void>;
  /**
   * Current articles matching any of the terms (letters and digits only), best ranked first, at most
   * `limit`; `where` and `params` add the date filter.
   */
  related(q: Queryer, terms: readonly string[], where: string, params: SqlValue[], limit: number): Promise<Array<{ id: string; story_id: string | null }>>;
  /** Ranked hits of one record type, best first, at most filters.limit. */
  search(q: Queryer, type: SearchHit['type'], filters: SearchFilters): Promise<RankedHit[]>;
  /**
   * Fill in the snippets of the hits the store keeps, when search() leaves them out (it is cheaper to
   * highlight the final hits than every type's candidates).
   */
  snippets?(q: Queryer, hits: RankedHit[], terms: string[]): Promise<RankedHit[]>;
  sizeBytes(q: Queryer): Promise<number>;
  /** Index rows inserted after seq in one statement, when the backend does not index on insert. */
  indexNew?(q: Queryer, table: 'articles' | 'quotes' | 'claims', afterSeq: number): Promise<void>;
  /**
   * SQL for a JSON document with string (or null) values set at paths, e.g. [['speaker', 'entityId'], 'v.c0'].
   * A path whose parent is not an object (a null speaker) leaves the document as it is.
   */
  jsonSet(doc: string, sets: ReadonlyArray<readonly [path: readonly string[], value: string]>): string;
  /** SQL that is true when a document's top-level key holds an object. */
  jsonIsObject(doc: string, key: string): string;
  /**
   * A subquery of rows with the given (text) columns, read from one parameter: a JSON array of arrays.
   * One parameter however many rows, and one short statement to parse and plan.
   */
  jsonRows(columns: readonly string[]): string;
  /**
   * A hint naming the index a query must use, where the planner can pick wrong: SQLite without statistics
   * (a fresh store, before optimize() has run ANALYZE) took `is_current = 1` for selective and walked every
   * current article for each batch's source look-up (183 ms a batch at 100,000 articles, against 3 ms by
   * the source index). PostgreSQL keeps its own statistics and has no such hint: ''.
   */
  indexedBy(index: string): string;
  /** Refresh planner statistics and compact indexes after a bulk load (inside a transaction). */
  optimize(q: Queryer): Promise<void>;
  /** Then, outside any transaction: give space back (SQLite truncates its WAL). */
  compact?(): Promise<void>;
}

function updateAll(columns: readonly string[]): string {
  return `ON CONFLICT (id) DO UPDATE SET ${columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ')}`;
}

export class SqlStore implements Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly sqliteFile: string | null;

  constructor(
    protected readonly db: Executor,
    protected readonly dialect: Dialect,
  ) {
    this.kind = dialect.kind;
    this.sqliteFile = dialect.file;
  }

  // ---- migrations ----

  async migrate(): Promise<number[]> {
    const applied: number[] = [];
    for (const m of this.dialect.migrations) {
      const done = await this.db.tx(async (q) => {
        await this.dialect.lockMigrations(q);
        await q.run('CREATE TABLE IF NOT EXISTS parallax_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
        const rows = await q.all('SELECT version FROM parallax_migrations WHERE version = ?', [m.version]);
        if (rows.length > 0) return false;
        for (const sql of m.statements) await q.run(sql);
        await q.run('INSERT INTO parallax_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
        return true;
      });
      if (done) applied.push(m.version);
    }
    return applied;
  }

  // ---- writes ----

  async saveArticle(records: ArticleRecords, options: { input?: string } = {}): Promise<SaveStatus> {
    const [status] = await this.db.tx(async (q) => {
      await this.dialect.lockWrites(q);
      const statuses = await this.saveIn(q, [records]);
      if (options.input !== undefined) await this.markDoneIn(q, options.input);
      return statuses;
    });
    // One item cannot duplicate an earlier one.
    return status as SaveStatus;
  }

  async saveMany(items: readonly (ArticleRecords | PreparedRecords)[], options: { inputs?: readonly string[] } = {}): Promise<BatchSaveStatus[]> {
    const inputs = options.inputs ?? [];
    if (items.length === 0 && inputs.length === 0) return [];
    return this.db.tx(async (q) => {
      await this.dialect.lockWrites(q);
      const statuses = items.length ? await this.saveIn(q, items) : [];
      // The journal entries of the batch's inputs are done in the same transaction as its articles.
      await this.markDoneManyIn(q, inputs);
      return statuses;
    });
  }

  /** Save a batch inside an open transaction: batched look-ups, then batched inserts. */
  private async saveIn(q: Queryer, input: readonly (ArticleRecords | PreparedRecords)[]): Promise<BatchSaveStatus[]> {
    const items = input.map((r) => (isPrepared(r) ? r : prepareRecords(r)));
    const now = new Date().toISOString();
    const stateCols = 'id, lineage, version, is_current, content_hash, source_path, source_url';

    // What is stored under these ids and sources: three batched queries, whatever the batch size.
    const byId = new Map<string, ArticleState>();
    for (const ids of chunks([...new Set(items.map((i) => i.article.id))], inChunk)) {
      for (const r of await q.all(`SELECT ${stateCols} FROM articles WHERE id IN (${marks(ids.length)})`, ids)) byId.set(str(r.id), stateFromRow(r));
    }
    const currentByPath = new Map<string, ArticleState>();
    const currentByUrl = new Map<string, ArticleState>();
    const paths = [...new Set(items.map((i) => i.article.sourcePath).filter((p): p is string => p !== null))];
    const urls = [...new Set(items.map((i) => i.article.sourceUrl).filter((p): p is string => p !== null))];
    for (const part of chunks(paths, inChunk)) {
      for (const r of await q.all(`SELECT ${stateCols} FROM articles${this.dialect.indexedBy('articles_source_path')} WHERE is_current = 1 AND source_path IN (${marks(part.length)})`, part)) {
        currentByPath.set(str(r.source_path), stateFromRow(r));
      }
    }
    for (const part of chunks(urls, inChunk)) {
      for (const r of await q.all(`SELECT ${stateCols} FROM articles${this.dialect.indexedBy('articles_source_url')} WHERE is_current = 1 AND source_url IN (${marks(part.length)})`, part)) {
        currentByUrl.set(str(r.source_url), stateFromRow(r));
      }
    }
    const lineages = [...new Set([...byId.values(), ...currentByPath.values(), ...currentByUrl.values()].map((s) => s.lineage))];
    const maxVersion = new Map<string, number>();
    for (const part of chunks(lineages, inChunk)) {
      for (const r of await q.all(`SELECT lineage, MAX(version) AS v FROM articles WHERE lineage IN (${marks(part.length)}) GROUP BY lineage`, part)) {
        maxVersion.set(str(r.lineage), num(r.v));
      }
    }

    const statuses: BatchSaveStatus[] = [];
    const newArticles: SqlValue[][] = [];
    // Rows of this batch not inserted yet, by lineage: a later item of the batch may demote them.
    const pendingByLineage = new Map<string, SqlValue[][]>();
    const inBatch = new Set<string>();
    const replacedIds: string[] = [];
    // By id: one row per id in a batch, the last one given (a producer may repeat a record).
    const quotes = new Map<string, SqlValue[]>();
    const claims = new Map<string, SqlValue[]>();
    const outlets = new Map<string, Outlet>();
    const entities = new Map<string, Entity>();
    const remember = (s: ArticleState) => {
      byId.set(s.id, s);
      if (s.sourcePath !== null) currentByPath.set(s.sourcePath, s);
      if (s.sourceUrl !== null) currentByUrl.set(s.sourceUrl, s);
      maxVersion.set(s.lineage, Math.max(maxVersion.get(s.lineage) ?? 0, s.version));
    };
    const demote = async (s: ArticleState) => {
      await q.run('UPDATE articles SET is_current = 0 WHERE lineage = ? AND is_current = 1', [s.lineage]);
      for (const row of pendingByLineage.get(s.lineage) ?? []) row[3] = 0; // is_current
      for (const m of [currentByPath, currentByUrl]) for (const [k, v] of m) if (v.lineage === s.lineage) m.delete(k);
      for (const v of byId.values()) if (v.lineage === s.lineage) v.isCurrent = false;
    };

    for (const item of items) {
      const a = item.article;
      // The same clean article through a second input: storing it twice would upsert its quotes and claims
      // onto rows of this very batch (a second version of one row in one statement).
      if (inBatch.has(a.id)) {
        statuses.push('duplicate');
        continue;
      }
      inBatch.add(a.id);
      const existing = byId.get(a.id);
      let status: SaveStatus;
      if (existing && existing.contentHash === a.contentHash) {
        if (existing.isCurrent) {
          statuses.push('unchanged');
          continue;
        }
        // An older version came back: it becomes the current one again.
        await demote(existing);
        await q.run('UPDATE articles SET is_current = 1 WHERE id = ?', [a.id]);
        remember({ ...existing, isCurrent: true });
        statuses.push('updated');
        continue;
      }
      if (existing) {
        // Same clean text (same id) from a changed source: replace this version's records in place.
        const version = (maxVersion.get(existing.lineage) ?? existing.version) + 1;
        await demote(existing);
        const row = articleRow(a, item.articleDoc, existing.lineage, version, now);
        await q.run(
          `UPDATE articles SET ${articleColumns.slice(1).map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
          [...row.slice(1), a.id],
        );
        replacedIds.push(a.id);
        remember({ id: a.id, lineage: existing.lineage, version, isCurrent: true, contentHash: a.contentHash, sourcePath: a.sourcePath, sourceUrl: a.sourceUrl });
        status = 'updated';
      } else {
        const previous = (a.sourceUrl !== null ? currentByUrl.get(a.sourceUrl) : undefined) ?? (a.sourcePath !== null ? currentByPath.get(a.sourcePath) : undefined);
        const lineage = previous?.lineage ?? a.id;
        const version = previous ? (maxVersion.get(previous.lineage) ?? previous.version) + 1 : 1;
        if (previous) await demote(previous);
        const row = articleRow(a, item.articleDoc, lineage, version, now);
        newArticles.push(row);
        const pending = pendingByLineage.get(lineage);
        if (pending) pending.push(row);
        else pendingByLineage.set(lineage, [row]);
        remember({ id: a.id, lineage, version, isCurrent: true, contentHash: a.contentHash, sourcePath: a.sourcePath, sourceUrl: a.sourceUrl });
        status = previous ? 'updated' : 'added';
      }
      statuses.push(status);
      for (const row of item.quoteRows) quotes.set(row[0] as string, row);
      for (const row of item.claimRows) claims.set(row[0] as string, row);
      if (item.outlet) outlets.set(item.outlet.id, { ...item.outlet, domain: item.outlet.domain ?? outlets.get(item.outlet.id)?.domain ?? null });
      for (const e of item.entities) {
        const seen = entities.get(e.id);
        entities.set(e.id, seen ? mergeEntity(seen, e) : e);
      }
    }

    for (const ids of chunks(replacedIds, inChunk)) {
      await q.run(`DELETE FROM quotes WHERE article_id IN (${marks(ids.length)})`, ids);
      await q.run(`DELETE FROM claims WHERE article_id IN (${marks(ids.length)})`, ids);
    }
    // Full-text index on SQLite: rows new to the table get seqs above the current maximum and are indexed
    // in one statement afterwards (indexNew). A quote or claim whose id is already stored (a record moved
    // between articles) is upserted in place, keeping its seq: the update trigger swaps its index entry,
    // which is right because every stored row is indexed and no id occurs twice in a batch (the maps above
    // and the duplicate check). PostgreSQL's generated tsvector columns follow any insert or update.
    const inserts: Array<['articles' | 'quotes' | 'claims', readonly string[], SqlValue[][], string]> = [
      ['articles', articleColumns, newArticles, ''],
      ['quotes', quoteColumns, [...quotes.values()], updateAll(quoteColumns)],
      ['claims', claimColumns, [...claims.values()], updateAll(claimColumns)],
    ];
    for (const [table, columns, rows, tail] of inserts) {
      if (rows.length === 0) continue;
      const indexNew = this.dialect.indexNew;
      const [last] = indexNew ? await q.all(`SELECT MAX(seq) AS seq FROM ${table}`) : [];
      await q.insertMany(table, columns, rows, tail);
      if (indexNew) await indexNew(q, table, num(last?.seq ?? 0));
    }
    await this.mergeOutlets(q, [...outlets.values()]);
    await this.mergeEntities(q, [...entities.values()]);
    return statuses;
  }

  private async mergeOutlets(q: Queryer, given: Outlet[]): Promise<void> {
    if (given.length === 0) return;
    const outlets = lastById(given);
    const stored = new Map<string, Outlet>();
    for (const ids of chunks(outlets.map((o) => o.id), inChunk)) {
      for (const r of await q.all(`SELECT doc FROM outlets WHERE id IN (${marks(ids.length)})`, ids)) {
        const o = doc<Outlet>(r.doc);
        stored.set(o.id, o);
      }
    }
    const rows = outlets.map((o) => {
      const merged = { ...o, domain: o.domain ?? stored.get(o.id)?.domain ?? null };
      return [merged.id, merged.name, JSON.stringify(merged)];
    });
    await q.insertMany('outlets', ['id', 'name', 'doc'], rows, updateAll(['id', 'name', 'doc']));
  }

  private async mergeEntities(q: Queryer, given: Entity[]): Promise<void> {
    if (given.length === 0) return;
    const byId = new Map<string, Entity>();
    for (const e of given) {
      const seen = byId.get(e.id);
      byId.set(e.id, seen ? mergeEntity(seen, e) : e);
    }
    const entities = [...byId.values()];
    const stored = new Map<string, Entity>();
    for (const ids of chunks(entities.map((e) => e.id), inChunk)) {
      for (const r of await q.all(`SELECT doc FROM entities WHERE id IN (${marks(ids.length)})`, ids)) {
        const e = doc<Entity>(r.doc);
        stored.set(e.id, e);
      }
    }
    const rows = entities.map((e) => {
      const old = stored.get(e.id);
      const merged = old ? mergeEntity(old, e) : e;
      return [merged.id, merged.name, merged.kind, JSON.stringify(merged)];
    });
    await q.insertMany('entities', ['id', 'name', 'kind', 'doc'], rows, updateAll(['id', 'name', 'kind', 'doc']));
  }

  async saveLinks(scope: LinkScope, links: LinkRecords): Promise<void> {
    const stories = lastById(links.stories.map((s) => Story.parse(s)));
    const statements = lastById(links.statements.map((s) => Statement.parse(s)));
    const claimGroups = lastById(links.claimGroups.map((g) => ClaimGroup.parse(g)));
    const entities = (links.entities ?? []).map((e) => Entity.parse(e));
    const replaceEntities = lastById((links.replaceEntities ?? []).map((e) => Entity.parse(e)));
    const removedEntityIds = [...new Set((links.removedEntityIds ?? []).map((id) => Id.parse(id)))];
    for (const a of links.clusters?.quotes ?? []) QuoteAssignmentInput.parse(a);
    for (const a of links.clusters?.claims ?? []) ClaimAssignmentInput.parse(a);
    await this.db.tx(async (q) => {
      await this.dialect.lockWrites(q);
      // 1. Drop the stories in scope and what hangs off them; remember their articles.
      const affected = new Set<string>(stories.flatMap((s) => s.articleIds));
      if (scope === 'all') {
        await q.run('UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL');
        await q.run('UPDATE quotes SET cluster_id = NULL WHERE cluster_id IS NOT NULL');
        await q.run('UPDATE claims SET cluster_id = NULL WHERE cluster_id IS NOT NULL');
        for (const t of ['stories', 'statements', 'claim_groups']) await q.run(`DELETE FROM ${t}`);
      } else {
        const drop = [...new Set([...scope, ...stories.map((s) => s.id)])];
        for (const ids of chunks(drop, inChunk)) {
          const m = marks(ids.length);
          for (const r of await q.all(`SELECT id FROM articles WHERE story_id IN (${m})`, ids)) affected.add(str(r.id));
          await q.run(`UPDATE articles SET story_id = NULL WHERE story_id IN (${m})`, ids);
          await q.run(`DELETE FROM statements WHERE story_id IN (${m})`, ids);
          await q.run(`DELETE FROM claim_groups WHERE story_id IN (${m})`, ids);
          await q.run(`DELETE FROM stories WHERE id IN (${m})`, ids);
        }
        for (const ids of chunks([...affected], inChunk)) {
          await q.run(`UPDATE quotes SET cluster_id = NULL WHERE article_id IN (${marks(ids.length)})`, ids);
          await q.run(`UPDATE claims SET cluster_id = NULL WHERE article_id IN (${marks(ids.length)})`, ids);
        }
      }
      // 2. Write the new stories and point their articles at them.
      const storyOf = new Map<string, string>();
      for (const s of stories) for (const a of s.articleIds) storyOf.set(a, s.id);
      await q.insertMany('stories', ['id', 'first_date', 'doc'], stories.map((s) => [s.id, s.firstDate, JSON.stringify(s)]), updateAll(['id', 'first_date', 'doc']));
      await this.assign(q, 'articles', 'story_id', [...storyOf].map(([id, storyId]) => ({ id, value: storyId })));
      // 3. Statements and claim groups belong to the story of their first article.
      await q.insertMany(
        'statements',
        ['id', 'story_id', 'speaker_id', 'doc'],
        statements.map((s) => [s.id, storyOf.get(s.articleIds[0] as string) ?? null, s.speakerEntityId, JSON.stringify(s)]),
        updateAll(['id', 'story_id', 'speaker_id', 'doc']),
      );
      await q.insertMany(
        'claim_groups',
        ['id', 'story_id', 'status', 'doc'],
        claimGroups.map((g) => [g.id, storyOf.get(g.articleIds[0] as string) ?? null, g.status, JSON.stringify(g)]),
        updateAll(['id', 'story_id', 'status', 'doc']),
      );
      // 4. Cluster ids of quotes and claims.
      const quoteClusters = links.clusters?.quotes ?? statements.flatMap((s) => s.quoteIds.map((id) => ({ id, clusterId: s.id })));
      const claimClusters = links.clusters?.claims ?? claimGroups.flatMap((g) => g.claimIds.map((id) => ({ id, clusterId: g.id })));
      // An id listed twice gets its last assignment (an UPDATE ... FROM would pick either).
      await this.assign(q, 'quotes', 'cluster_id', lastById(quoteClusters).map((c) => ({ id: c.id, value: c.clusterId })));
      await this.assign(q, 'claims', 'cluster_id', lastById(claimClusters).map((c) => ({ id: c.id, value: c.clusterId })));
      // 5. The linker's canonical entities for speakers, relays and attributions: documents and columns.
      await this.assignRefs(q, 'quotes', quoteRefs, links.clusters?.quotes ?? []);
      await this.assignRefs(q, 'claims', claimRefs, links.clusters?.claims ?? []);
      // 6. Entities: merged-away ones deleted, then merged, then replaced as given.
      for (const ids of chunks(removedEntityIds, inChunk)) await q.run(`DELETE FROM entities WHERE id IN (${marks(ids.length)})`, ids);
      await this.mergeEntities(q, entities);
      await q.insertMany(
        'entities',
        ['id', 'name', 'kind', 'doc'],
        replaceEntities.map((e) => [e.id, e.name, e.kind, JSON.stringify(e)]),
        updateAll(['id', 'name', 'kind', 'doc']),
      );
    });
  }

  /** Set one column of many rows by id with a few UPDATE ... FROM statements (no statement per row). */
  private async assign(q: Queryer, table: string, column: string, values: Array<{ id: string; value: string | null }>): Promise<void> {
    await this.updateRows(q, table, [`${column} = v.c0`], values.map((v) => ({ id: v.id, values: [v.value] })));
  }

  /**
   * Update many rows by id, thousands per UPDATE ... FROM with the values passed as one JSON parameter.
   * (A UNION ALL of 400 parameter rows per statement cost PostgreSQL 4 to 6 times as much: 2.1 to 3.0 s
   * against 0.5 s for the cluster ids of 20,800 quotes and claims.) Each row's values are v.c0, v.c1, ...
   * in `sets`, which read the row's old values (SQL evaluates every SET against the row before the update).
   */
  private async updateRows(q: Queryer, table: string, sets: readonly string[], rows: ReadonlyArray<{ id: string; values: readonly SqlValue[] }>): Promise<void> {
    if (rows.length === 0) return;
    const width = rows[0]?.values.length ?? 0;
    const source = this.dialect.jsonRows(['rid', ...Array.from({ length: width }, (_, i) => `c${i}`)]);
    for (const part of chunks(rows, 5000)) {
      await q.run(`UPDATE ${table} SET ${sets.join(', ')} FROM ${source} AS v WHERE ${table}.id = v.rid`, [
        JSON.stringify(part.map((p) => [p.id, ...p.values.map((x) => (x === null ? null : String(x)))])),
      ]);
    }
  }

  /**
   * Set entity references inside quote or claim documents (and the columns that mirror them). Assignments
   * are grouped by which fields they carry, so a group is one batched statement and an absent field is
   * left alone; a reference that is null in the document stays null.
   */
  private async assignRefs<A extends { id: string }>(q: Queryer, table: 'quotes' | 'claims', refs: ReadonlyArray<RefField<A>>, assignments: readonly A[]): Promise<void> {
    // A name is never null: a null name, like an absent field, means no change.
    const given = (a: A, r: RefField<A>) => a[r.key] !== undefined && !(r.field === 'name' && a[r.key] === null);
    const groups = groupBy(lastById(assignments), (a) => refs.map((r) => (given(a, r) ? '1' : '0')).join(''));
    for (const [signature, rows] of groups) {
      const present = refs.filter((_, i) => signature[i] === '1');
      if (present.length === 0) continue;
      const value = (i: number) => `v.c${i}`;
      const sets = [`doc = ${this.dialect.jsonSet('doc', present.map((r, i) => [[r.object, r.field], value(i)] as const))}`];
      present.forEach((r, i) => {
        if (r.column) sets.push(`${r.column} = CASE WHEN ${this.dialect.jsonIsObject('doc', r.object)} THEN ${value(i)} ELSE ${r.column} END`);
      });
      await this.updateRows(q, table, sets, rows.map((a) => ({ id: a.id, values: present.map((r) => a[r.key] as SqlValue) })));
    }
  }

  async deleteArticle(id: string): Promise<boolean> {
    return this.db.tx(async (q) => {
      await this.dialect.lockWrites(q);
      const rows = await q.all('SELECT lineage, is_current FROM articles WHERE id = ?', [id]);
      const row = rows[0];
      if (!row) return false;
      await q.run('DELETE FROM quotes WHERE article_id = ?', [id]);
      await q.run('DELETE FROM claims WHERE article_id = ?', [id]);
      await q.run('DELETE FROM articles WHERE id = ?', [id]);
      if (num(row.is_current) === 1) {
        // The latest remaining version of the same source becomes the current one.
        await q.run(
          'UPDATE articles SET is_current = 1 WHERE id = (SELECT id FROM articles WHERE lineage = ? ORDER BY version DESC LIMIT 1)',
          [str(row.lineage)],
        );
      }
      // Drop the article from the entities and stories that list it (a LIKE narrows, the JSON decides).
      const pattern = `%"${id}"%`;
      const entities = (await q.all(`SELECT doc FROM entities WHERE ${this.docText()} LIKE ?`, [pattern])).map((r) => doc<Entity>(r.doc));
      for (const e of entities.filter((x) => x.articleIds.includes(id))) {
        const next = { ...e, articleIds: e.articleIds.filter((a) => a !== id) };
        await q.run('UPDATE entities SET doc = ? WHERE id = ?', [JSON.stringify(next), e.id]);
      }
      const stories = (await q.all(`SELECT doc FROM stories WHERE ${this.docText()} LIKE ?`, [pattern])).map((r) => doc<Story>(r.doc));
      for (const s of stories.filter((x) => x.articleIds.includes(id))) {
        const articleIds = s.articleIds.filter((a) => a !== id);
        if (articleIds.length === 0) {
          // A story with no article left takes its statements and claim groups with it.
          for (const t of ['statements', 'claim_groups']) await q.run(`DELETE FROM ${t} WHERE story_id = ?`, [s.id]);
          await q.run('DELETE FROM stories WHERE id = ?', [s.id]);
        } else await q.run('UPDATE stories SET doc = ? WHERE id = ?', [JSON.stringify({ ...s, articleIds }), s.id]);
      }
      return true;
    });
  }

  private docText(): string {
    return this.kind === 'postgres' ? 'doc::text' : 'doc';
  }

  // ---- reads ----

  async getArticle(id: string): Promise<Article | null> {
    const [row] = await this.db.all('SELECT id, body, story_id, doc FROM articles WHERE id = ?', [id]);
    return row ? articleFromRow(row) : null;
  }

  async getArticles(ids: readonly string[]): Promise<Article[]> {
    const found = new Map<string, Article>();
    for (const part of chunks([...new Set(ids)], inChunk)) {
      for (const r of await this.db.all(`SELECT id, body, story_id, doc FROM articles WHERE id IN (${marks(part.length)})`, part)) found.set(str(r.id), articleFromRow(r));
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  async getOutlet(id: string): Promise<Outlet | null> {
    const [row] = await this.db.all('SELECT doc FROM outlets WHERE id = ?', [id]);
    return row ? doc<Outlet>(row.doc) : null;
  }

  async listOutlets(): Promise<Outlet[]> {
    return (await this.db.all('SELECT doc FROM outlets ORDER BY name, id')).map((r) => doc<Outlet>(r.doc));
  }

  async listArticles(query: Partial<ArticleListQuery>): Promise<Page<Article>> {
    const parsed = ArticleListQuery.parse(query);
    const limit = parsed.limit;
    const desc = parsed.sort === '-published';
    const key = parsed.sort === 'headline' ? 'headline_sort' : 'published_sort';
    const where = ['is_current = 1'];
    const params: SqlValue[] = [];
    if (parsed.story) (where.push('story_id = ?'), params.push(parsed.story));
    if (parsed.outlet) (where.push('outlet_id = ?'), params.push(parsed.outlet));
    if (parsed.from) (where.push('published_date >= ?'), params.push(parsed.from));
    if (parsed.to) (where.push('published_date <= ?'), params.push(parsed.to));
    if (parsed.cursor) {
      const [k, id] = decodeCursor(parsed.cursor, ['string', 'string']) as [string, string];
      where.push(`(${key}, id) ${desc ? '<' : '>'} (?, ?)`);
      params.push(k, id);
    }
    const dir = desc ? 'DESC' : 'ASC';
    const rows = await this.db.all(
      `SELECT id, body, story_id, doc, ${key} AS k FROM articles WHERE ${where.join(' AND ')} ORDER BY ${key} ${dir}, id ${dir} LIMIT ?`,
      [...params, limit + 1],
    );
    return pageOf(rows, limit, articleFromRow, (r) => [str(r.k), str(r.id)]);
  }

  async listVersions(articleIdOrSource: string): Promise<ArticleVersion[]> {
    const [found] = await this.db.all(
      'SELECT lineage FROM articles WHERE id = ? OR source_path = ? OR source_url = ? ORDER BY is_current DESC, version DESC LIMIT 1',
      [articleIdOrSource, articleIdOrSource, articleIdOrSource],
    );
    if (!found) return [];
    const rows = await this.db.all(
      'SELECT id, version, content_hash, is_current, source_path, source_url, saved_at FROM articles WHERE lineage = ? ORDER BY version',
      [str(found.lineage)],
    );
    return rows.map((r) => ({
      articleId: str(r.id),
      version: num(r.version),
      contentHash: str(r.content_hash),
      current: num(r.is_current) === 1,
      sourcePath: (r.source_path as string | null) ?? null,
      sourceUrl: (r.source_url as string | null) ?? null,
      savedAt: str(r.saved_at),
    }));
  }

  /** Quotes and claims share their paging: body order within an article, articles by id. */
  private async spanRecords(table: 'quotes' | 'claims', filter: Omit<QuoteFilter, 'kind'> & { kind?: string | undefined }): Promise<Page<Row>> {
    const limit = pageLimit(filter.limit);
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (filter.articleId) (where.push('r.article_id = ?'), params.push(filter.articleId));
    else where.push('a.is_current = 1');
    if (filter.speaker) (where.push('r.speaker_id = ?'), params.push(filter.speaker));
    if (filter.story) (where.push('a.story_id = ?'), params.push(filter.story));
    if (filter.outlet) (where.push('a.outlet_id = ?'), params.push(filter.outlet));
    if (filter.kind) (where.push('r.kind = ?'), params.push(filter.kind));
    if (filter.clusterId) (where.push('r.cluster_id = ?'), params.push(filter.clusterId));
    if (filter.cursor) {
      const [articleId, start, id] = decodeCursor(filter.cursor, ['string', 'number', 'string']);
      where.push('(r.article_id, r.span_start, r.id) > (?, ?, ?)');
      params.push(articleId as string, start as number, id as string);
    }
    const rows = await this.db.all(
      `SELECT r.id, r.article_id, r.span_start, r.cluster_id, r.text, r.doc FROM ${table} r JOIN articles a ON a.id = r.article_id
       WHERE ${where.join(' AND ')} ORDER BY r.article_id, r.span_start, r.id LIMIT ?`,
      [...params, limit + 1],
    );
    return pageOf(rows, limit, (r) => r, (r) => [str(r.article_id), num(r.span_start), str(r.id)]);
  }

  async getQuotes(filter: QuoteFilter): Promise<Page<Quote>> {
    const page = await this.spanRecords('quotes', filter);
    return { items: page.items.map(quoteFromRow), nextCursor: page.nextCursor };
  }

  async getClaims(filter: ClaimFilter): Promise<Page<Claim>> {
    if ('speaker' in filter) throw new RangeError('claims have no speaker filter');
    const page = await this.spanRecords('claims', filter);
    return { items: page.items.map(claimFromRow), nextCursor: page.nextCursor };
  }

  private async byId<T>(table: string, id: string): Promise<T | null> {
    const [row] = await this.db.all(`SELECT doc FROM ${table} WHERE id = ?`, [id]);
    return row ? doc<T>(row.doc) : null;
  }

  /** A page of documents ordered by id, with optional equality filters on indexed columns. */
  private async docPage<T>(table: string, query: PageQuery, filters: Array<[string, string | undefined]>, order = 'id'): Promise<Page<T>> {
    const limit = pageLimit(query.limit);
    const where: string[] = [];
    const params: SqlValue[] = [];
    for (const [column, value] of filters) if (value !== undefined) (where.push(`${column} = ?`), params.push(value));
    const keyed = order === 'id' ? 'id' : `${order}, id`;
    if (query.cursor) {
      const values = decodeCursor(query.cursor, order === 'id' ? ['string'] : ['string', 'string']) as string[];
      where.push(`(${keyed}) > (${marks(values.length)})`);
      params.push(...values);
    }
    const rows = await this.db.all(
      `SELECT ${keyed}, doc FROM ${table} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${keyed} LIMIT ?`,
      [...params, limit + 1],
    );
    return pageOf(rows, limit, (r) => doc<T>(r.doc), (r) => (order === 'id' ? [str(r.id)] : [str(r[order]), str(r.id)]));
  }

  getStory(id: string): Promise<Story | null> {
    return this.byId<Story>('stories', id);
  }

  listStories(query: PageQuery = {}): Promise<Page<Story>> {
    return this.docPage<Story>('stories', query, []);
  }

  getStatement(id: string): Promise<Statement | null> {
    return this.byId<Statement>('statements', id);
  }

  listStatements(filter: StatementFilter = {}): Promise<Page<Statement>> {
    return this.docPage<Statement>('statements', filter, [['story_id', filter.story], ['speaker_id', filter.speaker]]);
  }

  getClaimGroup(id: string): Promise<ClaimGroup | null> {
    return this.byId<ClaimGroup>('claim_groups', id);
  }

  listClaimGroups(filter: ClaimGroupFilter = {}): Promise<Page<ClaimGroup>> {
    return this.docPage<ClaimGroup>('claim_groups', filter, [['story_id', filter.story], ['status', filter.status]]);
  }

  getEntity(id: string): Promise<Entity | null> {
    return this.byId<Entity>('entities', id);
  }

  async getEntities(ids: readonly string[]): Promise<Entity[]> {
    const found = new Map<string, Entity>();
    for (const part of chunks([...new Set(ids)], inChunk)) {
      for (const r of await this.db.all(`SELECT id, doc FROM entities WHERE id IN (${marks(part.length)})`, part)) found.set(str(r.id), doc<Entity>(r.doc));
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  listEntities(query: PageQuery = {}): Promise<Page<Entity>> {
    return this.docPage<Entity>('entities', query, [], 'name');
  }

  async optimize(): Promise<void> {
    await this.db.tx((q) => this.dialect.optimize(q));
    await this.dialect.compact?.();
  }

  async stats(): Promise<StoreStats> {
    const [row] = await this.db.all(`SELECT
      (SELECT COUNT(*) FROM articles WHERE is_current = 1) AS articles,
      (SELECT COUNT(*) FROM articles) AS versions,
      (SELECT COUNT(*) FROM outlets) AS outlets,
      (SELECT COUNT(*) FROM quotes) AS quotes,
      (SELECT COUNT(*) FROM claims) AS claims,
      (SELECT COUNT(*) FROM entities) AS entities,
      (SELECT COUNT(*) FROM statements) AS statements,
      (SELECT COUNT(*) FROM claim_groups) AS claim_groups,
      (SELECT COUNT(*) FROM stories) AS stories,
      (SELECT COUNT(*) FROM ingest_journal WHERE state = 'pending') AS pending`);
    const r = row as Row;
    return {
      articles: num(r.articles),
      articleVersions: num(r.versions),
      outlets: num(r.outlets),
      quotes: num(r.quotes),
      claims: num(r.claims),
      entities: num(r.entities),
      statements: num(r.statements),
      claimGroups: num(r.claim_groups),
      stories: num(r.stories),
      pendingInputs: num(r.pending),
      bytes: await this.dialect.sizeBytes(this.db),
    };
  }

  // ---- search ----

  async search(query: Partial<SearchQuery> & { q: string }): Promise<SearchHit[]> {
    const parsed = SearchQuery.parse({ ...query, q: query.q.slice(0, 500) || ' ' });
    const terms = searchTerms(parsed.q);
    if (terms.length === 0) return [];
    const filters: SearchFilters = {
      terms,
      type: parsed.type,
      story: parsed.story,
      outlet: parsed.outlet,
      speaker: parsed.speaker,
      from: parsed.from,
      to: parsed.to,
      limit: parsed.limit,
    };
    // A speaker filter only makes sense for quotes.
    const types: Array<SearchHit['type']> = parsed.type ? [parsed.type] : parsed.speaker ? ['quote'] : ['article', 'quote', 'claim'];
    // In parallel on a PostgreSQL pool; SQLite runs them one after the other anyway.
    const perType = await Promise.all(types.filter((t) => t === 'quote' || !parsed.speaker).map((t) => this.dialect.search(this.db, t, filters)));
    const hits = perType.flat();
    hits.sort((a, b) => b.score - a.score || a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
    const kept = hits.slice(0, parsed.limit);
    if (kept.length === 0) return [];
    return this.describeHits(this.dialect.snippets ? await this.dialect.snippets(this.db, kept, terms) : kept);
  }

  /**
   * What a results list shows of each hit's article, and its statement or claim group: three batched
   * reads (a page holds at most 1,000 hits), at once on a PostgreSQL pool.
   */
  private async describeHits(hits: RankedHit[]): Promise<SearchHit[]> {
    const ofType = (type: SearchHit['type']) => hits.filter((h) => h.type === type).map((h) => h.id);
    const read = (sql: string, ids: string[]) => (ids.length ? this.db.all(sql.replace('%s', marks(ids.length)), ids) : Promise.resolve([] as Row[]));
    const [articleRows, quoteRows, claimRows] = await Promise.all([
      read('SELECT a.id, a.headline, a.source_url, a.source_path, o.name AS outlet FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id IN (%s)', [...new Set(hits.map((h) => h.articleId))]),
      read('SELECT id, cluster_id FROM quotes WHERE id IN (%s)', ofType('quote')),
      read('SELECT id, cluster_id FROM claims WHERE id IN (%s)', ofType('claim')),
    ]);
    const articles = new Map(articleRows.map((r) => [str(r.id), r]));
    const clusters = new Map<string, string | null>();
    for (const [type, rows] of [['quote', quoteRows], ['claim', claimRows]] as const) for (const r of rows) clusters.set(`${type} ${str(r.id)}`, (r.cluster_id as string | null) ?? null);
    return hits.map((h) => {
      const a = articles.get(h.articleId);
      return {
        ...h,
        headline: (a?.headline as string | null | undefined) ?? null,
        outletName: (a?.outlet as string | null | undefined) ?? null,
        source: ((a?.source_url ?? a?.source_path) as string | null | undefined) ?? null,
        clusterId: clusters.get(`${h.type} ${h.id}`) ?? null,
      };
    });
  }

  // ---- bundles ----

  async *exportRecords(kinds?: ReadonlyArray<BundleRecord['kind']>): AsyncIterable<BundleRecord> {
    // Quotes and claims are read in seq order, each joined to its article by id. SQLite without planner
    // statistics (a store never optimized) chose to walk every current article and sort their records for
    // each page: 22 s for the 228,812 claims of 20,000 articles, 0.4 s with the order fixed (CROSS JOIN).
    const join = this.dialect.kind === 'sqlite' ? 'CROSS JOIN' : 'JOIN';
    const pages: Array<{ kind: BundleRecord['kind']; sql: string; map: (r: Row) => unknown }> = [
      { kind: 'outlets', sql: 'SELECT id AS k, doc FROM outlets WHERE id > ? ORDER BY id LIMIT ?', map: (r) => doc(r.doc) },
      {
        kind: 'articles',
        sql: 'SELECT seq AS k, id, body, story_id, doc FROM articles WHERE is_current = 1 AND seq > ? ORDER BY seq LIMIT ?',
        map: articleFromRow,
      },
      { kind: 'entities', sql: 'SELECT id AS k, doc FROM entities WHERE id > ? ORDER BY id LIMIT ?', map: (r) => doc(r.doc) },
      {
        kind: 'quotes',
        sql: `SELECT r.seq AS k, r.cluster_id, r.text, r.doc FROM quotes r ${join} articles a ON a.id = r.article_id WHERE a.is_current = 1 AND r.seq > ? ORDER BY r.seq LIMIT ?`,
        map: quoteFromRow,
      },
      {
        kind: 'claims',
        sql: `SELECT r.seq AS k, r.cluster_id, r.text, r.doc FROM claims r ${join} articles a ON a.id = r.article_id WHERE a.is_current = 1 AND r.seq > ? ORDER BY r.seq LIMIT ?`,
        map: claimFromRow,
      },
      { kind: 'statements', sql: 'SELECT id AS k, doc FROM statements WHERE id > ? ORDER BY id LIMIT ?', map: (r) => doc(r.doc) },
      { kind: 'claimGroups', sql: 'SELECT id AS k, doc FROM claim_groups WHERE id > ? ORDER BY id LIMIT ?', map: (r) => doc(r.doc) },
      { kind: 'stories', sql: 'SELECT id AS k, doc FROM stories WHERE id > ? ORDER BY id LIMIT ?', map: (r) => doc(r.doc) },
    ];
    for (const p of pages) {
      if (kinds && !kinds.includes(p.kind)) continue;
      let after: SqlValue = p.sql.includes('seq AS k') ? 0 : '';
      for (;;) {
        const rows: Row[] = await this.db.all(p.sql, [after, exportPage]);
        for (const r of rows) yield { kind: p.kind, record: p.map(r) } as BundleRecord;
        const last: Row | undefined = rows.at(-1);
        if (!last || rows.length < exportPage) break;
        after = typeof after === 'number' ? num(last.k) : str(last.k);
      }
    }
  }

  async exportBundle(scope?: { articleIds: readonly string[] }): Promise<Bundle> {
    const bundle: Bundle = {
      schemaVersion: SCHEMA_VERSION,
      outlets: [], articles: [], entities: [], quotes: [], claims: [], statements: [], claimGroups: [], stories: [], errors: [],
    };
    if (scope) return this.exportScope(bundle, scope.articleIds);
    for await (const { kind, record } of this.exportRecords()) (bundle[kind] as unknown[]).push(record);
    return bundle;
  }

  /** exportBundle's scoped form: the named current articles and what hangs off them. */
  private async exportScope(bundle: Bundle, articleIds: readonly string[]): Promise<Bundle> {
    const ids = [...new Set(articleIds)];
    const storyIds = new Set<string>();
    const entityIds = new Set<string>();
    const outletIds = new Set<string>();
    for (const part of chunks(ids, inChunk)) {
      const m = marks(part.length);
      for (const r of await this.db.all(`SELECT id, body, story_id, doc FROM articles WHERE is_current = 1 AND id IN (${m}) ORDER BY seq`, part)) {
        const a = articleFromRow(r);
        bundle.articles.push(a);
        if (a.storyId) storyIds.add(a.storyId);
        if (a.outletId) outletIds.add(a.outletId);
      }
    }
    const present = bundle.articles.map((a) => a.id);
    for (const part of chunks(present, inChunk)) {
      const m = marks(part.length);
      for (const r of await this.db.all(`SELECT cluster_id, text, doc FROM quotes WHERE article_id IN (${m}) ORDER BY seq`, part)) {
        const q = quoteFromRow(r);
        bundle.quotes.push(q);
        for (const ref of [q.speaker, q.via]) if (ref?.entityId) entityIds.add(ref.entityId);
      }
      for (const r of await this.db.all(`SELECT cluster_id, text, doc FROM claims WHERE article_id IN (${m}) ORDER BY seq`, part)) {
        const c = claimFromRow(r);
        bundle.claims.push(c);
        if (c.attribution?.entityId) entityIds.add(c.attribution.entityId);
      }
    }
    bundle.entities = (await this.getEntities([...entityIds])).sort((a, b) => a.id.localeCompare(b.id));
    const stories = [...storyIds].sort();
    for (const part of chunks(stories, inChunk)) {
      const m = marks(part.length);
      for (const r of await this.db.all(`SELECT doc FROM stories WHERE id IN (${m}) ORDER BY id`, part)) bundle.stories.push(doc<Story>(r.doc));
      for (const r of await this.db.all(`SELECT doc FROM statements WHERE story_id IN (${m}) ORDER BY id`, part)) bundle.statements.push(doc<Statement>(r.doc));
      for (const r of await this.db.all(`SELECT doc FROM claim_groups WHERE story_id IN (${m}) ORDER BY id`, part)) bundle.claimGroups.push(doc<ClaimGroup>(r.doc));
    }
    for (const part of chunks([...outletIds].sort(), inChunk)) {
      for (const r of await this.db.all(`SELECT doc FROM outlets WHERE id IN (${marks(part.length)}) ORDER BY id`, part)) bundle.outlets.push(doc<Outlet>(r.doc));
    }
    return bundle;
  }

  async relatedArticles(query: RelatedQuery): Promise<Array<{ id: string; storyId: string | null }>> {
    const terms = searchTerms(query.terms.join(' '));
    const limit = pageLimit(query.limit);
    if (terms.length === 0) return [];
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (query.from) (where.push('(a.published_date IS NULL OR a.published_date >= ?)'), params.push(query.from));
    if (query.to) (where.push('(a.published_date IS NULL OR a.published_date <= ?)'), params.push(query.to));
    const rows = await this.dialect.related(this.db, terms, where.map((w) => ` AND ${w}`).join(''), params, limit);
    return rows.map((r) => ({ id: str(r.id), storyId: r.story_id === null ? null : str(r.story_id) }));
  }

  async unlinkedArticleIds(): Promise<string[]> {
    return (await this.db.all('SELECT id FROM articles WHERE story_id IS NULL AND is_current = 1 ORDER BY seq')).map((r) => str(r.id));
  }

  async sampleArticles(size: number): Promise<Article[]> {
    const n = pageLimit(size);
    const rows = await this.db.all(`SELECT id FROM articles WHERE is_current = 1 ORDER BY random() LIMIT ?`, [n]);
    return this.getArticles(rows.map((r) => str(r.id)));
  }

  async importBundle(input: Bundle): Promise<{ added: number; unchanged: number; updated: number }> {
    const bundle = Bundle.parse(input);
    const outlets = new Map(bundle.outlets.map((o) => [o.id, o]));
    const quotes = groupBy(bundle.quotes, (x) => x.articleId);
    const claims = groupBy(bundle.claims, (x) => x.articleId);
    const statuses = await this.saveMany(
      bundle.articles.map((article) => ({
        article,
        outlet: (article.outletId && outlets.get(article.outletId)) || null,
        quotes: quotes.get(article.id) ?? [],
        claims: claims.get(article.id) ?? [],
        entities: [],
      })),
    );
    await this.db.tx((q) => this.mergeOutlets(q, bundle.outlets));
    await this.saveLinks(bundle.stories.map((s) => s.id), {
      stories: bundle.stories,
      statements: bundle.statements,
      claimGroups: bundle.claimGroups,
      entities: bundle.entities,
      clusters: {
        quotes: bundle.quotes.map((x) => ({ id: x.id, clusterId: x.clusterId })),
        claims: bundle.claims.map((x) => ({ id: x.id, clusterId: x.clusterId })),
      },
    });
    return {
      added: statuses.filter((s) => s === 'added').length,
      unchanged: statuses.filter((s) => s === 'unchanged' || s === 'duplicate').length,
      updated: statuses.filter((s) => s === 'updated').length,
    };
  }

  // ---- ingest journal ----

  async recordPending(inputs: readonly string[]): Promise<void> {
    const now = new Date().toISOString();
    await this.db.tx((q) =>
      q.insertMany(
        'ingest_journal',
        ['input', 'state', 'updated_at'],
        [...new Set(inputs)].map((i) => [i, 'pending', now]),
        'ON CONFLICT (input) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
      ),
    );
  }

  private async markDoneIn(q: Queryer, input: string): Promise<void> {
    await q.run("UPDATE ingest_journal SET state = 'done', updated_at = ? WHERE input = ?", [new Date().toISOString(), input]);
  }

  private async markDoneManyIn(q: Queryer, inputs: readonly string[]): Promise<void> {
    const now = new Date().toISOString();
    for (const part of chunks([...new Set(inputs)], inChunk)) {
      await q.run(`UPDATE ingest_journal SET state = 'done', updated_at = ? WHERE input IN (${marks(part.length)})`, [now, ...part]);
    }
  }

  async markDone(input: string | readonly string[]): Promise<void> {
    const inputs = typeof input === 'string' ? [input] : input;
    if (inputs.length === 0) return;
    await this.db.tx((q) => this.markDoneManyIn(q, inputs));
  }

  async pending(): Promise<string[]> {
    return (await this.db.all("SELECT input FROM ingest_journal WHERE state = 'pending' ORDER BY seq")).map((r) => str(r.input));
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
