// Quote extraction: direct quotes (whole quoted sentences), partial and mixed quotes (quoted fragments
// inside reported speech) and indirect quotes (reported speech), each attributed to a speaker resolved
// within the article, with the cue and the speaker's mention.
import { makeId, type Article, type Quote, type QuoteKind, type Span, type SpeakerRef } from '@parallax/schema';
import { WordSet } from '../numbers/tokens.js';
import { countWordRuns, isWhiteSpace, wordCharAt } from '../text/chars.js';
import { articleSentences, splitSentences } from '../text/sentences.js';
import { AFTER_QUOTE_CUES, CLAUSE_CUES, CUE_WORDS, EVIDENCE_CUES, FRAGMENT_CUES, GROUP_WORDS, HONORIFICS, INFINITIVE_CUES, OBJECT_CUE_PARTICLES, OBJECT_CUE_WORDS, ORG_WORDS, OUTLET_BRANDS, PRONOUNS, STRONG_CUES, THAT_CUES, TITLE_WORDS, WEEKDAYS } from './lexicon.js';
import { findQuotedSpans, type QuotedSpan } from './marks.js';
import { ArticleEntities, byOffset, capOf, indexOfText, isPossessive, makeToken, indexTokens, isCapitalised, isState, learnNames, lowOf, parseSourcePhrase, parseSubjectDescription, SUBJECT_DETERMINERS, sortInPlace, tokenize, type ArticleEntity, type ParsedSource, type Token } from './speakers.js';

export interface ExtractedQuotes {
  quotes: Quote[];
  entities: ArticleEntities;
  /** The body's sentences, as articleSentences splits them: claims read the same sentences. */
  sentences: Span[];
}

interface Attribution {
  source: ParsedSource | null;
  via: ParsedSource | null;
  cue: Token | null;
  /** Where reported content starts when the cue introduces a clause ("said that ..."). */
  clauseStart: number;
}

/** Lower-case words allowed inside a speaker phrase ("a Pentagon spokesman", "U.S. officials"). */
const NP_WORDS = new Set(
  ('the a an of for to and in at on from with state-owned state-run former senior top chief deputy acting private public intelligence news agency company ' +
    'spokesman spokeswoman spokesperson official officials source sources president minister secretary leader chairman director analyst analysts ' +
    'expert experts aide aides adviser advisers diplomat diplomats officer officers general commander team campaign staff office ministry department ' +
    'government administration police military army navy prosecutor prosecutors lawyer lawyers attorney attorneys residents witnesses critics ' +
    'observers people members group groups statement statements report reports data statistics figures documents monitoring organisation organization ' +
    'opposition regional local federal foreign defence defense national international human rights independent several many some two three one both').split(' '),
);
/** Words that may sit between a speaker and the cue ("Putin also said", "Peskov on Tuesday said"). */
const BETWEEN = new Set([
  ...'himself herself themselves itself also later earlier previously again once then still repeatedly recently reportedly has had have was is were would will had has further finally publicly privately separately on last this'.split(' '),
  ...WEEKDAYS,
  ...'week month year night morning afternoon evening'.split(' '),
]);
/** Lower-case words in -ly that are not adverbs ("the family said", "an ally said"). */
const LY_NOT_ADVERB = new Set(['family', 'rally', 'ally', 'supply', 'assembly', 'early', 'only', 'daily', 'weekly', 'monthly', 'quarterly', 'elderly', 'holy', 'july', 'italy', 'reply', 'apply', 'fly']);
/** A word that may sit between a subject and its verb: a listed time word or an adverb in -ly ("initially said", "openly said"). */
const isBetween = (t: Token | undefined): boolean => {
  if (!t) return false;
  const w = lowOf(t);
  return BETWEEN.has(w) || (w.length > 4 && w.endsWith('ly') && !capOf(t) && !LY_NOT_ADVERB.has(w));
};
/** Whether a form of "be" sits before tokens[c], adverbs aside: a passive ("is thought to", "were asked") names no speaker. */
function passiveBefore(tokens: Token[], c: number): boolean {
  for (let b = c - 1; b >= 0 && b >= c - 4; b--) {
    if (AUXILIARIES.has(lower(tokens[b]))) return true;
    if (!isBetween(tokens[b])) return false;
  }
  return false;
}
const SUBJECT_SKIP = /^(?:speaking|asked|answering|addressing|writing|commenting|responding|in|at|on|during|after|before|when|while|as|but|and|however|meanwhile|earlier|later|still|yet)$/i;

/** A subordinating conjunction (and article) right before a speaker phrase: the clause is not an attribution. */
const SUBORDINATE_BEFORE = /\b(?:after|before|because|since|until|unless|although|though|once|when|whereas|if)\s+(?:the\s+)?$/i;
/** Words that open an adjunct after a sentence-final cue ("said on Monday", "said in a statement"). */
const ADJUNCT_START = new Set([
  ...'on in at during last this yesterday today tonight earlier later recently'.split(' '),
  ...WEEKDAYS,
  ...'to of about after before while when as through via by afterward afterwards'.split(' '),
]);
const PREPOSITIONS = new Set('in on at during after before from for with by about through via over under into'.split(' '));

/** Words before a cue word that make it a noun ("his claims", "the reports", "seen reports"). */
const NOUN_BEFORE = new Set(['his', 'her', 'their', 'its', 'the', 'a', 'an', 'our', 'of', 'seen', 'these', 'those', 'such', 'media', 'news']);
/** Pre-checks that spare most tokens the lower-casing and hashing of a look-up in CUE_WORDS or OBJECT_CUE_WORDS. */
const CUE_FILTER = new WordSet(CUE_WORDS.keys());
const OBJECT_FILTER = new WordSet(OBJECT_CUE_WORDS.keys());
const lower = (t: Token | undefined) => (t ? lowOf(t) : '');
/** The speech verb a token is a form of ("said" -> "say"), cached on the token: the rules ask many times. */
const cueBase = (t: Token | undefined): string | undefined => {
  if (!t) return undefined;
  if (t.cue === undefined) t.cue = CUE_FILTER.mayHold(t.text) ? (CUE_WORDS.get(lowOf(t)) ?? null) : null;
  return t.cue ?? undefined;
};

const NOT_PLURAL = new Set('is was has this its his us as yes thus always perhaps news less unless across whereas various previous serious nervous famous obvious'.split(' '));
/** A lower-case plural noun ("strategists", "organizers", "hawks"). */
function isPluralHead(t: Token | undefined): boolean {
  if (!t || capOf(t)) return false;
  const w = lowOf(t);
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('ous') && !NOT_PLURAL.has(w) && /^[a-z-]+$/.test(w);
}

/** Whether text opens with a letter or digit: what /^[\p{L}\p{N}]/u tests, without entering the regex engine. */
const startsWord = (text: string): boolean => wordCharAt(text, 0) > 0;

/** Function words of NP_WORDS: they open or join a noun phrase, never modify its head. */
const NP_FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'for', 'to', 'and', 'in', 'at', 'on', 'from', 'with', 'several', 'many', 'some', 'two', 'three', 'one', 'both']);
/** A lower-case word that may modify a role ("prime", "finance", "first", "home"). */
const ROLE_MODIFIER = /^[a-z][a-z-]+$/;
/** The speaker phrase ending right before tokens[cueIdx] (backwards over name words, appositives and adverbs). */
function phraseBefore(body: string, tokens: Token[], cueIdx: number, floor: number): ParsedSource | null {
  let end = cueIdx;
  // Skip adverbs and time phrases between speaker and cue.
  while (end > floor && isBetween(tokens[end - 1])) end--;
  if (end <= floor) return null;
  // "Elizabeth Lauten, 31, who has ... and at the time was ..., wrote": a relative clause too long for
  // the appositive walk below; the speaker is the phrase before ", who".
  if (tokens[end - 1]!.text === ',') {
    for (let k = end - 2; k > floor + 1 && k >= end - 50; k--) {
      if (tokens[k - 1]!.text !== ',' || (lower(tokens[k]) !== 'who' && lower(tokens[k]) !== 'which')) continue;
      const subject = phraseBefore(body, tokens, k, floor);
      if (subject) return subject;
      break;
    }
  }
  let start = end;
  // A plural noun right before the cue heads a group ("campaign strategists say", "organizers say").
  if (isPluralHead(tokens[end - 1])) start--;
  let commas = 0;
  while (start > floor) {
    const t = tokens[start - 1]!;
    const w = lower(t);
    if (t.text === ')') {
      const open = tokens.slice(floor, start - 1).map((x) => x.text).lastIndexOf('(');
      if (open >= 0 && start - 1 - (floor + open) <= 8) {
        start = floor + open;
        continue;
      }
      break;
    }
    if (t.text === ',') {
      // An appositive: "Navy Capt. Jeff Davis, a Pentagon spokesman, said" / "Putin's spokesman, Dmitry Peskov,".
      if (commas >= 3) break;
      commas++;
      start--;
      continue;
    }
    if (capOf(t) || NP_WORDS.has(w) || isPossessive(t.text) || PRONOUNS.has(w) || (w.includes('-') && /^[\p{L}]+-(?:owned|run|based|backed|led)$/u.test(w))) {
      start--;
      if (PRONOUNS.has(w) && ['he', 'she', 'they', 'i', 'we', 'it'].includes(w)) break;
      continue;
    }
    // Inside an appositive ("the chairman of Syria's opposition National Coalition") or an adverbial
    // ("Clinton, during a town hall meeting in Columbus, Ohio, said") any word goes.
    if (commas >= 1 && end - start < 20 && tokens[end - 1]?.text === ',') {
      start--;
      continue;
    }
    break;
  }
  // "the prime minister said", "France's finance minister said", "a bank spokesman told": lower-case
  // modifiers of a role the walk stopped at, after a determiner or a possessive, are part of the phrase.
  // (The walk stopped inside a noun phrase: at its lower-case head or a modifier, not at a comma, determiner or preposition.)
  if (start < end && start > floor + 1 && ROLE_MODIFIER.test(tokens[start]!.text) && !NP_FUNCTION_WORDS.has(lowOf(tokens[start]!)) && !isPluralHead(tokens[end - 1]) && !capOf(tokens[end - 1]!) && (TITLE_WORDS.has(lowOf(tokens[end - 1]!)) || ORG_WORDS.has(lowOf(tokens[end - 1]!)))) {
    let k = start;
    while (k > floor + 1 && start - k < 2 && ROLE_MODIFIER.test(tokens[k - 1]!.text) && !SUBJECT_BREAK.has(lowOf(tokens[k - 1]!)) && !PREPOSITIONS.has(lowOf(tokens[k - 1]!)) && !LEADING_WORDS.has(lowOf(tokens[k - 1]!)) && !cueBase(tokens[k - 1])) k--;
    const det = tokens[k - 1]!;
    if (k < start && (SUBJECT_DETERMINERS.has(lowOf(det)) || isPossessive(det.text))) {
      // A possessor takes its whole name ("the Scottish National Party's parliamentary leader").
      let from = k - 1;
      if (isPossessive(det.text)) while (from > floor && (capOf(tokens[from - 1]!) || lowOf(tokens[from - 1]!) === 'the')) from--;
      const office = parseSourcePhrase(body, tokens[from]!.start, tokens[end - 1]!.end);
      // (Such a description names one office: the person the text is about need not hold it.)
      if (office?.kind === 'description') return { ...office, office: true };
      if (office) return office;
    }
  }
  // Drop a dangling leading comma part that is not a name-bearing appositive.
  while (start < end && (tokens[start]!.text === ',' || ['and', 'but', 'as', 'that', 'while', 'because'].includes(lower(tokens[start])) || OPENING_SUBORDINATORS.has(lower(tokens[start])))) start++;
  // Nor does "of" open a speaker: the walk stopped inside a share or a head's tail ("28 percent of voters
  // said", "a number of investors said"); the people it names speak.
  if (start < end - 1 && lower(tokens[start]) === 'of' && !capOf(tokens[start + 1]!) && !(lower(tokens[start + 1]) === 'the' && capOf(tokens[start + 2] ?? tokens[start]!))) start++;
  if (start >= end) return null;
  // An appositive must be closed by a comma before the cue, and open with a determiner or a name.
  // (Counted in place: the phrase's words are not copied out to be filtered.)
  let comma = -1;
  let phraseCommas = 0;
  for (let k = start; k < end; k++) {
    if (tokens[k]!.text !== ',') continue;
    if (comma < 0) comma = k;
    phraseCommas++;
  }
  if (phraseCommas === 1 && tokens[end - 1]!.text !== ',') start = comma + 1;
  if (start >= end) return null;
  const last = tokens[end - 1]!.text === ',' ? tokens[end - 2] : tokens[end - 1];
  if (!last) return null;
  // The closing comma goes along: it tells an appositive ("Clinton, during a meeting in Columbus, Ohio,
  // said") from an introductory phrase ("Speaking in Novi, Michigan, Trump said").
  return parseSourcePhrase(body, tokens[start]!.start, tokens[end - 1]!.text === ',' && start < end - 1 ? tokens[end - 1]!.end : last.end);
}

/** The speaker phrase right after a cue ("said Putin", "said Badr Jamous, a leader of ..."). */
function phraseAfter(body: string, tokens: Token[], cueIdx: number, ceiling: number, inverted = false): ParsedSource | null {
  let i = cueIdx + 1;
  const first = tokens[i];
  if (!first || i >= ceiling) return null;
  // After a quote the subject follows its cue, lower-case modifiers and all ("said retired Army Lt. Gen.
  // Mick Bednarek", "said election lawyer Joe Birkenstock", "added his campaign manager Jeff Weaver").
  const premodified = inverted && !capOf(first) && premodifiedName(tokens, i, ceiling);
  if (!premodified && !capOf(first) && !SUBJECT_DETERMINERS.has(lower(first)) && !NP_WORDS.has(lower(first))) return null;
  // "said in New York", "said on Tuesday": a place or time, not a speaker; "said of the Clintons": a topic.
  if (PREPOSITIONS.has(lower(first)) || lower(first) === 'of') return null;
  const determined = premodified || SUBJECT_DETERMINERS.has(lower(first));
  let end = i;
  while (end < ceiling && tokens[end]!.text !== ',' && tokens[end]!.text !== ';' && tokens[end]!.text !== ':' && end - i < 12) {
    const t = tokens[end]!;
    if (['who', 'which', 'that', 'when', 'as', 'after', 'before', 'while', 'because'].includes(lower(t))) break;
    // "said Romney in a statement": the speaker ends where an adjunct begins ("of" stays: "the head of X").
    if (end > i && PREPOSITIONS.has(lower(t))) break;
    if (!determined && !capOf(t) && !NP_WORDS.has(lower(t)) && !isPossessive(t.text)) break;
    end++;
  }
  if (end === i) return null;
  // Appositive after a comma: "said Badr Jamous, a leader of the Syrian Opposition Coalition, noting ...".
  let apEnd = end;
  if (tokens[end]?.text === ',' && (['a', 'an', 'the'].includes(lower(tokens[end + 1])) || (['a', 'an', 'the'].includes(lower(first)) && isCapitalised(tokens[end + 1]?.text ?? '')))) {
    // "said Badr Jamous, a leader of ..." / "said the minister, Jean Dupont".
    apEnd = end + 1;
    while (apEnd < ceiling && tokens[apEnd]!.text !== ',' && tokens[apEnd]!.text !== ';' && apEnd - end < 14) apEnd++;
  }
  const parsed = parseSourcePhrase(body, tokens[i]!.start, tokens[apEnd - 1]!.end);
  return parsed;
}

/** Cues whose subject may follow them ("..., said Steve Elmendorf"); "told", "asked" take an object there. */
const INVERTING_CUES = new Set(['say', 'add', 'write', 'tweet', 'note', 'explain', 'declare', 'insist', 'argue', 'continue', 'reply', 'respond', 'state', 'claim', 'observe', 'remark', 'conclude', 'comment', 'joke', 'quip', 'retort', 'counter', 'concede', 'acknowledge', 'admit', 'complain', 'agree', 'predict', 'muse', 'lament', 'exclaim', 'assert', 'contend', 'maintain', 'stress', 'emphasise']);
/** Words that cannot modify a name that follows them: clause openers and adverbs of a cue ("said today"). */
const NOT_PREMODIFIER = new Set(
  ('that this these those there then now today yesterday tonight also and but or nor of to as if so not no he she they it we i you me him us them ' +
    'until unless when whenever while after before because since although though where whether how what who whom which why than even just only ' +
    'already still yet never ever is are was were be been being has have had do does did will would can could should may might must').split(' '),
);
/** Whether tokens[i] opens one to three lower-case modifiers of a capitalised name ("retired Army ...", "his campaign manager Jeff"). */
function premodifiedName(tokens: Token[], i: number, ceiling: number): boolean {
  for (let k = i; k < ceiling && k < i + 4; k++) {
    const t = tokens[k]!;
    if (capOf(t)) return k > i;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(t.text) || NOT_PREMODIFIER.has(t.text) || PREPOSITIONS.has(t.text) || BETWEEN.has(t.text) || t.text.endsWith('ly')) return false;
  }
  return false;
}

/** The subject of a sentence, for participle cues ("Putin ..., saying ..."). */
function sentenceSubject(body: string, tokens: Token[], limit: number): ParsedSource | null {
  let i = 0;
  if (tokens[0] && (SUBJECT_SKIP.test(tokens[0].text) || /(?:ing|ed)$/.test(tokens[0].text))) {
    const comma = tokens.findIndex((t, k) => k < limit && t.text === ',');
    if (comma < 0) return null;
    i = comma + 1;
    // Openers in a row ("On Thursday, after remaining neutral ..., Warren appeared ...").
    for (let n = 0; n < 2 && tokens[i] && !capOf(tokens[i]!) && SUBJECT_SKIP.test(tokens[i]!.text); n++) {
      const next = tokens.findIndex((t, k) => k > i && k < limit && t.text === ',');
      if (next < 0) break;
      i = next + 1;
    }
  } else if (tokens[0] && tokens[1] && frontedAdverbial(tokens)) {
    // "Hours later, Trump ...", "Like Corker, Menendez ...", "WASHINGTON, Dec. 8 (UPI) — ...": an opener
    // set off by a comma (or a dateline by its dash) is no subject.
    const dash = /^[A-Z]{3,}$/.test(tokens[0].text) && tokens[1].text === ',' ? body.slice(tokens[0].end, tokens[0].end + 60).search(/[—–]|--/) : -1;
    const from = dash >= 0 ? tokens[0].end + dash : -1;
    const comma = dash >= 0 ? tokens.findIndex((t) => t.start > from) - 1 : tokens.findIndex((t, k) => k < limit && t.text === ',');
    if (comma >= 0 && comma + 1 < limit) i = comma + 1;
    // Another opener after a dateline ("— In response to ..., Clinton's aide rallied").
    if (dash >= 0 && tokens[i] && SUBJECT_SKIP.test(tokens[i]!.text)) {
      const next = tokens.findIndex((t, k) => k > i && k < limit && t.text === ',');
      if (next > 0) i = next + 1;
    }
  }
  // A place after the opener's comma belongs to it ("Speaking in Salem, New Hampshire, Trump ...").
  if (i > 0 && tokens[i] && capOf(tokens[i]!)) {
    let k = i;
    while (k < limit && capOf(tokens[k]!)) k++;
    if (tokens[k]?.text === ',' && k + 1 < limit && capOf(tokens[k + 1]!) && isState(tokens.slice(i, k))) i = k + 1;
  }
  // An age before a name ("76-year-old Morton Blackwell, founder of ...").
  if (tokens[i] && /^\d+-year-old$/.test(tokens[i]!.text) && tokens[i + 1] && capOf(tokens[i + 1]!)) i++;
  let end = i;
  while (end < limit) {
    const t = tokens[end]!;
    if (capOf(t) || ['the', 'a', 'an', 'of'].includes(lower(t)) || isPossessive(t.text) || NP_WORDS.has(lower(t)) && end - i < 4) end++;
    else break;
    if (PRONOUNS.has(lower(t))) break;
  }
  if (end === i) return null;
  return parseSourcePhrase(body, tokens[i]!.start, tokens[end - 1]!.end);
}

/** Capitalised words that open an adverbial before the subject ("Hours later,", "Amid ...,", "Like Corker,"). */
const FRONTED_PREPOSITIONS = new Set('amid alongside like unlike despite following among with without within by from for to under over upon across through throughout'.split(' '));
const FRONTED = new Set(
  ('here there now then today yesterday hours days weeks months years minutes moments shortly early late instead thus indeed still ' +
    'once twice last next six two three four five seven eight nine ten').split(' '),
);
/** Whether the sentence opens with an adverbial set off by a comma, or a dateline in capitals ("WASHINGTON, ..."). */
function frontedAdverbial(tokens: Token[]): boolean {
  const w = lowOf(tokens[0]!);
  if (/^[A-Z]{3,}$/.test(tokens[0]!.text) && tokens[1]!.text === ',') return true;
  if (FRONTED_PREPOSITIONS.has(w)) return true;
  if (FRONTED.has(w) || /^\d/.test(w)) return !capOf(tokens[1]!) || tokens[1]!.text === ',' || FRONTED.has(lowOf(tokens[1]!));
  // "Hastily politicizing ...", "Shortly after ...": an adverb in -ly before a lower-case word.
  return /^[A-Z][a-z]{3,}ly$/.test(tokens[0]!.text) && !capOf(tokens[1]!);
}

interface Frame {
  from: number;
  to: number;
  /** Where the sentence starts, when the frame starts later (after an earlier quote in it). */
  sentenceFrom?: number;
}

/**
 * Whether the first character of body[from, to) past ASCII white space is outside ASCII: only then may the
 * text open with a dash (/^\s*[―—–]/), and most frames after a quote open with a comma or a word.
 */
function opensNonAscii(body: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && (body.charCodeAt(i) === 32 || (body.charCodeAt(i) >= 9 && body.charCodeAt(i) <= 13))) i++;
  return i < to && body.charCodeAt(i) >= 128;
}

/** Find an attribution in the text after a quote (",” Putin said.", ",” said Putin.", "... quoted Mr Putin as saying"). */
function attributionAfter(body: string, frame: Frame): Attribution | null {
  const tokens = tokenize(body, frame.from, frame.to);
  const limit = Math.min(tokens.length, 30);
  const dash = opensNonAscii(body, frame.from, frame.to) ? /^\s*[―—–]\s*/.exec(body.slice(frame.from, frame.to)) : null;
  if (dash && tokens[0] && capOf(tokens[0])) {
    let end = 0;
    while (end < tokens.length && end < 6 && (capOf(tokens[end]!) || tokens[end]!.text === '.')) end++;
    const source = parseSourcePhrase(body, tokens[0].start, tokens[end - 1]!.end);
    const at = frame.from + dash.index + dash[0].search(/[―—–]/);
    if (source) return { source, via: null, cue: makeToken(body[at]!, at, at + 1), clauseStart: -1 };
  }
  // "“...”, according to an Associated Press account."
  const a0 = tokens[0]?.text === ',' ? 1 : 0;
  if (lower(tokens[a0]) === 'according' && lower(tokens[a0 + 1]) === 'to' && tokens[a0 + 2]) {
    const stop = tokens.findIndex((t, k) => k > a0 + 2 && (t.text === ',' || t.text === ';'));
    const last = tokens[(stop > 0 ? stop : tokens.length) - 1]!;
    const cue = makeToken(body.slice(tokens[a0]!.start, tokens[a0 + 1]!.end), tokens[a0]!.start, tokens[a0 + 1]!.end);
    return { source: parseSourcePhrase(body, tokens[a0 + 2]!.start, last.end), via: null, cue, clauseStart: -1 };
  }
  for (let c = 0; c < limit; c++) {
    const base = cueBase(tokens[c]);
    if (!base) continue;
    if (!STRONG_CUES.has(base) && base !== 'report' && !AFTER_QUOTE_CUES.has(base)) continue;
    const cue = tokens[c]!;
    if (base === 'quote') {
      // "RIA Novosti quoted Mr Putin as saying": speaker after, relay before.
      const relay = quotedAsSaying(body, tokens, c);
      if (relay) return { ...relay, clauseStart: -1 };
    }
    // The speaker between the quote and the cue: a name-like phrase, else any short noun phrase
    // ("“...,” the Republican presidential candidate said").
    const lead = tokens[0]?.text === ',' ? 1 : 0;
    // ", said X" after words of the content ("“...” that Sanders can catch Clinton, said Steve Elmendorf"):
    // the inverted subject speaks, not a name in the content before the comma.
    // (Not after a quote that ends its sentence: the comma and cue then belong to the next sentence.)
    const inverted = c > lead + 1 && tokens[c - 1]!.text === ',' && INVERTING_CUES.has(base) && !/[.!?]/.test(body.slice(frame.from - 3, frame.from)) ? phraseAfter(body, tokens, c, tokens.length, true) : null;
    if (inverted && endsClause(body, tokens, inverted.span.end)) return { source: inverted, via: null, cue, clauseStart: -1 };
    const before = c > 0 ? (phraseBefore(body, tokens, c, 0) ?? (c > lead ? subjectPhrase(body, tokens.slice(lead), c - lead, true) : null)) : null;
    // "“...” after The Washington Post reported": a subordinate clause reports something else.
    if (before && SUBORDINATE_BEFORE.test(body.slice(Math.max(frame.from, before.span.start - 16), before.span.start))) return null;
    if (before) return { source: before, via: null, cue, clauseStart: -1 };
    // ("told" takes its addressee after it: "... told host Chris Cuomo" names who heard it.)
    const after = base === 'tell' ? null : phraseAfter(body, tokens, c, tokens.length, true) ?? (c === lead ? descriptionAfter(body, tokens, c) : null);
    if (after) return { source: after, via: null, cue, clauseStart: -1 };
    if (c === 0 || (base === 'tell' && phraseAfter(body, tokens, c, tokens.length))) return { source: null, via: null, cue, clauseStart: -1 };
  }
  return mannerAfter(body, tokens);
}

const MANNER_ADJUNCT = new Set(['on', 'in', 'at', 'during', 'as', 'with', 'after', 'before', 'while']);
/** Manner-of-speaking verbs, some with their particle, that name the speaker of the quote they follow ("“...,” Trump shot back."). */
const MANNER_AFTER = new Map<string, string | null>([
  ['shot', 'back'], ['fired', 'back'], ['hit', 'back'], ['pushed', 'back'], ['struck', 'back'], ['went', 'on'], ['chimed', 'in'],
  ['pressed', null], ['started', null], ['began', null], ['retaliated', null], ['riffed', null], ['questioned', null], ['interrupted', null], ['offered', null], ['wondered', null],
]);
/**
 * "“...,” Trump shot back.", "“...,” Hannity pressed.": a subject and a manner verb (with its particle)
 * right after the quote, ending the clause. Loose verbs alone, so they count only in this position.
 */
function mannerAfter(body: string, tokens: Token[]): Attribution | null {
  const lead = tokens[0]?.text === ',' ? 1 : 0;
  for (let c = lead + 1; c < tokens.length && c <= lead + 8; c++) {
    const t = tokens[c]!;
    if (t.text === ',' || capOf(t)) continue;
    const particle = MANNER_AFTER.get(lowOf(t));
    if (particle === undefined) continue;
    const lastAt = particle ? c + 1 : c;
    const last = tokens[lastAt];
    if (!last || (particle && lowOf(last) !== particle)) return null;
    // The verb ends the clause ("shot back.", "pressed, ...", "retaliated in a speech"); "went on to say" does not.
    if (!/^\s*(?:[.,;:!?]|$)/.test(body.slice(last.end, last.end + 3)) && !MANNER_ADJUNCT.has(lower(tokens[lastAt + 1]))) return null;
    if (SUBORDINATORS.has(lower(tokens[lead])) || lower(tokens[lead]) === 'and') return null;
    const source = phraseBefore(body, tokens, c, 0) ?? subjectPhrase(body, tokens.slice(lead), c - lead, true);
    if (!source) return null;
    return { source, via: null, cue: makeToken(body.slice(t.start, last.end), t.start, last.end), clauseStart: -1 };
  }
  return null;
}

/** Words that end a described subject after its cue: a post-modifier or a relative clause ("one Democrat familiar with ..."). */
const DESCRIPTION_END = new Set(['who', 'whom', 'which', 'that', 'quoted', 'cited', 'interviewed', 'familiar', 'close', 'involved', 'speaking', 'known', 'as', 'because', 'after', 'before', 'while', 'when']);
/** Whether the subject phrase ending at `end` ends its clause: punctuation or an adjunct follows, not a verb ("said the new proposals “lacked ...”"). */
function endsClause(body: string, tokens: Token[], end: number): boolean {
  const n = tokens.findIndex((t) => t.start >= end);
  // "Any “cleareyed” interpretation, said Michael Kofman, an expert ..., would read this as ...": the
  // content runs on after the appositive, an interposed attribution of its own kind.
  if (tokens[n]?.text === ',') {
    let k = n + 1;
    while (k < tokens.length && k - n < 16 && tokens[k]!.text !== ',') k++;
    const after = tokens[k + 1];
    if (tokens[k]?.text === ',' && after && !capOf(after) && !ADJUNCT_START.has(lowOf(after)) && !ASIDE_TAIL_BREAK.has(lowOf(after)) && !lowOf(after).endsWith('ing') && !['and', 'who', 'which'].includes(lowOf(after))) return false;
  }
  if (/^\s*(?:[.,;:!?(]|$)/.test(body.slice(end, end + 3))) return true;
  const next = tokens[n];
  return !!next && (ADJUNCT_START.has(lowOf(next)) || PREPOSITIONS.has(lowOf(next)));
}
const POSTMODIFIERS = new Set(['familiar', 'close', 'involved', 'known']);
/** A described subject right after a sentence-final cue: "“...,” said a longtime GOP data expert who ...". */
function descriptionAfter(body: string, tokens: Token[], c: number): ParsedSource | null {
  if (!SUBJECT_DETERMINERS.has(lower(tokens[c + 1]))) return null;
  let end = c + 1;
  while (end < tokens.length && end - c <= 5 && startsWord(tokens[end]!.text) && !DESCRIPTION_END.has(lower(tokens[end])) && !PREPOSITIONS.has(lower(tokens[end])) && lower(tokens[end]) !== 'to' && lower(tokens[end]) !== 'of') end++;
  if (end - c < 3) return null;
  const parsed = parseSourcePhrase(body, tokens[c + 1]!.start, tokens[end - 1]!.end) ?? parseSubjectDescription(body, tokens[c + 1]!.start, tokens[end - 1]!.end);
  if (!parsed || parsed.kind !== 'description') return parsed;
  // Its complement names whom the person serves or knows ("a longtime adviser to Trump", "a person close
  // to the Clintons", "a source involved in the super-PAC’s creation").
  const of = lower(tokens[end]);
  const postmodifier = POSTMODIFIERS.has(of) && /^(?:to|with|in|as)$/.test(lower(tokens[end + 1]));
  if (of !== 'to' && of !== 'of' && of !== 'for' && !postmodifier) return parsed;
  let stop = end + (postmodifier ? 2 : 1);
  while (stop < tokens.length && stop - end <= 5 && startsWord(tokens[stop]!.text) && !DESCRIPTION_END.has(lower(tokens[stop]))) stop++;
  while (stop > end + 1 && !capOf(tokens[stop - 1]!)) stop--;
  if (stop === end + 1 || !capOf(tokens[stop - 1]!)) return parsed;
  const span = { start: parsed.span.start, end: tokens[stop - 1]!.end };
  return { ...parsed, name: body.slice(span.start, span.end), span };
}

/**
 * "RIA Novosti quoted Mr Putin as saying": the speaker after the cue, the relay before it; in the passive
 * ("Mr Dixon was quoted by The Australian as saying", "the agency was quoted as saying") the subject speaks
 * and "by" names the relay. The cue runs to "saying".
 */
function quotedAsSaying(body: string, tokens: Token[], c: number): { source: ParsedSource | null; via: ParsedSource | null; cue: Token } | null {
  const as = tokens.findIndex((t, k) => k > c && lower(t) === 'as' && lower(tokens[k + 1]) === 'saying');
  if (as <= c) return null;
  const cue = makeToken(body.slice(tokens[c]!.start, tokens[as + 1]!.end), tokens[c]!.start, tokens[as + 1]!.end);
  const by = lower(tokens[c + 1]) === 'by';
  if (as === c + 1 || by) return { source: phraseBefore(body, tokens, c, 0) ?? withSubject(body, tokens, c), via: by && as > c + 2 ? parseSourcePhrase(body, tokens[c + 2]!.start, tokens[as - 1]!.end) : null, cue };
  return { source: parseSourcePhrase(body, tokens[c + 1]!.start, tokens[as - 1]!.end), via: phraseBefore(body, tokens, c, 0) ?? subjectPhrase(body, tokens, c, true), cue };
}

/** What opens the source of a digest before its colon: a dash, "More from", "according to". */
const DIGEST_MARK = /\s[-–—]+\s*|\b(?:More from|[Aa]ccording to)\s+/g;
/** Find an attribution before a quote ("He said: “...”", "Putin said that Russia ... “fragment”"). */
function attributionBefore(body: string, frame: Frame): Attribution | null {
  // "IOWA POLLS NOT WRONG, JUST TOO EARLY - Mark Blumenthal and Jon Cohen: “...”", "More from Jones: “...”":
  // a digest names the source between a dash (or "More from", "according to") and the colon.
  if (endsWithChar(body, frame.from, frame.to, ':')) {
    const from = Math.max(frame.from, frame.to - 80);
    const head = body.slice(from, body.lastIndexOf(':', frame.to - 1));
    let at = -1;
    // (An exec loop on one regex: matchAll would build a copy of the regex for every frame.)
    DIGEST_MARK.lastIndex = 0;
    for (let mark = DIGEST_MARK.exec(head); mark; mark = DIGEST_MARK.exec(head)) at = mark.index + mark[0].length;
    const name = at >= 0 ? head.slice(at).trimEnd() : '';
    // Only a name goes there, no clause ("According to Mr Peston the prime minister said:").
    if (name.length >= 2 && name.length <= 60 && !/[-–—:,;]/.test(name) && !/\s(?!(?:and|of|the)\s)[a-z]/.test(name)) {
      const source = parseSourcePhrase(body, from + at, from + at + name.length);
      if (source && (source.kind === 'name' || source.kind === 'organisation') && source.entityKind !== 'place') return { source, via: null, cue: null, clauseStart: frame.to };
    }
  }
  const tokens = tokenize(body, frame.from, frame.to);
  const acc = tokens.findIndex((t, k) => lower(t) === 'according' && lower(tokens[k + 1]) === 'to');
  if (acc >= 0) {
    const comma = tokens.findIndex((t, k) => k > acc + 2 && t.text === ',');
    if (comma > acc + 2 && comma >= tokens.length - 2) {
      const cue = makeToken(body.slice(tokens[acc]!.start, tokens[acc + 1]!.end), tokens[acc]!.start, tokens[acc + 1]!.end);
      return { source: parseSourcePhrase(body, tokens[acc + 2]!.start, tokens[comma - 1]!.end), via: null, cue, clauseStart: frame.to };
    }
  }
  const hasStrong = tokens.some((t, k) => STRONG_CUES.has(cueBase(t) ?? '') && !NOUN_BEFORE.has(lower(tokens[k - 1])));
  let fallback: Attribution | null = null;
  // (Only a cue enters the inner block, where the rules' closures are: a closure over the loop's own
  // variables would make V8 allocate a context for every word.)
  for (let i = tokens.length - 1; i >= 0; i--) {
    const cueAt = cueBase(tokens[i]);
    if (!cueAt) continue;
    {
      const c = i;
      const base = cueAt;
      // (A cue right before the quote counts all the same: "She said ..., to which O'Malley interjected: “...”".)
      if (hasStrong && !STRONG_CUES.has(base) && !(AFTER_QUOTE_CUES.has(base) && c < tokens.length - 1 && onlyPunctuationAfter(tokens, c))) continue;
      if (NOUN_BEFORE.has(lower(tokens[c - 1]))) continue; // a noun: his claims, the reports
      // "RIA Novosti quoted Mr Putin as saying: “...”": the relay's cue ("quoted") reads the speaker and the relay.
      if (lower(tokens[c - 1]) === 'as' && base === 'say' && tokens.slice(Math.max(0, c - 10), c - 1).some((t) => cueBase(t) === 'quote')) continue;
      const cue = tokens[c]!;
      let n = c + 1;
      while (n < tokens.length && BETWEEN.has(lower(tokens[n])) && n < c + 4) n++;
      if (lower(tokens[n]) !== 'that') n = c + 1;
      const next = tokens[n];
      let clauseStart = next ? next.start : frame.to;
      if (lower(next) === 'that') clauseStart = tokens[n + 1]?.start ?? frame.to;
      if (base === 'tell' || base === 'ask') {
        const that = tokens.findIndex((t, k) => k > c && k < c + 9 && lower(t) === 'that');
        if (that > c) clauseStart = tokens[that + 1]?.start ?? frame.to;
      }
      if (base === 'quote') {
        const relay = quotedAsSaying(body, tokens, c);
        if (relay) return { ...relay, clauseStart: tokens.find((t) => t.start >= relay.cue.end)?.start ?? frame.to };
      }
      let source: ParsedSource | null;
      const objectTaking = base === 'tell' || base === 'ask' || base === 'urge';
      if (cue.text.toLowerCase().endsWith('ing') || lower(tokens[c - 1]) === 'and') source = (tokens[c - 1]?.text !== ',' && lower(tokens[c - 1]) !== 'and' ? phraseBefore(body, tokens, c, 0) ?? withSubject(body, tokens, c) : null) ?? finiteCueSubject(body, tokens, c) ?? sentenceSubject(body, tokens, c);
      else source = phraseBefore(body, tokens, c, 0) ?? (objectTaking ? null : subjectAfter(body, tokens, c)) ?? (c > 0 ? sentenceSubject(body, tokens, c) ?? (fallback === null ? subjectPhrase(body, tokens, c, true) : null) : null);
      // A passive question names its asker after "by": "Sanders was asked by host Bill Maher, ..., “...?”".
      if (base === 'ask' && lower(tokens[c + 1]) === 'by' && tokens[c + 2] && /^(?:was|were|is|been|being)$/.test(lower(tokens[c - 1]))) {
        let k = c + 2;
        while (k < tokens.length && k - c < 12 && !/^(?:,|;|:|whether|if|about|to|what|how|why|who|when|that|in|on|at|during)$/.test(lower(tokens[k]))) k++;
        source = (k > c + 2 ? parseSourcePhrase(body, tokens[c + 2]!.start, tokens[k - 1]!.end) : null) ?? source;
      }
      // A manner-of-speaking verb counts right before its quote ("A flabbergasted Noah quipped, “...”").
      if (!STRONG_CUES.has(base) && !THAT_CUES.has(base) && !FRAGMENT_CUES.has(base) && !(AFTER_QUOTE_CUES.has(base) && onlyPunctuationAfter(tokens, c))) continue;
      const found: Attribution = { source, via: null, cue, clauseStart };
      // "she said, adding, “...”": the participle right before the quote is its cue, with the speaker of the verb before it.
      if (source && fallback && fallback.source === null && !!fallback.cue && lowOf(fallback.cue).endsWith('ing') && onlyPunctuationAfter(tokens, tokens.indexOf(fallback.cue!)) && !SUBORDINATE_BEFORE.test(body.slice(Math.max(frame.from, source.span.start - 16), source.span.start))) return { ...fallback, source };
      if (source) return found;
      fallback ??= found;
    }
  }
  // No cue in the frame has a subject: a participle's may open the sentence before an earlier quote.
  // (So may a cue coordinated with the sentence's verb: "Clinton supports “...” and recalled ...: “...”".)
  if (fallback?.cue && (lowOf(fallback.cue).endsWith('ing') || /\band\s+$/.test(body.slice(fallback.cue.start - 5, fallback.cue.start)))) fallback.source = subjectBeforeFrame(body, frame, fallback.cue);
  return fallback;
}

/** The inverted subject after a cue ("..., said Putin: “...”"), not the subject of its clause ("said Clinton will have to choose"). */
function subjectAfter(body: string, tokens: Token[], c: number): ParsedSource | null {
  const after = phraseAfter(body, tokens, c, tokens.length);
  if (!after) return null;
  const n = tokens.findIndex((t) => t.start >= after.span.end);
  const next = tokens[n];
  if (!next || !/^[a-z]/.test(next.text) || ADJUNCT_START.has(next.text) || PREPOSITIONS.has(next.text) || next.text === 'and') return after;
  // A title between a name and a name ("explained CBS moderator Nancy Cordes:"): the person speaks.
  let e = n + 1;
  while (e < tokens.length && e - n <= 4 && capOf(tokens[e]!)) e++;
  return e > n + 1 ? parseSourcePhrase(body, after.span.start, tokens[e - 1]!.end) : null;
}

/**
 * The subject of a participle in an absolute phrase: "..., with Sen. John McCain calling it a “Chinese
 * menu.”" (phraseBefore stops at "with", a preposition whose object is never a speaker elsewhere).
 */
function withSubject(body: string, tokens: Token[], c: number): ParsedSource | null {
  let k = c - 1;
  while (k > 0 && c - k <= 6 && (capOf(tokens[k]!) || isPossessive(tokens[k]!.text))) k--;
  if (k === c - 1 || lower(tokens[k]) !== 'with') return null;
  return parseSourcePhrase(body, tokens[k + 1]!.start, tokens[c - 1]!.end);
}

/**
 * The subject of a participle cue set off by a comma after a finite cue ("Ryan and Trump will meet next
 * week, Spicer said, adding, “...”"): the first finite speech verb's subject, not the sentence's.
 */
function finiteCueSubject(body: string, tokens: Token[], c: number): ParsedSource | null {
  if (tokens[c - 1]?.text !== ',') return null;
  for (let k = 1; k < c - 1; k++) {
    const base = cueBase(tokens[k]);
    if (!base || !STRONG_CUES.has(base) || lowOf(tokens[k]!).endsWith('ing') || NOUN_BEFORE.has(lower(tokens[k - 1])) || lower(tokens[k - 1]) === 'to') continue;
    // A verb before it makes it a noun ("McFadden makes claims that ...").
    if (isPluralHead(tokens[k - 1]) && !GROUP_WORDS.has(lower(tokens[k - 1]))) return null;
    return phraseBefore(body, tokens, k, 0);
  }
  return null;
}

/**
 * The subject of a participle cue whose sentence opens before the frame, with an earlier quote in it:
 * "Trump has hailed the vote as “fantastic,” telling reporters ...": the sentence's subject speaks.
 */
function subjectBeforeFrame(body: string, frame: Frame, cue: Token): ParsedSource | null {
  // (Not when the sentence opens with a quote: its words are the quote's, not a subject.)
  if (frame.sentenceFrom === undefined || frame.sentenceFrom >= frame.from || /^\s*["“”‘’'«„]/.test(body.slice(frame.sentenceFrom, frame.sentenceFrom + 3))) return null;
  const tokens = tokenize(body, frame.sentenceFrom, cue.start);
  return tokens.length > 0 ? sentenceSubject(body, tokens, tokens.length) : null;
}

/**
 * Whether the text between two quotes is their attribution alone: it holds the attribution's cue and no
 * other speech verb ("“A,” he said. “B.”", but not "“A,” Mr. Earnest said. But he added, “B.”").
 */
function interruptedBy(gap: Token[], attribution: Attribution): boolean {
  let found = false;
  for (let k = 0; k < gap.length; k++) {
    const t = gap[k]!;
    if (t.start === attribution.cue?.start) found = true;
    else if (STRONG_CUES.has(cueBase(t) ?? '') && !NOUN_BEFORE.has(lower(gap[k - 1]))) return false;
  }
  return found;
}

/** Whether body[from, to) is empty, opens with punctuation or opens an adjunct ("on Tuesday", "in a statement"). */
function opensAdjunct(body: string, from: number, to: number): boolean {
  if (/^\s*(?:[.,;:!?(—–-]|$)/.test(body.slice(from, Math.min(to, from + 3)))) return true;
  const first = tokenize(body, from, Math.min(to, from + 30))[0];
  return !first || ADJUNCT_START.has(lowOf(first)) || PREPOSITIONS.has(lowOf(first));
}

/** Whether every token after tokens[c] is a comma or a colon: the cue ends the frame right before its quote. */
function onlyPunctuationAfter(tokens: Token[], c: number): boolean {
  for (let k = c + 1; k < tokens.length; k++) if (tokens[k]!.text !== ',' && tokens[k]!.text !== ':') return false;
  return true;
}

function sentenceIndexAt(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(sentences.length - 1, lo));
}

/** The last of `tokens`, if any (without the copy of `tokens.slice(-1)[0]`). */
const lastToken = (tokens: Token[]): Token | undefined => tokens[tokens.length - 1];

/** Whether body[from, to) is empty or white space (what `.trim() === ''` tells, without copying the text). */
function isBlank(body: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isWhiteSpace(body.charCodeAt(i))) return false;
  return true;
}

/** Whether body[from, to) ends, white space aside, with one of `chars`; a backwards scan, O(1) in the slice length. */
function endsWithChar(body: string, from: number, to: number, chars: string): boolean {
  let i = to - 1;
  while (i >= from && (body[i] === ' ' || body[i] === '\n' || body[i] === '\t' || body[i] === '\u00a0')) i--;
  return i >= from && chars.includes(body[i]!);
}

const trimSpan = (body: string, s: Span): Span => {
  let { start, end } = s;
  while (start < end && /[\s,;:—–-]/.test(body[start]!)) start++;
  while (end > start && /[\s,;:.—–-]/.test(body[end - 1]!)) end--;
  return { start, end };
};

interface Draft {
  span: Span;
  segments: Span[];
  kind: QuoteKind;
  attribution: Attribution | null;
  /** True for a quote that continues the previous quote's speaker with no attribution of its own. */
  continues: boolean;
  confidence: number;
}

/** Extract the quotes of one article. Pure; never throws on any article. */
export function extractQuotes(article: Pick<Article, 'id' | 'body' | 'paragraphs'>): ExtractedQuotes {
  indexTokens(article.body);
  try {
    return extractQuotesIndexed(article);
  } finally {
    indexTokens(null);
  }
}

/** Drafts in body order. */
const bySpanStart = (a: Draft, b: Draft): number => a.span.start - b.span.start;

function extractQuotesIndexed(article: Pick<Article, 'id' | 'body' | 'paragraphs'>): ExtractedQuotes {
  const { body } = article;
  const paragraphs = article.paragraphs.length ? article.paragraphs : [{ start: 0, end: body.length }];
  const entities = new ArticleEntities(body);
  learnNames(body, entities);
  const sentences = articleSentences(article);
  const quoted = findQuotedSpans(body, paragraphs);
  entities.quoted = quoted.map((q) => q.outer);
  entities.resolvePronouns(sentences);
  const drafts: Draft[] = [];
  const used = new Set<QuotedSpan>();
  const paragraphOf = (offset: number) => paragraphs.findIndex((p) => p.start <= offset && offset <= p.end);

  for (let qi = 0; qi < quoted.length; qi++) {
    const q = quoted[qi]!;
    if (used.has(q)) continue;
    const para = paragraphs[q.paragraph]!;
    const si = sentenceIndexAt(sentences, q.outer.start);
    const sentence = sentences[si]!;
    const prevQuote = quoted[qi - 1];
    const nextQuote = quoted[qi + 1];
    const beforeFrom = Math.max(q.outer.start - 400, sentence.start, prevQuote && prevQuote.outer.end <= q.outer.start && prevQuote.paragraph === q.paragraph ? prevQuote.outer.end : sentence.start);
    const closeSentence = sentences[sentenceIndexAt(sentences, Math.max(q.outer.end - 1, q.outer.start))]!;
    let afterEnd = Math.max(closeSentence.end, q.outer.end);
    // "“... with it!” Murphy tweeted." : the sentence split after !” or ?”, the attribution follows.
    let nextSentence = false;
    if (closeSentence.end <= q.outer.end + 1 && body[q.outer.end] !== '.') {
      const following = sentences[sentenceIndexAt(sentences, Math.max(q.outer.end - 1, q.outer.start)) + 1];
      if (following && following.end <= para.end) afterEnd = following.end;
      nextSentence = afterEnd > closeSentence.end;
    }
    const afterTo = Math.min(para.end, afterEnd, nextQuote && nextQuote.paragraph === q.paragraph ? nextQuote.outer.start : para.end);
    const contentText = body.slice(q.content.start, q.content.end);
    const startsUpper = /^[\s…."'“‘(\[]*[\p{Lu}\d]/u.test(contentText);
    const endsColon = endsWithChar(body, beforeFrom, q.outer.start, ':');
    const leadsSentence = isBlank(body, beforeFrom, q.outer.start) || (endsWithChar(body, beforeFrom, q.outer.start, ':,') && !!cueBase(lastToken(tokenize(body, Math.max(beforeFrom, q.outer.start - 40), q.outer.start)))) || endsColon;
    let after = q.closed ? attributionAfter(body, { from: q.outer.end, to: afterTo }) : null;
    // After a quote that ends its sentence with a full stop, the next sentence names its speaker only
    // when it is all attribution ("“...” — Sonya Herridge"), not "He said Clinton would not go far enough."
    if (nextSentence && after?.cue && /\.\s*$/.test(contentText) && !opensAdjunct(body, Math.max(after.cue.end, after.source?.span.end ?? 0), afterTo)) after = null;
    const before = attributionBefore(body, { from: beforeFrom, to: q.outer.start, sentenceFrom: sentence.start });

    // A quoted fragment inside reported speech: "said discussion ... is “so far premature,” but ...".
    const embedded = before && (before.cue?.end ?? before.clauseStart) < q.outer.start && countWordRuns(body, (before.cue?.end ?? before.clauseStart), q.outer.start, 100) > (isBlank(body, before.clauseStart, q.outer.start) ? 99 : 0) && before.clauseStart < q.outer.start && !endsColon;
    if (embedded && before && (!startsUpper || countWordRuns(body, before.clauseStart, q.outer.start, 1) > 0) && !(after && after.source && leadsSentence)) {
      // The reported clause runs from the cue to the end of the sentence; it absorbs every fragment in it.
      const sentenceEnd = closeSentence.end;
      const segments: Span[] = [];
      let lastClose = q.outer.end;
      for (let k = qi; k < quoted.length && quoted[k]!.outer.start < sentenceEnd; k++) {
        segments.push({ ...quoted[k]!.content });
        used.add(quoted[k]!);
        lastClose = quoted[k]!.outer.end;
      }
      // A long tail after the last fragment is another clause ("..., but did not rule out ...").
      // A naming cue frames only its object ("calling the behavior a “fireable offense.”"); speech runs on.
      const clauseEnd = before.cue && FRAGMENT_CUES.has(cueBase(before.cue) ?? '') ? lastClose : sentenceEnd;
      const span = trimSpan(body, { start: before.clauseStart, end: Math.max(clauseEnd, q.outer.end) });
      const quotedWords = segments.reduce((n, s) => n + countWordRuns(body, s.start, s.end), 0);
      const kind: QuoteKind = quotedWords * 2 >= countWordRuns(body, span.start, span.end) ? 'mixed' : 'partial';
      drafts.push({ span, segments, kind, attribution: before, continues: false, confidence: before.source ? 0.75 : 0.4 });
      continue;
    }

    // A cue right before the quote ("... then declares “...”") attributes it even when the source phrase is unusual.
    const cueAdjacent = !!before?.cue && countWordRuns(body, before.cue.end, q.outer.start, 1) === 0;
    // 'X said: “A.” She added: “B.”': an attribution after the quote that ends in a colon introduces the next
    // quote, and this one keeps the colon attribution before it.
    const afterIntroducesNext = !!after?.source && endsColon && !!before?.source && !!nextQuote && nextQuote.paragraph === q.paragraph && endsWithChar(body, q.outer.end, nextQuote.outer.start, ':');
    const attribution = after && after.source && !afterIntroducesNext ? after : before && (leadsSentence || endsColon || before.source || cueAdjacent) ? before : after;
    used.add(q);
    const segments: Span[] = [{ ...q.content }];
    // Merge the parts of an interrupted quote: “A,” he said. “B.” and multi-paragraph runs.
    let last = q;
    for (let k = qi + 1; k < quoted.length; k++) {
      const n = quoted[k]!;
      const gap = body.slice(last.outer.end, n.outer.start);
      const sameParagraph = n.paragraph === last.paragraph;
      const continuation = !sameParagraph && last.continued && n.paragraph === last.paragraph + 1 && /^\s*$/.test(gap);
      const interrupted = sameParagraph && attribution && gap.length < 160 && /[.,:]\s*$/.test(gap) && interruptedBy(tokenize(body, last.outer.end, n.outer.start), attribution) && !attributionAfter(body, { from: n.outer.end, to: Math.min(paragraphs[n.paragraph]!.end, quoted[k + 1]?.outer.start ?? Infinity) })?.source;
      const adjacent = sameParagraph && attribution && /^[\s,]*$/.test(gap);
      if (!(continuation || interrupted || adjacent)) break;
      segments.push({ ...n.content });
      used.add(n);
      last = n;
    }
    const span = { start: segments[0]!.start, end: segments[segments.length - 1]!.end };
    if (!attribution) {
      // (Read only up to 8 words: the rules below ask for at least 4 or 8.)
      const whole = countWordRuns(body, span.start, span.end, 8);
      // No cue: a paragraph that continues the last speaker's quote, or a title / scare quote.
      const previous = drafts[drafts.length - 1];
      const opensParagraph = q.outer.start - para.start < 3;
      const fillsParagraph = opensParagraph && (last.outer.end >= paragraphs[last.paragraph]!.end - 2 || !last.closed);
      // A block quote introduced by a colon: "Cruz continued:" / "the statement reads:".
      const intro = colonIntro(body, sentences, si, q.outer.start, para.start) ?? (whole >= 8 && isBlank(body, sentence.start, q.outer.start) && !/,\s*$/.test(contentText) ? previousSubject(body, sentences, si, para.start, entities) : null);
      if (intro) {
        drafts.push({ span, segments, kind: 'direct', attribution: intro, continues: false, confidence: intro.source ? 0.8 : 0.4 });
      } else if (previous && (previous.attribution?.source || previous.continues) && fillsParagraph && q.paragraph - paragraphOf(previous.span.end) <= 1 && whole >= 4) {
        // A whole-paragraph quote right after a direct quote goes on with it: one quote in two paragraphs
        // ("“We like a lot of the candidates,” Adelson said ...\n\n“It’s changing every day. ...”").
        // (Only when nothing but the attribution comes between: not "..., he said. Under a Labour government ..., he claims.")
        const gap = body.slice(previous.span.end, q.outer.start);
        const cue = previous.attribution?.cue;
        const onlyAttribution = !/[\p{L}\p{N}]/u.test(gap) || (!!cue && cue.start >= previous.span.end && cue.start < q.outer.start && !/[.!?][^.!?]*[.!?]/.test(gap));
        if (previous.kind === 'direct' && q.paragraph - paragraphOf(previous.span.end) === 1 && onlyAttribution) {
          previous.segments.push(...segments);
          previous.span = { start: previous.span.start, end: span.end };
        } else drafts.push({ span, segments, kind: 'direct', attribution: null, continues: true, confidence: 0.6 });
      } else if (whole >= 8 && startsUpper) {
        drafts.push({ span, segments, kind: 'direct', attribution: null, continues: false, confidence: 0.3 });
      }
      continue;
    }
    if (!startsUpper && !leadsSentence && attribution === after) {
      // Fragments before a trailing attribution: "Guns are “the ultimate crisis” and “stunt growth,” Dean said."
      const start = trimSpan(body, { start: beforeFrom, end: q.outer.start }).start;
      const fragSpan = { start: Math.min(start, span.start), end: span.end };
      for (let k = qi + 1; k < quoted.length && quoted[k]!.outer.end <= (attribution.cue?.start ?? 0) && quoted[k]!.paragraph === q.paragraph; k++) {
        segments.push({ ...quoted[k]!.content });
        used.add(quoted[k]!);
        fragSpan.end = quoted[k]!.content.end;
      }
      // The reported clause runs on to the comma before the attribution ("“serious” training ..., Putin has said").
      const attrStart = Math.min(attribution.source?.span.start ?? Infinity, attribution.cue?.start ?? Infinity);
      if (attrStart < Infinity && attrStart > fragSpan.end) {
        const between = body.slice(fragSpan.end, attrStart);
        const comma = between.search(/,[^,]*$/);
        const firstComma = between.indexOf(',');
        const cut = firstComma >= 0 && countWordRuns(between, 0, firstComma, 1) > 0 ? fragSpan.end + firstComma : comma >= 0 ? fragSpan.end + comma : attrStart;
        fragSpan.end = trimSpan(body, { start: fragSpan.start, end: cut }).end;
      }
      const total = countWordRuns(body, fragSpan.start, fragSpan.end);
      if (total < 3) continue;
      drafts.push({ span: fragSpan, segments, kind: countWordRuns(body, q.content.start, q.content.end) * 2 >= total ? 'mixed' : 'partial', attribution, continues: false, confidence: attribution.source ? 0.75 : 0.4 });
      continue;
    }
    // (The quote's words are counted only here and for a fragment, and here only up to three.)
    if (!startsUpper && countWordRuns(body, q.content.start, q.content.end, 3) < 3) continue; // a scare-quoted word with a cue elsewhere in the sentence
    drafts.push({ span, segments, kind: startsUpper || leadsSentence ? 'direct' : 'partial', attribution, continues: false, confidence: attribution.source ? 0.9 : 0.5 });
  }

  // Reported speech in sentences that hold no quote, or only quotes no rule above took (a scare quote, a
  // title: "Speaking on ABC’s “This Week,” Carson admitted ..., but said his campaign had found ...").
  // Sentences and drafts are both in body order: walk them together.
  const ordered = drafts.slice();
  sortInPlace(ordered, bySpanStart);
  let r = 0;
  let reach = -1; // the furthest end among drafts starting before the current sentence's end
  let tailFrom = -1; // ... and among their attributions and the quotes they hold
  let qo = 0;
  let lastSource: ParsedSource | null = null;
  const read = (span: Span, tail: boolean): void => {
    const more: Draft[] = [];
    let d = reportedSpeech(body, span, more, tail ? lastSource : null);
    // A sentence opened by a poll states its finding ("In a Des Moines Register poll last month, Mr. Cruz had a 10 percentage-point lead").
    if (!d && !tail && body.startsWith('In ', span.start)) d = pollOpener(body, tokenize(body, span.start, span.end), span);
    // After a quote a frame needs its own subject there, and a content opening with a clause, not with
    // an adjunct of the quote's own cue ("..., he said of the decision", "... said as she turned around"),
    // nor a relative clause of its speaker's apposition ("said X, the director, who also said ...").
    // A participle right after the attribution is participleAfter's ("..., the company said, adding it believes ..."),
    // and a passive names no speaker ("..., said Oliver Valente, ..., when the contract was announced").
    if (d && tail) {
      const lead = /^[\s,]*([\p{L}]+)/u.exec(body.slice(span.start, span.start + 30))?.[1] ?? '';
      if (lead.endsWith('ing')) return;
      const kept = [d, ...more].filter((x) => {
        const first = /^[\p{L}\p{N}’'-]+/u.exec(body.slice(x.span.start, x.span.start + 30))?.[0]?.toLowerCase() ?? '';
        const cue = x.attribution!.cue!.start;
        return !!first && !PREPOSITIONS.has(first) && !SUBORDINATORS.has(first) && !TAIL_OPENERS.has(first) && !first.endsWith('ly') && !!x.attribution!.source && (x.attribution!.source.span.start >= span.start || x.attribution!.source === lastSource) && !/\b(?:who\s+(?:[a-z]+\s+)?|was\s+|were\s+|been\s+|is\s+|are\s+)$/.test(body.slice(Math.max(span.start, cue - 20), cue));
      });
      d = kept.shift() ?? null;
      more.splice(0, more.length, ...kept);
    }
    if (!d) return;
    // A content that opens with a quote ("said “excess volatility” would ...") keeps its opening mark.
    for (const x of [d, ...more]) if (OPENING_MARKS.includes(body[x.span.start - 1]!) && !/[\p{L}\p{N}]/u.test(body[x.span.start - 2] ?? ' ')) x.span = x.segments[0] = { start: x.span.start - 1, end: x.span.end };
    drafts.push(d, ...more);
  };
  for (const s of sentences) {
    const clearBefore = reach <= s.start;
    const firstQuoted = r < ordered.length && ordered[r]!.span.start < s.end ? ordered[r]!.span.start : s.end;
    for (; r < ordered.length && ordered[r]!.span.start < s.end; r++) {
      const { span, attribution } = ordered[r]!;
      reach = Math.max(reach, span.end);
      tailFrom = Math.max(tailFrom, span.end, attribution?.cue?.end ?? 0, attribution?.source?.span.end ?? 0);
      lastSource = attribution?.source ?? null;
    }
    // A sentence may go on with reported speech after its quotes and their attribution ("Graham called
    // Trump “crazy” and said the party is bound to lose ...", "..., said Ms. Tamargo, who ...").
    if (firstQuoted < s.end) {
      while (qo < quoted.length && quoted[qo]!.outer.start < reach) tailFrom = Math.max(tailFrom, quoted[qo++]!.outer.end);
      if (tailFrom > s.start && s.end - tailFrom >= 30) read({ start: tailFrom, end: s.end }, true);
    }
    if (!clearBefore) continue;
    // A sentence that goes on to quote someone may open with reported speech of its own
    // ("She said fathers would not be eligible, and ... replied, “...”"): read the part before the quote.
    // (A prefix of under 30 characters holds too few words for any rule: skip the tokenising.)
    if (firstQuoted < s.end && firstQuoted - s.start < 30) continue;
    read(firstQuoted < s.end ? quotePrefix(body, s.start, firstQuoted) : s, false);
  }

  // The question a participial "asked" reports ("Asked whether he would run, Smith said ..."): one pass over the body.
  // (The drafts' starts are gathered at the first question found: most bodies have none.)
  let starts: Set<number> | null = null;
  // (Most bodies hold no "asked ": a plain substring search rules them out before the regex scan.)
  QUESTION.lastIndex = body.includes('sked ') ? 0 : body.length;
  for (let m = QUESTION.exec(body); m; m = QUESTION.exec(body)) {
    const s = sentences[sentenceIndexAt(sentences, m.index)]!;
    if (!BEFORE_ASKED.test(body.slice(Math.max(s.start, m.index - 12), m.index).trimEnd())) continue;
    const d = askedQuestion(body, s, m.index);
    starts ??= new Set(drafts.map((x) => x.span.start));
    if (d && !starts.has(d.span.start)) {
      drafts.push(d);
      starts.add(d.span.start);
    }
  }

  // A participle after an attribution reports more of the same speaker's words ("“...,” he said, adding that ...").
  // (Its content may not overlap another draft or a quote: the characters they cover are marked, so each
  // check reads the content's own span, not every draft, which a long run-on text made quadratic.)
  // (Made on the first participle found: most articles have none.)
  let covered: Uint8Array | null = null;
  const isFree = (span: Span): boolean => {
    if (!covered) {
      covered = new Uint8Array(body.length);
      for (const d of drafts) covered.fill(1, d.span.start, d.span.end);
      for (const q of quoted) covered.fill(1, q.outer.start, q.outer.end);
    }
    for (let k = span.start; k < span.end; k++) if (covered[k] === 1) return false;
    return true;
  };
  for (let i = 0, n = drafts.length; i < n; i++) {
    const d = participleAfter(body, sentences, drafts[i]!, isFree);
    if (d) {
      drafts.push(d);
      covered!.fill(1, d.span.start, d.span.end);
    }
  }

  // Named sources become mentions first, so pronouns after them ("..., King said. ... he said") resolve.
  sortInPlace(drafts, bySpanStart);
  for (const d of drafts) {
    const src = d.attribution?.source;
    if (src && (src.kind === 'name' || src.kind === 'organisation')) entities.add(src.name, src.entityKind, src.span.start, src.roles, body.slice(src.span.start, src.span.end));
  }
  sortInPlace(entities.personMentions, byOffset);
  entities.resolvePronouns(sentences);

  const quotes: Quote[] = [];
  let previousSpeaker: SpeakerRef | null = null;
  let previousEnd = -1;
  for (const d of drafts) {
    const speaker = resolveSpeaker(d.attribution?.source ?? null, entities, sentences);
    const via = resolveSpeaker(d.attribution?.via ?? (speaker.ref && d.attribution?.cue ? relayAfter(body, d.attribution.cue) : null), entities, sentences);
    let speakerRef: SpeakerRef | null = speaker.ref;
    if (!speakerRef && (d.continues || !d.attribution) && previousSpeaker && paragraphOf(d.span.start) - paragraphOf(previousEnd) <= 1) {
      // A paragraph that continues the last speaker's quote: same speaker, no mention of its own.
      speakerRef = { name: previousSpeaker.name, entityId: null, mention: null };
    }
    // (Reported speech by a named speaker counts too: "Carter said that ... would not happen.\n\n“That’s
    // because this region ...”".)
    if (speakerRef && (d.kind !== 'indirect' || d.attribution?.source?.kind === 'name')) {
      previousSpeaker = speakerRef;
      previousEnd = d.span.end;
    }
    const text = body.slice(d.span.start, d.span.end);
    quotes.push({
      // The article id hashes the body, so the span alone identifies the quote.
      id: makeId('quote', article.id, d.span.start, d.span.end),
      articleId: article.id,
      text,
      span: d.span,
      kind: d.kind,
      segments: d.segments,
      speaker: speakerRef,
      via: via.ref,
      cue: d.attribution?.cue ? { text: d.attribution.cue.text, span: { start: d.attribution.cue.start, end: d.attribution.cue.end } } : null,
      confidence: d.confidence,
      clusterId: null,
    });
  }
  return { quotes, entities, sentences };
}

/** Words that name a news outlet or agency ("CNN", "the Financial Times", "RIA Novosti", "BBC Radio"). */
const OUTLET_WORDS = new Set([
  ...OUTLET_BRANDS,
  ...('news bloomberg times post journal tribune herald guardian telegraph press radio television tv magazine gazette chronicle mail ' +
    'express mirror newspaper agency channel broadcasting').split(' '),
]);
/** The outlet named by the capitalised run at tokens[k], "the" aside ("the BBC", "Fox News"), or null. */
function outletAt(body: string, tokens: Token[], k: number): ParsedSource | null {
  if (lower(tokens[k]) === 'the') k++;
  let e = k;
  let outlet = false;
  // (A number goes on the run, "BBC Radio 4"; a possessive ends it, "BBC One's Breakfast programme".)
  while (e < tokens.length && e - k < 5 && ((capOf(tokens[e]!) && !HONORIFICS.has(lowOf(tokens[e]!).replace(/\.$/, '')) && !TIME_WORDS.has(lowOf(tokens[e]!))) || (e > k && /^\d+(?:[’']s)?$/.test(tokens[e]!.text)))) {
    const t = tokens[e++]!;
    outlet = OUTLET_WORDS.has(lowOf(t).replace(/[’']s?$/, '')) || outlet;
    if (/[’']s?$/.test(t.text)) break;
  }
  if (!outlet) return null;
  const span = { start: tokens[k]!.start, end: tokens[e - 1]!.end };
  return { kind: 'organisation', name: body.slice(span.start, span.end).replace(/[’']s?$/u, ''), entityKind: 'organisation', span, roles: [] };
}
/** Parts of the words before an outlet that relayAfter reads after a cue other than "told": "according", "interview". */
const RELAY_WORDS = /ccording|nterview/i;
/**
 * The outlet that relays a speaker's words, named after the cue: "X told CNN", "X said, according to the
 * Financial Times", "X said in an interview with Fox News". Only the rest of the cue's sentence is read.
 */
function relayAfter(body: string, cue: Token): ParsedSource | null {
  const told = /^t(?:old|ells?)$/i.test(cue.text);
  const window = body.slice(cue.end, cue.end + 120);
  // After any other cue an outlet comes only after "according to" or "interview with": most windows hold neither word.
  if (!told && !RELAY_WORDS.test(window)) return null;
  const stop = window.search(/[.!?\n“”"]/);
  const tokens = tokenize(body, cue.end, stop < 0 ? Math.min(body.length, cue.end + 120) : cue.end + stop);
  if (told) return outletAt(body, tokens, 0);
  for (let k = 0; k < tokens.length && k < 8; k++) {
    const w = lowOf(tokens[k]!);
    if (w === 'according' && lower(tokens[k + 1]) === 'to' && tokens[k - 1]?.text === ',') return outletAt(body, tokens, k + 2);
    if (w === 'with' && lower(tokens[k - 1]) === 'interview') return outletAt(body, tokens, k + 1);
    if (tokens[k]!.text === ',' && lower(tokens[k + 1]) !== 'according') break;
  }
  return null;
}

/** First words of a content after a quote that continue the quote's own attribution ("said of ...", "said and argued ..."). */
const TAIL_OPENERS = new Set(['of', 'and', 'but', 'to']);
/** Bare cue forms that are nouns as often ("the only hope", "no doubt"). */
const BARE_NOUN_CUES = new Set(['hope', 'doubt']);
/** Quote marks that open a quote. */
const OPENING_MARKS = '"“‘\'«';

/** Words right before a participial cue that continues an attribution: ", adding", "before adding", "while arguing". */
const PARTICIPLE_LEAD = new Set([',', 'while', 'before']);
/** Characters after a cue that participleAfter and askedQuestion read: far more than any sentence holds. */
const PARTICIPLE_REACH = 3000;

/**
 * The words a participle reports after an attribution, for the same speaker: "“...,” he said, adding that
 * the U.S. must ...", "..., a Chinese official said, noting ...", "..., he said, citing low growth". Only
 * where no quote and no other draft lies.
 */
function participleAfter(body: string, sentences: readonly Span[], d: Draft, isFree: (span: Span) => boolean): Draft | null {
  const cue = d.attribution?.cue;
  const source = d.attribution?.source;
  // A participial cue's own subject is not always the sentence's ("mocked Trump for calling himself ...").
  if (!cue || !source || cue.end <= cue.start || lowOf(cue).endsWith('ing')) return null;
  const s = sentences[sentenceIndexAt(sentences, cue.start)]!;
  // The participle is among the next 40 words, and its clause ends within a few hundred more: a run-on
  // text with no full stop is read that far, not to its end for every attribution (quadratic).
  const end = Math.min(s.end, cue.end + PARTICIPLE_REACH);
  const ing = body.indexOf('ing', cue.end);
  if (ing < 0 || ing >= end) return null;
  const tokens = tokenize(body, cue.end, end);
  for (let k = 1; k < tokens.length - 2 && k < 40; k++) {
    const t = tokens[k]!;
    // (The word itself first: most words are no lower-case participle, and the one before it need not be looked up.)
    if (capOf(t) || !lowOf(t).endsWith('ing') || !PARTICIPLE_LEAD.has(lower(tokens[k - 1]))) continue;
    // "..., he said, referring to faith-driven voters": what the speaker's words were about.
    const referring = lowOf(t) === 'referring' && lower(tokens[k + 1]) === 'to';
    const base = cueBase(t) ?? OBJECT_CUE_WORDS.get(lowOf(t));
    if (!referring && (!base || !(STRONG_CUES.has(base) || base === 'cite'))) continue;
    // Between the attribution and the participle only the speaker's description may stand, not a clause with
    // a subject of its own ("..., and the ACLU has already sued the city over the rules, saying ...").
    const gapFrom = Math.max(d.span.end, source.span.end);
    for (let g = 1; g < k; g++) {
      if (tokens[g]!.start < gapFrom) continue;
      const w = lowOf(tokens[g]!);
      if (w === ';' || ((capOf(tokens[g - 1]!) || CLAUSE_SUBJECTS.has(lower(tokens[g - 1]))) && (AUXILIARY_AFTER_SUBJECT.has(w) || (w.length > 4 && w.endsWith('ed'))))) return null;
    }
    let from = k + (referring ? 2 : 1);
    if (lower(tokens[from]) === 'that') from++;
    const first = tokens[from];
    // "commenting on the figures": a preposition opens no reported words.
    if (!first || !startsWord(first.text) || PREPOSITIONS.has(lowOf(first))) return null;
    const comma = referring ? indexOfText(tokens, ',', from) : -1;
    const span = trimSpan(body, { start: first.start, end: comma > 0 ? tokens[comma]!.start : clauseEnd(tokens, from, end) });
    if (countWordRuns(body, span.start, span.end, 3) < (referring ? 1 : 3)) return null;
    if (!isFree(span)) return null;
    return { span, segments: [span], kind: 'indirect', attribution: { source, via: null, cue: t, clauseStart: span.start }, continues: false, confidence: 0.55 };
  }
  return null;
}

/**
 * "asked" as a participle (opening the sentence, or after "when" / "after being") with the question after
 * it: "Asked whether he would run, ...", "..., when asked about his taxes."
 */
const QUESTION = /\b[Aa]sked (?:whether|if|what|who|why|how|where|when|which|about|to|by|on|specifically|during|at|in|recently|last|this|earlier|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b/g;
/** What may come right before a participial "asked": a clause boundary, "when", "after being", "once". */
const BEFORE_ASKED = /(?:^|[.?!,;:—–]|\b[Ww]hen|\bafter being|\b[Oo]nce)\s?$/;

/** The question after a participial "asked" (at `at`): its content runs to the next comma or the sentence end; "by X" names the asker. */
function askedQuestion(body: string, s: Span, at: number): Draft | null {
  if (at < s.start || at >= s.end) return null;
  // A question runs to its comma: in a run-on text with no full stop, read a few hundred words at most.
  const reach = Math.min(s.end, at + PARTICIPLE_REACH);
  const tokens = tokenize(body, at, reach);
  const cue = tokens[0]!;
  let k = 1;
  let source: ParsedSource | null = null;
  // "Asked by Stephanopoulos to respond ...", "Asked on Fox News who leads ...": skip to the question.
  // "Asked during a January debate why ...", "Asked at a briefing Monday in Washington about ...": an adjunct first.
  const adjunct = !['by', 'on', 'about', 'to'].includes(lower(tokens[k])) && !/^(?:whether|if|what|who|why|how|where|when|which|specifically)$/.test(lower(tokens[k]));
  if (lower(tokens[k]) === 'by' || lower(tokens[k]) === 'on' || adjunct) {
    const q = tokens.findIndex((t, j) => j > k + (adjunct ? 0 : 1) && j < k + (adjunct ? 9 : 7) && /^(?:whether|if|what|who|why|how|where|which|about|to)$/.test(lowOf(t)));
    if (q < 0 || tokens.slice(k, q).some((t) => t.text === ',')) return null;
    if (lower(tokens[k]) === 'by') source = parseSourcePhrase(body, tokens[k + 1]!.start, tokens[q - 1]!.end);
    k = q;
  }
  if (lower(tokens[k]) === 'about') k++;
  const first = tokens[k];
  if (!first) return null;
  const comma = tokens.findIndex((t, j) => j > k && (t.text === ',' || t.text === '?' || t.text === ':' || t.text === ';'));
  // An opening "Asked ..." with no comma runs into its main clause ("Asked X Mr Johnson told ..."): no safe end.
  if (comma < 0 && /^\s*(?:(?:[Ww]hen|[Oo]nce)\s)?$/.test(body.slice(s.start, cue.start))) return null;
  let end = comma > 0 ? tokens[comma]!.start : reach;
  // A comma inside a closing quote mark: “... as president,” 75 percent said.
  if (comma > 0 && /^[”’"]/.test(body.slice(tokens[comma]!.end, tokens[comma]!.end + 1))) end = tokens[comma]!.end + 1;
  const span = trimSpan(body, { start: first.start, end });
  if (countWordRuns(body, span.start, span.end, 2) < 2) return null;
  return { span, segments: [span], kind: 'indirect', attribution: { source, via: null, cue, clauseStart: span.start }, continues: false, confidence: 0.4 };
}

/** A sentence ending in a colon right before a block quote names its speaker ("Cruz continued:"). */
function colonIntro(body: string, sentences: readonly Span[], si: number, quoteStart: number, paraStart: number): Attribution | null {
  // The colon may end the text before the quote in its own sentence, or the previous paragraph.
  let frame: Frame | null = null;
  const own = sentences[si]!;
  if (endsWithChar(body, own.start, quoteStart, ':')) frame = { from: Math.max(own.start, quoteStart - 400), to: quoteStart };
  else if (quoteStart - paraStart < 3 && si > 0) {
    const prev = sentences[si - 1]!;
    if (endsWithChar(body, prev.start, prev.end, ':')) frame = { from: Math.max(prev.start, prev.end - 400), to: prev.end };
  }
  if (!frame) return null;
  const byCue = attributionBefore(body, frame);
  if (byCue?.source) return byCue;
  const tokens = tokenize(body, frame.from, frame.to);
  const source = sentenceSubject(body, tokens, tokens.length);
  return source ? { source, via: null, cue: byCue?.cue ?? null, clauseStart: frame.to } : null;
}

/**
 * A quote that opens a sentence inside its paragraph, with no cue: the subject of the sentence before
 * it speaks ("Clinton touted her credentials as a co-sponsor. “We need to find ways to support workers
 * ...”"), when that subject is a person.
 */
function previousSubject(body: string, sentences: readonly Span[], si: number, paraStart: number, entities: ArticleEntities): Attribution | null {
  const prev = sentences[si - 1];
  if (!prev || prev.start < paraStart) return null;
  const tokens = tokenize(body, prev.start, Math.min(prev.end, prev.start + 400));
  // (A sentence of an earlier quote has no subject of the narrative.)
  // (Nor one that quotes someone: its speaker goes on, named or not.)
  if (!tokens[0] || entities.insideQuote(tokens[0].start) || /["“”]/.test(body.slice(prev.start, prev.end))) return null;
  const source = sentenceSubject(body, tokens, tokens.length);
  // A person the article names elsewhere too, not a capitalised opener ("Growth ...", "Switzerland ...").
  if (!source || source.kind !== 'name' || source.entityKind !== 'person' || /[’']s\b/.test(source.name) || entities.findByName(source.name, 'person')?.kind !== 'person') return null;
  return { source, via: null, cue: null, clauseStart: -1 };
}

/** Resolve a parsed speaker phrase to a SpeakerRef (entity ids are filled in by the caller). */
function resolveSpeaker(source: ParsedSource | null, entities: ArticleEntities, sentences: readonly Span[]): { ref: SpeakerRef | null; entity: ArticleEntity | null } {
  if (!source) return { ref: null, entity: null };
  const honorific = /(?:Mr|Mrs|Ms|Dr|Miss)\.?\s$/.exec(entities.body.slice(Math.max(0, source.span.start - 5), source.span.start));
  const span = { start: source.span.start - (honorific ? honorific[0].length : 0), end: source.span.end };
  const mention = { text: entities.body.slice(span.start, span.end), span };
  let entity: ArticleEntity | undefined;
  if (source.kind === 'pronoun') entity = entities.resolvePronoun(source.span.start, sentences, source.pronoun);
  // An indefinite description introduces someone new ("a longtime adviser", "one Democratic official").
  else if (source.kind === 'description' && /\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+$/.test(entities.body.slice(Math.max(0, source.span.start - 9), source.span.start))) entity = undefined;
  else if (source.kind === 'description' && source.office) entity = entities.findByRole(mention.text);
  else if (source.kind === 'description') {
    // "The Indiana governor said ...": a definite description with no role on record refers back to the
    // person the text is about, as a pronoun would.
    entity = entities.resolveDescription(source.span.start, sentences, mention.text);
  }
  else if (source.kind === 'name' || source.kind === 'organisation') {
    entity = entities.add(source.name, source.entityKind, source.span.start, source.roles, mention.text);
  } else if (source.kind === 'group') entity = entities.add(source.name, 'group', source.span.start);
  if (entity) return { ref: { name: entity.name, entityId: null, mention }, entity };
  if (source.kind === 'pronoun') return { ref: null, entity: null };
  return { ref: { name: source.name, entityId: null, mention }, entity: null };
}

/** Words that open a clause of its own after an interposed attribution: its content stops before them. */
const ASIDE_TAIL_BREAK = new Set(['as', 'while', 'who', 'which', 'after', 'before', 'when', 'during', 'in', 'at', 'on', 'according', 'because', 'though', 'although', 'but']);

/**
 * An attribution set off by commas inside or after its content: "The museum, Mr. Bush said, celebrated
 * ...", "..., top lawmakers said Friday afternoon, as they ...", "..., said Jane Doe, a senior official
 * with the agency." The content is the sentence around the attribution (both sides when the clause runs
 * on after it, unless what follows opens a clause of its own).
 */
function interposedAttribution(body: string, tokens: Token[], s: Span): Draft | null {
  for (let c = 2; c < tokens.length; c++) {
    const base = cueBase(tokens[c]);
    if (!base || !(STRONG_CUES.has(base) || CLAUSE_CUES.has(base)) || lower(tokens[c]).endsWith('ing')) continue;
    let k = c - 1;
    while (k > 0 && tokens[k]!.text !== ',' && c - k <= 8) k--;
    if (tokens[k]?.text !== ',') continue;
    let source: ParsedSource | null;
    let m = c + 1;
    if (k === c - 1) {
      if (!STRONG_CUES.has(base)) continue;
      // ", said Mr. Trump had disrespected ...": a verb after the name makes the name its subject, not the speaker.
      // (Tested first: it needs no parse of the speaker phrase.)
      if (clauseAfterName(tokens, c)) continue;
      // ", said Jane Doe[, a senior official with the agency]," : the speaker follows the cue.
      source = phraseAfter(body, tokens, c, tokens.length);
      if (!source) continue;
      while (m < tokens.length && tokens[m]!.text !== ',' && m - c <= 8) m++;
      if (m < tokens.length && tokens[m]!.text === ',' && ['a', 'an', 'the'].includes(lower(tokens[m + 1]))) {
        m++;
        while (m < tokens.length && tokens[m]!.text !== ',' && m - c <= 24) m++;
      }
    } else {
      // (The tests of the words after the cue come first: most cues fail them, and the speaker phrase costs a parse.)
      // A verb of thinking or showing is an aside only right before its closing comma (", his advisers believe,").
      if (!STRONG_CUES.has(base) && (tokens[c + 1]?.text !== ',' || passiveBefore(tokens, c))) continue;
      // Only an adjunct may follow the cue before the closing comma ("said Friday", "said in a statement").
      // A capitalised word there is the addressee of "told" ("told Reuters,"); after any other cue it
      // opens the reported clause itself ("..., he said Russia would ..."), which is no aside.
      if (m < tokens.length && tokens[m]!.text !== ',' && !ADJUNCT_START.has(lower(tokens[m])) && !(base === 'tell' && capOf(tokens[m]!))) continue;
      while (m < tokens.length && tokens[m]!.text !== ',' && lower(tokens[m]) !== 'that' && m - c <= 8) m++;
      if (m < tokens.length && tokens[m]!.text !== ',') continue;
      source = phraseBefore(body, tokens, c, k + 1);
      // (Nor does a first person's thought: "..., I believe,".)
      if (!STRONG_CUES.has(base) && source?.pronoun === 'first') continue;
      if (!source || source.span.start > tokens[k + 1]!.end + 1 && !/^(?:a|an|the|as)$/i.test(tokens[k + 1]!.text)) continue;
    }
    if (m < tokens.length && tokens[m]!.text !== ',') continue;
    const before = trimSpan(body, { start: s.start, end: tokens[k]!.start });
    const short = countWordRuns(body, before.start, before.end, 3) < 3;
    if (short && (k > 3 || k === c - 1)) continue;
    const segments = [before];
    const restStart = tokens[m + 1];
    if (restStart && !ASIDE_TAIL_BREAK.has(lower(restStart)) && !lower(restStart).endsWith('ing')) {
      const rest = trimSpan(body, { start: restStart.start, end: clauseEnd(tokens, m + 1, s.end) });
      if (countWordRuns(body, rest.start, rest.end, 3) >= 3) segments.push(rest);
    }
    // "Still, he said, officials have to ...", "The goal, he said, is to ...": a short opener needs the rest of the clause.
    if (short && segments.length < 2) continue;
    const span = { start: before.start, end: segments[segments.length - 1]!.end };
    return { span, segments, kind: 'indirect', attribution: { source, via: null, cue: tokens[c]!, clauseStart: span.start }, continues: false, confidence: 0.6 };
  }
  return null;
}

/** Whether the words after the cue at tokens[c] up to a comma hold a finite verb ("said Libya is ...", "said the Khan family deserved better"): a clause, not a speaker. */
function clauseAfterName(tokens: Token[], c: number): boolean {
  for (let k = c + 2; k < tokens.length && k <= c + 9; k++) {
    const t = tokens[k]!;
    if (t.text === ',' || t.text === ';') return false;
    if (capOf(t)) continue;
    const w = lowOf(t);
    if (/^(?:who|that|which|whose)$/.test(w)) return false;
    const prev = lower(tokens[k - 1]);
    if (AUXILIARY_AFTER_SUBJECT.has(w) || (w.length > 4 && w.endsWith('ed') && prev !== 'a' && prev !== 'an' && prev !== 'the' && !NP_WORDS.has(w))) return true;
  }
  return false;
}

/** Subject pronouns, and auxiliaries that follow a subject ("Trump will"). */
const CLAUSE_SUBJECTS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
const AUXILIARY_AFTER_SUBJECT = new Set(['will', 'would', 'is', 'was', 'are', 'were', 'has', 'had', 'have', 'can', 'could', 'should', 'might', 'may', 'must']);
/**
 * Whether tokens[k] opens a clause without "that": a subject pronoun ("believes he will"), or a name
 * and an auxiliary ("thinks Trump will win"). A clause-taking cue ("believe", "show") needs one.
 */
function opensClause(tokens: Token[], k: number, base = ''): boolean {
  const t = tokens[k];
  if (!t) return false;
  if (CLAUSE_SUBJECTS.has(lowOf(t)) || (capOf(t) && AUXILIARY_AFTER_SUBJECT.has(lower(tokens[k + 1])))) return true;
  // After a verb of thinking or showing, any short noun phrase and an auxiliary open a clause
  // ("believe meaningful debt relief is possible", "think Wasserman Schultz is at risk").
  if (!CLAUSE_CUES.has(base)) return false;
  for (let j = k + 1; j < tokens.length && j <= k + 5; j++) {
    const w = lower(tokens[j - 1]);
    if (!startsWord(tokens[j - 1]!.text) || w === 'to' || PREPOSITIONS.has(w) || SUBJECT_BREAK.has(w) && w !== 'this' && w !== 'there') return false;
    if (AUXILIARY_AFTER_SUBJECT.has(lower(tokens[j]))) return true;
  }
  return false;
}
/** The cue verb at tokens[c]; the bare "show" counts only after evidence ("records show"), never as a noun ("the TV show"). */
// (The length first: most words are no cue, and their lower case need not be read.)
const evidenceCue = (tokens: Token[], c: number): string | undefined => cueBase(tokens[c]) ?? (tokens[c]!.text.length === 4 && lowOf(tokens[c]!) === 'show' && isEvidence(tokens, c) ? 'show' : undefined);
/** Heads of subjects that are evidence: polls, records, figures. */
const EVIDENCE_NOUNS = new Set('poll polls survey surveys data figures numbers records record documents document results study studies report reports filings filing emails analysis research statistics records audit tally count footage video videos photos'.split(' '));
/** Whether the subject right before the cue at tokens[c] (adverbs aside) is evidence ("New polls released Sunday showed"). */
function isEvidence(tokens: Token[], c: number): boolean {
  let b = c - 1;
  while (b > 0 && isBetween(tokens[b])) b--;
  for (let k = b; k >= 0 && k >= b - 3; k--) {
    if (EVIDENCE_NOUNS.has(lower(tokens[k]))) return true;
    if (!startsWord(tokens[k]!.text)) return false;
  }
  return false;
}
const SUBORDINATORS = new Set(['when', 'while', 'if', 'after', 'before', 'as', 'though', 'although', 'because', 'since', 'unless', 'until']);
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', "it's", "he's", "she's"]);
/** Words after ", " that open a clause of its own, not more of the reported content ("..., citing ...", "..., but noted ..."). */
const CLAUSE_BREAK_AFTER_COMMA = new Set(['citing', 'adding', 'arguing', 'saying', 'noting', 'insisting', 'warning', 'explaining', 'according', 'referring', 'accusing', 'although', 'though', 'whereas']);

/** Words that open a sentence with a subordinate clause ("While he said ..., it is unlikely ..."); "having" opens a participial one. */
const OPENING_SUBORDINATORS = new Set('when while if after before as though although because since unless until whereas having once'.split(' '));
/**
 * Where the content of a cue at tokens[c] ends when the cue sits in a subordinate clause that opens the
 * sentence ("While he said he’d hold a hearing, it’s unlikely to win his support ..."): at the clause's
 * comma, before the main clause. -1 when the sentence does not open so.
 */
function openingClauseEnd(tokens: Token[], c: number, from: number): number {
  let o = 0;
  if (lower(tokens[o]) === 'but' || lower(tokens[o]) === 'and' || lower(tokens[o]) === 'even') o++;
  if (!OPENING_SUBORDINATORS.has(lower(tokens[o]))) return -1;
  for (let k = o + 1; k < c; k++) if (tokens[k]!.text === ',') return -1;
  for (let k = from + 1; k < tokens.length; k++) if (tokens[k]!.text === ',') return tokens[k]!.start;
  return -1;
}

/** Where reported content that starts at tokens[from] ends: the sentence end, a semicolon, or ", citing ..." / "but noted ...". */
function clauseEnd(tokens: Token[], from: number, sentenceEnd: number): number {
  for (let k = from + 2; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.text === ';') return t.start;
    // "said no when asked about ...": the question is another attribution.
    if (lower(t) === 'asked' && (lower(tokens[k - 1]) === 'when' || tokens[k - 1]!.text === ',')) return tokens[k - 1]!.start;
    if (t.text === ',' && CLAUSE_BREAK_AFTER_COMMA.has(lower(tokens[k + 1]))) return t.start;
    // "..., compared with 64 percent who ...": a comparison with other figures is the writer's.
    if (t.text === ',' && lower(tokens[k + 1]) === 'compared' && (lower(tokens[k + 2]) === 'with' || lower(tokens[k + 2]) === 'to')) return t.start;
    // "Rubio said A, and he railed against ...", "Mr. Emanuel said A, but he sounded ...": a clause with a subject of its own is the writer's.
    if ((lower(t) === 'but' || (lower(t) === 'and' && tokens[k - 1]!.text === ',')) && tokens[k + 1] && CLAUSE_SUBJECTS.has(lowOf(tokens[k + 1]!)) && lower(tokens[k + 1]) !== 'it' && lower(tokens[k + 1]) !== 'you') return tokens[k - 1]!.text === ',' ? tokens[k - 1]!.start : t.start;
    // ", and when pressed ...": a coordinated adverbial clause starts a new sentence part.
    if (t.text === ',' && (lower(tokens[k + 1]) === 'and' || lower(tokens[k + 1]) === 'but') && SUBORDINATORS.has(lower(tokens[k + 2]))) return t.start;
    // "... too early to discuss it but noted that ...": a second cue with the same subject.
    if ((lower(t) === 'but' || lower(t) === 'and') && STRONG_CUES.has(cueBase(tokens[k + 1]) ?? '') && !lower(tokens[k + 1]).endsWith('ing')) return t.start;
  }
  return sentenceEnd;
}

/**
 * The subject noun phrase that opens a sentence and ends right before tokens[cueIdx], when phraseBefore
 * finds no name-like speaker: "A Bloomberg poll shows ...", "Experts on North Korea said ...". Short and
 * comma-free only: a long run before the cue is not one noun phrase.
 */
function subjectPhrase(body: string, tokens: Token[], cueIdx: number, speech = false): ParsedSource | null {
  let end = cueIdx;
  while (end > 0 && isBetween(tokens[end - 1])) end--;
  // After an introductory phrase the subject follows its comma ("In his speech on Monday, the mayor said").
  let from = 0;
  for (let k = end - 1; k > 0 && k >= end - 9; k--) if (tokens[k]!.text === ',') { from = k + 1; break; }
  // "When two businesses write ...", "Having announced ...": the subordinator is no part of the subject.
  if (from < end && OPENING_SUBORDINATORS.has(lower(tokens[from]))) from++;
  // An opener with no comma before a described subject is no part of it: "Later the chancellor said",
  // "On Monday the senator said".
  // (Not past a preposition: "Critics of the takeover said" is one phrase.)
  if (!SUBJECT_DETERMINERS.has(lower(tokens[from]))) {
    for (let k = from + 1; k < end - 1 && k <= from + 3; k++) {
      if (SUBJECT_DETERMINERS.has(lower(tokens[k]))) {
        if (tokens.slice(from + 1, k).every((t) => (!capOf(t) || TIME_WORDS.has(lowOf(t))) && !PREPOSITIONS.has(lowOf(t)) && lowOf(t) !== 'of')) from = k;
        break;
      }
    }
  }
  if (end === from || end - from > 8 || (from > 0 && PREPOSITIONS.has(lower(tokens[from])))) return null;
  for (let k = from; k < end; k++) if (!startsWord(tokens[k]!.text) || SUBJECT_BREAK.has(lower(tokens[k]))) return null;
  // Before a speech verb any described subject speaks ("The actress said"); a stance verb needs a speaker phrase.
  return parseSourcePhrase(body, tokens[from]!.start, tokens[end - 1]!.end) ?? (speech ? parseSubjectDescription(body, tokens[from]!.start, tokens[end - 1]!.end) : null) ?? (from === 0 ? sentenceSubject(body, tokens, end) : null);
}
/** Conjunctions and articles that open a subject but are no part of its name ("But the report showed"). */
const LEADING_WORDS = new Set(['but', 'and', 'so', 'yet', 'the', 'a', 'an']);
/** Words that end a quantity subject ("22 percent said", "a third say", "most believe"). */
const QUANTITY_HEADS = new Set(['percent', '%', 'third', 'thirds', 'quarter', 'quarters', 'half', 'majority', 'most', 'many', 'few', 'others', 'both', 'respondents']);
/** Words inside a quantity subject before its head ("Some 22 percent", "three in 10", "About 9 percent"). */
const QUANTITY_WORDS = new Set(['some', 'about', 'nearly', 'almost', 'only', 'just', 'roughly', 'around', 'over', 'under', 'more', 'less', 'fewer', 'than', 'a', 'an', 'the', 'in', 'of', 'them', 'those', 'these', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'percent', 'slim', 'narrow', 'clear', 'large', 'vast', 'overwhelming']);
/**
 * A subject that is neither a name nor a description, right before a speech or thinking verb: a relative
 * pronoun standing for the phrase before it ("Senator X, who said ..."), or a share of people in a poll
 * ("22 percent said", "three in 10 believe").
 */
function otherSubject(body: string, tokens: Token[], cueIdx: number, relative = true): ParsedSource | null {
  let end = cueIdx;
  while (end > 0 && isBetween(tokens[end - 1])) end--;
  const last = tokens[end - 1];
  if (!last) return null;
  if (lowOf(last) === 'who') {
    if (!relative || passiveBefore(tokens, cueIdx)) return null;
    const k = tokens[end - 2]?.text === ',' ? end - 2 : end - 1;
    return k > 0 ? phraseBefore(body, tokens, k, 0) : null;
  }
  if (isEvidence(tokens, cueIdx)) {
    // "New filings show ...": the evidence itself, from the sentence start or its comma.
    let head = end - 1;
    while (head > 0 && !EVIDENCE_NOUNS.has(lower(tokens[head]))) head--;
    let start = head;
    while (start > 0 && head - start < 3 && startsWord(tokens[start - 1]!.text) && !SUBJECT_BREAK.has(lower(tokens[start - 1]))) start--;
    if (start > 0 && tokens[start - 1]!.text !== ',' && !LEADING_WORDS.has(lower(tokens[start - 1]))) return null;
    while (start < head && LEADING_WORDS.has(lower(tokens[start]))) start++;
    const span = { start: tokens[start]!.start, end: tokens[head]!.end };
    return { kind: 'group', name: body.slice(span.start, span.end), entityKind: 'group', span, roles: [] };
  }
  // "those surveyed say", "Again, those polled said": the people a poll asked.
  if (POLLED.has(lowOf(last)) && lowOf(tokens[end - 2] ?? last) === 'those') {
    // "most of those questioned said": the share of them.
    let start = end - 2;
    if (lower(tokens[start - 1]) === 'of') {
      let q = start - 1;
      while (q > 0 && start - q < 5 && (QUANTITY_HEADS.has(lowOf(tokens[q - 1]!)) || QUANTITY_WORDS.has(lower(tokens[q - 1])) || /^\d/.test(tokens[q - 1]!.text))) q--;
      while (q < start - 1 && (lower(tokens[q]) === 'of' || lower(tokens[q]) === 'in')) q++;
      if (q < start - 1) start = q;
    }
    const span = { start: tokens[start]!.start, end: last.end };
    return { kind: 'group', name: body.slice(span.start, span.end), entityKind: 'group', span, roles: [] };
  }
  // "two in three said", "one in five say": a share in words.
  const share = NUMBER_WORDS.has(lowOf(last)) && lowOf(tokens[end - 2] ?? last) === 'in';
  if (!share && !QUANTITY_HEADS.has(lowOf(last)) && !/^\d[\d.,]*%?$/.test(last.text)) return null;
  let start = end - 1;
  while (start > 0 && end - start < 6 && (QUANTITY_WORDS.has(lower(tokens[start - 1])) || /^\d[\d.,]*%?$/.test(tokens[start - 1]!.text))) start--;
  // The quantity opens its clause: the sentence start, a comma or a conjunction before it.
  const before = tokens[start - 1];
  if (before && before.text !== ',' && before.text !== ':' && before.text !== ';' && !['and', 'but', 'while', 'whereas', 'with'].includes(lowOf(before))) return null;
  const span = { start: tokens[start]!.start, end: last.end };
  return { kind: 'group', name: body.slice(span.start, span.end), entityKind: 'group', span, roles: [] };
}
/** Words that open the postmodifier of a subject's head ("delegates at the convention", "most of them"). */
const TAIL_PREPOSITIONS = new Set(['in', 'at', 'from', 'of', 'on', 'for', 'with', 'across', 'inside', 'outside', 'near']);
/**
 * A described subject whose head is followed by a prepositional tail, right before a speech verb ("Some
 * delegates at the convention in Philadelphia said", "An earlier report in a New Hampshire paper said",
 * "most of them said"): the head before the first preposition speaks.
 */
function subjectWithTail(body: string, tokens: Token[], cueIdx: number): ParsedSource | null {
  let end = cueIdx;
  while (end > 0 && isBetween(tokens[end - 1])) end--;
  let from = 0;
  for (let k = end - 1; k > 0 && k >= end - 14; k--) if (tokens[k]!.text === ',') { from = k + 1; break; }
  while (from < end && LEADING_WORDS.has(lower(tokens[from])) && lower(tokens[from]) !== 'the' && lower(tokens[from]) !== 'a' && lower(tokens[from]) !== 'an') from++;
  if (end - from < 3 || end - from > 14) return null;
  let p = -1;
  for (let k = from; k < end; k++) {
    const t = tokens[k]!;
    const w = lowOf(t);
    if (!startsWord(t.text) || SUBJECT_BREAK.has(w) || AUXILIARY_AFTER_SUBJECT.has(w) || OPENING_SUBORDINATORS.has(w)) return null;
    if (p < 0 && TAIL_PREPOSITIONS.has(w)) p = k;
  }
  if (p <= from || p > from + 4) return null;
  const head = tokens[p - 1]!;
  const group = QUANTITY_HEADS.has(lowOf(head)) || isPluralHead(head);
  const parsed = group ? null : parseSubjectDescription(body, tokens[from]!.start, head.end);
  if (!group) return parsed;
  let start = from;
  while (start < p - 1 && ['the', 'a', 'an', 'some', 'many', 'several', 'most', 'few'].includes(lower(tokens[start])) && !QUANTITY_HEADS.has(lowOf(tokens[start]!)) ) start++;
  const span = { start: tokens[start]!.start, end: head.end };
  return { kind: 'group', name: body.slice(span.start, span.end), entityKind: 'group', span, roles: [] };
}
/** A group or share with a prepositional tail as the subject of a stance verb ("both of Trump’s rivals criticized"); a described thing ("The strength of the euro") holds no position. */
function groupWithTail(body: string, tokens: Token[], cueIdx: number): ParsedSource | null {
  const source = subjectWithTail(body, tokens, cueIdx);
  return source?.kind === 'group' ? source : null;
}
/** Participles that name the people a poll asked ("those surveyed"). */
const POLLED = new Set(['surveyed', 'polled', 'questioned', 'interviewed', 'asked', 'sampled']);
/** Numbers in words, for shares ("two in three"). */
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);
/** Words that never sit inside a subject noun phrase: verbs, clause openers. */
const SUBJECT_BREAK = new Set('that which who whom when while if because although though since after before than as is are was were be been being has have had do does did will would can could may might must should not no there here what where why how it he she they we i you this'.split(' '));

/** The part of a sentence before its first quote, without the quote's own attribution (", the mother of three replied,"). */
function quotePrefix(body: string, from: number, quoteStart: number): Span {
  const tokens = tokenize(body, from, quoteStart);
  for (let c = tokens.length - 1; c >= Math.max(0, tokens.length - 10); c--) {
    if (!STRONG_CUES.has(cueBase(tokens[c]) ?? '') && tokens[c]!.text !== ':') continue;
    // "De Blasio said the move was made by the commissioner and said, “...”": the first clause is reported speech of its own.
    if (c > 3 && (lower(tokens[c - 1]) === 'and' || lower(tokens[c - 1]) === 'but') && onlyPunctuationAfter(tokens, c)) return { start: from, end: tokens[c - 1]!.start };
    for (let k = c - 1; k > 0; k--) if (tokens[k]!.text === ',') return { start: from, end: tokens[k]!.start };
    return { start: from, end: from };
  }
  return { start: from, end: quoteStart };
}

/** Words that end a noun-phrase object: an adverbial clause or adjunct follows ("cited X after she ...", "called for X in a statement"). */
const OBJECT_END = new Set(['after', 'before', 'when', 'while', 'because', 'since', 'during', 'although', 'though', 'whereas', 'but', 'ahead', 'amid', 'despite', 'until', 'unless']);
const TIME_WORDS = new Set([...WEEKDAYS, 'yesterday', 'today', 'tonight', 'last', 'this']);

/** Where a noun-phrase object that starts at tokens[from] ends: a comma, a semicolon, an adverbial clause or a time adjunct. */
function nounPhraseEnd(tokens: Token[], from: number, sentenceEnd: number): number {
  for (let k = from + 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    const w = lowOf(t);
    if (t.text === ',' || t.text === ';' || t.text === ':' || OBJECT_END.has(w)) return t.start;
    // "endorsed Cruz last week", "backed the plan on Tuesday".
    if ((w === 'last' || w === 'this' || w === 'next') && /^(?:week|month|year|night|spring|summer|fall|autumn|winter)$/.test(lower(tokens[k + 1])) || WEEKDAYS.includes(w as (typeof WEEKDAYS)[number]) || w === 'yesterday' || w === 'today' || w === 'earlier' || w === 'later') return t.start;
    // "in a statement", "on Thursday", "at a rally"
    if ((w === 'on' || w === 'in' || w === 'at') && (TIME_WORDS.has(lower(tokens[k + 1])) || /^(?:statement|interview|speech|rally|news|press|debate|letter|tweet)/.test(lower(tokens[k + 2])))) return t.start;
  }
  return sentenceEnd;
}

/** The first auxiliary after tokens[clause] that starts before `end`, -1 for none. */
function auxiliaryAfter(tokens: Token[], clause: number, end: number): number {
  for (let k = clause + 1; k < tokens.length; k++) if (tokens[k]!.start < end && AUXILIARY_AFTER_SUBJECT.has(lowOf(tokens[k]!))) return k;
  return -1;
}

/**
 * A stance verb near the start of the sentence attributes its object to the subject: "Clinton cited
 * derogatory comments ...", "The NAACP called for a moratorium ...", "She wants to triple the program".
 * (Its loop, run over up to 14 words of every sentence with a cue, holds no closure over its variables:
 * one would make V8 allocate a context for every word.)
 */
function objectCue(body: string, tokens: Token[], s: Span): Draft | null {
  for (let c = 1; c < Math.min(tokens.length - 2, 14); c++) {
    const cue = tokens[c]!;
    const base = OBJECT_FILTER.mayHold(cue.text) ? OBJECT_CUE_WORDS.get(lowOf(cue)) : undefined;
    if (!base || capOf(cue)) continue;
    const prev = lower(tokens[c - 1]);
    if (prev === 'to' || NOUN_BEFORE.has(prev) || PREPOSITIONS.has(prev) || (lowOf(cue).endsWith('ing') && !AUXILIARIES.has(prev))) continue;
    // A passive ("was backed by ...") states no position of its subject.
    if (!lowOf(cue).endsWith('ing') && passiveBefore(tokens, c) || /^(?:by|off|away|down|up|out)$/.test(lower(tokens[c + 1]))) continue;
    let clause = c + 1;
    const particles = OBJECT_CUE_PARTICLES.get(base);
    if (particles) {
      if (!particles.has(lower(tokens[clause]))) continue;
      clause++;
    } else if (INFINITIVE_CUES.has(base) && lower(tokens[clause]) !== 'to') continue;
    // A participle right before a preposition modifies a noun ("the issues discussed in Porto Alegre", "hailed for its blend").
    else if (PREPOSITIONS.has(lower(tokens[clause])) && lowOf(cue).endsWith('ed')) continue;
    const next = tokens[clause];
    if (!next || !startsWord(next.text)) continue;
    const source = prev === 'and' ? null : phraseBefore(body, tokens, c, 0) ?? subjectPhrase(body, tokens, c) ?? otherSubject(body, tokens, c) ?? groupWithTail(body, tokens, c);
    if (!source || source.kind === 'pronoun' && c > 3) continue;
    const opening = openingClauseEnd(tokens, c, clause);
    let end = opening >= 0 ? opening : INFINITIVE_CUES.has(base) ? clauseEnd(tokens, clause, s.end) : nounPhraseEnd(tokens, clause, s.end);
    // In a relative clause ("Parents who refuse to allow contact could be tagged") the main clause's auxiliary ends the object.
    let r = c - 1;
    while (r > 0 && isBetween(tokens[r])) r--;
    if (lower(tokens[r]) === 'who' || lower(tokens[r]) === 'that') {
      const aux = auxiliaryAfter(tokens, clause, end);
      if (aux > 0) end = tokens[aux]!.start;
    }
    const span = trimSpan(body, { start: next.start, end });
    // One word only when it is a name ("endorsed Cruz last week").
    const words = countWordRuns(body, span.start, span.end, 2);
    if (words < 2 && !(words === 1 && capOf(next) && !INFINITIVE_CUES.has(base))) continue;
    // Below 0.5: a position, not words, so cross-article linking does not take it for a rendering of an utterance.
    return { span, segments: [span], kind: 'indirect', attribution: { source, via: null, cue, clauseStart: span.start }, continues: false, confidence: 0.45 };
  }
  return null;
}

/** Words that close one attribution's content before the next one's speaker ("X said A, but Y said B"). */
const FRAME_BOUNDARY = new Set([',', ';', 'and', 'but', 'while', 'whereas', 'although', 'though']);
/**
 * Whether a further frame `next` in a sentence stands apart from the previous one: after its content, or
 * with its speaker inside that content right after a clause boundary, where the previous content is cut.
 */
function nextFrame(body: string, tokens: Token[], prev: Draft, next: Draft): boolean {
  const cue = next.attribution!.cue!;
  const c = tokens.findIndex((t) => t.start === cue.start);
  // "..., even though he was warned against doing so": a passive reports nothing.
  if (passiveBefore(tokens, c)) return false;
  if (cue.start >= prev.span.end) return next.span.start >= prev.span.end;
  const src = next.attribution!.source;
  if (!src || src.span.start <= prev.span.start) return false;
  let j = tokens.findIndex((t) => t.start >= src.span.start);
  // The speaker phrase may drop a leading determiner or conjunction ("but the other side said").
  while (j > 0 && /^(?:the|a|an|his|her|their|its)$/.test(lower(tokens[j - 1]))) j--;
  if (j < 1 || !FRAME_BOUNDARY.has(lower(tokens[j - 1]))) return false;
  let b = j - 1;
  while (b > 0 && FRAME_BOUNDARY.has(lower(tokens[b - 1]))) b--;
  // A comma alone closes a clause after a subordinate one ("While Comey has said A, Lewandowski said B",
  // "after the department asked A, Hackett said B") or in a list of poll shares ("520 said A, 39 said B");
  // else it may open an appositive ("his band and collaborator Brian Burton, AKA Danger Mouse, wrote").
  // A subordinate clause inside the previous content may end before that content's own main clause
  // ("said if the bill passed, he would urge MPs to oppose it"): there only a finite speech verb is a frame of its own.
  if (b === j - 1 && tokens[b]!.text === ',') {
    if (body[tokens[b]!.end] !== ' ') return false; // "635,173"
    const prevCue = prev.attribution!.cue!.start;
    const opened = tokens.some((t, k) => k < b && t.start < prevCue && SUBORDINATORS.has(lowOf(t)));
    const inner = !opened && tokens.some((t, k) => k < b && t.start > prevCue && SUBORDINATORS.has(lowOf(t))) && STRONG_CUES.has(cueBase(tokens[c]) ?? '') && !AUXILIARY_AFTER_SUBJECT.has(lower(tokens[c - 1]));
    if (src.kind !== 'group' && !opened && !inner) return false;
  }
  const cut = trimSpan(body, { start: prev.span.start, end: tokens[b]!.start });
  if (cut.end <= cut.start || countWordRuns(body, cut.start, cut.end, 2) < 2) return false;
  prev.span = cut;
  prev.segments = [cut];
  return true;
}

/** Words that end the clause before a subject ("..., while many supporters are expected to ..."). */
const CLAUSE_OPENERS = new Set(['and', 'but', 'while', 'whereas', 'where', 'as', 'because', 'although', 'though', 'if', 'when', 'so', 'that', 'since', 'after', 'before', 'until', 'unless']);
/**
 * What a passive "expected to" predicts, with no one named who expects it: "The House is expected to pass
 * a bipartisan bill later this week", "which the Senate is expected to vote on next week". The content is
 * the clause, its subject included.
 */
function expectedClause(body: string, tokens: Token[]): Draft | null {
  // (The length first: the lower case of any other word need not be read.)
  const c = tokens.findIndex((t, k) => t.text.length === 8 && lowOf(t) === 'expected' && lower(tokens[k + 1]) === 'to' && k > 0 && passiveBefore(tokens, k));
  if (c < 0) return null;
  let aux = c - 1;
  while (aux > 0 && !AUXILIARIES.has(lower(tokens[aux])) && lower(tokens[aux]) !== 'be') aux--;
  let from = aux;
  while (from > 0 && !/^[,;:—–(]$/.test(tokens[from - 1]!.text) && !CLAUSE_OPENERS.has(lower(tokens[from - 1]))) from--;
  if (from === aux || aux - from > 12) return null;
  // The prediction ends at the first comma, dash or bracket ("... inject over $200 million into the local economy - a key reason ...").
  let end = c + 2;
  while (end < tokens.length && !/^(?:[,;:(—–]|-+)$/.test(tokens[end]!.text) && !(lower(tokens[end]) === 'and' && /^(?:who|which)$/.test(lower(tokens[end + 1])))) end++;
  const span = trimSpan(body, { start: tokens[from]!.start, end: end < tokens.length ? tokens[end]!.start : tokens[tokens.length - 1]!.end });
  if (countWordRuns(body, span.start, span.end, 5) < 5) return null;
  const cue = makeToken(body.slice(tokens[aux]!.start, tokens[c]!.end), tokens[aux]!.start, tokens[c]!.end);
  return { span, segments: [span], kind: 'indirect', attribution: { source: null, via: null, cue, clauseStart: span.start }, continues: false, confidence: 0.4 };
}

/**
 * A sentence opened by "In" and a poll, survey or report up to its comma ("In an NBC News/Wall Street Journal
 * poll released Monday, 50 percent of respondents chose Clinton"): the rest of the sentence is its finding.
 */
function pollOpener(body: string, tokens: Token[], s: Span): Draft | null {
  if (!['a', 'an', 'the', 'its', 'their', 'his', 'her'].includes(lower(tokens[1]))) return null;
  let comma = -1, head = -1;
  for (let k = 2; k < tokens.length && k <= 14; k++) {
    if (tokens[k]!.text === ',') { comma = k; break; }
    if (!startsWord(tokens[k]!.text) && tokens[k]!.text !== '/' && tokens[k]!.text !== '-') return null;
    if (head < 0 && POLL_NOUNS.has(lowOf(tokens[k]!))) head = k;
  }
  // A named or described poll ("an NBC News poll", "the same poll"); a bare "In a survey, ..." may tell how it was made.
  if (comma < 0 || head < 3 || !tokens[comma + 1]) return null;
  // "In a new Morning Consult poll, conducted March 11-13, 40 percent ...", "In a CNN poll, however, 73 percent ...".
  if (/(?:ed|ing)$|^however$|^though$/.test(lower(tokens[comma + 1]))) {
    comma = tokens.findIndex((t, k) => k > comma + 1 && k <= comma + 10 && t.text === ',');
    if (comma < 0 || !tokens[comma + 1]) return null;
  }
  const span = trimSpan(body, { start: tokens[comma + 1]!.start, end: clauseEnd(tokens, comma + 1, s.end) });
  if (countWordRuns(body, span.start, span.end, 4) < 4) return null;
  const srcSpan = { start: tokens[2]!.start, end: tokens[head]!.end };
  const source: ParsedSource = { kind: 'group', name: body.slice(srcSpan.start, srcSpan.end), entityKind: 'group', span: srcSpan, roles: [] };
  return { span, segments: [span], kind: 'indirect', attribution: { source, via: null, cue: tokens[0]!, clauseStart: span.start }, continues: false, confidence: 0.4 };
}
/** Heads of a poll or a study that states findings ("In a CNN poll, ..."). */
const POLL_NOUNS = new Set(['poll', 'polls', 'survey', 'surveys', 'study']);

/** Determiners that open a described subject between a content's comma and its cue ("..., her friend said", "..., the report said"). */
const TRAILING_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'one', 'another', 'two', 'three', 'several', 'some', 'other', 'both']);
/** A short described subject from tokens[from] to the cue at tokens[c], opened by a determiner: "her friend", "the congressional report". */
function possessedSubject(body: string, tokens: Token[], from: number, c: number): ParsedSource | null {
  let end = c;
  while (end > from && isBetween(tokens[end - 1])) end--;
  if (end - from < 2 || end - from > 5 || !TRAILING_DETERMINERS.has(lower(tokens[from]))) return null;
  for (let k = from + 1; k < end; k++) if (!/^[\p{L}][\p{L}’'-]*$/u.test(tokens[k]!.text) || SUBJECT_BREAK.has(lower(tokens[k])) || AUXILIARY_AFTER_SUBJECT.has(lower(tokens[k]))) return null;
  const span = { start: tokens[from + 1]!.start, end: tokens[end - 1]!.end };
  return { kind: 'description', name: body.slice(span.start, span.end), entityKind: 'person', span, roles: [] };
}

/** Frames read in one sentence at most: a sentence holds a few attributions ("X said A, while Y said B"). */
const MAX_FRAMES = 6;

/** Labels that open a headline or paragraph without naming a speaker ("EXCLUSIVE:", "WATCH:", "Update:"). */
const NOT_SPEAKER_LABELS = new Set('exclusive watch update updated breaking analysis opinion editorial video photos photo read related note source correction listen live report news poll q a question answer warning caution'.split(' '));
/** Labels of a title line that name no source ("The Latest:", "EXCLUSIVE:"); "Poll:" and "Report:" do. */
const TITLE_SKIP_LABELS = new Set([...NOT_SPEAKER_LABELS].filter((w) => w !== 'poll' && w !== 'report'));
/**
 * A title line, the text's first paragraph and a single sentence, opened by a short label and a colon:
 * "Poll: Trump and Clinton hold narrow leads in Pennsylvania", "Clinton camp: Trump’s Islamaphobia threatens
 * national security". The label names the source, whether a person, an outlet or a group.
 */
function titleLabel(body: string, tokens: Token[], s: Span): Draft | null {
  if (s.start > 20 || /\S/.test(body.slice(0, s.start))) return null;
  if (!/^[.!?’”'"]*\s*(?:\n|$)/.test(body.slice(s.end, s.end + 4))) return null;
  let colon = -1;
  for (let k = 1; k <= 6 && k < tokens.length; k++) if (tokens[k]!.text === ':') { colon = k; break; }
  if (colon < 0 || !capOf(tokens[0]!) || (lower(tokens[0]) === 'the' && lower(tokens[1]) === 'latest')) return null;
  if (colon === 1 && TITLE_SKIP_LABELS.has(lowOf(tokens[0]!))) return null;
  // The label is a noun phrase ("There is less consensus on terrorism: 47% say ..." is a clause; "Revealed:" a verb).
  for (let k = 0; k < colon; k++) if (!startsWord(tokens[k]!.text) || SUBJECT_BREAK.has(lowOf(tokens[k]!))) return null;
  if (colon === 1 && lowOf(tokens[0]!).endsWith('ed')) return null;
  const span = trimSpan(body, { start: tokens[colon + 1]?.start ?? s.end, end: s.end });
  if (countWordRuns(body, span.start, span.end, 3) < 3) return null;
  // The rest is a statement, with a word that may be a verb before its last word (a plural noun as often): an
  // auxiliary, a past tense or a present in -s ("Newspaper: Defense secretary used personal email at Pentagon");
  // "DVD: Harry Potter and the Prisoner of Azkaban" and "At a glance: Tory health checks" are titles.
  if (!tokens.slice(colon + 2, -1).some((t) => { const w = lowOf(t); return AUXILIARY_AFTER_SUBJECT.has(w) || w === 'do' || w === 'does' || w === 'did' || /^[a-z]{2,}(?:ed|es|s)$/.test(w) && !w.endsWith('ss'); })) return null;
  const label = { start: tokens[0]!.start, end: tokens[colon - 1]!.end };
  const source = parseSourcePhrase(body, label.start, label.end) ?? { kind: 'group', name: body.slice(label.start, label.end), entityKind: 'group', span: label, roles: [] };
  return { span, segments: [span], kind: 'indirect', attribution: { source, via: null, cue: tokens[colon]!, clauseStart: span.start }, continues: false, confidence: 0.5 };
}

/**
 * A sentence opened by a name and a colon, as in a headline or a transcript: "Graham: Trump’s ‘Incredibly
 * Hateful Rhetoric’ Destroying GOP’s Chance ...", "TAPPER: Do you think ...". The name speaks what follows.
 */
function colonLabel(body: string, tokens: Token[], s: Span): Draft | null {
  const title = titleLabel(body, tokens, s);
  if (title) return title;
  let colon = -1;
  for (let k = 1; k <= 5 && k < tokens.length; k++) if (tokens[k]!.text === ':') { colon = k; break; }
  if (colon < 0) return null;
  for (let k = 0; k < colon; k++) if (!capOf(tokens[k]!)) return null;
  if (colon === 1 && NOT_SPEAKER_LABELS.has(lowOf(tokens[0]!))) return null;
  const source = parseSourcePhrase(body, tokens[0]!.start, tokens[colon - 1]!.end);
  if (!source || source.kind !== 'name' || source.entityKind !== 'person' || lowOf(tokens[0]!) === 'the') return null;
  // A label that is a name comes back in the text ("Graham: ..." over a story about Graham); "Wow:", "Contributing:" do not.
  const last = tokens[colon - 1]!.text;
  // "Q:", and a list of names ("Subs Not Used: Weaver, Onuoha, Flood"), are no words of anyone.
  if (last.length < 3 || tokens.filter((t, k) => k > colon && t.text === ',').length >= 2) return null;
  let again = body.indexOf(last, s.end);
  while (again >= 0 && /[\p{L}]/u.test(body[again + last.length] ?? '')) again = body.indexOf(last, again + 1);
  if (again < 0) return null;
  const span = trimSpan(body, { start: tokens[colon + 1]!.start, end: s.end });
  if (countWordRuns(body, span.start, span.end, 3) < 3) return null;
  const cue = tokens[colon]!;
  return { span, segments: [span], kind: 'indirect', attribution: { source, via: null, cue, clauseStart: span.start }, continues: false, confidence: 0.5 };
}

/** What a word may open in reportedSpeech, as bits: a rule of a speech verb (or "show"), of a stance verb, of "according". */
const SPEECH_CUE = 1;
const SPEECH_OBJECT = 2;
const SPEECH_ACCORDING = 4;
/** The words a rule of reportedSpeech after colonLabel starts from, with their bits: speech and stance verbs, "according", "show". */
const SPEECH_KINDS = new Map<string, number>();
for (const w of CUE_WORDS.keys()) SPEECH_KINDS.set(w, SPEECH_CUE);
SPEECH_KINDS.set('show', (SPEECH_KINDS.get('show') ?? 0) | SPEECH_CUE);
for (const w of OBJECT_CUE_WORDS.keys()) SPEECH_KINDS.set(w, (SPEECH_KINDS.get(w) ?? 0) | SPEECH_OBJECT);
SPEECH_KINDS.set('according', (SPEECH_KINDS.get('according') ?? 0) | SPEECH_ACCORDING);
const SPEECH_WORDS = [...SPEECH_KINDS.keys()];
/** A word's bit in SPEECH_KEYS: its length, first, second and last letter (ASCII case folded); words of two letters or more. */
const speechKey = (w: string): number => ((w.length & 15) << 15) | ((w.charCodeAt(0) & 31) << 10) | ((w.charCodeAt(1) & 31) << 5) | (w.charCodeAt(w.length - 1) & 31);
/** A bit for each key of SPEECH_WORDS (all lower-case ASCII). */
const SPEECH_KEYS = new Uint32Array(1 << 14);
for (const w of SPEECH_WORDS) SPEECH_KEYS[speechKey(w) >>> 5]! |= 1 << (speechKey(w) & 31);
/** Letters in the shortest of SPEECH_WORDS: a shorter word (a mark, "a", "of") is none, in any case. */
const SHORTEST_SPEECH_WORD = Math.min(...SPEECH_WORDS.map((w) => w.length));
/**
 * False when no case of `text` is in SPEECH_WORDS: a bitmap read, before any lower-casing or hashing. The
 * second letter in the key keeps out "and" ("add") and "have" ("hope"): over the BBC set a WordSet's key
 * let through nearly five other words for every speech word, this one about one. (A word with a letter
 * outside ASCII at one of the keyed places always passes: its lower case may differ there.)
 */
function maySpeak(text: string): boolean {
  const n = text.length;
  // (Which also keeps charCodeAt(1) inside the word.)
  if (n < SHORTEST_SPEECH_WORD) return false;
  const c0 = text.charCodeAt(0);
  const c1 = text.charCodeAt(1);
  const cn = text.charCodeAt(n - 1);
  if (c0 >= 128 || c1 >= 128 || cn >= 128) return true;
  const k = speechKey(text);
  return (SPEECH_KEYS[k >>> 5]! & (1 << (k & 31))) !== 0;
}

/**
 * Reported speech in one sentence with no quote marks: "X said (that) ...", "..., X said.", "According to
 * X, ...". Returns the first attribution; further frames in the sentence ("..., while Y said B") go to `more`.
 */
function reportedSpeech(body: string, s: Span, more: Draft[] = [], subject: ParsedSource | null = null): Draft | null {
  const tokens = tokenize(body, s.start, s.end);
  if (tokens.length < 6) return null;
  const label = colonLabel(body, tokens, s);
  if (label) return label;
  // Every rule below needs a speech verb (or "show"), a stance verb or "according": most sentences have
  // none. One pass over the words, a look-up for each that passes maySpeak, tells which of them the sentence
  // holds, and settles the cueBase of every word that is no speech verb, which the rules below read again.
  let kinds = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const kind = maySpeak(t.text) ? (SPEECH_KINDS.get(lowOf(t)) ?? 0) : 0;
    if ((kind & SPEECH_CUE) === 0 && t.cue === undefined) t.cue = null;
    kinds |= kind;
  }
  if (kinds === 0) return null;
  const cues = (kinds & SPEECH_CUE) !== 0;
  const objects = (kinds & SPEECH_OBJECT) !== 0;
  const according = (kinds & SPEECH_ACCORDING) !== 0;
  // "According to X, content" / "content, according to X".
  const acc = according ? tokens.findIndex((t, k) => lower(t) === 'according' && lower(tokens[k + 1]) === 'to') : -1;
  if (acc >= 0) {
    const cue = makeToken(body.slice(tokens[acc]!.start, tokens[acc + 1]!.end), tokens[acc]!.start, tokens[acc + 1]!.end);
    const comma = tokens.findIndex((t, k) => k > acc + 1 && t.text === ',');
    if (acc === 0 || (acc <= 2 && tokens[acc - 1]?.text === ',')) {
      if (comma < 0) return null;
      const source = parseSourcePhrase(body, tokens[acc + 2]!.start, tokens[comma - 1]!.end);
      const span = trimSpan(body, { start: tokens[comma + 1]?.start ?? s.end, end: s.end });
      return countWordRuns(body, span.start, span.end, 4) >= 4 ? { span, segments: [span], kind: 'indirect', attribution: { source, via: null, cue, clauseStart: span.start }, continues: false, confidence: 0.6 } : null;
    }
    if (tokens[acc - 1]?.text === ',') {
      const end = comma > acc ? tokens[comma - 1]!.end : s.end;
      const source = parseSourcePhrase(body, tokens[acc + 2]?.start ?? s.end, end);
      const span = trimSpan(body, { start: s.start, end: tokens[acc - 1]!.start });
      // "At the heart of the trouble, according to Dennis B. Ross, was a decision by ...": the aside splits the content.
      // (A source's apposition comes first: "according to Dennis B. Ross, another former American special envoy, was ...".)
      let close = comma;
      if (['a', 'an', 'the', 'another'].includes(lower(tokens[comma + 1]))) {
        const next = tokens.findIndex((t, k) => k > comma + 1 && k <= comma + 10 && t.text === ',');
        if (next > 0 && !tokens.slice(comma + 1, next).some((t) => AUXILIARY_AFTER_SUBJECT.has(lowOf(t)))) close = next;
      }
      const restStart = tokens[close + 1];
      if (comma > acc && comma - acc <= 16 && restStart && !ASIDE_TAIL_BREAK.has(lower(restStart)) && !lower(restStart).endsWith('ing')) {
        const rest = trimSpan(body, { start: restStart.start, end: clauseEnd(tokens, close + 1, s.end) });
        // (Only after a short opener, an adverbial or a subject: after a whole clause the rest is the writer's.)
        if (countWordRuns(body, rest.start, rest.end, 3) >= 3 && countWordRuns(body, span.start, span.end, 8) <= 7) {
          const whole = { start: span.start, end: rest.end };
          return { span: whole, segments: [span, rest], kind: 'indirect', attribution: { source, via: null, cue, clauseStart: whole.start }, continues: false, confidence: 0.6 };
        }
      }
      return countWordRuns(body, span.start, span.end, 4) >= 4 ? { span, segments: [span], kind: 'indirect', attribution: { source, via: null, cue, clauseStart: span.start }, continues: false, confidence: 0.6 } : null;
    }
  }
  // (The rules up to "saying" below start from a speech verb or "show": without one, only the last can match.)
  if (!cues) return stanceOrExpected(body, tokens, s, more, objects);
  // "..., X said." / "..., said X." at the end of the sentence.
  for (let c = tokens.length - 1; c >= Math.max(1, tokens.length - 12); c--) {
    const base = evidenceCue(tokens, c);
    if (!base || !(STRONG_CUES.has(base) || CLAUSE_CUES.has(base)) || lower(tokens[c]).endsWith('ing')) continue;
    // Only adjuncts may follow the cue ("said on Monday", "said in a statement"), never a clause
    // ("..., Forbes says it is $4.5 billion").
    if (tokens.length - 1 - c > 6 || tokens.slice(c + 1).some((t) => lower(t) === 'that' || t.text === ',')) continue;
    const after = tokens[c + 1];
    if (after && !ADJUNCT_START.has(lower(after)) && !capOf(after)) continue;
    let comma = -1;
    for (let k = c - 1; k >= 1 && k >= c - 12; k--) {
      if (tokens[k]!.text === ',') {
        // Appositive commas belong to the speaker phrase: keep going while the part is a description.
        const part = tokens.slice(k + 1, c);
        if (part.length && ['a', 'an', 'the'].includes(lower(part[0])) && tokens.slice(1, k).some((t) => t.text === ',') && k > 2) {
          const prevComma = tokens.slice(0, k).map((t) => t.text).lastIndexOf(',');
          if (prevComma > 0 && c - prevComma < 16 && isCapitalised(tokens[prevComma + 1]?.text ?? '')) {
            comma = prevComma;
            break;
          }
        }
        comma = k;
        break;
      }
    }
    if (comma < 1) continue;
    const source = c - comma > 1 ? phraseBefore(body, tokens, c, comma + 1) ?? (STRONG_CUES.has(base) && base !== 'continue' ? subjectPhrase(body, tokens, c, true) ?? possessedSubject(body, tokens, comma + 1, c) : null) : clauseAfterName(tokens, c) ? null : phraseAfter(body, tokens, c, tokens.length);
    if (!source) continue;
    // A verb of thinking or showing needs its subject before it, and a first person thinks aloud ("..., I thought.").
    if (!STRONG_CUES.has(base) && (c - comma <= 1 || source.pronoun === 'first' || passiveBefore(tokens, c) || lower(tokens[c + 1]) === 'to' || lower(tokens[c + 1]) === 'of')) continue;
    const span = trimSpan(body, { start: s.start, end: tokens[comma]!.start });
    if (countWordRuns(body, span.start, span.end, 4) < 4) continue;
    return { span, segments: [span], kind: 'indirect', attribution: { source, via: null, cue: tokens[c]!, clauseStart: span.start }, continues: false, confidence: 0.65 };
  }
  const aside = interposedAttribution(body, tokens, s);
  if (aside) return aside;
  // "X said (that) content" near the start of the sentence, and any further frames after it
  // ("X said A, but Y said B"), each cutting the content before it short.
  let first: Draft | null = null;
  // (At most MAX_FRAMES of them: each costs a scan of the rest of the sentence, and a run-on text with no
  // full stop would make that quadratic.)
  // (The loop reads a word per step; the closures of a frame's rules live in the inner block, entered only at a
  // cue: closures over the loop's own variables would make V8 allocate a context for every word.)
  for (let i = 1; i < tokens.length - 3 && more.length + 1 < MAX_FRAMES; i++) {
    const cueAt = evidenceCue(tokens, i);
    if (!cueAt) continue;
    {
      const c = i;
      const base = cueAt;
      let n = c + 1;
      while (n < tokens.length && BETWEEN.has(lower(tokens[n])) && n < c + 4) n++;
      if (lower(tokens[n]) !== 'that') n = c + 1;
      const that = lower(tokens[n]) === 'that';
      let clause = n + (that ? 1 : 0);
      if (base === 'tell') {
        let t = tokens.findIndex((x, k) => k > c && k < c + 15 && lower(x) === 'that');
        // A far "that" after a subject pronoun belongs to the reported clause ("told X he had agreed ... that she would").
        if (t > c + 8 && tokens.slice(c + 1, t).some((x) => CLAUSE_SUBJECTS.has(lowOf(x)))) t = -1;
        if (t >= 0) clause = t + 1;
        else {
          // "told the AP her group never worked ...", "told me he’s had ...": skip the addressee, then the clause.
          let k = c + 1;
          while (k < tokens.length && k < c + 7 && (capOf(tokens[k]!) || ['the', 'a', 'an', 'reporters', 'journalists', 'host', 'of', 'last', 'week', 'this', 'on', 'in'].includes(lower(tokens[k])) || (k === c + 1 && ['me', 'us', 'him', 'her', 'them', 'you'].includes(lower(tokens[k]))) || BETWEEN.has(lower(tokens[k])))) k++;
          if (k === c + 1 || !/^(?:he|she|they|it|we|i|his|her|their|its|the|there|this)(?:['’](?:s|ll|d|re|ve|m))?$/i.test(tokens[k]?.text ?? '')) continue;
          clause = k;
        }
      } else if (!that && (!STRONG_CUES.has(base) || base === 'continue') && !(THAT_CUES.has(base) && opensClause(tokens, clause, base)) && !(EVIDENCE_CUES.has(base) && isEvidence(tokens, c))) continue; // "continued to push for" is no speech; "believes he will" is
      else if (!that && PREPOSITIONS.has(lower(tokens[clause]))) {
        // "said in a statement that ...", "said at a press conference on Monday that ...".
        const t = tokens.findIndex((x, k) => k > clause && k < clause + 10 && lower(x) === 'that');
        if (t < 0 || tokens.slice(clause, t).some((x) => x.text === ',')) {
          // "said on Friday he met ...": a short adjunct, then a clause opened by a pronoun.
          const p = tokens.findIndex((x, k) => k > clause + 1 && k < clause + 6 && CLAUSE_SUBJECTS.has(lowOf(x)));
          if (p < 0 || tokens.slice(clause, p).some((x) => !startsWord(x.text) || SUBJECT_BREAK.has(lowOf(x)))) continue;
          clause = p;
        } else clause = t + 1;
      } else if (!that && TIME_WORDS.has(lower(tokens[clause])) && STRONG_CUES.has(base)) {
        // "said Friday he would ...", "said last week it was ...".
        const p = tokens.findIndex((x, k) => k > clause && k < clause + 3 && CLAUSE_SUBJECTS.has(lowOf(x)));
        if (p > 0) clause = p;
      }
      // A participle is a finite cue only after an auxiliary ("Trump is warning voters that ...").
      // After a preposition the cue word is a noun ("Commenting on reports that ...").
      if ((lower(tokens[c]).endsWith('ing') && !AUXILIARIES.has(lower(tokens[c - 1]))) || lower(tokens[c - 1]) === 'to' || NOUN_BEFORE.has(lower(tokens[c - 1])) || PREPOSITIONS.has(lower(tokens[c - 1]))) continue;
      // "Jackson is thought to have ...", "Russia is said to oppose ...": a passive names no thinker or speaker.
      // ("was asked to name ..." still reports the question put to its subject.)
      if ((!STRONG_CUES.has(base) || (lower(tokens[c + 1]) === 'to' && base !== 'ask' && !lower(tokens[c]).endsWith('ing'))) && passiveBefore(tokens, c)) continue;
      if (!STRONG_CUES.has(base)) {
        // "a man suspected of radical links" is no thinking.
        if (lower(tokens[c + 1]) === 'of') continue;
        // A bare "hope" or "doubt" is a noun after a determiner or a modifier ("the only hope", "no doubt"): as
        // a verb it follows its subject, a pronoun, a name or a plural ("Strategists hope ...").
        if (BARE_NOUN_CUES.has(lowOf(tokens[c]!)) && !(CLAUSE_SUBJECTS.has(lower(tokens[c - 1])) || capOf(tokens[c - 1]!) || /[^s]s$/.test(lower(tokens[c - 1])))) continue;
      }
      // "said that, if elected, he would ...": an adverbial clause may open the reported clause.
      if (that && tokens[clause]?.text === ',') clause++;
      // "says, win or lose in Tuesday’s primary, he’s staying in the race": an adverbial between commas opens the clause.
      // ("said, however, that ...": the clause after "that".)
      // (Not a list of verbs, "Spacey wrote, directed and starred in ...", a title, "What'd I Say, Charles ...",
      // nor an aside, "One in three women, the survey said, thought ...", nor a plural noun, "Pagliano's Fifth Amendment claims, prosecutors ...".)
      if (tokens[clause]?.text === ',' && clause === c + 1 && STRONG_CUES.has(base) && !passiveBefore(tokens, c) && !capOf(tokens[c]!) && (lowOf(tokens[c]!) === 'says' || !lowOf(tokens[c]!).endsWith('s')) && !tokens.slice(Math.max(0, c - 5), c).some((t) => t.text === ',')) {
        const close = tokens.findIndex((t, k) => k > clause + 1 && k <= clause + 12 && t.text === ',');
        if (close > 0 && !/(?:ing|ed)$/.test(lower(tokens[clause + 1])) && !['and', 'but'].includes(lower(tokens[clause + 1])) && !tokens.slice(clause + 1, close).some((t) => t.text === '“' || t.text === '"')) clause = lower(tokens[close + 1]) === 'that' ? close + 2 : clause + 1;
      }
      const next = tokens[clause];
      if (!next || next.text === ',' || next.text === '.' || next.text === ':' || next.text === ';') continue;
      // "If I sit down and write a routine ..., then I am in trouble": a speech verb inside a condition reports nothing (a belief there still counts: "If we thought they were secure").
      if (STRONG_CUES.has(base) && (lower(tokens[0]) === 'if' || lower(tokens[0]) === 'unless') && !/[,;:—–]|\s-\s/.test(body.slice(tokens[0]!.end, tokens[c]!.start))) continue;
      // "X survived ... and says ...": a coordinated cue takes the sentence subject.
      // "... declined to name them but said ..." too.
      const coordinated = lower(tokens[c - 1]) === 'and' || lower(tokens[c - 1]) === 'but';
      // A frame already read in the sentence names the subject of a coordinated cue ("Roy Hodgson says ... - but insists ...").
      const earlier = first?.attribution?.source;
      const named = coordinated ? (earlier && earlier.span.start < tokens[c - 1]!.start && !SUBORDINATORS.has(lower(tokens[0])) ? earlier : sentenceSubject(body, tokens, c - 1) ?? (c === 1 ? subject : null)) : phraseBefore(body, tokens, c, 0) ?? subjectPhrase(body, tokens, c, true);
      const source = named ?? (coordinated ? null : otherSubject(body, tokens, c) ?? (STRONG_CUES.has(base) && base !== 'add' && !passiveBefore(tokens, c) && !['to', 'up'].includes(lower(tokens[c + 1])) ? subjectWithTail(body, tokens, c) : null));
      if (!source) continue;
      // A relative clause ("X, who said she would back it, voted ...") ends at its closing comma.
      const comma = !named && source.kind !== 'group' ? tokens.findIndex((t, k) => k > clause && t.text === ',') : -1;
      const opening = openingClauseEnd(tokens, c, clause);
      const span = trimSpan(body, { start: next.start, end: comma > 0 ? tokens[comma]!.start : opening >= 0 ? opening : clauseEnd(tokens, clause, s.end) });
      // A short clause needs a subject and a verb at least ("it would not", "she would").
      if (countWordRuns(body, span.start, span.end, 3) < (that ? 2 : 3)) continue;
      const d: Draft = { span, segments: [span], kind: 'indirect', attribution: { source, via: null, cue: tokens[c]!, clauseStart: span.start }, continues: false, confidence: 0.6 };
      if (!first) first = d;
      else if (!nextFrame(body, tokens, more.length ? more[more.length - 1]! : first, d)) continue;
      else more.push(d);
      i = tokens.findIndex((t) => t.start >= span.start) - 1;
    }
  }
  if (first) {
    // "The spokesman refused to answer questions ... but said ...": the first verb's object is a position of its own.
    const cue = tokens.findIndex((t) => t.start === first!.attribution!.cue!.start);
    if (cue > 2 && (lower(tokens[cue - 1]) === 'and' || lower(tokens[cue - 1]) === 'but') && first.attribution!.source && first.attribution!.source.span.start < tokens[cue - 1]!.start) {
      const stance = objectCue(body, tokens.slice(0, cue - 1), { start: s.start, end: tokens[cue - 1]!.start });
      if (stance) return more.unshift(first), stance;
    }
    return first;
  }
  // "..., saying (that) content": the subject of the sentence speaks.
  // (A comma and a cue first: both are read off the tokens, the lower-cased word only for those.)
  let saying = -1;
  for (let k = 3; k < tokens.length; k++) {
    const base = tokens[k - 1]!.text === ',' ? cueBase(tokens[k]) : undefined;
    if (base && STRONG_CUES.has(base) && lowOf(tokens[k]!).endsWith('ing')) {
      saying = k;
      break;
    }
  }
  if (saying > 0) {
    const source = sentenceSubject(body, tokens, saying);
    const start = lower(tokens[saying + 1]) === 'that' ? tokens[saying + 2] : tokens[saying + 1];
    if (source && start) {
      const span = trimSpan(body, { start: start.start, end: s.end });
      if (countWordRuns(body, span.start, span.end, 4) >= 4) return { span, segments: [span], kind: 'indirect', attribution: { source, via: null, cue: tokens[saying]!, clauseStart: span.start }, continues: false, confidence: 0.55 };
    }
  }
  return stanceOrExpected(body, tokens, s, more, objects);
}

/**
 * Last in reportedSpeech, a stance verb's object ("defended X"): speech verbs in the sentence come first
 * ("Putin defended the support, saying it was needed" reports what he said). `objects` tells whether the
 * sentence holds a stance verb at all: most that reach here hold none, and objectCue is not run for them.
 */
function stanceOrExpected(body: string, tokens: Token[], s: Span, more: Draft[], objects: boolean): Draft | null {
  const stance = objects ? objectCue(body, tokens, s) : null;
  // And a passive "is expected to", which predicts without naming who expects, beside it.
  const expected = expectedClause(body, tokens);
  if (!stance || !expected) return stance ?? expected;
  if (expected.span.start >= stance.span.end || expected.span.end <= stance.span.start) more.push(expected);
  return stance;
}
