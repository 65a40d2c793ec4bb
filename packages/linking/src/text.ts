// Tokens, stems and weighted term vectors shared by every linking stage. Porter stems (the `stemmer`
// package) fold inflection ("supported", "supporting", "support"); character trigrams of the stems catch
// what stemming misses across renderings ("Syria" / "Syrian", "technical-military" / "military-technical"
// split into the same two words).
import { stemmer } from 'stemmer';

/** Function words that carry no content for matching. */
const STOP = new Set(
  ('a an the and or but if then than that this these those there here of in on at to for from by with without into onto over under ' +
    'as is are was were be been being am have has had having do does did done will would shall should can could may might must ' +
    'it its it\'s he she they them his her their him we us our you your i me my mine who whom whose which what when where why how ' +
    'not no nor so too very also just only even still yet all any some such each every both either neither other another more most ' +
    'said says say saying told tell telling according mr mrs ms dr about after before while during since until up down out off ' +
    'one s t don didn isn wasn aren weren won wouldn can\'t')
    .split(/\s+/),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Lower-cased word tokens, in order. */
export function wordTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) out.push(m[0].toLowerCase().replace(/['’]s$/, '').replace(/’/g, "'"));
  return out;
}

const stemCache = new Map<string, string>();
/** Porter stem of a lower-cased word, cached (the same words recur across thousands of articles). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^\d/.test(word) ? word : stemmer(word);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** A word that carries content for matching: not a stopword, longer than one character. */
export function isContentWord(word: string): boolean {
  return word.length > 1 && !STOP.has(word);
}

/** Stems of the content words of a text, in order (stopwords and one-letter tokens dropped). */
export function contentStems(text: string): string[] {
  // The same quote and claim texts are read by several stages: keep the last few thousand.
  const hit = stemsCache.get(text);
  if (hit) return hit;
  const out: string[] = [];
  for (const w of wordTokens(text)) if (isContentWord(w)) out.push(stem(w));
  if (stemsCache.size > 20_000) stemsCache.clear();
  stemsCache.set(text, out);
  return out;
}
const stemsCache = new Map<string, string[]>();

/** Term frequencies of a list of terms. */
export function termCounts(terms: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/** The smoothed idf of a term in `df` of `docs` documents: log((N + 1) / (df + 1)) + 1. */
export function smoothedIdf(docs: number, df: number): number {
  return Math.log((docs + 1) / (df + 1)) + 1;
}

/** Sublinear term frequency: a term's weight grows with the log of its count. */
export function sublinearTf(count: number): number {
  return 1 + Math.log(count);
}

/** Document frequencies over a collection, with the smoothed idf (smoothedIdf). */
export class Idf {
  readonly df = new Map<string, number>();
  docs = 0;
  private readonly cache = new Map<string, number>();
  add(terms: Iterable<string>): void {
    this.docs++;
    this.cache.clear();
    for (const t of new Set(terms)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }
  weight(term: string): number {
    let w = this.cache.get(term);
    if (w === undefined) {
      w = smoothedIdf(this.docs, this.df.get(term) ?? 0);
      this.cache.set(term, w);
    }
    return w;
  }
}

/** A sparse unit-length vector. */
export type SparseVector = Map<string, number>;

/** Sublinear tf-idf, L2-normalised. */
export function tfidfVector(tf: Map<string, number>, idf: Idf): SparseVector {
  const v: SparseVector = new Map();
  let norm = 0;
  for (const [t, n] of tf) {
    const w = sublinearTf(n) * idf.weight(t);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

export function cosine(a: SparseVector, b: SparseVector): number {
  if (a.size > b.size) [a, b] = [b, a];
  let s = 0;
  for (const [t, w] of a) {
    const o = b.get(t);
    if (o !== undefined) s += w * o;
  }
  return s;
}

const trigramCache = new Map<string, Set<string>>();
function trigrams(s: string): Set<string> {
  const hit = trigramCache.get(s);
  if (hit) return hit;
  if (trigramCache.size > 100_000) trigramCache.clear();
  const padded = `#${s}#`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  trigramCache.set(s, out);
  return out;
}

/** Dice coefficient of the character trigrams of two words, 0..1. */
export function trigramDice(a: string, b: string): number {
  if (a === b) return 1;
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const g of ta) if (tb.has(g)) shared++;
  return (2 * shared) / (ta.size + tb.size);
}

/**
 * How much of `a`'s weighted content `b` covers: each stem of `a` takes its best match in `b` (1 for the
 * same stem, the trigram Dice for a near form at or above 0.5, else 0), weighted by idf. 0..1.
 */
export function softContainment(a: readonly string[] | ReadonlyMap<string, number>, b: readonly string[] | ReadonlyMap<string, number>, weight: (t: string) => number): number {
  const am: ReadonlyMap<string, number> = Array.isArray(a) ? new Map(a.map((t) => [t, 1])) : (a as ReadonlyMap<string, number>);
  const bs: ReadonlySet<string> | ReadonlyMap<string, number> = Array.isArray(b) ? new Set(b) : (b as ReadonlyMap<string, number>);
  if (am.size === 0 || bs.size === 0) return 0;
  let total = 0;
  let got = 0;
  for (const [t, m] of am) {
    const w = weight(t) * m;
    total += w;
    if (bs.has(t)) {
      got += w;
      continue;
    }
    let best = 0;
    if (t.length >= 4) for (const u of bs.keys()) if (u.length >= 4 && u[0] === t[0] && Math.abs(u.length - t.length) <= 4) best = Math.max(best, trigramDice(t, u));
    if (best >= 0.5) got += w * best;
  }
  return total > 0 ? got / total : 0;
}
