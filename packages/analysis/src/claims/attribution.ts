import type { Mention } from '@parallax/schema';
import { TAG_SOURCE_CUE, WordSet, type Token } from '../numbers/tokens.js';

// Finds who a sentence credits its content to: "according to X", "X said/says/reported/...", or the
// inverted "..., said X". Works on the tokens of one sentence; words inside quote marks are the quoted
// content, not the attribution, so verbs there are ignored.

const SPEECH_VERB_LIST = [
  'said', 'says', 'say', 'told', 'tells', 'reported', 'reports', 'confirmed', 'confirms', 'confirm', 'announced',
  'announces', 'stated', 'claimed', 'claims', 'added', 'adds', 'noted', 'insisted', 'insists', 'insist', 'warned',
  'warns', 'warn', 'suggested', 'suggests', 'suggest', 'estimated', 'estimates', 'showed', 'shows',   'found', 'finds', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'denied', 'denies', 'explained', 'explains',
  'argued', 'argues', 'wrote', 'writes', 'asserted', 'asserts', 'alleged', 'alleges', 'predicted', 'predicts', 'revealed',
  'reveals', 'disclosed', 'concluded', 'indicated', 'indicates', 'indicate', 'quoted', 'believe', 'believes', 'believed',
  'stressed', 'stresses', 'maintained', 'maintains', 'countered', 'replied', 'responded', 'declared', 'declares',
  'projected', 'calculated', 'recorded', 'counted', ];

export const SPEECH_VERBS = new WordSet(SPEECH_VERB_LIST);

/** Words for mayHoldAttribution, tagged TAG_SOURCE_CUE: findAttribution starts only from these. */
export const SOURCE_CUES: readonly string[] = [...SPEECH_VERB_LIST, 'according'];

/**
 * False when tokens with these tags (a TokenScanner with SOURCE_CUES) have no speech verb and no
 * "according": findAttribution would find nothing, and need not be run.
 */
export function mayHoldAttribution(tags: number): boolean {
  return (tags & TAG_SOURCE_CUE) !== 0;
}

const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'these', 'those', 'this', 'that', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);

const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'that', 'this']);

/** Words that may stand between a subject and its verb: "The Pentagon on Monday said", "Putin has also said". */
const BETWEEN_SUBJECT_AND_VERB: ReadonlySet<string> = new Set([
  'on', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'also', 'has',
  'have', 'had', 'previously', 'later', 'earlier', 'recently', 'repeatedly', 'publicly', 'privately', 'separately', 'again',
  'already', 'once', 'now', 'still', 'last', 'week', 'night', 'this', 'morning', 'evening', 'afternoon', 'reportedly', 'only',
  'would', 'will', 'could', 'may', 'might', 'did', 'does', 'do', 'not', 'further', 'then', 'too',
]);

/** Words a source noun phrase never contains (verbs, conjunctions, clause words). */
const NOT_IN_SOURCE: ReadonlySet<string> = new Set(
  ('and but or that which who whom whose when while as if because although though since after before than then so yet ' +
    'is are was were be been being has have had do does did will would can could may might must should shall not no ' +
    'said says told also to in on at by with from for into over about against between through during without under ' +
    'it he she they we i you there here what where why how very just even').split(' '),
);

const TITLE_ABBR: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'capt', 'col', 'lt', 'sgt', 'maj', 'adm', 'gov', 'sen', 'rep', 'rev', 'st']);

const TIME_NAMES: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight', 'on', 'last',
  'this', 'in', 'at', 'earlier', 'later', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december',
]);

const COURTESY: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms']);

export interface AttributionFound {
  name: string;
  mention: Mention;
  cue: Mention;
  /** True when the source is a pronoun ("he said") that the caller must resolve or drop. */
  pronoun: boolean;
  /** Index of the cue's first token. */
  cueTok: number;
  cueEndTok: number;
}

function isOpenQuote(t: Token): boolean {
  return t.kind === 'punct' && (t.text === '“' || t.text === '«' || t.text === '„' || t.text === '‘');
}
function isCloseQuote(t: Token): boolean {
  return t.kind === 'punct' && (t.text === '”' || t.text === '»');
}

/** For each token, whether it sits inside quote marks. Unbalanced marks close at the sentence end. */
export function insideQuotes(tokens: readonly Token[]): boolean[] {
  const inside = new Array<boolean>(tokens.length).fill(false);
  let open = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct') {
      if (isOpenQuote(t)) open = true;
      else if (isCloseQuote(t)) open = false;
      else if (t.text === '"' || t.text === '`') open = !open;
      inside[i] = false;
      continue;
    }
    inside[i] = open;
  }
  return inside;
}

/** Whether a "." token is part of an abbreviation inside a name ("U.S. officials", "Navy Capt. Jeff Davis"). */
function isInnerDot(tokens: readonly Token[], k: number): boolean {
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (!prev || !next || next.kind !== 'word') return false;
  return prev.kind === 'word' && (prev.text.includes('.') || TITLE_ABBR.has(prev.lower) || (prev.text.length === 1 && prev.cap));
}

function mention(text: string, tokens: readonly Token[], a: number, b: number, offset: number): Mention | null {
  const first = tokens[a];
  const last = tokens[b - 1];
  if (!first || !last || b <= a) return null;
  return { text: text.slice(first.start, last.end), span: { start: offset + first.start, end: offset + last.end } };
}

/** A name inside a described source: "Kremlin spokesman Dmitry Peskov" names Dmitry Peskov. */
function trimToName(tokens: readonly Token[], a: number, b: number): number {
  // A rank abbreviation before a full name: "Navy Capt. Jeff Davis" names Jeff Davis.
  for (let r = b - 3; r >= a; r--) {
    const t = tokens[r];
    if (t && TITLE_ABBR.has(t.lower) && !COURTESY.has(t.lower)) {
      const s = tokens[r + 1]?.text === '.' ? r + 2 : r + 1;
      if (b - s >= 2 && tokens.slice(s, b).every((x) => x.cap)) return s;
      break;
    }
  }
  let k = b;
  while (k > a && (tokens[k - 1]?.cap || tokens[k - 1]?.text === '.' || TITLE_ABBR.has(tokens[k - 1]?.lower ?? ''))) k--;
  const capRun = b - k;
  if (capRun >= 2 && k > a && tokens[k - 1]?.kind === 'word' && !tokens[k - 1]?.cap && !DETERMINERS.has(tokens[k - 1]?.lower ?? '')) {
    // Skip a leading title abbreviation: "Capt. Jeff Davis" names Jeff Davis.
    let s = k;
    while (s < b - 1 && (TITLE_ABBR.has(tokens[s]?.lower ?? '') || tokens[s]?.text === '.')) s++;
    return s;
  }
  return a;
}

/** The source noun phrase that starts at token a: up to a comma, a clause word or a verb. */
function sourceAfter(tokens: readonly Token[], a: number, inside: readonly boolean[]): number {
  let k = a;
  while (k < tokens.length && k - a < 10) {
    const t = tokens[k] as Token;
    if (inside[k]) break;
    if (t.kind === 'punct') {
      if (t.text === '.' && isInnerDot(tokens, k)) {
        k++;
        continue;
      }
      if (t.text === '&' || t.text === '-') {
        k++;
        continue;
      }
      break;
    }
    if (t.kind === 'number') break;
    if ((t.lower === 'of' || t.lower === 'for' || t.lower === 'and') && k > a && tokens[k + 1]?.kind === 'word') {
      // "Office for National Statistics", "a transcript of his remarks"; "and" only joins names
      if (t.lower === 'of' || tokens[k + 1]?.cap) {
        k++;
        continue;
      }
      break;
    }
    if (NOT_IN_SOURCE.has(t.lower) && !(k === a && DETERMINERS.has(t.lower))) break;
    k++;
  }
  while (k > a && ['of', 'for', 'and', '.', '&', '-'].includes(tokens[k - 1]?.lower ?? '')) k--;
  return k;
}

/** The source noun phrase that ends just before token b (walking back). */
function sourceBefore(tokens: readonly Token[], b: number, inside: readonly boolean[]): number {
  let k = b;
  while (k > 0 && b - k < 8) {
    const t = tokens[k - 1] as Token;
    if (inside[k - 1]) break;
    if (t.kind === 'punct') {
      if (t.text === '.' && isInnerDot(tokens, k - 1)) {
        k--;
        continue;
      }
      break;
    }
    if (t.kind === 'number') break;
    if (DETERMINERS.has(t.lower)) {
      k--;
      break;
    }
    if (t.lower === 'of' && k - 1 > 0 && tokens[k - 2]?.cap && tokens[k]?.cap) {
      k--;
      continue;
    }
    // "The court in Washington", "officials in Moscow": a place inside the source phrase.
    if ((t.lower === 'in' || t.lower === 'at' || t.lower === 'from') && k < b && tokens[k]?.cap && !tokens[k - 2]?.cap) {
      const before = tokens[k - 2];
      if (before && before.kind === 'word' && !NOT_IN_SOURCE.has(before.lower) && !SPEECH_VERBS.has(before.lower) && !/(?:ed|ing|ly)$/.test(before.lower)) {
        k--;
        continue;
      }
    }
    if (t.lower === 'and' && tokens[k - 2]?.kind === 'word' && k < b && !NOT_IN_SOURCE.has(tokens[k - 2]?.lower ?? 'and')) {
      k--;
      continue;
    }
    if (NOT_IN_SOURCE.has(t.lower) || SPEECH_VERBS.holds(t)) {
      if (PRONOUNS.has(t.lower) && k === b) k--;
      break;
    }
    // An adverb ends the phrase: "It is widely believed".
    if (!t.cap && t.lower.endsWith('ly') && t.lower.length > 4) break;
    k--;
  }
  return k;
}

/**
 * The attribution in one sentence's tokens (text is the sentence, offset its place in the body), or null.
 * A named "according to" source wins over a speech verb's subject; then the subject of the first speech
 * verb outside quote marks; then an unnamed "according to" source.
 */
export function findAttribution(text: string, tokens: readonly Token[], offset: number): AttributionFound | null {
  const inside = insideQuotes(tokens);
  let according: AttributionFound | null = null;
  let verb: AttributionFound | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word' || inside[i]) continue;
    if (according === null && t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      const a = i + 2;
      const b = sourceAfter(tokens, a, inside);
      const m = mention(text, tokens, a, b, offset);
      const cue = mention(text, tokens, i, i + 2, offset);
      if (m && cue) {
        const nameStart = trimToName(tokens, a, b);
        const nm = mention(text, tokens, nameStart, b, offset) ?? m;
        according = { name: nm.text, mention: m, cue, pronoun: false, cueTok: i, cueEndTok: i + 2 };
        if (tokens.slice(a, b).some((x) => x.cap)) return according;
      }
      continue;
    }
    if (verb !== null || !SPEECH_VERBS.holds(t)) continue;
    const prev = tokens[i - 1];
    if (prev && DETERMINERS.has(prev.lower)) continue; // "the reports", "his claims": nouns
    // Subject before the verb, over adverbials such as "on Monday" or "has also".
    let b = i;
    while (b > 0 && BETWEEN_SUBJECT_AND_VERB.has(tokens[b - 1]?.lower ?? '') && !inside[b - 1] && i - b < 4) b--;
    let a = sourceBefore(tokens, b, inside);
    // Past an appositive: "Navy Capt. Jeff Davis, a Pentagon spokesman, said".
    if (a === b && tokens[b - 1]?.text === ',' && !inside[b - 1]) {
      let c = b - 2;
      while (c >= 0 && b - c < 12 && tokens[c]?.text !== ',' && tokens[c]?.kind !== 'punct') c--;
      const opener = tokens[c + 1];
      if (c > 0 && tokens[c]?.text === ',' && opener && DETERMINERS.has(opener.lower) && !inside[c - 1]) {
        const a2 = sourceBefore(tokens, c, inside);
        if (a2 < c && tokens.slice(a2, c).some((x) => x.cap)) {
          a = a2;
          b = c;
        }
      }
    }
    const cue = mention(text, tokens, i, i + 1, offset);
    if (!cue) continue;
    if (a < b) {
      const first = tokens[a] as Token;
      const pronoun = b - a === 1 && PRONOUNS.has(first.lower);
      if (!pronoun && !tokens.slice(a, b).some((x) => x.kind === 'word' && !DETERMINERS.has(x.lower))) continue;
      if (!pronoun && first.lower === 'that') continue;
      const m = mention(text, tokens, a, b, offset);
      a = trimToName(tokens, a, b);
      const nm = mention(text, tokens, a, b, offset);
      if (m && nm) verb = { name: nm.text, mention: m, cue, pronoun, cueTok: i, cueEndTok: i + 1 };
      continue;
    }
    // Inverted: '..." said Badr Jamous, a leader ...'
    if (t.lower === 'said' || t.lower === 'says' || t.lower === 'added' || t.lower === 'told' || t.lower === 'wrote') {
      const s = i + 1;
      let e = s;
      while (e < tokens.length && e - s < 6 && ((tokens[e]?.cap && !TIME_NAMES.has(tokens[e]?.lower ?? '')) || (tokens[e]?.text === '.' && isInnerDot(tokens, e)) || (e === s && DETERMINERS.has(tokens[e]?.lower ?? '')))) e++;
      if (e > s && tokens.slice(s, e).some((x) => x.cap && x.kind === 'word')) {
        const m = mention(text, tokens, s, e, offset);
        if (m) verb = { name: m.text, mention: m, cue, pronoun: false, cueTok: i, cueEndTok: i + 1 };
      }
    }
  }
  return verb ?? according;
}
