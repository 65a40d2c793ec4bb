import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Article, Claim, hashHex, makeId, Quote, type Article as ArticleT, type Quote as QuoteT } from '@parallax/schema';
import { describe, expect, it } from 'vitest';
import { extractClaims } from './extract-claims.js';
import { findAttribution, mayHoldAttribution, SOURCE_CUES } from './attribution.js';
import { TAG_SOURCE_CUE, tokenize, WordTags } from '../numbers/tokens.js';
import { expectSoundGate } from '../../test/gates.js';
import { extractQuotes } from '../quotes/extract.js';
import { articleFromText, corpusDir } from '../../test/corpus.js';
import { evalDir } from '../../test/shared.js';

const bbcDir = evalDir('bbc', 'bbc');


function corpusArticle(prefix: string, publishedAt: string | null): ArticleT {
  const name = readdirSync(corpusDir).find((f) => f.startsWith(prefix)) ?? prefix;
  return articleFromText(readFileSync(corpusDir + name, 'utf8'), publishedAt, name);
}

const norm = (s: string): string => s.replace(/\s+/g, ' ');
const claimWith = (claims: readonly Claim[], needle: string): Claim => {
  const c = claims.find((x) => norm(x.text).includes(needle));
  if (!c) throw new Error(`no claim holds "${needle}"`);
  return c;
};

function checkRecords(article: ArticleT, claims: readonly Claim[]): void {
  const ids = new Set<string>();
  for (const c of claims) {
    expect(Claim.parse(c)).toEqual(c);
    expect(article.body.slice(c.span.start, c.span.end)).toBe(c.text);
    expect(c.articleId).toBe(article.id);
    expect(c.id).toBe(makeId('claim', article.id, c.span.start, c.span.end));
    for (const m of [...c.quantities, ...c.dates, ...(c.attribution?.mention ? [c.attribution.mention] : []), ...(c.cue ? [c.cue] : [])]) {
      expect(article.body.slice(m.span.start, m.span.end)).toBe(m.text);
    }
    expect(ids.has(c.id)).toBe(false);
    ids.add(c.id);
  }
}

describe('findAttribution', () => {
  it('mayHoldAttribution is false only for sentences in which findAttribution finds nothing', () => {
    const cues = new WordTags([[SOURCE_CUES, TAG_SOURCE_CUE]]);
    // Attribution phrases and near misses, so that a phrase often stands alone among words that are no cue.
    const pieces = ['according to Mr Smith', 'According to the ministry', 'officials said', 'he told reporters', 'Mr Smith, a spokesman, said', 'the ministry on Monday also confirmed', 'the reports', 'Mr Smith', 'the', 'ministry', ',', '.', '“', '”', 'that', 'BBC'];
    expectSoundGate(pieces, cues, mayHoldAttribution, (s) => findAttribution(s, tokenize(s), 0) !== null, 2000);
  });
});

describe('extractClaims on the seed corpus', () => {
  it('002: the death toll with its qualifier, unit, year and U.N. attribution', () => {
    const article = corpusArticle('002_', '2015-09-15');
    const claims = extractClaims(article, []);
    checkRecords(article, claims);
    const war = claimWith(claims, 'The war in Syria has killed more than 250,000 people since 2011');
    expect(war.kind).toBe('quantity');
    expect(war.quantities.map((q) => [q.value, q.qualifier, q.unit])).toEqual([
      [250000, 'more-than', 'people'],
      [4000000, 'more-than', 'Syrians'],
      [22000000, 'approximate', null],
    ]);
    expect(war.dates.map((d) => [d.text, d.date, d.precision])).toEqual([['2011', '2011-01-01', 'year']]);
    expect(war.attribution?.name).toBe('U.N. statistics');
    expect(war.attribution?.entityId).toBeNull();
    expect(war.cue?.text).toBe('according to');
    expect(war.quoteId).toBeNull();
  });

  it('002: leaves out questions, headline fragments, promo lines and opinions', () => {
    const claims = extractClaims(corpusArticle('002_', '2015-09-15'), []);
    const texts = claims.map((c) => norm(c.text));
    expect(texts).not.toContain('Read more:');
    expect(texts.some((t) => t.startsWith('Putin says Syria’s president is ready'))).toBe(false);
    expect(texts.some((t) => t.startsWith('Today’s coverage'))).toBe(false);
    expect(texts.some((t) => t.startsWith('“We must sideline'))).toBe(false); // an exhortation, not a checkable fact
    expect(texts.some((t) => t.startsWith('Putin called on the West'))).toBe(false);
  });

  it('001: half-a-dozen tanks, dated by "on Monday" and credited to the Pentagon', () => {
    const article = corpusArticle('001_', '2015-09-15');
    const claims = extractClaims(article, []);
    checkRecords(article, claims);
    const tanks = claimWith(claims, 'The Pentagon on Monday said');
    expect(tanks.kind).toBe('quantity');
    expect(tanks.quantities.map((q) => [norm(q.text), q.value, q.qualifier, q.unit])).toEqual([['about half-a-dozen tanks', 6, 'approximate', 'tanks']]);
    expect(tanks.dates.map((d) => [d.text, d.date])).toEqual([['on Monday', '2015-09-14']]);
    expect(tanks.attribution?.name).toBe('The Pentagon');
    expect(tanks.cue?.text).toBe('said');
    expect(claimWith(claims, 'one day after U.S. officials said').attribution?.name).toBe('U.S. officials');
    const began = claimWith(claims, 'since the Syrian civil war began in 2011');
    expect(began.kind).toBe('event');
  });

  it('003: 100 miles approximate, the Stratfor attribution, and a speaker behind an appositive', () => {
    const article = corpusArticle('003_', '2015-09-15');
    const claims = extractClaims(article, []);
    checkRecords(article, claims);
    const miles = claimWith(claims, 'Latakia is about 100 miles');
    expect(miles.quantities.map((q) => [q.value, q.qualifier, q.unit])).toEqual([[100, 'approximate', 'miles']]);
    const stratfor = claimWith(claims, 'Satellite imagery suggests');
    expect(stratfor.kind).toBe('attributed');
    expect(stratfor.attribution?.name).toBe('Stratfor');
    expect(stratfor.attribution?.mention?.text).toBe('Stratfor');
    expect(stratfor.cue?.text).toBe('according to');
    expect(claimWith(claims, 'Kremlin spokesman Dmitry Peskov said Tuesday').attribution?.name).toBe('Dmitry Peskov');
    const davis = claimWith(claims, 'Navy Capt. Jeff Davis, a Pentagon spokesman, said Monday');
    expect(davis.attribution?.name).toBe('Jeff Davis');
    expect(davis.dates.map((d) => d.date)).toEqual(['2015-09-14']);
    expect(claims.some((c) => norm(c.text).startsWith('It is widely believed'))).toBe(false);
  });

  it('without an article date, weekdays stay unresolved and do not make event claims', () => {
    const article = corpusArticle('003_', null);
    const claims = extractClaims(article, []);
    checkRecords(article, claims);
    expect(claims.some((c) => c.kind === 'event')).toBe(false);
    expect(claimWith(claims, 'Navy Capt. Jeff Davis').dates.map((d) => [d.date, d.relative])).toEqual([[null, true]]);
  });

  it('gives a claim made inside a quote that quote\'s id and speaker', () => {
    const article = corpusArticle('004_', null);
    const body = article.body;
    const content = 'To say we\'re ready to do this today - so far it\'s premature to talk about this. But we are already giving Syria quite serious help with equipment and training soldiers, with our weapons,';
    const start = body.indexOf(content);
    expect(start).toBeGreaterThan(0);
    const cueAt = body.indexOf('quoted Mr Putin as saying');
    const putinAt = body.indexOf('Mr Putin as saying');
    const quote = Quote.parse({
      id: makeId('quote', article.id, start, content),
      articleId: article.id,
      text: content,
      span: { start, end: start + content.length },
      kind: 'direct',
      segments: [{ start, end: start + content.length }],
      speaker: { name: 'Vladimir Putin', entityId: null, mention: { text: 'Mr Putin', span: { start: putinAt, end: putinAt + 8 } } },
      via: null,
      cue: { text: 'quoted', span: { start: cueAt, end: cueAt + 6 } },
      confidence: 0.9,
      clusterId: null,
    });
    const claims = extractClaims(article, [quote]);
    checkRecords(article, claims);
    const first = claimWith(claims, 'To say we\'re ready to do this today');
    expect(first.quoteId).toBe(quote.id);
    expect(first.attribution?.name).toBe('Vladimir Putin');
    expect(first.dates.map((d) => d.text)).toEqual(['today']);
    expect(claims.filter((c) => c.quoteId === quote.id).length).toBeGreaterThanOrEqual(1);
    expect(claimWith(claims, 'Mr Putin said on Friday').quoteId).toBeNull();
  });

  it('credits a claim to the speaker of the quote whose cue is in its sentence, resolved past titles and descriptions', () => {
    const kerry = corpusArticle('000_', null);
    const kerryClaims = extractClaims(kerry, extractQuotes(kerry).quotes);
    checkRecords(kerry, kerryClaims);
    // The sentence's own tokens read "State John Kerry" from "US Secretary of State John Kerry has claimed".
    const claimed = claimWith(kerryClaims, 'US Secretary of State John Kerry has claimed');
    expect([claimed.attribution?.name, claimed.cue?.text]).toEqual(['John Kerry', 'claimed']);
    const putin = corpusArticle('004_', null);
    const putinClaims = extractClaims(putin, extractQuotes(putin).quotes);
    checkRecords(putin, putinClaims);
    // "Commenting on reports ..., the Russian president said ...": the description resolves to Putin.
    const commenting = claimWith(putinClaims, 'Commenting on reports that Russian combat troops');
    expect([commenting.attribution?.name, commenting.attribution?.mention?.text, commenting.cue?.text]).toEqual(['Vladimir Putin', 'the Russian president', 'said']);
    // A passive names no speaker: "Russia is said to oppose this view" is credited to no one (so it is no claim).
    expect(putinClaims.filter((c) => norm(c.text).includes('Russia is said to oppose'))).toEqual([]);
  });

  it('returns valid records on every seed article, with and without a date', () => {
    for (const f of readdirSync(corpusDir).filter((x) => x.endsWith('.txt'))) {
      for (const date of [null, '2015-09-15', '2015-09-15T08:30:00+03:00']) {
        const article = corpusArticle(f.slice(0, 4), date);
        const claims = extractClaims(article, []);
        expect(claims.length).toBeGreaterThan(2);
        checkRecords(article, claims);
      }
    }
  });
});

describe.skipIf(!existsSync(bbcDir))('extractClaims on BBC articles', () => {
  it('finds the money, percent and attributed claims of a politics story', () => {
    const text = readFileSync(`${bbcDir}/politics/001.txt`, 'utf8');
    const article = articleFromText(text.split('\n').slice(2).join('\n'), '2005-01-01', 'bbc/politics/001.txt');
    const claims = extractClaims(article, []);
    checkRecords(article, claims);
    const rise = claimWith(claims, 'is to rise by £1,400');
    expect(rise.quantities.map((q) => [q.value, q.unit])).toEqual([[1400, 'GBP']]);
    const lib = claimWith(claims, 'the Liberal Democrats said it was misdirected');
    expect(lib.attribution?.name).toBe('the Liberal Democrats');
    const pct = claimWith(claims, 'entitled to 90% of average earnings');
    expect(pct.quantities.map((q) => [q.value, q.unit])).toContainEqual([90, 'percent']);
  });

  it('returns valid records for a whole topic folder', () => {
    let n = 0;
    for (const f of readdirSync(`${bbcDir}/business`).slice(0, 150)) {
      const article = articleFromText(readFileSync(`${bbcDir}/business/${f}`, 'utf8'), '2005-03-01', f);
      const claims = extractClaims(article, []);
      checkRecords(article, claims);
      n += claims.length;
    }
    expect(n).toBeGreaterThan(1000);
  });
});

const basilDir = evalDir('basil', 'articles');

describe.skipIf(!existsSync(basilDir))('extractClaims on BASIL articles', () => {
  it('keeps "Sens." inside its sentence and does not call a quoted state of mind an event', () => {
    const dir = `${basilDir}/2016`;
    let checked = 0;
    for (const f of readdirSync(dir).sort().slice(0, 12)) {
      const art = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as { date: string; 'body-paragraphs': string[][] };
      const article = articleFromText(art['body-paragraphs'].slice(1).map((p) => p.join(' ')).join('\n\n'), art.date.slice(0, 10), f);
      const claims = extractClaims(article, []);
      checkRecords(article, claims);
      for (const c of claims) expect(c.text.endsWith(' Sens.')).toBe(false);
      const earnest = claims.find((c) => c.text.includes('is not particularly concerned about that,” Earnest said'));
      if (earnest) {
        expect(earnest.kind).toBe('attributed');
        expect(earnest.attribution?.name).toBe('Earnest');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('extractClaims robustness', () => {
  it('never throws and returns valid records on random and adversarial bodies', () => {
    const pieces = ['“', '”', '"', 'said', 'according to', 'the U.N.', 'Mr.', '250,000', 'more than', 'Monday', '.', '?', '\n\n', ' ', 'X', 'people', 'half-a-dozen', '2011', 'Sept.', '15,'];
    const body = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.array(fc.constantFrom(...pieces), { maxLength: 120 }).map((p) => p.join(' ')));
    fc.assert(
      fc.property(body, fc.constantFrom(null, '2015-09-15', '2015-09-15T10:00:00Z'), (text, date) => {
        const article = articleFromText(text, date, 'fuzz');
        checkRecords(article, extractClaims(article, []));
      }),
      { numRuns: 300 },
    );
  });

  it('handles a 5 MB body on one line', () => {
    const text = 'The war has killed more than 250,000 people, according to U.N. statistics, and “ unbalanced '.repeat(55_000);
    const article = articleFromText(text, '2015-09-15', 'huge');
    const claims = extractClaims(article, []);
    for (const c of claims) expect(article.body.slice(c.span.start, c.span.end)).toBe(c.text);
  });

  it('keeps one claim for a sentence printed twice, whether or not another claim has its length', () => {
    const once = 'The fund lost 12 million dollars on Monday.';
    const same = 'The fund lost 34 million dollars on Friday.'; // another sentence of the same length
    expect(same.length).toBe(once.length);
    for (const text of [[once, once], [once, same, once, same], [same, once, once]].map((s) => s.join('\n\n'))) {
      const claims = extractClaims(articleFromText(text, '2015-09-15', 'twice'), []);
      expect(claims.map((c) => c.text)).toEqual([...new Set(text.split('\n\n'))]);
    }
  });

  it('keeps one claim per distinct sentence over a long body of similar sentences, in linear time', () => {
    // 40,000 sentences of nearly one length (1.5 MB): comparing each with every earlier claim took ~25 s.
    const sentences = Array.from({ length: 40_000 }, (_, i) => `The fund lost ${i} dollars on Monday.`);
    const text = [...sentences, sentences[7]].join(' ');
    const claims = extractClaims(articleFromText(text, '2015-09-15', 'similar'), []);
    expect(claims).toHaveLength(40_000);
    expect(claims.filter((c) => c.text === 'The fund lost 7 dollars on Monday.')).toHaveLength(1);
    expect(claims[12_345]!.quantities[0]?.value).toBe(12_345);
  });
});
