import { makeId, type Article, type Attribution, type Claim, type ClaimKind, type Mention, type Quote, type ResolvedDate, type Span } from '@parallax/schema';
import { DATE_CUES, datesFromTokens, mayHoldDates, parseArticleDate } from '../dates/dates.js';
import { mayHoldQuantities, QUANTITY_CUES, quantitiesFromTokens } from '../numbers/quantities.js';
import { TAG_NUMBER_WORD, TAG_OPINION, TAG_SOURCE_CUE, TokenScanner, WordSet, WordTags, type Token } from '../numbers/tokens.js';
import { findAttribution, mayHoldAttribution, SOURCE_CUES, SPEECH_VERBS } from './attribution.js';
import { articleSentences } from '../text/sentences.js';

// Claims are sentences that can be checked: they state a number, date an event, or credit a fact to a
// source. Questions, headline-like fragments and opinions (modal "should"/"must", "I think") are left out.

/** Past-tense verbs that do not end in -ed: an event verb next to a date makes an event claim. */
const IRREGULAR_PAST = new WordSet(
  ('began begun fell fallen rose risen won lost struck hit shot took taken made gave given went gone came sent held led ' +
    'met left saw seen broke broken built bought sold paid spent fought flew flown drove ran became brought caught ' +
    'chose fled froze grew hung kept laid lent meant overtook put quit rode rang sank sat shut sought spoke stole ' +
    'stood swore swept threw thrown tore understood upheld withdrew withdrawn wrote written beat beaten bore cast cut ' +
    'dealt dug drew forbade forgave got hid let lit read set shook slid split spread sprang stuck stung strove ' +
    'undertook woke won wound overthrew rebuilt arose').split(' '),
);

/** -ed words that are rarely verbs of an event. */
const NOT_EVENT_ED: ReadonlySet<string> = new Set(
  ('united based armed interested concerned limited related supposed alleged so-called advanced skilled detailed ' +
    'red bed need speed indeed proceed exceed seed feed weed breed hundred kindred sacred naked wicked rugged ' +
    'ragged beloved learned aged blessed crooked dogged worried pleased tired scared married retired experienced ' +
    'talented qualified prepared determined committed dedicated sophisticated complicated').split(' '),
);

const OPINION_WORDS = ['should', 'must', 'ought', "shouldn't", "mustn't", 'hopefully', 'unfortunately', 'fortunately', 'regrettably'];
const OPINION = new WordSet(OPINION_WORDS);
const OPINION_AFTER_I_WORDS = ['think', 'believe', 'feel', 'hope', 'guess', 'suppose', 'wish', 'reckon'];
const OPINION_AFTER_I: ReadonlySet<string> = new Set(OPINION_AFTER_I_WORDS);

/**
 * The words each reader of a sentence starts from, tagged for the TokenScanner: a sentence without any
 * of a reader's words is not given to it. isOpinion needs an OPINION word, a word after "I", or "my".
 */
const CUES = new WordTags([
  ...DATE_CUES,
  [QUANTITY_CUES, TAG_NUMBER_WORD],
  [SOURCE_CUES, TAG_SOURCE_CUE],
  [[...OPINION_WORDS, ...OPINION_AFTER_I_WORDS, 'my'], TAG_OPINION],
]);

/** Scans each sentence's words and tags, and builds its tokens when a reader needs them (kept: its buffer grows once). */
const scanner = new TokenScanner(CUES);

/** Longest sentence read as one claim; longer runs (a body with no punctuation) are cut to keep claims readable. */
const MAX_SENTENCE = 4000;

function isEventVerb(t: Token): boolean {
  if (t.kind !== 'word' || t.cap) return false;
  const w = t.lower;
  if (IRREGULAR_PAST.holds(t)) return true;
  return w.length > 4 && w.endsWith('ed') && !NOT_EVENT_ED.has(w) && !w.endsWith('eed') && !w.includes('-');
}

function isOpinion(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word') continue;
    if (OPINION.holds(t)) return true;
    if ((t.lower === 'i' || t.lower === 'we') && OPINION_AFTER_I.has(tokens[i + 1]?.lower ?? '')) return true;
    if (t.lower === 'in' && tokens[i + 1]?.lower === 'my' && (tokens[i + 2]?.lower === 'view' || tokens[i + 2]?.lower === 'opinion')) return true;
  }
  return false;
}

/**
 * The last character of s[from, to) that is not a closing quote or bracket or a space. (Read in the
 * body, in place: reading a slice of it costs more per character.)
 */
function lastMeaningfulChar(s: string, from: number, to: number): string {
  let e = to;
  // Character codes, not one-character strings searched in a list: this runs for every sentence.
  while (e > from) {
    const c = s.charCodeAt(e - 1);
    if (c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 41 || c === 93 || c === 32 || c === 0xa0) e--;
    else return s[e - 1] ?? '';
  }
  return '';
}

/**
 * The claim texts kept so far, to drop a sentence printed twice. A text is hashed only when an earlier
 * one has its length: the first of each length is kept as it is and compared, and a length met again
 * gets a Set. Most lengths come once in an article, and hashing a sentence reads all its characters.
 * (Comparing with every earlier text of the same length instead of a Set was quadratic on a long body
 * of similar sentences: 100 s for 3 MB.)
 */
class SeenTexts {
  private readonly byLength = new Map<number, string | Set<string>>();

  /** Adds text; false when it was there already. */
  add(text: string): boolean {
    const had = this.byLength.get(text.length);
    if (had === undefined) {
      this.byLength.set(text.length, text);
      return true;
    }
    if (typeof had === 'string') {
      if (had === text) return false;
      this.byLength.set(text.length, new Set([had, text]));
      return true;
    }
    if (had.has(text)) return false;
    had.add(text);
    return true;
  }
}

/**
 * Of the quotes overlapping body[start, end) (sorted by start, read from index `from`), the one that
 * overlaps it most among those `accept` takes.
 */
function mostOverlapping(quotes: readonly Quote[], from: number, start: number, end: number, accept: (q: Quote, overlap: number) => boolean): Quote | null {
  let best: Quote | null = null;
  let bestOverlap = 0;
  for (let k = from; k < quotes.length; k++) {
    const q = quotes[k] as Quote;
    if (q.span.start >= end) break;
    const overlap = Math.min(end, q.span.end) - Math.max(start, q.span.start);
    if (overlap > bestOverlap && accept(q, overlap)) {
      best = q;
      bestOverlap = overlap;
    }
  }
  return best;
}

/** The quote that carries the claim: it holds the sentence, most of it, or every number the claim states. */
function carryingQuote(quotes: readonly Quote[], from: number, start: number, end: number, anchors: readonly { span: { start: number; end: number } }[]): Quote | null {
  return mostOverlapping(quotes, from, start, end, (q, overlap) => {
    const holdsSentence = q.span.start <= start && q.span.end >= end;
    const mostly = overlap * 2 >= end - start;
    const holdsAnchors = anchors.length > 0 && anchors.every((a) => a.span.start >= q.span.start && a.span.end <= q.span.end);
    return holdsSentence || mostly || holdsAnchors;
  });
}

/**
 * The attributed quote whose cue lies in the sentence (the sentence's own attribution frame); of several,
 * the one whose content covers most of the sentence.
 */
function framingQuote(quotes: readonly Quote[], from: number, start: number, end: number): Quote | null {
  return mostOverlapping(quotes, from, start, end, (q) => !!q.speaker && !!q.cue && q.cue.span.start >= start && q.cue.span.end <= end);
}

/**
 * Extracts the checkable claims of an article: one per sentence that states a quantity, dates an event
 * or credits a fact to a source, with its numbers normalised, its dates resolved against the article's
 * publication date, its attribution, and the quote that carries it. Pure; never throws on any body.
 * `sentences` are the body's sentences when the caller has them (extractQuotes returns the same split).
 */
export function extractClaims(article: Article, quotes: readonly Quote[], sentences?: readonly Span[]): Claim[] {
  const body = typeof article.body === 'string' ? article.body : '';
  const spans = sentences ?? articleSentences({ body, paragraphs: Array.isArray(article.paragraphs) ? article.paragraphs : [] });
  const articleDate = parseArticleDate(typeof article.publishedAt === 'string' ? article.publishedAt.slice(0, 10) : null);
  const sorted = quotes
    .filter((q) => q.articleId === article.id && q.span.start >= 0 && q.span.end <= body.length && q.span.end > q.span.start)
    .sort((a, b) => a.span.start - b.span.start);
  const claims: Claim[] = [];
  const seen = new SeenTexts();
  let qFrom = 0;
  for (const sentence of spans) {
    const start = sentence.start;
    const end = Math.min(sentence.end, start + MAX_SENTENCE);
    const text = body.slice(start, end);
    if (text.length < 12) continue;
    const last = lastMeaningfulChar(body, start, start + text.length);
    if (last === '?' || last === ':') continue;
    scanner.scan(body, start, end); // the words of text, read in place
    const { words, tags } = scanner;
    if (words < 4) continue;
    const terminated = last === '.' || last === '!' || last === '…' || last === ';';
    if (!terminated && words < 25) continue; // headlines, captions, promo lines
    while (qFrom < sorted.length && (sorted[qFrom] as Quote).span.end <= start) qFrom++;
    // The quote engine's own frame for this sentence names the source best: its speaker is parsed past
    // titles and appositives and resolved ("he", "the Russian president"). The sentence's tokens are read
    // for a source only when no attributed quote has its cue here.
    // The quotes are sorted by start: none overlaps the sentence unless the first that ends inside or
    // after it starts before its end (most sentences have none, and need not look for a frame or carrier).
    const quoteNear = qFrom < sorted.length && (sorted[qFrom] as Quote).span.start < end;
    const frame = quoteNear ? framingQuote(sorted, qFrom, start, end) : null;
    // Each reader runs only on a sentence that has a word it starts from (most have none of some), and
    // the tokens are built only for a sentence that some reader reads.
    const readDates = mayHoldDates(tags);
    const readQuantities = mayHoldQuantities(tags);
    const readSource = frame === null && mayHoldAttribution(tags);
    if (!readDates && !readQuantities && !readSource && !quoteNear) continue; // nothing to read or carry: no claim
    let tokens: Token[] | null = readDates || readQuantities || readSource ? scanner.tokens(body, start) : null;
    const dates: ResolvedDate[] = readDates && tokens ? datesFromTokens(text, tokens, start, articleDate) : [];
    let quantities = readQuantities && tokens ? quantitiesFromTokens(text, tokens, start) : [];
    // A number inside a date ("14 September 2015") is not a quantity.
    if (quantities.length > 0 && dates.length > 0) quantities = quantities.filter((q) => !dates.some((d) => d.span.start < q.span.end && q.span.start < d.span.end));
    const found = readSource && tokens ? findAttribution(text, tokens, start) : null;
    const quote = quoteNear ? carryingQuote(sorted, qFrom, start, end, quantities.length > 0 ? quantities : dates) : null;
    let attribution: Attribution | null = null;
    let cue: Mention | null = null;
    if (frame?.speaker) {
      attribution = { name: frame.speaker.name, entityId: frame.speaker.entityId, mention: frame.speaker.mention };
      cue = frame.cue;
    } else if (found && !found.pronoun) {
      attribution = { name: found.name, entityId: null, mention: found.mention };
      cue = found.cue;
    } else if (quote?.speaker) {
      attribution = { name: quote.speaker.name, entityId: quote.speaker.entityId, mention: quote.speaker.mention };
      cue = found?.cue ?? quote.cue;
    }
    let eventVerb = false;
    if (tokens && dates.some((d) => d.date !== null)) {
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i] as Token;
        if (t.kind !== 'word' || t.cap) continue; // isEventVerb takes only lower-case words
        if (found && i >= found.cueTok && i < found.cueEndTok) continue;
        if (frame?.cue && start + t.start >= frame.cue.span.start && start + t.end <= frame.cue.span.end) continue;
        if (SPEECH_VERBS.holds(t)) continue;
        if (isEventVerb(t)) {
          eventVerb = true;
          break;
        }
      }
    }
    let kind: ClaimKind | null = null;
    if (quantities.length > 0) kind = 'quantity';
    else if (eventVerb) kind = 'event';
    else if (attribution !== null && !((tags & TAG_OPINION) !== 0 && isOpinion((tokens ??= scanner.tokens(body, start))))) kind = 'attributed';
    if (kind === null) continue;
    // A sentence printed twice (a repeated line) is one claim.
    if (!seen.add(text)) continue;
    claims.push({
      // The article id hashes the body, so the span alone identifies the claim.
      id: makeId('claim', article.id, start, start + text.length),
      articleId: article.id,
      text,
      span: { start, end },
      kind,
      quantities,
      dates,
      attribution,
      cue,
      quoteId: quote ? quote.id : null,
      clusterId: null,
    });
  }
  scanner.release(); // the scanner is kept between articles, the body is not
  return claims;
}
