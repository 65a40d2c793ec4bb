// PolNeAR attribution benchmark. Scoring as the issue fixes it, so figures compare across runs:
// - one annotator file per article (the first by name);
// - a system quote matches a gold Content when each covers at least half of the other's words;
// - precision counts system quotes that match any gold Content;
// - the quoted subset is gold Contents holding quote marks, against system quotes of kind direct,
//   partial or mixed;
// - a speaker is right when its canonical name holds a capitalised word of the gold Source (pronoun and
//   generic sources are not scored).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashHex, makeId, type Article, type Claim, type Quote, type Span } from '@parallax/schema';
import { analyseArticle } from '../src/extract-article.js';
import { extractQuotes } from '../src/quotes/extract.js';

export interface GoldAttribution {
  content: Span[];
  contentText: string;
  source: string | null;
}

/** Parse a brat .ann file into attribution relations. */
export function parseAnn(ann: string): GoldAttribution[] {
  const spans = new Map<string, { label: string; parts: Span[]; text: string }>();
  const relations: string[] = [];
  for (const line of ann.split('\n')) {
    if (line.startsWith('T')) {
      const [id, meta, text] = line.split('\t');
      if (!id || !meta) continue;
      const [label, ...rest] = meta.split(' ');
      const parts = rest.join(' ').split(';').map((p) => {
        const [a, b] = p.trim().split(' ').map(Number);
        return { start: a!, end: b! };
      });
      spans.set(id, { label: label!, parts, text: text ?? '' });
    } else if (line.startsWith('E')) relations.push(line);
  }
  const out: GoldAttribution[] = [];
  for (const rel of relations) {
    const args = new Map((rel.split('\t')[1] ?? '').split(' ').map((a) => a.split(':') as [string, string]));
    const content = spans.get(args.get('Content') ?? '');
    if (!content) continue;
    const source = spans.get(args.get('Source') ?? '');
    out.push({ content: content.parts, contentText: content.text, source: source?.text ?? null });
  }
  return out;
}

/** An Article whose body is the raw text (so gold offsets apply), paragraphs at its non-empty lines. */
export function rawArticle(text: string, name: string): Article {
  const paragraphs: Span[] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) paragraphs.push({ start, end });
  }
  return {
    id: makeId('article', name), sourcePath: name, sourceUrl: null, format: 'text', contentHash: hashHex(text), outletId: null,
    headline: null, standfirst: null, byline: null, authors: [], dateline: null, language: 'en', publishedAt: null, publishedAtSource: null,
    body: text, paragraphs, captions: [], credits: [], boilerplate: [], wordCount: 0, storyId: null,
  };
}

const WORD = /[\p{L}\p{N}]+/gu;
function wordSet(text: string, spans: readonly Span[]): Set<number> {
  const set = new Set<number>();
  for (const s of spans) {
    WORD.lastIndex = s.start;
    let m: RegExpExecArray | null;
    while ((m = WORD.exec(text)) !== null && m.index < s.end) set.add(m.index);
  }
  return set;
}
const overlap = (a: Set<number>, b: Set<number>) => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};
const matches = (sys: Set<number>, gold: Set<number>) => {
  const o = overlap(sys, gold);
  return sys.size > 0 && gold.size > 0 && o * 2 >= gold.size && o * 2 >= sys.size;
};

const QUOTE_MARK = /[“”"«»„]/;
const NOT_NAMES = new Set('he she they it i we you his her their its the a an this that these those one some mr mrs ms dr president'.split(' '));
const capitalisedWords = (s: string) => (s.match(/\p{Lu}[\p{L}'’.-]*/gu) ?? []).map((w) => w.replace(/[’']s$/, '').replace(/\.$/, '').toLowerCase()).filter((w) => !NOT_NAMES.has(w));

export interface Counts {
  sysQuoted: number; sysQuotedHit: number; goldQuoted: number; goldQuotedHit: number;
  sysAll: number; sysAllHit: number; goldAll: number; goldAllHit: number;
  speakerScored: number; speakerRight: number; chars: number; ms: number;
  /** Claims that state the content of a gold attribution with a named source, those given an attribution, those right. */
  claimScored: number; claimAttributed: number; claimRight: number;
}

/** A Counts with every figure at zero. */
export const zeroCounts = (): Counts => ({
  sysQuoted: 0, sysQuotedHit: 0, goldQuoted: 0, goldQuotedHit: 0, sysAll: 0, sysAllHit: 0, goldAll: 0, goldAllHit: 0,
  speakerScored: 0, speakerRight: 0, chars: 0, ms: 0, claimScored: 0, claimAttributed: 0, claimRight: 0,
});

/** Whether a canonical name holds one of the gold source's capitalised words. */
function holdsName(name: string | undefined, gold: readonly string[]): boolean {
  const words = new Set((name ?? '').toLowerCase().split(/[\s-]+/).map((w) => w.replace(/[’']s$/, '').replace(/\.$/, '')));
  return gold.some((n) => words.has(n));
}

/**
 * Claim attribution, scored like speakers: each claim whose sentence and a gold Content with a named
 * Source match (each covers at least half of the other's words, or the sentence holds the whole Content)
 * should credit that source. One claim is scored once, against the gold Content it shares most words with.
 */
export function scoreClaims(text: string, gold: GoldAttribution[], claims: Claim[], c: Counts, misses?: string[]): void {
  const named = gold.map((g) => ({ names: capitalisedWords(g.source ?? ''), words: wordSet(text, g.content), g })).filter((x) => x.names.length > 0);
  for (const claim of claims) {
    const words = wordSet(text, [claim.span]);
    let best: (typeof named)[number] | null = null;
    let bestO = 0;
    for (const x of named) {
      const o = overlap(words, x.words);
      if ((matches(words, x.words) || (o === x.words.size && o * 4 >= words.size)) && o > bestO) {
        best = x;
        bestO = o;
      }
    }
    if (!best) continue;
    c.claimScored++;
    if (claim.attribution) c.claimAttributed++;
    if (holdsName(claim.attribution?.name, best.names)) c.claimRight++;
    else misses?.push(`CLM gold=[${best.g.source}] sys=[${claim.attribution?.name ?? '-'}] ${claim.text.slice(0, 80)}`);
  }
}

export function scoreArticle(text: string, gold: GoldAttribution[], quotes: Quote[], c: Counts, misses?: string[]): void {
  const goldSets = gold.map((g) => wordSet(text, g.content));
  const sysSets = quotes.map((q) => wordSet(text, [q.span]));
  const quotedSys = quotes.map((q) => q.kind !== 'indirect');
  sysSets.forEach((s, i) => {
    const hit = goldSets.some((g) => matches(s, g));
    c.sysAll++;
    if (hit) c.sysAllHit++;
    if (quotedSys[i]) {
      c.sysQuoted++;
      if (hit) c.sysQuotedHit++;
      else misses?.push(`FP  ${quotes[i]!.kind} [${quotes[i]!.speaker?.name ?? '-'}] ${quotes[i]!.text.slice(0, 100)}`);
    }
  });
  gold.forEach((g, gi) => {
    const quotedGold = QUOTE_MARK.test(g.contentText);
    let best = -1;
    let bestO = 0;
    sysSets.forEach((s, i) => {
      if (matches(s, goldSets[gi]!)) {
        const o = overlap(s, goldSets[gi]!);
        if (o > bestO) { best = i; bestO = o; }
      }
    });
    c.goldAll++;
    if (best >= 0) c.goldAllHit++;
    if (!quotedGold) return;
    c.goldQuoted++;
    if (best >= 0) c.goldQuotedHit++;
    else misses?.push(`FN  [${g.source ?? '-'}] ${g.contentText.slice(0, 100)}`);
    const names = capitalisedWords(g.source ?? '');
    if (best < 0 || names.length === 0) return;
    c.speakerScored++;
    if (holdsName(quotes[best]!.speaker?.name, names)) c.speakerRight++;
    else misses?.push(`SPK gold=[${g.source}] sys=[${quotes[best]!.speaker?.name ?? '-'}] ${g.contentText.slice(0, 60)}`);
  });
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const pct = (n: number) => (100 * n).toFixed(1).padStart(5);

export function runPolnear(sharedDir: string, split = 'dev', verbose = false): Counts | null {
  const dir = join(sharedDir, 'eval/polnear/data', split);
  if (!existsSync(dir)) {
    console.log(`PolNeAR: ${dir} not found, skipped`);
    return null;
  }
  const anns = readdirSync(join(dir, 'attributions')).sort();
  const c = zeroCounts();
  const misses: string[] = [];
  for (const file of readdirSync(join(dir, 'text')).sort()) {
    const stem = file.replace(/\.txt$/, '');
    const ann = anns.find((a) => a.startsWith(stem + '_'));
    if (!ann) continue;
    const text = readFileSync(join(dir, 'text', file), 'utf8');
    const gold = parseAnn(readFileSync(join(dir, 'attributions', ann), 'utf8'));
    const t0 = performance.now();
    const { quotes } = extractQuotes(rawArticle(text, stem));
    c.ms += performance.now() - t0;
    c.chars += text.length;
    scoreArticle(text, gold, quotes, c, verbose ? misses : undefined);
    // Claims from a second, whole analysis: the names a user sees, after entity linking.
    scoreClaims(text, gold, analyseArticle(rawArticle(text, stem)).claims, c, verbose ? misses : undefined);
  }
  const qp = c.sysQuotedHit / c.sysQuoted, qr = c.goldQuotedHit / c.goldQuoted;
  const ap = c.sysAllHit / c.sysAll, ar = c.goldAllHit / c.goldAll;
  console.log(`PolNeAR ${split}: quoted attributions  P ${pct(qp)}  R ${pct(qr)}  F1 ${pct(f1(qp, qr))}   (system ${c.sysQuoted}, gold ${c.goldQuoted})   target F1 >= 85.0`);
  console.log(`PolNeAR ${split}: all attributions     P ${pct(ap)}  R ${pct(ar)}  F1 ${pct(f1(ap, ar))}   (system ${c.sysAll}, gold ${c.goldAll})   target F1 >= 60.0`);
  console.log(`PolNeAR ${split}: speaker right on named sources ${pct(c.speakerRight / c.speakerScored)}%  (${c.speakerRight}/${c.speakerScored})   target >= 90.0`);
  console.log(`PolNeAR ${split}: claims stating a named source's content: attributed ${pct(c.claimAttributed / c.claimScored)}%, attributed to that source ${pct(c.claimRight / c.claimScored)}%  (${c.claimRight}/${c.claimScored})`);
  if (verbose) console.log(misses.join('\n'));
  return c;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runPolnear(process.env.PARALLAX_SHARED ?? new URL('../../../../shared', import.meta.url).pathname, process.argv[2] ?? 'dev', process.argv.includes('-v'));
}
