// Statements: the quotes in different articles of one story that report one utterance. Two quotes are
// candidates when their speakers are compatible (one entity, or a description such as "a Pentagon
// spokesman" that is a role the other speaker holds) and their content words overlap. Similarity is an
// idf-weighted soft containment of Porter stems (near forms through character trigrams), read in both
// directions so a short paraphrase or partial quote can match a long direct quote: translations share
// their rare words ("military", "technical", "refugees") even where the common ones differ. Merging is
// greedy best-first with one rendering per article, so two things one person said in one article never
// fall into one statement, and chains cannot run through an article twice.
import { makeId, type Entity, type Quote, type Statement } from '@parallax/schema';
import { alignWords } from './alignment.js';
import { normaliseName } from './entities.js';
import { contentStems, Idf, softContainment } from './text.js';
import { UnionFind } from './union-find.js';

export interface StatementOptions {
  /** Similarity at or above which two renderings are one utterance. */
  threshold?: number;
  /** Minimum content words a quote needs to take part (shorter fragments are too ambiguous). */
  minTerms?: number;
  /** Weight of the words of the sentence around a quote (outside the quote) beside the quote's own (1). */
  contextWeight?: number;
}

const DEFAULTS: Required<StatementOptions> = { threshold: 0.33, minTerms: 3, contextWeight: 0.4 };

/** Speaker key of a quote: its entity id, or its normalised name when unresolved. */
function speakerOf(q: Quote): { id: string | null; name: string } | null {
  if (!q.speaker) return null;
  return { id: q.speaker.entityId, name: normaliseName(q.speaker.name) };
}

/** Could these two quotes have one speaker? The same entity, or a description that is a role of the other. */
export function speakersCompatible(a: Quote, b: Quote, entities: ReadonlyMap<string, Entity>): boolean {
  const sa = speakerOf(a);
  const sb = speakerOf(b);
  if (!sa || !sb) return false;
  if (sa.id && sb.id) return sa.id === sb.id;
  if (!sa.id && !sb.id) return sa.name === sb.name;
  const [named, described] = sa.id ? [sa, sb] : [sb, sa];
  const entity = entities.get(named.id!);
  if (!entity || entity.kind !== 'person') return false;
  return entity.roles.some((r) => {
    const role = normaliseName(r);
    return role === described.name || (role.length > 6 && described.name.endsWith(role)) || (described.name.length > 6 && role.endsWith(described.name));
  });
}

/** Similarity of two renderings, 0..1: the better-covered side counts most. */
export function renderingSimilarity(a: readonly string[] | ReadonlyMap<string, number>, b: readonly string[] | ReadonlyMap<string, number>, weight: (t: string) => number): number {
  const ab = softContainment(a, b, weight);
  const ba = softContainment(b, a, weight);
  return 0.7 * Math.max(ab, ba) + 0.3 * Math.min(ab, ba);
}

export interface StatementResult {
  statements: Statement[];
  /** quote id -> statement id. */
  clusterOf: Map<string, string>;
  /** quote id -> the entity a described speaker was resolved to through its statement. */
  speakerResolved: Map<string, Entity>;
}

/** The least extraction confidence of a quote that may render an utterance in a statement. */
export const STATEMENT_CONFIDENCE = 0.5;

/**
 * Group the quotes of one story's articles into statements. `idf` holds document frequencies over quotes
 * (the wider the collection, the better the weights); `entities` maps resolved ids to entities.
 */
export function groupStatements(
  quotes: readonly Quote[],
  entities: ReadonlyMap<string, Entity>,
  idf: Idf,
  options: StatementOptions = {},
  contextOf: (q: Quote) => string = () => '',
): StatementResult {
  const o = { ...DEFAULTS, ...options };
  // Quotes the extractor gives under STATEMENT_CONFIDENCE report a position, not words (a stance verb's
  // object: "defended Moscow's support", "called for talks"): they are no rendering of an utterance.
  const usable = quotes.filter((q) => q.speaker && q.confidence >= STATEMENT_CONFIDENCE);
  const quoteTerms = usable.map((q) => contentStems(q.text));
  // The reporting sentence around a quote ("shrugged off allegations that ... sparked a flow of
  // refugees, saying ...") often names what the quote is about in the outlet's own words; it counts,
  // at a lower weight, so a paraphrase and a translation can meet on it.
  const terms = usable.map((q, k) => {
    const m = new Map<string, number>();
    for (const t of contentStems(contextOf(q))) m.set(t, o.contextWeight);
    for (const t of quoteTerms[k]!) m.set(t, 1);
    return m;
  });
  const weight = (t: string) => idf.weight(t);
  const pairs: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < usable.length; i++) {
    if (quoteTerms[i]!.length < o.minTerms) continue;
    for (let j = i + 1; j < usable.length; j++) {
      if (usable[i]!.articleId === usable[j]!.articleId || quoteTerms[j]!.length < o.minTerms) continue;
      if (!speakersCompatible(usable[i]!, usable[j]!, entities)) continue;
      const s = renderingSimilarity(terms[i]!, terms[j]!, weight);
      if (s >= o.threshold) pairs.push({ i, j, s });
    }
  }
  pairs.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  const uf = new UnionFind(usable.length);
  const articlesOf = new Map<number, Set<string>>();
  const arts = (r: number) => {
    let s = articlesOf.get(r);
    if (!s) articlesOf.set(r, (s = new Set([usable[r]!.articleId])));
    return s;
  };
  const sims = new Map<string, number>();
  for (const { i, j, s } of pairs) {
    const ri = uf.find(i);
    const rj = uf.find(j);
    if (ri === rj) continue;
    const ai = arts(ri);
    const aj = arts(rj);
    let clash = false;
    for (const a of aj) if (ai.has(a)) clash = true;
    if (clash) continue;
    const r = uf.union(ri, rj);
    const merged = new Set([...ai, ...aj]);
    articlesOf.set(r, merged);
    sims.set(`${i}|${j}`, s);
  }

  const statements: Statement[] = [];
  const clusterOf = new Map<string, string>();
  const speakerResolved = new Map<string, Entity>();
  for (const group of uf.groups()) {
    if (group.length < 2) continue;
    const qs = group.map((k) => usable[k]!);
    // The reference rendering: the fullest direct quote, else the fullest rendering.
    const ref = [...group].sort((x, y) => {
      const dx = usable[x]!.kind === 'direct' ? 1 : 0;
      const dy = usable[y]!.kind === 'direct' ? 1 : 0;
      return dy - dx || usable[y]!.text.length - usable[x]!.text.length || usable[x]!.id.localeCompare(usable[y]!.id);
    })[0]!;
    const refQuote = usable[ref]!;
    const named = new Set(qs.map((q) => q.speaker?.entityId).filter((x): x is string => !!x));
    const speaker = named.size === 1 ? (entities.get([...named][0]!) ?? null) : null;
    const quoteIds = qs.map((q) => q.id).sort();
    const id = makeId('statement', ...quoteIds);
    const variants = group
      .filter((k) => k !== ref)
      .map((k) => ({
        quoteId: usable[k]!.id,
        articleId: usable[k]!.articleId,
        similarity: Math.min(1, Math.max(0, renderingSimilarity(terms[ref]!, terms[k]!, weight))),
        ops: alignWords(refQuote.text, usable[k]!.text),
      }))
      .sort((x, y) => x.quoteId.localeCompare(y.quoteId));
    statements.push({
      id,
      speakerEntityId: speaker?.id ?? refQuote.speaker?.entityId ?? null,
      speakerName: speaker?.name ?? refQuote.speaker?.name ?? null,
      text: refQuote.text,
      referenceQuoteId: refQuote.id,
      quoteIds,
      articleIds: [...new Set(qs.map((q) => q.articleId))].sort(),
      variants,
    });
    for (const q of qs) {
      clusterOf.set(q.id, id);
      // A described speaker ("a Pentagon spokesman") whose words another article gives to a named
      // holder of that role is that person: the shared utterance is the evidence.
      if (speaker && q.speaker && !q.speaker.entityId) speakerResolved.set(q.id, speaker);
    }
  }
  return { statements, clusterOf, speakerResolved };
}
