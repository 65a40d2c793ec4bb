import { describe, expect, it } from 'vitest';
import { seedBundle } from '../test/fixtures/seed-bundle.js';
import { JsonLdClaim, JsonLdNewsArticle, JsonLdQuotation, toClaim, toJsonLdGraph, toNewsArticle, toQuotation, urnFor } from './index.js';

describe('schema.org JSON-LD', () => {
  const bundle = seedBundle();
  const article = bundle.articles[0]!;
  const quote = bundle.quotes[0]!;
  const claim = bundle.claims[0]!;

  it('maps an Article to a NewsArticle with its publisher and quotations', () => {
    const ld = JsonLdNewsArticle.parse(toNewsArticle(article, { outlet: bundle.outlets[0]!, quotes: bundle.quotes }));
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.publisher).toEqual({ '@type': 'NewsMediaOrganization', '@id': urnFor('outlet', bundle.outlets[0]!.id), name: 'The Guardian', url: 'https://theguardian.com/' });
    expect(ld.datePublished).toBe('2015-09-15');
    expect(ld.hasPart).toEqual([{ '@id': urnFor('quote', quote.id) }]);
    expect(ld.articleBody).toBe(article.body);
    expect(ld).not.toHaveProperty('headline');
  });

  it('maps a Quote to a Quotation spoken by its resolved speaker, part of its article', () => {
    const ld = JsonLdQuotation.parse(toQuotation(quote, { speaker: bundle.entities[0]! }));
    expect(ld.spokenByCharacter).toEqual({ '@type': 'Person', '@id': urnFor('entity', bundle.entities[0]!.id), name: 'Vladimir Putin' });
    expect(ld.isPartOf).toEqual({ '@id': urnFor('article', article.id) });
    expect(ld.text).toBe('We give technical-military support to Damascus and will continue doing it,');
    expect(article.body.slice(...(ld.position.split('-').map(Number) as [number, number]))).toBe(ld.text);
  });

  it('maps a Claim to a Claim whose appearance is its article', () => {
    const ld = JsonLdClaim.parse(toClaim(claim));
    expect(ld.appearance).toEqual({ '@id': urnFor('article', article.id) });
    expect(ld.author).toEqual({ '@type': 'Person', name: 'Jeff Davis' });
  });

  it('links a whole bundle into one graph by @id', () => {
    const graph = toJsonLdGraph(bundle)['@graph'] as Array<Record<string, unknown>>;
    const ids = new Set(graph.map((n) => n['@id']));
    for (const node of graph) {
      for (const key of ['isPartOf', 'appearance'] as const) {
        const ref = node[key] as { '@id': string } | undefined;
        if (ref) expect(ids.has(ref['@id'])).toBe(true);
      }
    }
    expect(graph.map((n) => n['@type']).sort()).toEqual(['Claim', 'NewsArticle', 'Quotation']);
  });
});
