// Story clustering: articles about one event. Each article is a sublinear tf-idf vector of its headline
// (counted twice) and body stems. Candidates come from blocking: an article is indexed under its most
// distinctive terms (highest tf-idf among terms not in too many articles), and only articles sharing
// such terms are compared, so the cost grows with the corpus, not with its square. Pairs are scored by
// cosine, discounted by the distance between publication dates, and merged by average-link
// agglomeration over the candidate graph (a missing pair counts as 0), which does not chain the way
// single-link does.
import type { Article } from '@parallax/schema';
import { contentStems, Idf, isContentWord, smoothedIdf, stem, sublinearTf, termCounts, wordTokens } from './text.js';

export interface StoryClusteringOptions {
  /** Average-link similarity at or above which two clusters merge. */
  threshold?: number;
  /** Blocking terms per article. */
  blockingTerms?: number;
  /** Candidates kept per article (best by blocking score) before the exact cosine. */
  candidates?: number;
  /** Days over which a date difference halves the similarity. */
  dateHalfLifeDays?: number;
  /**
   * Document frequencies of the whole collection (collectionIdf over a sample of it), when the articles
   * given are only a neighbourhood of it (an ingest re-linking a few articles in a large store): term
   * weights and the blocking terms come from it, so pairs are compared as they would be in the whole
   * collection (frequencies counted inside a neighbourhood would rate its shared words as common).
   */
  idf?: Idf;
  /** How many articles the collection holds, when `idf` comes from a sample of it. */
  collectionSize?: number;
}

const DEFAULTS: Required<Omit<StoryClusteringOptions, 'idf' | 'collectionSize'>> = { threshold: 0.1, blockingTerms: 15, candidates: 25, dateHalfLifeDays: 7 };

/** The publication day of an article as a day number, or null. */
export function dayNumber(date: string | null): number | null {
  if (!date) return null;
  const t = Date.parse(date.slice(0, 10) + 'T00:00:00Z');
  return Number.isNaN(t) ? null : Math.round(t / 86_400_000);
}

/** The text an article is clustered on: the headline weighs double. */
export function storyTerms(article: Pick<Article, 'headline' | 'standfirst' | 'body'>): string[] {
  const head = contentStems(`${article.headline ?? ''} ${article.standfirst ?? ''}`);
  return [...head, ...head, ...contentStems(article.body)];
}

/** Document frequencies of a collection from some of its articles (a random sample): for StoryClusteringOptions.idf. */
export function collectionIdf(sample: ReadonlyArray<Pick<Article, 'headline' | 'standfirst' | 'body'>>): Idf {
  const idf = new Idf();
  for (const a of sample) idf.add(storyTerms(a));
  return idf;
}

/**
 * The words that best tell an article's story apart (a full-text query for its neighbours): the content
 * words of its headline (counted twice) and body with the highest tf-idf under `idf`, as written (lower
 * case), one per stem.
 */
export function storyQueryWords(article: Pick<Article, 'headline' | 'standfirst' | 'body'>, idf: Idf, count = 10): string[] {
  const head = wordTokens(`${article.headline ?? ''} ${article.standfirst ?? ''}`);
  const words = [...head, ...head, ...wordTokens(article.body)];
  const byStem = new Map<string, { word: string; n: number }>();
  for (const w of words) {
    if (!isContentWord(w) || /^\d/.test(w)) continue;
    const s = stem(w);
    const had = byStem.get(s);
    if (had) had.n++;
    else byStem.set(s, { word: w, n: 1 });
  }
  return [...byStem]
    .map(([s, { word, n }]) => ({ word, score: sublinearTf(n) * idf.weight(s) }))
    .sort((a, b) => b.score - a.score || (a.word < b.word ? -1 : 1))
    .slice(0, count)
    .map((x) => x.word);
}

/** How much a gap of some days between two articles discounts their similarity: 1 within two days. */
export function dateFactor(a: number | null, b: number | null, halfLife: number): number {
  if (a === null || b === null) return 1;
  const gap = Math.max(0, Math.abs(a - b) - 2);
  return Math.pow(0.5, gap / halfLife);
}

/**
 * What story clustering reads of an article: its distinct terms in order of first use, their counts, and
 * its publication day. Arrays, not a Map: a caller holding a whole collection's documents (100,000
 * articles) keeps a third of the memory.
 */
export interface StoryDocument {
  terms: string[];
  counts: Uint16Array;
  day: number | null;
}

/** An article as story clustering sees it (a caller holding a whole collection keeps these, not the text). */
export function storyDocument(article: Pick<Article, 'headline' | 'standfirst' | 'body' | 'publishedAt'>): StoryDocument {
  const tf = termCounts(storyTerms(article));
  const counts = new Uint16Array(tf.size);
  let k = 0;
  for (const n of tf.values()) counts[k++] = Math.min(n, 65_535);
  return { terms: [...tf.keys()], counts, day: dayNumber(article.publishedAt) };
}

/**
 * Cluster articles into stories. Returns groups of indexes into `articles`, each sorted, groups in order
 * of their first article. Deterministic for a given input order.
 */
export function clusterArticles(articles: ReadonlyArray<Pick<Article, 'headline' | 'standfirst' | 'body' | 'publishedAt'>>, options: StoryClusteringOptions = {}): number[][] {
  return clusterDocuments(articles.map(storyDocument), options);
}

/**
 * clusterArticles over StoryDocuments. Each document's tf-idf vector is its terms' ids (one dictionary
 * for the run) and weights in typed arrays, in the order of its terms, L2-normalised as tfidfVector does;
 * a cosine walks the shorter vector in its order and reads the other's weights from a dense table, so the
 * sums are the ones a Map-based cosine gives.
 */
export function clusterDocuments(docs: readonly StoryDocument[], options: StoryClusteringOptions = {}): number[][] {
  const o = { ...DEFAULTS, ...options };
  const n = docs.length;
  // Term ids, and each document's ids in its own order.
  const idOf = new Map<string, number>();
  const terms: string[] = [];
  const ids: Int32Array[] = docs.map((d) => {
    const out = new Int32Array(d.terms.length);
    for (let k = 0; k < d.terms.length; k++) {
      const t = d.terms[k]!;
      let id = idOf.get(t);
      if (id === undefined) {
        id = terms.length;
        idOf.set(t, id);
        terms.push(t);
      }
      out[k] = id;
    }
    return out;
  });
  // Document frequencies and idf weights by id: the collection's (a sample's) or counted here.
  const df = new Float64Array(terms.length);
  const idfWeight = new Float64Array(terms.length);
  if (options.idf) {
    for (let t = 0; t < terms.length; t++) {
      df[t] = options.idf.df.get(terms[t]!) ?? 0;
      idfWeight[t] = options.idf.weight(terms[t]!);
    }
  } else {
    for (const list of ids) for (let k = 0; k < list.length; k++) df[list[k]!]!++;
    for (let t = 0; t < terms.length; t++) idfWeight[t] = smoothedIdf(n, df[t]!);
  }
  // Sublinear tf-idf, L2-normalised.
  const weights: Float64Array[] = docs.map((d, i) => {
    const list = ids[i]!;
    const w = new Float64Array(list.length);
    let norm = 0;
    for (let k = 0; k < list.length; k++) {
      const x = sublinearTf(d.counts[k]!) * idfWeight[list[k]!]!;
      w[k] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < w.length; k++) w[k] = w[k]! / norm;
    return w;
  });
  const days = docs.map((d) => d.day);
  // Blocking: each article's most distinctive shared terms. For a neighbourhood, a term's frequency in
  // the collection is estimated from the sample's.
  const size = options.idf ? Math.max(n, options.collectionSize ?? options.idf.docs) : n;
  const scale = options.idf ? size / Math.max(1, options.idf.docs) : 1;
  const maxDf = Math.max(8, Math.ceil(size * 0.02));
  // Postings: term id -> the articles blocked under it, with the term's weight in each.
  const postings = new Map<number, { docs: number[]; weights: number[] }>();
  const blocks: Array<Array<{ id: number; w: number }>> = ids.map((list, i) => {
    const w = weights[i]!;
    const chosen: Array<{ id: number; w: number }> = [];
    for (let k = 0; k < list.length; k++) {
      const f = df[list[k]!]! * scale;
      // In a neighbourhood a term the sample never saw may still be shared: only the upper bound holds.
      if ((options.idf || f >= 2) && f <= maxDf) chosen.push({ id: list[k]!, w: w[k]! });
    }
    chosen.sort((a, b) => b.w - a.w || (terms[a.id]! < terms[b.id]! ? -1 : 1));
    const top = chosen.slice(0, o.blockingTerms);
    for (const { id, w: x } of top) {
      let p = postings.get(id);
      if (!p) postings.set(id, (p = { docs: [], weights: [] }));
      p.docs.push(i);
      p.weights.push(x);
    }
    return top;
  });

  // Candidate pairs: for each article, the others that share its blocking terms, best first.
  const edges = new Map<number, Map<number, number>>();
  const addEdge = (i: number, j: number, s: number) => {
    const [a, b] = i < j ? [i, j] : [j, i];
    let m = edges.get(a);
    if (!m) edges.set(a, (m = new Map()));
    m.set(b, s);
  };
  const score = new Float64Array(n);
  const touched: number[] = [];
  // Dense weight tables for the cosine: article i's (set once per i) and a candidate's (when i's is shorter).
  const mine = new Float64Array(terms.length);
  const theirs = new Float64Array(terms.length);
  const cosine = (i: number, j: number): number => {
    const ai = ids[i]!;
    const aj = ids[j]!;
    let s = 0;
    if (ai.length > aj.length) {
      // Walk the shorter (j) in its order.
      const wj = weights[j]!;
      for (let k = 0; k < aj.length; k++) {
        const other = mine[aj[k]!]!;
        if (other !== 0) s += wj[k]! * other;
      }
      return s;
    }
    const wj = weights[j]!;
    for (let k = 0; k < aj.length; k++) theirs[aj[k]!] = wj[k]!;
    const wi = weights[i]!;
    for (let k = 0; k < ai.length; k++) {
      const other = theirs[ai[k]!]!;
      if (other !== 0) s += wi[k]! * other;
    }
    for (let k = 0; k < aj.length; k++) theirs[aj[k]!] = 0;
    return s;
  };
  for (let i = 0; i < n; i++) {
    for (const { id, w } of blocks[i]!) {
      const p = postings.get(id)!;
      for (let k = 0; k < p.docs.length; k++) {
        const j = p.docs[k]!;
        if (j === i) continue;
        if (score[j] === 0) touched.push(j);
        score[j]! += w * p.weights[k]!;
      }
    }
    touched.sort((a, b) => score[b]! - score[a]! || a - b);
    const ai = ids[i]!;
    const wi = weights[i]!;
    for (let k = 0; k < ai.length; k++) mine[ai[k]!] = wi[k]!;
    for (const j of touched.slice(0, o.candidates)) {
      const s = cosine(i, j) * dateFactor(days[i]!, days[j]!, o.dateHalfLifeDays);
      if (s > 0) addEdge(i, j, s);
    }
    for (let k = 0; k < ai.length; k++) mine[ai[k]!] = 0;
    for (const j of touched) score[j] = 0;
    touched.length = 0;
  }

  return averageLink(n, edges, o.threshold);
}

/**
 * Average-link agglomerative clustering over a sparse similarity graph: repeatedly merge the two
 * clusters with the highest mean pairwise similarity (absent pairs count 0) while it is >= threshold.
 */
export function averageLink(n: number, edges: Map<number, Map<number, number>>, threshold: number): number[][] {
  // Cluster -> neighbour cluster -> summed similarity.
  const sums = new Map<number, Map<number, number>>();
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) members.set(i, [i]);
  const link = (a: number, b: number, s: number) => {
    let m = sums.get(a);
    if (!m) sums.set(a, (m = new Map()));
    m.set(b, (m.get(b) ?? 0) + s);
  };
  for (const [a, m] of edges)
    for (const [b, s] of m) {
      link(a, b, s);
      link(b, a, s);
    }
  // A simple binary heap of candidate merges, re-validated when popped (lazy deletion).
  type Item = { avg: number; a: number; b: number; sa: number; sb: number };
  const heap: Item[] = [];
  const push = (it: Item) => {
    heap.push(it);
    let k = heap.length - 1;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (!better(heap[k]!, heap[p]!)) break;
      [heap[k], heap[p]] = [heap[p]!, heap[k]!];
      k = p;
    }
  };
  const better = (x: Item, y: Item) => x.avg > y.avg || (x.avg === y.avg && (x.a < y.a || (x.a === y.a && x.b < y.b)));
  const pop = (): Item | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < heap.length && better(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && better(heap[r]!, heap[m]!)) m = r;
        if (m === k) break;
        [heap[k], heap[m]] = [heap[m]!, heap[k]!];
        k = m;
      }
    }
    return top;
  };
  const offer = (a: number, b: number) => {
    const s = sums.get(a)?.get(b) ?? 0;
    const sa = members.get(a)!.length;
    const sb = members.get(b)!.length;
    const avg = s / (sa * sb);
    if (avg >= threshold) push(a < b ? { avg, a, b, sa, sb } : { avg, a: b, b: a, sa: sb, sb: sa });
  };
  for (const [a, m] of sums) for (const b of m.keys()) if (a < b) offer(a, b);
  for (;;) {
    const it = pop();
    if (!it) break;
    const ma = members.get(it.a);
    const mb = members.get(it.b);
    // Stale: one side merged away or grew since this entry was made.
    if (!ma || !mb || ma.length !== it.sa || mb.length !== it.sb) continue;
    // Merge b into a.
    ma.push(...mb);
    members.delete(it.b);
    const nb = sums.get(it.b) ?? new Map<number, number>();
    sums.delete(it.b);
    const na = sums.get(it.a) ?? new Map<number, number>();
    sums.set(it.a, na);
    na.delete(it.b);
    for (const [c, s] of nb) {
      if (c === it.a) continue;
      na.set(c, (na.get(c) ?? 0) + s);
      const mc = sums.get(c)!;
      mc.set(it.a, (mc.get(it.a) ?? 0) + s);
      mc.delete(it.b);
    }
    for (const c of na.keys()) offer(it.a, c);
  }
  return [...members.values()].map((m) => m.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}
