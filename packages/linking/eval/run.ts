// npm run eval -w @parallax/linking: accuracy figures on ../shared/eval (skipped when absent).
//  - BASIL: story clustering of all 240 articles (adjusted Rand index against the 80 events), and the share
//    of BASIL's labelled quote speakers that resolve to one entity across the outlets that quote them.
//  - Multi-News validation sample: ROUGE-1/2/L F1 of each cluster's story digest against the editors'
//    summary, beside the extractive baselines published with the dataset.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { BundleBuilder, extractArticle } from '@parallax/analysis';
import { Bundle } from '@parallax/schema';
import { linkBundle } from '../src/index.js';
import { adjustedRandIndex } from './ari.js';
import { rougeL, rougeN, rougeTokens } from './rouge.js';

const SHARED = `${process.env.PARALLAX_SHARED ?? new URL('../../../../shared', import.meta.url).pathname}/eval/`;
const OUTLETS: Record<string, string> = { nyt: 'The New York Times', fox: 'Fox News', hpo: 'HuffPost' };
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function basil(): void {
  const dir = SHARED + 'basil/';
  if (!existsSync(dir + 'clusters.jsonl')) return console.log('BASIL: skipped (no ../shared/eval/basil)');
  const clusters = readFileSync(dir + 'clusters.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { cluster_id: string; articles: { file: string; outlet: string; title: string; date: string }[] });
  const builder = new BundleBuilder();
  const gold = new Map<string, string>();
  const fileOf = new Map<string, string>();
  let failed = 0;
  const t0 = cpu();
  for (const c of clusters)
    for (const a of c.articles) {
      const doc = JSON.parse(readFileSync(dir + a.file, 'utf8')) as { title: string; date: string; 'body-paragraphs': string[][] };
      const text = `${doc.title}\n\n${doc['body-paragraphs'].map((p) => p.join(' ')).join('\n\n')}`;
      try {
        const x = extractArticle({ name: a.file, sourcePath: a.file, text, hints: { outlet: OUTLETS[a.outlet] ?? a.outlet, publishedAt: a.date } });
        builder.add(x);
        gold.set(x.article.id, c.cluster_id);
        fileOf.set(x.article.id, a.file);
      } catch {
        failed++;
      }
    }
  const t1 = cpu();
  const linked = Bundle.parse(linkBundle(builder.build()));
  const t2 = cpu();
  const ids = linked.articles.map((a) => a.id);
  const ari = adjustedRandIndex(ids.map((id) => gold.get(id)!), ids.map((id) => linked.articles.find((a) => a.id === id)!.storyId!));
  console.log(`BASIL: ${ids.length} articles (${failed} failed to extract), ${new Set(gold.values()).size} events -> ${linked.stories.length} stories`);
  console.log(`  story clustering adjusted Rand index: ${ari.toFixed(4)} (target >= 0.95)`);
  console.log(`  CPU: extraction ${(t1 - t0).toFixed(2)} s, linking ${(t2 - t1).toFixed(2)} s`);

  // Speakers: BASIL marks quoted phrases with a speaker label ("Vicente_Fox"; "other_pro" and the like
  // are generic and skipped). A labelled phrase is found in our body, the quote covering it gives our
  // speaker entity; a (event, speaker) quoted in two or more outlets is resolved when every outlet's
  // quotes of that speaker carry one and the same entity.
  const byArticleQuote = new Map<string, typeof linked.quotes>();
  for (const q of linked.quotes) {
    let list = byArticleQuote.get(q.articleId);
    if (!list) byArticleQuote.set(q.articleId, (list = []));
    list.push(q);
  }
  const seen = new Map<string, Map<string, Set<string | null>>>(); // event|speaker -> article -> entity ids
  let labelled = 0;
  let covered = 0;
  for (const a of linked.articles) {
    const file = fileOf.get(a.id)!;
    const ann = dir + file.replace(/^articles\//, 'annotations/').replace(/\.json$/, '_ann.json');
    if (!existsSync(ann)) continue;
    const phrases = (JSON.parse(readFileSync(ann, 'utf8')) as { 'phrase-level-annotations': { quote: string; speaker: string; txt: string }[] })['phrase-level-annotations'];
    for (const p of phrases) {
      if (p.quote !== 'yes' || !/^[A-Z][a-z]+(?:_[A-Z][\w.]*)+$/.test(p.speaker)) continue;
      const at = a.body.indexOf(p.txt.replace(/^[“"]|[”"]$/g, '').trim());
      if (at < 0) continue;
      labelled++;
      const q = (byArticleQuote.get(a.id) ?? []).find((x) => x.span.start <= at + 1 && x.span.end >= at + 1);
      if (!q?.speaker) continue;
      covered++;
      const key = `${gold.get(a.id)}|${p.speaker}`;
      let m = seen.get(key);
      if (!m) seen.set(key, (m = new Map()));
      let s = m.get(a.id);
      if (!s) m.set(a.id, (s = new Set()));
      s.add(q.speaker.entityId);
    }
  }
  let multi = 0;
  let one = 0;
  const key = (m: Map<string, Set<string | null>>) => [...seen.entries()].find(([, v]) => v === m)![0].split('|')[1];
  for (const m of seen.values()) {
    if (m.size < 2) continue;
    multi++;
    const all = new Set([...m.values()].flatMap((s) => [...s]));
    if (all.size === 1 && !all.has(null)) one++;
    else if (process.env.LINK_EVAL_VERBOSE) console.log('    not one entity:', key(m), [...all].map((id) => (id ? (linked.entities.find((e) => e.id === id)?.name ?? id) : 'null')).join(' / '));
  }
  console.log(`  labelled quotes found in our bodies: ${labelled}; with a quote and speaker of ours: ${covered} (${((100 * covered) / Math.max(1, labelled)).toFixed(1)}%)`);
  console.log(`  speakers quoted in 2+ outlets of an event: ${multi}; resolved to one entity across them: ${one} (${((100 * one) / Math.max(1, multi)).toFixed(1)}%)`);
}

function multinews(): void {
  const file = SHARED + 'multinews/validation.jsonl';
  if (!existsSync(file)) return console.log('Multi-News: skipped (no ../shared/eval/multinews)');
  const rows = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { cluster_id: string; summary: string; documents: string[] });
  const words = 250;
  let r1 = 0;
  let r2 = 0;
  let rl = 0;
  let n = 0;
  let empty = 0;
  const t0 = cpu();
  for (const row of rows) {
    const builder = new BundleBuilder();
    row.documents.forEach((d, k) => {
      try {
        builder.add(extractArticle({ name: `${row.cluster_id}/${k}`, sourcePath: null, text: d.replace(/ \n \n /g, '\n\n') }));
      } catch {
        /* junk documents (empty, binary) are skipped, as the CLI would report them */
      }
    });
    const bundle = builder.build();
    if (bundle.articles.length === 0) continue;
    // Multi-News gives the grouping: the cluster is the story; the digest is what is scored.
    const storyOf = new Map(bundle.articles.map((a) => [a.id, 'one']));
    const linked = linkBundle(bundle, { storyOf, digest: { words } });
    const digest = linked.stories[0]!.digest.map((l) => l.text).join(' ');
    if (!digest) empty++;
    const cand = rougeTokens(digest);
    const ref = rougeTokens(row.summary.replace(/^–\s*/, ''));
    r1 += rougeN(cand, ref, 1);
    r2 += rougeN(cand, ref, 2);
    rl += rougeL(cand, ref);
    n++;
  }
  const t1 = cpu();
  const pct = (x: number) => ((100 * x) / Math.max(1, n)).toFixed(2);
  console.log(`Multi-News validation sample: ${n} clusters (${empty} with an empty digest), digest budget ${words} words, CPU ${(t1 - t0).toFixed(1)} s`);
  console.log(`  story digest          R-1 ${pct(r1)}  R-2 ${pct(r2)}  R-L ${pct(rl)}   (F1, rouge-score conventions with stemming)`);
  console.log('  published extractive baselines on the Multi-News test set, Fabbri et al. 2019 (ACL), Table 6, R-1 / R-2 / R-SU4');
  console.log('  (the paper reports ROUGE-SU4, not ROUGE-L; recalled from the paper, not re-derived here):');
  console.log('    First-3   39.41 / 11.77 / 14.51');
  console.log('    LexRank   38.27 / 12.70 / 13.20');
  console.log('    TextRank  38.44 / 13.10 / 13.50');
  console.log('    MMR       38.77 / 11.98 / 12.91');
}

basil();
multinews();
void readdirSync;
