// Numbered migrations of both backends. Applied ones are recorded in parallax_migrations; migrate()
// applies the missing ones in order, each in its own transaction. Never edit a released migration: add
// the next number. Records are JSON documents (doc) beside the columns that filters and sorts use.

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

function coreTables(dialect: 'sqlite' | 'postgres'): string[] {
  const seq = dialect === 'sqlite' ? 'seq INTEGER PRIMARY KEY' : 'seq BIGSERIAL PRIMARY KEY';
  const json = dialect === 'sqlite' ? 'TEXT' : 'JSONB';
  return [
    `CREATE TABLE outlets (id TEXT PRIMARY KEY, name TEXT NOT NULL, doc ${json} NOT NULL)`,
    `CREATE TABLE articles (
      ${seq},
      id TEXT NOT NULL UNIQUE,
      lineage TEXT NOT NULL,
      version INTEGER NOT NULL,
      is_current INTEGER NOT NULL,
      source_path TEXT,
      source_url TEXT,
      content_hash TEXT NOT NULL,
      outlet_id TEXT,
      story_id TEXT,
      published_sort TEXT NOT NULL,
      published_date TEXT,
      headline TEXT,
      headline_sort TEXT NOT NULL,
      body TEXT NOT NULL,
      saved_at TEXT NOT NULL,
      doc ${json} NOT NULL
    )`,
    'CREATE INDEX articles_lineage ON articles (lineage, version)',
    'CREATE INDEX articles_source_path ON articles (source_path) WHERE is_current = 1',
    'CREATE INDEX articles_source_url ON articles (source_url) WHERE is_current = 1',
    'CREATE INDEX articles_published ON articles (is_current, published_sort, id)',
    'CREATE INDEX articles_headline ON articles (is_current, headline_sort, id)',
    'CREATE INDEX articles_story ON articles (story_id, published_sort, id)',
    'CREATE INDEX articles_outlet ON articles (outlet_id, published_sort, id)',
    'CREATE INDEX articles_date ON articles (published_date)',
    `CREATE TABLE quotes (
      ${seq},
      id TEXT NOT NULL UNIQUE,
      article_id TEXT NOT NULL,
      span_start INTEGER NOT NULL,
      span_end INTEGER NOT NULL,
      kind TEXT NOT NULL,
      speaker_id TEXT,
      cluster_id TEXT,
      text TEXT NOT NULL,
      doc ${json} NOT NULL
    )`,
    'CREATE INDEX quotes_article ON quotes (article_id, span_start, id)',
    'CREATE INDEX quotes_speaker ON quotes (speaker_id, article_id, span_start, id)',
    'CREATE INDEX quotes_kind ON quotes (kind)',
    'CREATE INDEX quotes_cluster ON quotes (cluster_id)',
    `CREATE TABLE claims (
      ${seq},
      id TEXT NOT NULL UNIQUE,
      article_id TEXT NOT NULL,
      span_start INTEGER NOT NULL,
      span_end INTEGER NOT NULL,
      kind TEXT NOT NULL,
      cluster_id TEXT,
      text TEXT NOT NULL,
      doc ${json} NOT NULL
    )`,
    'CREATE INDEX claims_article ON claims (article_id, span_start, id)',
    'CREATE INDEX claims_kind ON claims (kind)',
    'CREATE INDEX claims_cluster ON claims (cluster_id)',
    `CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, doc ${json} NOT NULL)`,
    'CREATE INDEX entities_name ON entities (name, id)',
    `CREATE TABLE stories (id TEXT PRIMARY KEY, first_date TEXT, doc ${json} NOT NULL)`,
    `CREATE TABLE statements (id TEXT PRIMARY KEY, story_id TEXT, speaker_id TEXT, doc ${json} NOT NULL)`,
    'CREATE INDEX statements_story ON statements (story_id, id)',
    'CREATE INDEX statements_speaker ON statements (speaker_id, id)',
    `CREATE TABLE claim_groups (id TEXT PRIMARY KEY, story_id TEXT, status TEXT NOT NULL, doc ${json} NOT NULL)`,
    'CREATE INDEX claim_groups_story ON claim_groups (story_id, status, id)',
    'CREATE INDEX claim_groups_status ON claim_groups (status, id)',
    `CREATE TABLE ingest_journal (${seq}, input TEXT NOT NULL UNIQUE, state TEXT NOT NULL, updated_at TEXT NOT NULL)`,
    'CREATE INDEX ingest_journal_state ON ingest_journal (state, seq)',
  ];
}

// Full-text search. SQLite: FTS5 external-content tables kept in step by triggers (the text is stored
// once, in the base table). PostgreSQL: stored generated tsvector columns with GIN indexes.
const sqliteSearch: string[] = [
  `CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, content='articles', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2')`,
  `CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
     INSERT INTO articles_fts (rowid, headline, body) VALUES (new.seq, new.headline, new.body);
   END`,
  `CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
     INSERT INTO articles_fts (articles_fts, rowid, headline, body) VALUES ('delete', old.seq, old.headline, old.body);
   END`,
  `CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, body ON articles BEGIN
     INSERT INTO articles_fts (articles_fts, rowid, headline, body) VALUES ('delete', old.seq, old.headline, old.body);
     INSERT INTO articles_fts (rowid, headline, body) VALUES (new.seq, new.headline, new.body);
   END`,
  ...(['quotes', 'claims'] as const).flatMap((t) => [
    `CREATE VIRTUAL TABLE ${t}_fts USING fts5(text, content='${t}', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2')`,
    `CREATE TRIGGER ${t}_fts_insert AFTER INSERT ON ${t} BEGIN
       INSERT INTO ${t}_fts (rowid, text) VALUES (new.seq, new.text);
     END`,
    `CREATE TRIGGER ${t}_fts_delete AFTER DELETE ON ${t} BEGIN
       INSERT INTO ${t}_fts (${t}_fts, rowid, text) VALUES ('delete', old.seq, old.text);
     END`,
    `CREATE TRIGGER ${t}_fts_update AFTER UPDATE OF text ON ${t} BEGIN
       INSERT INTO ${t}_fts (${t}_fts, rowid, text) VALUES ('delete', old.seq, old.text);
       INSERT INTO ${t}_fts (rowid, text) VALUES (new.seq, new.text);
     END`,
  ]),
];

const postgresSearch: string[] = [
  `ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
     setweight(to_tsvector('english', coalesce(headline, '')), 'A') || setweight(to_tsvector('english', body), 'B')
   ) STORED`,
  'CREATE INDEX articles_tsv ON articles USING GIN (tsv)',
  `ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED`,
  'CREATE INDEX quotes_tsv ON quotes USING GIN (tsv)',
  `ALTER TABLE claims ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED`,
  'CREATE INDEX claims_tsv ON claims USING GIN (tsv)',
];

// Every quote and claim row paid for four index entries no query needs at insert time: kind (a filter of
// a quarter of the rows, answered better by walking quotes_article in its order) and cluster_id, null until
// linking. Partial cluster indexes still answer `cluster_id = ?` (measured on SQLite at 20,000 articles:
// 12% less main-thread time per stored article). The same change on both backends.
const lighterRecordIndexes: Migration = {
  version: 6,
  name: 'lighter quote and claim indexes',
  statements: [
    'DROP INDEX quotes_kind',
    'DROP INDEX claims_kind',
    'DROP INDEX quotes_cluster',
    'DROP INDEX claims_cluster',
    'CREATE INDEX quotes_cluster ON quotes (cluster_id) WHERE cluster_id IS NOT NULL',
    'CREATE INDEX claims_cluster ON claims (cluster_id) WHERE cluster_id IS NOT NULL',
  ],
};

export const sqliteMigrations: Migration[] = [
  { version: 1, name: 'records', statements: coreTables('sqlite') },
  { version: 2, name: 'full-text search', statements: sqliteSearch },
  // A trigger per inserted row costs three times a bulk INSERT ... SELECT into FTS5 (measured: 80 vs 23
  // µs per claim row): the store now indexes each batch's new rows itself (Dialect.indexNew).
  {
    version: 3,
    name: 'bulk full-text indexing',
    statements: ['DROP TRIGGER articles_fts_insert', 'DROP TRIGGER quotes_fts_insert', 'DROP TRIGGER claims_fts_insert'],
  },
  // Searching quotes and claims joins each candidate to its article to check the filters; a covering
  // index answers that without reading the article row (measured: 332 -> 222 ms for a common word in one
  // outlet's claims at 100,000 articles).
  {
    version: 4,
    name: 'covering index for search filters',
    statements: ['CREATE INDEX articles_filters ON articles (id, is_current, outlet_id, story_id, published_date)'],
  },
  lighterRecordIndexes,
];

export const postgresMigrations: Migration[] = [
  { version: 1, name: 'records', statements: coreTables('postgres') },
  { version: 2, name: 'full-text search', statements: postgresSearch },
  // Search ranks the newest matches of a word; two costs per candidate remained at 100,000 articles.
  // Quotes and claims join each candidate to its article to check the filters: the covering index answers
  // that from the index (as SQLite's version 4 does). An article's tsvector (2.3 kB on average) went to
  // TOAST, so ts_rank over 3,000 candidates fetched 3,000 TOAST values (25 ms, against 9 ms inline):
  // MAIN keeps new rows' vectors in the row (bodies still go out of line first). Rows stored before this
  // migration keep their TOASTed vectors until rewritten.
  // (Versions 3 and 4 are SQLite's; a number names one change, whichever lists hold it.)
  {
    version: 5,
    name: 'search candidates without TOAST reads or article rows',
    statements: [
      'CREATE INDEX articles_filters ON articles (id, is_current, outlet_id, story_id, published_date)',
      'ALTER TABLE articles ALTER COLUMN tsv SET STORAGE MAIN',
    ],
  },
  lighterRecordIndexes,
];
