// The one storage interface of Parallax. Both backends (SQLite, PostgreSQL) implement it and pass the
// same conformance suite (store.conformance.ts). Every method is async: PostgreSQL is, and SQLite is
// wrapped so callers never care which one they hold.
import type {
  Article,
  ArticleRecords,
  ArticleVersion,
  ArticleListQuery,
  Bundle,
  Claim,
  ClaimGroup,
  ClaimKind,
  ClaimStatus,
  Entity,
  Outlet,
  Quote,
  QuoteKind,
  SearchHit,
  SearchQuery,
  Statement,
  Story,
} from '@parallax/schema';
import type { PreparedRecords } from './rows.js';

/** One extracted article with everything that belongs to it alone, and one stored version: both defined in @parallax/schema. */
export type { ArticleRecords, ArticleVersion };

/** What saveArticle did: stored a new article, found it already stored, or stored a new version of it. */
export type SaveStatus = 'added' | 'unchanged' | 'updated';

/**
 * What saveMany did with each item: a SaveStatus, or 'duplicate' when an earlier item of the same batch has
 * the same article id (one clean article reached through two inputs: two paths, or URLs whose boilerplate
 * differs). Only the first item with an id is stored; a duplicate's records are ignored.
 */
export type BatchSaveStatus = SaveStatus | 'duplicate';


/** The cross-article records of some stories, as the linker produces them. */
export interface LinkRecords {
  stories: Story[];
  statements: Statement[];
  claimGroups: ClaimGroup[];
  /** Entities to merge by id (the linker may add aliases and articles). */
  entities?: Entity[];
  /** Entities written as given, replacing what is stored under their ids (not merged); after `entities`. */
  replaceEntities?: Entity[];
  /** Entities to delete (merged away by the linker), before `entities` and `replaceEntities` are written. */
  removedEntityIds?: string[];
  /**
   * Explicit cluster assignments, and the linker's canonical entities for speakers, relays and attributions.
   * When omitted, every quote listed in a statement gets that statement's id and every claim listed in a
   * claim group gets that group's id; the other quotes and claims of the stories' articles get null.
   */
  clusters?: { quotes?: QuoteAssignment[]; claims?: ClaimAssignment[] };
}

/**
 * What saveLinks sets on one stored quote. An optional field that is absent leaves that value unchanged; so
 * does a null name (a name is never null). Speaker and relay fields apply only where the stored quote has a
 * speaker (a via): a null one stays null.
 */
export interface QuoteAssignment {
  id: string;
  clusterId: string | null;
  /** quote.speaker.entityId, and the indexed speaker column that getQuotes({speaker}) and search use. */
  speakerEntityId?: string | null;
  /** quote.speaker.name (the canonical name); null leaves it unchanged. */
  speakerName?: string | null;
  /** quote.via.entityId. */
  viaEntityId?: string | null;
  /** quote.via.name; null leaves it unchanged. */
  viaName?: string | null;
}

/** What saveLinks sets on one stored claim; absent fields (and a null name) are unchanged, a null attribution stays null. */
export interface ClaimAssignment {
  id: string;
  clusterId: string | null;
  /** claim.attribution.entityId. */
  attributionEntityId?: string | null;
  /** claim.attribution.name; null leaves it unchanged. */
  attributionName?: string | null;
}

/**
 * Which stories saveLinks replaces: 'all' drops every story, statement and claim group first (a full
 * re-link); a list of story ids drops those (plus the stories being written). Statements and claim groups
 * belong to the story of their first article.
 */
export type LinkScope = 'all' | readonly string[];


/** A page of a list, with an opaque cursor for the next one (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageQuery {
  limit?: number;
  cursor?: string | undefined;
}

export interface QuoteFilter extends PageQuery {
  articleId?: string | undefined;
  speaker?: string | undefined;
  story?: string | undefined;
  outlet?: string | undefined;
  kind?: QuoteKind | undefined;
  clusterId?: string | undefined;
}

export interface ClaimFilter extends PageQuery {
  articleId?: string | undefined;
  story?: string | undefined;
  outlet?: string | undefined;
  kind?: ClaimKind | undefined;
  clusterId?: string | undefined;
}

export interface StatementFilter extends PageQuery {
  story?: string | undefined;
  speaker?: string | undefined;
}

export interface ClaimGroupFilter extends PageQuery {
  story?: string | undefined;
  status?: ClaimStatus | undefined;
}

/** What relatedArticles looks for. */
export interface RelatedQuery {
  /** Words, any of which an article may hold; ranked by how many it holds and how rare they are. */
  terms: readonly string[];
  /** Publication dates (YYYY-MM-DD), inclusive; articles with no date are not filtered out. */
  from?: string | null;
  to?: string | null;
  limit: number;
}

/** Record counts and the size of the database. */
export interface StoreStats {
  /** Current articles (one per lineage). */
  articles: number;
  /** Every stored article version, current or not. */
  articleVersions: number;
  outlets: number;
  quotes: number;
  claims: number;
  entities: number;
  statements: number;
  claimGroups: number;
  stories: number;
  pendingInputs: number;
  /** Bytes on disk (SQLite: database and WAL files) or of the database (PostgreSQL). */
  bytes: number;
}

/** One record of an export, tagged with its Bundle collection. */
export type BundleRecord =
  | { kind: 'outlets'; record: Outlet }
  | { kind: 'articles'; record: Article }
  | { kind: 'entities'; record: Entity }
  | { kind: 'quotes'; record: Quote }
  | { kind: 'claims'; record: Claim }
  | { kind: 'statements'; record: Statement }
  | { kind: 'claimGroups'; record: ClaimGroup }
  | { kind: 'stories'; record: Story };

/** The storage of Parallax records. Open one with openStore(). */
export interface Store {
  /** Which backend this is. */
  readonly kind: 'sqlite' | 'postgres';
  /**
   * The SQLite file this store is, so another thread can open a connection of its own to it (bulk ingest
   * writes from a writer thread); null for PostgreSQL and for ':memory:'.
   */
  readonly sqliteFile: string | null;
  /** Apply the numbered migrations not yet applied; returns the versions applied now. */
  migrate(): Promise<number[]>;

  /**
   * Store one article atomically: all its records or none. With options.input, the ingest journal marks
   * that input done in the same transaction.
   */
  saveArticle(records: ArticleRecords, options?: { input?: string }): Promise<SaveStatus>;
  /**
   * Store many articles in one transaction (bulk ingest); statuses in input order. An item may come
   * prepared (prepareRecords from '@parallax/store/rows', on another thread): then it is stored as it is. Items behave as if saved
   * one after the other, except that an item whose article id an earlier item of the batch has is not
   * stored again: 'duplicate'.
   */
  saveMany(items: readonly (ArticleRecords | PreparedRecords)[], options?: { inputs?: readonly string[] }): Promise<BatchSaveStatus[]>;
  /**
   * Replace the cross-article records of the stories in scope, atomically: stories, statements, claim
   * groups, articles' story ids, quotes' and claims' cluster ids and entity references, entities.
   */
  saveLinks(scope: LinkScope, links: LinkRecords): Promise<void>;

  getArticle(id: string): Promise<Article | null>;
  getArticles(ids: readonly string[]): Promise<Article[]>;
  getOutlet(id: string): Promise<Outlet | null>;
  listOutlets(): Promise<Outlet[]>;
  /** Current articles only; stable order (sort key, then id). */
  listArticles(query: Partial<ArticleListQuery>): Promise<Page<Article>>;
  /** Every version of an article's lineage, oldest first; by any version's id, sourcePath or sourceUrl. */
  listVersions(articleIdOrSource: string): Promise<ArticleVersion[]>;
  /** Quotes in body order, article by article. Without articleId, only quotes of current articles. */
  getQuotes(filter: QuoteFilter): Promise<Page<Quote>>;
  getClaims(filter: ClaimFilter): Promise<Page<Claim>>;
  getStory(id: string): Promise<Story | null>;
  listStories(query?: PageQuery): Promise<Page<Story>>;
  getStatement(id: string): Promise<Statement | null>;
  listStatements(filter?: StatementFilter): Promise<Page<Statement>>;
  getClaimGroup(id: string): Promise<ClaimGroup | null>;
  listClaimGroups(filter?: ClaimGroupFilter): Promise<Page<ClaimGroup>>;
  getEntity(id: string): Promise<Entity | null>;
  getEntities(ids: readonly string[]): Promise<Entity[]>;
  listEntities(query?: PageQuery): Promise<Page<Entity>>;

  /** Delete one article version with its quotes and claims; returns false when it did not exist. */
  deleteArticle(id: string): Promise<boolean>;
  stats(): Promise<StoreStats>;
  /** After a bulk ingest: refresh the query planner's statistics and compact the search indexes. */
  optimize(): Promise<void>;

  /** Ranked full-text search over current articles, quotes and claims. Never throws on user syntax. */
  search(query: Partial<SearchQuery> & { q: string }): Promise<SearchHit[]>;

  /** Every record, page by page (memory stays flat however big the store is); with `kinds`, those collections only. */
  exportRecords(kinds?: ReadonlyArray<BundleRecord['kind']>): AsyncIterable<BundleRecord>;
  /**
   * Everything as one schema-valid Bundle (current article versions only). With `scope`, only the current
   * articles named there, with their quotes and claims, the entities those refer to, the stories the
   * articles are in, and those stories' statements and claim groups: what re-linking a neighbourhood of the
   * collection reads, in memory that grows with the neighbourhood, not the collection.
   */
  exportBundle(scope?: { articleIds: readonly string[] }): Promise<Bundle>;
  /**
   * Current articles most like a text, best first: ranked full-text search with any of `terms` (words, as a
   * reader would type them), optionally published within [from, to] (articles without a date always
   * qualify). How the linker finds the stories a new article may join without reading the collection.
   */
  relatedArticles(query: RelatedQuery): Promise<Array<{ id: string; storyId: string | null }>>;
  /**
   * Ids of the current articles in no story: stored but never linked (an ingest without linking, or one
   * killed while it linked), in the order stored.
   */
  unlinkedArticleIds(): Promise<string[]>;
  /** Up to `size` current articles picked at random: a sample of the collection (its word frequencies). */
  sampleArticles(size: number): Promise<Article[]>;
  /** Store a Bundle: its articles (with their records) then its links. Duplicate article ids count as unchanged. */
  importBundle(bundle: Bundle): Promise<{ added: number; unchanged: number; updated: number }>;

  /** Ingest journal: note inputs about to be ingested (a killed run leaves them pending). */
  recordPending(inputs: readonly string[]): Promise<void>;
  markDone(input: string | readonly string[]): Promise<void>;
  /** Inputs recorded and not yet done, in the order recorded. */
  pending(): Promise<string[]>;

  close(): Promise<void>;
}
