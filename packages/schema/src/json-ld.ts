import { z } from 'zod';
import type { Article } from './article.js';
import type { Claim } from './claim.js';
import type { Entity } from './entity.js';
import type { Outlet } from './outlet.js';
import type { Quote } from './quote.js';

const SCHEMA_ORG = 'https://schema.org';

/** Node ids are URNs built from Parallax ids, so a graph of many records links up by @id. */
export const urnFor = (kind: 'article' | 'quote' | 'claim' | 'entity' | 'outlet', id: string) => `urn:parallax:${kind}:${id}`;

const Ref = z.object({ '@id': z.string().describe('The linked node\'s @id.') }).describe('A link to another node by @id.');

const Agent = z
  .object({
    '@type': z.enum(['Person', 'Organization']).describe('Person for people; Organization for organisations and groups.'),
    '@id': z.string().optional().describe('The entity\'s URN, when resolved.'),
    name: z.string().describe('The name.'),
  })
  .describe('A schema.org Person or Organization.');

export const JsonLdNewsArticle = z
  .object({
    '@context': z.literal(SCHEMA_ORG).describe('The schema.org context.'),
    '@type': z.literal('NewsArticle').describe('schema.org type.'),
    '@id': z.string().describe('urn:parallax:article:<id>.'),
    identifier: z.string().describe('The Parallax article id.'),
    headline: z.string().optional().describe('The headline.'),
    alternativeHeadline: z.string().optional().describe('The standfirst.'),
    author: z.array(Agent).optional().describe('The authors.'),
    datePublished: z.string().optional().describe('Publication date or instant.'),
    dateline: z.string().optional().describe('The dateline.'),
    inLanguage: z.string().optional().describe('Language tag.'),
    url: z.string().optional().describe('The article URL.'),
    publisher: z
      .object({
        '@type': z.literal('NewsMediaOrganization').describe('schema.org type.'),
        '@id': z.string().describe('urn:parallax:outlet:<id>.'),
        name: z.string().describe('Outlet name.'),
        url: z.string().optional().describe('Outlet home page.'),
      })
      .optional()
      .describe('The outlet.'),
    articleBody: z.string().describe('The clean body.'),
    wordCount: z.int().describe('Words in the body.'),
    hasPart: z.array(Ref).optional().describe('The article\'s quotations.'),
  })
  .describe('A schema.org NewsArticle made from a Parallax Article.');
export type JsonLdNewsArticle = z.infer<typeof JsonLdNewsArticle>;

export const JsonLdQuotation = z
  .object({
    '@context': z.literal(SCHEMA_ORG).describe('The schema.org context.'),
    '@type': z.literal('Quotation').describe('schema.org type.'),
    '@id': z.string().describe('urn:parallax:quote:<id>.'),
    identifier: z.string().describe('The Parallax quote id.'),
    text: z.string().describe('The quoted words.'),
    spokenByCharacter: Agent.optional().describe('The speaker.'),
    isPartOf: Ref.describe('The article the quote appears in.'),
    additionalType: z.string().describe('The quote kind: direct, partial, mixed or indirect.'),
    position: z.string().describe('The character span in the article body, as "start-end".'),
  })
  .describe('A schema.org Quotation made from a Parallax Quote.');
export type JsonLdQuotation = z.infer<typeof JsonLdQuotation>;

export const JsonLdClaim = z
  .object({
    '@context': z.literal(SCHEMA_ORG).describe('The schema.org context.'),
    '@type': z.literal('Claim').describe('schema.org type.'),
    '@id': z.string().describe('urn:parallax:claim:<id>.'),
    identifier: z.string().describe('The Parallax claim id.'),
    text: z.string().describe('The claim text.'),
    appearance: Ref.describe('The article in which the claim appears.'),
    author: Agent.optional().describe('Who the claim is attributed to.'),
    position: z.string().describe('The character span in the article body, as "start-end".'),
  })
  .describe('A schema.org Claim made from a Parallax Claim.');
export type JsonLdClaim = z.infer<typeof JsonLdClaim>;

function agentFor(name: string, entity: Entity | undefined): z.infer<typeof Agent> {
  const type = entity && entity.kind !== 'person' ? 'Organization' : 'Person';
  return entity ? { '@type': type, '@id': urnFor('entity', entity.id), name: entity.name } : { '@type': type, name };
}

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;

/** Map an Article (and, when given, its outlet and quotes) to a schema.org NewsArticle. */
export function toNewsArticle(article: Article, context: { outlet?: Outlet | null; quotes?: readonly Quote[] } = {}): JsonLdNewsArticle {
  const { outlet, quotes } = context;
  return defined({
    '@context': SCHEMA_ORG,
    '@type': 'NewsArticle',
    '@id': urnFor('article', article.id),
    identifier: article.id,
    headline: article.headline ?? undefined,
    alternativeHeadline: article.standfirst ?? undefined,
    author: article.authors.length ? article.authors.map((name) => ({ '@type': 'Person' as const, name })) : undefined,
    datePublished: article.publishedAt ?? undefined,
    dateline: article.dateline ?? undefined,
    inLanguage: article.language ?? undefined,
    url: article.sourceUrl ?? undefined,
    publisher: outlet
      ? defined({ '@type': 'NewsMediaOrganization' as const, '@id': urnFor('outlet', outlet.id), name: outlet.name, url: outlet.domain ? `https://${outlet.domain}/` : undefined })
      : undefined,
    articleBody: article.body,
    wordCount: article.wordCount,
    hasPart: quotes?.length ? quotes.filter((q) => q.articleId === article.id).map((q) => ({ '@id': urnFor('quote', q.id) })) : undefined,
  });
}

/** Map a Quote to a schema.org Quotation linked to its article and speaker. */
export function toQuotation(quote: Quote, context: { speaker?: Entity } = {}): JsonLdQuotation {
  return defined({
    '@context': SCHEMA_ORG,
    '@type': 'Quotation',
    '@id': urnFor('quote', quote.id),
    identifier: quote.id,
    text: quote.text,
    spokenByCharacter: quote.speaker ? agentFor(quote.speaker.name, context.speaker) : undefined,
    isPartOf: { '@id': urnFor('article', quote.articleId) },
    additionalType: quote.kind,
    position: `${quote.span.start}-${quote.span.end}`,
  });
}

/** Map a Claim to a schema.org Claim whose appearance is its article. */
export function toClaim(claim: Claim, context: { source?: Entity } = {}): JsonLdClaim {
  return defined({
    '@context': SCHEMA_ORG,
    '@type': 'Claim',
    '@id': urnFor('claim', claim.id),
    identifier: claim.id,
    text: claim.text,
    appearance: { '@id': urnFor('article', claim.articleId) },
    author: claim.attribution ? agentFor(claim.attribution.name, context.source) : undefined,
    position: `${claim.span.start}-${claim.span.end}`,
  });
}

/** A JSON-LD @graph for a whole bundle: every article, quotation and claim, linked by @id. */
export function toJsonLdGraph(bundle: {
  outlets: readonly Outlet[];
  articles: readonly Article[];
  quotes: readonly Quote[];
  claims: readonly Claim[];
  entities: readonly Entity[];
}): { '@context': typeof SCHEMA_ORG; '@graph': object[] } {
  const outlets = new Map(bundle.outlets.map((o) => [o.id, o]));
  const entities = new Map(bundle.entities.map((e) => [e.id, e]));
  const strip = ({ '@context': _c, ...rest }: { '@context': string }) => rest;
  const entityOf = (id: string | null | undefined) => (id ? entities.get(id) : undefined);
  return {
    '@context': SCHEMA_ORG,
    '@graph': [
      ...bundle.articles.map((a) => strip(toNewsArticle(a, { outlet: a.outletId ? outlets.get(a.outletId) ?? null : null, quotes: bundle.quotes }))),
      ...bundle.quotes.map((q) => {
        const speaker = entityOf(q.speaker?.entityId);
        return strip(toQuotation(q, speaker ? { speaker } : {}));
      }),
      ...bundle.claims.map((c) => {
        const source = entityOf(c.attribution?.entityId);
        return strip(toClaim(c, source ? { source } : {}));
      }),
    ],
  };
}
