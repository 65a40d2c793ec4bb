// The engine's entry point: one source in, one Article with its Quotes, Claims and the entities they
// name out. Pure: the caller reads files and fetches URLs.
import { makeId, type Article, type ArticleRecords, type Claim, type Entity, type Outlet, type Quote, type SpeakerRef } from '@parallax/schema';
import { buildArticle } from './article.js';
import { extractClaims } from './claims/extract-claims.js';
import type { ArticleEntities } from './quotes/speakers.js';
import { extractQuotes } from './quotes/extract.js';
import { parseSource, type SourceInput } from './source/index.js';

/** What the engine makes of one source: the schema's ArticleRecords. */
export type ArticleExtraction = ArticleRecords;

/** Extract one source. Throws SourceError (with a code and a message naming the input) for bad input. */
export function extractArticle(input: SourceInput): ArticleExtraction {
  const draft = parseSource(input);
  const { article, outlet } = buildArticle(draft);
  return analyseArticle(article, outlet);
}

/** Quotes, claims and entities of an Article that already exists (re-analysis, Article JSON input). */
export function analyseArticle(article: Article, outlet: Outlet | null = null): ArticleExtraction {
  const { quotes, entities: found, sentences } = extractQuotes(article);
  const claims = extractClaims(article, quotes, sentences);
  const entities = linkEntities(article.id, found, quotes, claims);
  return { article, outlet, quotes, claims, entities };
}

/**
 * Make Entity records for everyone the article quotes or credits, and fill the entityId of each
 * speaker, relay and claim attribution. Entities are named by their fullest name in the article; the
 * same name gives the same id in every article, which the cross-article stage builds on.
 */
function linkEntities(articleId: string, found: ArticleEntities, quotes: Quote[], claims: Claim[]): Entity[] {
  const byId = new Map<string, Entity>();
  // The same names recur (every quote of one speaker): resolve each name once.
  const byName = new Map<string, Entity | null>();
  const entityFor = (name: string): Entity | null => {
    const seen = byName.get(name);
    if (seen !== undefined) return seen;
    const known = found.findByAnyName(name);
    let entity: Entity | null = null;
    if (known) {
      // (An entity's name lower-cased is the name it is filed under.)
      const lower = known.filedName;
      const id = makeId('entity', known.kind, lower);
      entity = byId.get(id) ?? null;
      if (!entity) {
        const aliases = known.aliases.filter((a) => a !== lower);
        entity = { id, kind: known.kind, name: known.name, aliases, roles: [...known.roles], articleIds: [articleId] };
        byId.set(id, entity);
      }
    }
    byName.set(name, entity);
    return entity;
  };
  const link = (ref: SpeakerRef | null): SpeakerRef | null => {
    if (!ref) return ref;
    const entity = entityFor(ref.name);
    if (!entity) return ref;
    const mention = ref.mention?.text;
    if (mention && mention.toLowerCase() !== entity.name.toLowerCase() && !entity.aliases.includes(mention)) entity.aliases.push(mention);
    return { ...ref, name: entity.name, entityId: entity.id };
  };
  for (const q of quotes) {
    q.speaker = link(q.speaker);
    q.via = link(q.via);
  }
  for (const c of claims) {
    if (!c.attribution) continue;
    const entity = entityFor(c.attribution.name);
    if (entity) c.attribution = { ...c.attribution, name: entity.name, entityId: entity.id };
  }
  for (const e of byId.values()) e.aliases = [...new Set(e.aliases)].sort();
  return [...byId.values()];
}
