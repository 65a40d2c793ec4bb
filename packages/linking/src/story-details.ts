// Per-story views: the timeline (claims' resolved days), the coverage matrix (which of the story's
// articles report each statement and claim group) and an extractive digest (the best corroborated claims
// and statements, redundancy removed, each line citing its articles and outlets).
import type { Claim, ClaimGroup, CoverageRow, DigestLine, Quote, Statement, TimelineEvent } from '@parallax/schema';
import { claimDays } from './claims.js';
import { contentStems, Idf, softContainment, termCounts, tfidfVector, cosine } from './text.js';

export interface StoryParts {
  articleIds: readonly string[];
  statements: readonly Statement[];
  claimGroups: readonly ClaimGroup[];
  claims: ReadonlyMap<string, Claim>;
  quotes: ReadonlyMap<string, Quote>;
  outletOf: ReadonlyMap<string, string | null>;
  referenceDay: ReadonlyMap<string, string | null>;
}

const short = (text: string, max = 140) => (text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`);

/** Dated events: one per claim group and day, in date order. */
export function buildTimeline(parts: StoryParts): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const g of parts.claimGroups) {
    const byDay = new Map<string, Claim[]>();
    for (const id of g.claimIds) {
      const c = parts.claims.get(id);
      if (!c) continue;
      for (const d of claimDays(c, parts)) {
        let list = byDay.get(d);
        if (!list) byDay.set(d, (list = []));
        list.push(c);
      }
    }
    for (const [date, cs] of byDay)
      events.push({ date, text: g.text, claimIds: cs.map((c) => c.id).sort(), articleIds: [...new Set(cs.map((c) => c.articleId))].sort() });
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || b.articleIds.length - a.articleIds.length || a.text.localeCompare(b.text));
}

/** The coverage matrix: statements first, then claim groups, each most widely reported first. */
export function buildCoverage(parts: StoryParts): CoverageRow[] {
  const rows: CoverageRow[] = [
    ...parts.statements.map((s) => ({ kind: 'statement' as const, id: s.id, label: short(`${s.speakerName ? `${s.speakerName}: ` : ''}${s.text}`), articleIds: [...s.articleIds] })),
    ...parts.claimGroups.map((g) => ({ kind: 'claim-group' as const, id: g.id, label: short(g.text), articleIds: [...g.articleIds] })),
  ];
  const order = (r: CoverageRow) => (r.kind === 'statement' ? 0 : 1);
  return rows.sort((a, b) => order(a) - order(b) || b.articleIds.length - a.articleIds.length || a.id.localeCompare(b.id));
}

export interface DigestOptions {
  /** Word budget of the digest. */
  words?: number;
  /** Skip a line whose content another chosen line already covers this much. */
  redundancy?: number;
}

/**
 * An extractive digest: candidate lines are claim groups (their representative sentence) and statements
 * (the sentence carrying the reference quote), ranked by corroboration and then by closeness to the
 * story's centroid; a line mostly covered by one already chosen is skipped (maximal marginal relevance).
 */
export function buildDigest(parts: StoryParts, options: DigestOptions = {}): DigestLine[] {
  const budget = options.words ?? 120;
  const redundancy = options.redundancy ?? 0.6;
  type Cand = { text: string; sourceId: string; articleIds: string[]; corroboration: number; terms: string[] };
  const outletsOf = (articleIds: readonly string[]) => [...new Set(articleIds.map((a) => parts.outletOf.get(a)).filter((o): o is string => !!o))].sort();
  const corroboration = (articleIds: readonly string[]) => outletsOf(articleIds).length + articleIds.filter((a) => !parts.outletOf.get(a)).length;
  const cands: Cand[] = [];
  for (const g of parts.claimGroups) cands.push({ text: g.text, sourceId: g.id, articleIds: [...g.articleIds], corroboration: g.corroboration, terms: contentStems(g.text) });
  const claimOfQuote = new Map<string, Claim>();
  for (const c of parts.claims.values()) if (c.quoteId) claimOfQuote.set(c.quoteId, c);
  for (const s of parts.statements) {
    // The sentence that carries the reference quote, when a claim holds it; else the quote itself.
    let text = s.text;
    const carrier = claimOfQuote.get(s.referenceQuoteId);
    if (carrier && carrier.text.length >= s.text.length * 0.5) text = carrier.text;
    if (text === s.text && s.speakerName) text = `${s.speakerName}: “${s.text}”`;
    cands.push({ text, sourceId: s.id, articleIds: [...s.articleIds], corroboration: corroboration(s.articleIds), terms: contentStems(text) });
  }
  if (cands.length === 0) return [];
  const idf = new Idf();
  for (const c of cands) idf.add(c.terms);
  const vectors = cands.map((c) => tfidfVector(termCounts(c.terms), idf));
  const centroid = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w);
  let norm = 0;
  for (const w of centroid.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of centroid) centroid.set(t, w / norm);
  const centrality = vectors.map((v) => cosine(v, centroid));
  const order = cands.map((_, k) => k).sort((x, y) => cands[y]!.corroboration - cands[x]!.corroboration || centrality[y]! - centrality[x]! || cands[x]!.sourceId.localeCompare(cands[y]!.sourceId));
  const chosen: number[] = [];
  let words = 0;
  const weight = (t: string) => idf.weight(t);
  for (const k of order) {
    if (words >= budget) break;
    const c = cands[k]!;
    if (c.terms.length < 3) continue;
    if (chosen.some((j) => softContainment(c.terms, cands[j]!.terms, weight) >= redundancy)) continue;
    chosen.push(k);
    words += c.text.split(/\s+/).length;
  }
  return chosen.map((k) => ({ text: cands[k]!.text, sourceId: cands[k]!.sourceId, articleIds: cands[k]!.articleIds, outletIds: outletsOf(cands[k]!.articleIds) }));
}
