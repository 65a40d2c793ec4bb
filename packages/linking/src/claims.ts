// Claim groups: claims in a story's articles about one fact. Two claims are candidates when their
// content words overlap (the same soft containment as statements) and they do not contradict each
// other's kind of fact; sharing a counted unit or a resolved day raises the score, and claims carried by
// quotes of one statement are one fact outright. Each group counts its distinct outlets (articles when
// the outlet is unknown) and lists where quantities, days or attributions disagree, both sides shown.
import { makeId, type Claim, type ClaimConflict, type ClaimGroup, type Entity, type Quantity } from '@parallax/schema';
import { effectiveDay } from './dates.js';
import { renderingSimilarity } from './statements.js';
import { contentStems, Idf } from './text.js';
import { UnionFind } from './union-find.js';

export interface ClaimGroupOptions {
  threshold?: number;
}

export interface ClaimContext {
  /** Article id -> outlet id (null when unknown). */
  outletOf: ReadonlyMap<string, string | null>;
  /** Article id -> the day relative dates resolve against (publication day, or the story's). */
  referenceDay: ReadonlyMap<string, string | null>;
  /** Quote id -> statement id. */
  statementOf: ReadonlyMap<string, string>;
  entities: ReadonlyMap<string, Entity>;
}

/** Days a claim refers to, at day precision, resolved against its article's (or story's) day. */
export function claimDays(c: Claim, ctx: Pick<ClaimContext, 'referenceDay'>): string[] {
  const ref = ctx.referenceDay.get(c.articleId) ?? null;
  return [...new Set(c.dates.map((d) => effectiveDay(d, ref)).filter((d): d is string => !!d))];
}

const unitKey = (q: Quantity) => (q.unit ?? '').toLowerCase().replace(/s$/, '');

/** Do two quantities state the same amount, allowing for their qualifiers ("about", "more than")? */
export function quantitiesAgree(a: Quantity, b: Quantity): boolean {
  if (a.value === b.value) return true;
  const hedged = (q: Quantity) => q.qualifier !== 'exact';
  const lo = Math.min(a.value, b.value);
  const hi = Math.max(a.value, b.value);
  const rel = (hi - lo) / Math.max(Math.abs(hi), 1e-9);
  if (hedged(a) || hedged(b)) return rel <= 0.15;
  return rel <= 0.01;
}

/** Group the claims of one story. */
export function groupClaims(claims: readonly Claim[], ctx: ClaimContext, idf: Idf, options: ClaimGroupOptions = {}): { groups: ClaimGroup[]; clusterOf: Map<string, string> } {
  const threshold = options.threshold ?? 0.5;
  const terms = claims.map((c) => contentStems(c.text).filter((t) => !/^\d/.test(t)));
  const days = claims.map((c) => claimDays(c, ctx));
  const weight = (t: string) => idf.weight(t);
  const pairs: { i: number; j: number; s: number }[] = [];
  // Blocking: only claims that share two stems (or whose quotes are one statement) are compared.
  const postings = new Map<string, number[]>();
  const local = new Map<string, number>();
  for (const ts of terms) for (const t of new Set(ts)) local.set(t, (local.get(t) ?? 0) + 1);
  // Stems in a quarter or more of the story's claims ("said", the main actor) block nothing.
  const common = Math.max(8, claims.length / 4);
  terms.forEach((ts, k) => {
    for (const t of new Set(ts)) {
      if (local.get(t)! > common) continue;
      let p = postings.get(t);
      if (!p) postings.set(t, (p = []));
      p.push(k);
    }
  });
  const byStatement = new Map<string, number[]>();
  claims.forEach((c, k) => {
    const st = c.quoteId ? ctx.statementOf.get(c.quoteId) : undefined;
    if (!st) return;
    let list = byStatement.get(st);
    if (!list) byStatement.set(st, (list = []));
    list.push(k);
  });
  const shared = new Map<number, number>();
  for (let i = 0; i < claims.length; i++) {
    shared.clear();
    for (const t of new Set(terms[i]!)) for (const j of postings.get(t) ?? []) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    const st = claims[i]!.quoteId ? ctx.statementOf.get(claims[i]!.quoteId!) : undefined;
    for (const j of st ? byStatement.get(st)! : []) if (j > i) shared.set(j, 99);
    for (const [j, count] of shared) {
      if (count < 2) continue;
      const a = claims[i]!;
      const b = claims[j]!;
      if (a.articleId === b.articleId) continue;
      const sa = a.quoteId ? ctx.statementOf.get(a.quoteId) : undefined;
      const sb = b.quoteId ? ctx.statementOf.get(b.quoteId) : undefined;
      let s: number;
      if (sa && sa === sb) s = 1;
      else {
        if (terms[i]!.length < 3 || terms[j]!.length < 3) continue;
        s = renderingSimilarity(terms[i]!, terms[j]!, weight);
        if (s < threshold * 0.6) continue;
        const units = new Set(a.quantities.map(unitKey).filter(Boolean));
        if (b.quantities.some((q) => units.has(unitKey(q)))) s += 0.1;
        if (days[i]!.some((d) => days[j]!.includes(d))) s += 0.1;
      }
      if (s >= threshold) pairs.push({ i, j, s });
    }
  }
  pairs.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  const uf = new UnionFind(claims.length);
  const arts = new Map<number, Set<string>>();
  const artsOf = (r: number) => arts.get(r) ?? new Set([claims[r]!.articleId]);
  for (const { i, j } of pairs) {
    const ri = uf.find(i);
    const rj = uf.find(j);
    if (ri === rj) continue;
    const ai = artsOf(ri);
    const aj = artsOf(rj);
    if ([...aj].some((a) => ai.has(a))) continue;
    arts.set(uf.union(ri, rj), new Set([...ai, ...aj]));
  }

  const groups: ClaimGroup[] = [];
  const clusterOf = new Map<string, string>();
  for (const members of uf.groups()) {
    const cs = members.map((k) => claims[k]!);
    const claimIds = cs.map((c) => c.id).sort();
    const id = makeId('claimGroup', ...claimIds);
    const articleIds = [...new Set(cs.map((c) => c.articleId))].sort();
    const outletIds = [...new Set(articleIds.map((a) => ctx.outletOf.get(a)).filter((o): o is string => !!o))].sort();
    const corroboration = outletIds.length + articleIds.filter((a) => !ctx.outletOf.get(a)).length;
    const conflicts = findConflicts(members, claims, days, ctx.entities);
    // The representative: the member most like the others, then the shortest.
    let best = members[0]!;
    let bestScore = -1;
    for (const k of members) {
      let sc = 0;
      for (const l of members) if (l !== k) sc += renderingSimilarity(terms[k]!, terms[l]!, weight);
      if (sc > bestScore + 1e-9 || (Math.abs(sc - bestScore) <= 1e-9 && claims[k]!.text.length < claims[best]!.text.length)) {
        best = k;
        bestScore = sc;
      }
    }
    groups.push({
      id,
      text: claims[best]!.text,
      claimIds,
      articleIds,
      outletIds,
      corroboration,
      status: conflicts.length > 0 ? 'contested' : corroboration >= 2 ? 'corroborated' : 'single-source',
      conflicts,
    });
    for (const c of cs) clusterOf.set(c.id, id);
  }
  return { groups, clusterOf };
}

function findConflicts(members: number[], claims: readonly Claim[], days: string[][], entities: ReadonlyMap<string, Entity>): ClaimConflict[] {
  if (members.length < 2) return [];
  const conflicts: ClaimConflict[] = [];
  // Quantities: per counted unit, claims whose amounts do not agree.
  const byUnit = new Map<string, { claimId: string; q: Quantity }[]>();
  for (const k of members)
    for (const q of claims[k]!.quantities) {
      const u = unitKey(q);
      if (!u) continue;
      let list = byUnit.get(u);
      if (!list) byUnit.set(u, (list = []));
      if (!list.some((x) => x.claimId === claims[k]!.id)) list.push({ claimId: claims[k]!.id, q });
    }
  for (const list of byUnit.values()) {
    if (list.length < 2) continue;
    const disagree = list.some((x) => list.some((y) => !quantitiesAgree(x.q, y.q)));
    if (disagree) conflicts.push({ field: 'quantity', sides: list.map((x) => ({ claimId: x.claimId, value: `${x.q.value}${x.q.high !== null ? `-${x.q.high}` : ''} ${x.q.unit ?? ''}`.trim() })) });
  }
  // Days: claims that date the fact to different days.
  const dated = members.filter((k) => days[k]!.length > 0);
  const distinct = new Set(dated.map((k) => days[k]![0]));
  if (distinct.size > 1) conflicts.push({ field: 'date', sides: dated.map((k) => ({ claimId: claims[k]!.id, value: days[k]![0]! })) });
  // Attributions: two different named people credited with the same fact.
  const people = members.filter((k) => {
    const e = claims[k]!.attribution?.entityId;
    return !!e && entities.get(e)?.kind === 'person';
  });
  const who = new Set(people.map((k) => claims[k]!.attribution!.entityId));
  if (who.size > 1) conflicts.push({ field: 'attribution', sides: people.map((k) => ({ claimId: claims[k]!.id, value: claims[k]!.attribution!.name })) });
  return conflicts;
}
