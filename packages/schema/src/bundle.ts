import { z } from 'zod';
import { Article } from './article.js';
import { Claim } from './claim.js';
import { ClaimGroup } from './claim-group.js';
import { Entity } from './entity.js';
import { Outlet } from './outlet.js';
import { Quote } from './quote.js';
import { Statement } from './statement.js';
import { Story } from './story.js';

export const SCHEMA_VERSION = 1;

export const ArticleRecords = z
  .object({
    article: Article.describe('The cleaned article.'),
    outlet: Outlet.nullable().describe('Its outlet, or null when nothing names it.'),
    quotes: z.array(Quote).describe('Its quotes, in body order.'),
    claims: z.array(Claim).describe('Its claims, in body order.'),
    entities: z.array(Entity).describe('The people, organisations and groups it quotes or credits.'),
  })
  .describe('One extracted article with everything that belongs to it alone: what the engine produces for one source and the store saves as a unit.');
export type ArticleRecords = z.infer<typeof ArticleRecords>;

export const InputError = z
  .object({
    input: z.string().describe('The input that failed, as given (path, URL, or "-" for standard input).'),
    code: z
      .enum(['not-found', 'unreadable', 'empty', 'binary', 'too-large', 'encoding', 'parse', 'no-content', 'fetch', 'invalid', 'store'])
      .describe('What kind of failure it was ("store": extracted, but the store refused to save it).'),
    message: z.string().describe('What went wrong and what to do next.'),
  })
  .describe('An input that could not be processed; the other inputs still were.');
export type InputError = z.infer<typeof InputError>;

export const Bundle = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION).describe('Version of the Parallax schema this bundle follows.'),
    outlets: z.array(Outlet).describe('The outlets of the articles.'),
    articles: z.array(Article).describe('The cleaned articles.'),
    entities: z.array(Entity).describe('People, organisations and groups, resolved across articles.'),
    quotes: z.array(Quote).describe('Every quote of every article.'),
    claims: z.array(Claim).describe('Every claim of every article.'),
    statements: z.array(Statement).describe('Quotes grouped across articles by utterance.'),
    claimGroups: z.array(ClaimGroup).describe('Claims grouped across articles by fact.'),
    stories: z.array(Story).describe('Articles grouped by event.'),
    errors: z.array(InputError).describe('Inputs that failed, with reasons.'),
  })
  .describe('One document holding everything Parallax knows about a set of articles: what `parallax extract` prints and `parallax export` writes.');
export type Bundle = z.infer<typeof Bundle>;

/** An empty bundle of the current schema version. */
export function emptyBundle(): Bundle {
  return { schemaVersion: SCHEMA_VERSION, outlets: [], articles: [], entities: [], quotes: [], claims: [], statements: [], claimGroups: [], stories: [], errors: [] };
}
