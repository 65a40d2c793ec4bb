// Assembles per-article extractions into one Bundle: outlets and entities merged by id, inputs that
// failed kept with their reasons. Pure, so the CLI, the API and the store share it.
import { emptyBundle, type Bundle, type Entity, type InputError } from '@parallax/schema';
import type { ArticleExtraction } from './extract-article.js';

/** Merge two records of one entity: union of aliases, roles and articles. */
export function mergeEntity(into: Entity, from: Entity): Entity {
  const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].sort();
  return { ...into, aliases: union(into.aliases, from.aliases), roles: union(into.roles, from.roles), articleIds: union(into.articleIds, from.articleIds) };
}

export class BundleBuilder {
  private readonly bundle: Bundle = emptyBundle();
  private readonly outlets = new Set<string>();
  private readonly articles = new Set<string>();
  private readonly entities = new Map<string, Entity>();

  /** Add one article's extraction; an article already added (same id) is skipped and false returned. */
  add(extraction: ArticleExtraction): boolean {
    const { article, outlet, quotes, claims, entities } = extraction;
    if (this.articles.has(article.id)) return false;
    this.articles.add(article.id);
    if (outlet && !this.outlets.has(outlet.id)) {
      this.outlets.add(outlet.id);
      this.bundle.outlets.push(outlet);
    }
    this.bundle.articles.push(article);
    this.bundle.quotes.push(...quotes);
    this.bundle.claims.push(...claims);
    for (const e of entities) {
      const known = this.entities.get(e.id);
      this.entities.set(e.id, known ? mergeEntity(known, e) : e);
    }
    return true;
  }

  fail(error: InputError): void {
    this.bundle.errors.push(error);
  }

  build(): Bundle {
    return { ...this.bundle, entities: [...this.entities.values()] };
  }
}
