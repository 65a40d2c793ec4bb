// ROUGE-N and ROUGE-L F1 (Lin 2004) the way Google's rouge-score computes them with stemming: lower case,
// non-alphanumerics to spaces, Porter stems for tokens longer than three characters; ROUGE-L is the LCS
// over the whole token sequences (not the summary-level rougeLsum).
import { stem } from '../src/text.js';

export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map((t) => (t.length > 3 ? stem(t) : t));
}

const f1 = (overlap: number, cand: number, ref: number) => {
  if (overlap === 0 || cand === 0 || ref === 0) return 0;
  const p = overlap / cand;
  const r = overlap / ref;
  return (2 * p * r) / (p + r);
};

export function rougeN(cand: string[], ref: string[], n: number): number {
  const grams = (t: string[]) => {
    const m = new Map<string, number>();
    for (let i = 0; i + n <= t.length; i++) {
      const g = t.slice(i, i + n).join(' ');
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const c = grams(cand);
  const r = grams(ref);
  let overlap = 0;
  for (const [g, k] of c) overlap += Math.min(k, r.get(g) ?? 0);
  return f1(overlap, Math.max(0, cand.length - n + 1), Math.max(0, ref.length - n + 1));
}

export function rougeL(cand: string[], ref: string[]): number {
  const prev = new Int32Array(ref.length + 1);
  const cur = new Int32Array(ref.length + 1);
  for (let i = 1; i <= cand.length; i++) {
    for (let j = 1; j <= ref.length; j++) cur[j] = cand[i - 1] === ref[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev.set(cur);
  }
  return f1(prev[ref.length]!, cand.length, ref.length);
}
