import { z } from 'zod';
import { Article } from './article.js';
import { Claim, ClaimKind } from './claim.js';
import { ClaimGroup, ClaimStatus } from './claim-group.js';
import { Id, IsoDate, Span } from './common.js';
import { Entity, EntityKind } from './entity.js';
import { Outlet } from './outlet.js';
import { Quote, QuoteKind } from './quote.js';
import { Statement } from './statement.js';
import { Story } from './story.js';

/** RFC 9457 problem details: every API error has this shape. */
export const Problem = z
  .object({
    type: z.string().describe('A URI reference naming the problem type; "about:blank" when only the status matters.'),
    title: z.string().describe('A short, human-readable summary of the problem type.'),
    status: z.int().min(100).max(599).describe('The HTTP status code.'),
    detail: z.string().optional().describe('What went wrong with this request, and what to do next.'),
    instance: z.string().optional().describe('The request path that produced the problem.'),
    errors: z
      .array(
        z
          .object({
            path: z.string().describe('The bad field, as a dotted path ("query.limit", "body.url").'),
            message: z.string().describe('What is wrong with it.'),
          })
          .describe('One invalid field.'),
      )
      .optional()
      .describe('The invalid fields, for validation problems.'),
  })
  .describe('An error response as RFC 9457 problem details (media type application/problem+json).');
export type Problem = z.infer<typeof Problem>;

const limit = z.coerce.number().int().min(1).max(200).default(50).describe('Page size, 1 to 200 (default 50).');
const cursor = z.string().max(512).optional().describe('Opaque cursor from the previous page\'s nextCursor.');

export const ArticleListQuery = z
  .object({
    story: Id.optional().describe('Only articles of this story.'),
    outlet: Id.optional().describe('Only articles of this outlet.'),
    from: IsoDate.optional().describe('Only articles published on or after this date.'),
    to: IsoDate.optional().describe('Only articles published on or before this date.'),
    sort: z.enum(['published', '-published', 'headline']).default('-published').describe('Sort order; a leading "-" sorts descending.'),
    limit,
    cursor,
  })
  .describe('Query parameters of GET /api/articles.');
export type ArticleListQuery = z.infer<typeof ArticleListQuery>;

export const QuoteListQuery = z
  .object({
    speaker: Id.optional().describe('Only quotes by this entity.'),
    story: Id.optional().describe('Only quotes in this story.'),
    outlet: Id.optional().describe('Only quotes in articles of this outlet.'),
    kind: QuoteKind.optional().describe('Only quotes of this kind.'),
    limit,
    cursor,
  })
  .describe('Query parameters of GET /api/quotes.');
export type QuoteListQuery = z.infer<typeof QuoteListQuery>;

export const SearchQuery = z
  .object({
    q: z.string().min(1).max(500).describe('Words to search for.'),
    type: z.enum(['article', 'quote', 'claim']).optional().describe('Only results of this kind.'),
    story: Id.optional().describe('Only results in this story.'),
    outlet: Id.optional().describe('Only results from this outlet.'),
    speaker: Id.optional().describe('Only quotes by this entity.'),
    from: IsoDate.optional().describe('Only results from articles published on or after this date.'),
    to: IsoDate.optional().describe('Only results from articles published on or before this date.'),
    limit: z.coerce.number().int().min(1).max(100).default(20).describe('Number of results, 1 to 100 (default 20).'),
  })
  .describe('Query parameters of GET /api/search.');
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z
  .object({
    type: z.enum(['article', 'quote', 'claim']).describe('What kind of record matched.'),
    id: Id.describe('The id of the matching record.'),
    articleId: Id.describe('The article it belongs to.'),
    snippet: z.string().describe('A short extract around the match; matched words are wrapped in [[ and ]].'),
    score: z.number().describe('Relevance; higher is better.'),
    span: Span.nullable().describe('Where the record sits in the article body (null for whole articles).'),
    headline: z.string().nullable().describe("The article's headline, to name the result without fetching the article."),
    outletName: z.string().nullable().describe("The article's outlet, when known."),
    source: z.string().nullable().describe('Where the article came from: its URL, else the path it was ingested from.'),
    clusterId: Id.nullable().describe('For a quote, its statement; for a claim, its claim group; null for articles and unlinked records.'),
  })
  .describe('One search result, with what a results list shows of its article.');
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z
  .object({ hits: z.array(SearchHit).describe('Results, best first.') })
  .describe('Response of GET /api/search.');
export type SearchResponse = z.infer<typeof SearchResponse>;

/** A page of a list: items and the cursor of the next page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z
    .object({
      items: z.array(item).describe('The records of this page.'),
      nextCursor: z.string().nullable().describe('Pass as ?cursor= to get the next page; null on the last page.'),
    })
    .describe('One page of a list.');
}

export const ArticlePage = pageOf(Article);
export type ArticlePage = z.infer<typeof ArticlePage>;
export const QuotePage = pageOf(Quote);
export type QuotePage = z.infer<typeof QuotePage>;

export const IngestRequest = z
  .object({
    text: z.string().max(10_000_000).optional().describe('The article as plain text.'),
    html: z.string().max(10_000_000).optional().describe('The article as an HTML page.'),
    url: z.url({ protocol: /^https?$/ }).optional().describe('An http(s) URL to fetch the article from.'),
    sourcePath: z.string().max(2048).optional().describe('A name to record as the article\'s source path.'),
  })
  .refine((r) => [r.text, r.html, r.url].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of text, html or url',
  })
  .describe('Body of POST /api/articles: exactly one of text, html or url.');
export type IngestRequest = z.infer<typeof IngestRequest>;

export const IngestResponse = z
  .object({
    status: z.enum(['added', 'unchanged', 'updated']).describe('added: a new article; unchanged: already stored; updated: stored as a new version.'),
    article: Article.describe('The stored article.'),
    quotes: z.array(Quote).describe('Its quotes.'),
    claims: z.array(Claim).describe('Its claims.'),
  })
  .describe('Response of POST /api/articles.');
export type IngestResponse = z.infer<typeof IngestResponse>;

export const ArticleDetail = z
  .object({
    article: Article.describe('The article.'),
    outlet: Outlet.nullable().describe('Its outlet, or null.'),
    quotes: z.array(Quote).describe('Its quotes, in body order.'),
    claims: z.array(Claim).describe('Its claims, in body order.'),
  })
  .describe('Response of GET /api/articles/:id.');
export type ArticleDetail = z.infer<typeof ArticleDetail>;

/** An article without its body and paragraph spans: what lists of articles inside other records carry. */
export const ArticleSummary = Article.omit({ body: true, paragraphs: true }).describe('An article without its body and paragraph spans.');
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const StoryDetail = z
  .object({
    story: Story.describe('The story with its coverage matrix, timeline and digest.'),
    articles: z.array(ArticleSummary).describe('Its articles, without bodies.'),
    outlets: z.array(Outlet).describe('The outlets that covered it.'),
    entities: z.array(Entity).describe('The people and organisations quoted in it.'),
    statements: z.array(Statement).describe('Its statements.'),
    claimGroups: z.array(ClaimGroup).describe('Its claim groups.'),
  })
  .describe('Response of GET /api/stories/:id.');
export type StoryDetail = z.infer<typeof StoryDetail>;

export const Health = z
  .object({
    status: z.enum(['ok', 'unavailable']).describe('ok when the service can answer requests.'),
    version: z.string().describe('The running version of Parallax.'),
  })
  .describe('Response of GET /api/health and /api/ready.');
export type Health = z.infer<typeof Health>;

// ---- shapes of the HTTP API's other routes ----

export const IdParams = z
  .object({ id: Id.describe('The id of the record, e.g. "art_3f2a9c0d11e4b7a2".') })
  .describe('Path parameters of a route that names one record by id.');
export type IdParams = z.infer<typeof IdParams>;

export const Ready = z
  .object({
    status: z.enum(['ok', 'unavailable']).describe('ok when the store answers; unavailable (with HTTP 503) when it does not.'),
    version: z.string().describe('The running version of Parallax.'),
    store: z.enum(['sqlite', 'postgres']).describe('Which store backend the service uses.'),
    articles: z.int().min(0).nullable().describe('Number of current articles in the store, or null when the store did not answer.'),
  })
  .describe('Response of GET /api/ready.');
export type Ready = z.infer<typeof Ready>;

export const StoryListQuery = z
  .object({
    q: z.string().trim().min(1).max(200).optional().describe('Only stories whose title contains all these words (case-insensitive).'),
    limit,
    cursor,
  })
  .describe('Query parameters of GET /api/stories.');
export type StoryListQuery = z.infer<typeof StoryListQuery>;

export const StoryCounts = z
  .object({
    articles: z.int().min(0).describe('Number of articles in the story.'),
    outlets: z.int().min(0).describe('Number of distinct outlets that covered it.'),
    statements: z.int().min(0).describe('Number of statements (rows of kind statement in its coverage matrix).'),
    claimGroups: z.int().min(0).describe('Number of claim groups (rows of kind claim-group in its coverage matrix).'),
    timelineEvents: z.int().min(0).describe('Number of dated events on its timeline.'),
  })
  .describe('How much a story holds.');
export type StoryCounts = z.infer<typeof StoryCounts>;

export const StorySummary = Story.pick({ id: true, title: true, articleIds: true, outletIds: true, firstDate: true, lastDate: true })
  .extend({
    outlets: z.array(Outlet).describe('The outlets that covered it, by name.'),
    counts: StoryCounts.describe('How many articles, outlets, statements, claim groups and timeline events it has.'),
  })
  .describe('A story in a list: its title, dates, outlets and counts, without its coverage matrix, timeline and digest.');
export type StorySummary = z.infer<typeof StorySummary>;

export const StoryPage = pageOf(StorySummary);
export type StoryPage = z.infer<typeof StoryPage>;

export const ArticleVersion = z
  .object({
    articleId: Id.describe('The id of this version of the article.'),
    version: z.int().min(1).describe('1 for the first stored version, counting up.'),
    contentHash: z.string().describe('Hash of the source text of this version.'),
    current: z.boolean().describe('Whether this is the version lists and search show.'),
    sourcePath: z.string().nullable().describe('The path or URL the version was read from, or null.'),
    sourceUrl: z.string().nullable().describe('The canonical URL of the version, or null.'),
    savedAt: z.string().describe('When the version was stored (ISO 8601).'),
  })
  .describe('One stored version of an article; versions share a source path or URL.');
export type ArticleVersion = z.infer<typeof ArticleVersion>;

export const ArticleVersions = z
  .object({
    articleId: Id.describe('The article asked for.'),
    versions: z.array(ArticleVersion).min(1).describe('Every version of its lineage, oldest first.'),
  })
  .describe('Response of GET /api/articles/:id/versions.');
export type ArticleVersions = z.infer<typeof ArticleVersions>;

export const ClaimListQuery = z
  .object({
    story: Id.optional().describe('Only claims in this story.'),
    outlet: Id.optional().describe('Only claims in articles of this outlet.'),
    article: Id.optional().describe('Only claims of this article (any version).'),
    kind: ClaimKind.optional().describe('Only claims of this kind.'),
    group: Id.optional().describe('Only claims of this claim group.'),
    limit,
    cursor,
  })
  .describe('Query parameters of GET /api/claims.');
export type ClaimListQuery = z.infer<typeof ClaimListQuery>;

export const ClaimPage = pageOf(Claim);
export type ClaimPage = z.infer<typeof ClaimPage>;

export const ClaimGroupListQuery = z
  .object({
    story: Id.optional().describe('Only claim groups of this story.'),
    status: ClaimStatus.optional().describe('Only claim groups with this status: corroborated, contested or single-source.'),
    limit,
    cursor,
  })
  .describe('Query parameters of GET /api/claim-groups.');
export type ClaimGroupListQuery = z.infer<typeof ClaimGroupListQuery>;

export const ClaimGroupPage = pageOf(ClaimGroup);
export type ClaimGroupPage = z.infer<typeof ClaimGroupPage>;

export const ClaimGroupDetail = z
  .object({
    claimGroup: ClaimGroup.describe('The claim group, with its status and conflicts.'),
    claims: z.array(Claim).describe('Its claims side by side, in the order of claimGroup.claimIds.'),
    articles: z.array(ArticleSummary).describe('The articles that make the claim, without bodies.'),
    outlets: z.array(Outlet).describe('The outlets of those articles.'),
  })
  .describe('Response of GET /api/claim-groups/:id.');
export type ClaimGroupDetail = z.infer<typeof ClaimGroupDetail>;

export const StatementDetail = z
  .object({
    statement: Statement.describe('The statement, with its variants and their word alignment against the reference rendering.'),
    speaker: Entity.nullable().describe('The entity who made it, or null when unresolved.'),
    quotes: z.array(Quote).describe('Every quote that renders it, in the order of statement.quoteIds.'),
    articles: z.array(ArticleSummary).describe('The articles of those quotes, without bodies.'),
    outlets: z.array(Outlet).describe('The outlets of those articles.'),
  })
  .describe('Response of GET /api/statements/:id.');
export type StatementDetail = z.infer<typeof StatementDetail>;

export const EntityListQuery = z
  .object({
    q: z.string().trim().min(1).max(200).optional().describe('Only entities whose name, an alias or a role contains all these words (case-insensitive).'),
    kind: EntityKind.optional().describe('Only entities of this kind.'),
    limit,
    cursor,
  })
  .describe('Query parameters of GET /api/entities.');
export type EntityListQuery = z.infer<typeof EntityListQuery>;

export const EntityPage = pageOf(Entity);
export type EntityPage = z.infer<typeof EntityPage>;

export const EntityDetail = z
  .object({
    entity: Entity.describe('The person, organisation, place or group.'),
    quotes: z.array(Quote).describe('What they said: their quotes in current articles, article by article in body order, at most 500.'),
    moreQuotes: z.boolean().describe('True when they have more quotes than listed; page through them with GET /api/quotes?speaker=.'),
    statements: z.array(Statement).describe('Their statements across stories (utterances several articles reported).'),
    articles: z.array(ArticleSummary).describe('The articles of the listed quotes, without bodies.'),
    stories: z.array(StorySummary).describe('The stories those articles belong to.'),
  })
  .describe('Response of GET /api/entities/:id: everything the entity said, across stories.');
export type EntityDetail = z.infer<typeof EntityDetail>;
