// Parses the phrase that names a speaker ("Navy Capt. Jeff Davis, a Pentagon spokesman", "the Russian
// president", "he", "U.S. officials") and resolves it to an entity within one article: surnames to full
// names, descriptions to the person who holds that role, pronouns to the subject of the nearest
// preceding sentence that names someone.
import type { EntityKind, Span } from '@parallax/schema';
import { isAsciiAlnum, isLetterAt, isWhiteSpace, lastSpace, utf8Bytes, wordCharAt } from '../text/chars.js';
import { GROUP_WORDS, HONORIFICS, NON_NAME_CAPS, ORG_WORDS, OUTLET_BRANDS, PRONOUNS, TITLE_WORDS, US_STATES } from './lexicon.js';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** The text lower-cased, computed once: the attribution rules compare it many times. */
  low?: string | undefined;
  /** bareOf(token), computed once. */
  bare?: string | undefined;
  /** isCapitalised(text), computed once. */
  cap?: boolean | undefined;
  /** The speech verb this word is a form of (CUE_WORDS), null for none; computed once. */
  cue?: string | null | undefined;
}

/** A token with its cached fields unset: every token has one shape, so property reads stay monomorphic. */
export function makeToken(text: string, start: number, end: number): Token {
  return { text, start, end, low: undefined, bare: undefined, cap: undefined, cue: undefined };
}

/** A token's lower-cased text, cached on the token. */
export function lowOf(t: Token): string {
  return t.low ?? (t.low = t.text.toLowerCase());
}

/**
 * The tokens of one body, computed once; ranges are cut by binary search. extractQuotes sets the
 * current body's index so the many small frames it examines reuse one tokenisation.
 */
let indexed: BodyTokens | null = null;

interface BodyTokens {
  body: string;
  tokens: Token[];
  /** Indices of the tokens that may be capitalised (cap not already false): where names can start. */
  caps: number[];
}

function tokenizeBody(body: string): BodyTokens {
  const caps: number[] = [];
  // Read from the body's UTF-8 bytes (see utf8Bytes): a few instructions a character where charCodeAt
  // costs several times that.
  return { body, tokens: tokenizeUtf8(body, utf8Bytes(body), caps), caps };
}

export function indexTokens(body: string | null): void {
  indexed = body === null ? null : tokenizeBody(body);
}

/** Index of the first of `items` (sorted by start) that starts at or after `offset`. */
function firstAtOrAfter(items: ReadonlyArray<{ readonly start: number }>, offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function tokenize(text: string, from: number, to: number): Token[] {
  if (indexed && indexed.body === text) {
    // The tokens that start in [from, to) are one stretch of the index, copied by slice; tokens do not
    // overlap, so only the last can run past `to`, and it is cut there.
    const all = indexed.tokens;
    const a = firstAtOrAfter(all, from);
    const b = a < all.length && all[a]!.start < to ? firstAtOrAfter(all, to) : a;
    if (b === a || all[b - 1]!.end <= to) return all.slice(a, b);
    const out = all.slice(a, b - 1);
    const t = all[b - 1]!;
    out.push(makeToken(text.slice(t.start, to), t.start, to));
    return out;
  }
  return tokenizeRaw(text, from, to);
}

/** The first letters of ABBREVIATION's titles, in both cases. */
const TITLE_INITIALS = 'mdcgsrlajpMDCGSRLAJP';
const ABBREVIATION = /^(?:[A-Z]\.)+$|^(?:mr|mrs|ms|dr|capt|gen|sen|rep|gov|lt|col|sgt|adm|st|jr|sr|prof|rev|u\.s|u\.k|u\.n)\.$/i;

/**
 * Whether text[from, to), ending in a full stop, is an abbreviation (ABBREVIATION). The regex runs only
 * where it can match: a title is five characters at most, and a longer run of initials ("U.S.A.") has
 * a full stop and a letter right before its last one.
 */
function isAbbreviation(text: string, from: number, to: number): boolean {
  // No full stop after the first letter, so no run of initials: then only a title, five characters at
  // most, opening with one of their initials (ASCII: the regex folds no other letter to those).
  if (text.charCodeAt(from + 1) !== 46 && (to - from > 5 || TITLE_INITIALS.indexOf(text[from]!) < 0)) return false;
  if (to - from > 6) {
    const c = text.charCodeAt(to - 2);
    if (text.charCodeAt(to - 3) !== 46 || !((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return ABBREVIATION.test(text.slice(from, to));
}

/**
 * Words (a letter or digit, then letters, digits, apostrophes, full stops and hyphens) and the
 * punctuation , ; : ( ) in text[from, to). A hand-written scan: a Unicode-property regex over every body
 * cost 5% of extraction.
 */
function tokenizeRaw(text: string, from: number, to: number, caps?: number[]): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = from;
  while (i < to && i < n) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41) {
      const mark = makeToken(text[i]!, i, i + 1);
      mark.low = mark.text;
      mark.cap = false;
      out.push(mark);
      i++;
      continue;
    }
    const w = wordCharAt(text, i);
    if (w === 0) {
      i++;
      continue;
    }
    let j = i + w;
    // Whether the word may differ from its lower case: then lowOf lower-cases it, else it is its own.
    let cased = !(c >= 97 && c <= 122) && !(c >= 48 && c <= 57);
    while (j < n) {
      const d = text.charCodeAt(j);
      if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57) || d === 39 || d === 0x2019 || d === 46 || d === 45) j++;
      else if (d >= 65 && d <= 90) {
        cased = true;
        j++;
      } else {
        const k = wordCharAt(text, j);
        if (k === 0) break;
        cased = true;
        j += k;
      }
    }
    // A trailing full stop belongs to the token only for abbreviations ("Capt.", "U.S.").
    if (j - i > 1 && text.charCodeAt(j - 1) === 46 && !isAbbreviation(text, i, j)) j--;
    const end = Math.min(j, to);
    const word = text.slice(i, end);
    const token = makeToken(word, i, end);
    if (!cased) {
      token.low = word;
      // All lower case: not even a name particle before a capital ("al-Assad").
      token.cap = false;
    } else {
      if (c >= 65 && c <= 90) token.cap = true;
      caps?.push(out.length);
    }
    out.push(token);
    i = end;
  }
  return out;
}

/**
 * How tokenizeUtf8 reads each byte: 0 no part of a token, 1 lower-case letter or digit, 2 upper-case letter,
 * 3 apostrophe, full stop or hyphen (inside a word only), 4 one of , ; : ( ) (a token of its own), 5 the
 * lead or continuation byte of a non-ASCII character (read as a character, see tokenizeUtf8).
 */
const BYTE_CLASS = new Uint8Array(256);
for (let c = 0; c < 256; c++) BYTE_CLASS[c] = c >= 128 ? 5 : (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? 1 : c >= 65 && c <= 90 ? 2 : c === 39 || c === 46 || c === 45 ? 3 : c === 44 || c === 59 || c === 58 || c === 40 || c === 41 ? 4 : 0;

/**
 * tokenizeRaw over a whole body, read from its UTF-8 bytes (`bytes`, see utf8Bytes): the same tokens, with
 * the same cached fields set, and the same `caps`. A byte index `p` walks the bytes and `i` the body's
 * code units in step: an ASCII character is one byte, any other two or three (one code unit; a lone
 * surrogate comes out as U+FFFD, three) or four (a surrogate pair); those are tested as characters of the
 * body, as tokenizeRaw does.
 */
function tokenizeUtf8(text: string, bytes: Uint8Array, caps: number[]): Token[] {
  const out: Token[] = [];
  const n = bytes.length;
  let p = 0;
  let i = 0;
  while (p < n) {
    const b = bytes[p]!;
    const k = BYTE_CLASS[b]!;
    if (k === 0 || k === 3) {
      p++;
      i++;
      continue;
    }
    if (k === 4) {
      const mark = makeToken(text[i]!, i, i + 1);
      mark.low = mark.text;
      mark.cap = false;
      out.push(mark);
      p++;
      i++;
      continue;
    }
    // (From here the character at i opens a word.) An upper-case letter, or any letter beyond ASCII, in
    // the word: it may differ from its lower case.
    let cased = k !== 1;
    let q = p + 1;
    let j = i + 1;
    if (k === 5) {
      const w = wordCharAt(text, i);
      q = p + (b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4);
      if (w === 0) {
        p = q;
        i += b >= 0xf0 ? 2 : 1;
        continue;
      }
      j = i + w;
    }
    while (q < n) {
      const d = BYTE_CLASS[bytes[q]!]!;
      if (d === 1 || d === 3) {
        q++;
        j++;
      } else if (d === 2) {
        cased = true;
        q++;
        j++;
      } else if (d === 5) {
        const lead = bytes[q]!;
        const size = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
        // A closing quote mark inside a word ("Putin’s") leaves its case alone.
        if (text.charCodeAt(j) !== 0x2019) {
          const w = wordCharAt(text, j);
          if (w === 0) break;
          cased = true;
        }
        q += size;
        j += size === 4 ? 2 : 1;
      } else break;
    }
    // A trailing full stop belongs to the token only for abbreviations ("Capt.", "U.S.").
    if (j - i > 1 && bytes[q - 1] === 46 && !isAbbreviation(text, i, j)) {
      j--;
      q--;
    }
    // (The token is built as tokenizeRaw builds it, written out again: a shared helper for these lines measured
    // 2-19% more instructions for this loop, as TurboFan compiled it.)
    const word = text.slice(i, j);
    const token = makeToken(word, i, j);
    if (!cased) {
      token.low = word;
      token.cap = false;
    } else {
      if (k === 2) token.cap = true;
      caps.push(out.length);
    }
    out.push(token);
    p = q;
    i = j;
  }
  return out;
}

/** Documents that speak for their authors. */
const DOCUMENT_WORDS = new Set(['statement', 'letter', 'ad', 'advert', 'advertisement', 'email', 'tweet', 'post', 'memo', 'release', 'video', 'filing', 'report', 'transcript']);
const DETERMINERS = new Set(['a', 'an', 'the', 'some', 'two', 'three', 'several', 'many', 'one', 'other', 'another']);
/** Whether a word has no possessive, closing apostrophe or trailing dot: its bare form is its lower case. */
const isBare = (t: string): boolean => {
  const last = t.charCodeAt(t.length - 1);
  return last !== 46 && last !== 0x2019 && !((last === 115 || last === 83) && t.length > 2 && (t.charCodeAt(t.length - 2) === 0x2019 || t.charCodeAt(t.length - 2) === 39));
};
/** A token's bare word, without a possessive or trailing dot, lower-cased; cached on the token (most words' is their lower case, shared with lowOf). */
export const bareOf = (t: Token): string => t.bare ?? (t.bare = isBare(t.text) ? lowOf(t) : t.text.replace(/[.’']s$|’$/u, '').replace(/\.$/, '').toLowerCase());
/** Whether a token is capitalised, cached on the token. */
export const capOf = (t: Token): boolean => t.cap ?? (t.cap = isCapitalised(t.text));
/** Starts with an upper-case letter (or a name particle before one: "al-Assad"). */
export const isCapitalised = (t: string) => {
  if (t.length === 0) return false;
  const c = t.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return c >= 97 && c <= 122 && t.length > 3 && t.indexOf('-') > 0 && t.indexOf('-') <= 3 && /^(?:al|el|bin|ibn|de|van|von|da|di|le|la)-\p{Lu}/u.test(t);
  const ch = t[0]!;
  return ch !== ch.toLowerCase();
};
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'de', 'van', 'von', 'da', 'di', 'du', 'der', 'la', 'le', 'of']);
/** TITLE_WORDS and HONORIFICS in one Set: the name rules ask of both, and one look-up is half the cost of two. */
const TITLES_AND_HONORIFICS: ReadonlySet<string> = new Set([...TITLE_WORDS, ...HONORIFICS]);
/** TITLE_WORDS, HONORIFICS and NON_NAME_CAPS in one Set (words that never open a full name before a surname). */
const NEVER_GIVEN_NAMES: ReadonlySet<string> = new Set([...TITLES_AND_HONORIFICS, ...NON_NAME_CAPS]);
/** ORG_WORDS, NON_NAME_CAPS and OUTLET_BRANDS in one Set: words that keep a run from being a person's name. */
const NOT_PERSON_WORDS: ReadonlySet<string> = new Set([...ORG_WORDS, ...NON_NAME_CAPS, ...OUTLET_BRANDS]);
/** A short lower-case particle inside names ("bin", "van", "of"); read off the token's cached lower case. */
const isNameParticle = (t: Token) => t.text.length <= 3 && NAME_PARTICLES.has(lowOf(t));

/** A word of two or more letters with no lower-case letter ("IOWA", "POLLS"; not "U.S." or "McCain"). */
function isUpperCaseWord(t: Token): boolean {
  let letters = 0;
  for (let i = 0; i < t.text.length; i++) {
    const c = t.text.charCodeAt(i);
    if (c >= 65 && c <= 90) letters++;
    else if ((c >= 97 && c <= 122) || c === 46) return false;
    else if (c >= 128 && t.text[i] !== t.text[i]!.toUpperCase()) return false;
  }
  return letters >= 2;
}

const NOT_PLURAL_NOUNS = new Set('does goes perhaps besides overseas indoors outdoors nevertheless nonetheless whereas thus yes always'.split(' '));
/** A lower-case word that reads as a plural noun ("owners", "shareholders"; not "news", "press", "famous", "afterwards"). */
const isPluralNoun = (w: string): boolean => w.length > 3 && /^[a-z]+s$/.test(w) && !/(?:ss|us|is|ws|wards|ways|times)$/.test(w) && !NOT_PLURAL_NOUNS.has(w);

/**
 * Index of the first token after tokens[after] whose text is `text`, -1 for none. (A plain function for
 * loops over tokens: a findIndex closure over the loop's index makes V8 allocate a context per step.)
 */
export function indexOfText(tokens: readonly Token[], text: string, after: number): number {
  for (let k = Math.max(0, after + 1); k < tokens.length; k++) if (tokens[k]!.text === text) return k;
  return -1;
}

/**
 * Sort `items` in place by `compare` unless they already are in order, as they mostly are (mentions are
 * met in body order): Array#sort copies the array into a work area on every call, ordered or not. A
 * stable sort leaves ordered items as they are, so the result is the same. Two ordered runs, the usual
 * disorder (learnNames appends the surname mentions after the full names'), are merged instead of sorted:
 * the merge takes the earlier run's item on a tie, as a stable sort keeps it, so the result is the same.
 */
export function sortInPlace<T>(items: T[], compare: (a: T, b: T) => number): void {
  for (let k = 1; k < items.length; k++) {
    if (compare(items[k - 1]!, items[k]!) > 0) {
      for (let m = k + 1; m < items.length; m++) {
        if (compare(items[m - 1]!, items[m]!) > 0) {
          items.sort(compare);
          return;
        }
      }
      mergeRuns(items, k, compare);
      return;
    }
  }
}

/** Merge the ordered runs items[0, k) and items[k, end) in place, from the back; ties keep the first run's item first. */
function mergeRuns<T>(items: T[], k: number, compare: (a: T, b: T) => number): void {
  const second = items.slice(k);
  let i = k - 1;
  let j = second.length - 1;
  for (let w = items.length - 1; j >= 0; w--) items[w] = i >= 0 && compare(items[i]!, second[j]!) > 0 ? items[i--]! : second[j--]!;
}
/** Mentions by their offset in the body. */
export const byOffset = (a: { offset: number }, b: { offset: number }): number => a.offset - b.offset;
const ascending = (a: number, b: number): number => a - b;

/** Drop short bracketed groups: "(R)", "(D-Wis.)", "(a Republican PAC)". Tokens with no "(" come back as they are (not copied). */
function dropParentheticals(tokens: Token[]): Token[] {
  if (indexOfText(tokens, '(', -1) < 0) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.text === '(') {
      const close = indexOfText(tokens, ')', i);
      if (close > i && close - i <= 8) {
        i = close;
        continue;
      }
    }
    out.push(tokens[i]!);
  }
  return out;
}

export type PhraseKind = 'name' | 'pronoun' | 'description' | 'group' | 'organisation';

export interface ParsedSource {
  kind: PhraseKind;
  /** The proper name (person or organisation), the pronoun, or the description without its article. */
  name: string;
  entityKind: EntityKind;
  /** Where the name (or the whole phrase) is in the body. */
  span: Span;
  /** Titles and appositive descriptions attached to the name ("Pentagon spokesman"). */
  roles: string[];
  pronoun?: 'male' | 'female' | 'plural' | 'neuter' | 'first';
  /** A description that names an office ("the prime minister"): it resolves only to a holder of that role on record. */
  office?: boolean;
}

const LEADING_CONJUNCTIONS = new Set(['and', 'but', 'or', 'so', 'then', 'also', 'while', 'as']);
const ARTICLES = new Set(['the', 'a', 'an']);

/** Strip leading determiners and conjunctions from a token run (the run itself when there are none, not a copy). */
function stripLeading(tokens: Token[]): Token[] {
  let i = 0;
  while (i < tokens.length && LEADING_CONJUNCTIONS.has(lowOf(tokens[i]!))) i++;
  return i === 0 ? tokens : tokens.slice(i);
}

/**
 * Find the proper name inside one comma-free part of a phrase: the last run of capitalised words that
 * are neither titles nor honorifics. Returns null when the part has no name (a description).
 */
function nameIn(tokens: Token[]): { tokens: Token[]; roleTokens: Token[]; honorific: boolean } | null {
  let end = tokens.length;
  // Trailing weekdays and months are not part of a name ("Putin Tuesday"), nor is a trailing lower-case
  // head ("RIA Novosti news agency") or adverb ("Putin Tuesday strongly"): strip both, in any order.
  let month = false;
  while (end > 0 && (NON_NAME_CAPS.has(bareOf(tokens[end - 1]!)) || !capOf(tokens[end - 1]!))) {
    // A month that ends the phrase after a given name or an honorific is a surname ("Theresa May", "Mrs May").
    if ((month = end === tokens.length && end >= 2 && SURNAME_MONTHS.has(bareOf(tokens[end - 1]!)) && (givenName(tokens[end - 2]!) || HONORIFICS.has(bareOf(tokens[end - 2]!))))) break;
    end--;
  }
  if (end === 0) return null;
  let start = end;
  // A title word that ends the phrase after a given name is a surname ("Amy Pope", "Rep. Steve King").
  if (surnameTitle(tokens, end - 1)) start--;
  while (start > 0) {
    const t = tokens[start - 1]!;
    const b = bareOf(t);
    if (capOf(t) && !TITLES_AND_HONORIFICS.has(b)) start--;
    else if (isNameParticle(t) && start - 1 > 0 && capOf(tokens[start - 2]!) && start < end) start--;
    else break;
  }
  // "of" may only join words inside a name ("Bank of England"), never open it; nor may "The" ("The Pentagon")
  // or a possessive pronoun ("Her campaign manager").
  while (start < end && ((isNameParticle(tokens[start]!) && !tokens[start]!.text.includes('-')) || DETERMINERS.has(lowOf(tokens[start]!)) || POSSESSIVE_PRONOUNS.has(lowOf(tokens[start]!)))) start++;
  // Nor a capitalised conjunction or preposition that opens the sentence ("When Trump", "After Obama").
  while (start < end - 1 && CLAUSE_OPENERS.has(lowOf(tokens[start]!))) start++;
  if (start === end) return null;
  // The object of a preposition is not the head of the phrase: "a congressman from Tennessee", "a spokeswoman
  // for Rep. Stephen Fincher", "John Smith of the ACLU". The name is the one before the preposition, if any.
  // Titles, determiners and names coordinated with this one ("to Sasha and Malia Obama") are skipped.
  let p = start - 1;
  while (p >= 0) {
    const w = bareOf(tokens[p]!);
    if ((TITLE_WORDS.has(w) && !surnameTitle(tokens, p)) || HONORIFICS.has(w) || DETERMINERS.has(w) || (w === 'of' && p > 0 && TITLE_WORDS.has(bareOf(tokens[p - 1]!)) && !surnameTitle(tokens, p - 1))) p--;
    else if ((w === 'and' || w === 'or') && p > 0 && capOf(tokens[p - 1]!)) {
      p--;
      while (p >= 0 && capOf(tokens[p]!) && !TITLE_WORDS.has(bareOf(tokens[p]!))) p--;
    } else break;
  }
  const preposition = p >= 0 ? lowOf(tokens[p]!) : '';
  if (p >= 0 && (NEVER_SPEAKER_PREPOSITIONS.has(preposition) || OTHER_PREPOSITIONS.has(preposition))) {
    // Only a name right before the preposition heads the phrase ("John Smith of the ACLU", not "... as
    // @DCGopGirl and at the time was a spokeswoman for a congressman from Tennessee").
    const earlier = p > 0 ? nameIn(tokens.slice(0, p)) : null;
    if (earlier && earlier.tokens[earlier.tokens.length - 1] === tokens[p - 1]) return earlier;
    // Where someone is from, who they spoke to or for: never the speaker.
    if (NEVER_SPEAKER_PREPOSITIONS.has(preposition) || (preposition === 'for' && p < start - 1 && tokens.slice(p + 1, start).some((t) => TITLE_WORDS.has(bareOf(t)) || HONORIFICS.has(bareOf(t))))) return null;
  }
  // "John McCain of Arizona": the state is not part of a person's name (it is of "University of California").
  const ofState = end - start >= 3 && lowOf(tokens[end - 2]!) === 'of' && isState(tokens.slice(end - 1, end)) ? 2 : end - start >= 4 && lowOf(tokens[end - 3]!) === 'of' && isState(tokens.slice(end - 2, end)) ? 3 : 0;
  if (ofState && !tokens.slice(start, end - ofState).some((t) => ORG_WORDS.has(bareOf(t)))) end -= ofState;
  // "Orin Middleton of Barclays Capital", "John Smith of Allentown": after a person's given name and surname,
  // "of" opens an affiliation or a home town, not more of the name ("Bank of England", "Duke of York").
  else if (end - start >= 4) {
    const of = tokens.findIndex((t, k) => k >= start + 2 && k <= start + 3 && k < end - 1 && lowOf(t) === 'of');
    if (of > 0 && givenName(tokens[start]!) && lowOf(tokens[start - 1] ?? tokens[start]!) !== 'the' && !PLACE_OPENERS.has(bareOf(tokens[start]!)) && tokens.slice(start + 1, of).every((t) => /^\p{Lu}[\p{Ll}’'-]+$/u.test(t.text) && !ORG_WORDS.has(bareOf(t)) && !TITLE_WORDS.has(bareOf(t)) && !NAME_OF_HEADS.has(bareOf(t)))) end = of;
  }
  const nameTokens = tokens.slice(start, end);
  if (!month && nameTokens.every(nonNameWord)) return null;
  // Two or more words in capitals are a heading ("IOWA POLLS NOT NECESSARILY WRONG"), not a name.
  if (nameTokens.length >= 2 && nameTokens.every(isUpperCaseWord)) return null;
  // "a Tennessee Republican": a place and a party describe a person, they do not name one.
  if (nameTokens.every(partyOrState) && nameTokens.some(partyWord)) return null;
  const honorific = start > 0 && HONORIFICS.has(bareOf(tokens[start - 1]!));
  const roleTokens: Token[] = [];
  for (let k = 0; k < start; k++) if (roleWord(tokens[k]!)) roleTokens.push(tokens[k]!);
  return { tokens: nameTokens, roleTokens, honorific };
}

// nameIn's tests of one token, as plain functions: an arrow written inside nameIn is a new closure on
// every call.
/** A capitalised word that is no name ("Tuesday") or a clause opener ("When"). */
const nonNameWord = (t: Token): boolean => NON_NAME_CAPS.has(bareOf(t)) || CLAUSE_OPENERS.has(lowOf(t));
/** A party word or a US state ("Republican", "Tennessee"). */
const partyOrState = (t: Token): boolean => PARTY_WORDS.has(bareOf(t)) || US_STATES.has(bareOf(t));
const partyWord = (t: Token): boolean => PARTY_WORDS.has(bareOf(t));
/** A word before a name that is part of its role: not an honorific, article or clause opener. */
const roleWord = (t: Token): boolean => !HONORIFICS.has(bareOf(t)) && !ARTICLES.has(lowOf(t)) && !CLAUSE_OPENERS.has(lowOf(t));

const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
/** Capitalised words that open the name of a place or body, never a person's ("New York", "Royal College"). */
const PLACE_OPENERS = new Set('new north south east west united royal national federal central general great saint st san santa los las fort port mount lake'.split(' '));
/** Heads of names that take "of" ("London School of Economics", "Chambers of Commerce"). */
const NAME_OF_HEADS = new Set('authority book records school college chamber chambers society academy institute museum church hospital house city county state states republic kingdom isle islands island bay gulf sea river university department'.split(' '));
/** Prepositions inside an organisation's name ("Office for National Statistics", "Bank of England", "Mail on Sunday"). */
const ORG_TAIL_PREPOSITIONS = new Set(['of', 'for', 'on']);
/** Months that are also surnames ("Theresa May"). */
const SURNAME_MONTHS = new Set(['may', 'june', 'april', 'august']);
/** Title words that are also surnames ("Amy Pope", "Steve King", "John Major"). */
const SURNAME_TITLES = new Set(['king', 'pope', 'bishop', 'major']);
/** Whether tokens[k] is a title word that is a surname after a given name ("Amy Pope", "Mervyn King"). */
const surnameTitle = (tokens: Token[], k: number): boolean => k >= 1 && SURNAME_TITLES.has(bareOf(tokens[k]!)) && /^\p{Lu}\p{Ll}+(?:[’']s)?$/u.test(tokens[k]!.text) && givenName(tokens[k - 1]!);
/**
 * A capitalised word that may be a given name before a surname: not a title, honorific, state, party,
 * organisation head or sentence word, nor a nationality ("Saudi King", "Russian President").
 */
function givenName(t: Token): boolean {
  const b = bareOf(t);
  return /^\p{Lu}\p{Ll}+$/u.test(t.text) && !TITLE_WORDS.has(b) && !HONORIFICS.has(b) && !NON_NAME_CAPS.has(b) && !ORG_WORDS.has(b) && !US_STATES.has(b) && !PARTY_WORDS.has(b) && !CLAUSE_OPENERS.has(b) && !/(?:an|ese|ish|i)$/.test(b);
}
/** Capitalised function words that open a sentence before a name, never part of it. */
const CLAUSE_OPENERS = new Set(
  ('when after before since because although though if unless until while as but and or so yet also still then once whether where how why what ' +
    'however instead meanwhile moreover furthermore nevertheless nonetheless indeed likewise otherwise besides').split(' '),
);
/**
 * A part of a comma-split phrase that only places or tags the speaker: a state or its abbreviation
 * ("Ohio", "OH", "Mich."), a party tag ("R-Ky."). It never names the speaker when another part may.
 */
const placeOrTag = (part: Token[]): boolean => part.length <= 3 && (isState(part) || (part.length === 1 && /^(?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.|[RDI]-[A-Z][A-Za-z.]*)$/.test(part[0]!.text)));
/** A sentence adverb set off by a comma ("Separately,", "Nevertheless,"): never a name. */
const SENTENCE_ADVERB = /^(?:[A-Z][a-z]{4,}ly|However|Nevertheless|Nonetheless|Meanwhile|Still|Yet|Also|Instead|Moreover|Furthermore|Indeed|Now|Then|Often|Today|Yesterday|Later|Earlier|Again|Besides|Otherwise|Likewise|Overall|Elsewhere|Hours|Days|Weeks|Months|Years)$/;
/** A comma-set part that only places, tags or frames the speaker: never the name when another part may be. */
const isAside = (part: Token[]): boolean => placeOrTag(part) || (part.length === 1 && SENTENCE_ADVERB.test(part[0]!.text));
/** A participial opener ("Recalling that moment", "Speaking at a rally"): an introductory part, no speaker. */
const participleOpener = (part: Token[]): boolean => part.length > 1 && /ing$/i.test(part[0]!.text) && !capOf(part[1]!);
/** Prepositions whose object is never the speaker: a place, an addressee, a topic. */
const NEVER_SPEAKER_PREPOSITIONS = new Set(['from', 'in', 'at', 'near', 'to', 'with', 'against', 'about', 'into', 'across', 'toward', 'towards', 'than', 'outside', 'inside']);
/** Prepositions whose object may speak when nothing else in the phrase is named ("the head of the Bank of England"). */
const OTHER_PREPOSITIONS = new Set(['of', 'for', 'on', 'over', 'under', 'by']);
const PARTY_WORDS = new Set(['republican', 'republicans', 'democrat', 'democrats', 'democratic', 'gop', 'independent', 'conservative', 'liberal', 'libertarian']);

/** Whether the tokens spell a US state ("Tennessee", "New York"). */
const STATE_FIRST_WORDS = new Set([...US_STATES].map((s) => s.split(' ')[0]!));
export function isState(tokens: readonly Token[]): boolean {
  if (tokens.length === 0 || tokens.length > 3 || !STATE_FIRST_WORDS.has(bareOf(tokens[0]!))) return false;
  return US_STATES.has(tokens.map((t) => bareOf(t)).join(' '));
}

/** A word of an organisation, a non-name capitalised word or an outlet: no person's name holds one. */
const notPersonWord = (t: Token): boolean => NOT_PERSON_WORDS.has(bareOf(t));
/** Whether a word ends in a possessive "'s" or "’s" (what /[’']s$/ tests, without the regex). */
export function isPossessive(text: string): boolean {
  const n = text.length;
  if (n < 2 || text.charCodeAt(n - 1) !== 115) return false;
  const c = text.charCodeAt(n - 2);
  return c === 39 || c === 0x2019;
}
/** The text without a closing possessive ("Putin's" -> "Putin"): `text.replace(/[’']s$/u, '')` without the regex. */
const withoutPossessive = (text: string): string => (isPossessive(text) ? text.slice(0, -2) : text);
const joinTokens = (text: string, tokens: Token[]) => (tokens.length ? text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end) : '');

function kindOfName(text: string, name: Token[], roleTokens: Token[], all: Token[], honorific: boolean): EntityKind {
  const words = all.map((t) => bareOf(t));
  const nameWords = name.map((t) => bareOf(t));
  if (!honorific && isState(name)) return 'place';
  if (honorific || roleTokens.some((t) => TITLE_WORDS.has(bareOf(t)))) return 'person';
  // (A head after the name makes it an organisation's, "RIA Novosti news agency", not one after a preposition:
  // "Mervyn King of the Bank of England".)
  const trailing = words.slice(words.indexOf(nameWords[nameWords.length - 1]!) + 1);
  const pp = trailing.findIndex((w) => w === 'of' || w === 'at' || w === 'for' || w === 'from');
  if (nameWords.some((w) => ORG_WORDS.has(w)) || (pp < 0 ? trailing : trailing.slice(0, pp)).some((w) => ORG_WORDS.has(w))) return 'organisation';
  if (name.length === 1 && /^[\p{Lu}.]{2,}$/u.test(name[0]!.text)) return 'organisation'; // NATO, AP, CNN
  if (all[0] && all[0].text.toLowerCase() === 'the' && name.length <= 3) return 'organisation'; // the Pentagon, The Post
  void text;
  return 'person';
}

/** Parse the phrase text[from, to) that names a speaker. */
export function parseSourcePhrase(text: string, from: number, to: number): ParsedSource | null {
  // Party and state tags are not part of a name: "Gov. Pat McCrory (R)", "Rep. Gwen Moore (D-Wis.)".
  const tokens = stripLeading(dropParentheticals(tokenize(text, from, to)));
  if (tokens.length === 0 || tokens.length > 24) return null;
  const first = tokens[0]!;
  if (tokens.length === 1 && PRONOUNS.has(lowOf(first))) {
    return { kind: 'pronoun', name: first.text, entityKind: 'unknown', span: { start: first.start, end: first.end }, roles: [], pronoun: PRONOUNS.get(lowOf(first))! };
  }
  // Appositives: "Navy Capt. Jeff Davis, a Pentagon spokesman" / "Putin's spokesman, Dmitry Peskov".
  const parts: Token[][] = [[]];
  for (const t of tokens) {
    if (t.text === ',' || t.text === '(' || t.text === ')') parts.push([]);
    else parts[parts.length - 1]!.push(t);
  }
  const nonEmpty = parts.filter((p) => p.length);
  let best: { part: Token[]; found: NonNullable<ReturnType<typeof nameIn>> } | null = null;
  // Without a closing comma, the part next to the cue is the subject and earlier parts are an intro
  // ("Speaking at a rally in Novi, Michigan, Trump says"); with one, it is an appositive.
  const lastPart = nonEmpty[nonEmpty.length - 1];
  const closedByComma = tokens[tokens.length - 1]?.text === ',' || text.slice(tokens[tokens.length - 1]!.end, to).includes(',');
  // "Sooner or later, the New Jersey governor", "At a conference in Aspen, Colo., the Stanford graduate": after
  // an introductory phrase (not a name: "Dmitry Peskov, the Kremlin spokesman", "Paul Hofheinz of the Lisbon
  // Council, a Brussels-based group"), a described subject speaks.
  if (!closedByComma && nonEmpty.length > 1 && lastPart && DETERMINERS.has(lowOf(lastPart[0]!)) && lastPart.length > 1) {
    const opener = nonEmpty[0]![0]!;
    const first = nonEmpty[0]!;
    if (CLAUSE_OPENERS.has(lowOf(opener)) || NEVER_SPEAKER_PREPOSITIONS.has(lowOf(opener)) || OTHER_PREPOSITIONS.has(lowOf(opener)) || (first.length > 1 && !capOf(first[1]!) && !isNameParticle(first[1]!))) {
      const own = parseSourcePhrase(text, lastPart[0]!.start, lastPart[lastPart.length - 1]!.end);
      if (own) return own;
    }
  }
  // With one, the subject is the first part that is nothing but a name ("Clinton, during a town hall in
  // Columbus, Ohio,", "The Turkish economics minister, Ali Babacan,"), places, tags and adverbs aside.
  if (closedByComma && nonEmpty.length > 1) {
    for (const part of nonEmpty) {
      // "He, like Mr Kennedy, pointed to ...": the pronoun is the subject.
      if (part === nonEmpty[0] && part.length === 1 && PRONOUNS.has(lowOf(part[0]!)) && ['he', 'she', 'they'].includes(lowOf(part[0]!))) {
        const t = part[0]!;
        return { kind: 'pronoun', name: t.text, entityKind: 'unknown', span: { start: t.start, end: t.end }, roles: [], pronoun: PRONOUNS.get(lowOf(t))! };
      }
      if (isAside(part) || !part.every((t) => capOf(t) || isNameParticle(t))) continue;
      const found = nameIn(part);
      if (found && !isPossessive(found.tokens[found.tokens.length - 1]!.text)) {
        best = { part, found };
        break;
      }
    }
  }
  if (!best && nonEmpty.length > 1 && lastPart && !DETERMINERS.has(lastPart[0]!.text.toLowerCase())) {
    const found = nameIn(lastPart);
    if (found && !isPossessive(found.tokens[found.tokens.length - 1]!.text)) best = { part: lastPart, found };
  }
  for (const part of nonEmpty) {
    // "during a town hall meeting in Columbus" is an adverbial, not the speaker.
    if (nonEmpty.length > 1 && /^(?:during|in|at|on|after|before|while|from|for|with|like|speaking|asked|reached|who|which|according)$/i.test(part[0]!.text)) continue;
    if (nonEmpty.length > 1 && closedByComma && (isAside(part) || participleOpener(part))) continue;
    if (best) break;
    const found = nameIn(part);
    if (!found) continue;
    // Prefer a part whose name is not inside a possessive description ("Putin's spokesman").
    const possessiveDescription = isPossessive(found.tokens[found.tokens.length - 1]!.text) && part.length > found.tokens.length;
    if (possessiveDescription) continue;
    if (!best) best = { part, found };
  }
  if (best) {
    const { part, found } = best;
    const trailing = part.slice(part.indexOf(found.tokens[found.tokens.length - 1]!) + 1).map((t) => bareOf(t));
    // ("Paul Miller of Thames Valley Police": the head of a prepositional tail is not the phrase's.)
    const head = trailing.length && OTHER_PREPOSITIONS.has(trailing[0]!) && capOf(part[part.length - 1]!) ? undefined : trailing[trailing.length - 1];
    // The whole part, its determiner aside, as the speaker: the name in it only modifies its head.
    const wholePart = (kind: 'group' | 'description' | 'organisation', entityKind: EntityKind): ParsedSource => ({
      kind,
      name: joinTokens(text, part.filter((t, i) => !(i === 0 && DETERMINERS.has(t.text.toLowerCase())))),
      entityKind,
      span: { start: part[0]!.start, end: part[part.length - 1]!.end },
      roles: [],
    });
    if (head && GROUP_WORDS.has(head)) return wholePart('group', 'group');
    // "the Russian president", "a Pentagon spokesman": a description of a person, not a name.
    if (head && TITLE_WORDS.has(head) && !ORG_WORDS.has(head)) return wholePart('description', 'person');
    // "The Australian government", "the US regulator", "the Bush administration": a capitalised word that
    // only modifies an organisation noun is not the speaker; the whole phrase is. (An organisation's own
    // name stays: "the RIA Novosti news agency" is RIA Novosti.)
    if (head && (ORG_WORDS.has(head) || ORG_HEADS.has(head)) && trailing.every((w) => /^[a-z]/.test(w)) && !found.tokens.some((t) => ORG_WORDS.has(bareOf(t)))) return wholePart('organisation', 'organisation');
    const roles = [
      ...(found.roleTokens.length ? [joinTokens(text, found.roleTokens)] : []),
      ...nonEmpty.filter((p) => p !== part).map((p) => joinTokens(text, p.filter((t, i) => !(i === 0 && ['a', 'an', 'the'].includes(t.text.toLowerCase()))))),
    ].filter((r) => r.length > 1);
    const kind = kindOfName(text, found.tokens, found.roleTokens, part, found.honorific);
    let nameTokens = found.tokens;
    // An organisation's name runs on over a capitalised tail ("the Office for National Statistics", "the Mail on Sunday").
    const tail = part.slice(part.indexOf(nameTokens[nameTokens.length - 1]!) + 1);
    if (kind === 'organisation' && tail.length >= 2 && ORG_TAIL_PREPOSITIONS.has(lowOf(tail[0]!)) && tail.slice(1).every((t, k) => (capOf(t) && !NON_NAME_CAPS.has(bareOf(t))) || (k > 0 && (isNameParticle(t) || lowOf(t) === 'and')) || (k === 0 && lowOf(t) === 'the')) && capOf(tail[tail.length - 1]!)) nameTokens = [...nameTokens, ...tail];
    const last = nameTokens[nameTokens.length - 1]!;
    const name = withoutPossessive(joinTokens(text, nameTokens));
    // "U.S. officials", "Russian officials", "Café owners": a capitalised modifier of a group noun or of
    // a lower-case plural is not a name.
    const after = part.slice(part.indexOf(last) + 1).map((t) => bareOf(t));
    const afterHead = after.length && OTHER_PREPOSITIONS.has(after[0]!) && capOf(part[part.length - 1]!) ? undefined : after[after.length - 1];
    if (afterHead !== undefined && (GROUP_WORDS.has(afterHead) || (isPluralNoun(afterHead) && part.length <= 5)) && kind !== 'organisation') {
      const desc = joinTokens(text, part.filter((t, i) => !(i === 0 && ['a', 'an', 'the', 'some', 'two', 'three', 'several', 'many'].includes(t.text.toLowerCase()))));
      return { kind: 'group', name: desc, entityKind: 'group', span: { start: part[0]!.start, end: part[part.length - 1]!.end }, roles: [] };
    }
    return { kind: kind === 'organisation' ? 'organisation' : 'name', name, entityKind: kind, span: { start: nameTokens[0]!.start, end: last.end }, roles };
  }
  const head = bareOf(tokens[tokens.length - 1]!);
  // ("One of the experts": the people the share is of.)
  const of = tokens.length > 2 && lowOf(tokens[1]!) === 'of' && DETERMINERS.has(lowOf(tokens[0]!)) ? 2 : 0;
  const desc = joinTokens(text, tokens.filter((t, i) => i >= of && !(i === of && ['a', 'an', 'the', 'some', 'one'].includes(t.text.toLowerCase()))));
  const span = { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end };
  // A document speaks for its author: "a statement from Mr. Trump", "Romney's statement".
  if (DOCUMENT_WORDS.has(head) || tokens.some((t) => DOCUMENT_WORDS.has(bareOf(t)))) {
    const from = tokens.findIndex((t, k) => k > 0 && ['from', 'by'].includes(t.text.toLowerCase()) && tokens[k + 1] !== undefined);
    const author = from > 0 ? nameIn(tokens.slice(from + 1).filter((t) => !DETERMINERS.has(t.text.toLowerCase()))) : null;
    if (author && author.tokens.length) {
      const last = author.tokens[author.tokens.length - 1]!;
      return { kind: 'name', name: withoutPossessive(joinTokens(text, author.tokens)), entityKind: kindOfName(text, author.tokens, author.roleTokens, tokens, author.honorific), span: { start: author.tokens[0]!.start, end: last.end }, roles: [] };
    }
    // "Steele issued a statement saying ...": with no author in the phrase, the sentence's subject speaks.
    if (DOCUMENT_WORDS.has(head) && tokens.length <= 3) return null;
  }
  if (GROUP_WORDS.has(head) || (head.length > 3 && head.endsWith('s') && !head.endsWith('ss') && /^[a-z-]+$/.test(tokens[tokens.length - 1]!.text) && tokens.length <= 6)) return { kind: 'group', name: desc, entityKind: 'group', span, roles: [] };
  if (ORG_WORDS.has(head)) return { kind: 'organisation', name: desc, entityKind: 'organisation', span, roles: [] };
  // Party and state words describe people: "a Tennessee Republican" (one), "two Democratic speechwriters" (several).
  const caps = tokens.filter((t) => capOf(t));
  if (tokens.length <= 6 && caps.length > 0 && caps.every((t) => PARTY_WORDS.has(bareOf(t)) || US_STATES.has(bareOf(t))) && caps.some((t) => PARTY_WORDS.has(bareOf(t)))) {
    if (/s$/.test(head) || ['two', 'three', 'several', 'many', 'some'].includes(lowOf(tokens[0]!))) return { kind: 'group', name: desc, entityKind: 'group', span, roles: [] };
    if (PARTY_WORDS.has(head)) return { kind: 'description', name: desc, entityKind: 'person', span, roles: [] };
  }
  // A description must end in a word that names a person's role ("spokesman", "president"), or have one
  // before its prepositional phrase ("Senator from Texas", "a spokeswoman for Rep. Stephen Fincher").
  const pp = tokens.findIndex((t, k) => k > 0 && (NEVER_SPEAKER_PREPOSITIONS.has(lowOf(t)) || OTHER_PREPOSITIONS.has(lowOf(t))));
  if (tokens.length <= 10 && pp > 0 && TITLE_WORDS.has(bareOf(tokens[pp - 1]!))) return { kind: 'description', name: desc, entityKind: 'person', span, roles: [] };
  if (tokens.length > 8 || !TITLE_WORDS.has(head)) return null;
  return { kind: 'description', name: desc, entityKind: 'person', span, roles: [] };
}

/** Lower-case heads of an organisation described by a capitalised modifier ("the Swedish firm", "the US regulator"). */
const ORG_HEADS: ReadonlySet<string> = new Set(
  'firm regulator watchdog giant maker manufacturer retailer carrier airline broadcaster publisher operator supplier lender insurer producer consortium exchange'.split(' '),
);

/** Words that open a described subject: "the senator", "a longtime adviser", "one Democratic official". */
export const SUBJECT_DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'another', 'one']);
/**
 * A definite or indefinite description in the subject position of a speech verb, whatever its head noun
 * ("The actress said ...", "a longtime adviser said"): the determiner, at most three modifiers and a
 * lower-case head. parseSourcePhrase accepts only heads that name a role; the caller's syntax (a subject
 * right before a speech verb) is the evidence here. A plural head makes a group; a document is left to
 * the document rule ("a statement saying ...": its author speaks).
 */
export function parseSubjectDescription(text: string, from: number, to: number): ParsedSource | null {
  const tokens = tokenize(text, from, to);
  if (tokens.length < 2 || tokens.length > 5 || !SUBJECT_DETERMINERS.has(lowOf(tokens[0]!))) return null;
  const head = tokens[tokens.length - 1]!;
  // "The Wisconsin Republican says": a party word heads a description of a politician.
  const party = PARTY_WORDS.has(lowOf(head)) && /^[A-Z][a-z]+$/.test(head.text);
  if ((!party && !/^[a-z0-9][a-z0-9-]*[a-z]$/.test(head.text)) || DOCUMENT_WORDS.has(head.text) || PRONOUNS.has(head.text)) return null;
  // An age may head the description ("the 30-year-old") or modify its head ("The 57-year-old scientist").
  for (let k = 1; k < tokens.length; k++) if (!(/^\p{L}/u.test(tokens[k]!.text) || /^\d+-year-old$/.test(tokens[k]!.text) || (k < tokens.length - 1 && /^\d+-[a-z-]+$/.test(tokens[k]!.text))) || SUBJECT_DETERMINERS.has(lowOf(tokens[k]!))) return null;
  const span = { start: tokens[1]!.start, end: head.end };
  const name = text.slice(span.start, span.end);
  return isPluralNoun(head.text) ? { kind: 'group', name, entityKind: 'group', span, roles: [] } : { kind: 'description', name, entityKind: 'person', span, roles: [] };
}
// ---------------------------------------------------------------------------------------------------

export interface ArticleEntity {
  /** The kind and lower-cased name the entity is filed under (setKey). */
  filedKind: EntityKind;
  filedName: string;
  name: string;
  kind: EntityKind;
  /**
   * Lower-cased aliases and roles, each once, in the order first met. Arrays, not Sets: most entities get
   * none or a few, and a new Set for each cost more than the look-ups it saves.
   */
  aliases: string[];
  roles: string[];
  /** Offsets of mentions, in order. */
  mentions: number[];
  /** Grammatical gender from the text's own evidence (Mr./Ms., "his wife, X", "spokeswoman"); 'unknown' when it conflicts. */
  gender?: Gender;
}

export type Gender = 'male' | 'female' | 'unknown';

/** Gendered words of titles, roles and kinship ("congresswoman", "his wife, Huma Abedin"). */
const FEMALE_WORDS = 'mrs ms miss madam lady dame queen princess duchess wife widow mother daughter sister aunt niece grandmother granddaughter girlfriend fiancee bride actress businesswoman congresswoman spokeswoman chairwoman councilwoman assemblywoman anchorwoman sportswoman stepmother stepdaughter'.split(' ');
const MALE_WORDS = 'mr sir lord king prince duke husband widower father son brother uncle nephew grandfather grandson boyfriend fiance groom actor businessman congressman spokesman chairman councilman assemblyman anchorman sportsman stepfather stepson'.split(' ');
/** Word -> the gender it marks: one look-up per word (the two lists share no word). */
const GENDER_WORDS = new Map<string, 'male' | 'female'>([...FEMALE_WORDS.map((w) => [w, 'female'] as const), ...MALE_WORDS.map((w) => [w, 'male'] as const)]);

/** The gender a word marks, if any. */
export function genderOfWord(word: string): 'male' | 'female' | undefined {
  if (word.length === 0) return undefined;
  const low = word.toLowerCase();
  const w = low.charCodeAt(low.length - 1) === 46 ? low.slice(0, -1) : low;
  return GENDER_WORDS.get(w);
}

/**
 * The last word of a title, role or description ("the congressman", "his wife") read for gender: its last
 * run of letters. Read back from the end while the characters are ASCII; a non-ASCII one leaves it to the
 * Unicode regex (letters beyond ASCII, astral ones as one).
 */
const genderOfPhrase = (phrase: string): 'male' | 'female' | undefined => {
  let end = phrase.length;
  for (; end > 0; end--) {
    const c = phrase.charCodeAt(end - 1);
    if (c >= 128) return genderOfLastLetters(phrase);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) break;
  }
  if (end === 0) return undefined;
  let start = end - 1;
  for (; start > 0; start--) {
    const c = phrase.charCodeAt(start - 1);
    if (c >= 128) return genderOfLastLetters(phrase);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
  }
  return genderOfWord(phrase.slice(start, end));
};
/** genderOfPhrase by the Unicode regex, for a phrase whose last word may hold non-ASCII letters. */
const genderOfLastLetters = (phrase: string): 'male' | 'female' | undefined => {
  const words = phrase.match(/[\p{L}]+/gu);
  return words ? genderOfWord(words[words.length - 1]!) : undefined;
};

/**
 * Definite descriptions that open a sentence and refer back to the person the text is about: "The
 * congressman also expressed concern ...", "The former governor said ...". Up to two modifiers.
 */
interface Anaphor {
  offset: number;
  text: string;
}
const SUBJECT_ANAPHOR = /\b(?:[Hh]e|[Ss]he|The (?:[A-Za-z.-]+ ){0,2}(?:congressman|congresswoman|senator|governor|mayor|candidate|nominee|lawmaker|legislator|judge|sheriff|spokesman|spokeswoman|businessman|businesswoman|actor|actress|billionaire))\b/g;

/** SUBJECT_ANAPHOR tried at one offset. */
const ANAPHOR_AT = new RegExp(SUBJECT_ANAPHOR.source, 'y');

/**
 * Every match of SUBJECT_ANAPHOR in the body, in order. Each match holds "he" or "He" ("he", "She",
 * "The ...") at its start or one after it: the regex is tried only where such a pair opens a word with
 * the right letter, not at every offset of the body (most pairs sit inside "the", "they", "when").
 */
function anaphorsIn(body: string): Anaphor[] {
  const out: Anaphor[] = [];
  let reach = 0;
  const tryAt = (s: number): void => {
    // (\b before s: the character before is no ASCII word character, [A-Za-z0-9_].)
    const before = s > 0 ? body.charCodeAt(s - 1) : 0;
    if (s < reach || isAsciiAlnum(before) || before === 95) return;
    ANAPHOR_AT.lastIndex = s;
    const m = ANAPHOR_AT.exec(body);
    if (m) {
      out.push({ offset: s, text: m[0] });
      reach = s + m[0].length;
    }
  };
  let lower = body.indexOf('he');
  let upper = body.indexOf('He');
  while (lower >= 0 || upper >= 0) {
    if (upper < 0 || (lower >= 0 && lower < upper)) {
      const c = lower > 0 ? body.charCodeAt(lower - 1) : 0;
      if (c === 83 || c === 115 || c === 84) tryAt(lower - 1); // She, she, The
      tryAt(lower);
      lower = body.indexOf('he', lower + 1);
    } else {
      tryAt(upper);
      upper = body.indexOf('He', upper + 1);
    }
  }
  return out;
}

const normRole = (r: string) =>
  r
    .toLowerCase()
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/** The surname of a name, lower-cased, without a particle ("al-") or a possessive. */
const surname = (name: string): string => {
  // (A new person's name is asked twice in a row, by findByName and then by indexSurname: the last answer
  // is kept, so the second call builds and hashes no new string.)
  if (name === lastSurnameOf) return lastSurname;
  const i = lastSpace(name) + 1;
  const last = name.slice(i);
  const bare = last.length > 3 && (last.charCodeAt(2) === 45 || last.charCodeAt(3) === 45) ? last.replace(/^(?:al|el|bin|ibn)-/i, '') : last;
  lastSurnameOf = name;
  return (lastSurname = withoutPossessive(bare).toLowerCase());
};
let lastSurnameOf = '';
let lastSurname = '';

/**
 * Whether two full names open with the same given name ("Hillary Clinton" / "Hillary Rodham Clinton"),
 * or one's is the other's initial ("J. Smith" / "John Smith").
 */
export function sameFirstName(a: string, b: string): boolean {
  const fa = a.split(/\s+/)[0]!.toLowerCase().replace(/\.$/, '');
  const fb = b.split(/\s+/)[0]!.toLowerCase().replace(/\.$/, '');
  return fa === fb || (fa.length === 1 && fb.startsWith(fa)) || (fb.length === 1 && fa.startsWith(fb));
}

/**
 * Of several people who share a surname, the one a bare "Clinton" or "Mrs. Clinton" means: of those whose
 * gender agrees with the honorific, the one the article introduced first (the story's subject; the other
 * is usually named in full or by first name).
 */
function pickNamesake(list: readonly ArticleEntity[], gender: 'male' | 'female' | undefined): ArticleEntity | undefined {
  let best: ArticleEntity | undefined;
  let bestFirst = Infinity;
  for (const e of list) {
    if (gender && e.gender && e.gender !== 'unknown' && e.gender !== gender) continue;
    const first = e.mentions.length ? Math.min(...e.mentions) : Infinity;
    if (!best || first < bestFirst) {
      best = e;
      bestFirst = first;
    }
  }
  return best;
}

/** A rank word before a role: the holder of "deputy prime minister" is not "the prime minister". */
const RANK = /\b(?:deputy|vice|assistant|under|shadow|former|ex|junior|acting|associate|lieutenant)\b/;

/** Entities of one article and the mentions that name them. */
export class ArticleEntities {
  /**
   * Every entity, in the order it was filed (one filed again goes last). A plain list: the Map by a
   * "kind:name" key it replaced hashed a freshly built string for every new entity. byKindName finds an
   * entity; this only keeps the order.
   */
  readonly all: ArticleEntity[] = [];
  /** The entities by kind and lower-cased name. */
  private readonly byKindName = new Map<string, Map<string, ArticleEntity>>();
  /** Lower-cased alias -> entity, kept in step with every entity's aliases. */
  private readonly aliasIndex = new Map<string, ArticleEntity>();
  /** Person-like mentions in body order (for pronoun resolution). */
  readonly personMentions: { offset: number; entity: ArticleEntity }[] = [];

  /** Subject pronouns and descriptions in the body (SUBJECT_ANAPHOR), found on the first resolution pass. */
  private anaphors: Anaphor[] | undefined;

  /** Pronouns already resolved, by offset (a chain: "Putin ... He said ... he added"). */
  readonly pronounAt = new Map<number, ArticleEntity>();
  /** Quoted stretches: names inside a quote are not antecedents for the attribution's pronoun. */
  quoted: readonly Span[] = [];

  constructor(readonly body: string) {}

  insideQuote(offset: number): boolean {
    // Quoted spans are in body order and do not overlap: binary search.
    let lo = 0;
    let hi = this.quoted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = this.quoted[mid]!;
      if (offset < q.start) hi = mid - 1;
      else if (offset >= q.end) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** Index of the first person mention at or after `offset` (mentions are kept sorted). */
  private mentionIndex(offset: number): number {
    let lo = 0;
    let hi = this.personMentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.personMentions[mid]!.offset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Resolve every subject pronoun (he, she) and every sentence-opening description ("The congressman ...")
   * in body order, so chains of pronouns follow one person.
   */
  resolvePronouns(sentences: readonly Span[]): void {
    // One pass over the body (a per-sentence scan would run on past each sentence's end), kept for the
    // second call.
    for (const { offset, text } of (this.anaphors ??= anaphorsIn(this.body))) {
      // Already resolved by an earlier pass: resolving again would add a second mention.
      if (this.pronounAt.has(offset) || this.insideQuote(offset)) continue;
      let entity: ArticleEntity | undefined;
      if (text.length <= 3) entity = this.resolvePronoun(offset, sentences, PRONOUNS.get(text.toLowerCase()));
      else {
        // A description counts only as a sentence's subject ("The senator said"), not in "the senator's".
        if (!opensSentence(this.body, offset) || /^[’']/.test(this.body.slice(offset + text.length, offset + text.length + 1))) continue;
        entity = this.resolveDescription(offset, sentences, text);
      }
      if (!entity) continue;
      this.pronounAt.set(offset, entity);
      this.personMentions.splice(this.mentionIndex(offset + 1), 0, { offset, entity });
    }
  }

  /**
   * The person a definite description at `offset` refers to ("the Russian president", "The congressman"):
   * the holder of that role on record, else the person the text is about, as a pronoun of the
   * description's gender ("congresswoman") would.
   */
  resolveDescription(offset: number, sentences: readonly Span[], description: string): ArticleEntity | undefined {
    const known = this.pronounAt.get(offset);
    if (known) return known;
    const byRole = this.findByRole(description);
    if (byRole) return byRole;
    if (!/^the\s/i.test(description)) return undefined;
    return this.resolvePronoun(offset, sentences, genderOfPhrase(description) ?? 'any');
  }

  /** File an entity under kind and name, in `all` and byKindName alike. */
  private setKey(entity: ArticleEntity, kind: EntityKind, lower: string): void {
    entity.filedKind = kind;
    entity.filedName = lower;
    // (setKey files a new entity, or one unkey has just taken out: never one already in the list.)
    this.all.push(entity);
    let names = this.byKindName.get(kind);
    if (!names) this.byKindName.set(kind, (names = new Map()));
    names.set(lower, entity);
  }

  private unkey(entity: ArticleEntity): void {
    this.all.splice(this.all.indexOf(entity), 1);
    this.byKindName.get(entity.filedKind)?.delete(entity.filedName);
  }

  /**
   * findByName(name, 'person') ?? findByName(name, 'organisation') ?? findByName(name, 'group'), with one
   * look-up of the name for the last two: when the person look-up finds nothing, the organisation one
   * (the same exact names, aliases and surnames, in another order) finds nothing either, and the group
   * one only a group filed under exactly this name.
   */
  findByAnyName(name: string): ArticleEntity | undefined {
    const lower = name.toLowerCase();
    return this.findByName(name, 'person', undefined, lower) ?? this.byKindName.get('group')?.get(lower);
  }

  /** The entity a proper name refers to: an exact full name, or a known full name with this surname. */
  findByName(name: string, kind: EntityKind, gender?: 'male' | 'female', lower = name.toLowerCase()): ArticleEntity | undefined {
    const exact = this.byKindName.get(kind)?.get(lower) ?? (kind === 'person' ? undefined : this.byKindName.get('person')?.get(lower)) ?? (kind === 'organisation' ? undefined : this.byKindName.get('organisation')?.get(lower));
    if (exact) return exact;
    const aliased = this.aliasIndex.get(lower);
    if (aliased) return aliased;
    // People with several words in their name, by surname (an index, not a scan of every entity).
    const candidates = this.bySurname.get(surname(name));
    if (kind !== 'person' || name.includes(' ')) {
      // A longer known name that ends with this one ("Vladimir Putin" for "Putin"), when multi-word too.
      if (name.includes(' ')) for (const e of candidates ?? []) if (e.name.toLowerCase().endsWith(' ' + lower)) return e;
      if (kind !== 'person') return undefined;
    }
    // "Hillary Clinton" is not "Bill Clinton": a full name matches another only with the same first name.
    const list = name.includes(' ') ? candidates?.filter((e) => sameFirstName(name, e.name)) : candidates;
    return list && list.length ? pickNamesake(list, gender) : undefined;
  }

  /** Multi-word person names by surname, kept in step with `all` (each list in its order). */
  readonly bySurname = new Map<string, ArticleEntity[]>();

  private indexSurname(e: ArticleEntity): void {
    if (e.kind !== 'person' || !e.name.includes(' ')) return;
    const s = surname(e.name);
    const list = this.bySurname.get(s);
    if (!list) this.bySurname.set(s, [e]);
    else if (!list.includes(e)) list.push(e);
  }

  /** File `alias` (lower-cased) under the entity, unless it is the entity's own lower-cased name. */
  private addAlias(entity: ArticleEntity, own: string, alias: string): void {
    if (alias === own) return;
    if (!entity.aliases.includes(alias)) entity.aliases.push(alias);
    if (!this.aliasIndex.has(alias)) this.aliasIndex.set(alias, entity);
  }

  /** Record a proper name (with roles) seen at `offset`; returns its entity. */
  add(name: string, kind: EntityKind, offset: number, roles: readonly string[] = [], alias?: string): ArticleEntity {
    // Gender evidence: the word right before the name ("Mr.", "Congresswoman", "his wife,"), or a role.
    let gender: Gender | undefined = kind === 'person' ? genderOfWord(wordBefore(this.body, offset)) : undefined;
    const lower = name.toLowerCase();
    let entity = this.findByName(name, kind, gender, lower);
    if (entity && name.includes(' ') && !entity.name.includes(' ') && entity.kind === 'person') {
      // A full name arrives after a surname-only entity: upgrade it.
      this.unkey(entity);
      const surnameOnly = entity.name.toLowerCase();
      if (!entity.aliases.includes(surnameOnly)) entity.aliases.push(surnameOnly);
      if (!this.aliasIndex.has(surnameOnly)) this.aliasIndex.set(surnameOnly, entity);
      entity.name = name;
      this.setKey(entity, kind, lower);
      this.indexSurname(entity);
    }
    if (!entity) {
      entity = { filedKind: kind, filedName: lower, name, kind, aliases: [], roles: [], mentions: [] };
      this.setKey(entity, kind, lower);
      this.indexSurname(entity);
    }
    // (Most mentions repeat the entity's own name without an alias: then no alias is built.)
    if (name !== entity.name || alias) {
      // (An entity's lower-cased name is the one it is filed under.)
      const own = entity.filedName;
      if (name !== entity.name) this.addAlias(entity, own, lower);
      // (The alias is mostly the name as written: its lower case is then the one already made.)
      if (alias) this.addAlias(entity, own, alias === name ? lower : alias.toLowerCase());
    }
    for (const r of roles) if (r.length > 2 && r.length < 80 && !entity.roles.includes(r)) entity.roles.push(r);
    if (entity.kind === 'person') {
      for (const r of roles) gender ??= genderOfRole(r);
      if (gender) entity.gender = entity.gender === undefined || entity.gender === gender ? gender : 'unknown';
    }
    entity.mentions.push(offset);
    if (entity.kind === 'person') this.personMentions.push({ offset, entity });
    return entity;
  }

  /** The person who holds a role described as `description` ("the Russian president"). */
  findByRole(description: string): ArticleEntity | undefined {
    const d = normRole(description);
    if (d.length < 3) return undefined;
    let best: ArticleEntity | undefined;
    let bestScore = 0;
    const dWords = d.split(' ');
    for (const e of this.all) {
      for (const r of e.roles) {
        const rn = normRole(r);
        let score = 0;
        if (rn === d) score = 3;
        // ("deputy prime minister" does not hold "the prime minister": a rank before the role makes it another.)
        else if (RANK.test(rn) && !RANK.test(d)) continue;
        else if (rn.endsWith(d) || d.endsWith(rn)) score = 2;
        else {
          const rWords = new Set(rn.split(' '));
          const shared = dWords.filter((w) => rWords.has(w)).length;
          // The head noun must agree ("spokesman"), and most modifiers.
          if (rWords.has(dWords[dWords.length - 1]!) && shared / dWords.length >= 0.6) score = 1;
        }
        if (score > bestScore) {
          best = e;
          bestScore = score;
        }
      }
    }
    return best;
  }

  /**
   * The person a pronoun at `offset` refers to: the first person named in the nearest preceding sentence
   * that names one whose gender, where the text shows it, agrees ("his wife, Huma Abedin" is not "he").
   */
  resolvePronoun(offset: number, sentences: readonly Span[], pronoun: ParsedSource['pronoun'] | 'any'): ArticleEntity | undefined {
    if (pronoun !== 'male' && pronoun !== 'female' && pronoun !== 'any') return undefined;
    const known = this.pronounAt.get(offset);
    if (known) return known;
    const clash: Gender | null = pronoun === 'male' ? 'female' : pronoun === 'female' ? 'male' : null;
    // The sentence holding the offset; in a gap between two, the one before; past the last, none.
    const after = firstAtOrAfter(sentences, offset + 1);
    const si = after === sentences.length && after > 0 && offset >= sentences[after - 1]!.end ? -1 : after - 1;
    for (let k = si; k >= 0 && k >= si - 4; k--) {
      const s = sentences[k]!;
      const limit = k === si ? offset : s.end;
      for (let i = this.mentionIndex(s.start); i < this.personMentions.length; i++) {
        const m = this.personMentions[i]!;
        if (m.offset >= limit) break;
        if (!this.insideQuote(m.offset) && (clash === null || m.entity.gender !== clash)) return m.entity;
      }
    }
    return undefined;
  }
}

/** Whether `offset` opens a sentence: only white space, quote marks or brackets after a full stop or the start. */
function opensSentence(body: string, offset: number): boolean {
  let i = offset - 1;
  let newline = false;
  while (i >= 0 && /[\s"“”‘’(]/.test(body[i]!)) {
    if (body[i] === '\n') newline = true;
    i--;
  }
  return i < 0 || newline || /[.!?:]/.test(body[i]!);
}

/**
 * The gender a role marks by its head word ("spokeswoman for the senator", "Pentagon spokesman", "wife of
 * ..."): the role's words (split at spaces) up to the first preposition after its first word. The words
 * are found by indexOf, not split and joined: a preposition is two to four letters, so only such words are
 * lower-cased and looked up.
 */
function genderOfRole(role: string): 'male' | 'female' | undefined {
  let cut = role.length;
  for (let space = role.indexOf(' '); space >= 0; ) {
    const next = role.indexOf(' ', space + 1);
    const end = next < 0 ? role.length : next;
    if (end - space - 1 >= 2 && end - space - 1 <= 4 && ROLE_PREPOSITIONS.has(role.slice(space + 1, end).toLowerCase())) {
      cut = space;
      break;
    }
    space = next;
  }
  return genderOfPhrase(cut === role.length ? role : role.slice(0, cut));
}
const ROLE_PREPOSITIONS = new Set(['for', 'to', 'of', 'at', 'in', 'with', 'from', 'on']);

/** The word right before `offset`, over a comma, full stop and spaces ("his wife, |Huma", "Mr. |Weiner"). */
function wordBefore(body: string, offset: number): string {
  let end = offset;
  const floor = Math.max(0, offset - 6);
  while (end > floor && (isWhiteSpace(body.charCodeAt(end - 1)) || body.charCodeAt(end - 1) === 44 || body.charCodeAt(end - 1) === 46)) end--;
  let start = end;
  while (start > 0 && end - start < 20 && isLetterAt(body, start - 1)) start--;
  return body.slice(start, end);
}

/** Two tokens separated by exactly one space (or no-break space). */
const spaced = (body: string, a: Token, b: Token) => b.start - a.end === 1 && (body.charCodeAt(a.end) === 32 || body.charCodeAt(a.end) === 0xa0);
/**
 * Whether the entity's lower-cased name opens with `word` (lower-cased) and a space: read off the name it
 * is filed under (setKey files it lower-cased), so no name is lower-cased again.
 */
const opensName = (e: ArticleEntity, word: string): boolean => e.filedName.startsWith(word) && e.filedName.charCodeAt(word.length) === 32;
/** Prepositions before a place: a capitalised run after them is where, not who. */
const LOCATIVE = new Set(['in', 'from', 'at', 'near']);

/**
 * learnNames' tables of surname openings, reused from article to article: per folded ASCII initial, 0 for
 * no surname, 1 for surnames of two or more letters (then PAIRS holds their first two), 2 when one is a
 * single letter.
 */
const INITIALS = new Uint8Array(128);
/** learnNames' flags for the first two characters of surnames (folded ASCII, initial * 128 + second). */
const PAIRS = new Uint8Array(128 * 128);

/** Lower-case title words that may sit inside a run of capitalised words ("Kremlin spokesman Dmitry Peskov"). */
const RUN_TITLES = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'minister', 'president', 'secretary']);
/** Whether a token is one of RUN_TITLES, eight to twelve letters long: most words are ruled out by length before the look-up hashes them. */
const runTitle = (t: Token): boolean => t.text.length >= 8 && t.text.length <= 12 && RUN_TITLES.has(t.text);

/**
 * Pre-pass over the body: learn full names with their titles ("Russian President Vladimir Putin",
 * "Kremlin spokesman Dmitry Peskov") so later surnames, descriptions and pronouns resolve.
 */
export function learnNames(body: string, entities: ArticleEntities): void {
  const { tokens, caps } = indexed && indexed.body === body ? indexed : tokenizeBody(body);
  // The capitalised tokens in order, for the surname pass below.
  const capitalised: number[] = [];
  // Names start at capitalised words (honorifics too: "Mr", "Dr"), so only those are visited; a run
  // consumes its tokens up to `consumed`.
  let consumed = 0;
  for (let c = 0; c < caps.length; c++) {
    const i = caps[c]!;
    if (i < consumed || !capOf(tokens[i]!)) continue;
    // A run of capitalised words (titles included), with name particles inside.
    let j = i;
    // A name's words are one space apart: a full stop, quote mark or line break ends the run
    // ("... Barack Obama.\n\n“Sheriff Arpaio knows").
    while (j < tokens.length && (j === i || spaced(body, tokens[j - 1]!, tokens[j]!)) && (capOf(tokens[j]!) || (isNameParticle(tokens[j]!) && j + 1 < tokens.length && capOf(tokens[j + 1]!)) || runTitle(tokens[j]!))) j++;
    if (j - i < 2) {
      capitalised.push(i);
      continue;
    }
    for (let k = i; k < j; k++) if (capOf(tokens[k]!)) capitalised.push(k);
    const run = tokens.slice(i, j);
    const prev = tokens[i - 1];
    consumed = j;
    // Lower-case title words before the run ("spokesman") were consumed only inside; find the name part.
    const found = nameIn(run);
    if (!found || found.tokens.length < 2 && !found.honorific && found.roleTokens.length === 0) continue;
    // (A run that opens with a conjunction is a sentence's start: "But Band Aid founder ...", "When Trump".)
    const opensAt = run.indexOf(found.tokens[0]!);
    if (opensAt > 0 && CLAUSE_OPENERS.has(lowOf(run[opensAt - 1]!))) continue;
    if (found.tokens.some(notPersonWord)) continue;
    const nameText = withoutPossessive(joinTokens(body, found.tokens));
    if (found.tokens.length > 4) continue;
    // Places are not people: "a senator from New York", "in Tennessee", "from Los Angeles".
    if (isState(found.tokens)) continue;
    if (prev && found.tokens[0] === run[0] && LOCATIVE.has(lowOf(prev)) && !isPossessive(found.tokens[found.tokens.length - 1]!.text)) continue;
    const hasTitle = found.roleTokens.some((x) => TITLE_WORDS.has(bareOf(x))) || found.honorific;
    if (found.tokens.length < 2 && !hasTitle) continue;
    // Runs at a sentence start may begin with an ordinary capitalised word ("Speaking"): a name needs a title or 2+ words.
    const roles = found.roleTokens.length && found.roleTokens.some((x) => TITLE_WORDS.has(bareOf(x))) ? [joinTokens(body, found.roleTokens)] : [];
    // A title that is only an honorific adds no role.
    entities.add(nameText, 'person', found.tokens[0]!.start, roles, found.honorific ? joinTokens(body, run.slice(run.indexOf(found.tokens[0]!) - 1, run.indexOf(found.tokens[found.tokens.length - 1]!) + 1)) : undefined);
  }

  // Second pass: surname-only mentions of the people just learnt ("Putin attacked critics"), by the
  // entities' own surname index (multi-word person names, in `all`'s order).
  const surnames = entities.bySurname;
  // The first two letters of those surnames, folded to lower case: most capitalised words are ruled out by
  // theirs before bareOf lower-cases them for a Map look-up. (ASCII only, in a flag per code: only ASCII
  // letters are ruled out by it, and a Set hashed each look-up. Tables cleared per article: allocating typed
  // arrays for each cost more than the pass it speeds.) A word's bare form opens with its own first two
  // characters lower-cased, unless it is one letter ("J.", "A's"): a one-letter surname turns the pair test off.
  const initials = INITIALS.fill(0);
  const pairs = surnames.size > 0 ? PAIRS.fill(0) : PAIRS;
  for (const name of surnames.keys()) {
    const a = name.charCodeAt(0) | 0x20;
    if (a >= 128) continue;
    if (name.length < 2) initials[a] = 2;
    else {
      if (initials[a] === 0) initials[a] = 1;
      const b = name.charCodeAt(1) | 0x20;
      if (b < 128) pairs[(a << 7) | b] = 1;
    }
  }
  for (let n = 0; n < capitalised.length && surnames.size > 0; n++) {
    const k = capitalised[n]!;
    const t = tokens[k]!;
    const c = t.text.charCodeAt(0);
    if (c < 128 && !t.text.includes('-')) {
      const flag = initials[c | 0x20];
      if (flag === 0) continue;
      const d = t.text.charCodeAt(1);
      if (flag === 1 && d < 128 && pairs[((c | 0x20) << 7) | (d | 0x20)] === 0) continue;
    }
    const b = bareOf(t);
    const list = surnames.get(b.indexOf('-') > 0 ? b.replace(/^(?:al|el|bin|ibn)-/, '') : b);
    if (!list) continue;
    // The surname inside a full name ("Bill Clinton", "Hillary Rodham Clinton") is that name's own mention.
    const prev = tokens[k - 1];
    if (prev && spaced(body, prev, t) && capOf(prev) && !NEVER_GIVEN_NAMES.has(bareOf(prev))) continue;
    const e = list.length === 1 ? list[0]! : pickNamesake(list, prev ? genderOfWord(bareOf(prev)) : undefined);
    if (e && !e.mentions.includes(t.start) && !opensName(e, lowOf(t))) {
      // Skip the surname inside the full name itself (the name up to its last word is that word's start).
      const from = Math.max(0, t.start - (lastSpace(e.name) + 1));
      if (t.end - from === e.name.length && body.startsWith(e.name, from)) continue;
      e.mentions.push(t.start);
      entities.personMentions.push({ offset: t.start, entity: e });
    }
  }
  sortInPlace(entities.personMentions, byOffset);
  for (const e of entities.all) sortInPlace(e.mentions, ascending);
}
