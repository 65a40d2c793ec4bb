import { z } from 'zod';
import { Article } from './article.js';
import { Claim } from './claim.js';
import { ClaimGroup } from './claim-group.js';
import { Id, IsoDate, Span } from './common.js';
import { Entity } from './entity.js';
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
  })
  .describe('One search result.');
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

export const StoryDetail = z
  .object({
    story: Story.describe('The story with its coverage matrix, timeline and digest.'),
    articles: z.array(Article.omit({ body: true, paragraphs: true })).describe('Its articles, without bodies.'),
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
