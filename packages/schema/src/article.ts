import { z } from 'zod';
import { DateOrDateTime, Id, Span } from './common.js';

export const SourceFormat = z.enum(['text', 'html', 'json']).describe('What the source was: plain text, an HTML page, or an Article JSON document.');
export type SourceFormat = z.infer<typeof SourceFormat>;

export const DateSource = z
  .enum(['metadata', 'manifest', 'caption', 'text'])
  .describe('Where a publication date came from: page metadata, the corpus manifest, a dated photo caption, or the article text.');
export type DateSource = z.infer<typeof DateSource>;

export const Caption = z
  .object({
    text: z.string().describe('The caption text, without its credit.'),
    credit: z.string().nullable().describe('The photo credit attached to the caption, e.g. "Mikhail Klimentyev/Kremlin Pool Photo via AP", or null.'),
  })
  .describe('A photo caption set aside from the body.');
export type Caption = z.infer<typeof Caption>;

export const BoilerplateKind = z
  .enum(['newsletter', 'promo', 'related', 'comment', 'social', 'credit', 'agency', 'navigation', 'other'])
  .describe('Why a line was set aside as boilerplate.');

export const Boilerplate = z
  .object({
    text: z.string().describe('The line as it was in the source.'),
    kind: BoilerplateKind,
  })
  .describe('A line of the source that is not part of the story (newsletter sign-up, promo, related links), kept so nothing is lost.');
export type Boilerplate = z.infer<typeof Boilerplate>;

export const Article = z
  .object({
    id: Id.describe('Article id: "art_" and a hash of the outlet, headline and clean body. Same input, same id.'),
    sourcePath: z.string().nullable().describe('The path or URL exactly as the user gave it, or null for standard input.'),
    sourceUrl: z.string().nullable().describe('The canonical URL of the article when known (page metadata or the URL fetched).'),
    format: SourceFormat,
    contentHash: z.string().regex(/^[0-9a-f]{16}$/).describe('Hash of the decoded source text, to tell a changed article from an unchanged one.'),
    outletId: Id.nullable().describe('Id of the publishing Outlet, or null when nothing in the source names it.'),
    headline: z.string().nullable().describe('The headline, or null when the source has none.'),
    standfirst: z.string().nullable().describe('The standfirst (dek, subheading) under the headline, or null.'),
    byline: z.string().nullable().describe('The byline as printed, e.g. "By Jane Doe and John Roe", or null.'),
    authors: z.array(z.string()).describe('Author names parsed from the byline.'),
    dateline: z.string().nullable().describe('The dateline that opens the body, e.g. "MOSCOW (AP)", or null.'),
    language: z.string().nullable().describe('BCP 47 language tag of the text, e.g. "en", or null when unknown.'),
    publishedAt: DateOrDateTime.nullable().describe('When the article was published, as precise as the evidence allows, or null.'),
    publishedAtSource: DateSource.nullable().describe('Where publishedAt came from, or null when it is null.'),
    body: z.string().describe('The clean body: story paragraphs only, separated by blank lines. Every span of every record of this article indexes into it.'),
    paragraphs: z.array(Span).describe('The span of each paragraph of the body, in order.'),
    captions: z.array(Caption).describe('Photo captions removed from the body.'),
    credits: z.array(z.string()).describe('Photo and agency credits removed from the body, e.g. "Alexey Kudenko / Host Photo Agency / Getty Images".'),
    boilerplate: z.array(Boilerplate).describe('Non-story lines removed from the body, kept with the reason.'),
    wordCount: z.int().min(0).describe('Number of words in the clean body.'),
    storyId: Id.nullable().describe('The Story this article belongs to, or null before cross-article linking.'),
  })
  .describe('One news article, cleaned: metadata, the clean body that all spans index into, and what was set aside.');
export type Article = z.infer<typeof Article>;
